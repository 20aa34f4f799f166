#include "client/session.h"
#include "diagnostics/aclmodel.h"
#include "diagnostics/configmodel.h"
#include "diagnostics/latencyevents.h"
#include "diagnostics/latencyprobe.h"
#include "diagnostics/memoryreportmodels.h"
#include "keyspace/memoryanalysis.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

class TestDiagnostics : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<RedisServerProcess> m_server; // started from a configuration file
    std::unique_ptr<RedisServerProcess> m_plain; // settings on the command line only
    std::unique_ptr<Session> m_session;

    static bool waitConnected(Session& session)
    {
        return QTest::qWaitFor([&] { return session.state() == Connection::State::Connected; }, 10000);
    }

private slots:
    void initTestCase()
    {
        const QString config = m_dir.filePath(QStringLiteral("redis.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# written by tst_diagnostics\nmaxmemory-policy noeviction\n");
        file.close();
        RedisServerProcess::Options options;
        options.configFile = config;
        options.extraArguments = { QStringLiteral("--enable-debug-command"), QStringLiteral("yes") };
        QString error;
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_plain = startServer({}, &error);
        QVERIFY2(m_plain, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
        QVERIFY(waitConnected(*m_session));
    }

    void configListsEditsAndDiffs()
    {
        ConfigModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ConfigModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(model.rowCount() > 100); // every parameter of Redis 7
        QVERIFY(model.rowOf(QStringLiteral("maxmemory")) >= 0);
        QCOMPARE(model.valueOf(QStringLiteral("maxmemory-policy")), QStringLiteral("noeviction"));
        // Sorted by name.
        QVERIFY(model.index(0, 0).data().toString() < model.index(1, 0).data().toString());
        // Risky ones carry their warning.
        const int maxmemory = model.rowOf(QStringLiteral("maxmemory"));
        QVERIFY(!model.index(maxmemory, ConfigModel::Name).data(ConfigModel::DangerRole).toString().isEmpty());
        QVERIFY(model.index(maxmemory, ConfigModel::Note).data().toString().contains(QLatin1String("risky")));
        QVERIFY(model.index(model.rowOf(QStringLiteral("hz")), 0).data(ConfigModel::DangerRole).toString().isEmpty());
        QVERIFY(model.flags(model.index(maxmemory, ConfigModel::Value)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(maxmemory, ConfigModel::Name)) & Qt::ItemIsEditable));

        // A value the server accepts: its own form of it is shown, and the change is remembered.
        QSignalSpy finished(&model, &ConfigModel::changeFinished);
        QVERIFY(model.setData(model.index(maxmemory, ConfigModel::Value), QStringLiteral("100mb")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QCOMPARE(model.valueOf(QStringLiteral("maxmemory")), QStringLiteral("104857600"));
        QCOMPARE(awaitReply(m_session->execute({ "CONFIG", "GET", "maxmemory" })).at(1).bytes(), QByteArray("104857600"));
        QVERIFY(model.index(maxmemory, 0).data(ConfigModel::ChangedRole).toBool());
        // A value it refuses: its error stays on the row, and the value does not change.
        finished.clear();
        QVERIFY(model.setValue(QStringLiteral("maxmemory-policy"), QStringLiteral("evict-everything")));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.last().at(1).toString().isEmpty());
        const int policy = model.rowOf(QStringLiteral("maxmemory-policy"));
        QVERIFY2(model.index(policy, ConfigModel::Note).data().toString().contains(QLatin1String("argument")),
                 qPrintable(model.index(policy, ConfigModel::Note).data().toString()));
        QCOMPARE(model.valueOf(QStringLiteral("maxmemory-policy")), QStringLiteral("noeviction"));
        // A second change of the same parameter keeps the first value as "before".
        finished.clear();
        QVERIFY(model.setValue(QStringLiteral("maxmemory"), QStringLiteral("200mb")));
        QVERIFY(finished.wait(10000));
        const QList<ConfigModel::Change> changes = model.changes();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().name, QStringLiteral("maxmemory"));
        QCOMPARE(changes.first().before, QStringLiteral("0"));
        QCOMPARE(changes.first().after, QStringLiteral("209715200"));
        // Back to where it was: no change left to show.
        finished.clear();
        QVERIFY(model.setValue(QStringLiteral("maxmemory"), QStringLiteral("0")));
        QVERIFY(finished.wait(10000));
        QVERIFY(model.changes().isEmpty());

        // CONFIG REWRITE writes the server's file.
        QTRY_VERIFY(!model.configFile().isEmpty());
        QVERIFY(model.setValue(QStringLiteral("hz"), QStringLiteral("17")));
        QVERIFY(finished.wait(10000));
        QSignalSpy rewritten(&model, &ConfigModel::rewriteFinished);
        model.rewrite();
        QVERIFY(rewritten.wait(10000));
        QCOMPARE(rewritten.first().first().toString(), QString());
        QFile file(m_dir.filePath(QStringLiteral("redis.conf")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("hz 17"));
    }

    void rewriteRefusedWithoutAFile()
    {
        Session session(profileFor(*m_plain));
        session.open();
        QVERIFY(waitConnected(session));
        ConfigModel model(&session);
        QSignalSpy loaded(&model, &ConfigModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY(model.configFile().isEmpty());
        QSignalSpy rewritten(&model, &ConfigModel::rewriteFinished);
        model.rewrite();
        QCOMPARE(rewritten.size(), 1); // refused before anything is sent
        QVERIFY(rewritten.first().first().toString().contains(QLatin1String("without a configuration file")));
    }

    void readOnlyChangesNothing()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session session(profile);
        session.open();
        QVERIFY(waitConnected(session));
        ConfigModel model(&session);
        QSignalSpy loaded(&model, &ConfigModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        const int hz = model.rowOf(QStringLiteral("hz"));
        QVERIFY(!(model.flags(model.index(hz, ConfigModel::Value)) & Qt::ItemIsEditable));
        QVERIFY(!model.setValue(QStringLiteral("hz"), QStringLiteral("50")));
        QVERIFY(model.index(hz, ConfigModel::Note).data().toString().contains(QLatin1String("read-only")));
        QCOMPARE(awaitReply(m_session->execute({ "CONFIG", "GET", "hz" })).at(1).bytes(), QByteArray("17"));
        LatencyEventsModel latency(&session);
        QSignalSpy setting(&latency, &LatencyEventsModel::settingFinished);
        latency.setThreshold(5);
        latency.resetEvents();
        QCOMPARE(setting.size(), 2);
        QVERIFY(setting.at(0).first().toString().contains(QLatin1String("read-only")));
        QCOMPARE(awaitReply(m_session->execute({ "CONFIG", "GET", "latency-monitor-threshold" })).at(1).bytes(),
                 QByteArray("0"));
    }

    void serverLatencyEvents()
    {
        LatencyEventsModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &LatencyEventsModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(model.threshold(), 0); // off by default
        QSignalSpy setting(&model, &LatencyEventsModel::settingFinished);
        model.setThreshold(10);
        QVERIFY(setting.wait(10000));
        QCOMPARE(setting.first().first().toString(), QString());
        QTRY_COMPARE(model.threshold(), 10);
        // A second client makes an event: a command that takes 60 ms.
        auto other = Session::createLink(profileFor(*m_server), {});
        other->open();
        QVERIFY(waitForState(*other, Connection::State::Connected));
        QCOMPARE(awaitReply(other->execute({ "DEBUG", "SLEEP", "0.06" })).bytes(), QByteArray("OK"));
        refreshed.clear();
        model.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(model.rowCount() >= 1);
        const auto found = std::find_if(model.events().cbegin(), model.events().cend(),
                                        [](const auto& row) { return row.name == QLatin1String("command"); });
        QVERIFY(found != model.events().cend());
        QVERIFY2(found->maxMs >= 60, qPrintable(QString::number(found->maxMs)));
        QSignalSpy history(&model, &LatencyEventsModel::historyReady);
        model.requestHistory(QStringLiteral("command"));
        QVERIFY(history.wait(10000));
        const auto samples = history.first().at(1).value<QList<LatencyEventsModel::HistorySample>>();
        QVERIFY(!samples.isEmpty());
        QVERIFY(samples.last().milliseconds >= 60);
        QSignalSpy doctor(&model, &LatencyEventsModel::doctorReady);
        model.requestDoctor();
        QVERIFY(doctor.wait(10000));
        QVERIFY2(doctor.first().first().toString().contains(QLatin1String("command")), qPrintable(doctor.first().first().toString()));
        // LATENCY RESET empties the table.
        setting.clear();
        model.resetEvents();
        QVERIFY(setting.wait(10000));
        QTRY_COMPARE(model.rowCount(), 0);
        model.setThreshold(0);
        QVERIFY(setting.wait(10000));
    }

    void bigKeysScan()
    {
        // A database of its own, written by a second client: every type, TTLs, one clear winner each.
        ConnectionProfile profile = profileFor(*m_server);
        profile.database = 3;
        Session session(profile);
        session.open();
        QVERIFY(waitConnected(session));
        auto writer = Session::createLink(profile, {});
        writer->open();
        QVERIFY(waitForState(*writer, Connection::State::Connected));
        QList<Command> commands;
        for (int i = 0; i < 300; ++i) {
            const QByteArray n = QByteArray::number(i);
            commands.append({ "SET", "s:" + n, QByteArray(10 + i, 'x') });
            commands.append({ "HSET", "h:" + n, "f", n });
            commands.append({ "RPUSH", "l:" + n, "a", "b" });
        }
        commands.append({ "SET", "big:string", QByteArray(50000, 's') });
        Command hash { "HSET", "big:hash" };
        Command set { "SADD", "big:set" };
        for (int i = 0; i < 2000; ++i) {
            hash << "f" + QByteArray::number(i) << "v";
            set << "m" + QByteArray::number(i);
        }
        commands << hash << set;
        commands.append({ "ZADD", "big:zset", "1", "a", "2", "b", "3", "c" });
        commands.append({ "XADD", "big:stream", "*", "f", "v" });
        commands.append({ "SET", QByteArray("bin\xff", 4) + QByteArray("\0key", 4), "v" });
        commands.append({ "EXPIRE", "s:1", "30" }); // under a minute
        commands.append({ "EXPIRE", "s:2", "1800" }); // under an hour
        commands.append({ "EXPIRE", "s:3", "7200" }); // under a day
        commands.append({ "EXPIRE", "s:4", "5000000" }); // 30 days or more
        for (const Reply& reply : awaitBatch(writer->executeBatch(commands)))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));

        MemoryAnalysis analysis(&session, QByteArray(), ":", 1);
        MemoryAnalysis::Options options;
        options.details = true;
        options.count = 100;
        options.pauseMs = 5; // paced: still finishes, page by page
        options.topPerType = 3;
        analysis.setOptions(options);
        QSignalSpy finished(&analysis, &MemoryAnalysis::finished);
        QSignalSpy progress(&analysis, &MemoryAnalysis::progress);
        analysis.start();
        QVERIFY(finished.wait(20000));
        QVERIFY(progress.size() >= 5); // COUNT 100 over ~900 keys
        const MemoryReport report = finished.first().first().value<MemoryReport>();
        QVERIFY(report.detailed);
        QCOMPARE(report.totalKeys, qint64(906));
        QCOMPARE(report.types.size(), 6);
        QHash<QByteArray, MemoryReport::TypeTotal> byType;
        for (const auto& type : report.types)
            byType.insert(type.type, type);
        QCOMPARE(byType.value("string").keys, qint64(302));
        QCOMPARE(byType.value("string").biggestByBytes.first().key, QByteArray("big:string"));
        QCOMPARE(byType.value("string").biggestByElements.first().elements, qint64(50000));
        QCOMPARE(byType.value("hash").biggestByElements.first().key, QByteArray("big:hash"));
        QCOMPARE(byType.value("hash").biggestByElements.first().elements, qint64(2000));
        QCOMPARE(byType.value("set").biggestByBytes.first().key, QByteArray("big:set"));
        QCOMPARE(byType.value("list").elements, qint64(600));
        QCOMPARE(byType.value("list").biggestByBytes.size(), 3); // the top asked for
        QCOMPARE(byType.value("zset").biggestByElements.first().elements, qint64(3));
        QCOMPARE(byType.value("stream").keys, qint64(1));
        // Same numbers as the server's own MEMORY USAGE.
        const Reply usage = awaitReply(writer->execute({ "MEMORY", "USAGE", "big:hash", "SAMPLES", "5" }));
        QCOMPARE(byType.value("hash").biggestByBytes.first().bytes, usage.integerValue());
        // TTLs: 902 without, one in each range set above.
        QCOMPARE(report.ttl.size(), 7);
        QCOMPARE(report.ttl.at(0).keys, qint64(902));
        QCOMPARE(report.ttl.at(1).keys, qint64(1));
        QCOMPARE(report.ttl.at(2).keys, qint64(1));
        QCOMPARE(report.ttl.at(3).keys, qint64(1));
        QCOMPARE(report.ttl.at(6).keys, qint64(1));
        // No LFU: no hot keys, and why.
        QVERIFY(report.hottest.isEmpty());
        QVERIFY(report.hotKeysNote.contains(QLatin1String("noeviction")));
        // Namespaces merged in the same pass.
        QVERIFY(!report.namespaces.isEmpty());

        // The export: JSON keeps binary keys (base64), CSV names every section.
        const QJsonObject json = QJsonDocument::fromJson(MemoryReportExport::toJson(report)).object();
        QCOMPARE(json.value(QStringLiteral("keys")).toInteger(), qint64(906));
        QCOMPARE(json.value(QStringLiteral("types")).toArray().size(), 6);
        MemoryReport binary;
        binary.hottest.append({ QByteArray("bin\xff", 4) + QByteArray("\0key", 4), "string", 10, 1, -1, 5, {} });
        const QJsonObject binaryJson = QJsonDocument::fromJson(MemoryReportExport::toJson(binary)).object();
        QCOMPARE(QByteArray::fromBase64(binaryJson.value(QStringLiteral("hot_keys")).toArray().first().toObject()
                                             .value(QStringLiteral("key_base64")).toString().toLatin1()),
                 QByteArray("bin\xff", 4) + QByteArray("\0key", 4));
        const QByteArray csv = MemoryReportExport::toCsv(report);
        QVERIFY(csv.startsWith("section,type,key,bytes,elements,ttl_ms,lfu_frequency,keys\n"));
        QVERIFY(csv.contains("biggest_by_bytes,\"hash\",\"big:hash\""));
        QVERIFY(csv.contains("ttl,\"no expiry\",,,,,,902"));
        // The models.
        TypeTotalsModel types;
        QAbstractItemModelTester typesTester(&types, QAbstractItemModelTester::FailureReportingMode::QtTest);
        types.setReport(report);
        QCOMPARE(types.rowCount(), 6);
        KeyDetailsModel keys;
        QAbstractItemModelTester keysTester(&keys, QAbstractItemModelTester::FailureReportingMode::QtTest);
        keys.setKeys(byType.value("hash").biggestByBytes);
        QCOMPARE(keys.index(0, KeyDetailsModel::Key).data(KeyDetailsModel::KeyRole).toByteArray(), QByteArray("big:hash"));

        // Hot keys under an LFU policy: the key read most is first.
        QCOMPARE(awaitReply(writer->execute({ "CONFIG", "SET", "maxmemory-policy", "allkeys-lfu" })).bytes(), QByteArray("OK"));
        for (int i = 0; i < 200; ++i)
            writer->execute({ "GET", "s:7" });
        awaitReply(writer->execute({ "PING" }));
        MemoryAnalysis hot(&session, QByteArray(), ":", 1);
        hot.setOptions(options);
        QSignalSpy hotFinished(&hot, &MemoryAnalysis::finished);
        hot.start();
        QVERIFY(hotFinished.wait(20000));
        const MemoryReport hotReport = hotFinished.first().first().value<MemoryReport>();
        QVERIFY(hotReport.hotKeysNote.isEmpty());
        QVERIFY(!hotReport.hottest.isEmpty());
        QCOMPARE(hotReport.hottest.first().key, QByteArray("s:7"));
        QCOMPARE(awaitReply(writer->execute({ "CONFIG", "SET", "maxmemory-policy", "noeviction" })).bytes(), QByteArray("OK"));

        // Cancel: a report marked cancelled, with what was measured so far.
        MemoryAnalysis cancelled(&session, QByteArray(), ":", 1);
        options.pauseMs = 50;
        cancelled.setOptions(options);
        QSignalSpy cancelledFinished(&cancelled, &MemoryAnalysis::finished);
        QSignalSpy firstPage(&cancelled, &MemoryAnalysis::progress);
        cancelled.start();
        QVERIFY(firstPage.wait(10000));
        cancelled.cancel();
        QVERIFY(cancelledFinished.wait(10000));
        const MemoryReport partial = cancelledFinished.first().first().value<MemoryReport>();
        QVERIFY(partial.cancelled);
        QVERIFY(partial.totalKeys < 906);
        awaitReply(writer->execute({ "FLUSHDB" }));
    }

    void aclUsersStructuredEditedAndChecked()
    {
        AclUsersModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A user made by a second client, with every kind of rule.
        auto admin = Session::createLink(profileFor(*m_server), {});
        admin->open();
        QVERIFY(waitForState(*admin, Connection::State::Connected));
        QCOMPARE(awaitReply(admin->execute({ "ACL", "SETUSER", "carol", "on", ">first-secret", ">second-secret", "~app:*",
                                              "%R~cache:*", "&news", "+@read", "-keys", "(~other:* +get)" }))
                     .bytes(),
                 QByteArray("OK"));
        QSignalSpy loaded(&model, &AclUsersModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        const int row = model.rowOf(QStringLiteral("carol"));
        QVERIFY(row >= 0);
        const AclUsersModel::User carol = model.users().at(row);
        QVERIFY(carol.enabled());
        QCOMPARE(carol.passwordCount, 2);
        QCOMPARE(carol.commands, QStringLiteral("-@all +@read -keys"));
        QCOMPARE(carol.keys.size(), 2);
        QCOMPARE(carol.keys.at(0), (AclUsersModel::KeyPattern { QStringLiteral("app:*"), true, true }));
        QCOMPARE(carol.keys.at(1), (AclUsersModel::KeyPattern { QStringLiteral("cache:*"), true, false }));
        QCOMPARE(carol.channels, QStringList { QStringLiteral("news") });
        QCOMPARE(carol.selectors.size(), 1);
        QCOMPARE(carol.selectors.first().commands, QStringLiteral("-@all +get"));
        QCOMPARE(carol.selectors.first().keys.first().pattern, QStringLiteral("other:*"));
        // Passwords by count, never the hashes.
        QCOMPARE(model.index(row, AclUsersModel::Passwords).data().toString(), QStringLiteral("2 password(s)"));
        for (int column = 0; column < model.columnCount(); ++column)
            QVERIFY(!model.index(row, column).data().toString().contains(QLatin1String("#")));

        // An unchanged edit writes the user back as it was.
        QSignalSpy finished(&model, &AclUsersModel::finished);
        loaded.clear();
        model.apply(AclUsersModel::editOf(carol));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QVERIFY(loaded.wait(10000));
        const AclUsersModel::User again = model.users().at(model.rowOf(QStringLiteral("carol")));
        QCOMPARE(again.commands, carol.commands);
        QCOMPARE(again.keys, carol.keys);
        QCOMPARE(again.channels, carol.channels);
        QCOMPARE(again.selectors, carol.selectors);
        QCOMPARE(again.passwordCount, 2);

        // A new user from the editor; its password works, and only it.
        AclUsersModel::Edit edit;
        edit.name = QStringLiteral("dave");
        edit.addPasswords = { QStringLiteral("dave-typed-this") };
        edit.commands = QStringLiteral("+@read +set");
        edit.keys = { { QStringLiteral("dave:*"), true, true } };
        loaded.clear();
        model.apply(edit);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QVERIFY(loaded.wait(10000));
        const AclUsersModel::User dave = model.users().at(model.rowOf(QStringLiteral("dave")));
        QCOMPARE(dave.passwordCount, 1);
        QCOMPARE(dave.commands, QStringLiteral("-@all +@read +set"));
        ConnectionProfile asDave = profileFor(*m_server);
        asDave.username = QStringLiteral("dave");
        asDave.password = QStringLiteral("dave-typed-this");
        auto daveLink = Session::createLink(asDave, {});
        daveLink->open();
        QVERIFY(waitForState(*daveLink, Connection::State::Connected));
        QCOMPARE(awaitReply(daveLink->execute({ "SET", "dave:1", "v" })).bytes(), QByteArray("OK"));
        QVERIFY(awaitReply(daveLink->execute({ "SET", "app:1", "v" })).isError());
        // DRYRUN: the server's own answer.
        QSignalSpy dry(&model, &AclUsersModel::dryRunFinished);
        model.dryRun(QStringLiteral("dave"), { "SET", "dave:2", "v" });
        QVERIFY(dry.wait(10000));
        QVERIFY(dry.last().at(1).toBool());
        model.dryRun(QStringLiteral("dave"), { "DEL", "dave:2" });
        QVERIFY(dry.wait(10000));
        QVERIFY(!dry.last().at(1).toBool());
        QVERIFY2(dry.last().at(0).toString().contains(QLatin1String("del")), qPrintable(dry.last().at(0).toString()));

        // ACL LOG: a failed login and the refused SET above.
        ConnectionProfile wrong = asDave;
        wrong.password = QStringLiteral("not-it");
        auto failing = Session::createLink(wrong, {});
        failing->open();
        QVERIFY(waitForState(*failing, Connection::State::Failed));
        AclLogModel log(m_session.get());
        QAbstractItemModelTester logTester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy logLoaded(&log, &AclLogModel::loaded);
        log.reload();
        QVERIFY(logLoaded.wait(10000));
        bool sawAuth = false;
        bool sawCommand = false;
        for (const AclLogModel::Entry& entry : log.entries()) {
            sawAuth = sawAuth || (entry.reason == QLatin1String("auth") && entry.username == QLatin1String("dave"));
            sawCommand = sawCommand || (entry.reason == QLatin1String("key") && entry.username == QLatin1String("dave"));
        }
        QVERIFY(sawAuth);
        QVERIFY(sawCommand);
        logLoaded.clear();
        log.reset();
        QVERIFY(logLoaded.wait(10000));
        QCOMPARE(log.rowCount(), 0);

        // No ACL file here: SAVE says why, before sending.
        finished.clear();
        model.save();
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(1).toString().contains(QLatin1String("no ACL file")));
        // Delete.
        loaded.clear();
        model.remove(QStringLiteral("dave"));
        QVERIFY(finished.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowOf(QStringLiteral("dave")), -1);
        model.remove(QStringLiteral("carol"));
        QVERIFY(finished.wait(10000));

        // A read-only profile changes nothing.
        ConnectionProfile readOnly = profileFor(*m_server);
        readOnly.readOnly = true;
        Session session(readOnly);
        session.open();
        QVERIFY(waitConnected(session));
        AclUsersModel readOnlyModel(&session);
        QSignalSpy refused(&readOnlyModel, &AclUsersModel::finished);
        readOnlyModel.apply(edit);
        readOnlyModel.remove(QStringLiteral("default"));
        QCOMPARE(refused.size(), 2);
        QVERIFY(refused.at(0).at(1).toString().contains(QLatin1String("read-only")));
        QCOMPARE(awaitReply(admin->execute({ "ACL", "GETUSER", "dave" })).type(), Reply::Type::Nil);
    }

    void aclFileSaveAndLoad()
    {
        const QString aclFile = m_dir.filePath(QStringLiteral("users.acl"));
        QFile file(aclFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("user default on nopass ~* &* +@all\n");
        file.close();
        RedisServerProcess::Options options;
        options.extraArguments = { QStringLiteral("--aclfile"), aclFile };
        QString error;
        auto server = startServer(options, &error);
        QVERIFY2(server, qPrintable(error));
        Session session(profileFor(*server));
        session.open();
        QVERIFY(waitConnected(session));
        AclUsersModel model(&session);
        QSignalSpy loaded(&model, &AclUsersModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.aclFile(), aclFile);
        AclUsersModel::Edit edit;
        edit.name = QStringLiteral("erin");
        edit.commands = QStringLiteral("+ping");
        QSignalSpy finished(&model, &AclUsersModel::finished);
        model.apply(edit);
        QVERIFY(finished.wait(10000));
        model.save();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("user erin"));
        file.close();
        // LOAD puts the file's users back: a user made after SAVE is gone.
        awaitReply(session.execute({ "ACL", "SETUSER", "frank" }));
        loaded.clear();
        model.load();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QVERIFY(loaded.wait(10000));
        QVERIFY(model.rowOf(QStringLiteral("erin")) >= 0);
        QCOMPARE(model.rowOf(QStringLiteral("frank")), -1);
    }

    void statsPercentilesAndDistribution()
    {
        LatencyStats stats;
        for (int i = 1; i <= 1000; ++i)
            stats.add(double(i) / 100.0); // 0.01 .. 10 ms
        QCOMPARE(stats.count(), qint64(1000));
        QCOMPARE(stats.minMs(), 0.01);
        QCOMPARE(stats.maxMs(), 10.0);
        QVERIFY(qAbs(stats.averageMs() - 5.005) < 1e-9);
        QVERIFY(qAbs(stats.percentileMs(50) - 5.0) / 5.0 < 0.02);
        QVERIFY(qAbs(stats.percentileMs(99) - 9.9) / 9.9 < 0.02);
        QCOMPARE(stats.percentileMs(100), 10.0);
        qint64 total = 0;
        for (const auto& range : stats.distribution())
            total += range.count;
        QCOMPARE(total, qint64(1000));
        // 0.01..0.05 ms: the first range holds 5 samples (0.01 .. 0.05, the edge in the next)
        QVERIFY(stats.distribution().first().count >= 4 && stats.distribution().first().count <= 5);
        stats.reset();
        QCOMPARE(stats.count(), qint64(0));
        QCOMPARE(stats.percentileMs(50), 0.0);
    }

    void probeMeasuresRoundTrips()
    {
        LatencyProbe probe(m_session.get());
        probe.setInterval(1);
        probe.setHistoryInterval(200);
        QSignalSpy points(&probe, &LatencyProbe::historyPoint);
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(probe.total().count() >= 200, 10000);
        QVERIFY(points.wait(5000));
        probe.stop();
        const LatencyStats& total = probe.total();
        QVERIFY(total.minMs() > 0);
        QVERIFY(total.minMs() <= total.percentileMs(50));
        QVERIFY(total.percentileMs(50) <= total.percentileMs(99));
        QVERIFY(total.percentileMs(99) <= total.maxMs());
        QVERIFY(total.maxMs() < 1000);
        const auto point = points.first().first().value<LatencyStats::Point>();
        QVERIFY(point.samples > 0);
        QVERIFY(point.minMs <= point.averageMs && point.averageMs <= point.maxMs);
        // Its PINGs go on a link of its own: the session's interactive link saw none of them.
        const Reply clients = awaitReply(m_session->execute({ "CLIENT", "LIST" }));
        QVERIFY(clients.bytes().contains("name=vermilion:latency"));
        // Stopped means stopped: at most the PING that was on its way still counts.
        const qint64 count = probe.total().count();
        for (int i = 0; i < 5; ++i)
            awaitReply(m_session->execute({ "PING" }));
        QVERIFY(probe.total().count() <= count + 1);
        QVERIFY(!probe.isRunning());
        probe.reset();
        QCOMPARE(probe.total().count(), qint64(0));
        QVERIFY(probe.history().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
