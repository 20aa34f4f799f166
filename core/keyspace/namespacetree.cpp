#include "namespacetree.h"

#include <QMutexLocker>
#include <QThread>

#include <algorithm>
#include <cstring>
#include <sys/mman.h>

namespace vermilion {

namespace {

constexpr quint64 fnvOffset = 0xcbf29ce484222325ull;
constexpr quint64 fnvPrime = 0x100000001b3ull;
constexpr size_t hugePage = size_t(2) << 20;

quint64 fnv(quint64 state, QByteArrayView bytes)
{
    for (const char c : bytes) {
        state ^= quint8(c);
        state *= fnvPrime;
    }
    return state;
}

// Zeroed memory straight from the kernel: untouched pages cost nothing, and big ones are offered
// transparent huge pages (the table and the nodes are read at random, so TLB misses matter).
void* mapZeroed(size_t bytes)
{
    if (bytes < hugePage) {
        void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return memory == MAP_FAILED ? nullptr : memory;
    }
    // Over-map by one huge page and trim, so the range starts on a huge-page boundary.
    const size_t length = bytes + hugePage;
    void* memory = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        return nullptr;
    const auto start = reinterpret_cast<quintptr>(memory);
    const quintptr aligned = (start + hugePage - 1) & ~quintptr(hugePage - 1);
    if (aligned > start)
        munmap(memory, aligned - start);
    const quintptr end = start + length;
    const quintptr wanted = aligned + ((bytes + 4095) & ~size_t(4095));
    if (end > wanted)
        munmap(reinterpret_cast<void*>(wanted), end - wanted);
    madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);
    return reinterpret_cast<void*>(aligned);
}

// The fields that readers share with the writer are plain words in mapped memory, read and written
// through atomic_ref.
quint32 loadShared(const quint32& word)
{
    return std::atomic_ref<quint32>(const_cast<quint32&>(word)).load(std::memory_order_acquire);
}

// Names are mostly a few bytes: compared in place rather than through a call to memcmp.
bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.size() > 16)
        return std::memcmp(a.data(), b.data(), size_t(a.size())) == 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

void unmap(void* memory, size_t bytes)
{
    if (memory)
        munmap(memory, bytes);
}

} // namespace

template<typename T, int ChunkBits, int MaxChunks>
NamespaceTree::Chunks<T, ChunkBits, MaxChunks>::Chunks()
    : m_chunks(static_cast<T**>(mapZeroed(sizeof(T*) * MaxChunks)))
{
    if (!m_chunks)
        qFatal("NamespaceTree: out of memory");
}

template<typename T, int ChunkBits, int MaxChunks>
NamespaceTree::Chunks<T, ChunkBits, MaxChunks>::Chunks::~Chunks()
{
    for (int i = 0; i < m_count; ++i)
        unmap(m_chunks[i], chunkSize * sizeof(T));
    unmap(m_chunks, sizeof(T*) * MaxChunks);
}

template<typename T, int ChunkBits, int MaxChunks>
bool NamespaceTree::Chunks<T, ChunkBits, MaxChunks>::ensure(quint64 index)
{
    const quint64 chunk = index >> ChunkBits;
    while (quint64(m_count) <= chunk) {
        if (m_count >= MaxChunks)
            return false;
        auto* memory = static_cast<T*>(mapZeroed(chunkSize * sizeof(T)));
        if (!memory)
            return false;
        std::atomic_ref<T*>(m_chunks[m_count]).store(memory, std::memory_order_release);
        ++m_count;
    }
    return true;
}

NamespaceTree::NamespaceTree(QByteArray separator)
    : m_separator(std::move(separator))
{
    resizeTable(1024);
    QMutexLocker lock(&m_childMutex);
    appendNode(Kind::Folder, {}, none, fnvOffset);
    m_folders.store(0);
}

NamespaceTree::~NamespaceTree()
{
    for (quint32 i = 0; i < m_bigNameCount; ++i)
        delete[] m_bigNames.at(i);
    unmap(m_table, m_tableSize * sizeof(Slot));
}

