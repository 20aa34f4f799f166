vermilion_add_test(NAME tst_keyjobs SOURCES tst_keyjobs.cpp)
