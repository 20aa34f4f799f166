#include "client/session.h"
#include "dashboard/chartscale.h"
#include "dashboard/clientlistmodel.h"
#include "dashboard/commandstatsmodel.h"
#include "dashboard/history.h"
#include "dashboard/infodetails.h"
#include "dashboard/infopoller.h"
#include "dashboard/serverhealth.h"
#include "dashboard/slowlogmodel.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace vermilion;
using namespace vermilion::test;

Q_DECLARE_METATYPE(vermilion::Quantity)

namespace {
ServerInfo counters(qint64 uptime, qint64 commands, qint64 hits, qint64 misses, double cpuUser, double cpuSys,
                    const QByteArray& runId = "abc")
{
    QByteArray text = "# Server\r\nuptime_in_seconds:" + QByteArray::number(uptime) + "\r\nrun_id:" + runId
        + "\r\n# Stats\r\ntotal_commands_processed:" + QByteArray::number(commands)
        + "\r\nkeyspace_hits:" + QByteArray::number(hits) + "\r\nkeyspace_misses:" + QByteArray::number(misses)
        + "\r\ntotal_net_input_bytes:1000\r\ntotal_net_output_bytes:2000\r\nexpired_keys:0\r\nevicted_keys:0\r\n"
          "# CPU\r\nused_cpu_user:"
        + QByteArray::number(cpuUser) + "\r\nused_cpu_sys:" + QByteArray::number(cpuSys) + "\r\n";
    return ServerInfo::parse(text);
}
} // namespace

class TestDashboard : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

