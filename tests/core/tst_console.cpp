#include "client/connection.h"
#include "client/session.h"
#include "console/commanddocs.h"
#include "console/consolehistory.h"
#include "console/consolesession.h"
#include "redisfixture.h"
#include "util/redistext.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

// The console's core against a real server: its link is its own, it speaks redis-cli, and no secret
// reaches its history.
class TestConsole : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Connection> m_other; // a second client, to see what the server holds

    Reply other(const Command& argv) { return awaitReply(m_other->execute(argv)); }

    // Collects a console's output.
    struct Transcript {
        QList<ConsoleSession::Entry> entries;
        explicit Transcript(ConsoleSession* console)
        {
            QObject::connect(console, &ConsoleSession::output, console,
                [this](const QList<ConsoleSession::Entry>& batch) { entries.append(batch); });
        }
        QStringList texts(ConsoleSession::Entry::Kind kind) const
        {
            QStringList out;
            for (const auto& entry : entries) {
                if (entry.kind == kind)
                    out.append(entry.text);
            }
            return out;
        }
        QStringList replies() const { return texts(ConsoleSession::Entry::Kind::Reply); }
        QString last() const { return entries.isEmpty() ? QString() : entries.last().text; }
    };

    // A session opened on the test server and a console on it, with its transcript.
    struct Opened {
        Session session;
        ConsoleSession console;
        Transcript out;
        explicit Opened(const ConnectionProfile& profile)
            : session(profile)
            , console((session.open(), &session))
            , out(&console)
        {
        }
    };

    ConnectionProfile profile() const
    {
        ConnectionProfile p = profileFor(*m_server);
        p.id = QUuid::createUuid();
        return p;
    }

    // Nothing pending and everything said already in the transcript: pending() alone drops to 0 a
    // turn of the event loop before the batched output() leaves (seen under ThreadSanitizer).
    static bool idle(ConsoleSession& console) { return console.isIdle(); }

