# Export file readers (owned by the transfer feature). Included from tests/fuzz/CMakeLists.txt.
vermilion_add_fuzzer(fuzz_transfer)
