# Lock inspector, Carmine queue and Tundra (owned by the carmine feature). Included from tests/core/CMakeLists.txt.
vermilion_add_test(NAME tst_carmine SOURCES tst_carmine.cpp)
vermilion_add_test(NAME tst_locks SOURCES tst_locks.cpp)
