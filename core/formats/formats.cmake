# Value formats (owned by the formats feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    formats/valueformat.h
)
