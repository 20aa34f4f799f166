#include "client/endpointsource.h"
#include "client/sentinelwatcher.h"
#include "client/session.h"
#include "console/consolesession.h"
#include "keyspace/keyspaceloader.h"
#include "lua/scriptrunner.h"
#include "pubsub/monitor.h"
#include "pubsub/subscriber.h"
#include "redisfixture.h"
#include "sentinelfixture.h"
#include "util/posting.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

namespace {
bool waitConnected(Session& session, int timeoutMs = 15000)
{
    // Until it is up, or has given up (then the caller reports lastError()).
    QTest::qWaitFor(
        [&] {
            return session.state() == Connection::State::Connected || session.state() == Connection::State::Failed;
        },
        timeoutMs);
    return session.state() == Connection::State::Connected;
}

quint16 deadPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// The port the server behind this session says it listens on.
qint64 servingPort(Session& session)
{
    const Reply info = awaitReply(session.execute({ "CONFIG", "GET", "port" }));
    return info.isArray() && info.size() == 2 ? info.at(1).bytes().toLongLong() : -1;
}
} // namespace

class TestSentinel : public QObject {
    Q_OBJECT
private:
    SentinelFixture m_fixture;
    bool m_started = false;

    // initTestCase fails when the fixture does not start; the tests after it then stop here.
    void requireFixture()
    {
        if (!m_started)
            QFAIL("the Sentinel fixture did not start");
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_started = m_fixture.start(&error);
        QVERIFY2(m_started, qPrintable(error));
    }

    void resolvesTheMasterPastADeadSentinel()
    {
        requireFixture();
        ConnectionProfile profile = m_fixture.profile();
        // The first sentinel the profile names does not answer: the next is asked.
        profile.sentinels.prepend(QStringLiteral("127.0.0.1:%1").arg(deadPort()));
        profile.connectTimeoutMs = 1000;
        Session session(profile);
        QVERIFY(session.isSentinel());
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        const quint16 master = m_fixture.agreedMasterPort();
        QVERIFY(master != 0);
        QCOMPARE(servingPort(session), qint64(master));
        QCOMPARE(session.currentServer(), QStringLiteral("127.0.0.1:%1").arg(master));
        const Reply role = awaitReply(session.execute({ "ROLE" }));
        QCOMPARE(role.at(0).bytes(), QByteArray("master"));
        // Writes work: it is the master.
        QCOMPARE(awaitReply(session.execute({ "SET", "sentinel:probe", "1" })).bytes(), QByteArray("OK"));
    }

