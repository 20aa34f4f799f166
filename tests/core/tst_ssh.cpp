// SSH tunnels against Debian's sshd, started by the fixture on a loopback port for the run.
#include "client/session.h"
#include "clusterfixture.h"
#include "keyspace/keyspaceloader.h"
#include "lua/scriptrunner.h"
#include "pubsub/monitor.h"
#include "pubsub/subscriber.h"
#include "redisfixture.h"
#include "sentinelfixture.h"
#include "ssh/sshtunnel.h"
#include "sshfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <atomic>
#include <poll.h>
#include <unistd.h>
#include <mutex>

using namespace vermilion;
using namespace vermilion::test;

namespace {
bool waitConnected(Session& session, int timeoutMs = 20000)
{
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            return session.state() == Connection::State::Connected || session.state() == Connection::State::Failed;
        },
        timeoutMs);
    return session.state() == Connection::State::Connected;
}

// Answers host key questions the way the test says, and counts them.
struct HostKeyAnswers {
    std::atomic<int> asked { 0 };
    std::atomic<bool> accept { false };

    void install()
    {
        ssh::SshTunnel::setDefaultHostKeyHandler(
            [this](const ssh::HostKeyQuestion& question, std::function<void(bool)> answer) {
                {
                    std::lock_guard lock(mutex);
                    last = question;
                }
                ++asked;
                answer(accept.load());
            });
    }
    ssh::HostKeyQuestion lastQuestion()
    {
        std::lock_guard lock(mutex);
        return last;
    }

private:
    std::mutex mutex;
    ssh::HostKeyQuestion last;
};
} // namespace

class TestSsh : public QObject {
    Q_OBJECT
private:
    SshFixture m_ssh;
    std::unique_ptr<RedisServerProcess> m_redis;
    QString m_trusted; // a known_hosts file that trusts the fixture's sshd
    QString m_emptyConfig;
    HostKeyAnswers m_answers;
    int m_files = 0;

    QString newFile(const QByteArray& bytes = {})
    {
        const QString path = m_ssh.directory() + QStringLiteral("/file-%1").arg(++m_files);
        writeFile(path, bytes);
        return path;
    }

    // The profile through the fixture's sshd, with a key login and a tunnel of its own.
    ConnectionProfile throughTunnel(ConnectionProfile p)
    {
        p.id = QUuid::createUuid();
        p.ssh.enabled = true;
        p.ssh.host = QStringLiteral("127.0.0.1");
        p.ssh.port = m_ssh.port();
        p.ssh.user = m_ssh.user();
        p.ssh.identityFile = m_ssh.key();
        p.ssh.useAgent = false;
        p.ssh.configFile = m_emptyConfig;
        p.ssh.knownHostsFile = m_trusted;
        return p;
    }

    // Redis behind the tunnel: the SSH server reaches it at 127.0.0.1:port.
    ConnectionProfile sshProfile(const RedisServerProcess& server) { return throughTunnel(profileFor(server)); }

