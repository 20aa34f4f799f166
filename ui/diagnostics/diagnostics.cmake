# Diagnostics and administration (owned by the diagnostics feature). Included from ui/CMakeLists.txt.
target_sources(vermilion_ui PRIVATE
    diagnostics/aclpage.cpp diagnostics/aclpage.h
    diagnostics/configpage.cpp diagnostics/configpage.h
    diagnostics/diagnosticspanel.cpp diagnostics/diagnosticspanel.h
    diagnostics/latencypage.cpp diagnostics/latencypage.h
    diagnostics/memorypage.cpp diagnostics/memorypage.h
)
