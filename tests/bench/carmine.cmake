# Lock and queue scenarios (owned by the carmine feature). Included from tests/bench/CMakeLists.txt.
target_sources(vermilion-bench PRIVATE locks.cpp queue.cpp)
