# Lock inspector and queue viewer panels (owned by the carmine feature). Included from tests/ui/CMakeLists.txt.
vermilion_add_test(NAME tst_lockspanel SOURCES tst_lockspanel.cpp uitestsupport.h GUI LIBS vermilion_ui)
vermilion_add_test(NAME tst_queuespanel SOURCES tst_queuespanel.cpp uitestsupport.h GUI LIBS vermilion_ui)