private slots:
    void initTestCase()
    {
        QString error;
        RedisServerProcess::Options options;
        options.extraArguments = {
            QStringLiteral("--user"), QStringLiteral("nostats"), QStringLiteral("on"), QStringLiteral(">nostats"),
            QStringLiteral("~*"), QStringLiteral("+@all"), QStringLiteral("-info"), QStringLiteral("-slowlog"),
        };
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void parsesDetails_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("commands");
        QTest::addColumn<qint64>("getCalls");
        QTest::addColumn<qint64>("getFailed");
        QTest::addColumn<int>("errors");
        QTest::addColumn<int>("latencies");
        QTest::addColumn<int>("modules");
        QTest::addColumn<int>("replicas");
        QTest::addRow("redis 7 lines")
            << QByteArray("# Commandstats\r\ncmdstat_get:calls=10,usec=50,usec_per_call=5.00,rejected_calls=1,failed_calls=2\r\n"
                          "cmdstat_config|get:calls=3,usec=9,usec_per_call=3.00,rejected_calls=0,failed_calls=0\r\n"
                          "# Errorstats\r\nerrorstat_ERR:count=4\r\nerrorstat_WRONGTYPE:count=1\r\n"
                          "# Latencystats\r\nlatency_percentiles_usec_get:p50=1.003,p99=2.007,p99.9=5.023\r\n"
                          "# Modules\r\nmodule:name=search,ver=20606,api=1,filters=0,usedby=[],using=[],options=[]\r\n"
                          "# Replication\r\nrole:master\r\nconnected_slaves:1\r\n"
                          "slave0:ip=10.0.0.2,port=6380,state=online,offset=120,lag=0\r\nslave_repl_offset:5\r\n")
            << 2 << qint64(10) << qint64(2) << 2 << 1 << 1 << 1;
        QTest::addRow("redis 5 commandstats without rejected/failed")
            << QByteArray("# Commandstats\ncmdstat_get:calls=7,usec=14,usec_per_call=2.00\n") << 1 << qint64(7)
            << qint64(-1) << 0 << 0 << 0 << 0;
        QTest::addRow("missing sections") << QByteArray("# Server\nredis_version:5.0.7\n") << 0 << qint64(-1)
                                          << qint64(-1) << 0 << 0 << 0 << 0;
        QTest::addRow("odd spacing and unknown fields")
            << QByteArray("  # Commandstats  \r\n  cmdstat_get : calls=1 , usec=2,usec_per_call=2.0,new_thing=9 \r\n"
                          "cmdstat_:calls=1\r\nnot a field\r\n#Errorstats\r\nerrorstat_:count=1\r\n")
            << 1 << qint64(1) << qint64(-1) << 0 << 0 << 0 << 0;
    }

    void parsesDetails()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, commands);
        QFETCH(int, errors);
        QFETCH(int, latencies);
        QFETCH(int, modules);
        QFETCH(int, replicas);
        const int expected_commands = commands, expected_errors = errors, expected_latencies = latencies,
                  expected_modules = modules, expected_replicas = replicas;
        const ServerInfo info = ServerInfo::parse(text);
        const auto stats = InfoDetails::commandStats(info);
        QCOMPARE(int(stats.size()), expected_commands);
        QFETCH(qint64, getCalls);
        QFETCH(qint64, getFailed);
        if (getCalls >= 0) {
            QCOMPARE(stats.at(0).command, QByteArray("get"));
            QCOMPARE(stats.at(0).calls, getCalls);
            QCOMPARE(stats.at(0).failedCalls, getFailed);
        }
        QCOMPARE(int(InfoDetails::errorStats(info).size()), expected_errors);
        const auto latencyList = InfoDetails::latencyStats(info);
        QCOMPARE(int(latencyList.size()), expected_latencies);
        if (!latencyList.isEmpty())
            QCOMPARE(latencyList.at(0).percentiles.value("p99.9"), 5.023);
        const auto moduleList = InfoDetails::modules(info);
        QCOMPARE(int(moduleList.size()), expected_modules);
        if (!moduleList.isEmpty())
            QCOMPARE(moduleList.at(0).properties.value("name"), QByteArray("search"));
        const auto replicaList = InfoDetails::replicas(info);
        QCOMPARE(int(replicaList.size()), expected_replicas);
        if (!replicaList.isEmpty()) {
            QCOMPARE(replicaList.at(0).address, QByteArray("10.0.0.2:6380"));
            QCOMPARE(replicaList.at(0).offset, 120);
        }
    }

    void parsesCapturedInfo()
    {
        Session session(profileFor(*m_server));
        session.open();
        awaitReply(session.execute({ "SET", "dash:a", "1", "EX", "100" }));
        awaitReply(session.execute({ "GET", "dash:a" }));
        const Reply reply = awaitReply(session.execute({ "INFO", "everything" }, Session::Role::Dashboard));
        QVERIFY(reply.isString());
        const ServerInfo info = ServerInfo::parse(reply.bytes());
        for (const char* section : { "server", "clients", "memory", "stats", "replication", "cpu", "commandstats", "keyspace" })
            QVERIFY2(info.section(section), section);
        const auto stats = InfoDetails::commandStats(info);
        const auto get = std::find_if(stats.begin(), stats.end(), [](const auto& s) { return s.command == "get"; });
        QVERIFY(get != stats.end());
        QVERIFY(get->calls >= 1);
        QVERIFY(!info.keyspace().isEmpty());
        const Reply name = awaitReply(session.execute({ "CLIENT", "GETNAME" }, Session::Role::Dashboard));
        QCOMPARE(name.bytes(), QByteArray("vermilion:dashboard"));
    }

    void healthFindings()
    {
        // Healthy: facts, nothing needing attention.
        const ServerInfo healthy = ServerInfo::parse(
            "# Replication\r\nrole:master\r\nconnected_slaves:1\r\nslave0:ip=10.0.0.2,port=6380,state=online,offset=100,lag=0\r\n"
            "master_repl_offset:120\r\nrdb_last_bgsave_status:ok\r\nrdb_last_save_time:1700000000\r\n"
            "aof_enabled:0\r\nmem_fragmentation_ratio:1.10\r\nused_memory:50000000\r\n"
            "maxmemory_policy:allkeys-lru\r\nevicted_keys:0\r\nconnected_clients:7\r\nrejected_connections:0\r\n");
        QCOMPARE(ServerHealth::role(healthy).text, QStringLiteral("master, 1 replicas"));
        QVERIFY(ServerHealth::role(healthy).detail.contains(QStringLiteral("behind 20 bytes")));
        for (const auto& finding : { ServerHealth::role(healthy), ServerHealth::persistence(healthy),
                                     ServerHealth::fragmentation(healthy), ServerHealth::evictionPolicy(healthy),
                                     ServerHealth::connections(healthy) })
            QVERIFY2(finding.attention.isEmpty(), qPrintable(finding.text + finding.attention));
        QCOMPARE(ServerHealth::connections(healthy).text, QStringLiteral("7 connected, 0 rejected"));
        // Each rule that fires says why.
        const ServerInfo sick = ServerInfo::parse(
            "role:slave\r\nmaster_host:10.0.0.1\r\nmaster_port:6379\r\nmaster_link_status:down\r\n"
            "rdb_last_bgsave_status:err\r\naof_enabled:1\r\naof_last_write_status:err\r\n"
            "mem_fragmentation_ratio:2.5\r\nused_memory:50000000\r\nevicted_keys:3\r\n"
            "connected_clients:10000\r\nrejected_connections:2\r\n");
        QVERIFY(ServerHealth::role(sick).attention.contains(QStringLiteral("link to the master is down")));
        QVERIFY(ServerHealth::persistence(sick).attention.contains(QStringLiteral("AOF write failed")));
        QVERIFY(!ServerHealth::fragmentation(sick).attention.isEmpty());
        QVERIFY(ServerHealth::evictionPolicy(sick).attention.contains(QStringLiteral("3 keys")));
        QVERIFY(ServerHealth::connections(sick).attention.contains(QStringLiteral("maxclients")));
        // Small servers: fragmentation means nothing below 10 MB.
        QVERIFY(ServerHealth::fragmentation(ServerInfo::parse("mem_fragmentation_ratio:9\r\nused_memory:1000\r\n")).attention.isEmpty());
        QCOMPARE(ServerHealth::duration(90061), QStringLiteral("1 d 1 h"));
        QCOMPARE(ServerHealth::duration(59), QStringLiteral("0 min 59 s"));
    }

    void computesRates()
    {
        const ServerInfo first = counters(100, 1000, 10, 10, 1.0, 0.5);
        const ServerInfo second = counters(102, 3000, 40, 20, 1.5, 0.7);
        const Sample initial = InfoPoller::makeSample(ServerInfo(), first, 0, 1);
        QVERIFY(!Sample::has(initial.commandsPerSecond));
        const Sample s = InfoPoller::makeSample(first, second, 2000, 2);
        QCOMPARE(s.commandsPerSecond, 1000.0f);
        QCOMPARE(s.hitRatioPercent, 75.0f);
        QVERIFY(qAbs(s.cpuPercent - 35.0f) < 0.01f);
        QCOMPARE(s.networkInPerSecond, 0.0f);
    }

    void keysPerDatabase()
    {
        const ServerInfo info = ServerInfo::parse("# Keyspace\r\ndb0:keys=12,expires=3,avg_ttl=0\r\n"
                                                  "db3:keys=7,expires=0,avg_ttl=0\r\ndb40:keys=1,expires=1,avg_ttl=0\r\n");
        const Sample s = InfoPoller::makeSample(ServerInfo(), info, 0, 1);
        QCOMPARE(s.keys, 20.0f); // every database, tracked or not
        QCOMPARE(s.expires, 4.0f);
        QCOMPARE(s.databaseKeys[0], 12.0f);
        QCOMPARE(s.databaseExpires[0], 3.0f);
        QCOMPARE(s.databaseKeys[3], 7.0f);
        QVERIFY(!Sample::has(s.databaseKeys[1])); // no keys there: no line
    }

    void counterResetHasNoSpike()
    {
        const ServerInfo before = counters(5000, 900000, 10, 10, 50, 10);
        // Restarted: smaller uptime and counters.
        const ServerInfo restarted = counters(1, 20, 1, 1, 0.1, 0.1, "def");
        const Sample reset = InfoPoller::makeSample(before, restarted, 1000, 1);
        QVERIFY(!Sample::has(reset.commandsPerSecond));
        QVERIFY(!Sample::has(reset.cpuPercent));
        QVERIFY(!Sample::has(reset.hitRatioPercent));
        // CONFIG RESETSTAT: same uptime and run, one counter backwards: only that one has no rate.
        const ServerInfo resetStat = counters(5001, 10, 20, 20, 51, 10);
        const Sample partial = InfoPoller::makeSample(before, resetStat, 1000, 2);
        QVERIFY(!Sample::has(partial.commandsPerSecond));
        QVERIFY(Sample::has(partial.cpuPercent));
        // The step after a reset has a normal rate again.
        const Sample next = InfoPoller::makeSample(restarted, counters(2, 120, 1, 1, 0.1, 0.1, "def"), 1000, 3);
        QCOMPARE(next.commandsPerSecond, 100.0f);
    }

    void ringBufferBounds()
    {
        History history(5);
        QVERIFY(history.isEmpty());
        for (int i = 0; i < 12; ++i) {
            Sample s;
            s.timeMs = i * 1000;
            s.commandsPerSecond = float(i);
            history.append(s);
        }
        QCOMPARE(history.size(), 5);
        QCOMPARE(history.at(0).timeMs, 7000);
        QCOMPARE(history.last().timeMs, 11000);
        QCOMPARE(history.firstIndexFrom(9000), 2);
        QCOMPARE(history.firstIndexFrom(0), 0);
        QCOMPARE(history.firstIndexFrom(99000), 5);
        const QByteArray csv = history.toCsv();
        QCOMPARE(csv.count('\n'), 6);
        QVERIFY(csv.startsWith("time,commands_per_sec"));
        QVERIFY(csv.contains(",11,"));
    }

    void historyFillsAfterClear()
    {
        History history(3);
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 4; ++i) {
                Sample s;
                s.timeMs = i;
                history.append(s);
            }
            QCOMPARE(history.size(), 3);
            QCOMPARE(history.at(0).timeMs, 1);
            QCOMPARE(history.last().timeMs, 3);
            history.clear();
            QVERIFY(history.isEmpty());
        }
    }

    // Values in their own unit: 1024 per step for bytes, 1000 for counts, three significant digits.
    void formatsQuantities_data()
    {
        constexpr double KB = 1024.0;
        constexpr double MB = KB * 1024.0;
        constexpr double GB = MB * 1024.0;
        constexpr double TB = GB * 1024.0;
        QTest::addColumn<double>("value");
        QTest::addColumn<Quantity>("quantity");
        QTest::addColumn<QString>("text");
        QTest::addRow("0 B") << 0.0 << Quantity::Bytes << QStringLiteral("0 B");
        QTest::addRow("1023 B") << 1023.0 << Quantity::Bytes << QStringLiteral("1023 B");
        QTest::addRow("1 KB") << KB << Quantity::Bytes << QStringLiteral("1 KB");
        QTest::addRow("1.5 KB") << 1.5 * KB << Quantity::Bytes << QStringLiteral("1.5 KB");
        QTest::addRow("999 MB") << 999 * MB << Quantity::Bytes << QStringLiteral("999 MB");
        QTest::addRow("100 GB") << 100 * GB << Quantity::Bytes << QStringLiteral("100 GB");
        QTest::addRow("12.3 GB") << 12.34 * GB << Quantity::Bytes << QStringLiteral("12.3 GB");
        QTest::addRow("5.5 TB") << 5.5 * TB << Quantity::Bytes << QStringLiteral("5.5 TB");
        QTest::addRow("past the last unit") << 2048 * TB << Quantity::Bytes << QStringLiteral("2048 TB");
        QTest::addRow("1.5 MB/s") << 1.5 * MB << Quantity::BytesPerSecond << QStringLiteral("1.5 MB/s");
        QTest::addRow("999 keys") << 999.0 << Quantity::Count << QStringLiteral("999");
        QTest::addRow("1k") << 1000.0 << Quantity::Count << QStringLiteral("1k");
        QTest::addRow("12.3k") << 12345.0 << Quantity::Count << QStringLiteral("12.3k");
        QTest::addRow("10M") << 10e6 << Quantity::Count << QStringLiteral("10M");
        QTest::addRow("3.2G") << 3.2e9 << Quantity::Count << QStringLiteral("3.2G");
        QTest::addRow("a quarter per second") << 0.25 << Quantity::Rate << QStringLiteral("0.25");
        QTest::addRow("250k per second") << 250e3 << Quantity::Rate << QStringLiteral("250k");
        QTest::addRow("percent, never scaled") << 1500.0 << Quantity::Percent << QStringLiteral("1500%");
        QTest::addRow("99.5 percent") << 99.5 << Quantity::Percent << QStringLiteral("99.5%");
    }

    void formatsQuantities()
    {
        QFETCH(double, value);
        QFETCH(Quantity, quantity);
        QFETCH(QString, text);
        QCOMPARE(formatQuantity(value, quantity), text);
    }

    // Axes whose labels stay short: a unit that keeps three digits before the point at most, and round
    // ticks of it.
    void scalesAxes_data()
    {
        constexpr double MB = 1024.0 * 1024.0;
        constexpr double GB = MB * 1024.0;
        QTest::addColumn<double>("maximum");
        QTest::addColumn<Quantity>("quantity");
        QTest::addColumn<int>("maxIntervals");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("format");
        QTest::addRow("nothing yet") << 0.0 << Quantity::Count << 5 << QStringLiteral("0 2 4 6 8 10")
                                     << QStringLiteral("%.0f");
        QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << Quantity::Rate << 5
                             << QStringLiteral("0 2 4 6 8 10") << QStringLiteral("%.0f");
        QTest::addRow("100 GB") << 100 * GB << Quantity::Bytes << 5
                                << QStringLiteral("0 GB|20 GB|40 GB|60 GB|80 GB|100 GB") << QStringLiteral("%.0f GB");
        QTest::addRow("just over 100 GB")
            << 102 * GB << Quantity::Bytes << 5 << QStringLiteral("0 GB|25 GB|50 GB|75 GB|100 GB|125 GB")
            << QStringLiteral("%.0f GB");
        QTest::addRow("100 GB, short chart") << 102 * GB << Quantity::Bytes << 3
                                             << QStringLiteral("0 GB|50 GB|100 GB|150 GB") << QStringLiteral("%.0f GB");
        QTest::addRow("1000 MB in GB") << 1000 * MB << Quantity::Bytes << 5
                                       << QStringLiteral("0.0 GB|0.2 GB|0.4 GB|0.6 GB|0.8 GB|1.0 GB")
                                       << QStringLiteral("%.1f GB");
        QTest::addRow("27 MB") << 27 * MB << Quantity::Bytes << 4 << QStringLiteral("0 MB|10 MB|20 MB|30 MB")
                               << QStringLiteral("%.0f MB");
        QTest::addRow("10M keys") << 10e6 << Quantity::Count << 5 << QStringLiteral("0M 2M 4M 6M 8M 10M")
                                  << QStringLiteral("%.0fM");
        QTest::addRow("10.2M keys") << 10.2e6 << Quantity::Count << 4 << QStringLiteral("0M 5M 10M 15M")
                                    << QStringLiteral("%.0fM");
        QTest::addRow("250k commands") << 250e3 << Quantity::Rate << 5 << QStringLiteral("0k 50k 100k 150k 200k 250k")
                                       << QStringLiteral("%.0fk");
        QTest::addRow("5 clients") << 5.0 << Quantity::Count << 5 << QStringLiteral("0 1 2 3 4 5")
                                   << QStringLiteral("%.0f");
        QTest::addRow("one client, no fractions")
            << 1.0 << Quantity::Count << 5 << QStringLiteral("0 1") << QStringLiteral("%.0f");
        QTest::addRow("0.3 expired per second")
            << 0.3 << Quantity::Rate << 5 << QStringLiteral("0.0 0.1 0.2 0.3") << QStringLiteral("%.1f");
        QTest::addRow("120 MB/s") << 120 * MB << Quantity::BytesPerSecond << 5
                                  << QStringLiteral("0 MB/s|25 MB/s|50 MB/s|75 MB/s|100 MB/s|125 MB/s")
                                  << QStringLiteral("%.0f MB/s");
        QTest::addRow("hit ratio") << 100.0 << Quantity::Percent << 4 << QStringLiteral("0% 25% 50% 75% 100%")
                                   << QStringLiteral("%.0f%%");
        QTest::addRow("CPU") << 0.3 << Quantity::Percent << 5 << QStringLiteral("0.0% 0.1% 0.2% 0.3%")
                             << QStringLiteral("%.1f%%");
    }

    void scalesAxes()
    {
        QFETCH(double, maximum);
        QFETCH(Quantity, quantity);
        QFETCH(int, maxIntervals);
        QFETCH(QString, labels);
        QFETCH(QString, format);
        const AxisScale scale = axisScale(maximum, quantity, maxIntervals);
        const QStringList expected
            = labels.split(labels.contains(QLatin1Char('|')) ? QLatin1Char('|') : QLatin1Char(' '));
        QCOMPARE(scale.labels(), expected);
        QCOMPARE(scale.labelFormat(), format);
        QVERIFY(scale.intervals <= maxIntervals);
        QVERIFY(!(scale.top < maximum));
        // Qt Charts expands the format with printf for each tick: the same texts.
        for (int i = 0; i <= scale.intervals; ++i) {
            const double value = scale.topShown() * i / scale.intervals;
            QCOMPARE(QString::asprintf(qPrintable(format), value), expected.at(i));
        }
        // No label needs four digits before the point while a larger unit exists.
        if (quantity != Quantity::Percent)
            QVERIFY2(scale.topShown() < 1000, qPrintable(expected.constLast()));
    }

    void dayAtOneSecondFitsTwentyMegabytes()
    {
        const History history;
        QCOMPARE(history.capacity(), 86400);
        const double megabytes = double(sizeof(Sample)) * double(history.capacity()) / (1024.0 * 1024.0);
        qInfo("24 h history: %zu bytes per sample, %.2f MB", sizeof(Sample), megabytes);
        QVERIFY(megabytes <= 20.0);
        QCOMPARE(history.memoryBytes(), qsizetype(sizeof(Sample)) * 86400);
    }

    void pollerSamples()
    {
        Session session(profileFor(*m_server));
        session.open();
        InfoPoller poller(&session, nullptr, 10);
        poller.setInterval(100);
        QSignalSpy sampled(&poller, &InfoPoller::sampled);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 3, 10000);
        poller.stop();
        QVERIFY(poller.history().size() >= 3);
        QVERIFY(Sample::has(poller.history().last().commandsPerSecond));
        QVERIFY(poller.history().last().usedMemory > 0);
    }

    void refusedInfoAndSlowlogAreExplained()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.username = QStringLiteral("nostats");
        profile.password = QStringLiteral("nostats");
        Session session(profile);
        session.open();
        InfoPoller poller(&session, nullptr, 10);
        QSignalSpy failed(&poller, &InfoPoller::failed);
        poller.pollNow();
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("NOPERM")), qPrintable(failed.at(0).at(0).toString()));
        SlowlogModel slowlog(&session);
        QSignalSpy slowlogError(&slowlog, &SlowlogModel::errorOccurred);
        slowlog.refresh();
        QVERIFY(slowlogError.wait(10000));
        // The rest still works.
        ClientListModel clients(&session);
        QSignalSpy refreshed(&clients, &ClientListModel::refreshed);
        clients.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(clients.rowCount() >= 1);
    }

    void slowlogModel()
    {
        Session session(profileFor(*m_server));
        session.open();
        awaitReply(session.execute({ "CONFIG", "SET", "slowlog-log-slower-than", "0" }));
        awaitReply(session.execute({ "SET", "dash:slow", "value" }));
        SlowlogModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &SlowlogModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(model.rowCount() >= 1);
        bool found = false;
        for (const auto& entry : model.entries())
            found = found || (entry.arguments.value(0).toUpper() == "SET" && entry.arguments.value(1) == "dash:slow");
        QVERIFY(found);
        model.reset();
        QVERIFY(refreshed.wait(10000));
        // After a reset the log holds at most the commands since (the reset itself, the GET).
        QVERIFY(model.rowCount() <= 2);
        awaitReply(session.execute({ "CONFIG", "SET", "slowlog-log-slower-than", "10000" }));
    }

    void clientListAndKill()
    {
        Session session(profileFor(*m_server));
        session.open();
        Connection victim(profileFor(*m_server));
        victim.open();
        const Reply id = awaitReply(victim.execute({ "CLIENT", "ID" }));
        QVERIFY(id.isInteger());
        ClientListModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &ClientListModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait(10000));
        const auto& clients = model.clients();
        QVERIFY(std::any_of(clients.begin(), clients.end(), [&](const auto& c) { return c.id == id.integerValue(); }));
        QSignalSpy killed(&model, &ClientListModel::killed);
        model.kill(id.integerValue());
        QVERIFY(killed.wait(10000));
        QCOMPARE(killed.at(0).at(0).toLongLong(), id.integerValue());

        ConnectionProfile readOnly = profileFor(*m_server);
        readOnly.readOnly = true;
        Session guarded(readOnly);
        guarded.open();
        ClientListModel refused(&guarded);
        QSignalSpy error(&refused, &ClientListModel::errorOccurred);
        refused.kill(123456);
        QVERIFY(error.wait(10000));
        QVERIFY(!error.at(0).at(0).toString().isEmpty());
    }

    void commandStatsModel()
    {
        CommandStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStats(InfoDetails::commandStats(ServerInfo::parse(
            "# Commandstats\ncmdstat_get:calls=10,usec=50,usec_per_call=5.00\ncmdstat_set:calls=2,usec=8,usec_per_call=4.00\n")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, CommandStatsModel::CallsColumn), CommandStatsModel::SortRole).toLongLong(), 10);
        QCOMPARE(model.data(model.index(0, CommandStatsModel::FailedColumn)).toString(), QStringLiteral("no data"));
        model.setStats(InfoDetails::commandStats(ServerInfo::parse("# Commandstats\ncmdstat_get:calls=11,usec=50,usec_per_call=5.00\ncmdstat_set:calls=2,usec=8,usec_per_call=4.00\n")));
        QCOMPARE(model.data(model.index(0, CommandStatsModel::CallsColumn), CommandStatsModel::SortRole).toLongLong(), 11);
        model.setStats({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
