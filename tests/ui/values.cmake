vermilion_add_test(NAME tst_valueeditors SOURCES tst_valueeditors.cpp uitestsupport.h GUI LIBS vermilion_ui)