QByteArrayView NamespaceTree::nameOf(const Node& n) const
{
    const quint32 length = loadShared(n.length);
    const qsizetype size = qsizetype(length & lengthMask);
    if (size == 0)
        return {};
    if (length & bigNameFlag)
        return { m_bigNames.at(n.name), size };
    return { &m_arena.at(n.name), size };
}

QByteArrayView NamespaceTree::name(NodeId id) const
{
    return nameOf(node(id));
}

void NamespaceTree::appendPath(NodeId id, QByteArray* out) const
{
    // The names on the way up, then written out from the top.
    std::array<NodeId, 32> shallow;
    std::vector<NodeId> deep;
    int depth = 0;
    for (NodeId at = id; at != root && at != none; at = node(at).parent) {
        if (depth < int(shallow.size()))
            shallow[size_t(depth)] = at;
        else
            deep.push_back(at);
        ++depth;
    }
    for (int level = depth - 1; level >= 0; --level) {
        const NodeId at = level < int(shallow.size()) ? shallow[size_t(level)] : deep[size_t(level) - shallow.size()];
        out->append(nameOf(node(at)));
        if (level > 0)
            out->append(m_separator);
    }
}

QByteArray NamespaceTree::path(NodeId id) const
{
    QByteArray out;
    appendPath(id, &out);
    return out;
}

quint32 NamespaceTree::keyCount(NodeId id) const
{
    const Node& n = node(id);
    if (n.folder != none)
        return loadShared(folderRecord(n.folder).keys);
    return isRemoved(id) ? 0 : 1;
}

bool NamespaceTree::isRemoved(NodeId id) const
{
    return loadShared(node(id).length) & removedFlag;
}

std::vector<NamespaceTree::Change> NamespaceTree::changes(size_t from, size_t* next) const
{
    // The model asks on a timer, and there is rarely anything new: that answer needs no lock, so
    // the UI thread never waits for a batch being inserted just to hear it.
    const size_t published = m_changeCount.load(std::memory_order_acquire);
    if (from >= published) {
        *next = published;
        return {};
    }
    const ReaderLock lock(*this);
    *next = m_changes.size();
    if (from >= m_changes.size())
        return {};
    return { m_changes.begin() + qsizetype(from), m_changes.end() };
}

std::vector<NamespaceTree::NodeId> NamespaceTree::children(NodeId folder, quint32 from) const
{
    const Node& n = node(folder);
    if (n.folder == none)
        return {};
    const ReaderLock lock(*this);
    const Folder& record = folderRecord(n.folder);
    std::vector<NodeId> out;
    if (from >= record.childCount)
        return out;
    out.reserve(record.childCount - from);
    quint32 skip = from;
    for (quint32 block = record.firstBlock; block != none;) {
        const quint32 next = m_blocks.at(block);
        const quint32 used = m_blocks.at(block + 2);
        if (skip >= used) {
            skip -= used;
        } else {
            for (quint32 i = skip; i < used; ++i)
                out.push_back(m_blocks.at(block + 3 + i));
            skip = 0;
        }
        block = next;
    }
    return out;
}

quint32 NamespaceTree::childCount(NodeId folder) const
{
    const Node& n = node(folder);
    if (n.folder == none)
        return 0;
    return loadShared(folderRecord(n.folder).childCount);
}

quint64 NamespaceTree::hashOf(quint64 state, Kind kind)
{
    quint64 hash = state;
    hash ^= quint64(kind) + 0x9e3779b97f4a7c15ull;
    hash ^= hash >> 29;
    hash *= 0xbf58476d1ce4e5b9ull;
    hash ^= hash >> 32;
    return hash;
}

