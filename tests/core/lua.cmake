# Lua workspace (owned by the lua feature). Included from tests/core/CMakeLists.txt.
vermilion_add_test(NAME tst_lua SOURCES tst_lua.cpp)
