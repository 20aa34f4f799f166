# Moving data: export, import and copy between connections (owned by the transfer feature).
# Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    transfer/rdbreader.cpp transfer/rdbreader.h
    transfer/transferformat.cpp transfer/transferformat.h
    transfer/transferjob.cpp transfer/transferjob.h
)
