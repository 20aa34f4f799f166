# Pub/sub and MONITOR suites (owned by the pubsub feature). Included from tests/core/CMakeLists.txt.
vermilion_add_test(NAME tst_pubsub SOURCES tst_pubsub.cpp)
vermilion_add_test(NAME tst_monitor SOURCES tst_monitor.cpp)
