#include "keytreemodel.h"

#include "client/session.h"
#include "naturalcompare.h"
#include "util/posting.h"
#include "util/redistext.h"

#include <QLocale>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>

namespace vermilion {

namespace {
// Merges this many new rows one insert at a time; more are merged off the UI thread.
constexpr qsizetype inlineMergeLimit = 64;
// Above this many rows a folder never takes rows one at a time: each insertion moves the rows
// after it in the model and, worse, in every view's item list (tens of megabytes a row for a
// million keys). Its new keys are merged off the UI thread and installed in one layout change.
constexpr qsizetype inlineMergeMaxRows = 20000;
constexpr qsizetype detailBatch = 200;
constexpr qsizetype maxDetails = 50000;

QByteArray lowerAscii(QByteArrayView bytes)
{
    QByteArray lower(bytes.data(), bytes.size());
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return lower;
}
} // namespace

KeyTreeModel::KeyTreeModel(Session* session, QObject* parent)
    : QAbstractItemModel(parent)
    , m_session(session)
    , m_tree(std::make_shared<NamespaceTree>(QByteArray(":")))
    , m_detailTimer(new QTimer(this))
{
    m_clock.start();
    // Requests made while a view scrolls are coalesced into one pipelined batch.
    m_detailTimer->setSingleShot(true);
    m_detailTimer->setInterval(0);
    connect(m_detailTimer, &QTimer::timeout, this, &KeyTreeModel::flushDetailRequests);
    m_folders[NamespaceTree::root] = Folder {};
}

KeyTreeModel::~KeyTreeModel() = default;

void KeyTreeModel::setTree(std::shared_ptr<NamespaceTree> tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    m_jobs.next();
    m_folders.clear();
    m_details.clear();
    m_detailsPending.clear();
    m_detailQueue.clear();
    m_lastTotal = 0;
    m_changePosition = 0;
    m_folders[NamespaceTree::root] = Folder {};
    if (!m_filterText.isEmpty())
        m_filter = std::make_shared<Filter>(Filter { lowerAscii(m_filterText.toUtf8()), {} });
    endResetModel();
}

bool KeyTreeModel::lessThan(const NamespaceTree& tree, NodeId a, NodeId b)
{
    const bool folderA = tree.isFolder(a);
    const bool folderB = tree.isFolder(b);
    if (folderA != folderB)
        return folderA;
    const int order = naturalCompare(tree.name(a), tree.name(b));
    if (order != 0)
        return order < 0;
    return a < b;
}

bool KeyTreeModel::lessThan(NodeId a, NodeId b) const
{
    return lessThan(*m_tree, a, b);
}

bool KeyTreeModel::nodeMatches(const NamespaceTree& tree, NodeId id, const QByteArray& needle)
{
    // Called for every key of a filter pass: the path is built in a buffer that keeps its room.
    thread_local QByteArray path;
    path.resize(0);
    tree.appendPath(id, &path);
    for (char& c : path) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return path.contains(needle);
}

bool KeyTreeModel::isShown(const NamespaceTree& tree, NodeId id)
{
    // Deleted keys, and folders whose keys are all deleted, are not shown.
    return tree.isFolder(id) ? tree.keyCount(id) > 0 : !tree.isRemoved(id);
}

bool KeyTreeModel::accepts(NodeId id) const
{
    if (!isShown(*m_tree, id))
        return false;
    if (!m_filter)
        return true;
    if (id < NodeId(m_filter->matches.size()))
        return m_filter->matches.testBit(int(id));
    // Arrived after the filter was computed: judged by its own name until the next full pass.
    return nodeMatches(*m_tree, id, m_filter->needle);
}

void KeyTreeModel::countFolderRows(Folder& state) const
{
    // Folders sort first: the boundary is found in a logarithmic number of looks.
    state.folderRows = std::partition_point(state.rows.cbegin(), state.rows.cend(), [this](NodeId node) {
        return m_tree->isFolder(node);
    }) - state.rows.cbegin();
}

int KeyTreeModel::rowOf(NodeId id) const
{
    const NodeId parentId = m_tree->parent(id);
    const auto it = m_folders.find(parentId);
    if (it == m_folders.end())
        return -1;
    const QList<NodeId>& rows = it->second.rows;
    const auto found
        = std::lower_bound(rows.begin(), rows.end(), id, [this](NodeId a, NodeId b) { return lessThan(a, b); });
    if (found == rows.end() || *found != id)
        return -1;
    return int(found - rows.begin());
}

QModelIndex KeyTreeModel::indexOfNode(NodeId id, int column) const
{
    if (id == NamespaceTree::root)
        return {};
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : createIndex(row, column, quintptr(id) | (m_tree->isFolder(id) ? folderBit : 0));
}

QModelIndex KeyTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const auto it = m_folders.find(nodeOf(parent));
    if (it == m_folders.end() || row >= it->second.rows.size())
        return {};
    return createIndex(row, column, quintptr(it->second.rows.at(row)) | (row < it->second.folderRows ? folderBit : 0));
}

