#pragma once

#include "namespacetree.h"

#include <QAbstractItemModel>
#include <QBitArray>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <memory>
#include <unordered_map>
#include "util/jobtracker.h"

class QTimer;

namespace vermilion {

class Session;

// The key tree as views see it: folders and keys of a NamespaceTree that another thread is still
// filling. A folder's rows are built (snapshotted and naturally sorted) off the UI thread when a
// view first asks for them; new keys are merged in by refresh(). Type, TTL and memory size are
// fetched lazily, pipelined, for the rows a view shows (requestDetails()).
class KeyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, TtlColumn, MemoryColumn, ColumnCount };
    enum Roles {
        NodeIdRole = Qt::UserRole + 1,
        IsFolderRole,
        KeyRole, // QByteArray: the full key (keys) or the folder's prefix without separator (folders)
        KeyCountRole, // keys at or below a folder
        KeyTypeRole, // QByteArray from TYPE, empty until fetched
        TtlMsRole, // remaining ms, -1 = no expiry, -2 = key gone, null until fetched
        MemoryRole, // bytes from MEMORY USAGE, null until fetched
    };
    using NodeId = NamespaceTree::NodeId;

    explicit KeyTreeModel(Session* session, QObject* parent = nullptr);
    ~KeyTreeModel() override;

    void setTree(std::shared_ptr<NamespaceTree> tree);
    std::shared_ptr<NamespaceTree> tree() const { return m_tree; }
    // Merges what the tree gained since the last call into the rows views have fetched.
    void refresh();
    // Keeps only keys whose name contains the text (case-insensitive), with their folders.
    void setQuickFilter(const QString& text);
    QString quickFilter() const { return m_filterText; }
    // Asks for type, TTL and size of these rows (the ones on screen), coalesced and pipelined.
    void requestDetails(const QModelIndexList& rows);
    void forgetDetails(const QByteArray& key);
    void forgetAllDetails();
    // True while some folder's rows are being built off the UI thread.
    bool isBusy() const { return m_jobsRunning > 0; }

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex& parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    static QString formatTtl(qint64 milliseconds);
    static QString formatBytes(qint64 bytes);

signals:
    // A folder's rows were installed (first fetch or a large merge).
    void rowsBuilt(const QModelIndex& parent);
    void busyChanged(bool busy);

private:
    struct Folder {
        QList<NodeId> rows; // sorted: folders first, then keys, natural order
        qsizetype folderRows = 0; // how many of the rows, from the first, are folders
        quint32 seen = 0; // children of the tree already considered (arrival order)
        bool building = false;
    };
    struct Details {
        QByteArray type;
        qint64 ttlMs = -1;
        qint64 memory = -1;
        qint64 fetchedAt = 0; // m_clock ms
    };
    struct Filter {
        QByteArray needle; // lower case
        QBitArray matches; // node id -> shown
    };

    NodeId nodeOf(const QModelIndex& index) const
    {
        return index.isValid() ? NodeId(index.internalId()) : NamespaceTree::root;
    }
    QModelIndex indexOfNode(NodeId id, int column = 0) const;
    // A node's kind never changes, so an index carries it above the node id: flags(), which a
    // view asks of every row it lays out, then needs no look at the tree's (scattered) nodes.
    static constexpr quintptr folderBit = quintptr(1) << 32;
    void countFolderRows(Folder& state) const;
    int rowOf(NodeId id) const;
    bool lessThan(NodeId a, NodeId b) const;
    static bool lessThan(const NamespaceTree& tree, NodeId a, NodeId b);
    bool accepts(NodeId id) const;
    static bool nodeMatches(const NamespaceTree& tree, NodeId id, const QByteArray& needle);
    void buildFolder(NodeId folder, bool replace);
    void installFolder(quint64 generation, NodeId folder, QList<NodeId> rows, quint32 seen, bool replace);
    void jobStarted();
    void jobFinished();
    void flushDetailRequests();
    void applyTreeChanges();
    void removeNodeRow(NodeId id);
    void ensureNodeRow(NodeId id);
    static bool isShown(const NamespaceTree& tree, NodeId id);

    Session* m_session;
    std::shared_ptr<NamespaceTree> m_tree;
    std::shared_ptr<const Filter> m_filter;
    QString m_filterText;
    JobTracker m_jobs;
    std::unordered_map<NodeId, Folder> m_folders;
    quint64 m_lastTotal = 0;
    size_t m_changePosition = 0;
    int m_jobsRunning = 0;

    QHash<NodeId, Details> m_details;
    QSet<NodeId> m_detailsPending;
    QList<NodeId> m_detailQueue;
    QTimer* m_detailTimer;
    QElapsedTimer m_clock;
};

} // namespace vermilion
