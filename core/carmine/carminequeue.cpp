#include "carminequeue.h"

#include "client/session.h"
#include "util/redistext.h"

namespace vermilion {

namespace {
// Counts the messages whose lock (not done) and whose backoff are still running, by the server's
// clock, without sending the hashes over the wire. A script blocks the server while it runs, so past
// ARGV[1] entries it answers {-1, -1} at once and the counting is done with HSCAN instead.
const QByteArray countScript
    = QByteArrayLiteral("if redis.call('HLEN', KEYS[1]) + redis.call('HLEN', KEYS[2]) > tonumber(ARGV[1]) then\n"
                        "  return {-1, -1}\n"
                        "end\n"
                        "local t = redis.call('TIME')\n"
                        "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
                        "local locked, backoff = 0, 0\n"
                        "local l = redis.call('HGETALL', KEYS[1])\n"
                        "for i = 1, #l, 2 do\n"
                        "  if now < (tonumber(l[i + 1]) or 0) and redis.call('SISMEMBER', KEYS[3], l[i]) == 0 then "
                        "locked = locked + 1 end\n"
                        "end\n"
                        "local b = redis.call('HGETALL', KEYS[2])\n"
                        "for i = 1, #b, 2 do\n"
                        "  if now < (tonumber(b[i + 1]) or 0) then backoff = backoff + 1 end\n"
                        "end\n"
                        "return {locked, backoff}\n");
} // namespace

QByteArray CarmineQueue::key(const QByteArray& queue, const char* suffix)
{
    return prefix() + queue + ':' + suffix;
}

QByteArray CarmineQueue::queueNameFromMessagesKey(const QByteArray& key)
{
    static const QByteArray suffix = QByteArrayLiteral(":messages");
    if (!key.startsWith(prefix()) || !key.endsWith(suffix) || key.size() <= prefix().size() + suffix.size())
        return {};
    return key.mid(prefix().size(), key.size() - prefix().size() - suffix.size());
}

QList<QByteArray> CarmineQueue::allKeys(const QByteArray& queue)
{
    QList<QByteArray> keys;
    for (const char* suffix :
        { "messages", "messages-rq", "lock-times", "lock-times-rq", "udts", "locks", "backoffs", "nattempts", "done",
            "requeue", "mids-ready", "mid-circle", "ndry-runs", "isleep-a", "isleep-b", "eoq-backoff?",
            // Carmine 2.0-2.3 (message_queue.clj at v2.3.1): a clear leaves none of them behind.
            "retry-counts", "recently-done", "dry-runs" })
        keys.append(key(queue, suffix));
    return keys;
}

QString CarmineQueue::layoutName(Layout layout)
{
    switch (layout) {
    case Layout::V1:
        return tr("v1 (Carmine 2.4-3.2)");
    case Layout::V2:
        return tr("v2 (Carmine 3.3+)");
    case Layout::Pre24:
        return tr("Carmine 2.0-2.3 (not read)");
    case Layout::Unknown:
        break;
    }
    return tr("unknown");
}

QList<Command> CarmineQueue::totalsCommands(const QByteArray& queue, bool readOnlyScripts, int countLimit)
{
    return {
        { "TIME" },
        { "EXISTS", key(queue, "mids-ready"), key(queue, "udts"), key(queue, "lock-times"), key(queue, "isleep-a"),
            key(queue, "isleep-b") },
        { "HLEN", key(queue, "messages") },
        { "LLEN", key(queue, "mids-ready") },
        { "LLEN", key(queue, "mid-circle") },
        { "SCARD", key(queue, "done") },
        { "SCARD", key(queue, "requeue") },
        { "HLEN", key(queue, "messages-rq") },
        { "GET", key(queue, "ndry-runs") },
        { "PTTL", key(queue, "eoq-backoff?") },
        { readOnlyScripts ? QByteArrayLiteral("EVAL_RO") : QByteArrayLiteral("EVAL"), countScript, "3",
            key(queue, "locks"), key(queue, "backoffs"), key(queue, "done"), QByteArray::number(countLimit) },
        // Carmine 2.0-2.3's keys (message_queue.clj at v2.3.1).
        { "EXISTS", key(queue, "retry-counts"), key(queue, "recently-done"), key(queue, "dry-runs") },
    };
}

qint64 CarmineQueue::serverTimeMs(const Reply& time)
{
    if (!time.isArray() || time.size() < 2)
        return 0;
    return time.at(0).toInteger() * 1000 + time.at(1).toInteger() / 1000;
}

CarmineQueue::Totals CarmineQueue::parseTotals(const QByteArray& queue, const QList<Reply>& replies)
{
    Totals totals;
    totals.name = queue;
    if (replies.size() < 12) {
        totals.error = tr("Incomplete reply for queue %1.").arg(RedisText::escape(queue));
        return totals;
    }
    for (qsizetype i = 0; i < 10; ++i) {
        if (replies.at(i).isError()) {
            totals.error = replies.at(i).errorMessage();
            return totals;
        }
    }
    totals.serverTimeMs = serverTimeMs(replies.at(0));
    totals.layout = replies.at(1).integerValue() > 0 ? Layout::V2 : Layout::V1;
    if (totals.layout == Layout::V1 && !replies.at(11).isError() && replies.at(11).integerValue() > 0) {
        totals.layout = Layout::Pre24;
        totals.error = tr("Queue %1 has the layout of Carmine 2.0-2.3 (retry-counts, recently-done, dry-runs), which "
                          "Vermilion does not read: its messages and statuses are not shown.")
                           .arg(RedisText::escape(queue));
        return totals;
    }
    totals.messages = replies.at(2).integerValue();
    totals.ready = replies.at(3).integerValue();
    totals.inCircle = qMax<qint64>(0, replies.at(4).integerValue() - 1);
    totals.done = replies.at(5).integerValue();
    totals.requeue = replies.at(6).integerValue() + replies.at(7).integerValue();
    totals.dryRuns = replies.at(8).isNil() ? 0 : replies.at(8).toInteger();
    totals.eoqBackoffMs = replies.at(9).integerValue();
    const Reply& counts = replies.at(10);
    if (counts.isArray() && counts.size() == 2) {
        totals.locked = counts.at(0).integerValue();
        totals.inBackoff = counts.at(1).integerValue();
        totals.countsPending = totals.locked < 0;
    }
    return totals;
}

void CarmineQueue::clear(Session* session, const QByteArray& queue, QObject* context, ClearDone done)
{
    if (session->isReadOnly()) {
        done(false, tr("This connection is read-only: queue %1 was not cleared.").arg(RedisText::escape(queue)));
        return;
    }
    Command del { "DEL" };
    del += allKeys(queue);
    session->execute(del, context, [queue, done](const Reply& reply) {
        if (reply.isError())
            done(false, tr("Queue %1 was not cleared: %2").arg(RedisText::escape(queue), reply.errorMessage()));
        else
            done(true,
                tr("Queue %1 cleared: %n key(s) deleted.", nullptr, int(reply.integerValue()))
                    .arg(RedisText::escape(queue)));
    });
}

} // namespace vermilion