QModelIndex KeyTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(m_tree->parent(nodeOf(child)));
}

int KeyTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const auto it = m_folders.find(nodeOf(parent));
    return it == m_folders.end() ? 0 : int(it->second.rows.size());
}

int KeyTreeModel::columnCount(const QModelIndex& parent) const
{
    return parent.column() > 0 ? 0 : ColumnCount;
}

bool KeyTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    const NodeId id = nodeOf(parent);
    if (!m_tree->isFolder(id))
        return false;
    const auto it = m_folders.find(id);
    if (it != m_folders.end() && !it->second.building)
        return !it->second.rows.isEmpty() || m_tree->childCount(id) > it->second.seen;
    return m_tree->childCount(id) > 0;
}

bool KeyTreeModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    const NodeId id = nodeOf(parent);
    return m_tree->isFolder(id) && m_folders.find(id) == m_folders.end() && m_tree->childCount(id) > 0;
}

void KeyTreeModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    const NodeId id = nodeOf(parent);
    m_folders[id] = Folder {};
    buildFolder(id, true);
}

void KeyTreeModel::jobStarted()
{
    if (m_jobsRunning++ == 0)
        emit busyChanged(true);
}

void KeyTreeModel::jobFinished()
{
    if (--m_jobsRunning == 0)
        emit busyChanged(false);
}

void KeyTreeModel::buildFolder(NodeId folder, bool replace)
{
    // Snapshot and sort off the UI thread: a folder may hold a million keys.
    Folder& state = m_folders[folder];
    state.building = true;
    jobStarted();
    const JobTracker::Ticket generation = m_jobs.current();
    std::shared_ptr<NamespaceTree> tree = m_tree;
    std::shared_ptr<const Filter> filter = m_filter;
    const QList<NodeId> current = replace ? QList<NodeId>() : state.rows;
    const quint32 from = replace ? 0 : state.seen;
    QPointer<KeyTreeModel> self(this);
    QThread* home = thread();
    // runInPool: the hand-over stays visible to ThreadSanitizer (util/posting.h).
    runInPool([self, home, generation, tree, filter, current, from, folder] {
        std::vector<NodeId> fresh = tree->children(folder, from);
        const auto seen = quint32(from + fresh.size());
        std::erase_if(fresh, [&](NodeId id) { return !isShown(*tree, id); });
        if (filter) {
            std::erase_if(fresh, [&](NodeId id) {
                if (id < NodeId(filter->matches.size()))
                    return !filter->matches.testBit(int(id));
                return !nodeMatches(*tree, id, filter->needle);
            });
        }
        const auto less = [&](NodeId a, NodeId b) { return lessThan(*tree, a, b); };
        std::sort(fresh.begin(), fresh.end(), less);
        QList<NodeId> merged;
        merged.reserve(current.size() + qsizetype(fresh.size()));
        std::merge(current.begin(), current.end(), fresh.begin(), fresh.end(), std::back_inserter(merged), less);
        // A key restored by the app may already be in the rows.
        merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
        // Posted to the model's thread, not to the model, which that thread may be deleting.
        postToThread(home, [self, generation, folder, merged = std::move(merged), seen]() mutable {
            if (self)
                self->installFolder(generation, folder, std::move(merged), seen, false);
        });
    });
}

