# Lua workspace (owned by the lua feature). Included from tests/ui/CMakeLists.txt.
vermilion_add_test(NAME tst_luapanel SOURCES tst_luapanel.cpp uitestsupport.h GUI LIBS vermilion_ui)
