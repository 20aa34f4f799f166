#include "client/connection.h"
#include "pubsub/monitor.h"
#include "pubsub/monitorline.h"
#include "pubsub/monitormodel.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

Q_DECLARE_METATYPE(vermilion::MonitorLine::Source)

class TestMonitor : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

    static MonitorLine line(int db, const QByteArray& client, const QList<QByteArray>& arguments)
    {
        MonitorLine result;
        result.database = db;
        result.client = client;
        result.arguments = arguments;
        result.source = client == "lua" ? MonitorLine::Source::Lua : MonitorLine::Source::Tcp;
        return result;
    }

private slots:
    void initTestCase()
    {
        QString error;
        RedisServerProcess::Options options;
        options.unixSocket = true;
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void parsesLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("timestampUs");
        QTest::addColumn<int>("database");
        QTest::addColumn<QByteArray>("client");
        QTest::addColumn<MonitorLine::Source>("source");
        QTest::addColumn<QList<QByteArray>>("arguments");
        QTest::addRow("plain") << QByteArray("1339518083.107412 [0 127.0.0.1:60866] \"keys\" \"*\"")
                               << qint64(1339518083107412) << 0 << QByteArray("127.0.0.1:60866")
                               << MonitorLine::Source::Tcp << QList<QByteArray> { "keys", "*" };
        QTest::addRow("status prefix and CRLF") << QByteArray("+1.000001 [15 10.0.0.1:1] \"PING\"\r\n") << qint64(1000001)
                                               << 15 << QByteArray("10.0.0.1:1") << MonitorLine::Source::Tcp
                                               << QList<QByteArray> { "PING" };
        QTest::addRow("escapes") << QByteArray("1700000000.000100 [2 127.0.0.1:1] \"SET\" \"a \\\"q\\\" \\\\ b\" \"\\x00\\xff\\r\\n\\t\\a\\b\"")
                                 << qint64(1700000000000100) << 2 << QByteArray("127.0.0.1:1")
                                 << MonitorLine::Source::Tcp
                                 << QList<QByteArray> { "SET", "a \"q\" \\ b", QByteArray("\x00\xff\r\n\t\a\b", 7) };
        QTest::addRow("lua") << QByteArray("1700000000.5 [0 lua] \"get\" \"k\"") << qint64(1700000000500000) << 0
                             << QByteArray("lua") << MonitorLine::Source::Lua << QList<QByteArray> { "get", "k" };
        QTest::addRow("unix socket") << QByteArray("1700000000.000001 [1 unix:/tmp/redis.sock] \"INFO\"")
                                     << qint64(1700000000000001) << 1 << QByteArray("unix:/tmp/redis.sock")
                                     << MonitorLine::Source::Unix << QList<QByteArray> { "INFO" };
        QTest::addRow("ipv6") << QByteArray("1700000000.000001 [0 [::1]:6000] \"GET\" \"k]\"")
                              << qint64(1700000000000001) << 0 << QByteArray("[::1]:6000") << MonitorLine::Source::Tcp
                              << QList<QByteArray> { "GET", "k]" };
        QTest::addRow("empty argument") << QByteArray("1700000000.000001 [0 1.2.3.4:5] \"SET\" \"\" \"v\"")
                                        << qint64(1700000000000001) << 0 << QByteArray("1.2.3.4:5")
                                        << MonitorLine::Source::Tcp << QList<QByteArray> { "SET", "", "v" };
    }

    void parsesLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, timestampUs);
        QFETCH(int, database);
        QFETCH(QByteArray, client);
        QFETCH(MonitorLine::Source, source);
        QFETCH(QList<QByteArray>, arguments);
        MonitorLine parsed;
        QString error;
        QVERIFY2(MonitorParser::parse(text, &parsed, &error), qPrintable(error));
        QCOMPARE(parsed.timestampUs, timestampUs);
        QCOMPARE(parsed.database, database);
        QCOMPARE(parsed.client, client);
        QCOMPARE(parsed.source, source);
        QCOMPARE(parsed.arguments, arguments);
    }

    void refusesMalformedLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("time stamp");
        QTest::addRow("OK") << QByteArray("OK") << QStringLiteral("time stamp");
        QTest::addRow("no brackets") << QByteArray("1.1 0 x \"GET\"") << QStringLiteral("[database client]");
        QTest::addRow("no db") << QByteArray("1.1 [x 1:2] \"GET\"") << QStringLiteral("database number");
        QTest::addRow("no command") << QByteArray("1.1 [0 1:2]") << QStringLiteral("closing bracket");
        QTest::addRow("open quote") << QByteArray("1.1 [0 1:2] \"GET") << QStringLiteral("closing quote");
        QTest::addRow("bad hex") << QByteArray("1.1 [0 1:2] \"\\xzz\"") << QStringLiteral("hex digits");
        QTest::addRow("unknown escape") << QByteArray("1.1 [0 1:2] \"\\q\"") << QStringLiteral("Unknown escape");
        QTest::addRow("two spaces") << QByteArray("1.1 [0 1:2] \"a\"  \"b\"") << QStringLiteral("quote");
        QTest::addRow("trailing space") << QByteArray("1.1 [0 1:2] \"a\" ") << QStringLiteral("one space");
        QTest::addRow("unquoted") << QByteArray("1.1 [0 1:2] \"a\" b") << QStringLiteral("quote");
    }

    void refusesMalformedLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        MonitorLine parsed;
        QString error;
        QVERIFY(!MonitorParser::parse(text, &parsed, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void monitorsLiveTraffic()
    {
        Monitor monitor(profileFor(*m_server));
        MonitorModel model;
        QAbstractItemModelTester tester(&model);
        connect(&monitor, &Monitor::linesReceived, &model, &MonitorModel::add);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Connected, 10000);
        // MONITOR is sent right after the handshake; a PING from another client shows it is on.
        Connection client(profileFor(*m_server));
        client.open();
        QTRY_VERIFY_WITH_TIMEOUT((awaitReply(client.execute({ "PING", "probe" })), monitor.deliverNow(), model.rowCount() > 0), 10000);
        awaitReply(client.execute({ "SET", "mon:key", allBytes() }));
        awaitReply(client.execute({ "EVAL", "return redis.call('get', KEYS[1])", "1", "mon:key" }));
        ConnectionProfile unixProfile = profileFor(*m_server);
        unixProfile.socketPath = m_server->socketPath();
        Connection unixClient(unixProfile);
        unixClient.open();
        awaitReply(unixClient.execute({ "ECHO", "over unix" }));
        const auto find = [&](const QByteArray& command) -> const MonitorLine* {
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.rowAt(row).command().compare(command, Qt::CaseInsensitive) == 0)
                    return &model.rowAt(row);
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(find("ECHO") != nullptr, 10000);
        const MonitorLine* set = find("SET");
        QVERIFY(set);
        QCOMPARE(set->arguments.value(2), allBytes());
        QCOMPARE(set->source, MonitorLine::Source::Tcp);
        QVERIFY(set->client.startsWith("127.0.0.1:"));
        const MonitorLine* get = find("get");
        QVERIFY(get);
        QCOMPARE(get->source, MonitorLine::Source::Lua);
        QCOMPARE(get->arguments.value(1), QByteArray("mon:key"));
        QCOMPARE(find("ECHO")->source, MonitorLine::Source::Unix);
        QVERIFY(model.index(0, MonitorModel::TimeColumn).data().toString().size() >= 12);

        // Filters: command, key pattern, client, db.
        MonitorModel::Filter filter;
        filter.commands = MonitorModel::parseCommandList(QStringLiteral("set, get"));
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 2);
        filter.commands.clear();
        filter.keyPattern = "mon:*";
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 3); // SET, EVAL (its key argument), the script's get
        filter.keyPattern.clear();
        filter.client = QStringLiteral("unix:");
        model.setFilter(filter);
        // The Unix client's handshake (CLIENT SETNAME, PING) and its ECHO.
        QVERIFY(model.rowCount() >= 2);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowAt(row).source, MonitorLine::Source::Unix);
        QCOMPARE(model.rowAt(model.rowCount() - 1).command(), QByteArray("ECHO"));
        filter.client.clear();
        filter.database = 5;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
        model.setFilter({});

        QBuffer json;
        json.open(QIODevice::WriteOnly);
        QVERIFY(model.exportJsonLines(&json));
        bool sawBinary = false;
        for (const QByteArray& text : json.data().trimmed().split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(text).object();
            QVERIFY(object.contains(QStringLiteral("time_us")));
            const QJsonArray args = object.value(QStringLiteral("args")).toArray();
            sawBinary = sawBinary || (args.size() == 3 && args.at(2).toString().startsWith(QStringLiteral("\\x00\\x01")));
        }
        QVERIFY(sawBinary);
        monitor.stop();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Disconnected, 10000);
    }

    void ringBoundsMemoryAndCountsRate()
    {
        Monitor monitor(profileFor(*m_server));
        MonitorModel model;
        QAbstractItemModelTester tester(&model);
        model.setCapacity(50);
        connect(&monitor, &Monitor::linesReceived, &model, &MonitorModel::add);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Connected, 10000);
        Connection client(profileFor(*m_server));
        client.open();
        QTRY_VERIFY_WITH_TIMEOUT((awaitReply(client.execute({ "PING" })), monitor.deliverNow(), model.rowCount() > 0), 10000);
        const qint64 before = model.received();
        QList<Command> commands;
        for (int i = 0; i < 500; ++i)
            commands.append(Command { "INCR", "mon:counter" });
        awaitBatch(client.executeBatch(commands));
        QTRY_VERIFY_WITH_TIMEOUT(model.received() >= before + 500, 10000);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.dropped(), model.received() - 50);
        QCOMPARE(model.rowAt(49).command().toUpper(), QByteArray("INCR"));
        QSignalSpy counts(&model, &MonitorModel::countsChanged);
        QTRY_VERIFY_WITH_TIMEOUT(model.commandsPerSecond() > 0, 3000);
        model.setPaused(true);
        awaitReply(client.execute({ "PING", "paused" }));
        QTRY_VERIFY_WITH_TIMEOUT(model.held() > 0, 10000);
        QCOMPARE(model.rowAt(49).command().toUpper(), QByteArray("INCR"));
        model.setPaused(false);
        QCOMPARE(model.rowAt(49).arguments.value(1), QByteArray("paused"));
    }

    void marksGapAfterRestart()
    {
        QString error;
        auto server = startServer({}, &error);
        QVERIFY2(server, qPrintable(error));
        Monitor monitor(profileFor(*server));
        MonitorModel model;
        QAbstractItemModelTester tester(&model);
        connect(&monitor, &Monitor::linesReceived, &model, &MonitorModel::add);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Connected, 10000);
        server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.state() != Connection::State::Connected, 10000);
        QVERIFY2(server->startAndWait(10000, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Connected, 15000);
        Connection client(profileFor(*server));
        client.open();
        QTRY_VERIFY_WITH_TIMEOUT((awaitReply(client.execute({ "PING", "back" })), monitor.deliverNow(),
                                     model.rowCount() >= 2 && model.rowAt(model.rowCount() - 1).arguments.value(1) == "back"),
            15000);
        QCOMPARE(model.rowAt(0).source, MonitorLine::Source::Gap);
        QVERIFY(model.index(0, MonitorModel::ClientColumn).data().toString().contains(QStringLiteral("reconnected")));
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
