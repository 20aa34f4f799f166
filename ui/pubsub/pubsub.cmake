# Pub/sub and MONITOR panels (owned by the pubsub feature). Included from ui/CMakeLists.txt.
target_sources(vermilion_ui PRIVATE
    pubsub/messagecolourdelegate.cpp pubsub/messagecolourdelegate.h
    pubsub/ruledelegate.cpp pubsub/ruledelegate.h
    pubsub/pubsubpanewidget.cpp pubsub/pubsubpanewidget.h
    pubsub/pubsubpanel.cpp pubsub/pubsubpanel.h
    pubsub/monitorpanel.cpp pubsub/monitorpanel.h
)
