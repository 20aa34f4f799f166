# Lua workspace (owned by the lua feature). Included from tests/core/CMakeLists.txt.
# Links the app resources for the bundled example scripts.
vermilion_add_test(NAME tst_lua SOURCES tst_lua.cpp LIBS vermilion_resources)
