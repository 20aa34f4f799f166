# Bulk key jobs and memory analysis. Included from core/CMakeLists.txt.
