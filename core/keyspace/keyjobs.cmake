# Bulk key jobs and memory analysis. Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    keyspace/bulkkeyjob.cpp keyspace/bulkkeyjob.h
    keyspace/keypattern.cpp keyspace/keypattern.h
    keyspace/memoryanalysis.cpp keyspace/memoryanalysis.h
)
