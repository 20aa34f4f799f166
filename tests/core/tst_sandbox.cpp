#include "client/connection.h"
#include "formats/valueformat.h"
#include "pubsub/subscriber.h"
#include "redisfixture.h"
#include "client/session.h"
#include "server/demoseeder.h"
#include "server/sandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <csignal>

using namespace vermilion;
using namespace vermilion::test;

namespace {
// A zombie (exited, not yet reaped by whoever adopted it) counts as gone.
bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z';
}

// The app this build made; the TSan build makes none (no widgets), so scripts/tsan names the plain
// build's in VERMILION_APP: only this suite's own process needs the instrumentation.
QString appPath()
{
#ifdef VERMILION_APP_PATH
    return QStringLiteral(VERMILION_APP_PATH);
#else
    return qEnvironmentVariable("VERMILION_APP");
#endif
}
} // namespace

class TestSandbox : public QObject {
    Q_OBJECT
private slots:
    void startsSeedsAndStops()
    {
        Sandbox sandbox;
        QSignalSpy ready(&sandbox, &Sandbox::ready);
        QSignalSpy failed(&sandbox, &Sandbox::failed);
        QSignalSpy progress(&sandbox, &Sandbox::progress);
        sandbox.start();
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() == 1 || failed.size() == 1, 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(progress.size() > 2);
        const auto profile = ready.first().first().value<ConnectionProfile>();
        QVERIFY(profile.sandbox);
        QCOMPARE(profile.host, QStringLiteral("127.0.0.1"));

        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "HLEN", "big:hash:100k-fields" })).integerValue(), 100000);
        QCOMPARE(awaitReply(connection.execute({ "LLEN", "big:list:100k-elements" })).integerValue(), 100000);
        QCOMPARE(awaitReply(connection.execute({ "STRLEN", "big:string:5mb" })).integerValue(), 5 * 1024 * 1024);
        QCOMPARE(
            awaitReply(connection.execute({ "STRLEN", QByteArray("bin:\xff\xfe\x00key", 10) })).integerValue(), 256);
        QVERIFY(awaitReply(connection.execute({ "TTL", "ttl:expires-in-an-hour" })).integerValue() > 0);
        for (const QByteArray& type : QList<QByteArray> { "string", "hash", "list", "set", "zset", "stream" }) {
            const Reply scan = awaitReply(connection.execute({ "SCAN", "0", "TYPE", type, "COUNT", "100000" }));
            QVERIFY2(scan.at(1).size() > 0, type.constData());
        }
        // Every format the value viewer decodes has an example, recognised as that format.
        for (const char* id : { "gzip", "zlib", "lz4", "zstd", "snappy", "base64" }) {
            const QByteArray value
                = awaitReply(connection.execute({ "GET", "fmt:" + QByteArray(id) + ":json" })).bytes();
            QVERIFY2(!value.isEmpty(), id);
            const formats::ValueFormat* detected = formats::FormatRegistry::instance().detect(value);
            QCOMPARE(detected->id(), QString::fromLatin1(id));
            QVERIFY(detected->decode(value).text.contains(QLatin1String("Ada Lovelace")));
        }
        const QByteArray msgpack = awaitReply(connection.execute({ "GET", "fmt:msgpack:map" })).bytes();
        QCOMPARE(formats::FormatRegistry::instance().detect(msgpack)->id(), QStringLiteral("msgpack"));
        // The demo publisher makes pub/sub panes come alive: JSON, text and binary payloads.
        Subscriber subscriber(profile);
        QSet<QByteArray> channels;
        bool sawBinary = false;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.kind != PubSubMessage::Kind::PatternMessage)
                    continue;
                channels.insert(message.channel);
                sawBinary = sawBinary || QString::fromUtf8(message.payload).toUtf8() != message.payload;
            }
        });
        subscriber.psubscribe({ "demo:*" });
        subscriber.start();
        QTRY_VERIFY_WITH_TIMEOUT(channels.contains("demo:orders") && channels.contains("demo:chat") && sawBinary, 15000);
        subscriber.stop();

        // No persistence: nothing is written to disk.
        QCOMPARE(awaitReply(connection.execute({ "CONFIG", "GET", "save" })).at(1).bytes(), QByteArray());

        const qint64 pid = sandbox.server()->pid();
        QVERIFY(processAlive(pid));
        sandbox.stop();
        QVERIFY(!processAlive(pid));
    }

    void seederRestartAndCancel()
    {
        // The datasets are made off the UI thread; a second start drops what the first still had
        // to send, a cancel before they are made sends nothing.
        auto server = startServer();
        QVERIFY(server);
        Session session(profileFor(*server));
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Connected, 10000);
        DemoSeeder seeder(&session);
        seeder.addDataset(QStringLiteral("list"), [] {
            QList<Command> commands;
            for (int i = 0; i < 500; ++i)
                commands.append({ "RPUSH", "seeded:list", QByteArray::number(i) });
            return commands;
        });
        QSignalSpy finished(&seeder, &DemoSeeder::finished);
        QSignalSpy failed(&seeder, &DemoSeeder::failed);
        seeder.start();
        seeder.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(failed.isEmpty());
        // Both starts built their list; only the second one's was sent.
        QCOMPARE(awaitReply(session.execute({ "LLEN", "seeded:list" })).integerValue(), 500);
        QCOMPARE(awaitReply(session.execute({ "LINDEX", "seeded:list", "-1" })).bytes(), QByteArray("499"));

        QVERIFY(awaitReply(session.execute({ "DEL", "seeded:list" })).integerValue() == 1);
        seeder.start();
        seeder.cancel();
        // The datasets are made by now and their hand-over delivered; anything the seeder had sent
        // would be on the link ahead of the EXISTS.
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(awaitReply(session.execute({ "EXISTS", "seeded:list" })).integerValue(), 0);
        QCOMPARE(finished.size(), 1);
    }

    void appLeavesNoOrphanOnSignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addRow("SIGTERM") << int(SIGTERM);
        QTest::addRow("SIGINT") << int(SIGINT);
        QTest::addRow("SIGKILL") << int(SIGKILL);
    }

    void appLeavesNoOrphanOnSignal()
    {
        QFETCH(int, signal);
        const QString app = appPath();
        if (app.isEmpty())
            QSKIP("this build has no app and VERMILION_APP names none");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/vermilion-test-config"));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(app, { QStringLiteral("--sandbox") });
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
        QByteArray output;
        static const QRegularExpression pidLine(QStringLiteral("redis-server pid (\\d+)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += process.readAll(), match = pidLine.match(QString::fromUtf8(output)), match.hasMatch()), 60000);
        const qint64 serverPid = match.captured(1).toLongLong();
        QVERIFY(processAlive(serverPid));
        ::kill(pid_t(process.processId()), signal);
        QVERIFY(process.waitForFinished(15000));
        if (signal != SIGKILL) {
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10000);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