quint64 NamespaceTree::keyState(NodeId id) const
{
    // A node's path is its parent's path, the separator, and its name; a child of the root has no
    // separator in front. The FNV state therefore continues from the parent's.
    const Node& n = node(id);
    if (n.folder != none)
        return folderRecord(n.folder).state;
    if (n.parent == root)
        return fnv(fnvOffset, nameOf(n));
    return fnv(fnv(folderRecord(node(n.parent).folder).state, m_separator), nameOf(n));
}

void NamespaceTree::split(QByteArrayView key, SplitKey* out, const SplitKey* previous) const
{
    // One pass: FNV over the key, its state taken at each separator for that folder's hash. The
    // folders this key shares with the previous one (app:user: in app:user:<n>:...) are taken from
    // it: their states are the same, and their slots and nodes were fetched for it.
    out->key = key;
    out->levels = 0;
    out->shared = 0;
    out->deep = false;
    const QByteArrayView separator(m_separator);
    quint64 state = fnvOffset;
    qsizetype i = 0;
    const qsizetype size = key.size();
    const qsizetype sepSize = separator.size();
    if (previous && !previous->deep && previous->levels > 0 && sepSize > 0) {
        const QByteArrayView before = previous->key;
        int level = 0;
        while (level < previous->levels) {
            const qsizetype end = previous->ends[size_t(level)] + sepSize;
            if (end > size || std::memcmp(key.data() + i, before.data() + i, size_t(end - i)) != 0)
                break;
            out->ends[size_t(level)] = previous->ends[size_t(level)];
            out->states[size_t(level)] = previous->states[size_t(level)];
            i = end;
            ++level;
        }
        if (level > 0) {
            state = out->states[size_t(level - 1)];
            for (qsizetype k = 0; k < sepSize; ++k) {
                state ^= quint8(separator[k]);
                state *= fnvPrime;
            }
            out->levels = level;
            out->shared = level;
        }
    }
    while (i < size) {
        if (sepSize > 0 && key[i] == separator[0] && i + sepSize <= size
            && (sepSize == 1 || std::memcmp(key.data() + i, separator.data(), size_t(sepSize)) == 0)) {
            if (out->levels < SplitKey::maxPrefetchedLevels) {
                out->ends[size_t(out->levels)] = quint32(i);
                out->states[size_t(out->levels)] = state;
                ++out->levels;
            } else {
                out->deep = true;
            }
            for (qsizetype k = 0; k < sepSize; ++k) {
                state ^= quint8(key[i + k]);
                state *= fnvPrime;
            }
            i += sepSize;
            continue;
        }
        state ^= quint8(key[i]);
        state *= fnvPrime;
        ++i;
    }
    out->states[size_t(out->levels)] = state;
}

void NamespaceTree::prefetchSlots(const SplitKey& key) const
{
    for (int level = key.shared; level < key.levels; ++level)
        __builtin_prefetch(&m_table[slotOf(hashOf(key.states[size_t(level)], Kind::Folder))]);
    if (!key.deep)
        __builtin_prefetch(&m_table[slotOf(hashOf(key.states[size_t(key.levels)], Kind::Key))]);
}

void NamespaceTree::prefetchNodes(SplitKey* key, const SplitKey* previous) const
{
    // The slots are in the cache by now: note the first id whose tag matches, and fetch its node.
    // The shared folders' candidates are the previous key's (its nodes were fetched a step ago).
    for (int level = 0; level < key->shared; ++level)
        key->candidates[size_t(level)] = previous ? previous->candidates[size_t(level)] : none;
    const int levels = key->levels + (key->deep ? 0 : 1);
    for (int level = key->shared; level < levels; ++level) {
        const quint64 hash
            = hashOf(key->states[size_t(level)], level < key->levels ? Kind::Folder : Kind::Key);
        const auto tag = quint32(hash >> 32);
        NodeId candidate = none;
        size_t slot = slotOf(hash);
        for (int probe = 0; probe < 4; ++probe) {
            const Slot& s = m_table[slot];
            if (s.idPlusOne == 0)
                break;
            if (s.tag == tag) {
                candidate = s.idPlusOne - 1;
                __builtin_prefetch(&m_nodes.at(candidate));
                break;
            }
            if (++slot == m_tableSize)
                slot = 0;
        }
        key->candidates[size_t(level)] = candidate;
    }
}

