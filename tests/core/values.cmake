vermilion_add_test(NAME tst_values SOURCES tst_values.cpp)
vermilion_add_test(NAME tst_bigvalues SOURCES tst_bigvalues.cpp)
