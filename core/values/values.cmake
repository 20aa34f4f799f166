# Values: one key's content, paged, with conflict-safe edits.
target_sources(vermilion_core PRIVATE
    values/collectionsearch.cpp values/collectionsearch.h
    values/editconflict.h
    values/hashmodel.cpp values/hashmodel.h
    values/keyinfo.cpp values/keyinfo.h
    values/keyinfoloader.cpp values/keyinfoloader.h
    values/listmodel.cpp values/listmodel.h
    values/pagedvaluemodel.cpp values/pagedvaluemodel.h
    values/scanvaluemodel.cpp values/scanvaluemodel.h
    values/setmodel.cpp values/setmodel.h
    values/streaminfo.cpp values/streaminfo.h
    values/streamgroups.cpp values/streamgroups.h
    values/streammodel.cpp values/streammodel.h
    values/streamsearch.cpp values/streamsearch.h
    values/stringvalue.cpp values/stringvalue.h
    values/valuediff.cpp values/valuediff.h
    values/valuedocument.cpp values/valuedocument.h
    values/valuemodel.cpp values/valuemodel.h
    values/valuerenderer.cpp values/valuerenderer.h
    values/valuescripts.cpp values/valuescripts.h
    values/zsetmodel.cpp values/zsetmodel.h
)