void NamespaceTree::prefetchNames(const SplitKey& key) const
{
    const int levels = key.levels + (key.deep ? 0 : 1);
    for (int level = key.shared; level < levels; ++level) {
        const NodeId candidate = key.candidates[size_t(level)];
        if (candidate == none)
            continue;
        const Node& n = m_nodes.at(candidate);
        if ((n.length & bigNameFlag) == 0 && (n.length & lengthMask) != 0)
            __builtin_prefetch(&m_arena.at(n.name));
        if (n.folder != none)
            __builtin_prefetch(&folderRecord(n.folder));
    }
}

void NamespaceTree::prefetchBlock(const SplitKey& key) const
{
    // The last block of the folder a new key would be appended to: the deepest folder's.
    if (key.levels == 0 || key.deep)
        return;
    const NodeId candidate = key.candidates[size_t(key.levels - 1)];
    if (candidate == none)
        return;
    const Node& n = m_nodes.at(candidate);
    if (n.folder == none)
        return;
    const quint32 block = folderRecord(n.folder).lastBlock;
    if (block != none)
        __builtin_prefetch(&m_blocks.at(block + 2), 1);
}

NamespaceTree::NodeId NamespaceTree::lookup(
    NodeId parent, Kind kind, QByteArrayView name, quint64 hash, size_t* emptySlot) const
{
    const auto tag = quint32(hash >> 32);
    for (size_t slot = slotOf(hash);; slot = slot + 1 == m_tableSize ? 0 : slot + 1) {
        const Slot& candidate = m_table[slot];
        if (candidate.idPlusOne == 0) {
            if (emptySlot)
                *emptySlot = slot;
            return none;
        }
        if (candidate.tag != tag)
            continue;
        // The hash covers the whole path; the parent and the name decide (the parent's own path
        // was decided the same way).
        const NodeId id = candidate.idPlusOne - 1;
        const Node& n = node(id);
        if (n.parent == parent && (n.folder != none) == (kind == Kind::Folder) && sameBytes(nameOf(n), name))
            return id;
    }
}

QList<QByteArray> NamespaceTree::completeKey(QByteArrayView prefix, qsizetype limit) const
{
    QList<QByteArray> out;
    if (nodeCount() == 0 || limit <= 0)
        return out;
    NodeId folder = root;
    QByteArrayView rest = prefix;
    if (!m_separator.isEmpty()) {
        for (qsizetype at = rest.indexOf(m_separator); at >= 0; at = rest.indexOf(m_separator)) {
            const QByteArrayView segment = rest.first(at);
            NodeId next = none;
            for (NodeId child : children(folder)) {
                if (isFolder(child) && name(child) == segment) {
                    next = child;
                    break;
                }
            }
            if (next == none)
                return out;
            folder = next;
            rest = rest.sliced(at + m_separator.size());
        }
    }
    for (NodeId child : children(folder)) {
        if (!name(child).startsWith(rest) || (!isFolder(child) && isRemoved(child)))
            continue;
        QByteArray completion = path(child);
        if (isFolder(child))
            completion += m_separator;
        out.append(completion);
        if (out.size() >= limit)
            break;
    }
    std::sort(out.begin(), out.end());
    return out;
}

void NamespaceTree::reserve(quint64 keys)
{
    // Room for the keys plus a quarter as many folders, at the table's 70% load limit. A keyspace
    // with more folders than that grows the table once more.
    const quint64 wanted = (keys + keys / 4) * 10 / 7 + 1;
    if (wanted > m_tableSize)
        resizeTable(size_t(wanted));
}