    QString failureOf(const ConnectionProfile& profile)
    {
        Connection connection(profile);
        connection.open();
        if (!waitForState(connection, Connection::State::Failed, 20000))
            return QStringLiteral("<no failure: %1>").arg(connection.lastError());
        return connection.lastError();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_ssh.start(&error), qPrintable(error));
        m_redis = startServer({}, &error);
        QVERIFY2(m_redis, qPrintable(error));
        m_trusted = newFile(m_ssh.knownHostsLine());
        m_emptyConfig = newFile();
        m_answers.install();
    }

    void init()
    {
        m_answers.asked = 0;
        m_answers.accept = false;
        if (!m_ssh.isRunning()) {
            QString error;
            QVERIFY2(m_ssh.restart(&error), qPrintable(error));
        }
    }

    void keyLoginReachesRedis()
    {
        const ConnectionProfile profile = sshProfile(*m_redis);
        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "SET", "ssh:key", allBytes() })), Reply::status("OK"));
        QCOMPARE(awaitReply(connection.execute({ "GET", "ssh:key" })).bytes(), allBytes());
        // A big value both ways: flow control over the channel.
        const QByteArray big(8 * 1024 * 1024, 'x');
        QCOMPARE(awaitReply(connection.execute({ "SET", "ssh:big", big })), Reply::status("OK"));
        const Reply got = awaitReply(connection.execute({ "GET", "ssh:big" }), 30000);
        QVERIFY2(!got.isError(), qPrintable(got.errorMessage()));
        QCOMPARE(got.bytes().size(), big.size());
        QCOMPARE(m_answers.asked.load(), 0); // the key was known
        QVERIFY(m_ssh.log().contains("Accepted publickey"));
    }

    // A link that stops reading: the tunnel holds at most its buffer, the channel's window shuts,
    // and every byte still arrives, in order, once the link reads again.
    void slowReaderGetsEveryByte()
    {
        const ConnectionProfile profile = sshProfile(*m_redis);
        QByteArray value(16 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < value.size(); ++i)
            value[i] = char(i % 251);
        {
            Connection writer(profileFor(*m_redis));
            writer.open();
            QCOMPARE(awaitReply(writer.execute({ "SET", "ssh:slow", value }), 30000), Reply::status("OK"));
        }
        QString error;
        const auto tunnel = ssh::SshTunnel::forProfile(profile, &error);
        QVERIFY2(tunnel, qPrintable(error));
        std::atomic<int> channelFd { -2 };
        tunnel->openChannel(QStringLiteral("127.0.0.1"), m_redis->port(),
            [&](int fd, const QString& message, bool) {
                if (fd < 0)
                    qWarning("%s", qPrintable(message));
                channelFd = fd;
            });
        QTRY_VERIFY_WITH_TIMEOUT(channelFd.load() != -2, 10000);
        const int fd = channelFd.load();
        QVERIFY(fd >= 0);
        const QByteArray request = "*2\r\n$3\r\nGET\r\n$8\r\nssh:slow\r\n";
        QCOMPARE(::write(fd, request.constData(), size_t(request.size())), ssize_t(request.size()));
        // Nothing is read until Redis itself has to keep output for this client: by then the
        // socket pair, the tunnel's buffer and the SSH window are all full.
        Connection watcher(profileFor(*m_redis));
        watcher.open();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QByteArray clients = awaitReply(watcher.execute({ "CLIENT", "LIST" })).bytes();
                for (const QByteArray& line : clients.split('\n')) {
                    if (line.contains("cmd=get") && !line.contains(" omem=0"))
                        return true;
                }
                return false;
            }(),
            20000);
        QByteArray received;
        const QByteArray header = "$" + QByteArray::number(value.size()) + "\r\n";
        const qsizetype expected = header.size() + value.size() + 2;
        char chunk[65536];
        while (received.size() < expected) {
            pollfd ready { fd, POLLIN, 0 };
            QVERIFY2(::poll(&ready, 1, 15000) == 1,
                qPrintable(QStringLiteral("stalled after %1 of %2 bytes").arg(received.size()).arg(expected)));
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            QVERIFY2(n > 0, "the channel closed early");
            received.append(chunk, n);
        }
        ::close(fd);
        QCOMPARE(received.size(), expected);
        QVERIFY(received.startsWith(header));
        QVERIFY(received.mid(header.size(), value.size()) == value);
    }

    void everyToolThroughOneSession()
    {
        const ConnectionProfile profile = sshProfile(*m_redis);
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        QList<Command> sets;
        for (int i = 0; i < 2000; ++i)
            sets.append({ "SET", "tool:" + QByteArray::number(i), "v" });
        for (const Reply& reply : awaitBatch(session.executeBatch(sets)))
            QVERIFY(!reply.isError());

        // The key browser.
        KeyspaceLoader loader(&session, ":");
        ScanOptions options;
        options.match = "tool:*";
        loader.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 20000);
        QCOMPARE(loader.loadedKeys(), qint64(2000));

        // Pub/sub and MONITOR.
        Subscriber subscriber(&session);
        QList<QByteArray> received;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.isMessage())
                    received.append(message.payload);
            }
        });
        subscriber.subscribe({ "ssh-news" });
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), Connection::State::Connected, 10000);
        Monitor monitor(&session);
        QList<MonitorLine> lines;
        connect(&monitor, &Monitor::linesReceived, this, [&](const MonitorBatch& batch) { lines += batch.lines; });
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), Connection::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                awaitReply(session.execute({ "PUBLISH", "ssh-news", "hello" }));
                return received.contains("hello");
            }(),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const MonitorLine& line : lines) {
                    if (line.arguments.contains("ssh-news"))
                        return true;
                }
                return false;
            }(),
            10000);

        // Lua.
        lua::ScriptRunner runner(&session);
        QSignalSpy finished(&runner, &lua::ScriptRunner::finished);
        lua::ScriptRequest request;
        request.script = "return redis.call('INCR', 'ssh:lua')";
        QVERIFY(runner.run(request) != 0);
        QVERIFY(finished.wait(10000));
        const auto result = finished.first().first().value<lua::ScriptResult>();
        QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");

        // One SSH session carries them all: one login in the server's log, a channel per link.
        QString error;
        const auto tunnel = ssh::SshTunnel::forProfile(profile, &error);
        QVERIFY(tunnel);
        QVERIFY2(tunnel->openChannelCount() >= 4, qPrintable(QString::number(tunnel->openChannelCount())));
        QCOMPARE(tunnel->hopCount(), 1);
    }

    void unixSocketOnTheServerSide()
    {
        RedisServerProcess::Options options;
        options.unixSocket = true;
        QString error;
        auto server = startServer(options, &error);
        QVERIFY2(server, qPrintable(error));
        ConnectionProfile profile = sshProfile(*server);
        profile.socketPath = server->socketPath();
        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void keyWithPassphrase()
    {
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.identityFile = m_ssh.encryptedKey();
        // None given: said so, and nothing else is tried behind the user's back.
        const QString none = failureOf(profile);
        QVERIFY2(none.contains(QLatin1String("needs a passphrase")), qPrintable(none));
        QVERIFY2(none.contains(QLatin1String("refused the login")), qPrintable(none));
        profile.id = QUuid::createUuid();
        profile.ssh.passphrase = QStringLiteral("wrong");
        const QString wrong = failureOf(profile);
        QVERIFY2(wrong.contains(QLatin1String("passphrase is wrong")), qPrintable(wrong));
        profile.id = QUuid::createUuid();
        profile.ssh.passphrase = SshFixture::passphrase();
        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void agentLogin()
    {
        QString error;
        const QString socket = m_ssh.startAgent(&error);
        QVERIFY2(!socket.isEmpty(), qPrintable(error));
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.identityFile.clear(); // only the agent holds the authorized key
        profile.ssh.useAgent = true;
        profile.ssh.agentSocket = socket;
        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        // Without the agent the same profile cannot log in.
        profile.id = QUuid::createUuid();
        profile.ssh.useAgent = false;
        const QString refused = failureOf(profile);
        QVERIFY2(refused.contains(QLatin1String("refused the login")), qPrintable(refused));
        QVERIFY2(refused.contains(QLatin1String("publickey")), qPrintable(refused));
    }

    void passwordLogin()
    {
        QString error;
        const QString password = QStringLiteral("pw-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString user = m_ssh.createPasswordUser(password, &error);
        if (user.isEmpty())
            QSKIP(qPrintable(error));
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.user = user;
        profile.ssh.identityFile.clear();
        profile.ssh.password = QStringLiteral("not-it");
        const QString refused = failureOf(profile);
        QVERIFY2(refused.contains(QLatin1String("tried the password")), qPrintable(refused));
        profile.id = QUuid::createUuid();
        profile.ssh.password = password;
        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        QVERIFY(m_ssh.log().contains(QByteArray("Accepted password for " + user.toUtf8())));
    }

    void unauthorizedKeyIsRefused()
    {
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.identityFile = m_ssh.unauthorizedKey();
        const QString error = failureOf(profile);
        QVERIFY2(error.contains(QLatin1String("refused the login")), qPrintable(error));
        QVERIFY2(error.contains(m_ssh.unauthorizedKey()), qPrintable(error));
    }

    void unknownHostKeyIsAskedAndSavedOnYes()
    {
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.knownHostsFile = m_ssh.directory() + QStringLiteral("/new/known_hosts");
        m_answers.accept = true;
        {
            Connection connection(profile);
            connection.open();
            QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        }
        QCOMPARE(m_answers.asked.load(), 1);
        QCOMPARE(m_answers.lastQuestion().fingerprint, m_ssh.hostKeyFingerprint());
        QVERIFY(!m_answers.lastQuestion().changed);
        const QByteArray saved = readFile(profile.ssh.knownHostsFile);
        QVERIFY2(saved.contains(QByteArray(QByteArray("[127.0.0.1]:") + QByteArray::number(m_ssh.port()))), saved.constData());
        // Known now: a new tunnel does not ask again.
        profile.id = QUuid::createUuid();
        Connection again(profile);
        again.open();
        QCOMPARE(awaitReply(again.execute({ "PING" })), Reply::status("PONG"));
        QCOMPARE(m_answers.asked.load(), 1);
    }

    void unknownHostKeyRefusedOnNo()
    {
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.knownHostsFile = m_ssh.directory() + QStringLiteral("/declined/known_hosts");
        m_answers.accept = false;
        const qsizetype logBefore = m_ssh.log().size();
        const QString error = failureOf(profile);
        QCOMPARE(m_answers.asked.load(), 1);
        QVERIFY2(error.contains(QLatin1String("was not accepted")), qPrintable(error));
        QVERIFY(!QFile::exists(profile.ssh.knownHostsFile));
        // No login was tried: the server never saw a key.
        QVERIFY(!m_ssh.log().mid(logBefore).contains("publickey"));
    }

    void unknownHostKeyRefusedWithNoOneToAsk()
    {
        ssh::SshTunnel::setDefaultHostKeyHandler({});
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.knownHostsFile = m_ssh.directory() + QStringLiteral("/nobody/known_hosts");
        const QString error = failureOf(profile);
        m_answers.install();
        QVERIFY2(error.contains(QLatin1String("is not in")), qPrintable(error));
        QVERIFY2(error.contains(m_ssh.hostKeyFingerprint()), qPrintable(error));
    }

    void changedHostKeyIsRefused()
    {
        // known_hosts holds another key for this server (the fixture's user key stands in).
        const QList<QByteArray> other = readFile(m_ssh.unauthorizedKey() + QStringLiteral(".pub")).split(' ');
        const QString knownHosts = newFile("[127.0.0.1]:" + QByteArray::number(m_ssh.port()) + ' ' + other.value(0) + ' '
            + other.value(1) + '\n');
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.knownHostsFile = knownHosts;
        m_answers.accept = true; // even a yes cannot let it through
        const QString error = failureOf(profile);
        QVERIFY2(error.contains(QLatin1String("CHANGED")), qPrintable(error));
        QVERIFY2(error.contains(m_ssh.hostKeyFingerprint()), qPrintable(error));
        QVERIFY2(error.count(QLatin1String("SHA256:")) == 2, qPrintable(error)); // both fingerprints
        QVERIFY(m_answers.lastQuestion().changed);
        QVERIFY(!readFile(knownHosts).contains(readFile(m_ssh.key() + QStringLiteral(".pub")).split(' ').value(1)));
    }

    void unreachableSshServerSaysSo()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 dead = probe.serverPort();
        probe.close();
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.port = dead;
        const QString error = failureOf(profile);
        QVERIFY2(error.contains(QLatin1String("Cannot reach the SSH server")), qPrintable(error));
    }

    void redisPortClosedBehindTheTunnel()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.port = probe.serverPort();
        probe.close();
        const QString error = failureOf(profile);
        QVERIFY2(error.contains(QLatin1String("could not open a connection")), qPrintable(error));
    }

    void aliasFromTheConfigAndProxyJump()
    {
        // A second sshd is the jump host; the config names the target by alias only.
        SshFixture jump;
        QString error;
        QVERIFY2(jump.start(&error), qPrintable(error));
        const QByteArray config = "Host bastion\n  HostName 127.0.0.1\n  Port " + QByteArray::number(jump.port())
            + "\n  User " + jump.user().toUtf8() + "\n  IdentityFile " + QFile::encodeName(jump.key())
            + "\n\nHost redis-box\n  HostName 127.0.0.1\n  Port " + QByteArray::number(m_ssh.port())
            + "\n  IdentityFile " + QFile::encodeName(m_ssh.key()) + "\n  ProxyJump bastion\n";
        ConnectionProfile profile = profileFor(*m_redis);
        profile.id = QUuid::createUuid();
        profile.ssh.enabled = true;
        profile.ssh.host = QStringLiteral("redis-box");
        profile.ssh.useAgent = false;
        profile.ssh.configFile = newFile(config);
        profile.ssh.knownHostsFile = newFile(m_ssh.knownHostsLine() + jump.knownHostsLine());
        {
            Connection connection(profile);
            connection.open();
            QCOMPARE(awaitReply(connection.execute({ "PING" }), 20000), Reply::status("PONG"));
            const auto tunnel = ssh::SshTunnel::forProfile(profile, &error);
            QVERIFY(tunnel);
            QCOMPARE(tunnel->hopCount(), 2);
            // The target's sshd saw the login come through the jump host's forward.
            QVERIFY(jump.log().contains("Accepted publickey"));
        }
        // Without the jump host there is no way through, and the message names it.
        jump.kill();
        profile.id = QUuid::createUuid();
        const QString failure = failureOf(profile);
        QVERIFY2(failure.contains(QLatin1String("Cannot reach the SSH server")), qPrintable(failure));
        QVERIFY2(failure.contains(QString::number(jump.port())), qPrintable(failure));
    }

    void tunnelRecoversAfterSshdDies()
    {
        ConnectionProfile profile = sshProfile(*m_redis);
        Connection connection(profile, ConnectionTuning {});
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "SET", "ssh:recover", "1" })), Reply::status("OK"));
        m_ssh.kill();
        // The link sees the tunnel go, says so, and tries again with its backoff.
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() != Connection::State::Connected, 15000);
        QVERIFY(connection.state() != Connection::State::Failed);
        QString error;
        QVERIFY2(m_ssh.restart(&error), qPrintable(error));
        QVERIFY(waitForState(connection, Connection::State::Connected, 40000));
        QCOMPARE(awaitReply(connection.execute({ "GET", "ssh:recover" })).bytes(), QByteArray("1"));
    }

    void silentServerIsFoundByKeepalive()
    {
        ConnectionProfile profile = sshProfile(*m_redis);
        profile.ssh.keepAliveSeconds = 1;
        profile.connectTimeoutMs = 3000;
        Connection connection(profile);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        // The server stops answering without closing anything: TCP alone would notice after
        // minutes; three missed keepalives of 1 s close the tunnel, and the link says why.
        m_ssh.freeze(true);
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() != Connection::State::Connected, 20000);
        const qint64 noticedMs = clock.elapsed();
        const QString error = connection.lastError();
        m_ssh.freeze(false);
        QVERIFY2(error.contains(QLatin1String("keepalive")), qPrintable(error));
        QVERIFY2(noticedMs < 10000, qPrintable(QString::number(noticedMs)));
        // Back: the link reconnects through a new SSH session.
        QVERIFY(waitForState(connection, Connection::State::Connected, 40000));
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void tlsOverTheTunnelChecksTheServerName()
    {
        QTemporaryDir dir;
        const TlsMaterial tls = generateTlsMaterial(dir.path());
        QVERIFY2(tls.valid, qPrintable(tls.error));
        RedisServerProcess::Options options;
        options.tlsCertificateFile = tls.serverCertificate;
        options.tlsKeyFile = tls.serverKey;
        options.tlsCaFile = tls.caCertificate;
        QString error;
        auto server = startServer(options, &error);
        QVERIFY2(server, qPrintable(error));
        ConnectionProfile profile = sshProfile(*server);
        profile.host = QStringLiteral("localhost"); // the name the certificate has, as the SSH server resolves it
        profile.tls.enabled = true;
        profile.tls.caFile = tls.caCertificate;
        {
            Connection connection(profile);
            connection.open();
            QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        }
        // The name checked is the Redis server's, not the tunnel's local end.
        profile.id = QUuid::createUuid();
        profile.tls.serverName = QStringLiteral("wrong.example.com");
        const QString failure = failureOf(profile);
        QVERIFY2(failure.contains(QLatin1String("TLS")), qPrintable(failure));
        QVERIFY2(failure.contains(QLatin1String("host name"), Qt::CaseInsensitive), qPrintable(failure));
    }

    void clusterThroughTheTunnel()
    {
        ClusterFixture cluster;
        QString error;
        QVERIFY2(cluster.start(3, 0, &error), qPrintable(error));
        const ConnectionProfile profile = throughTunnel(cluster.profile());
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        QVERIFY(session.isCluster());
        // Keys in every slot range: each goes through its own node's channel.
        for (int i = 0; i < 300; ++i)
            QCOMPARE(awaitReply(session.execute({ "SET", "c:" + QByteArray::number(i), QByteArray::number(i) })),
                Reply::status("OK"));
        for (int i = 0; i < 300; i += 37)
            QCOMPARE(awaitReply(session.execute({ "GET", "c:" + QByteArray::number(i) })).bytes(), QByteArray::number(i));
        const auto tunnel = ssh::SshTunnel::forProfile(profile, &error);
        QVERIFY(tunnel);
        QVERIFY2(tunnel->openChannelCount() >= 3, qPrintable(QString::number(tunnel->openChannelCount())));
    }

    void sentinelThroughTheTunnel()
    {
        SentinelFixture sentinel;
        QString error;
        SentinelFixture::Options options;
        options.replicas = 1;
        options.sentinels = 2;
        QVERIFY2(sentinel.start(options, &error), qPrintable(error));
        const ConnectionProfile profile = throughTunnel(sentinel.profile());
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        const Reply port = awaitReply(session.execute({ "CONFIG", "GET", "port" }));
        QCOMPARE(port.at(1).bytes().toInt(), int(sentinel.agreedMasterPort()));
        // The sentinels' links (questions and events) and the master's ride on one SSH session.
        const auto tunnel = ssh::SshTunnel::forProfile(profile, &error);
        QVERIFY(tunnel);
        QVERIFY2(tunnel->openChannelCount() >= 3, qPrintable(QString::number(tunnel->openChannelCount())));
    }

    void cleanupTestCase() { ssh::SshTunnel::setDefaultHostKeyHandler({}); }
};

QTEST_GUILESS_MAIN(TestSsh)
#include "tst_ssh.moc"
