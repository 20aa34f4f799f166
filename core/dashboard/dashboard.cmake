# Server dashboard (owned by the dashboard feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    dashboard/sample.h
    dashboard/chartscale.cpp dashboard/chartscale.h
    dashboard/history.cpp dashboard/history.h
    dashboard/infodetails.cpp dashboard/infodetails.h
    dashboard/infopoller.cpp dashboard/infopoller.h
    dashboard/serverhealth.cpp dashboard/serverhealth.h
    dashboard/commandstatsmodel.cpp dashboard/commandstatsmodel.h
    dashboard/slowlogmodel.cpp dashboard/slowlogmodel.h
    dashboard/clientlistmodel.cpp dashboard/clientlistmodel.h
    dashboard/clusternodesmodel.cpp dashboard/clusternodesmodel.h
    dashboard/sentinelgroupmodel.cpp dashboard/sentinelgroupmodel.h
)
