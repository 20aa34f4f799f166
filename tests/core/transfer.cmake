# Export, import and copy (owned by the transfer feature). Included from tests/core/CMakeLists.txt.
vermilion_add_test(NAME tst_transfer SOURCES tst_transfer.cpp)
