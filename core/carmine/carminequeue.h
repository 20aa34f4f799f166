#pragma once

#include "client/reply.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <functional>

namespace vermilion {

class Session;

// Keys, layouts and totals of one Carmine message queue ("mq"), as CARMINE-ZATO.md section 2
// describes them: every key of queue <q> is carmine:mq:<q>:<suffix>.
class CarmineQueue {
    Q_DECLARE_TR_FUNCTIONS(CarmineQueue)
public:
    // V1: Carmine 2.4-3.2; V2: 3.3+; Pre24: Carmine 2.0-2.3 (retry-counts, recently-done and
    // dry-runs in place of nattempts, done and ndry-runs), which is recognised and not read.
    enum class Layout { Unknown, V1, V2, Pre24 };

    static QByteArray prefix() { return QByteArrayLiteral("carmine:mq:"); }
    static QByteArray key(const QByteArray& queue, const char* suffix);
    // SCAN MATCH pattern that finds every queue (its messages hash).
    static QByteArray discoveryPattern() { return QByteArrayLiteral("carmine:mq:*:messages"); }
    // The queue name of a key matched by discoveryPattern(), empty if it is not one.
    static QByteArray queueNameFromMessagesKey(const QByteArray& key);
    static bool isTundra(const QByteArray& queue) { return queue.startsWith("tundra:"); }
    static QByteArray tundraEvictableKey() { return QByteArrayLiteral("carmine:tundra:evictable"); }
    // Every key Carmine's clear-queues deletes for a queue (both layouts): exactly these and no
    // pattern, so that clearing "a" never touches queue "a:b".
    static QList<QByteArray> allKeys(const QByteArray& queue);
    static QString layoutName(Layout layout);

    struct Totals {
        QByteArray name;
        Layout layout = Layout::Unknown;
        qint64 messages = 0; // HLEN messages
        qint64 ready = 0; // LLEN mids-ready (v2)
        qint64 inCircle = 0; // LLEN mid-circle - 1 (the sentinel)
        qint64 locked = -1; // -1 = unknown (script refused, or counting)
        qint64 inBackoff = -1;
        bool countsPending = false; // locks/backoffs too big for a script: counted with HSCAN
        qint64 done = 0; // SCARD done
        qint64 requeue = 0; // SCARD requeue + HLEN messages-rq
        qint64 dryRuns = 0; // ndry-runs
        qint64 eoqBackoffMs = -2; // v1: PTTL of eoq-backoff? (-2 = none)
        qint64 serverTimeMs = 0;
        QString error;
    };
    // Above this many lock + backoff entries, locked and in-backoff are counted with HSCAN pages rather
    // than by a script that would block the server (about 5 ms per 10,000 entries).
    static constexpr int scriptCountLimit = 10000;
    static QList<Command> totalsCommands(
        const QByteArray& queue, bool readOnlyScripts, int countLimit = scriptCountLimit);
    static Totals parseTotals(const QByteArray& queue, const QList<Reply>& replies);
    // The server's clock from a TIME reply, in epoch milliseconds; 0 if the reply is not one.
    static qint64 serverTimeMs(const Reply& time);

    using ClearDone = std::function<void(bool ok, const QString& message)>;
    // Deletes exactly the queue's keys (Carmine's clear semantics). Read-only sessions are refused
    // before anything is sent. The caller confirms with the user first.
    static void clear(Session* session, const QByteArray& queue, QObject* context, ClearDone done);
};

} // namespace vermilion