void KeyTreeModel::installFolder(quint64 generation, NodeId folder, QList<NodeId> rows, quint32 seen, bool)
{
    jobFinished();
    if (m_jobs.isStale(generation))
        return; // the tree or the filter changed meanwhile
    const auto it = m_folders.find(folder);
    if (it == m_folders.end())
        return;
    Folder& state = it->second;
    state.building = false;
    const QModelIndex parentIndex = indexOfNode(folder);
    if (folder != NamespaceTree::root && !parentIndex.isValid()) {
        // The folder itself is no longer shown (filtered away): forget it.
        m_folders.erase(it);
        return;
    }
    if (state.rows.isEmpty()) {
        state.seen = seen;
        if (!rows.isEmpty()) {
            beginInsertRows(parentIndex, 0, int(rows.size()) - 1);
            state.rows = std::move(rows);
            countFolderRows(state);
            endInsertRows();
        }
    } else {
        // A large merge: one layout change, with every persistent index moved to its node's row.
        emit layoutAboutToBeChanged({ QPersistentModelIndex(parentIndex) }, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        state.rows = std::move(rows);
        countFolderRows(state);
        state.seen = seen;
        QModelIndexList from;
        QModelIndexList to;
        for (const QModelIndex& old : before) {
            if (m_tree->parent(nodeOf(old)) != folder)
                continue;
            from.append(old);
            const int row = rowOf(nodeOf(old));
            to.append(row < 0 ? QModelIndex() : createIndex(row, old.column(), old.internalId()));
        }
        changePersistentIndexList(from, to);
        emit layoutChanged({ QPersistentModelIndex(parentIndex) }, QAbstractItemModel::VerticalSortHint);
    }
    emit rowsBuilt(parentIndex);
}

void KeyTreeModel::removeNodeRow(NodeId id)
{
    const NodeId parentId = m_tree->parent(id);
    const auto it = m_folders.find(parentId);
    if (it == m_folders.end() || it->second.building)
        return;
    const int row = rowOf(id);
    if (row < 0)
        return;
    const QModelIndex parentIndex = indexOfNode(parentId);
    if (parentId != NamespaceTree::root && !parentIndex.isValid())
        return;
    beginRemoveRows(parentIndex, row, row);
    it->second.rows.removeAt(row);
    countFolderRows(it->second);
    endRemoveRows();
    m_folders.erase(id);
    m_details.remove(id);
}

void KeyTreeModel::ensureNodeRow(NodeId id)
{
    const NodeId parentId = m_tree->parent(id);
    const auto it = m_folders.find(parentId);
    if (it == m_folders.end() || it->second.building || rowOf(id) >= 0 || !accepts(id))
        return;
    const QModelIndex parentIndex = indexOfNode(parentId);
    if (parentId != NamespaceTree::root && !parentIndex.isValid())
        return;
    QList<NodeId>& rows = it->second.rows;
    const auto at
        = std::lower_bound(rows.begin(), rows.end(), id, [this](NodeId a, NodeId b) { return lessThan(a, b); });
    const int row = int(at - rows.begin());
    beginInsertRows(parentIndex, row, row);
    rows.insert(row, id);
    countFolderRows(it->second);
    endInsertRows();
}

void KeyTreeModel::applyTreeChanges()
{
    size_t next = 0;
    const std::vector<NamespaceTree::Change> changes = m_tree->changes(m_changePosition, &next);
    m_changePosition = next;
    for (const NamespaceTree::Change& change : changes) {
        if (change.removed) {
            removeNodeRow(change.id);
            for (NodeId folder = m_tree->parent(change.id);
                 folder != NamespaceTree::root && folder != NamespaceTree::none; folder = m_tree->parent(folder)) {
                if (m_tree->keyCount(folder) == 0)
                    removeNodeRow(folder);
            }
        } else {
            // Back again: its folders may have gone when they emptied; restore from the top down.
            std::vector<NodeId> chain;
            for (NodeId at = change.id; at != NamespaceTree::root && at != NamespaceTree::none; at = m_tree->parent(at))
                chain.push_back(at);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it)
                ensureNodeRow(*it);
            m_details.remove(change.id);
        }
    }
}

