#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMutex>
#include <array>
#include <atomic>
#include <memory>
#include <vector>

namespace vermilion {

// The keys of a database grouped into folders by a separator ("app:user:1" -> app / user / 1), in
// a compact structure that one thread fills while others read.
//
// Memory: key bytes live in an append-only arena; a node is 32 bytes; folders and keys are found
// through one open-addressing table of node ids. A million keys cost well under 100 MB.
//
// Threads: one writer (addKeys). Readers may read any published node at any time without a lock:
// nodes and bytes never move once written, and the counters they read are atomic. Only a folder's
// child list grows under the writer, so children() copies it under a short lock.
class NamespaceTree {
public:
    using NodeId = quint32;
    static constexpr NodeId root = 0;
    static constexpr NodeId none = 0xffffffffu;
    enum class Kind : quint8 { Folder, Key };

    explicit NamespaceTree(QByteArray separator);
    ~NamespaceTree();
    NamespaceTree(const NamespaceTree&) = delete;
    NamespaceTree& operator=(const NamespaceTree&) = delete;

    const QByteArray& separator() const { return m_separator; }

    // Many keys in one buffer: key i is bytes[ends[i-1], ends[i]).
    struct PackedKeys {
        QByteArray bytes;
        std::vector<quint32> ends;
        void append(QByteArrayView key)
        {
            bytes.append(key.data(), key.size());
            ends.push_back(quint32(bytes.size()));
        }
        qsizetype size() const { return qsizetype(ends.size()); }
    };

    // Writer side. Keys seen twice (SCAN may return a key again) are counted once. Returns the
    // number of keys that were new.
    qsizetype addKeys(const QList<QByteArray>& keys);
    qsizetype addKeys(const PackedKeys& keys);
    // Writer side: the key was deleted (or renamed away) by the app. Returns false if unknown.
    bool removeKey(QByteArrayView key);

    // A key that was removed, or came back (added again after removal), in the order it happened.
    struct Change {
        NodeId id;
        bool removed;
    };
    // Any thread: changes from position `from` on; *next is where the following call starts.
    std::vector<Change> changes(size_t from, size_t* next) const;

    // Writer side: makes room for about this many keys (and their folders) up front, sparing the
    // rehashes of a growing table. DBSIZE is a good guess.
    void reserve(quint64 keys);

    // Reader side: any thread.
    quint32 nodeCount() const { return m_published.load(std::memory_order_acquire); }
    Kind kind(NodeId id) const;
    bool isFolder(NodeId id) const { return kind(id) == Kind::Folder; }
    NodeId parent(NodeId id) const;
    // The last segment: "1" for the key "app:user:1".
    QByteArrayView name(NodeId id) const;
    // The whole key for a key node; the folder's prefix without the trailing separator for a folder
    // ("app:user"); empty for the root.
    QByteArrayView path(NodeId id) const;
    // Keys at or below this node (removed keys not counted).
    quint32 keyCount(NodeId id) const;
    bool isRemoved(NodeId id) const;
    // A folder's children in the order they arrived (copy).
    std::vector<NodeId> children(NodeId folder, quint32 from = 0) const;
    quint32 childCount(NodeId folder) const;

    quint64 totalKeys() const { return keyCount(root); }
    // Completions of a typed key prefix, for the console: the keys and folders (ending with the
    // separator) in the deepest folder the prefix names whose names continue it, at most limit,
    // sorted. Reader side: walks the folders by name, so it is safe while keys are still arriving.
    QList<QByteArray> completeKey(QByteArrayView prefix, qsizetype limit) const;
    quint64 folderCount() const { return m_folders.load(std::memory_order_relaxed); }
    quint64 memoryBytes() const;

private:
    struct Node {
        quint64 bytes = 0; // where path() starts in the arena
        quint32 pathLength = 0;
        quint32 nameLength = 0;
        quint32 parent = none;
        quint32 children = none; // index into the child lists (folders)
        std::atomic<quint32> keys { 0 };
        std::atomic<bool> removed { false }; // keys only: deleted since it was loaded
        Kind kind = Kind::Folder;
    };
    static constexpr int nodeChunkBits = 16;
    static constexpr quint32 nodeChunkSize = 1u << nodeChunkBits;
    static constexpr int maxNodeChunks = 1 << 16;
    static constexpr quint64 arenaChunkSize = 4u << 20;
    static constexpr int maxArenaChunks = 1 << 16;

