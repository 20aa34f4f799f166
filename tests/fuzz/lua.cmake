# Lua workspace (owned by the lua feature). Included from tests/fuzz/CMakeLists.txt.
vermilion_add_fuzzer(fuzz_lua)