void NamespaceTree::resizeTable(size_t capacity)
{
    // The table is the writer's alone: no lock, so readers never wait for this. Hashes are
    // recomputed from the nodes in id order: a parent always comes before its children, and a
    // folder keeps the state its children continue from.
    auto* bigger = static_cast<Slot*>(mapZeroed(capacity * sizeof(Slot)));
    if (!bigger)
        qFatal("NamespaceTree: out of memory for %zu table capacity", capacity);
    const quint32 count = m_published.load(std::memory_order_relaxed);
    for (NodeId id = 1; id < count; ++id) {
        const Node& n = node(id);
        const quint64 hash = hashOf(keyState(id), n.folder != none ? Kind::Folder : Kind::Key);
        size_t slot = size_t((quint64(quint32(hash)) * capacity) >> 32);
        while (bigger[slot].idPlusOne != 0)
            slot = slot + 1 == capacity ? 0 : slot + 1;
        bigger[slot] = { id + 1, quint32(hash >> 32) };
    }
    unmap(m_table, m_tableSize * sizeof(Slot));
    m_table = bigger;
    m_tableSize = capacity;
}

bool NamespaceTree::storeName(QByteArrayView name, quint32* location, quint32* flags)
{
    const auto size = quint64(name.size());
    *flags = 0;
    if (size == 0) {
        *location = 0;
        return true;
    }
    if (size > Arena::chunkSize / 4) {
        // A big name (Redis keys may be 512 MB) gets an allocation of its own.
        if (!m_bigNames.ensure(m_bigNameCount))
            return false;
        char* bytes = new char[size];
        std::memcpy(bytes, name.data(), size_t(size));
        m_bigNames.at(m_bigNameCount) = bytes;
        m_bigNameBytes += size;
        *location = m_bigNameCount++;
        *flags = bigNameFlag;
        return true;
    }
    // A name never straddles two chunks.
    constexpr quint64 chunk = Arena::chunkSize;
    if ((m_arenaUsed & (chunk - 1)) + size > chunk)
        m_arenaUsed = (m_arenaUsed | (chunk - 1)) + 1;
    if (m_arenaUsed + size > (quint64(1) << 32) || !m_arena.ensure(m_arenaUsed + size - 1))
        return false;
    std::memcpy(&m_arena.at(m_arenaUsed), name.data(), size_t(size));
    *location = quint32(m_arenaUsed);
    m_arenaUsed += size;
    return true;
}

void NamespaceTree::appendChild(quint32 folder, NodeId child)
{
    // The caller holds m_childMutex. Blocks: next, capacity, used, then the ids. Capacities double
    // from 4 to 1024, so a folder of ten keys wastes little and a folder of millions has few blocks.
    Folder& record = folderRecord(folder);
    quint32 block = record.lastBlock;
    if (block == none || m_blocks.at(block + 2) == m_blocks.at(block + 1)) {
        const quint32 capacity = block == none ? 4 : qMin<quint32>(1024, m_blocks.at(block + 1) * 2);
        constexpr quint64 chunk = Blocks::chunkSize;
        if ((m_blocksUsed & (chunk - 1)) + 3 + capacity > chunk)
            m_blocksUsed = (m_blocksUsed | (chunk - 1)) + 1;
        if (m_blocksUsed + 3 + capacity >= none || !m_blocks.ensure(m_blocksUsed + 3 + capacity - 1))
            qFatal("NamespaceTree: out of memory for child blocks");
        const auto fresh = quint32(m_blocksUsed);
        m_blocksUsed += 3 + capacity;
        m_blocks.at(fresh) = none;
        m_blocks.at(fresh + 1) = capacity;
        m_blocks.at(fresh + 2) = 0;
        if (block == none)
            record.firstBlock = fresh;
        else
            m_blocks.at(block) = fresh;
        record.lastBlock = fresh;
        block = fresh;
    }
    quint32& used = m_blocks.at(block + 2);
    m_blocks.at(block + 3 + used) = child;
    ++used;
    std::atomic_ref<quint32>(record.childCount).store(record.childCount + 1, std::memory_order_release);
}

