#include "carmine/carminequeue.h"
#include "carmine/messagestatus.h"
#include "carmine/queuelistmodel.h"
#include "carmine/queuemessagemodel.h"
#include "carmine/tundraevictedmodel.h"
#include "client/session.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

namespace {
QByteArray k(const QByteArray& queue, const char* suffix)
{
    return CarmineQueue::key(queue, suffix);
}
QByteArray frozenString(const QByteArray& utf8)
{
    return QByteArray("\0>NPY\0\x60", 7) + char(utf8.size() - 128) + utf8;
}
} // namespace

class TestCarmine : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;

    Reply run(const Command& command) { return awaitReply(m_session->execute(command)); }
    qint64 serverNow() { return CarmineQueue::serverTimeMs(run({ "TIME" })); }

    // Waits for the model's first page of a queue.
    bool loadQueue(QueueMessageModel& model, const QByteArray& queue, CarmineQueue::Layout layout)
    {
        QSignalSpy loaded(&model, &QueueMessageModel::pageLoaded);
        QSignalSpy decoded(&model, &QueueMessageModel::contentDecoded);
        model.setQueue(queue, layout);
        return loaded.wait(10000) && (model.rowCount() == 0 || decoded.size() > 0 || decoded.wait(10000));
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
    }

    void init() { QCOMPARE(run({ "FLUSHDB" }).bytes(), QByteArray("OK")); }

    void statusRules_data()
    {
        QTest::addColumn<qint64>("lockIn");
        QTest::addColumn<qint64>("backoffIn");
        QTest::addColumn<bool>("done");
        QTest::addColumn<bool>("requeue");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("rules"); // 0: both layouts' rules, 1: v1 only, 2: v2 only
        QTest::addRow("nothing: queued") << qint64(0) << qint64(0) << false << false << qint64(1000)
                                         << int(MessageStatus::Queued) << 0;
        QTest::addRow("lock at now is over")
            << qint64(1000) << qint64(0) << false << false << qint64(1000) << int(MessageStatus::Queued) << 0;
        QTest::addRow("lock a ms ahead") << qint64(1001) << qint64(0) << false << false << qint64(1000)
                                         << int(MessageStatus::Locked) << 0;
        QTest::addRow("requeue ignored when queued")
            << qint64(0) << qint64(0) << false << true << qint64(1000) << int(MessageStatus::Queued) << 0;
        QTest::addRow("backoff") << qint64(0) << qint64(2000) << false << false << qint64(1000)
                                 << int(MessageStatus::QueuedWithBackoff) << 0;
        QTest::addRow("locked beats backoff")
            << qint64(2000) << qint64(2000) << false << false << qint64(1000) << int(MessageStatus::Locked) << 0;
        QTest::addRow("done beats lock") << qint64(2000) << qint64(0) << true << false << qint64(1000)
                                         << int(MessageStatus::DoneAwaitingGc) << 0;
        QTest::addRow("done requeue beats backoff")
            << qint64(0) << qint64(2000) << true << true << qint64(1000) << int(MessageStatus::DoneWithRequeue) << 0;
        QTest::addRow("locked with requeue") << qint64(2000) << qint64(0) << false << true << qint64(1000)
                                             << int(MessageStatus::LockedWithRequeue) << 0;
        QTest::addRow("done with backoff") << qint64(0) << qint64(2000) << true << false << qint64(1000)
                                           << int(MessageStatus::DoneWithBackoff) << 0;
        // Done and requeued with no backoff: v2 (->message-status) says requeue; v1
        // (msg-status.lua at v3.2.0) looks at requeue only inside the backoff.
        QTest::addRow("v2: done requeue, no backoff") << qint64(0) << qint64(0) << true << true << qint64(1000)
                                                      << int(MessageStatus::DoneWithRequeue) << 2;
        QTest::addRow("v1: done requeue, no backoff") << qint64(0) << qint64(0) << true << true << qint64(1000)
                                                      << int(MessageStatus::DoneAwaitingGc) << 1;
        QTest::addRow("v1: done requeue, backoff over") << qint64(0) << qint64(1000) << true << true << qint64(1000)
                                                        << int(MessageStatus::DoneAwaitingGc) << 1;
    }

    void statusRules()
    {
        QFETCH(qint64, lockIn);
        QFETCH(qint64, backoffIn);
        QFETCH(bool, done);
        QFETCH(bool, requeue);
        QFETCH(qint64, now);
        QFETCH(int, expected);
        QFETCH(int, rules);
        MessageState state;
        state.lockExpiry = lockIn;
        state.backoffExpiry = backoffIn;
        state.done = done;
        state.requeue = requeue;
        if (rules != 2)
            QCOMPARE(int(deriveMessageStatus(state, now, MessageRules::V1)), expected);
        if (rules != 1)
            QCOMPARE(int(deriveMessageStatus(state, now, MessageRules::V2)), expected);
        state.exists = false;
        QCOMPARE(deriveMessageStatus(state, now, MessageRules::V1), MessageStatus::Gone);
        QCOMPARE(deriveMessageStatus(state, now, MessageRules::V2), MessageStatus::Gone);
    }

    // done-with-requeue means something else in each layout: v2 requeues at the first dequeue after
    // the backoff; v1 hands the message out again at the next dequeue, or garbage-collects it once
    // the backoff is over.
    void doneWithRequeueIsExplainedPerLayout()
    {
        const QString v2 = messageStatusDescription(MessageStatus::DoneWithRequeue, MessageRules::V2);
        const QString v1 = messageStatusDescription(MessageStatus::DoneWithRequeue, MessageRules::V1);
        QVERIFY2(v2.contains(QLatin1String("put back on the queue by the first dequeue")), qPrintable(v2));
        QVERIFY2(v1.contains(QLatin1String("hands it to a worker again at once")), qPrintable(v1));
        QVERIFY2(v1.contains(QLatin1String("garbage-collected, not requeued")), qPrintable(v1));
        for (int status = 0; status < messageStatusCount; ++status)
            QVERIFY(!messageStatusDescription(MessageStatus(status), MessageRules::V1).isEmpty());
    }

    // Keys written as Carmine writes them, times relative to the server's own clock.
    void statusFromServer_data()
    {
        QTest::addColumn<bool>("v2");
        QTest::addColumn<qint64>("lockIn"); // 0 = no lock field
        QTest::addColumn<qint64>("backoffIn"); // 0 = no backoff field
        QTest::addColumn<bool>("done");
        QTest::addColumn<bool>("requeue");
        QTest::addColumn<QString>("expected");
        const qint64 minute = 60000;
        for (const bool v2 : { false, true }) {
            const char* layout = v2 ? "v2" : "v1";
            const auto row = [&](const char* what) -> QTestData& { return QTest::addRow("%s %s", layout, what) << v2; };
            row("queued") << qint64(0) << qint64(0) << false << false << QStringLiteral("queued");
            row("expired lock") << -minute << qint64(0) << false << false << QStringLiteral("queued");
            row("live lock") << minute << qint64(0) << false << false << QStringLiteral("locked");
            row("live lock, requeue") << minute << qint64(0) << false << true << QStringLiteral("locked-with-requeue");
            row("active backoff") << qint64(0) << minute << false << false << QStringLiteral("queued-with-backoff");
            row("expired backoff") << qint64(0) << -minute << false << false << QStringLiteral("queued");
            row("expired lock, active backoff")
                << -minute << minute << false << false << QStringLiteral("queued-with-backoff");
            row("done") << qint64(0) << qint64(0) << true << false << QStringLiteral("done-awaiting-gc");
            row("done, live lock") << minute << qint64(0) << true << false << QStringLiteral("done-awaiting-gc");
            row("done, active backoff") << qint64(0) << minute << true << false << QStringLiteral("done-with-backoff");
            row("done, expired backoff") << qint64(0) << -minute << true << false << QStringLiteral("done-awaiting-gc");
            row("done, requeue") << qint64(0) << minute << true << true << QStringLiteral("done-with-requeue");
            // No backoff: v2 requeues at the next dequeue; v1 (msg-status.lua at v3.2.0) garbage-collects.
            row("done, requeue, no backoff") << qint64(0) << qint64(0) << true << true
                                             << (v2 ? QStringLiteral("done-with-requeue") : QStringLiteral("done-awaiting-gc"));
        }
    }

    void statusFromServer()
    {
        QFETCH(bool, v2);
        QFETCH(qint64, lockIn);
        QFETCH(qint64, backoffIn);
        QFETCH(bool, done);
        QFETCH(bool, requeue);
        QFETCH(QString, expected);
        const QByteArray q = "jobs";
        const QByteArray mid = "3f1c2a9e-6b1d-4c8e-9a57-0d2e4b7f1a66";
        const qint64 now = serverNow();
        QVERIFY(now > 1600000000000);
        QList<Command> commands { { "HSET", k(q, "messages"), mid, frozenString("hello") },
            { "HSET", k(q, "nattempts"), mid, "2" }, { "RPUSH", k(q, "mid-circle"), "end-of-circle", mid },
            { "SET", k(q, "ndry-runs"), "4" } };
        if (v2) {
            commands.append({ "HSET", k(q, "udts"), mid, QByteArray::number(now - 90000) });
            commands.append({ "HSET", k(q, "lock-times"), mid, "60000" });
        } else {
            commands.append({ "PSETEX", k(q, "eoq-backoff?"), "30000", "true" });
        }
        if (lockIn != 0)
            commands.append({ "HSET", k(q, "locks"), mid, QByteArray::number(now + lockIn) });
        if (backoffIn != 0)
            commands.append({ "HSET", k(q, "backoffs"), mid, QByteArray::number(now + backoffIn) });
        if (done)
            commands.append({ "SADD", k(q, "done"), mid });
        if (requeue)
            commands.append(v2 ? Command { "HSET", k(q, "messages-rq"), mid, frozenString("again") }
                               : Command { "SADD", k(q, "requeue"), mid });
        for (const Reply& reply : awaitBatch(m_session->executeBatch(commands)))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));

        // Layout detection and totals.
        QueueListModel queues(m_session.get());
        QAbstractItemModelTester queuesTester(&queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&queues, &QueueListModel::refreshed);
        queues.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(queues.rowCount(), 1);
        const CarmineQueue::Totals& totals = queues.totals(0);
        QCOMPARE(totals.name, q);
        QCOMPARE(totals.layout, v2 ? CarmineQueue::Layout::V2 : CarmineQueue::Layout::V1);
        QCOMPARE(totals.messages, 1);
        QCOMPARE(totals.inCircle, 1);
        QCOMPARE(totals.dryRuns, 4);
        QCOMPARE(totals.done, done ? 1 : 0);
        QCOMPARE(totals.requeue, requeue ? 1 : 0);
        QCOMPARE(totals.locked, (lockIn > 0 && !done) ? 1 : 0);
        QCOMPARE(totals.inBackoff, backoffIn > 0 ? 1 : 0);
        if (!v2)
            QVERIFY(totals.eoqBackoffMs > 0 && totals.eoqBackoffMs <= 30000);

        QueueMessageModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadQueue(model, q, totals.layout));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.message(0).mid, mid);
        QCOMPARE(MessageStatusText::keyword(model.status(0)), expected);
        QCOMPARE(model.data(model.index(0, QueueMessageModel::StatusColumn)).toString(), expected);
        QCOMPARE(model.data(model.index(0, QueueMessageModel::AttemptsColumn)).toString(), QStringLiteral("2"));
        QCOMPARE(model.data(model.index(0, QueueMessageModel::ContentColumn)).toString(), QStringLiteral("\"hello\""));
        // Lock and backoff left count down from the server's clock: about a minute when active, nothing else.
        const qint64 lockLeft
            = model.data(model.index(0, QueueMessageModel::LockColumn), QueueMessageModel::SortRole).toLongLong();
        QVERIFY2(lockIn > 0 && !done ? (lockLeft > 50000 && lockLeft <= 60000) : lockLeft == 0,
            QByteArray::number(lockLeft));
        const qint64 backoffLeft
            = model.data(model.index(0, QueueMessageModel::BackoffColumn), QueueMessageModel::SortRole).toLongLong();
        QVERIFY(backoffIn > 0 ? (backoffLeft > 50000 && backoffLeft <= 60000) : backoffLeft == 0);
        const qint64 age
            = model.data(model.index(0, QueueMessageModel::AgeColumn), QueueMessageModel::SortRole).toLongLong();
        QVERIFY2(v2 ? (age >= 90000 && age < 100000) : age == -1, QByteArray::number(age));
    }

    // Carmine 2.0-2.3 kept retry-counts, recently-done and dry-runs (message_queue.clj at v2.3.1):
    // recognised, named, and not read.
    void carmine23LayoutIsRecognised()
    {
        const QByteArray q = "old";
        const QList<Command> commands { { "HSET", k(q, "messages"), "m1", frozenString("x") },
            { "HSET", k(q, "retry-counts"), "m1", "1" }, { "SADD", k(q, "recently-done"), "m1" },
            { "RPUSH", k(q, "mid-circle"), "end-of-circle", "m1" }, { "SET", k(q, "dry-runs"), "2" } };
        for (const Reply& reply : awaitBatch(m_session->executeBatch(commands)))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
        QueueListModel queues(m_session.get());
        QAbstractItemModelTester tester(&queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&queues, &QueueListModel::refreshed);
        queues.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(queues.rowCount(), 1);
        QCOMPARE(queues.totals(0).layout, CarmineQueue::Layout::Pre24);
        QVERIFY2(queues.totals(0).error.contains(QLatin1String("Carmine 2.0-2.3")), qPrintable(queues.totals(0).error));
        QCOMPARE(CarmineQueue::layoutName(CarmineQueue::Layout::Pre24), QStringLiteral("Carmine 2.0-2.3 (not read)"));
        QCOMPARE(queues.index(0, QueueListModel::LayoutColumn).data().toString(), QStringLiteral("2.0-2.3"));
        QCOMPARE(CarmineQueue::layoutName(CarmineQueue::Layout::V1), QStringLiteral("v1 (Carmine 2.4-3.2)"));
        // A clear takes every key of the old layout too.
        for (const char* suffix : { "retry-counts", "recently-done", "dry-runs" })
            QVERIFY(CarmineQueue::allKeys(q).contains(k(q, suffix)));
    }

    void bigQueuesAreCountedWithHscan()
    {
        const QByteArray q = "big";
        const qint64 now = serverNow();
        QList<Command> commands;
        for (int i = 0; i < 30; ++i) {
            const QByteArray mid = "m" + QByteArray::number(i);
            commands.append({ "HSET", k(q, "messages"), mid, frozenString(mid) });
            // 0-19 live locks (15-19 done), 20-29 expired locks
            commands.append({ "HSET", k(q, "locks"), mid, QByteArray::number(now + (i < 20 ? 600000 : -600000)) });
            if (i >= 15 && i < 20)
                commands.append({ "SADD", k(q, "done"), mid });
            if (i < 12) // 0-6 live backoffs, 7-11 over
                commands.append(
                    { "HSET", k(q, "backoffs"), mid, QByteArray::number(now + (i < 7 ? 600000 : -600000)) });
        }
        awaitBatch(m_session->executeBatch(commands));
        for (const int limit : { 10000, 10 }) {
            QueueListModel queues(m_session.get());
            QAbstractItemModelTester tester(&queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
            queues.setScriptCountLimit(limit);
            QSignalSpy refreshed(&queues, &QueueListModel::refreshed);
            QSignalSpy counted(&queues, &QueueListModel::countsFinished);
            queues.refresh();
            QVERIFY(refreshed.wait(10000));
            QCOMPARE(queues.totals(0).countsPending, limit == 10);
            if (limit == 10) {
                QCOMPARE(
                    queues.data(queues.index(0, QueueListModel::LockedColumn)).toString(), QStringLiteral("counting…"));
                QVERIFY(counted.wait(10000));
            }
            QCOMPARE(queues.totals(0).locked, 15);
            QCOMPARE(queues.totals(0).inBackoff, 7);
            QVERIFY(!queues.totals(0).countsPending);
        }
    }

    void pagesWithHscan()
    {
        const QByteArray q = "bulk";
        for (int start = 0; start < 2500; start += 500) {
            Command hset { "HSET", k(q, "messages") };
            for (int i = start; i < start + 500; ++i)
                hset << "mid-" + QByteArray::number(i) << frozenString("m" + QByteArray::number(i));
            run(hset);
        }
        run({ "LPUSH", k(q, "mids-ready"), "mid-1" });
        QueueMessageModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        QVERIFY(loadQueue(model, q, CarmineQueue::Layout::V2));
        QVERIFY2(model.rowCount() >= 1000 && model.rowCount() < 2500, QByteArray::number(model.rowCount()));
        QVERIFY(model.canLoadMore());
        QSet<QByteArray> mids;
        while (model.canLoadMore()) {
            QSignalSpy loaded(&model, &QueueMessageModel::pageLoaded);
            model.loadMore();
            QVERIFY(loaded.wait(10000));
        }
        for (int row = 0; row < model.rowCount(); ++row)
            mids.insert(model.message(row).mid);
        QCOMPARE(mids.size(), 2500); // every message once
        QCOMPARE(model.countWithStatus(MessageStatus::Queued), 2500);
    }

    void undecodableContentFallsBack()
    {
        const QByteArray q = "odd";
        run({ "HSET", k(q, "messages"), "a", QByteArray("\0>NPY\0\x63\x7f", 8), "b", "plain text" });
        QueueMessageModel model(m_session.get());
        QVERIFY(loadQueue(model, q, CarmineQueue::Layout::V1));
        QCOMPARE(model.rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const QueueMessageModel::Message& message = model.message(row);
            QVERIFY(message.decoded);
            QVERIFY(!message.decodeError.isEmpty());
            QVERIFY(message.edn.isEmpty());
            if (message.mid == "b")
                QCOMPARE(model.data(model.index(row, QueueMessageModel::ContentColumn)).toString(),
                    QStringLiteral("plain text"));
            else
                QVERIFY2(message.decodeError.contains(QLatin1String("exceeds")), qPrintable(message.decodeError));
        }
    }

    void tundraRows_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<bool>("evictable");
        QTest::addColumn<qint64>("ttl");
        QTest::addRow("present, not evictable") << true << false << qint64(-1);
        QTest::addRow("present, evictable, with TTL") << true << true << qint64(3600000);
        QTest::addRow("missing, evictable") << false << true << qint64(0);
        QTest::addRow("missing, not evictable") << false << false << qint64(0);
    }

    void tundraRows()
    {
        QFETCH(bool, exists);
        QFETCH(bool, evictable);
        QFETCH(qint64, ttl);
        const QByteArray q = "tundra:default";
        const QByteArray key = "users:42";
        const qint64 now = serverNow();
        run({ "HSET", k(q, "messages"), key, frozenString(key) });
        run({ "HSET", k(q, "udts"), key, QByteArray::number(now - 5000) });
        run({ "HSET", k(q, "nattempts"), key, "1" });
        run({ "HSET", k(q, "backoffs"), key, QByteArray::number(now + 60000) });
        run({ "LPUSH", k(q, "mids-ready"), key });
        if (exists)
            run(ttl > 0 ? Command { "SET", key, "v", "PX", QByteArray::number(ttl) } : Command { "SET", key, "v" });
        if (evictable)
            run({ "SADD", "carmine:tundra:evictable", key });
        run({ "SADD", "carmine:tundra:evictable", "archive:1", "archive:2" });
        run({ "SET", "archive:2", "cached" });

        QueueMessageModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadQueue(model, q, CarmineQueue::Layout::V2));
        QVERIFY(model.isTundra());
        QCOMPARE(model.columnCount(), int(QueueMessageModel::TundraColumnCount));
        QCOMPARE(model.rowCount(), 1);
        const QueueMessageModel::Message& row = model.message(0);
        QCOMPARE(row.mid, key);
        QCOMPARE(row.keyExists, exists);
        QCOMPARE(row.evictable, evictable);
        QCOMPARE(model.status(0), MessageStatus::QueuedWithBackoff);
        QCOMPARE(
            model.data(model.index(0, QueueMessageModel::ContentColumn)).toString(), QStringLiteral("\"users:42\""));
        if (!exists)
            QCOMPARE(row.keyPttlMs, -2);
        else if (ttl < 0)
            QCOMPARE(row.keyPttlMs, -1);
        else
            QVERIFY(row.keyPttlMs > 3500000 && row.keyPttlMs <= 3600000);
        QCOMPARE(model.data(model.index(0, QueueMessageModel::KeyExistsColumn)).toString(),
            exists ? QStringLiteral("yes") : QStringLiteral("missing"));

        TundraEvictedModel evicted(m_session.get());
        QAbstractItemModelTester evictedTester(&evicted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&evicted, &TundraEvictedModel::pageLoaded);
        evicted.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(evicted.totalMembers(), evictable ? 3 : 2);
        QCOMPARE(evicted.rowCount(), evictable ? 3 : 2);
        QCOMPARE(evicted.missingCount(), 1 + (evictable && !exists ? 1 : 0));
        QSet<QByteArray> missing;
        for (int i = 0; i < evicted.rowCount(); ++i) {
            if (!evicted.row(i).exists)
                missing.insert(evicted.row(i).key);
        }
        QVERIFY(missing.contains("archive:1"));
        QVERIFY(!missing.contains("archive:2"));
        QCOMPARE(missing.contains(key), evictable && !exists);
    }

    void clearDeletesExactlyTheQueue()
    {
        const QList<QByteArray> a = CarmineQueue::allKeys("a");
        QList<Command> commands;
        for (const QByteArray& key : a)
            commands.append({ "SET", key, "x" });
        commands.append({ "HSET", k("a:b", "messages"), "m", "x" }); // another queue sharing the prefix
        commands.append({ "SET", "carmine:mq:a:unrelated-suffix", "kept" });
        awaitBatch(m_session->executeBatch(commands));
        QObject context;
        bool done = false;
        bool ok = false;
        CarmineQueue::clear(m_session.get(), "a", &context, [&](bool success, const QString&) {
            done = true;
            ok = success;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(ok);
        Command exists { "EXISTS" };
        exists += a;
        QCOMPARE(run(exists).integerValue(), 0);
        QCOMPARE(run({ "EXISTS", k("a:b", "messages") }).integerValue(), 1);
        QCOMPARE(run({ "GET", "carmine:mq:a:unrelated-suffix" }).bytes(), QByteArray("kept"));
    }

    void readOnlyRefusesClear()
    {
        run({ "HSET", k("keep", "messages"), "m", "x" });
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session readOnly(profile);
        readOnly.open();
        QObject context;
        bool done = false;
        bool ok = true;
        QString message;
        CarmineQueue::clear(&readOnly, "keep", &context, [&](bool success, const QString& text) {
            done = true;
            ok = success;
            message = text;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QLatin1String("read-only")), qPrintable(message));
        QCOMPARE(run({ "EXISTS", k("keep", "messages") }).integerValue(), 1);

        // Totals still work read-only: the counting script runs as EVAL_RO.
        QueueListModel queues(&readOnly);
        QSignalSpy refreshed(&queues, &QueueListModel::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(!readOnly.serverInfo().version().isEmpty(), 10000);
        queues.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(queues.rowCount(), 1);
        QCOMPARE(queues.totals(0).locked, 0);
    }
};

QTEST_GUILESS_MAIN(TestCarmine)
#include "tst_carmine.moc"
