# Pub/sub and MONITOR panel suites (owned by the pubsub feature). Included from tests/ui/CMakeLists.txt.
vermilion_add_test(NAME tst_pubsubpanel SOURCES tst_pubsubpanel.cpp uitestsupport.h GUI LIBS vermilion_ui)
vermilion_add_test(NAME tst_monitorpanel SOURCES tst_monitorpanel.cpp uitestsupport.h GUI LIBS vermilion_ui)
