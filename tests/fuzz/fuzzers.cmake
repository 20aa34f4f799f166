# Value formats (owned by the formats feature). Included from tests/fuzz/CMakeLists.txt.
vermilion_add_fuzzer(fuzz_formats)
vermilion_add_fuzzer(fuzz_nippy)
vermilion_add_fuzzer(fuzz_info)
vermilion_add_fuzzer(fuzz_cluster)
vermilion_add_fuzzer(fuzz_admin)
