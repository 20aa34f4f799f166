#include "carmine/lockactions.h"
#include "carmine/lockeventwatcher.h"
#include "carmine/lockmodel.h"
#include "carmine/lockscanner.h"
#include "client/session.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <optional>

using namespace vermilion;
using namespace vermilion::test;

class TestLocks : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;

    Reply run(const Command& command) { return awaitReply(m_session->execute(command)); }

    QList<LockEntry> scan(LockScanner& scanner)
    {
        QSignalSpy finished(&scanner, &LockScanner::finished);
        QSignalSpy failed(&scanner, &LockScanner::failed);
        scanner.scan();
        if (finished.isEmpty() && !finished.wait(10000))
            return {};
        return finished.constFirst().constFirst().value<QList<LockEntry>>();
    }

    static const LockEntry* find(const QList<LockEntry>& locks, const QByteArray& key)
    {
        for (const LockEntry& lock : locks) {
            if (lock.key == key)
                return &lock;
        }
        return nullptr;
    }

    LockActions::Outcome release(
        Session* session, const QByteArray& key, const QByteArray& owner, QString* message = nullptr)
    {
        QObject context;
        std::optional<LockActions::Outcome> outcome;
        LockActions::forceRelease(session, key, owner, &context, [&](LockActions::Outcome o, const QString& text) {
            outcome = o;
            if (message)
                *message = text;
        });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
            return LockActions::Outcome::Failed;
        return outcome.value_or(LockActions::Outcome::Failed);
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

    void names_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("name");
        QTest::addRow("carmine keyword") << QByteArray("carmine:lock:jobs/nightly") << QByteArray("jobs/nightly");
        QTest::addRow("zato") << QByteArray("zato:lock:server:sched") << QByteArray("server:sched");
        QTest::addRow("longest prefix wins") << QByteArray("app:locks:x:1") << QByteArray("1");
        QTest::addRow("prefix only") << QByteArray("carmine:lock:") << QByteArray("carmine:lock:");
    }

    void names()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, name);
        const QList<QByteArray> patterns { "carmine:lock:*", "zato:lock:*", "app:locks:*", "app:locks:x:*" };
        QCOMPARE(LockScanner::lockName(key, patterns), name);
        QCOMPARE(LockScanner::literalPrefix("a:b?c*"), QByteArray("a:b"));
    }

    void scansOwnersAndTimes()
    {
        run({ "SET", "carmine:lock:jobs/report", "9b2f4c1e-0d7a-4e55-8f1b-6c3a2d9e7b10", "PX", "60000" });
        run({ "SET", "carmine:lock:billing/run", "owner-eternal" }); // never expires
        run({ "SET", "zato:lock:server:scheduler", "zato-server1:pid-42", "PX", "3000" });
        run({ "SET", QByteArray("carmine:lock:bin\xff", 17), QByteArray("\x00\x01", 2), "PX", "60000" });
        run({ "HSET", "carmine:lock:not-a-string", "f", "v" });
        run({ "SET", "other:lock:ignored", "x" });
        for (int i = 0; i < 50; ++i)
            run({ "SET", "noise:" + QByteArray::number(i), "x" });

        LockScanner scanner(m_session.get());
        const QList<LockEntry> locks = scan(scanner);
        QCOMPARE(locks.size(), 5);
        QVERIFY(!find(locks, "other:lock:ignored"));
        const LockEntry* report = find(locks, "carmine:lock:jobs/report");
        QVERIFY(report);
        QCOMPARE(report->name, QByteArray("jobs/report"));
        QCOMPARE(report->owner, QByteArray("9b2f4c1e-0d7a-4e55-8f1b-6c3a2d9e7b10"));
        QVERIFY(report->pttlMs > 55000 && report->pttlMs <= 60000);
        QCOMPARE(find(locks, "carmine:lock:billing/run")->pttlMs, -1);
        QCOMPARE(find(locks, "zato:lock:server:scheduler")->name, QByteArray("server:scheduler"));
        QCOMPARE(find(locks, QByteArray("carmine:lock:bin\xff", 17))->owner, QByteArray("\x00\x01", 2));
        QVERIFY(!find(locks, "carmine:lock:not-a-string")->isString);

        LockModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpiringSoonMs(5000);
        model.setLocks(locks);
        QCOMPARE(model.rowCount(), 5);
        const int eternal = model.rowOfKey("carmine:lock:billing/run");
        QCOMPARE(model.flags(eternal) & LockModel::NeverExpires, int(LockModel::NeverExpires));
        QCOMPARE(model.data(model.index(eternal, LockModel::TimeLeftColumn)).toString(), QStringLiteral("never"));
        const int zato = model.rowOfKey("zato:lock:server:scheduler");
        QCOMPARE(model.flags(zato) & LockModel::ExpiringSoon, int(LockModel::ExpiringSoon));
        QCOMPARE(model.flags(model.rowOfKey("carmine:lock:jobs/report")), 0);
        QCOMPARE(model.data(model.index(model.rowOfKey(QByteArray("carmine:lock:bin\xff", 17)), LockModel::OwnerColumn))
                     .toString(),
            QStringLiteral("\\x00\\x01"));
        // The countdown runs on without a refresh.
        const qint64 before = model.timeLeftMs(zato);
        QTRY_VERIFY_WITH_TIMEOUT(model.timeLeftMs(zato) < before - 200, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(model.flags(zato) & LockModel::Expired, 6000);

        // Custom patterns.
        scanner.setPatterns({ "other:lock:*" });
        const QList<LockEntry> other = scan(scanner);
        QCOMPARE(other.size(), 1);
        QCOMPARE(other.first().name, QByteArray("ignored"));
    }

    void historyOfAcquisitionsReleasesExpiries()
    {
        run({ "SET", "carmine:lock:a", "owner-1", "PX", "60000" });
        run({ "SET", "carmine:lock:b", "owner-b", "PX", "60000" });
        run({ "SET", "carmine:lock:c", "owner-c", "PX", "400" });
        LockScanner scanner(m_session.get());
        LockModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLocks(scan(scanner));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.history("carmine:lock:a").size(), 1);
        QCOMPARE(model.history("carmine:lock:a").constFirst().kind, LockEvent::Kind::Observed);

        run({ "SET", "carmine:lock:a", "owner-2", "PX", "60000" }); // re-acquired by another owner
        run({ "DEL", "carmine:lock:b" }); // released
        run({ "SET", "carmine:lock:d", "owner-d", "PX", "60000" }); // new
        QTRY_VERIFY_WITH_TIMEOUT(run({ "EXISTS", "carmine:lock:c" }).integerValue() == 0, 5000); // expired
        QTRY_VERIFY_WITH_TIMEOUT(model.timeLeftMs(model.rowOfKey("carmine:lock:c")) == 0, 5000);
        model.setLocks(scan(scanner));
        QCOMPARE(model.rowCount(), 2);
        for (const char* key : { "carmine:lock:a", "carmine:lock:b", "carmine:lock:c", "carmine:lock:d" })
            QVERIFY2(!model.history(key).isEmpty(), key);
        QCOMPARE(model.history("carmine:lock:a").last().kind, LockEvent::Kind::Acquired);
        QCOMPARE(model.history("carmine:lock:a").last().owner, QByteArray("owner-2"));
        QCOMPARE(model.history("carmine:lock:b").last().kind, LockEvent::Kind::Released);
        QCOMPARE(model.history("carmine:lock:c").last().kind, LockEvent::Kind::Expired);
        QCOMPARE(model.history("carmine:lock:d").last().kind, LockEvent::Kind::Acquired);
        QCOMPARE(model.lock(model.rowOfKey("carmine:lock:a")).owner, QByteArray("owner-2"));
    }

    void forceReleaseDeletesOnlyTheShownOwner()
    {
        run({ "SET", "carmine:lock:job", "owner-1", "PX", "60000" });
        LockScanner scanner(m_session.get());
        const QList<LockEntry> locks = scan(scanner);
        QCOMPARE(locks.size(), 1);
        QCOMPARE(release(m_session.get(), locks.first().key, locks.first().owner), LockActions::Outcome::Released);
        QCOMPARE(run({ "EXISTS", "carmine:lock:job" }).integerValue(), 0);
    }

    void forceReleaseRace()
    {
        // The user refreshes and sees owner-1; before the click, the lock expires and another worker
        // takes it. The release must not delete the new owner's lock.
        run({ "SET", "carmine:lock:race", "owner-1", "PX", "60000" });
        LockScanner scanner(m_session.get());
        const QList<LockEntry> shown = scan(scanner);
        QCOMPARE(shown.size(), 1);
        run({ "DEL", "carmine:lock:race" });
        run({ "SET", "carmine:lock:race", "owner-2", "NX", "PX", "60000" });
        QString message;
        QCOMPARE(release(m_session.get(), shown.first().key, shown.first().owner, &message),
            LockActions::Outcome::OwnerChanged);
        QVERIFY2(message.contains(QLatin1String("owner changed")), qPrintable(message));
        QCOMPARE(run({ "GET", "carmine:lock:race" }).bytes(), QByteArray("owner-2"));
    }

    void readOnlyRefusesRelease()
    {
        run({ "SET", "carmine:lock:ro", "owner-1" });
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session readOnly(profile);
        readOnly.open();
        QString message;
        QCOMPARE(release(&readOnly, "carmine:lock:ro", "owner-1", &message), LockActions::Outcome::Refused);
        QVERIFY2(message.contains(QLatin1String("read-only")), qPrintable(message));
        QCOMPARE(run({ "GET", "carmine:lock:ro" }).bytes(), QByteArray("owner-1"));
    }

    void liveEvents()
    {
        QCOMPARE(run({ "CONFIG", "SET", "notify-keyspace-events", "KA" }).bytes(), QByteArray("OK"));
        LockEventWatcher watcher(m_session.get());
        QSignalSpy availability(&watcher, &LockEventWatcher::availabilityChanged);
        QSignalSpy changed(&watcher, &LockEventWatcher::keysChanged);
        QSignalSpy gone(&watcher, &LockEventWatcher::keyGone);
        watcher.setPatterns({ "carmine:lock:*" });
        watcher.start();
        QVERIFY(availability.wait(10000));
        QVERIFY(availability.first().first().toBool());
        // The subscription is confirmed asynchronously: poke until the first event arrives.
        QTRY_VERIFY_WITH_TIMEOUT(
            (run({ "SET", "carmine:lock:live", "owner-1", "PX", "60000" }), !changed.isEmpty()), 10000);
        QVERIFY(changed.last().first().value<QList<QByteArray>>().contains("carmine:lock:live"));
        run({ "SET", "other:key", "x" }); // not watched
        run({ "DEL", "carmine:lock:live" });
        QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
        QCOMPARE(gone.first().at(0).toByteArray(), QByteArray("carmine:lock:live"));
        QCOMPARE(gone.first().at(1).value<LockEvent::Kind>(), LockEvent::Kind::Released);
        run({ "SET", "carmine:lock:short", "owner-2", "PX", "50" });
        QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 2, 5000);
        QCOMPARE(gone.last().at(0).toByteArray(), QByteArray("carmine:lock:short"));
        QCOMPARE(gone.last().at(1).value<LockEvent::Kind>(), LockEvent::Kind::Expired);
        for (const QList<QVariant>& keys : std::as_const(changed))
            QVERIFY(!keys.first().value<QList<QByteArray>>().contains("other:key"));
        watcher.stop();

        QCOMPARE(run({ "CONFIG", "SET", "notify-keyspace-events", "" }).bytes(), QByteArray("OK"));
        LockEventWatcher off(m_session.get());
        QSignalSpy offAvailability(&off, &LockEventWatcher::availabilityChanged);
        off.start();
        QVERIFY(offAvailability.wait(10000));
        QVERIFY(!offAvailability.first().first().toBool());
        QVERIFY(off.availabilityText().contains(QLatin1String("off")));
    }

    void serverGoneIsAnError()
    {
        auto server = startServer();
        QVERIFY(server);
        Session session(profileFor(*server));
        session.open();
        awaitReply(session.execute({ "SET", "carmine:lock:x", "o" }));
        LockScanner scanner(&session);
        QSignalSpy failed(&scanner, &LockScanner::failed);
        server->stop();
        scanner.scan();
        QVERIFY(failed.wait(15000));
        QVERIFY(!failed.first().first().toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocks)
#include "tst_locks.moc"
