# Pub/sub and MONITOR (owned by the pubsub feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    pubsub/globmatch.cpp pubsub/globmatch.h
    pubsub/pubsubmessage.h
    pubsub/subscriber.cpp pubsub/subscriber.h
    pubsub/pubsubwiredecoder.cpp pubsub/pubsubwiredecoder.h
    pubsub/pushstreamdecoder.cpp pubsub/pushstreamdecoder.h
    pubsub/handoverqueue.h
    pubsub/handlerrule.cpp pubsub/handlerrule.h
    pubsub/handlerrulemodel.cpp pubsub/handlerrulemodel.h
    pubsub/streamtablemodel.h
    pubsub/messagemodel.cpp pubsub/messagemodel.h
    pubsub/pubsubpane.cpp pubsub/pubsubpane.h
    pubsub/publish.cpp pubsub/publish.h
)
target_sources(vermilion_core PRIVATE
    pubsub/monitorline.cpp pubsub/monitorline.h
    pubsub/monitor.cpp pubsub/monitor.h
    pubsub/monitorgroup.cpp pubsub/monitorgroup.h
    pubsub/monitormodel.cpp pubsub/monitormodel.h
    pubsub/channeldiscoverymodel.cpp pubsub/channeldiscoverymodel.h
    pubsub/keyspacenotifications.cpp pubsub/keyspacenotifications.h
    pubsub/demopublisher.cpp pubsub/demopublisher.h
)