NamespaceTree::NodeId NamespaceTree::appendNode(Kind kind, QByteArrayView name, NodeId parent, quint64 state)
{
    // The caller holds m_childMutex.
    const NodeId id = m_published.load(std::memory_order_relaxed);
    quint32 location = 0;
    quint32 flags = 0;
    if (id == none || !m_nodes.ensure(id) || !storeName(name, &location, &flags))
        return none;
    quint32 folder = none;
    if (kind == Kind::Folder) {
        const quint64 index = m_folders.load(std::memory_order_relaxed) + (id == root ? 0 : 1);
        if (!m_folderRecords.ensure(index))
            return none;
        folder = quint32(index);
        Folder& record = folderRecord(folder);
        record.firstBlock = none;
        record.lastBlock = none;
        record.state = state;
    }
    Node& n = m_nodes.at(id);
    n.parent = parent;
    n.name = location;
    n.length = quint32(name.size()) | flags;
    n.folder = folder;
    // Publish: readers see the node only once it is complete, and the child count only after that.
    m_published.store(id + 1, std::memory_order_release);
    if (parent != none)
        appendChild(node(parent).folder, id);
    if (kind == Kind::Folder && id != root)
        m_folders.fetch_add(1, std::memory_order_relaxed);
    return id;
}

NamespaceTree::NodeId NamespaceTree::findOrAdd(
    NodeId parent, Kind kind, QByteArrayView name, quint64 state, bool* added)
{
    const quint64 hash = hashOf(state, kind);
    size_t empty = 0;
    const NodeId found = lookup(parent, kind, name, hash, &empty);
    if (found != none) {
        *added = false;
        return found;
    }
    const NodeId id = appendNode(kind, name, parent, state);
    *added = id != none;
    if (id == none)
        return none;
    if ((m_tableUsed + 1) * 10 > m_tableSize * 7) {
        // More new entries than the batch made room for (keys with many folders): grow, under the
        // lock this time, and find the new node's slot in the bigger table (it is in it already).
        resizeTable(m_tableSize * 2);
        ++m_tableUsed;
        return id;
    }
    m_table[empty] = { id + 1, quint32(hash >> 32) };
    ++m_tableUsed;
    return id;
}

qsizetype NamespaceTree::addKeys(const QList<QByteArray>& keys)
{
    PackedKeys packed;
    for (const QByteArray& key : keys)
        packed.append(key);
    return addKeys(packed);
}

