vermilion_add_test(NAME tst_dashboard SOURCES tst_dashboard.cpp)