private slots:
    void initTestCase()
    {
        QString error;
        RedisServerProcess::Options options;
        options.extraArguments = fullAccessUser(QStringLiteral("alice"), QStringLiteral("wonderland"));
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_other = std::make_unique<Connection>(profileFor(*m_server));
        m_other->open();
        QVERIFY(waitForState(*m_other, Connection::State::Connected));
    }

    void init() { QCOMPARE(other({ "FLUSHALL" }), Reply::status("OK")); }

    void promptAndSelectMoveOnlyTheConsole()
    {
        Opened opened(profile());
        Session& session = opened.session;
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        const QString endpoint = QStringLiteral("127.0.0.1:") + QString::number(m_server->port());
        QCOMPARE(console.prompt(), endpoint + QStringLiteral("> "));
        QVERIFY(console.run(QStringLiteral("SELECT 3")));
        QTRY_COMPARE(console.database(), 3);
        QCOMPARE(console.prompt(), endpoint + QStringLiteral("[3]> "));
        QVERIFY(console.run(QStringLiteral("SET shared:key db3")));
        QTRY_VERIFY(idle(console));
        // The session is still on db 0: the key is not there, and a delete there leaves db 3's.
        QCOMPARE(awaitReply(session.execute({ "EXISTS", "shared:key" })), Reply::integer(0));
        QCOMPARE(other({ "SELECT", "3" }), Reply::status("OK"));
        QCOMPARE(other({ "GET", "shared:key" }), Reply::string("db3"));
        QCOMPARE(other({ "SELECT", "0" }), Reply::status("OK"));
        QVERIFY(out.texts(ConsoleSession::Entry::Kind::Command).contains(endpoint + QStringLiteral("> SELECT 3")));
    }

    void transactionShowsQueuedAndFinalReplies()
    {
        Opened opened(profile());
        Session& session = opened.session;
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QVERIFY(console.run(QStringLiteral("MULTI")));
        QTRY_VERIFY(console.inTransaction());
        QVERIFY(console.prompt().endsWith(QLatin1String("(TX)> ")));
        QVERIFY(console.run(QStringLiteral("INCR counter")));
        QVERIFY(console.run(QStringLiteral("INCR counter")));
        QTRY_VERIFY(idle(console));
        // Other tools are not caught in the transaction.
        QCOMPARE(awaitReply(session.execute({ "GET", "counter" })), Reply::nil());
        QVERIFY(console.run(QStringLiteral("EXEC")));
        QTRY_VERIFY(!console.inTransaction());
        QTRY_VERIFY(idle(console));
        QCOMPARE(out.replies(),
            (QStringList { QStringLiteral("OK"), QStringLiteral("QUEUED"), QStringLiteral("QUEUED"),
                QStringLiteral("1) (integer) 1\n2) (integer) 2") }));
        QCOMPARE(other({ "GET", "counter" }), Reply::string("2"));
        // DISCARD ends one too.
        QVERIFY(console.run(QStringLiteral("MULTI")));
        QVERIFY(console.run(QStringLiteral("DISCARD")));
        QTRY_VERIFY(idle(console));
        QVERIFY(!console.inTransaction());
    }

    void authChangesOnlyTheConsolesUser()
    {
        Opened opened(profile());
        Session& session = opened.session;
        ConsoleSession& console = opened.console;
        QVERIFY(console.run(QStringLiteral("AUTH alice wonderland")));
        QTRY_COMPARE(console.user(), QStringLiteral("alice"));
        QVERIFY(console.prompt().startsWith(QLatin1String("alice@127.0.0.1:")));
        QVERIFY(console.run(QStringLiteral("SET who console")));
        QTRY_VERIFY(idle(console));
        QCOMPARE(awaitReply(session.execute({ "ACL", "WHOAMI" })), Reply::string("default"));
        QCOMPARE(other({ "CLIENT", "LIST" }).bytes().contains("name=vermilion:console"), true);
        const QByteArray clients = other({ "CLIENT", "LIST" }).bytes();
        for (const QByteArray& line : clients.split('\n')) {
            if (line.contains("name=vermilion:console"))
                QVERIFY2(line.contains("user=alice"), line.constData());
            else if (line.contains("name=vermilion "))
                QVERIFY2(line.contains("user=default"), line.constData());
        }
    }

    void refusedBeforeSending_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::addRow("HELLO 3") << "HELLO 3"
                                 << "RESP2";
        QTest::addRow("CLIENT REPLY OFF") << "CLIENT REPLY OFF"
                                          << "never come";
        QTest::addRow("CLIENT REPLY SKIP") << "client reply skip"
                                           << "never come";
        QTest::addRow("repeat 0") << "0 PING"
                                  << "repeat count";
    }

    void refusedBeforeSending()
    {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QVERIFY(!console.run(line));
        QTRY_VERIFY(!out.texts(ConsoleSession::Entry::Kind::Error).isEmpty());
        QVERIFY2(out.texts(ConsoleSession::Entry::Kind::Error).first().contains(reason),
            qPrintable(out.texts(ConsoleSession::Entry::Kind::Error).first()));
        // The link still works, on RESP2.
        QVERIFY(console.run(QStringLiteral("PING")));
        QTRY_COMPARE(out.replies(), QStringList { QStringLiteral("PONG") });
    }

    void helloTwoWorks()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QVERIFY(console.run(QStringLiteral("HELLO 2 AUTH alice wonderland")));
        QTRY_COMPARE(console.user(), QStringLiteral("alice"));
        QTRY_VERIFY(idle(console));
        QVERIFY(out.replies().first().contains(QLatin1String("\"proto\"")));
    }

    void repeatsAndRawOutput()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QVERIFY(console.run(QStringLiteral("3 INCR n")));
        QTRY_COMPARE(out.replies().size(), 3);
        QCOMPARE(out.replies(),
            (QStringList {
                QStringLiteral("(integer) 1"), QStringLiteral("(integer) 2"), QStringLiteral("(integer) 3") }));
        QCOMPARE(other({ "GET", "n" }), Reply::string("3"));
        console.setRawOutput(true);
        QVERIFY(console.run(QStringLiteral("RPUSH l \"a b\" c")));
        QVERIFY(console.run(QStringLiteral("LRANGE l 0 -1")));
        QVERIFY(console.run(QStringLiteral("GET missing")));
        QTRY_COMPARE(out.replies().size(), 6);
        QCOMPARE(out.replies().mid(3), (QStringList { QStringLiteral("2"), QStringLiteral("a b\nc"), QString() }));
    }

    void pastedLinesKeepTheirOrder()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        console.runLines({ QStringLiteral("SET a 1"), QStringLiteral("MULTI"), QStringLiteral("INCR a"),
            QStringLiteral("EXEC"), QStringLiteral("SELECT 2"), QStringLiteral("SET b 2"),
            QStringLiteral("GET \"unbalanced"), QStringLiteral("2 PING"), QStringLiteral("GET a") });
        // A line typed while the paste is on its way runs after it.
        QVERIFY(console.run(QStringLiteral("DBSIZE")));
        QTRY_VERIFY(console.isIdle());
        QStringList texts;
        for (const auto& entry : out.entries)
            texts.append(entry.text.section(QStringLiteral("> "), -1)); // the echo without its prompt
        QCOMPARE(texts,
            (QStringList { QStringLiteral("SET a 1"), QStringLiteral("OK"), QStringLiteral("MULTI"),
                QStringLiteral("OK"), QStringLiteral("INCR a"), QStringLiteral("QUEUED"), QStringLiteral("EXEC"),
                QStringLiteral("1) (integer) 2"), QStringLiteral("SELECT 2"), QStringLiteral("OK"),
                QStringLiteral("SET b 2"), QStringLiteral("OK"), QStringLiteral("GET \"unbalanced"),
                QStringLiteral("Unbalanced quotes in the command line."), QStringLiteral("2 PING"),
                QStringLiteral("PONG"), QStringLiteral("PONG"), QStringLiteral("GET a"), QStringLiteral("(nil)"),
                QStringLiteral("DBSIZE"), QStringLiteral("(integer) 1") }));
        QCOMPARE(console.database(), 2);
        QVERIFY(console.prompt().contains(QLatin1String("[2]> ")));
    }

    void hugeRepliesAreBounded()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QCOMPARE(other({ "SET", "big", QByteArray(1 << 20, 'x') }), Reply::status("OK"));
        QList<QByteArray> push { "RPUSH", "many" };
        for (int i = 0; i < 5000; ++i)
            push.append(QByteArray::number(i));
        QCOMPARE(other(push), Reply::integer(5000));
        QVERIFY(console.run(QStringLiteral("GET big")));
        QVERIFY(console.run(QStringLiteral("LRANGE many 0 -1")));
        QTRY_COMPARE(out.replies().size(), 2);
        QVERIFY(out.replies().at(0).size() < 70 * 1024);
        QVERIFY2(out.replies().at(0).contains(QLatin1String("more bytes not shown")), "the cut is said");
        QVERIFY(out.replies().at(1).contains(QLatin1String("4000 more elements not shown")));
    }

    void subscribeStreamsUntilInterrupted()
    {
        Opened opened(profile());
        Session& session = opened.session;
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QSignalSpy streaming(&console, &ConsoleSession::streamingChanged);
        QVERIFY(console.run(QStringLiteral("SUBSCRIBE news")));
        QVERIFY(console.isStreaming());
        QTRY_VERIFY(out.texts(ConsoleSession::Entry::Kind::Stream)
                        .join(QLatin1Char('\n'))
                        .contains(QLatin1String("\"subscribe\"")));
        QTRY_COMPARE_WITH_TIMEOUT((other({ "PUBLISH", "news", "hello" }),
                                      out.texts(ConsoleSession::Entry::Kind::Stream)
                                          .join(QLatin1Char('\n'))
                                          .contains(QLatin1String("\"hello\""))),
            true, 5000);
        // Other commands wait for Stop; the shared links keep working meanwhile.
        QVERIFY(!console.run(QStringLiteral("GET x")));
        QCOMPARE(awaitReply(session.execute({ "PING" })), Reply::status("PONG"));
        console.interrupt();
        QVERIFY(!console.isStreaming());
        QCOMPARE(streaming.size(), 2);
        QTRY_COMPARE(other({ "PUBSUB", "NUMSUB", "news" }).at(1), Reply::integer(0));
        QVERIFY(console.run(QStringLiteral("PING")));
        QTRY_VERIFY(out.replies().contains(QStringLiteral("PONG")));
    }

    void monitorStreamsAndStops()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QVERIFY(console.run(QStringLiteral("MONITOR")));
        const auto seen = [&out] {
            return out.texts(ConsoleSession::Entry::Kind::Stream)
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("\"SET\" \"watched\" \"1\""));
        };
        const auto transcript = [&out] {
            QStringList lines;
            for (const auto& entry : out.entries)
                lines.append(entry.text.left(200));
            return lines.join(QLatin1Char('\n'));
        };
        QTRY_VERIFY2_WITH_TIMEOUT((other({ "SET", "watched", "1" }), seen()), qPrintable(transcript()), 10000);
        console.interrupt();
        QVERIFY(!console.isStreaming());
        QTRY_VERIFY(!other({ "CLIENT", "LIST" }).bytes().contains("cmd=monitor"));
    }

    void blockingCommandIsInterrupted()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        QVERIFY(console.run(QStringLiteral("BLPOP nothing 0")));
        QTRY_COMPARE(other({ "INFO", "clients" }).bytes().contains("blocked_clients:1"), true);
        QCOMPARE(console.pending(), 1);
        console.interrupt();
        QCOMPARE(console.pending(), 0);
        QTRY_COMPARE(other({ "INFO", "clients" }).bytes().contains("blocked_clients:0"), true);
    }

    void historyKeepsNoSecret_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("kept");
        QTest::addRow("AUTH password") << "AUTH hunter2-secret" << false;
        QTest::addRow("AUTH user password") << "auth default hunter2-secret" << false;
        QTest::addRow("repeated AUTH") << "2 AUTH default hunter2-secret" << false;
        QTest::addRow("HELLO AUTH") << "HELLO 2 AUTH alice hunter2-secret" << false;
        QTest::addRow("HELLO SETNAME AUTH") << "HELLO 2 SETNAME me AUTH alice hunter2-secret" << false;
        QTest::addRow("ACL SETUSER password") << "ACL SETUSER bob on >hunter2-secret ~* +@all" << false;
        QTest::addRow("ACL SETUSER hash") << "acl setuser bob #0123456789abcdef" << false;
        QTest::addRow("CONFIG SET requirepass") << "CONFIG SET requirepass hunter2-secret" << false;
        QTest::addRow("CONFIG SET masterauth") << "config set masterauth hunter2-secret" << false;
        QTest::addRow("CONFIG SET masteruser") << "CONFIG SET masteruser replicator" << false;
        QTest::addRow("CONFIG SET several, one a secret")
            << "CONFIG SET maxmemory 1mb requirepass hunter2-secret" << false;
        QTest::addRow("MIGRATE AUTH") << "MIGRATE 127.0.0.1 6380 k 0 1000 AUTH hunter2-secret" << false;
        QTest::addRow("MIGRATE AUTH2") << "MIGRATE 127.0.0.1 6380 k 0 1000 AUTH2 bob hunter2-secret" << false;
        QTest::addRow("GET") << "GET auth" << true;
        QTest::addRow("CONFIG SET maxmemory") << "CONFIG SET maxmemory 1mb" << true;
        QTest::addRow("CONFIG GET requirepass") << "CONFIG GET requirepass" << true;
        QTest::addRow("ACL LIST") << "ACL LIST" << true;
        QTest::addRow("HELLO 2") << "HELLO 2" << true;
    }

    void historyKeepsNoSecret()
    {
        QFETCH(QString, line);
        QFETCH(bool, kept);
        const QUuid id = QUuid::createUuid();
        {
            ConsoleHistory history(id);
            QList<QByteArray> argv;
            QVERIFY(RedisText::splitArguments(line, &argv));
            QCOMPARE(history.add(line, argv), kept);
            QCOMPARE(history.lines().contains(line), kept);
        }
        QSettings().sync();
        QCOMPARE(ConsoleHistory(id).lines().contains(line), kept);
    }

    void historyIsPerProfileAndLegacyHistoryGoes()
    {
        QSettings().setValue(
            QStringLiteral("console/history"), QStringList { QStringLiteral("AUTH default old-secret") });
        ConnectionProfile first = profile();
        ConnectionProfile second = profile();
        Session one(first);
        Session two(second);
        one.open();
        two.open();
        ConsoleSession a(&one);
        ConsoleSession b(&two);
        QVERIFY(!QSettings().contains(QStringLiteral("console/history")));
        QVERIFY(a.run(QStringLiteral("GET only-in-a")));
        QVERIFY(b.run(QStringLiteral("GET only-in-b")));
        QTRY_VERIFY(idle(a) && idle(b));
        QCOMPARE(ConsoleHistory(first.id).lines(), QStringList { QStringLiteral("GET only-in-a") });
        QCOMPARE(ConsoleHistory(second.id).lines(), QStringList { QStringLiteral("GET only-in-b") });
        QCOMPARE(ConsoleHistory(first.id).searchBackward(QStringLiteral("only"), 1), 0);
        QCOMPARE(ConsoleHistory(first.id).searchBackward(QStringLiteral("nothing"), 1), -1);
    }

    void secretArgumentsStayOutOfTheTranscript()
    {
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        Transcript& out = opened.out;
        QVERIFY(console.run(QStringLiteral("AUTH alice wonderland")));
        QVERIFY(console.run(QStringLiteral("CONFIG SET masteruser hunter2-user")));
        QTRY_VERIFY(idle(console));
        for (const auto& entry : out.entries) {
            QVERIFY2(!entry.text.contains(QLatin1String("wonderland")), qPrintable(entry.text));
            QVERIFY2(!entry.text.contains(QLatin1String("hunter2")), qPrintable(entry.text));
        }
        QVERIFY(
            out.texts(ConsoleSession::Entry::Kind::Command).first().contains(QLatin1String("AUTH (arguments hidden")));
    }

    void docsFromTheServer_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("expected");
        QTest::addRow("command") << QStringList {} << "hge"
                                 << "HGET,HGETALL";
        QTest::addRow("command, upper") << QStringList {} << "ZRANGEBYS"
                                        << "ZRANGEBYSCORE";
        QTest::addRow("subcommand") << QStringList { QStringLiteral("CLIENT") } << "no-"
                                    << "NO-EVICT";
        QTest::addRow("subcommand, lower parent") << QStringList { QStringLiteral("config") } << "res"
                                                  << "RESETSTAT";
        QTest::addRow("no subcommands") << QStringList { QStringLiteral("GET") } << ""
                                        << "";
    }

    void docsFromTheServer()
    {
        QFETCH(QStringList, before);
        QFETCH(QString, prefix);
        QFETCH(QString, expected);
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        QSignalSpy loaded(&console, &ConsoleSession::docsLoaded);
        console.ensureLink();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(console.docs().completions(before, prefix).join(QLatin1Char(',')), expected);
    }

    void hintsAndHelp_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("hint");
        QTest::addRow("SET, nothing typed") << "SET "
                                            << "key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT "
                                               "unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]";
        QTest::addRow("SET, key typed") << "SET k "
                                        << "value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT "
                                           "unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]";
        QTest::addRow("GET, name complete") << "GET"
                                            << "key";
        QTest::addRow("GET while typing the key") << "GET ap"
                                                  << "";
        QTest::addRow("SET while typing the key") << "SET ap"
                                                  << "value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT "
                                                     "unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]";
        QTest::addRow("DEL repeats") << "DEL a b "
                                     << "key [key ...]";
        QTest::addRow("HSET pairs") << "HSET h "
                                    << "field value [field value ...]";
        QTest::addRow("subcommand") << "CLIENT SETNAME "
                                    << "connection-name";
        QTest::addRow("subcommand, repeating") << "CONFIG GET "
                                               << "parameter [parameter ...]";
        QTest::addRow("subcommands offered") << "CLIENT "
                                             << "CACHING | GETNAME | GETREDIR | HELP | ID | INFO | ...";
        QTest::addRow("unknown") << "NOSUCH "
                                 << "";
    }

    void hintsAndHelp()
    {
        QFETCH(QString, typed);
        QFETCH(QString, hint);
        Opened opened(profile());
        ConsoleSession& console = opened.console;
        QSignalSpy loaded(&console, &ConsoleSession::docsLoaded);
        console.ensureLink();
        QVERIFY(loaded.wait(10000));
        QList<QByteArray> argv;
        QVERIFY(RedisText::splitArguments(typed, &argv));
        QCOMPARE(console.docs().hint(argv, typed.endsWith(QLatin1Char(' '))), hint);
        const QString help = console.docs().help(QStringLiteral("set"));
        QVERIFY2(help.contains(QLatin1String("summary: Set the string value of a key")), qPrintable(help));
        QVERIFY(help.contains(QLatin1String("since: 1.0.0")));
        QVERIFY(help.contains(QLatin1String("complexity: O(1)")));
        QVERIFY(help.contains(QLatin1String("group: string")));
    }

    void readOnlyConsoleRefusesWrites()
    {
        ConnectionProfile readOnly = profile();
        readOnly.readOnly = true;
        Session session(readOnly);
        session.open();
        ConsoleSession console(&session);
        Transcript out(&console);
        QVERIFY(console.run(QStringLiteral("SET k v")));
        QVERIFY(console.run(QStringLiteral("GET k")));
        QTRY_COMPARE(out.texts(ConsoleSession::Entry::Kind::Error).size() + out.replies().size(), 2);
        QVERIFY2(out.texts(ConsoleSession::Entry::Kind::Error)
                     .value(0)
                     .contains(QLatin1String("read-only"), Qt::CaseInsensitive),
            qPrintable(out.texts(ConsoleSession::Entry::Kind::Error).value(0)));
        QCOMPARE(out.replies(), QStringList { QStringLiteral("(nil)") });
        QCOMPARE(other({ "EXISTS", "k" }), Reply::integer(0));
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