qsizetype NamespaceTree::addKeys(const PackedKeys& keys)
{
    // A pipeline over the batch: key i + 24 is split and its slots fetched, key i + 16 has the
    // nodes those slots name fetched, key i + 8 their names and folder records, key i + 4 the
    // child block its parent folder appends to; key i is inserted.
    constexpr size_t ring = 32;
    constexpr size_t slotsAhead = 24;
    constexpr size_t nodesAhead = 16;
    constexpr size_t namesAhead = 8;
    constexpr size_t blocksAhead = 4;
    const size_t count = keys.ends.size();
    std::array<SplitKey, ring> stages;
    auto keyAt = [&](size_t i) {
        const quint32 start = i == 0 ? 0 : keys.ends[i - 1];
        return QByteArrayView(keys.bytes.constData() + start, qsizetype(keys.ends[i] - start));
    };
    // Grow the table before taking the lock (it is the writer's alone): a rehash of millions of
    // entries must not keep readers waiting. Each key adds a few entries at most; the rare deep key
    // that adds more grows the table under the lock.
    if ((m_tableUsed + 3 * count) * 10 > m_tableSize * 7)
        resizeTable(qMax(m_tableSize * 2, (m_tableUsed + 3 * count) * 10 / 7 + 1));
    // One lock for the batch: readers wait at most for one batch, the writer never per key. A
    // reader that is waiting goes first: the mutex is not fair, and a writer with batches queued
    // back to back (a cluster's nodes all answering at once) would otherwise take it again at once
    // and keep the UI thread waiting for seconds.
    for (int spin = 0; m_readersWaiting.load(std::memory_order_acquire) > 0 && spin < 1000; ++spin)
        QThread::yieldCurrentThread();
    QMutexLocker lock(&m_childMutex);
    auto previousOf = [&](size_t i) { return i == 0 ? nullptr : &stages[(i - 1) % ring]; };
    for (size_t i = 0; i < qMin(slotsAhead, count); ++i) {
        split(keyAt(i), &stages[i % ring], previousOf(i));
        prefetchSlots(stages[i % ring]);
        if (i < nodesAhead)
            prefetchNodes(&stages[i % ring], previousOf(i));
        if (i < namesAhead)
            prefetchNames(stages[i % ring]);
        if (i < blocksAhead)
            prefetchBlock(stages[i % ring]);
    }
    qsizetype fresh = 0;
    for (size_t i = 0; i < count; ++i) {
        if (i + slotsAhead < count) {
            SplitKey& far = stages[(i + slotsAhead) % ring];
            split(keyAt(i + slotsAhead), &far, previousOf(i + slotsAhead));
            prefetchSlots(far);
        }
        if (i + nodesAhead < count)
            prefetchNodes(&stages[(i + nodesAhead) % ring], previousOf(i + nodesAhead));
        if (i + namesAhead < count)
            prefetchNames(stages[(i + namesAhead) % ring]);
        if (i + blocksAhead < count)
            prefetchBlock(stages[(i + blocksAhead) % ring]);
        fresh += addKey(stages[i % ring]) ? 1 : 0;
        // A reader waiting for the lock (the UI thread fetching a folder's children) gets it
        // between two short stretches, not after the whole batch: this thread runs at a lower
        // priority, and if it is preempted while holding the lock, the reader waits all that time.
        if ((i & 127) == 127 && m_readersWaiting.load(std::memory_order_acquire) > 0) {
            lock.unlock();
            for (int spin = 0; m_readersWaiting.load(std::memory_order_acquire) > 0 && spin < 1000; ++spin)
                QThread::yieldCurrentThread();
            lock.relock();
        }
    }
    // The next batch compares its first key with this batch's last: keep that prefix.
    m_lastKey.assign(m_lastPrefix.data(), size_t(m_lastPrefix.size()));
    m_lastPrefix = QByteArrayView(m_lastKey.data(), qsizetype(m_lastKey.size()));
    return fresh;
}

