# Lock inspector, Carmine message queue and Tundra (owned by the carmine feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    carmine/lockentry.h
    carmine/lockscanner.cpp carmine/lockscanner.h
    carmine/lockmodel.cpp carmine/lockmodel.h
    carmine/lockactions.cpp carmine/lockactions.h
    carmine/messagestatus.cpp carmine/messagestatus.h
    carmine/carminequeue.cpp carmine/carminequeue.h
    carmine/queuelistmodel.cpp carmine/queuelistmodel.h
    carmine/queuemessagemodel.cpp carmine/queuemessagemodel.h
    carmine/tundraevictedmodel.cpp carmine/tundraevictedmodel.h
    carmine/demolocks.cpp carmine/demolocks.h
    carmine/lockeventwatcher.cpp carmine/lockeventwatcher.h
)