    // A key split at its separators, with the hash of each folder prefix and of the whole key,
    // computed before any lookup so the table slots can be fetched ahead of use.
    struct SplitKey {
        static constexpr int maxPrefetchedLevels = 16;
        QByteArrayView key;
        int levels = 0; // folders, when no more than maxPrefetchedLevels
        bool deep = false; // more folders than that: hashed as it goes
        std::array<quint32, maxPrefetchedLevels> ends {};
        std::array<quint64, maxPrefetchedLevels> hashes {};
        quint64 leafHash = 0;
    };
    void split(QByteArrayView key, SplitKey* out) const;
    void prefetch(const SplitKey& key) const;
    bool addKey(const SplitKey& key); // with m_childMutex held
    const Node& node(NodeId id) const;
    Node& mutableNode(NodeId id);
    NodeId appendNode(Kind kind, quint64 bytes, quint32 pathLength, quint32 nameLength, NodeId parent);
    quint64 storeBytes(QByteArrayView bytes);
    const char* bytesAt(quint64 location) const;
    NodeId findOrAdd(
        NodeId parent, Kind kind, quint64 bytes, quint32 pathLength, quint32 nameLength, quint64 hash, bool* added);
    NodeId lookup(Kind kind, QByteArrayView path, quint64 hash) const;
    // Folders and keys are found by their whole path (a folder's path is its prefix without the
    // trailing separator), so every level's hash can be computed from the key alone.
    static quint64 hashOf(Kind kind, QByteArrayView path);
    void growTable();

    QByteArray m_separator;
    std::array<std::atomic<Node*>, maxNodeChunks>* m_nodeChunks;
    std::array<std::atomic<char*>, maxArenaChunks>* m_arenaChunks;
    int m_arenaChunkCount = 0;
    quint64 m_arenaUsed = 0; // in the current chunk
    quint64 m_arenaTotal = 0;
    std::atomic<quint32> m_published { 0 };
    std::atomic<quint64> m_folders { 0 };
    // Open addressing: a slot keeps the node id and the upper hash bits, so a probe reads the node
    // (a likely cache miss) only when those bits match.
    struct Slot {
        NodeId id = none;
        quint32 tag = 0;
    };
    std::vector<Slot> m_table; // writer only
    size_t m_tableUsed = 0;

    // The folder chain of the last key added: keys in a batch often share their first folders.
    QByteArrayView m_lastPath; // into the arena, which never moves
    std::vector<std::pair<qsizetype, NodeId>> m_lastChain; // (end of the folder's prefix, folder)

    std::vector<Change> m_changes; // guarded by m_childMutex

    mutable QMutex m_childMutex;
    // Readers (the UI thread) announce that they wait for m_childMutex, and the writer lets them in
    // before its next batch.
    mutable std::atomic<int> m_readersWaiting { 0 };
    struct ReaderLock {
        explicit ReaderLock(const NamespaceTree& tree)
            : m_tree(tree)
        {
            m_tree.m_readersWaiting.fetch_add(1, std::memory_order_release);
            m_tree.m_childMutex.lock();
            m_tree.m_readersWaiting.fetch_sub(1, std::memory_order_release);
        }
        ~ReaderLock() { m_tree.m_childMutex.unlock(); }
        ReaderLock(const ReaderLock&) = delete;
        ReaderLock& operator=(const ReaderLock&) = delete;
        const NamespaceTree& m_tree;
    };
    std::vector<std::vector<NodeId>> m_childLists; // guarded by m_childMutex
};

} // namespace vermilion
