#pragma once

#include "namespacetree.h"

#include <QObject>
#include <QString>
#include <memory>
#include <mutex>
#include "util/jobtracker.h"

class QThread;

namespace vermilion {

class KeyScanWorker;
class Session;

// Keys each node's cursor has handed over so far (on a cluster, one row per node scanned).
struct NodeScanProgress {
    QString node;
    qint64 keys = 0; // keys in its replies (SCAN may name a key twice)
    bool finished = false;
};
struct NodeScanBoard {
    mutable std::mutex mutex;
    QList<NodeScanProgress> nodes;
};

struct ScanOptions {
    QByteArray match; // SCAN MATCH glob; empty = every key
    QByteArray type; // SCAN TYPE (Redis 6+); empty = every type
    int count = 1000; // SCAN COUNT hint
    qint64 cap = 0; // stop after this many keys until loadMore(); 0 = no cap
};

// Loads a database's keys into a NamespaceTree: SCAN on the session's bulk connection, the tree
// built in a thread of its own as batches arrive, progress reported to the UI thread. The next SCAN
// is sent before the current batch is inserted, so building never delays the network.
class KeyspaceLoader : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Loading, CapReached, Finished, Cancelled, Failed };
    Q_ENUM(State)

    KeyspaceLoader(Session* session, const QByteArray& separator, QObject* parent = nullptr);
    ~KeyspaceLoader() override;

    // Starts over with a fresh tree (treeReplaced() tells the model).
    void start(const ScanOptions& options);
    // After the cap was reached: load up to `more` further keys (0 = all the rest).
    void loadMore(qint64 more);
    void cancel();
    // Tells the tree about keys the app itself created or deleted (renames are both), so the
    // browser follows without a new scan. treeChanged() follows once they are in.
    void applyChanges(const QList<QByteArray>& added, const QList<QByteArray>& removed);

    std::shared_ptr<NamespaceTree> tree() const { return m_tree; }
    const ScanOptions& options() const { return m_options; }
    State state() const { return m_state; }
    qint64 loadedKeys() const { return m_loaded; }
    // DBSIZE when the load started (-1 until known): the denominator of the progress bar.
    qint64 databaseSize() const { return m_databaseSize; }
    QString errorString() const { return m_error; }
    // Per node, for a load on a cluster (read it on progress()).
    QList<NodeScanProgress> nodeProgress() const
    {
        std::lock_guard lock(m_board->mutex);
        return m_board->nodes;
    }

signals:
    void treeReplaced(std::shared_ptr<vermilion::NamespaceTree> tree);
    void progress(qint64 loaded, qint64 databaseSize);
    void stateChanged(vermilion::KeyspaceLoader::State state);
    void treeChanged();

private:
    void onBatch(quint64 generation, qint64 loaded);
    void onStopped(quint64 generation, int state, const QString& error, qint64 loaded);
    void setState(State state);

    Session* m_session;
    QByteArray m_separator;
    // Before the worker: it is handed to it at construction.
    std::shared_ptr<NodeScanBoard> m_board = std::make_shared<NodeScanBoard>();
    QThread* m_thread;
    KeyScanWorker* m_worker;
    std::shared_ptr<NamespaceTree> m_tree;
    ScanOptions m_options;
    State m_state = State::Idle;
    JobTracker m_jobs;
    qint64 m_loaded = 0;
    qint64 m_databaseSize = -1;
    QString m_error;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::ScanOptions)
Q_DECLARE_METATYPE(std::shared_ptr<vermilion::NamespaceTree>)