bool NamespaceTree::addKey(const SplitKey& split)
{
    const QByteArrayView key = split.key;
    const QByteArrayView separator(m_separator);
    const qsizetype sepSize = separator.size();
    NodeId folder = root;
    qsizetype segmentStart = 0;
    bool added = false;
    if (sepSize > 0) {
        // Reuse the folders of the previous key as long as the prefixes agree.
        size_t depth = 0;
        for (; depth < m_lastChain.size(); ++depth) {
            const qsizetype end = m_lastChain[depth].first;
            if (end + sepSize > key.size()
                || std::memcmp(key.data() + segmentStart, m_lastPrefix.data() + segmentStart,
                       size_t(end + sepSize - segmentStart))
                    != 0)
                break;
            folder = m_lastChain[depth].second;
            segmentStart = end + sepSize;
        }
        m_lastChain.resize(depth);
        for (int level = int(depth); level < split.levels; ++level) {
            const qsizetype at = split.ends[size_t(level)];
            folder = findOrAdd(
                folder, Kind::Folder, key.sliced(segmentStart, at - segmentStart), split.states[size_t(level)], &added);
            if (folder == none)
                break;
            m_lastChain.emplace_back(at, folder);
            segmentStart = at + sepSize;
        }
        if (split.deep && folder != none) {
            qsizetype at = 0;
            while ((at = key.indexOf(separator, segmentStart)) >= 0) {
                const QByteArrayView segment = key.sliced(segmentStart, at - segmentStart);
                const quint64 state = fnv(fnv(folderRecord(node(folder).folder).state, separator), segment);
                folder = findOrAdd(folder, Kind::Folder, segment, state, &added);
                if (folder == none)
                    break;
                m_lastChain.emplace_back(at, folder);
                segmentStart = at + sepSize;
            }
        }
        // Points into the batch; addKeys keeps a copy of the last one when the batch ends.
        m_lastPrefix = key.first(segmentStart);
        if (folder == none) {
            // A store is full: the key is refused, and the chain forgotten.
            m_lastChain.clear();
            m_lastPrefix = {};
            return false;
        }
    }
    const QByteArrayView name = key.sliced(segmentStart);
    const quint64 state = split.deep
        ? fnv(fnv(folderRecord(node(folder).folder).state, separator), name)
        : split.states[size_t(split.levels)];
    const NodeId leaf = findOrAdd(folder, Kind::Key, name, state, &added);
    if (leaf == none)
        return false; // a store is full: the key is refused (not counted as new)
    if (!added) {
        // A key the app removed and that exists again (created, renamed back).
        std::atomic_ref<quint32> length(m_nodes.at(leaf).length);
        const quint32 flags = length.load(std::memory_order_relaxed);
        if ((flags & removedFlag) == 0)
            return false;
        length.store(flags & ~removedFlag, std::memory_order_release);
        m_changes.push_back({ leaf, false });
        m_changeCount.store(m_changes.size(), std::memory_order_release);
    }
    // Only the writer changes the counts: a plain increment, stored atomically for the readers.
    for (NodeId id = node(leaf).parent; id != none; id = node(id).parent) {
        Folder& record = folderRecord(node(id).folder);
        std::atomic_ref<quint32>(record.keys).store(record.keys + 1, std::memory_order_relaxed);
    }
    return true;
}

NamespaceTree::NodeId NamespaceTree::findKey(QByteArrayView key) const
{
    const QByteArrayView separator(m_separator);
    NodeId folder = root;
    qsizetype segmentStart = 0;
    quint64 state = fnvOffset;
    bool first = true;
    if (!separator.isEmpty()) {
        qsizetype at = 0;
        while ((at = key.indexOf(separator, segmentStart)) >= 0) {
            const QByteArrayView segment = key.sliced(segmentStart, at - segmentStart);
            state = first ? fnv(fnvOffset, segment) : fnv(fnv(state, separator), segment);
            first = false;
            folder = lookup(folder, Kind::Folder, segment, hashOf(state, Kind::Folder), nullptr);
            if (folder == none)
                return none;
            segmentStart = at + separator.size();
        }
    }
    const QByteArrayView name = key.sliced(segmentStart);
    state = first ? fnv(fnvOffset, name) : fnv(fnv(state, separator), name);
    return lookup(folder, Kind::Key, name, hashOf(state, Kind::Key), nullptr);
}

bool NamespaceTree::removeKey(QByteArrayView key)
{
    QMutexLocker lock(&m_childMutex);
    const NodeId leaf = findKey(key);
    if (leaf == none)
        return false;
    std::atomic_ref<quint32> length(m_nodes.at(leaf).length);
    const quint32 flags = length.load(std::memory_order_relaxed);
    if (flags & removedFlag)
        return false;
    length.store(flags | removedFlag, std::memory_order_release);
    for (NodeId id = node(leaf).parent; id != none; id = node(id).parent) {
        Folder& record = folderRecord(node(id).folder);
        std::atomic_ref<quint32>(record.keys).store(record.keys - 1, std::memory_order_relaxed);
    }
    m_changes.push_back({ leaf, true });
    m_changeCount.store(m_changes.size(), std::memory_order_release);
    return true;
}

quint64 NamespaceTree::memoryBytes() const
{
    const ReaderLock lock(*this);
    return m_nodes.bytes() + m_folderRecords.bytes() + m_arena.bytes() + m_bigNames.bytes() + m_bigNameBytes
        + m_blocks.bytes() + m_tableSize * sizeof(Slot) + m_changes.capacity() * sizeof(Change);
}

} // namespace vermilion
