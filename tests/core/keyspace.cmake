vermilion_add_test(NAME tst_keyspace SOURCES tst_keyspace.cpp)
