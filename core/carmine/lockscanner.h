#pragma once

#include "client/keyspacescan.h"
#include "client/reply.h"
#include "lockentry.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <memory>
#include <vector>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// One refresh of the lock table: SCAN MATCH over each watched pattern on the session's bulk
// connection, and for every page of keys, at once, pipelined GET (owner) + PTTL (time left). A new
// scan() replaces one in flight (its results are dropped by generation).
class LockScanner : public QObject {
    Q_OBJECT
public:
    explicit LockScanner(Session* session, QObject* parent = nullptr);

    static QList<QByteArray> defaultPatterns() { return { "carmine:lock:*", "zato:lock:*" }; }
    void setPatterns(const QList<QByteArray>& patterns);
    const QList<QByteArray>& patterns() const { return m_patterns; }
    // The part of a pattern before its first glob character: what is cut from a key to name a lock.
    static QByteArray literalPrefix(const QByteArray& pattern);
    static QByteArray lockName(const QByteArray& key, const QList<QByteArray>& patterns);

    void scan();
    // Reads just these keys (after a keyspace event); the result comes in keysRead().
    void readKeys(const QList<QByteArray>& keys);
    bool isScanning() const { return m_pendingReplies > 0 || m_activeScans > 0; }

signals:
    // Every lock found, in no particular order, and how long the whole refresh took.
    void finished(const QList<vermilion::LockEntry>& locks, qint64 elapsedMs);
    void keysRead(const QList<vermilion::LockEntry>& locks);
    void failed(const QString& message);

private:
    void onPage(quint64 generation, size_t index, const Reply& page);
    void readPage(quint64 generation, const QList<QByteArray>& keys);
    static QList<LockEntry> parseEntries(
        const QList<QByteArray>& keys, const QList<Reply>& replies, const QList<QByteArray>& patterns);
    void finishIfDone();

    Session* m_session;
    QList<QByteArray> m_patterns;
    JobTracker m_jobs;
    int m_activeScans = 0;
    std::vector<std::unique_ptr<KeyspaceScan>> m_scans; // one per pattern, each with a cursor per node
    int m_pendingReplies = 0;
    bool m_failed = false;
    QSet<QByteArray> m_seen;
    QList<LockEntry> m_found;
    QElapsedTimer m_clock;
};

} // namespace vermilion