void KeyTreeModel::refresh()
{
    applyTreeChanges();
    const quint64 total = m_tree->totalKeys();
    const bool countsChanged = total != m_lastTotal;
    m_lastTotal = total;
    std::vector<NodeId> folders;
    folders.reserve(m_folders.size());
    for (const auto& [id, state] : m_folders) {
        if (!state.building)
            folders.push_back(id);
    }
    for (NodeId id : folders) {
        Folder& state = m_folders[id];
        const quint32 available = m_tree->childCount(id);
        if (available <= state.seen)
            continue;
        if (available - state.seen > inlineMergeLimit || state.rows.isEmpty()
            || state.rows.size() > inlineMergeMaxRows) {
            buildFolder(id, false);
            continue;
        }
        const QModelIndex parentIndex = indexOfNode(id);
        if (id != NamespaceTree::root && !parentIndex.isValid())
            continue;
        std::vector<NodeId> fresh = m_tree->children(id, state.seen);
        state.seen = available;
        std::erase_if(fresh, [this](NodeId node) { return !accepts(node); });
        std::sort(fresh.begin(), fresh.end(), [this](NodeId a, NodeId b) { return lessThan(a, b); });
        for (NodeId node : fresh) {
            const auto at = std::lower_bound(
                state.rows.begin(), state.rows.end(), node, [this](NodeId a, NodeId b) { return lessThan(a, b); });
            const int row = int(at - state.rows.begin());
            beginInsertRows(parentIndex, row, row);
            state.rows.insert(row, node);
            countFolderRows(state);
            endInsertRows();
        }
    }
    if (countsChanged) {
        // Folder sizes grew: repaint the rows that show a count.
        for (const auto& [id, state] : m_folders) {
            if (state.rows.isEmpty() || state.building)
                continue;
            const QModelIndex parentIndex = indexOfNode(id);
            if (id != NamespaceTree::root && !parentIndex.isValid())
                continue;
            emit dataChanged(index(0, NameColumn, parentIndex),
                index(int(state.rows.size()) - 1, TypeColumn, parentIndex), { Qt::DisplayRole, KeyCountRole });
        }
    }
}

void KeyTreeModel::setQuickFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    if (trimmed.isEmpty()) {
        beginResetModel();
        m_filter.reset();
        m_jobs.next();
        m_folders.clear();
        m_folders[NamespaceTree::root] = Folder {};
        endResetModel();
        refresh();
        return;
    }
    // Mark matching keys and their folders off the UI thread, then show the result.
    const QByteArray needle = lowerAscii(trimmed.toUtf8());
    std::shared_ptr<NamespaceTree> tree = m_tree;
    QPointer<KeyTreeModel> self(this);
    const JobTracker::Ticket generation = m_jobs.next();
    jobStarted();
    QThread* home = thread();
    runInPool([self, home, tree, needle, generation] { // see buildFolder
        auto filter = std::make_shared<Filter>();
        filter->needle = needle;
        const quint32 count = tree->nodeCount();
        filter->matches.resize(int(count));
        for (NodeId id = 1; id < count; ++id) {
            if (tree->isFolder(id) || filter->matches.testBit(int(id)) || !nodeMatches(*tree, id, needle))
                continue;
            for (NodeId at = id; at != NamespaceTree::none && !filter->matches.testBit(int(at)); at = tree->parent(at))
                filter->matches.setBit(int(at));
        }
        postToThread(home, [self, filter, generation] {
            if (!self)
                return;
            self->jobFinished();
            if (self->m_jobs.isStale(generation))
                return;
            self->beginResetModel();
            self->m_filter = filter;
            self->m_jobs.next();
            self->m_folders.clear();
            self->m_folders[NamespaceTree::root] = Folder {};
            self->endResetModel();
            self->buildFolder(NamespaceTree::root, true);
        });
    });
}

QVariant KeyTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const NodeId id = nodeOf(index);
    const bool folder = m_tree->isFolder(id);
    const auto details = folder ? m_details.constEnd() : m_details.constFind(id);
    const bool haveDetails = details != m_details.constEnd();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn: {
            const QByteArrayView name = m_tree->name(id);
            if (role == Qt::ToolTipRole)
                return RedisText::escape(m_tree->path(id), RedisText::Quoting::IfNeeded);
            return name.isEmpty() ? QStringLiteral("\"\"")
                                  : RedisText::escape(QByteArray(name.data(), name.size()), RedisText::Quoting::None);
        }
        case TypeColumn:
            if (folder)
                return m_tree->keyCount(id) == 1 ? tr("1 key")
                                                 : tr("%1 keys").arg(QLocale().toString(m_tree->keyCount(id)));
            return haveDetails ? QString::fromUtf8(details->type) : QString();
        case TtlColumn:
            if (folder || !haveDetails)
                return {};
            if (details->ttlMs == -1)
                return tr("no expiry");
            if (details->ttlMs == -2)
                return tr("gone");
            return formatTtl(qMax<qint64>(0, details->ttlMs - (m_clock.elapsed() - details->fetchedAt)));
        case MemoryColumn:
            if (folder || !haveDetails || details->memory < 0)
                return {};
            return formatBytes(details->memory);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MemoryColumn || index.column() == TtlColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NodeIdRole:
        return id;
    case IsFolderRole:
        return folder;
    case KeyRole:
        return m_tree->path(id);
    case KeyCountRole:
        return m_tree->keyCount(id);
    case KeyTypeRole:
        return haveDetails ? details->type : QByteArray();
    case TtlMsRole:
        if (!haveDetails)
            return {};
        return details->ttlMs < 0 ? details->ttlMs
                                  : qMax<qint64>(0, details->ttlMs - (m_clock.elapsed() - details->fetchedAt));
    case MemoryRole:
        return haveDetails && details->memory >= 0 ? QVariant(details->memory) : QVariant();
    default:
        return {};
    }
}

