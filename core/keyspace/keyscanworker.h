#pragma once

#include "client/reply.h"
#include "keyspaceloader.h"

#include <QElapsedTimer>
#include <QObject>
#include <atomic>

namespace vermilion {

// The thread-side half of KeyspaceLoader. Private to keyspace/.
//
// The SCAN chain runs where the replies arrive, in the connection's own thread: each reply sends
// the next SCAN at once (no hop through another thread between two round trips), then hands its
// keys to this object, which inserts them into the tree in the loader's thread.
class KeyScanWorker : public QObject {
    Q_OBJECT
public:
    explicit KeyScanWorker(Session* session);

    // Any thread: makes every reply of older generations be ignored.
    void invalidate(quint64 generation) { m_current.store(generation); }
    // Any thread: stops the SCAN chain of this generation; the tree keeps what it has.
    void cancel(quint64 generation) { m_cancelled.store(generation); }

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
    // Runs in the connection's thread.
    static void requestNext(const std::shared_ptr<Chain>& chain);
    static void onReply(const std::shared_ptr<Chain>& chain, const Reply& reply);
    // Runs in this object's thread.
    void insert(quint64 generation, const NamespaceTree::PackedKeys& keys, bool finished, bool capReached);
    void fail(quint64 generation, const QString& error);

    Session* m_session;
    std::atomic<quint64> m_current { 0 };
    std::atomic<quint64> m_cancelled { 0 };
    quint64 m_generation = 0;
    std::shared_ptr<NamespaceTree> m_tree;
    std::shared_ptr<Chain> m_chain;
    qint64 m_loaded = 0;
    QElapsedTimer m_sinceProgress;
};

} // namespace vermilion
