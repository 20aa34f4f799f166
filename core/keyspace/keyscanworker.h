#pragma once

#include "client/clustertopology.h"
#include "client/reply.h"
#include "keyspaceloader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <atomic>
#include <memory>
#include <mutex>

namespace vermilion {

// The thread-side half of KeyspaceLoader. Private to keyspace/.
//
// The SCAN chain runs where the replies arrive, in the connection's own thread: each reply sends
// the next SCAN at once (no hop through another thread between two round trips), then hands its
// keys to this object, which inserts them into the tree in the loader's thread. A cluster gets one
// chain per node of Session::scanNodes(), all running at once, each with its own cursor; the load
// is finished when every chain is.
class KeyScanWorker : public QObject {
    Q_OBJECT
public:
    // thread: where this object lives and the chain hands its batches to.
    KeyScanWorker(Session* session, QThread* thread, std::shared_ptr<NodeScanBoard> board);

    // Any thread: makes every reply of older generations be ignored.
    void invalidate(quint64 generation) { m_lifeline->current.store(generation); }
    // Any thread: stops the SCAN chain of this generation; the tree keeps what it has.
    void cancel(quint64 generation) { m_lifeline->cancelled.store(generation); }
    // Any thread, before this object's thread stops: a chain still running in the connection's
    // thread (a SCAN reply on its way) hands nothing over any more.
    void retire()
    {
        std::lock_guard lock(m_lifeline->mutex);
        m_lifeline->thread = nullptr;
    }

public slots:
    void begin(
        quint64 generation, const vermilion::ScanOptions& options, std::shared_ptr<vermilion::NamespaceTree> tree);
    void resume(quint64 generation, qint64 cap);
    void reserve(quint64 generation, qint64 keys);
    void applyChanges(quint64 generation, const QList<QByteArray>& added, const QList<QByteArray>& removed);

signals:
    void batchInserted(quint64 generation, qint64 loaded);
    void changesApplied(quint64 generation);
    // state is a KeyspaceLoader::State: CapReached, Finished, Cancelled or Failed.
    void stopped(quint64 generation, int state, const QString& error, qint64 loaded);

private:
    struct Chain;
    struct Load;
    // What a chain shares with this object, and may outlive it: the generations, and the way to
    // this object's thread, which retire() closes.
    struct Lifeline {
        std::atomic<quint64> current { 0 };
        std::atomic<quint64> cancelled { 0 };
        std::mutex mutex;
        QThread* thread = nullptr; // guarded by mutex; null once retired
    };
    // Posts work to this object's thread unless it was retired (connection's thread).
    template<typename Work> static void handOver(const Chain& chain, Work&& work);
    // Runs in the connection's thread.
    static void requestNext(const std::shared_ptr<Chain>& chain);
    static void onReply(const std::shared_ptr<Chain>& chain, const Reply& reply);
    // Sentinel: sends the chain's SCAN again once the session is back after its link was moved.
    void retryAfterLinkLoss(quint64 generation, const std::shared_ptr<Chain>& chain, const QString& error);
    // Runs in this object's thread.
    void insert(quint64 generation, int chain, const NamespaceTree::PackedKeys& keys, bool finished, bool capReached);
    void fail(quint64 generation, const QString& node, const QString& error);
    void settleCap();
    // Cluster: after every cursor is done, the keys of slots that changed owner (or were being
    // migrated) while the scan ran, read again from where they are now.
    void startSettle(quint64 generation);
    void onOwnView(quint64 generation, const QString& node, const QByteArray& clusterNodes);
    void onSlotKeys(quint64 generation, const NamespaceTree::PackedKeys& keys);
    void finishLoad(quint64 generation);

    Session* m_session;
    const std::shared_ptr<Lifeline> m_lifeline = std::make_shared<Lifeline>();
    quint64 m_generation = 0;
    std::shared_ptr<NamespaceTree> m_tree;
    std::shared_ptr<NodeScanBoard> m_board;
    std::vector<std::shared_ptr<Chain>> m_chains;
    enum class ChainState : quint8 { Running, Paused, Finished };
    std::vector<ChainState> m_chainStates;
    std::shared_ptr<Load> m_load;
    ClusterTopology m_startTopology; // the slot map when the load began (cluster)
    QHash<QString, QByteArray> m_ownViews; // CLUSTER NODES per master, while settling
    int m_settleReplies = 0;
    qint64 m_loaded = 0;
    QElapsedTimer m_sinceProgress;
};

} // namespace vermilion
