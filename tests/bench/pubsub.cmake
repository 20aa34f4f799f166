# Pub/sub and MONITOR scenarios (owned by the pubsub feature). Included from tests/bench/CMakeLists.txt.
target_sources(vermilion-bench PRIVATE pubsub.cpp monitor.cpp)