    void wrongMasterNameSaysSo()
    {
        requireFixture();
        ConnectionProfile profile = m_fixture.profile();
        profile.sentinelMaster = QStringLiteral("no-such-group");
        Session session(profile);
        QSignalSpy states(&session, &Session::stateChanged);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Failed, 10000);
        QVERIFY2(session.lastError().contains(QStringLiteral("knows no master group named \"no-such-group\"")),
                 qPrintable(session.lastError()));
        // Every sentinel is named with its answer.
        for (const QString& sentinel : m_fixture.sentinelAddresses())
            QVERIFY2(session.lastError().contains(sentinel), qPrintable(session.lastError()));
        QVERIFY(!states.isEmpty());
        QCOMPARE(states.last().at(0).value<Connection::State>(), Connection::State::Failed);
    }

    void unreachableSentinelsSaySo()
    {
        requireFixture();
        ConnectionProfile profile = m_fixture.profile();
        const quint16 a = deadPort();
        const quint16 b = deadPort();
        profile.sentinels = { QStringLiteral("127.0.0.1:%1").arg(a), QStringLiteral("127.0.0.1:%1").arg(b) };
        profile.connectTimeoutMs = 1000;
        Session session(profile);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Failed, 10000);
        const QString error = session.lastError();
        QVERIFY2(error.contains(QStringLiteral("No sentinel could name the master of \"mymaster\"")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(a)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(b)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("refused")), qPrintable(error));
        // Open again once a sentinel is named that answers: it connects.
        session.close();
    }

    void sentinelPasswordIsChecked()
    {
        // Sentinels with a password of their own; the data node has none.
        SentinelFixture secured;
        SentinelFixture::Options options;
        options.replicas = 0;
        options.sentinels = 1;
        options.sentinelPassword = QStringLiteral("s3ntinel-pw");
        QString error;
        QVERIFY2(secured.start(options, &error), qPrintable(error));
        ConnectionProfile profile = secured.profile();
        profile.sentinelPassword = QStringLiteral("not-the-pw-123");
        {
            Session session(profile);
            session.open();
            QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Failed, 10000);
            QVERIFY2(session.lastError().contains(QStringLiteral("Authentication failed")), qPrintable(session.lastError()));
            QVERIFY2(session.lastError().contains(secured.sentinelAddresses().first()), qPrintable(session.lastError()));
            QVERIFY(!session.lastError().contains(QStringLiteral("not-the-pw-123"))); // never in a message
        }
        profile.sentinelPassword.clear();
        {
            Session session(profile);
            session.open();
            QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Failed, 10000);
            QVERIFY2(session.lastError().contains(QStringLiteral("NOAUTH")) || session.lastError().contains(QStringLiteral("password")),
                     qPrintable(session.lastError()));
        }
        // The sentinels' password is theirs alone: the data node gets none, and the session opens.
        profile.sentinelPassword = options.sentinelPassword;
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        QCOMPARE(servingPort(session), qint64(secured.master().port()));
    }

    void aDemotedMasterIsNotUsed()
    {
        requireFixture();
        // A link told to go to a replica while it expects the master: ROLE stops it at the
        // handshake, and the source's owner hears of it.
        const auto& replica = *m_fixture.servers().at(1);
        auto source = std::make_shared<EndpointSource>(QStringLiteral("master"));
        // What the handler heard, kept alive by whatever still refers to it: a report posted as the
        // test ends must not write into this function's stack once it has returned.
        struct Heard {
            EndpointSource::Endpoint endpoint;
            QString role;
        };
        auto heard = std::make_shared<Heard>();
        source->setWrongRoleHandler([heard](const EndpointSource::Endpoint& endpoint, const QString& role) {
            // Through postToThread, whose hand-over ThreadSanitizer sees (Qt's own queue it does not).
            postToThread(QCoreApplication::instance()->thread(), [heard, endpoint, role] {
                heard->endpoint = endpoint;
                heard->role = role;
            });
        });
        source->set({ QStringLiteral("127.0.0.1"), replica.port() }, QStringLiteral("test"));
        ConnectionTuning tuning;
        tuning.endpointSource = source;
        Connection link(profileFor(replica), tuning);
        QSignalSpy states(&link, &Connection::stateChanged);
        link.open();
        QTRY_VERIFY_WITH_TIMEOUT(heard->endpoint.port == replica.port(), 10000);
        QCOMPARE(heard->role, QStringLiteral("slave"));
        QVERIFY(link.state() != Connection::State::Connected);
        bool said = false;
        for (const auto& change : states)
            said = said || change.at(1).toString().contains(QStringLiteral("answers ROLE with \"slave\", not \"master\""));
        QVERIFY(said);
        // Pointed at the master, the same link comes up at once.
        source->set({ QStringLiteral("127.0.0.1"), m_fixture.agreedMasterPort() }, QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(link.state(), Connection::State::Connected, 5000);
        source->setWrongRoleHandler({});
    }

    void readsFromAReplica()
    {
        requireFixture();
        ConnectionProfile profile = m_fixture.profile();
        profile.readOnly = true;
        profile.sentinelReadReplica = true;
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        const Reply role = awaitReply(session.execute({ "ROLE" }));
        QCOMPARE(role.at(0).bytes(), QByteArray("slave"));
        QVERIFY(servingPort(session) != qint64(m_fixture.agreedMasterPort()));
        // Read-only: writes are refused before they are sent.
        const Reply write = awaitReply(session.execute({ "SET", "x", "1" }));
        QCOMPARE(write.errorKind(), Reply::ErrorKind::ReadOnly);
    }

    void urlOpensTheGroup()
    {
        requireFixture();
        ConnectionProfile profile;
        QString error;
        const QString url = QStringLiteral("redis+sentinel://%1/mymaster/2").arg(m_fixture.sentinelAddresses().join(QLatin1Char(',')));
        QVERIFY2(ConnectionProfile::fromUrl(url, &profile, &error), qPrintable(error));
        QCOMPARE(profile.sentinels, m_fixture.sentinelAddresses());
        QCOMPARE(profile.database, 2);
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        QCOMPARE(servingPort(session), qint64(m_fixture.agreedMasterPort()));
        const Reply client = awaitReply(session.execute({ "CLIENT", "INFO" }));
        QVERIFY2(client.bytes().contains(" db=2 "), client.bytes().constData());
    }

    // Last: the failover changes the fixture's master for good.
    void failoverMovesEveryTool()
    {
        requireFixture();
        Session session(m_fixture.profile());
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        const quint16 oldMaster = m_fixture.agreedMasterPort();
        QCOMPARE(servingPort(session), qint64(oldMaster));
        QList<Command> sets;
        for (int i = 0; i < 30000; ++i)
            sets.append({ "SET", "fo:" + QByteArray::number(i), "v" });
        for (const Reply& reply : awaitBatch(session.executeBatch(sets), 60000))
            QVERIFY(!reply.isError());
        // The replicas have every key before the failover (WAIT: both acknowledged).
        QCOMPARE(awaitReply(session.execute({ "WAIT", "2", "10000" })).integerValue(), qint64(2));

        // A pub/sub pane, MONITOR, the console and a slow key browser load, all on the old master.
        Subscriber subscriber(&session);
        QList<QByteArray> received;
        int gaps = 0;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.isMessage())
                    received.append(message.payload);
                if (message.kind == PubSubMessage::Kind::Gap)
                    ++gaps;
            }
        });
        subscriber.subscribe({ "news" });
        subscriber.start();
        QTRY_VERIFY_WITH_TIMEOUT(subscriber.state() == Connection::State::Connected, 10000);
        Monitor monitor(&session);
        QList<MonitorLine> lines;
        connect(&monitor, &Monitor::linesReceived, this, [&](const MonitorBatch& batch) { lines += batch.lines; });
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Connected, 10000);
        ConsoleSession console(&session);
        QList<ConsoleSession::Entry> entries;
        connect(&console, &ConsoleSession::output, this, [&](const QList<ConsoleSession::Entry>& batch) { entries += batch; });
        console.ensureLink();
        QVERIFY(console.run(QStringLiteral("ECHO before")));
        QTRY_VERIFY(console.isIdle());
        // Its prompt names the master Sentinel gave, not a sentinel.
        QVERIFY2(console.prompt().startsWith(QStringLiteral("127.0.0.1:%1").arg(oldMaster)), qPrintable(console.prompt()));
        // Two key browser loads: one still scanning in small pages when the master moves (its SCAN
        // is lost with the link and sent again on the new master), one paused at its cap (it goes
        // on, on the new master, when the user asks for more).
        KeyspaceLoader loader(&session, ":");
        ScanOptions options;
        options.count = 10;
        loader.start(options);
        QTRY_VERIFY_WITH_TIMEOUT(loader.loadedKeys() > 0, 10000);
        KeyspaceLoader capped(&session, ":");
        ScanOptions cappedOptions;
        cappedOptions.cap = 5000;
        capped.start(cappedOptions);
        QTRY_COMPARE_WITH_TIMEOUT(capped.state(), KeyspaceLoader::State::CapReached, 10000);

        QSignalSpy switched(session.sentinel(), &SentinelWatcher::eventReceived);
        QElapsedTimer sinceSwitch;
        connect(session.sentinel(), &SentinelWatcher::eventReceived, this,
                [&](const SentinelWatcher::Event& event) {
                    if (event.type == QLatin1String("+switch-master") && !sinceSwitch.isValid())
                        sinceSwitch.start();
                });
        QString error;
        m_fixture.cli(m_fixture.sentinels().front()->port(),
                      { QStringLiteral("SENTINEL"), QStringLiteral("FAILOVER"), QStringLiteral("mymaster") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(sinceSwitch.isValid(), 30000);
        const QString newAddress = session.sentinel()->current().text();
        const quint16 newMaster = session.sentinel()->current().port;
        QVERIFY(newMaster != oldMaster);

        // Within 2 s of +switch-master every tool is on the new master.
        const auto onNewMaster = [&] { return session.state() == Connection::State::Connected && session.currentServer() == newAddress; };
        QTRY_VERIFY_WITH_TIMEOUT(onNewMaster(), 2000);
        QCOMPARE(servingPort(session), qint64(newMaster));
        QCOMPARE(awaitReply(session.execute({ "SET", "after:switch", "1" })).bytes(), QByteArray("OK"));
        QTRY_VERIFY_WITH_TIMEOUT(subscriber.state() == Connection::State::Connected && gaps > 0, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                awaitReply(session.execute({ "PUBLISH", "news", "after failover" }));
                return received.contains("after failover");
            }(),
            2000);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.state() == Connection::State::Connected, 2000);
        const auto monitorSaw = [&](const QByteArray& word) {
            for (const MonitorLine& line : lines) {
                if (line.arguments.contains(word))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                awaitReply(session.execute({ "ECHO", "watched-after-failover" }));
                return monitorSaw("watched-after-failover");
            }(),
            2000);
        bool monitorGap = false;
        for (const MonitorLine& line : lines)
            monitorGap = monitorGap || line.source == MonitorLine::Source::Gap;
        QVERIFY(monitorGap);
        QVERIFY(sinceSwitch.elapsed() < 4000); // the checks above, with their round trips

        // The console's own link followed, and said so: its commands reach the new master.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const ConsoleSession::Entry& entry : entries) {
                    if (entry.kind == ConsoleSession::Entry::Kind::Note
                        && entry.text.contains(QStringLiteral("Reconnected to %1").arg(newAddress)))
                        return true;
                }
                return false;
            }(),
            2000);
        QVERIFY2(console.prompt().startsWith(newAddress), qPrintable(console.prompt()));
        QTRY_VERIFY_WITH_TIMEOUT(console.run(QStringLiteral("CONFIG GET port")), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const ConsoleSession::Entry& entry : entries) {
                    if (entry.kind == ConsoleSession::Entry::Kind::Reply && entry.text.contains(QString::number(newMaster)))
                        return true;
                }
                return false;
            }(),
            5000);
        // Lua runs on the new master.
        lua::ScriptRunner runner(&session);
        QSignalSpy finished(&runner, &lua::ScriptRunner::finished);
        lua::ScriptRequest request;
        request.script = "return redis.call('SET', 'lua:after', '1')";
        QVERIFY(runner.run(request) != 0);
        QVERIFY(finished.wait(10000));
        const auto result = finished.first().first().value<lua::ScriptResult>();
        QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");
        QCOMPARE(result.reply.bytes(), QByteArray("OK"));

        // The key browser's load carries on to the end on the new master: every key, once.
        QTRY_VERIFY_WITH_TIMEOUT(loader.state() != KeyspaceLoader::State::Loading, 60000);
        QCOMPARE(loader.state(), KeyspaceLoader::State::Finished);
        capped.loadMore(0);
        QTRY_COMPARE_WITH_TIMEOUT(capped.state(), KeyspaceLoader::State::Finished, 60000);
        QVERIFY2(capped.loadedKeys() >= 30001, qPrintable(QString::number(capped.loadedKeys())));
        QCOMPARE(qint64(capped.tree()->keyCount(NamespaceTree::root)), capped.loadedKeys());
        // Every key of the old master (and sentinel:probe), and none twice although the scan started
        // over on the new master; after:switch is there or not depending on when the scan passed it.
        QVERIFY2(loader.loadedKeys() >= 30001 && loader.loadedKeys() <= 30002, qPrintable(QString::number(loader.loadedKeys())));
        QCOMPARE(qint64(loader.tree()->keyCount(NamespaceTree::root)), loader.loadedKeys());
        qInfo("+switch-master to the new master everywhere: within %lld ms", qint64(sinceSwitch.elapsed()));
        monitor.stop();
        subscriber.stop();
    }
};

QTEST_GUILESS_MAIN(TestSentinel)
#include "tst_sentinel.moc"
