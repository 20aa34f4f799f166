# Diagnostics and administration (owned by the diagnostics feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    diagnostics/aclmodel.cpp diagnostics/aclmodel.h
    diagnostics/configmodel.cpp diagnostics/configmodel.h
    diagnostics/latencyevents.cpp diagnostics/latencyevents.h
    diagnostics/latencyprobe.cpp diagnostics/latencyprobe.h
    diagnostics/memoryreportmodels.cpp diagnostics/memoryreportmodels.h
)
