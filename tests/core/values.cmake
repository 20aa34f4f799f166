vermilion_add_test(NAME tst_values SOURCES tst_values.cpp)
