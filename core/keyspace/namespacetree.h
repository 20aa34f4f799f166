#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMutex>
#include "util/packedstrings.h"
#include <mutex>
#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace vermilion {

// The keys of a database grouped into folders by a separator ("app:user:1" -> app / user / 1), in
// a compact structure that one thread fills while others read.
//
// Memory: a node stores its own name only (the last segment), not its whole path, so the bytes of
// "app:user:" are kept once however many keys share them. A node is 16 bytes; a folder adds a
// 24-byte record; a folder's children sit in blocks of a shared pool; folders and keys are found
// through one open-addressing table of 8-byte slots. Three million keys of the form
// app:user:<n>:session:<i> take about 140 MB.
//
// Speed: a batch is inserted as a pipeline. Some keys ahead of the one being inserted are split
// and hashed and their table slots fetched; nearer ones have the nodes and names those slots point
// at fetched; so the cache misses of several keys overlap instead of following one another.
//
// Threads: one writer (addKeys, removeKey). Readers may read any published node at any time
// without a lock: nodes and names never move once written, and the fields that change (a key's
// removed mark, a folder's key and child counts) are read and written atomically. Only a folder's
// child blocks grow under the writer, so children() copies them under a short lock.
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

    // Many keys in one buffer (a SCAN page as the reply parser packed it).
    using PackedKeys = PackedStrings;

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
    Kind kind(NodeId id) const { return node(id).folder == none ? Kind::Key : Kind::Folder; }
    bool isFolder(NodeId id) const { return node(id).folder != none; }
    NodeId parent(NodeId id) const { return node(id).parent; }
    // The last segment: "1" for the key "app:user:1".
    QByteArrayView name(NodeId id) const;
    // The whole key for a key node; the folder's prefix without the trailing separator for a folder
    // ("app:user"); empty for the root. Built from the names on the way up.
    QByteArray path(NodeId id) const;
    // The same, appended to *out (no allocation when *out has room): for loops over many nodes.
    void appendPath(NodeId id, QByteArray* out) const;
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
    // A node: 16 bytes. Kind is told by `folder` (none for a key).
    struct Node {
        quint32 parent;
        quint32 name; // where the name starts: in the arena, or the index of a big name
        quint32 length; // name length, plus the flags below; read and written atomically
        quint32 folder; // the folder record, or none for a key
    };
    static constexpr quint32 removedFlag = 1u << 31; // keys: deleted since it was loaded
    static constexpr quint32 bigNameFlag = 1u << 30; // the name has an allocation of its own
    static constexpr quint32 lengthMask = bigNameFlag - 1;
    struct Folder {
        quint32 keys; // atomic access
        quint32 childCount; // atomic access; the blocks under m_childMutex
        quint32 firstBlock;
        quint32 lastBlock;
        quint64 state; // FNV-1a state over the folder's path: the start of its children's hashes
    };

    // Append-only storage in chunks of mapped memory: elements never move, a chunk pointer is
    // published before anything in it is.
    template<typename T, int ChunkBits, int MaxChunks>
    class Chunks {
    public:
        Chunks();
        ~Chunks();
        Chunks(const Chunks&) = delete;
        Chunks& operator=(const Chunks&) = delete;
        static constexpr quint64 chunkSize = quint64(1) << ChunkBits;
        T& at(quint64 index) const
        {
            T* chunk = std::atomic_ref<T*>(m_chunks[index >> ChunkBits]).load(std::memory_order_acquire);
            return chunk[index & (chunkSize - 1)];
        }
        // Writer: backs index with memory. False when the store is full.
        bool ensure(quint64 index);
        quint64 bytes() const { return quint64(m_count) * chunkSize * sizeof(T); }

    private:
        T** m_chunks;
        int m_count = 0;
    };

    // A key split at its separators, with the FNV state at each folder prefix and over the whole
    // key, computed ahead of the insertion so the table slots can be fetched early. candidates are
    // the ids the slots pointed at when they were fetched: hints only, for fetching nodes early.
    struct SplitKey {
        static constexpr int maxPrefetchedLevels = 16;
        QByteArrayView key;
        int levels = 0; // folders, when no more than maxPrefetchedLevels
        int shared = 0; // leading folders that are the previous key's: already fetched for it
        bool deep = false; // more folders than that: hashed as it goes
        std::array<quint32, maxPrefetchedLevels> ends {};
        std::array<quint64, maxPrefetchedLevels + 1> states {}; // the last one is the key's
        std::array<NodeId, maxPrefetchedLevels + 1> candidates {};
    };
    // previous: the key split just before, whose leading folders this one may share (or null).
    void split(QByteArrayView key, SplitKey* out, const SplitKey* previous) const;
    void prefetchSlots(const SplitKey& key) const;
    void prefetchNodes(SplitKey* key, const SplitKey* previous) const;
    void prefetchNames(const SplitKey& key) const;
    void prefetchBlock(const SplitKey& key) const;
    bool addKey(const SplitKey& key); // with m_childMutex held
    NodeId findKey(QByteArrayView key) const; // writer side

    const Node& node(NodeId id) const
    {
        Q_ASSERT(id < nodeCount());
        return m_nodes.at(id);
    }
    Folder& folderRecord(quint32 index) const { return m_folderRecords.at(index); }
    QByteArrayView nameOf(const Node& n) const;
    // With the position of the empty slot that ends the probe when not found.
    NodeId lookup(NodeId parent, Kind kind, QByteArrayView name, quint64 hash, size_t* emptySlot) const;
    NodeId findOrAdd(NodeId parent, Kind kind, QByteArrayView name, quint64 state, bool* added);
    NodeId appendNode(Kind kind, QByteArrayView name, NodeId parent, quint64 state);
    bool storeName(QByteArrayView name, quint32* location, quint32* flags);
    void appendChild(quint32 folder, NodeId child);
    size_t slotOf(quint64 hash) const { return size_t((quint64(quint32(hash)) * m_tableSize) >> 32); }
    static quint64 hashOf(quint64 state, Kind kind);
    quint64 keyState(NodeId id) const; // a node's FNV state, from its parent's
    void resizeTable(size_t capacity);

    QByteArray m_separator;
    Chunks<Node, 17, (1 << 15)> m_nodes; // 2 MiB chunks
    Chunks<Folder, 16, (1 << 16)> m_folderRecords;
    using Arena = Chunks<char, 20, (1 << 12)>;
    Arena m_arena; // names; 4 GiB at most
    Chunks<char*, 12, (1 << 12)> m_bigNames; // names over a quarter of an arena chunk
    using Blocks = Chunks<quint32, 19, (1 << 13)>;
    Blocks m_blocks; // child blocks: next, capacity, used, ids
    quint64 m_arenaUsed = 0;
    quint32 m_bigNameCount = 0;
    quint64 m_bigNameBytes = 0;
    quint64 m_blocksUsed = 0;
    std::atomic<quint32> m_published { 0 };
    std::atomic<quint64> m_folders { 0 };

    // Open addressing: a slot keeps the node id + 1 (0 = empty) and the upper hash bits, so a probe
    // reads the node (a likely cache miss) only when those bits match. The lower hash bits pick the
    // slot by multiplication, so the table can have any size.
    struct Slot {
        quint32 idPlusOne;
        quint32 tag;
    };
    Slot* m_table = nullptr; // writer only
    size_t m_tableSize = 0;
    size_t m_tableUsed = 0;

    // The folder chain of the last key added: keys in a batch often share their first folders.
    QByteArrayView m_lastPrefix; // its folders' prefix, in the batch being added or in m_lastKey
    std::string m_lastKey;
    std::vector<std::pair<qsizetype, NodeId>> m_lastChain; // (end of the folder's prefix, folder)

    std::vector<Change> m_changes; // guarded by m_childMutex
    std::atomic<size_t> m_changeCount { 0 }; // its size, for a look without the lock

    mutable std::mutex m_childMutex;
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
};

} // namespace vermilion
