# Lua workspace (owned by the lua feature). Included from tests/core/CMakeLists.txt.
# Links the app resources for the bundled example scripts.
vermilion_add_test(NAME tst_lua SOURCES tst_lua.cpp LIBS vermilion_resources)
# Test input that is not ours (Carmine's mq scripts): tests/core/data, with its source and licence.
target_compile_definitions(tst_lua PRIVATE VERMILION_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")
