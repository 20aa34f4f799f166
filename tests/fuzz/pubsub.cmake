# Pub/sub and MONITOR fuzz targets (owned by the pubsub feature). Included from tests/fuzz/CMakeLists.txt.
vermilion_add_fuzzer(fuzz_monitor)
vermilion_add_fuzzer(fuzz_glob)
vermilion_add_fuzzer(fuzz_pushstream)
