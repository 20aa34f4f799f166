# Value formats (owned by the formats feature). Included from tests/core/CMakeLists.txt.
vermilion_add_test(NAME tst_formats SOURCES tst_formats.cpp)
vermilion_add_test(NAME tst_nippy SOURCES tst_nippy.cpp)
