#include "client/session.h"
#include "keyspace/bulkkeyjob.h"
#include "keyspace/keypattern.h"
#include "keyspace/memoryanalysis.h"
#include "redisfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <algorithm>

using namespace vermilion;
using namespace vermilion::test;

// Namespace prefix -> the keys expected in it; the empty prefix stands for "(no namespace)".
using Groups = QMap<QByteArray, QByteArrayList>;
Q_DECLARE_METATYPE(Groups)

namespace {
constexpr int jobTimeoutMs = 60000;

// Deletes a key on a connection of its own and waits for the answer without running the event
// loop, so that nothing the job has scheduled can happen in between.
bool deleteNow(quint16 port, const QByteArray& key)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("*2\r\n$3\r\nDEL\r\n$" + QByteArray::number(key.size()) + "\r\n" + key + "\r\n");
    if (!socket.waitForBytesWritten(5000))
        return false;
    QByteArray answer;
    while (!answer.endsWith("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer == ":1\r\n";
}

// Runs a real event loop until the job ends. QTRY_COMPARE polls with 10 ms sleeps in between, which
// would add 10 ms to each of a job's hundred SCAN round trips and drown what is being timed.
template<typename Job>
bool waitForEnd(Job& job, const QSignalSpy& finished, const QSignalSpy& failed, int timeoutMs = jobTimeoutMs)
{
    if (finished.isEmpty() && failed.isEmpty()) {
        QEventLoop loop;
        QObject::connect(&job, &Job::finished, &loop, &QEventLoop::quit);
        QObject::connect(&job, &Job::failed, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return finished.size() + failed.size() == 1;
}
} // namespace

class TestKeyJobs : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;

    Reply run(const Command& argv) { return awaitReply(m_session->execute(argv)); }
    qint64 dbSize() { return run({ "DBSIZE" }).integerValue(); }

    // Pipelined SETs in chunks, all in flight at once, as the app's seeder does.
    bool populate(const QByteArray& prefix, int count)
    {
        constexpr int chunk = 10000;
        QList<QFuture<QList<Reply>>> pending;
        for (int first = 0; first < count; first += chunk) {
            QList<Command> commands;
            for (int i = first; i < qMin(count, first + chunk); ++i)
                commands.append({ "SET", prefix + QByteArray::number(i), "v" });
            pending.append(m_session->executeBatch(commands, Session::Role::Interactive));
        }
        for (const auto& future : pending) {
            const QList<Reply> replies = awaitBatch(future, 60000);
            if (replies.isEmpty())
                return false;
            for (const Reply& reply : replies) {
                if (reply != Reply::status("OK"))
                    return false;
            }
        }
        return true;
    }

    QSet<QByteArray> scanAll(const QByteArray& pattern)
    {
        QSet<QByteArray> keys;
        QByteArray cursor("0");
        do {
            const Reply reply = run({ "SCAN", cursor, "MATCH", pattern, "COUNT", "1000" });
            if (!reply.isArray() || reply.size() != 2)
                return { "<SCAN failed: " + reply.errorMessage().toUtf8() + '>' };
            cursor = reply.at(0).bytes();
            for (const Reply& key : reply.at(1).elements())
                keys.insert(key.bytes());
        } while (cursor != "0");
        return keys;
    }

    QList<qint64> pttls(const QList<QByteArray>& keys)
    {
        QList<Command> commands;
        for (const QByteArray& key : keys)
            commands.append({ "PTTL", key });
        QList<qint64> values;
        for (const Reply& reply : awaitBatch(m_session->executeBatch(commands, Session::Role::Interactive)))
            values.append(reply.isInteger() ? reply.integerValue() : -100);
        return values;
    }

    ConnectionProfile aclProfile(const QString& user, const QString& password) const
    {
        ConnectionProfile p = profileFor(*m_server);
        p.username = user;
        p.password = password;
        return p;
    }

private slots:
    void initTestCase()
    {
        QString error;
        RedisServerProcess::Options options;
        // May read and SCAN but not delete: the server's own NOPERM must reach the user.
        options.extraArguments = {
            QStringLiteral("--user"),
            QStringLiteral("scanner"),
            QStringLiteral("on"),
            QStringLiteral(">scan"),
            QStringLiteral("~*"),
            QStringLiteral("+@read"),
            QStringLiteral("+ping"),
            QStringLiteral("+client"),
            QStringLiteral("+command"),
            QStringLiteral("+select"),
            QStringLiteral("+info"),
        };
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
        QCOMPARE(run({ "PING" }), Reply::status("PONG"));
    }

    void init() { QCOMPARE(run({ "FLUSHALL" }), Reply::status("OK")); }

    void cleanupTestCase() { m_session.reset(); }

    void escapeGlob_data()
    {
        QTest::addColumn<QByteArray>("literal");
        QTest::addColumn<QByteArray>("escaped");
        // Keys an unescaped pattern would also match.
        QTest::addColumn<QByteArrayList>("decoys");
        QTest::addRow("plain") << QByteArray("app:user") << QByteArray("app:user") << QByteArrayList { "app:use" };
        QTest::addRow("star") << QByteArray("a*b") << QByteArray("a\\*b") << QByteArrayList { "axxb", "aXb:1" };
        QTest::addRow("question mark") << QByteArray("a?b") << QByteArray("a\\?b") << QByteArrayList { "axb" };
        QTest::addRow("class") << QByteArray("[ab]") << QByteArray("\\[ab\\]") << QByteArrayList { "a", "b:1" };
        QTest::addRow("range") << QByteArray("k[a-z]") << QByteArray("k\\[a-z\\]") << QByteArrayList { "kq" };
        QTest::addRow("lone closing bracket") << QByteArray("x]y") << QByteArray("x\\]y") << QByteArrayList {};
        QTest::addRow("backslash") << QByteArray("a\\b") << QByteArray("a\\\\b") << QByteArrayList { "ab" };
        QTest::addRow("trailing backslash")
            << QByteArray("dir\\") << QByteArray("dir\\\\") << QByteArrayList { "dir*x" };
        QTest::addRow("binary and specials") << QByteArray("\x00\xff*?\r\n", 6) << QByteArray("\x00\xff\\*\\?\r\n", 8)
                                             << QByteArrayList { QByteArray::fromHex("00ff61620d0a") };
        QTest::addRow("not UTF-8") << QByteArray("\xc3\x28[") << QByteArray("\xc3\x28\\[") << QByteArrayList {};
        QTest::addRow("empty") << QByteArray() << QByteArray() << QByteArrayList {};
    }

    void escapeGlob()
    {
        QFETCH(QByteArray, literal);
        QFETCH(QByteArray, escaped);
        QFETCH(QByteArrayList, decoys);
        QCOMPARE(KeyPattern::escapeGlob(literal), escaped);

        // The server agrees: the pattern selects the literal, and the literal as a prefix.
        const QByteArray below = literal + ":tail";
        QList<Command> sets { { "SET", literal, "1" }, { "SET", below, "1" } };
        for (const QByteArray& decoy : decoys)
            sets.append({ "SET", decoy, "1" });
        for (const Reply& reply : awaitBatch(m_session->executeBatch(sets, Session::Role::Interactive)))
            QCOMPARE(reply, Reply::status("OK"));
        QCOMPARE(dbSize(), qint64(2 + decoys.size()));
        QCOMPARE(scanAll(escaped), QSet<QByteArray>({ literal }));
        QCOMPARE(scanAll(escaped + '*'), QSet<QByteArray>({ literal, below }));
    }

    void folderPattern_data()
    {
        QTest::addColumn<QByteArray>("folder");
        QTest::addColumn<QByteArray>("separator");
        QTest::addColumn<QByteArray>("pattern");
        QTest::addRow("folder") << QByteArray("app:user") << QByteArray(":") << QByteArray("app:user:*");
        QTest::addRow("whole database") << QByteArray() << QByteArray(":") << QByteArray("*");
        QTest::addRow("specials in folder") << QByteArray("a*[1]") << QByteArray("::") << QByteArray("a\\*\\[1\\]::*");
        QTest::addRow("special separator") << QByteArray("a") << QByteArray("?") << QByteArray("a\\?*");
    }

    void folderPattern()
    {
        QFETCH(QByteArray, folder);
        QFETCH(QByteArray, separator);
        QFETCH(QByteArray, pattern);
        QCOMPARE(KeyPattern::folderPattern(folder, separator), pattern);
    }

    void countsMatchingKeys()
    {
        QVERIFY(populate("count:a:", 2500));
        QVERIFY(populate("count:b:", 700));
        QList<Command> hashes;
        for (int i = 0; i < 50; ++i)
            hashes.append({ "HSET", "count:h:" + QByteArray::number(i), "field", "value" });
        QCOMPARE(awaitBatch(m_session->executeBatch(hashes, Session::Role::Interactive)).size(), 50);

        struct Case {
            QByteArray pattern;
            QByteArray type;
            qint64 expected;
        };
        const QList<Case> cases {
            { "count:a:*", {}, 2500 },
            { "count:*", {}, 3250 },
            { "count:*", "hash", 50 },
            { "count:b:1*", {}, 111 }, // 1, 10-19, 100-199
            { "nothing:*", {}, 0 },
        };
        for (const Case& c : cases) {
            std::unique_ptr<BulkKeyJob> job(BulkKeyJob::count(m_session.get(), c.pattern));
            job->setTypeFilter(c.type);
            QSignalSpy finished(job.get(), &BulkKeyJob::finished);
            QSignalSpy failed(job.get(), &BulkKeyJob::failed);
            job->start();
            QVERIFY(waitForEnd(*job, finished, failed));
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
            QCOMPARE(finished.at(0).at(0).toLongLong(), c.expected);
            QCOMPARE(finished.at(0).at(1).toLongLong(), c.expected);
            QCOMPARE(finished.at(0).at(2).toBool(), false);
        }
        QCOMPARE(dbSize(), qint64(3250));
    }

    void deleteCancelledHalfwayIsExact()
    {
        constexpr qint64 total = 100000;
        QVERIFY(populate("bulk:", total));
        QCOMPARE(dbSize(), total);

        BulkKeyJob job(m_session.get(), "bulk:*", BulkKeyJob::Action::Delete);
        QSignalSpy finished(&job, &BulkKeyJob::finished);
        QSignalSpy failed(&job, &BulkKeyJob::failed);
        qint64 affectedAtCancel = -1;
        connect(&job, &BulkKeyJob::progress, this, [&](qint64, qint64 affected) {
            if (affectedAtCancel < 0 && affected >= 30000) {
                affectedAtCancel = affected;
                job.cancel();
            }
        });
        job.start();
        QVERIFY(waitForEnd(job, finished, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const qint64 scanned = finished.at(0).at(0).toLongLong();
        const qint64 affected = finished.at(0).at(1).toLongLong();
        QCOMPARE(finished.at(0).at(2).toBool(), true);
        QVERIFY2(affected >= affectedAtCancel && affected > 0 && affected < total,
            qPrintable(QStringLiteral("affected %1, at cancel %2").arg(affected).arg(affectedAtCancel)));
        QVERIFY(scanned >= affected);
        QCOMPARE(dbSize(), total - affected);
        qInfo("cancelled delete: %lld deleted (%lld when cancel() was called), %lld scanned", affected,
            affectedAtCancel, scanned);
        // Nothing arrives after finished().
        QCoreApplication::processEvents(); // deliver anything already queued
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job.isRunning(), false);
    }

    void deleteFolderRemovesOnlyTheFolder()
    {
        constexpr qint64 inside = 100000;
        QVERIFY(populate("app:user:", inside));
        const QByteArrayList outside { "app:user", "app:username", "app:users:1", "app:other:1", "app:user\\:1",
            "App:user:1" };
        QList<Command> sets { { "SET", "app:user:nested:deeper", "1" } };
        for (const QByteArray& key : outside)
            sets.append({ "SET", key, "1" });
        QCOMPARE(awaitBatch(m_session->executeBatch(sets, Session::Role::Interactive)).size(), sets.size());
        QCOMPARE(dbSize(), inside + 1 + outside.size());

        BulkKeyJob job(m_session.get(), KeyPattern::folderPattern("app:user", ":"), BulkKeyJob::Action::Delete);
        QSignalSpy finished(&job, &BulkKeyJob::finished);
        QSignalSpy failed(&job, &BulkKeyJob::failed);
        QSignalSpy progress(&job, &BulkKeyJob::progress);
        QElapsedTimer clock;
        clock.start();
        job.start();
        QVERIFY(waitForEnd(job, finished, failed));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(finished.at(0).at(1).toLongLong(), inside + 1);
        QCOMPARE(finished.at(0).at(2).toBool(), false);
        QVERIFY(progress.size() > 10);
        QCOMPARE(progress.last().at(1).toLongLong(), inside + 1);
        QCOMPARE(scanAll("*"), QSet<QByteArray>(outside.cbegin(), outside.cend()));
        qInfo("deleted %lld keys in %lld ms", inside + 1, elapsed);
        // A sanity bound far above the expected second: a round trip per key would blow it.
        QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    }

    void setAndRemoveTtl()
    {
        constexpr int count = 3000;
        QVERIFY(populate("ttl:", count));
        QCOMPARE(run({ "SET", "other", "1" }), Reply::status("OK"));
        QCOMPARE(run({ "SET", "ttl:expiring", "1", "PX", "900000" }), Reply::status("OK"));
        QList<QByteArray> keys;
        for (int i = 0; i < count; ++i)
            keys.append("ttl:" + QByteArray::number(i));
        keys.append("ttl:expiring");

        constexpr qint64 ttlMs = 600000;
        BulkKeyJob setTtl(m_session.get(), "ttl:*", BulkKeyJob::Action::SetTtl);
        setTtl.setTtlMilliseconds(ttlMs);
        QSignalSpy setFinished(&setTtl, &BulkKeyJob::finished);
        QSignalSpy setFailed(&setTtl, &BulkKeyJob::failed);
        setTtl.start();
        QVERIFY(waitForEnd(setTtl, setFinished, setFailed));
        QVERIFY2(setFailed.isEmpty(), qPrintable(setFailed.value(0).value(0).toString()));
        QCOMPARE(setFinished.at(0).at(1).toLongLong(), qint64(count + 1));
        const QList<qint64> afterSet = pttls(keys);
        QCOMPARE(afterSet.size(), keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (afterSet.at(i) <= 0 || afterSet.at(i) > ttlMs)
                QFAIL(qPrintable(
                    QStringLiteral("PTTL of %1 is %2").arg(QString::fromUtf8(keys.at(i))).arg(afterSet.at(i))));
        }
        QCOMPARE(run({ "PTTL", "other" }).integerValue(), -1);

        // A key without a time to live: PERSIST answers 0 and it is not counted.
        QCOMPARE(run({ "SET", "ttl:never", "1" }), Reply::status("OK"));
        BulkKeyJob removeTtl(m_session.get(), "ttl:*", BulkKeyJob::Action::RemoveTtl);
        QSignalSpy removeFinished(&removeTtl, &BulkKeyJob::finished);
        QSignalSpy removeFailed(&removeTtl, &BulkKeyJob::failed);
        removeTtl.start();
        QVERIFY(waitForEnd(removeTtl, removeFinished, removeFailed));
        QVERIFY2(removeFailed.isEmpty(), qPrintable(removeFailed.value(0).value(0).toString()));
        QCOMPARE(removeFinished.at(0).at(0).toLongLong(), qint64(count + 2));
        QCOMPARE(removeFinished.at(0).at(1).toLongLong(), qint64(count + 1));
        keys.append("ttl:never");
        const QList<qint64> afterRemove = pttls(keys);
        QCOMPARE(afterRemove.size(), keys.size());
        QCOMPARE(std::count(afterRemove.cbegin(), afterRemove.cend(), qint64(-1)), keys.size());
    }

    void setTtlNeedsAPositiveTime()
    {
        QCOMPARE(run({ "SET", "ttl:1", "1" }), Reply::status("OK"));
        BulkKeyJob job(m_session.get(), "ttl:*", BulkKeyJob::Action::SetTtl);
        QSignalSpy failed(&job, &BulkKeyJob::failed);
        QSignalSpy finished(&job, &BulkKeyJob::finished);
        job.start();
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("millisecond")));
        QCOMPARE(run({ "PTTL", "ttl:1" }).integerValue(), -1);
        QCOMPARE(finished.size(), 0);
    }

    void deleteOnReadOnlyProfileFails()
    {
        QVERIFY(populate("ro:", 2500));
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session readOnly(profile);
        readOnly.open();

        // Counting only reads: allowed.
        std::unique_ptr<BulkKeyJob> count(BulkKeyJob::count(&readOnly, "ro:*"));
        QSignalSpy counted(count.get(), &BulkKeyJob::finished);
        count->start();
        QSignalSpy countFailed(count.get(), &BulkKeyJob::failed);
        QVERIFY(waitForEnd(*count, counted, countFailed));
        QVERIFY(countFailed.isEmpty());
        QCOMPARE(counted.at(0).at(1).toLongLong(), 2500);

        BulkKeyJob job(&readOnly, "ro:*", BulkKeyJob::Action::Delete);
        QSignalSpy finished(&job, &BulkKeyJob::finished);
        QSignalSpy failed(&job, &BulkKeyJob::failed);
        job.start();
        QVERIFY(waitForEnd(job, finished, failed));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("read-only")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("UNLINK")), qPrintable(message));
        QCOMPARE(job.affected(), 0);
        QCOMPARE(job.isRunning(), false);
        QCOMPARE(dbSize(), 2500);
        // Replies still on their way when it failed change nothing.
        QCoreApplication::processEvents(); // deliver anything already queued
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);
    }

    void serverRefusalReachesTheUser()
    {
        QVERIFY(populate("acl:", 10));
        Session scanner(aclProfile(QStringLiteral("scanner"), QStringLiteral("scan")));
        scanner.open();
        BulkKeyJob job(&scanner, "acl:*", BulkKeyJob::Action::Delete);
        QSignalSpy finished(&job, &BulkKeyJob::finished);
        QSignalSpy failed(&job, &BulkKeyJob::failed);
        job.start();
        QVERIFY(waitForEnd(job, finished, failed));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QLatin1String("NOPERM")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("unlink")), qPrintable(message));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(dbSize(), 10);
    }

    void memoryAnalysis_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<Groups>("groups");
        QTest::addRow("depth 1") << 1
                                 << Groups {
                                        { "app",
                                            { "app:user:1", "app:user:2", "app:user:3", "app:session:a", "app:big" } },
                                        { "cache", { "cache:x:y:z" } },
                                        { "", { "plain" } },
                                    };
        QTest::addRow("depth 2") << 2
                                 << Groups {
                                        { "app:user", { "app:user:1", "app:user:2", "app:user:3" } },
                                        { "app:session", { "app:session:a" } },
                                        { "app", { "app:big" } },
                                        { "cache:x", { "cache:x:y:z" } },
                                        { "", { "plain" } },
                                    };
    }

    void memoryAnalysis()
    {
        QFETCH(int, depth);
        QFETCH(Groups, groups);
        const QByteArray big(1024 * 1024, 'x');
        const QList<Command> sets {
            { "SET", "app:user:1", "a" },
            { "SET", "app:user:2", "bb" },
            { "SET", "app:user:3", "ccc" },
            { "SET", "app:session:a", "s" },
            { "SET", "app:big", big },
            { "SET", "cache:x:y:z", "c" },
            { "SET", "plain", "p" },
            { "SET", "gone:1", "g" },
        };
        QCOMPARE(awaitBatch(m_session->executeBatch(sets, Session::Role::Interactive)).size(), sets.size());
        QHash<QByteArray, qint64> sizes;
        for (const Command& set : sets) {
            const Reply usage = run({ "MEMORY", "USAGE", set.at(1) });
            QVERIFY(usage.isInteger());
            sizes.insert(set.at(1), usage.integerValue());
        }
        QVERIFY(sizes.value("app:big") >= big.size());

        MemoryAnalysis analysis(m_session.get(), "*", ":", depth);
        analysis.setBiggestKeyLimit(3);
        QSignalSpy finished(&analysis, &MemoryAnalysis::finished);
        QSignalSpy failed(&analysis, &MemoryAnalysis::failed);
        // The key vanishes after SCAN named it and before it is measured.
        bool deleted = false;
        connect(&analysis, &MemoryAnalysis::progress, this, [&](qint64) {
            if (!deleted)
                deleted = deleteNow(m_server->port(), "gone:1");
        });
        QSignalSpy progress(&analysis, &MemoryAnalysis::progress);
        analysis.start();
        QVERIFY(waitForEnd(analysis, finished, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(deleted);
        QVERIFY(!progress.isEmpty() && !finished.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(sets.size()));
        const auto report = finished.at(0).at(0).value<MemoryReport>();
        sizes.remove("gone:1");

        QCOMPARE(report.cancelled, false);
        QCOMPARE(report.totalKeys, qint64(sets.size() - 1));
        qint64 allBytes = 0;
        for (const qint64 bytes : std::as_const(sizes))
            allBytes += bytes;
        QCOMPARE(report.totalBytes, allBytes);

        QList<MemoryReport::NamespaceTotal> expected;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            MemoryReport::NamespaceTotal total { it.key(), it.key().isEmpty(), it->size(), 0 };
            for (const QByteArray& key : it.value())
                total.bytes += sizes.value(key);
            expected.append(total);
        }
        std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.bytes > b.bytes; });
        QCOMPARE(report.namespaces.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const auto& got = report.namespaces.at(i);
            QVERIFY2(got == expected.at(i),
                qPrintable(QStringLiteral("#%1: got %2 (%3 keys, %4 bytes), expected %5 (%6 keys, %7 bytes)")
                               .arg(i)
                               .arg(got.displayName())
                               .arg(got.keys)
                               .arg(got.bytes)
                               .arg(expected.at(i).displayName())
                               .arg(expected.at(i).keys)
                               .arg(expected.at(i).bytes)));
        }
        QCOMPARE(report.namespaces.constLast().displayName(), QStringLiteral("(no namespace)"));

        QList<MemoryReport::KeySize> biggest;
        for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
            biggest.append({ it.key(), it.value() });
        std::sort(biggest.begin(), biggest.end(),
            [](const auto& a, const auto& b) { return a.bytes != b.bytes ? a.bytes > b.bytes : a.key < b.key; });
        biggest.resize(3);
        QCOMPARE(report.biggestKeys.size(), 3);
        QCOMPARE(report.biggestKeys.at(0).key, QByteArray("app:big"));
        for (qsizetype i = 0; i < 3; ++i) {
            QCOMPARE(report.biggestKeys.at(i).key, biggest.at(i).key);
            QCOMPARE(report.biggestKeys.at(i).bytes, biggest.at(i).bytes);
        }
    }

    void memoryAnalysisCancelled()
    {
        constexpr int total = 20000;
        QVERIFY(populate("mem:", total));
        MemoryAnalysis analysis(m_session.get(), "mem:*", ":", 1);
        QSignalSpy finished(&analysis, &MemoryAnalysis::finished);
        QSignalSpy failed(&analysis, &MemoryAnalysis::failed);
        connect(&analysis, &MemoryAnalysis::progress, this, [&](qint64 scanned) {
            if (scanned >= 5000)
                analysis.cancel();
        });
        analysis.start();
        QVERIFY(waitForEnd(analysis, finished, failed));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const auto report = finished.at(0).at(0).value<MemoryReport>();
        QCOMPARE(report.cancelled, true);
        QVERIFY2(report.totalKeys > 0 && report.totalKeys < total, qPrintable(QString::number(report.totalKeys)));
        QCOMPARE(report.namespaces.size(), 1);
        QCOMPARE(report.namespaces.at(0).prefix, QByteArray("mem"));
        QCOMPARE(report.namespaces.at(0).keys, report.totalKeys);
        QCOMPARE(report.biggestKeys.size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestKeyJobs)
#include "tst_keyjobs.moc"
