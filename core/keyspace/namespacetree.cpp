#include "namespacetree.h"

#include <QThread>

#include <algorithm>
#include <QMutexLocker>
#include <cstring>

namespace vermilion {

NamespaceTree::NamespaceTree(QByteArray separator)
    : m_separator(std::move(separator))
    , m_nodeChunks(new std::array<std::atomic<Node*>, maxNodeChunks> {})
    , m_arenaChunks(new std::array<std::atomic<char*>, maxArenaChunks> {})
    , m_table(1024)
{
    QMutexLocker lock(&m_childMutex);
    appendNode(Kind::Folder, 0, 0, 0, none);
    m_folders.store(0);
}

NamespaceTree::~NamespaceTree()
{
    for (auto& chunk : *m_nodeChunks)
        delete[] chunk.load();
    for (auto& chunk : *m_arenaChunks)
        delete[] chunk.load();
    delete m_nodeChunks;
    delete m_arenaChunks;
}

const NamespaceTree::Node& NamespaceTree::node(NodeId id) const
{
    Q_ASSERT(id < nodeCount());
    return (*m_nodeChunks)[id >> nodeChunkBits].load(std::memory_order_acquire)[id & (nodeChunkSize - 1)];
}

NamespaceTree::Node& NamespaceTree::mutableNode(NodeId id)
{
    return (*m_nodeChunks)[id >> nodeChunkBits].load(std::memory_order_relaxed)[id & (nodeChunkSize - 1)];
}

const char* NamespaceTree::bytesAt(quint64 location) const
{
    return (*m_arenaChunks)[location >> 32].load(std::memory_order_acquire) + (location & 0xffffffffu);
}

quint64 NamespaceTree::storeBytes(QByteArrayView bytes)
{
    const auto size = quint64(bytes.size());
    if (m_arenaChunkCount == 0 || m_arenaUsed + size > arenaChunkSize) {
        // A key longer than a chunk gets a chunk of its own.
        const quint64 capacity = qMax(arenaChunkSize, size);
        Q_ASSERT(m_arenaChunkCount < maxArenaChunks);
        (*m_arenaChunks)[m_arenaChunkCount].store(new char[capacity], std::memory_order_release);
        ++m_arenaChunkCount;
        m_arenaUsed = 0;
        m_arenaTotal += capacity;
    }
    const quint64 location = (quint64(m_arenaChunkCount - 1) << 32) | m_arenaUsed;
    if (size > 0)
        std::memcpy((*m_arenaChunks)[m_arenaChunkCount - 1].load(std::memory_order_relaxed) + m_arenaUsed, bytes.data(),
            size_t(size));
    m_arenaUsed += size;
    return location;
}

NamespaceTree::NodeId NamespaceTree::appendNode(
    Kind kind, quint64 bytes, quint32 pathLength, quint32 nameLength, NodeId parent)
{
    const NodeId id = m_published.load(std::memory_order_relaxed);
    const quint32 chunk = id >> nodeChunkBits;
    if ((id & (nodeChunkSize - 1)) == 0) {
        Q_ASSERT(chunk < quint32(maxNodeChunks));
        (*m_nodeChunks)[chunk].store(new Node[nodeChunkSize], std::memory_order_release);
    }
    Node& n = mutableNode(id);
    n.bytes = bytes;
    n.pathLength = pathLength;
    n.nameLength = nameLength;
    n.parent = parent;
    n.kind = kind;
    // The caller holds m_childMutex.
    if (kind == Kind::Folder) {
        n.children = quint32(m_childLists.size());
        m_childLists.emplace_back();
        if (parent != none)
            m_childLists[node(parent).children].push_back(id);
        m_folders.fetch_add(1, std::memory_order_relaxed);
    } else {
        m_childLists[node(parent).children].push_back(id);
    }
    // Publish: readers see the node only once it is complete.
    m_published.store(id + 1, std::memory_order_release);
    return id;
}

NamespaceTree::Kind NamespaceTree::kind(NodeId id) const
{
    return node(id).kind;
}
NamespaceTree::NodeId NamespaceTree::parent(NodeId id) const
{
    return node(id).parent;
}

QByteArrayView NamespaceTree::name(NodeId id) const
{
    const Node& n = node(id);
    if (n.pathLength == 0)
        return {};
    return { bytesAt(n.bytes) + (n.pathLength - n.nameLength), qsizetype(n.nameLength) };
}

QByteArrayView NamespaceTree::path(NodeId id) const
{
    const Node& n = node(id);
    if (n.pathLength == 0)
        return {};
    return { bytesAt(n.bytes), qsizetype(n.pathLength) };
}

quint32 NamespaceTree::keyCount(NodeId id) const
{
    return node(id).keys.load(std::memory_order_relaxed);
}

bool NamespaceTree::isRemoved(NodeId id) const
{
    return node(id).removed.load(std::memory_order_acquire);
}

bool NamespaceTree::removeKey(QByteArrayView key)
{
    QMutexLocker lock(&m_childMutex);
    const NodeId leaf = lookup(Kind::Key, key, hashOf(Kind::Key, key));
    if (leaf == none || node(leaf).removed.load(std::memory_order_relaxed))
        return false;
    mutableNode(leaf).removed.store(true, std::memory_order_release);
    for (NodeId id = leaf; id != none; id = node(id).parent)
        mutableNode(id).keys.fetch_sub(1, std::memory_order_relaxed);
    m_changes.push_back({ leaf, true });
    return true;
}

std::vector<NamespaceTree::Change> NamespaceTree::changes(size_t from, size_t* next) const
{
    const ReaderLock lock(*this);
    *next = m_changes.size();
    if (from >= m_changes.size())
        return {};
    return { m_changes.begin() + qsizetype(from), m_changes.end() };
}

std::vector<NamespaceTree::NodeId> NamespaceTree::children(NodeId folder, quint32 from) const
{
    const Node& n = node(folder);
    if (n.kind != Kind::Folder)
        return {};
    const ReaderLock lock(*this);
    const std::vector<NodeId>& list = m_childLists[n.children];
    if (from >= list.size())
        return {};
    return { list.begin() + from, list.end() };
}

quint32 NamespaceTree::childCount(NodeId folder) const
{
    const Node& n = node(folder);
    if (n.kind != Kind::Folder)
        return 0;
    const ReaderLock lock(*this);
    return quint32(m_childLists[n.children].size());
}

namespace {
constexpr quint64 fnvOffset = 0xcbf29ce484222325ull;
constexpr quint64 fnvPrime = 0x100000001b3ull;

quint64 finish(quint64 hash, NamespaceTree::Kind kind)
{
    hash ^= quint64(kind) + 0x9e3779b97f4a7c15ull;
    hash ^= hash >> 29;
    hash *= 0xbf58476d1ce4e5b9ull;
    hash ^= hash >> 32;
    return hash;
}
} // namespace

quint64 NamespaceTree::hashOf(Kind kind, QByteArrayView path)
{
    quint64 hash = fnvOffset;
    for (const char c : path) {
        hash ^= quint8(c);
        hash *= fnvPrime;
    }
    return finish(hash, kind);
}

void NamespaceTree::split(QByteArrayView key, SplitKey* out) const
{
    // One pass: FNV over the key, its state taken at each separator for that folder's hash.
    out->key = key;
    out->levels = 0;
    out->deep = false;
    const QByteArrayView separator(m_separator);
    quint64 hash = fnvOffset;
    qsizetype i = 0;
    const qsizetype size = key.size();
    const qsizetype sepSize = separator.size();
    while (i < size) {
        if (sepSize > 0 && key[i] == separator[0] && i + sepSize <= size
            && (sepSize == 1 || std::memcmp(key.data() + i, separator.data(), size_t(sepSize)) == 0)) {
            if (out->levels < SplitKey::maxPrefetchedLevels) {
                out->ends[size_t(out->levels)] = quint32(i);
                out->hashes[size_t(out->levels)] = finish(hash, Kind::Folder);
                ++out->levels;
            } else {
                out->deep = true;
            }
            for (qsizetype k = 0; k < sepSize; ++k) {
                hash ^= quint8(key[i + k]);
                hash *= fnvPrime;
            }
            i += sepSize;
            continue;
        }
        hash ^= quint8(key[i]);
        hash *= fnvPrime;
        ++i;
    }
    out->leafHash = finish(hash, Kind::Key);
}

void NamespaceTree::prefetch(const SplitKey& key) const
{
    const size_t mask = m_table.size() - 1;
    for (int level = 0; level < key.levels; ++level)
        __builtin_prefetch(&m_table[size_t(key.hashes[size_t(level)]) & mask]);
    __builtin_prefetch(&m_table[size_t(key.leafHash) & mask]);
}

NamespaceTree::NodeId NamespaceTree::lookup(Kind kind, QByteArrayView path, quint64 hash) const
{
    const size_t mask = m_table.size() - 1;
    const auto tag = quint32(hash >> 32);
    for (size_t slot = size_t(hash) & mask;; slot = (slot + 1) & mask) {
        const Slot& candidate = m_table[slot];
        if (candidate.id == none)
            return none;
        if (candidate.tag != tag)
            continue;
        const Node& n = node(candidate.id);
        if (n.kind == kind && n.pathLength == quint32(path.size())
            && std::memcmp(bytesAt(n.bytes), path.data(), size_t(path.size())) == 0)
            return candidate.id;
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
        QByteArray completion = path(child).toByteArray();
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
    // Room for the keys plus as many folders again, at the table's 70% load limit.
    const quint64 wanted = keys * 2 * 10 / 7 + 1;
    if (wanted <= m_table.size())
        return;
    // The table is the writer's alone: no lock, so readers never wait for this.
    while (m_table.size() < wanted)
        growTable();
}

void NamespaceTree::growTable()
{
    std::vector<Slot> bigger(m_table.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot& entry : m_table) {
        if (entry.id == none)
            continue;
        const Node& n = node(entry.id);
        const quint64 hash = hashOf(n.kind, path(entry.id));
        size_t slot = size_t(hash) & mask;
        while (bigger[slot].id != none)
            slot = (slot + 1) & mask;
        bigger[slot] = entry;
    }
    m_table.swap(bigger);
}

NamespaceTree::NodeId NamespaceTree::findOrAdd(
    NodeId parent, Kind kind, quint64 bytes, quint32 pathLength, quint32 nameLength, quint64 hash, bool* added)
{
    const NodeId found = lookup(kind, QByteArrayView(bytesAt(bytes), qsizetype(pathLength)), hash);
    if (found != none) {
        *added = false;
        return found;
    }
    if ((m_tableUsed + 1) * 10 > m_table.size() * 7)
        growTable();
    const NodeId id = appendNode(kind, bytes, pathLength, nameLength, parent);
    const size_t mask = m_table.size() - 1;
    size_t slot = size_t(hash) & mask;
    while (m_table[slot].id != none)
        slot = (slot + 1) & mask;
    m_table[slot] = { id, quint32(hash >> 32) };
    ++m_tableUsed;
    *added = true;
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
    // Keys are split and hashed a few ahead of their insertion, and their table slots prefetched:
    // the lookups are cache misses, and this lets several be in flight at once.
    constexpr size_t ahead = 8;
    const size_t count = keys.ends.size();
    std::array<SplitKey, ahead> ring;
    auto keyAt = [&](size_t i) {
        const quint32 start = i == 0 ? 0 : keys.ends[i - 1];
        return QByteArrayView(keys.bytes.constData() + start, qsizetype(keys.ends[i] - start));
    };
    // Grow the table before taking the lock (it is the writer's alone): a rehash of millions of
    // entries must not keep readers waiting. Each key adds at most a few entries; the rare deep key
    // that adds more grows the table under the lock.
    while ((m_tableUsed + 2 * count) * 10 > m_table.size() * 7)
        growTable();
    // One lock for the batch: readers wait at most for one batch, the writer never per key. A
    // reader that is waiting goes first: the mutex is not fair, and a writer with batches queued
    // back to back (a cluster's nodes all answering at once) would otherwise take it again at once
    // and keep the UI thread waiting for seconds.
    for (int spin = 0; m_readersWaiting.load(std::memory_order_acquire) > 0 && spin < 1000; ++spin)
        QThread::yieldCurrentThread();
    QMutexLocker lock(&m_childMutex);
    for (size_t i = 0; i < qMin(ahead, count); ++i) {
        split(keyAt(i), &ring[i]);
        prefetch(ring[i]);
    }
    qsizetype fresh = 0;
    for (size_t i = 0; i < count; ++i) {
        SplitKey& current = ring[i % ahead];
        fresh += addKey(current) ? 1 : 0;
        if (i + ahead < count) {
            split(keyAt(i + ahead), &current);
            prefetch(current);
        }
    }
    return fresh;
}

bool NamespaceTree::addKey(const SplitKey& split)
{
    const QByteArrayView key = split.key;
    const quint64 stored = storeBytes(key);
    const QByteArrayView view(bytesAt(stored), key.size());
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
            if (end + sepSize > view.size()
                || std::memcmp(view.data() + segmentStart, m_lastPath.data() + segmentStart,
                       size_t(end + sepSize - segmentStart))
                    != 0)
                break;
            folder = m_lastChain[depth].second;
            segmentStart = end + sepSize;
        }
        m_lastChain.resize(depth);
        for (int level = int(depth); level < split.levels; ++level) {
            const qsizetype at = split.ends[size_t(level)];
            folder = findOrAdd(folder, Kind::Folder, stored, quint32(at), quint32(at - segmentStart),
                split.hashes[size_t(level)], &added);
            m_lastChain.emplace_back(at, folder);
            segmentStart = at + sepSize;
        }
        if (split.deep) {
            qsizetype at = 0;
            while ((at = view.indexOf(separator, segmentStart)) >= 0) {
                folder = findOrAdd(folder, Kind::Folder, stored, quint32(at), quint32(at - segmentStart),
                    hashOf(Kind::Folder, view.first(at)), &added);
                m_lastChain.emplace_back(at, folder);
                segmentStart = at + sepSize;
            }
        }
        m_lastPath = QByteArrayView(view.data(), segmentStart);
    }
    const NodeId leaf = findOrAdd(
        folder, Kind::Key, stored, quint32(view.size()), quint32(view.size() - segmentStart), split.leafHash, &added);
    if (!added) {
        // Seen before: give the arena bytes back if they are the last thing written (the remembered
        // prefix points into them, so it goes too).
        if (m_arenaUsed >= quint64(key.size()) && (stored & 0xffffffffu) == m_arenaUsed - quint64(key.size())) {
            m_arenaUsed -= quint64(key.size());
            m_lastChain.clear();
            m_lastPath = {};
        }
        // A key the app removed and that exists again (created, renamed back).
        Node& existing = mutableNode(leaf);
        if (!existing.removed.load(std::memory_order_relaxed))
            return false;
        existing.removed.store(false, std::memory_order_release);
        m_changes.push_back({ leaf, false });
    }
    for (NodeId id = leaf; id != none; id = node(id).parent)
        mutableNode(id).keys.fetch_add(1, std::memory_order_relaxed);
    return true;
}

quint64 NamespaceTree::memoryBytes() const
{
    const ReaderLock lock(*this);
    quint64 total = m_arenaTotal + quint64(nodeCount() / nodeChunkSize + 1) * nodeChunkSize * sizeof(Node)
        + m_table.size() * sizeof(Slot);
    for (const auto& list : m_childLists)
        total += list.capacity() * sizeof(NodeId) + sizeof(list);
    return total;
}

} // namespace vermilion
