# Value formats (owned by the formats feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    formats/valueformat.h
    formats/formatregistry.cpp
    formats/formatsupport.cpp formats/formatsupport.h
    formats/deflatecodec.cpp formats/deflatecodec.h
    formats/textformat.cpp formats/textformat.h
    formats/jsonformat.cpp formats/jsonformat.h
    formats/hexformat.cpp formats/hexformat.h
    formats/base64format.cpp formats/base64format.h
    formats/gzipformat.cpp formats/gzipformat.h
    formats/zlibformat.cpp formats/zlibformat.h
    formats/lz4format.cpp formats/lz4format.h
    formats/zstdformat.cpp formats/zstdformat.h
    formats/snappyformat.cpp formats/snappyformat.h
    formats/msgpackformat.cpp formats/msgpackformat.h
    formats/nippyreader.cpp formats/nippyreader.h
    formats/nippyformat.cpp formats/nippyformat.h
)

# The decompressors. GLOBAL, because vermilion_core is static: whoever links it links these too.
pkg_check_modules(VERMILION_COMPRESSION REQUIRED IMPORTED_TARGET GLOBAL liblz4 libzstd zlib)
# Debian 12's libsnappy-dev ships snappy.pc; other distributions do not, so fall back to a search.
pkg_check_modules(VERMILION_SNAPPY IMPORTED_TARGET GLOBAL snappy)
if(VERMILION_SNAPPY_FOUND)
    set(vermilion_snappy PkgConfig::VERMILION_SNAPPY)
else()
    find_library(VERMILION_SNAPPY_LIBRARY NAMES snappy REQUIRED)
    find_path(VERMILION_SNAPPY_INCLUDE_DIR NAMES snappy-c.h REQUIRED)
    target_include_directories(vermilion_core PRIVATE ${VERMILION_SNAPPY_INCLUDE_DIR})
    set(vermilion_snappy ${VERMILION_SNAPPY_LIBRARY})
endif()
target_link_libraries(vermilion_core PRIVATE PkgConfig::VERMILION_COMPRESSION ${vermilion_snappy})
