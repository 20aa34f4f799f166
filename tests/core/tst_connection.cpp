#include "client/commandclassifier.h"
#include "client/connection.h"
#include "client/session.h"
#include "redisfixture.h"
#include "util/tsan.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

class TestConnection : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

    ConnectionProfile profile() const { return profileFor(*m_server); }

private slots:
    void initTestCase()
    {
        QString error;
        RedisServerProcess::Options options;
        options.unixSocket = true;
        options.extraArguments = {
            QStringLiteral("--user"),
            QStringLiteral("alice"),
            QStringLiteral("on"),
            QStringLiteral(">wonderland"),
            QStringLiteral("~*"),
            QStringLiteral("&*"),
            QStringLiteral("+@all"),
            QStringLiteral("--user"),
            QStringLiteral("reader"),
            QStringLiteral("on"),
            QStringLiteral(">readonly"),
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
    }

    void connectsAndAnswers()
    {
        Connection connection(profile());
        QSignalSpy connected(&connection, &Connection::connected);
        connection.open();
        // Commands issued before the handshake ends wait for it.
        const Reply pong = awaitReply(connection.execute({ "PING" }));
        QCOMPARE(pong, Reply::status("PONG"));
        QCOMPARE(connection.state(), Connection::State::Connected);
        // The state is the link's own (atomic); connected() is posted to the owner's thread and may
        // come a turn of the event loop after the reply (under ThreadSanitizer it did).
        QTRY_COMPARE(connected.size(), 1);
        const Reply name = awaitReply(connection.execute({ "CLIENT", "GETNAME" }));
        QCOMPARE(name.bytes(), QByteArray("vermilion"));
    }

    void pipelines100kInOrder()
    {
        Connection connection(profile());
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Connected));
        awaitReply(connection.execute({ "DEL", "test:counter" }));
        constexpr int count = 100000;
        QList<qint64> values;
        values.reserve(count);
        int errors = 0;
        for (int i = 0; i < count; ++i) {
            connection.execute({ "INCR", "test:counter" }, this, [&values, &errors](const Reply& reply) {
                if (reply.isInteger())
                    values.append(reply.integerValue());
                else
                    ++errors;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(values.size() + errors, count, 60000);
        QCOMPARE(errors, 0);
        for (int i = 0; i < count; ++i) {
            if (values.at(i) != i + 1)
                QFAIL(qPrintable(QStringLiteral("reply %1 was %2").arg(i).arg(values.at(i))));
        }
    }

    void batchKeepsOrder()
    {
        Connection connection(profile());
        connection.open();
        QList<Command> commands;
        for (int i = 0; i < 1000; ++i)
            commands.append({ "ECHO", QByteArray::number(i) });
        const QList<Reply> replies = awaitBatch(connection.executeBatch(commands));
        QCOMPARE(replies.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(replies.at(i).bytes(), QByteArray::number(i));
    }

    void binarySafeRoundTrip()
    {
        Connection connection(profile());
        connection.open();
        QByteArray all;
        for (int b = 0; b < 256; ++b)
            all.append(char(b));
        const QByteArray key("test:\x00\xff\r\n", 9);
        QCOMPARE(awaitReply(connection.execute({ "SET", key, all })), Reply::status("OK"));
        QCOMPARE(awaitReply(connection.execute({ "GET", key })).bytes(), all);
        // A large value crosses many socket reads.
        const QByteArray big(8 * 1024 * 1024, 'x');
        QCOMPARE(awaitReply(connection.execute({ "SET", "test:big", big })), Reply::status("OK"));
        QCOMPARE(awaitReply(connection.execute({ "GET", "test:big" })).bytes().size(), big.size());
    }

    void authWithAclUser()
    {
        ConnectionProfile p = profile();
        p.username = QStringLiteral("alice");
        p.password = QStringLiteral("wonderland");
        Connection connection(p);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "ACL", "WHOAMI" })).bytes(), QByteArray("alice"));
    }

    void authFailureReachesTheUser()
    {
        ConnectionProfile p = profile();
        p.username = QStringLiteral("alice");
        p.password = QStringLiteral("wrong");
        Connection connection(p);
        QSignalSpy states(&connection, &Connection::stateChanged);
        connection.open();
        const Reply reply = awaitReply(connection.execute({ "PING" }));
        QVERIFY(reply.isClientError());
        QVERIFY(waitForState(connection, Connection::State::Failed));
        QVERIFY2(connection.lastError().contains(QLatin1String("WRONGPASS")), qPrintable(connection.lastError()));
        QVERIFY(connection.lastError().contains(QLatin1String("Authentication failed")));
    }

    void noPermissionIsTheServersError()
    {
        ConnectionProfile p = profile();
        p.username = QStringLiteral("reader");
        p.password = QStringLiteral("readonly");
        Connection connection(p);
        connection.open();
        const Reply reply = awaitReply(connection.execute({ "SET", "test:x", "1" }));
        QVERIFY(reply.isError());
        QCOMPARE(reply.errorKind(), Reply::ErrorKind::Server);
        QCOMPARE(reply.errorCode(), QByteArray("NOPERM"));
        QVERIFY2(reply.errorMessage().contains(QLatin1String("set")), qPrintable(reply.errorMessage()));
        QCOMPARE(awaitReply(connection.execute({ "GET", "test:x" })).type(), Reply::Type::Nil);
    }

    void selectsDatabase()
    {
        ConnectionProfile p3 = profile();
        p3.database = 3;
        Connection db3(p3);
        db3.open();
        QCOMPARE(awaitReply(db3.execute({ "SET", "test:in-db3", "yes" })), Reply::status("OK"));
        Connection db0(profile());
        db0.open();
        QCOMPARE(awaitReply(db0.execute({ "EXISTS", "test:in-db3" })).integerValue(), 0);
        QCOMPARE(awaitReply(db3.execute({ "EXISTS", "test:in-db3" })).integerValue(), 1);

        ConnectionProfile bad = profile();
        bad.database = 999;
        Connection wrong(bad);
        wrong.open();
        QVERIFY(waitForState(wrong, Connection::State::Failed));
        QVERIFY2(wrong.lastError().contains(QLatin1String("database 999")), qPrintable(wrong.lastError()));
    }

    void unixSocket()
    {
        ConnectionProfile p = profile();
        p.socketPath = m_server->socketPath();
        QVERIFY(!p.socketPath.isEmpty());
        Connection connection(p);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        const Reply info = awaitReply(connection.execute({ "CLIENT", "INFO" }));
        // Redis marks clients on a Unix socket with the flag U.
        QVERIFY2(info.bytes().contains(" flags=U "), info.bytes().constData());
    }

    void readOnlyRefusesWrites_data()
    {
        QTest::addColumn<Command>("command");
        QTest::addColumn<bool>("refused");
        QTest::addRow("SET") << Command { "SET", "test:ro", "1" } << true;
        QTest::addRow("set lower case") << Command { "set", "test:ro", "1" } << true;
        QTest::addRow("DEL") << Command { "DEL", "test:ro" } << true;
        QTest::addRow("FLUSHALL") << Command { "FLUSHALL" } << true;
        QTest::addRow("EVAL") << Command { "EVAL", "return 1", "0" } << true;
        QTest::addRow("CONFIG SET") << Command { "CONFIG", "SET", "maxmemory", "0" } << true;
        QTest::addRow("CLIENT KILL") << Command { "CLIENT", "KILL", "ID", "999999" } << true;
        QTest::addRow("PUBLISH") << Command { "PUBLISH", "ch", "x" } << true;
        QTest::addRow("unknown command") << Command { "NOSUCHCOMMAND" } << true;
        QTest::addRow("GET") << Command { "GET", "test:ro" } << false;
        QTest::addRow("SCAN") << Command { "SCAN", "0" } << false;
        QTest::addRow("EVAL_RO") << Command { "EVAL_RO", "return 1", "0" } << false;
        QTest::addRow("CONFIG GET") << Command { "CONFIG", "GET", "maxmemory" } << false;
        QTest::addRow("CLIENT LIST") << Command { "CLIENT", "LIST" } << false;
        QTest::addRow("INFO") << Command { "INFO", "server" } << false;
    }

    void readOnlyRefusesWrites()
    {
        QFETCH(Command, command);
        QFETCH(bool, refused);
        ConnectionProfile p = profile();
        p.readOnly = true;
        Connection connection(p);
        connection.open();
        const Reply reply = awaitReply(connection.execute(command));
        if (refused) {
            QCOMPARE(reply.errorKind(), Reply::ErrorKind::ReadOnly);
            QVERIFY2(reply.errorMessage().contains(QLatin1String("read-only")), qPrintable(reply.errorMessage()));
        } else {
            QVERIFY2(reply.errorKind() != Reply::ErrorKind::ReadOnly, qPrintable(reply.errorMessage()));
        }
        // Nothing refused ever reached the server.
        Connection writer(profile());
        writer.open();
        QCOMPARE(awaitReply(writer.execute({ "EXISTS", "test:ro" })).integerValue(), 0);
    }

    void classifierUsesServerFlags()
    {
        Connection connection(profile());
        connection.open();
        CommandClassifier classifier;
        QVERIFY(classifier.load(awaitReply(connection.execute({ "COMMAND" }))));
        QVERIFY(classifier.flags("set").contains("write"));
        QVERIFY(classifier.flags("get").contains("readonly"));
        QVERIFY(classifier.hasSubcommands("config"));
        QCOMPARE(classifier.classify({ "XGROUP", "CREATE", "s", "g", "$" }), CommandClassifier::Verdict::Writes);
        QCOMPARE(classifier.classify({ "OBJECT", "FREQ", "k" }), CommandClassifier::Verdict::ReadOnly);
        QCOMPARE(classifier.classify({}), CommandClassifier::Verdict::Unknown);
    }

    void commandTimeoutOnPausedServer()
    {
        // A server of its own: pausing the shared one would stall the other tests.
        QString error;
        auto server = startServer({}, &error);
        QVERIFY2(server, qPrintable(error));
        ConnectionProfile p = profileFor(*server);
        p.commandTimeoutMs = 300;
        ConnectionTuning tuning;
        tuning.reconnectInitialDelayMs = 50;
        tuning.reconnectMaxDelayMs = 200;
        Connection connection(p, tuning);
        QSignalSpy connected(&connection, &Connection::connected);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Connected));
        server->pause();
        QElapsedTimer clock;
        clock.start();
        const Reply reply = awaitReply(connection.execute({ "PING" }), 5000);
        const qint64 elapsed = clock.elapsed();
        server->resume();
        QCOMPARE(reply.errorKind(), Reply::ErrorKind::Timeout);
        QVERIFY2(reply.errorMessage().contains(QLatin1String("300 ms")), qPrintable(reply.errorMessage()));
        QVERIFY2(elapsed >= 250 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        // The link is rebuilt after a timeout, and works again once the server runs.
        QVERIFY(connection.state() != Connection::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void reconnectsAfterRestart()
    {
        QString error;
        auto server = startServer({}, &error);
        QVERIFY2(server, qPrintable(error));
        ConnectionTuning tuning;
        tuning.reconnectInitialDelayMs = 50;
        tuning.reconnectMaxDelayMs = 400;
        Connection connection(profileFor(*server), tuning);
        QSignalSpy lost(&connection, &Connection::linkLost);
        QSignalSpy connected(&connection, &Connection::connected);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Connected));
        server->kill();
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QVERIFY(lost.first().at(1).toBool()); // reconnecting
        // While it is down, commands fail at once with a clear error instead of hanging.
        const Reply whileDown = awaitReply(connection.execute({ "PING" }), 3000);
        QVERIFY(whileDown.isClientError());
        QVERIFY(whileDown.errorKind() == Reply::ErrorKind::NotConnected);
        QVERIFY2(server->startAndWait(10000, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 10000);
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void firstConnectWaitsOutABusyServer()
    {
        // A server busy with a long script answers BUSY to the handshake: that is not a refusal, so
        // even a first connection tries again until the script ends (a failure here left a tool's
        // link dead for good when it opened while another tool's script ran).
        RedisServerProcess::Options options;
        options.extraArguments = { QStringLiteral("--busy-reply-threshold"), QStringLiteral("100") };
        QString error;
        auto server = startServer(options, &error);
        QVERIFY2(server, qPrintable(error));
        const QString port = QString::number(server->port());
        const auto cli = [&port](const QStringList& args) {
            QProcess process;
            process.start(QStringLiteral("redis-cli"), QStringList { QStringLiteral("-p"), port } + args);
            process.waitForFinished(10000);
            return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        };
        QProcess script;
        script.start(QStringLiteral("redis-cli"),
                     { QStringLiteral("-p"), port, QStringLiteral("EVAL"), QStringLiteral("while true do end"),
                       QStringLiteral("0") });
        QVERIFY(script.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(cli({ QStringLiteral("PING") }).startsWith(QLatin1String("BUSY")), 10000);

        ConnectionTuning tuning;
        tuning.reconnectInitialDelayMs = 50;
        tuning.reconnectMaxDelayMs = 200;
        Connection connection(profileFor(*server), tuning);
        QSignalSpy states(&connection, &Connection::stateChanged);
        connection.open();
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == Connection::State::Reconnecting, 10000);
        QVERIFY2(connection.lastError().contains(QLatin1String("BUSY")), qPrintable(connection.lastError()));
        for (const QList<QVariant>& change : std::as_const(states))
            QVERIFY(change.at(0).value<Connection::State>() != Connection::State::Failed);
        QCOMPARE(cli({ QStringLiteral("SCRIPT"), QStringLiteral("KILL") }), QStringLiteral("OK"));
        QVERIFY(waitForState(connection, Connection::State::Connected));
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        script.waitForFinished(10000);
    }

    void contextsDeletedWhileRepliesArrive()
    {
        // Replies are posted to the context's thread, never to a context another thread may be
        // deleting; a callback whose context is gone never runs.
        Connection connection(profile());
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Connected));
        int afterDeath = 0;
        int delivered = 0;
        for (int round = 0; round < 200; ++round) {
            auto* context = new QObject;
            auto alive = std::make_shared<bool>(true);
            for (int i = 0; i < 200; ++i) {
                connection.execute({ "PING" }, context, [alive, &afterDeath, &delivered](const Reply&) {
                    ++delivered;
                    if (!*alive)
                        ++afterDeath;
                });
            }
            // Some replies come in, then the context goes while the rest are on their way.
            QCoreApplication::processEvents();
            *alive = false;
            delete context;
        }
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        QCoreApplication::processEvents();
        QCOMPARE(afterDeath, 0);
        QVERIFY(delivered < 200 * 200); // some contexts did die with replies on their way
    }

    void inFlightCommandFailsWhenServerDies()
    {
        QString error;
        auto server = startServer({}, &error);
        QVERIFY2(server, qPrintable(error));
        Connection connection(profileFor(*server));
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Connected));
        CommandOptions noTimeout;
        noTimeout.timeoutMs = 0;
        QFuture<Reply> blocked = connection.execute({ "BLPOP", "test:never", "0" }, noTimeout);
        // Wait until the server really holds the command, then kill it.
        Connection observer(profileFor(*server));
        observer.open();
        QTRY_VERIFY_WITH_TIMEOUT(
            awaitReply(observer.execute({ "INFO", "clients" })).bytes().contains("blocked_clients:1"), 5000);
        QElapsedTimer clock;
        clock.start();
        server->kill();
        const Reply reply = awaitReply(blocked, 5000);
        QCOMPARE(reply.errorKind(), Reply::ErrorKind::ConnectionLost);
        QVERIFY2(reply.errorMessage().contains(QLatin1String("not retried")), qPrintable(reply.errorMessage()));
        QVERIFY(clock.elapsed() < 3000);
    }

    void refusedPortIsClear()
    {
        ConnectionProfile p = profile();
        p.port = RedisServerProcess::findFreePort();
        Connection connection(p);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Failed));
        QVERIFY2(connection.lastError().contains(QLatin1String("refused")), qPrintable(connection.lastError()));
    }

    void notARedisServer_data()
    {
        QTest::addColumn<QByteArray>("greeting");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("http server") << QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                                     << QStringLiteral("not a Redis server");
        QTest::addRow("ssh server") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << QStringLiteral("not a Redis server");
        QTest::addRow("silent server") << QByteArray() << QStringLiteral("did not answer like a Redis server");
    }

    void notARedisServer()
    {
        QFETCH(QByteArray, greeting);
        QFETCH(QString, messagePart);
        QTcpServer fake;
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket*> peers;
        connect(&fake, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* peer = fake.nextPendingConnection()) {
                peers.append(peer);
                if (!greeting.isEmpty())
                    peer->write(greeting);
            }
        });
        ConnectionProfile p = profile();
        p.port = fake.serverPort();
        p.connectTimeoutMs = 500;
        Connection connection(p);
        connection.open();
        const Reply reply = awaitReply(connection.execute({ "PING" }), 5000);
        QVERIFY(reply.isClientError());
        QVERIFY(waitForState(connection, Connection::State::Failed, 5000));
        QVERIFY2(connection.lastError().contains(messagePart), qPrintable(connection.lastError()));
        qDeleteAll(peers);
    }

    void closedConnectionRefusesCommands()
    {
        Connection connection(profile());
        const Reply reply = awaitReply(connection.execute({ "PING" }));
        QCOMPARE(reply.errorKind(), Reply::ErrorKind::NotConnected);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Connected));
        connection.close();
        QVERIFY(waitForState(connection, Connection::State::Disconnected));
        QCOMPARE(awaitReply(connection.execute({ "PING" })).errorKind(), Reply::ErrorKind::NotConnected);
    }

    void futureContinuationsRunInContext()
    {
#ifdef VERMILION_UNDER_TSAN
        // then() hands the continuation to the connection's thread under QFutureInterface's own
        // mutex, inside libQt6Core, which ThreadSanitizer cannot see; core code uses the overloads
        // with a context object (execute, executeBatch, selectDatabase), which it can.
        QSKIP("QFuture::then's hand-over is invisible to ThreadSanitizer (Qt is not instrumented)");
#endif
        Connection connection(profile());
        connection.open();
        QThread* seenThread = nullptr;
        Reply seen;
        connection.execute({ "ECHO", "ctx" }).then(this, [&](const Reply& reply) {
            seenThread = QThread::currentThread();
            seen = reply;
        });
        QTRY_VERIFY_WITH_TIMEOUT(seenThread != nullptr, 5000);
        QCOMPARE(seenThread, thread());
        QCOMPARE(seen.bytes(), QByteArray("ctx"));
    }

    void sessionKnowsTheServer()
    {
        Session session(profile());
        QSignalSpy info(&session, &Session::serverInfoChanged);
        QSignalSpy latency(&session, &Session::latencyChanged);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(info.size() >= 1, 5000);
        QVERIFY(
            session.serverInfo().version().startsWith(QLatin1Char('7')) || !session.serverInfo().version().isEmpty());
        QCOMPARE(session.serverInfo().role(), QStringLiteral("master"));
        QTRY_VERIFY_WITH_TIMEOUT(latency.size() >= 1, 5000);
        QVERIFY(session.latencyMs() >= 0);
        const Reply bulk = awaitReply(session.execute({ "CLIENT", "GETNAME" }, Session::Role::Bulk));
        QCOMPARE(bulk.bytes(), QByteArray("vermilion:bulk"));
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
