# Key browser core: namespace tree, loader, tree model. Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    keyspace/keyoperations.cpp keyspace/keyoperations.h
    keyspace/keyscanworker.cpp keyspace/keyscanworker.h
    keyspace/keyspaceloader.cpp keyspace/keyspaceloader.h
    keyspace/keytreemodel.cpp keyspace/keytreemodel.h
    keyspace/namespacetree.cpp keyspace/namespacetree.h
    keyspace/naturalcompare.cpp keyspace/naturalcompare.h
)
