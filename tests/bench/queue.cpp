#include "benchsupport.h"
#include "carmine/carminequeue.h"
#include "carmine/queuelistmodel.h"
#include "carmine/queuemessagemodel.h"
#include "client/session.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <cstdio>

namespace vermilion::bench {

namespace {
QList<Reply> await(Session& session, const QList<Command>& commands)
{
    QEventLoop loop;
    QList<Reply> replies;
    session.executeBatch(commands, &loop, [&](const QList<Reply>& r) {
        replies = r;
        loop.quit();
    });
    loop.exec();
    for (const Reply& reply : replies) {
        if (reply.isError())
            fail(QStringLiteral("command failed: ") + reply.errorMessage());
    }
    return replies;
}

// A Carmine v2 queue as enqueue.lua leaves it: Nippy-framed contents, enqueue times, the ready
// list; 1% locked, 1% in backoff, 1% done.
void populate(Session& session, const QByteArray& queue, qint64 messages)
{
    const auto key = [&](const char* suffix) { return CarmineQueue::key(queue, suffix); };
    await(session, { Command { "DEL" } + CarmineQueue::allKeys(queue) });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 start = 0; start < messages; start += 1000) {
        Command hset { "HSET", key("messages") };
        Command udts { "HSET", key("udts") };
        Command ready { "LPUSH", key("mids-ready") };
        QList<Command> extra;
        for (qint64 i = start; i < qMin(messages, start + 1000); ++i) {
            const QByteArray mid = "0b6c4f3e-8a21-4d7c-b5e9-" + QByteArray::number(200000000000 + i);
            const QByteArray text = "job " + QByteArray::number(i);
            // {:id i, :text "job i"} as Nippy: map of 2, keyword, long (4-byte), keyword, string
            QByteArray frozen("\0>NPY\0\x63\x82\x6a\x02id\x59", 12);
            for (int shift = 24; shift >= 0; shift -= 8)
                frozen += char(((i - 2147483648LL) >> shift) & 0xff);
            frozen += QByteArray("\x6a\x04text\x60", 7) + char(text.size() - 128) + text;
            hset << mid << frozen;
            udts << mid << QByteArray::number(now - i);
            ready << mid;
            if (i % 100 == 1)
                extra.append({ "HSET", key("locks"), mid, QByteArray::number(now + 3600000) });
            if (i % 100 == 2)
                extra.append({ "HSET", key("backoffs"), mid, QByteArray::number(now + 3600000) });
            if (i % 100 == 3)
                extra.append({ "SADD", key("done"), mid });
        }
        await(session, QList<Command> { hset, udts, ready } + extra);
    }
    await(session, { { "RPUSH", key("mid-circle"), "end-of-circle" }, { "SET", key("ndry-runs"), "0" } });
}
} // namespace

int runQueue(const Arguments& arguments)
{
    const bool privateServer = !arguments.has(QStringLiteral("url"));
    Session session(arguments.profile());
    session.open();
    QByteArray queue = arguments.value(QStringLiteral("queue")).toUtf8();
    if (queue.isEmpty())
        queue = "bench";
    const qint64 toPopulate = arguments.integer(QStringLiteral("populate"), privateServer ? 100000 : 0);
    if (toPopulate > 0)
        populate(session, queue, toPopulate);
    const qint64 messages
        = await(session, { { "HLEN", CarmineQueue::key(queue, "messages") } }).value(0).integerValue();
    QEventLoop loop;

    // Time to the first page, as the viewer shows it: rows in the model and their contents decoded.
    QueueMessageModel model(&session);
    QElapsedTimer clock;
    qint64 firstPageNs = 0;
    QObject::connect(&model, &QueueMessageModel::errorOccurred, &loop, [](const QString& message) { fail(message); });
    QObject::connect(&model, &QueueMessageModel::contentDecoded, &loop, [&] {
        firstPageNs = clock.nsecsElapsed();
        loop.quit();
    });
    clock.start();
    model.setQueue(queue, CarmineQueue::Layout::V2);
    loop.exec();

    // Time to the totals of that queue.
    QueueListModel totals(&session);
    qint64 totalsNs = 0;
    QObject::connect(&totals, &QueueListModel::errorOccurred, &loop, [](const QString& message) { fail(message); });
    QObject::connect(&totals, &QueueListModel::queueRefreshed, &loop, [&] {
        totalsNs = clock.nsecsElapsed();
        loop.quit();
    });
    clock.start();
    totals.refreshQueue(queue);
    loop.exec();
    if (totals.rowCount() != 1 || totals.totals(0).messages != messages)
        fail(QStringLiteral("the totals do not match the queue"));

    // A queue with more locks and backoffs than a quick script should walk is counted with HSCAN
    // afterwards; that time is told on stderr (the JSON fields are the issue's).
    if (totals.totals(0).countsPending) {
        QObject::connect(&totals, &QueueListModel::countsFinished, &loop, [&] { loop.quit(); });
        loop.exec();
        std::fprintf(stderr, "vermilion-bench: locked and in-backoff counted with HSCAN after %.3f s (%lld locked)\n",
            double(clock.nsecsElapsed()) / 1e9, static_cast<long long>(totals.totals(0).locked));
    }
    emitResult({ { QStringLiteral("bench"), QStringLiteral("queue") }, { QStringLiteral("messages"), messages },
        { QStringLiteral("first_page_seconds"), double(firstPageNs) / 1e9 },
        { QStringLiteral("totals_seconds"), double(totalsNs) / 1e9 }, { QStringLiteral("peak_rss_mb"), peakRssMb() } });
    return 0;
}

static const ScenarioRegistration registration { "queue", "--url URL --queue Q [--populate N]", &runQueue };

} // namespace vermilion::bench
