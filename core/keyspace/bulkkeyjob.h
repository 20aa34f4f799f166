#pragma once

#include "client/keyspacescan.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

namespace vermilion {

class Reply;
class Session;

// Counts, deletes or changes the time to live of every key that matches a glob pattern, over
// millions of keys, without blocking anyone: SCAN walks the keyspace in steps on the session's bulk
// connection and each step's keys are acted on with pipelined commands while the next step is read.
// Created and driven on the thread of its session's caller (the UI thread); no thread of its own.
//
// Counts are exact for what was done: affected is the sum of what the server answered (UNLINK's
// integer, PEXPIRE/PERSIST's 1), so a cancelled delete says precisely how many keys are gone.
// scanned counts the keys SCAN handed over; SCAN may hand a key over twice while the server resizes
// its table, so Count (affected == scanned) is the server's "at least every key, maybe some twice",
// which is what a confirmation dialog needs and all that is possible without holding every name.
// A key handed over twice is harmless elsewhere (UNLINK and PERSIST answer 0 the second time) except
// for SetTtl, where PEXPIRE answers 1 again and the key is counted twice.
class BulkKeyJob : public QObject {
    Q_OBJECT
public:
    enum class Action {
        Count, // only counts the matching keys: shown before the user confirms a destructive job
        Delete, // UNLINK (freed in the background by the server, so big values do not stall it)
        SetTtl, // PEXPIRE with setTtlMilliseconds()
        RemoveTtl, // PERSIST
    };
    Q_ENUM(Action)

    BulkKeyJob(Session* session, QByteArray matchPattern, Action action, QObject* parent = nullptr);
    ~BulkKeyJob() override;

    // The count shown before confirming a bulk action on the same pattern.
    static BulkKeyJob* count(Session* session, const QByteArray& matchPattern, QObject* parent = nullptr);

    Action action() const { return m_action; }
    QByteArray matchPattern() const { return m_pattern; }
    // For SetTtl; must be positive (PEXPIRE with zero or less would delete the keys).
    void setTtlMilliseconds(qint64 milliseconds) { m_ttlMs = milliseconds; }
    qint64 ttlMilliseconds() const { return m_ttlMs; }
    // Only keys of one type ("string", "hash", "stream"...), filtered by the server (SCAN TYPE).
    void setTypeFilter(const QByteArray& type) { m_typeFilter = type; }
    QByteArray typeFilter() const { return m_typeFilter; }

    bool isRunning() const { return m_state == State::Running; }
    qint64 scanned() const { return m_scanned; }
    qint64 affected() const { return m_affected; }

    void start();
    // Stops sending; what was already sent is still answered and counted, then finished() comes with
    // cancelled = true. Nothing happens if the job is not running.
    void cancel();

signals:
    void progress(qint64 scanned, qint64 affected);
    void finished(qint64 scanned, qint64 affected, bool cancelled);
    // Any error ends the job: a lost link, a read-only refusal, a server error such as NOPERM. Keys
    // already acted on stay so (progress() said how many).
    void failed(const QString& message);

private:
    enum class State { Idle, Running, Finished };

    void scanNextBatch();
    void onScanPage(const Reply& keys);
    void applyToBatch(const QList<Reply>& keys);
    void onWriteReplies(const QList<Reply>& replies);
    void fail(const QString& message);
    void finishIfIdle();

    QPointer<Session> m_session;
    QByteArray m_pattern;
    Action m_action;
    qint64 m_ttlMs = 0;
    QByteArray m_typeFilter;

    State m_state = State::Idle;
    bool m_cancelRequested = false;
    std::unique_ptr<KeyspaceScan> m_scan; // one cursor per node
    int m_writeBatchesInFlight = 0;
    qint64 m_scanned = 0;
    qint64 m_affected = 0;
};

} // namespace vermilion