QVariant KeyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case TtlColumn:
        return tr("TTL");
    case MemoryColumn:
        return tr("Memory");
    default:
        return {};
    }
}

Qt::ItemFlags KeyTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!(index.internalId() & folderBit))
        result |= Qt::ItemNeverHasChildren;
    return result;
}

void KeyTreeModel::requestDetails(const QModelIndexList& rows)
{
    for (const QModelIndex& row : rows) {
        const NodeId id = nodeOf(row);
        if (!row.isValid() || m_tree->isFolder(id) || m_details.contains(id) || m_detailsPending.contains(id))
            continue;
        m_detailsPending.insert(id);
        m_detailQueue.append(id);
    }
    if (!m_detailQueue.isEmpty() && !m_detailTimer->isActive())
        m_detailTimer->start();
}

void KeyTreeModel::flushDetailRequests()
{
    if (m_detailQueue.isEmpty())
        return;
    if (m_details.size() > maxDetails)
        m_details.clear(); // the cache only serves what is on screen
    const QList<NodeId> batch = m_detailQueue.mid(0, detailBatch);
    m_detailQueue.remove(0, batch.size());
    QList<Command> commands;
    commands.reserve(batch.size() * 3);
    for (NodeId id : batch) {
        const QByteArray bytes = m_tree->path(id);
        commands << Command { "TYPE", bytes } << Command { "PTTL", bytes } << Command { "MEMORY", "USAGE", bytes };
    }
    const JobTracker::Ticket generation = m_jobs.current();
    const std::shared_ptr<NamespaceTree> tree = m_tree;
    m_session->executeBatch(
        commands, this,
        [this, batch, generation, tree](const QList<Reply>& replies) {
            if (tree != m_tree)
                return;
            Q_UNUSED(generation);
            const qint64 now = m_clock.elapsed();
            for (qsizetype i = 0; i < batch.size(); ++i) {
                const NodeId id = batch.at(i);
                m_detailsPending.remove(id);
                const Reply& type = replies.at(i * 3);
                const Reply& ttl = replies.at(i * 3 + 1);
                const Reply& memory = replies.at(i * 3 + 2);
                if (type.isClientError())
                    continue; // asked again when next shown
                Details details;
                details.type = type.isStatus() ? type.bytes() : QByteArray("?");
                details.ttlMs = ttl.isInteger() ? ttl.integerValue() : -1;
                if (details.type == "none")
                    details.ttlMs = -2;
                details.memory = memory.isInteger() ? memory.integerValue() : -1;
                details.fetchedAt = now;
                m_details.insert(id, details);
                const QModelIndex first = indexOfNode(id, TypeColumn);
                if (first.isValid())
                    emit dataChanged(first, first.siblingAtColumn(MemoryColumn));
            }
            if (!m_detailQueue.isEmpty())
                m_detailTimer->start();
        },
        Session::Role::Interactive);
}

void KeyTreeModel::forgetDetails(const QByteArray& key)
{
    for (auto it = m_details.begin(); it != m_details.end();) {
        if (m_tree->path(it.key()) == key) {
            const NodeId id = it.key();
            it = m_details.erase(it);
            const QModelIndex first = indexOfNode(id, TypeColumn);
            if (first.isValid())
                emit dataChanged(first, first.siblingAtColumn(MemoryColumn));
        } else {
            ++it;
        }
    }
}

void KeyTreeModel::forgetAllDetails()
{
    m_details.clear();
    for (const auto& [id, state] : m_folders) {
        if (state.rows.isEmpty())
            continue;
        const QModelIndex parentIndex = indexOfNode(id);
        if (id != NamespaceTree::root && !parentIndex.isValid())
            continue;
        emit dataChanged(
            index(0, TypeColumn, parentIndex), index(int(state.rows.size()) - 1, MemoryColumn, parentIndex));
    }
}

QString KeyTreeModel::formatTtl(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString KeyTreeModel::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace vermilion
