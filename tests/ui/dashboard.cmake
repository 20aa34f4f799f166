vermilion_add_test(NAME tst_dashboardpanel SOURCES tst_dashboardpanel.cpp uitestsupport.h GUI LIBS vermilion_ui)
