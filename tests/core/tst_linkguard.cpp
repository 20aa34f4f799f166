#include "client/connection.h"
#include "client/linkstateguard.h"
#include "client/session.h"
#include "redisfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

// The session's links are shared by every tool: a command that changes a link's own state must never
// reach them. Each row is typed exactly as a user would type it into a tool.
class TestLinkGuard : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Connection> m_observer; // a plain link of the test's own, to look at the server

    Reply observe(const Command& argv) { return awaitReply(m_observer->execute(argv)); }

    // The session's links as the server sees them: name -> "db=.. multi=.. sub=.. psub=.. ssub=.. resp=.. user=.."
    QMap<QByteArray, QByteArray> sessionLinks()
    {
        QMap<QByteArray, QByteArray> links;
        const QList<QByteArray> lines = observe({ "CLIENT", "LIST" }).bytes().split('\n');
        for (const QByteArray& line : lines) {
            QMap<QByteArray, QByteArray> fields;
            for (const QByteArray& field : line.trimmed().split(' ')) {
                const qsizetype equals = field.indexOf('=');
                if (equals > 0)
                    fields.insert(field.left(equals), field.mid(equals + 1));
            }
            const QByteArray name = fields.value("name");
            if (!name.startsWith("vermilion"))
                continue;
            links.insert(name, "db=" + fields.value("db") + " multi=" + fields.value("multi") + " sub="
                    + fields.value("sub") + " psub=" + fields.value("psub") + " ssub=" + fields.value("ssub")
                    + " resp=" + fields.value("resp") + " user=" + fields.value("user")
                    + " flags=" + fields.value("flags"));
        }
        return links;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        ConnectionTuning tuning;
        tuning.clientName = "observer";
        m_observer = std::make_unique<Connection>(profileFor(*m_server), tuning);
        m_observer->open();
        QVERIFY(waitForState(*m_observer, Connection::State::Connected));
    }

    void sharedLinksRefuseStateChanges_data()
    {
        QTest::addColumn<Command>("command");
        QTest::addColumn<QString>("named");
        QTest::addRow("SELECT") << Command { "SELECT", "3" } << "SELECT";
        QTest::addRow("select, lower case") << Command { "select", "1" } << "SELECT";
        QTest::addRow("MULTI") << Command { "MULTI" } << "MULTI";
        QTest::addRow("EXEC") << Command { "EXEC" } << "EXEC";
        QTest::addRow("DISCARD") << Command { "DISCARD" } << "DISCARD";
        QTest::addRow("WATCH") << Command { "WATCH", "shared:key" } << "WATCH";
        QTest::addRow("UNWATCH") << Command { "UNWATCH" } << "UNWATCH";
        QTest::addRow("SUBSCRIBE") << Command { "SUBSCRIBE", "news" } << "SUBSCRIBE";
        QTest::addRow("PSUBSCRIBE") << Command { "PSUBSCRIBE", "news.*" } << "PSUBSCRIBE";
        QTest::addRow("SSUBSCRIBE") << Command { "SSUBSCRIBE", "news" } << "SSUBSCRIBE";
        QTest::addRow("UNSUBSCRIBE") << Command { "UNSUBSCRIBE" } << "UNSUBSCRIBE";
        QTest::addRow("PUNSUBSCRIBE") << Command { "PUNSUBSCRIBE" } << "PUNSUBSCRIBE";
        QTest::addRow("SUNSUBSCRIBE") << Command { "SUNSUBSCRIBE" } << "SUNSUBSCRIBE";
        QTest::addRow("MONITOR") << Command { "MONITOR" } << "MONITOR";
        QTest::addRow("HELLO 3") << Command { "HELLO", "3" } << "HELLO";
        QTest::addRow("HELLO with AUTH") << Command { "HELLO", "2", "AUTH", "default", "nopass" } << "HELLO";
        QTest::addRow("RESET") << Command { "RESET" } << "RESET";
        QTest::addRow("QUIT") << Command { "QUIT" } << "QUIT";
        QTest::addRow("AUTH") << Command { "AUTH", "default", "hunter2-secret" } << "AUTH";
        QTest::addRow("CLIENT REPLY OFF") << Command { "CLIENT", "REPLY", "OFF" } << "CLIENT REPLY";
        QTest::addRow("CLIENT REPLY SKIP") << Command { "CLIENT", "REPLY", "SKIP" } << "CLIENT REPLY";
        QTest::addRow("CLIENT TRACKING") << Command { "CLIENT", "TRACKING", "ON" } << "CLIENT TRACKING";
        QTest::addRow("CLIENT CACHING") << Command { "CLIENT", "CACHING", "YES" } << "CLIENT CACHING";
        QTest::addRow("CLIENT SETNAME") << Command { "client", "setname", "mine" } << "CLIENT SETNAME";
        QTest::addRow("CLIENT NO-EVICT") << Command { "CLIENT", "NO-EVICT", "ON" } << "CLIENT NO-EVICT";
        QTest::addRow("READONLY") << Command { "READONLY" } << "READONLY";
        QTest::addRow("READWRITE") << Command { "READWRITE" } << "READWRITE";
    }

    void sharedLinksRefuseStateChanges()
    {
        QFETCH(Command, command);
        QFETCH(QString, named);
        QCOMPARE(observe({ "CONFIG", "RESETSTAT" }), Reply::status("OK"));
        Session session(profileFor(*m_server));
        session.open();
        // Every role, one command at a time and inside a batch.
        for (Session::Role role : { Session::Role::Interactive, Session::Role::Bulk, Session::Role::Dashboard }) {
            const Reply reply = awaitReply(session.execute(command, role));
            QCOMPARE(reply.errorKind(), Reply::ErrorKind::SharedLink);
            QVERIFY2(reply.errorMessage().startsWith(named + QStringLiteral(" was not sent")),
                     qPrintable(reply.errorMessage()));
            const QList<Reply> batch = awaitBatch(session.executeBatch({ { "PING" }, command, { "PING" } }, role));
            QCOMPARE(batch.size(), 3);
            QCOMPARE(batch.at(0), Reply::status("PONG"));
            QCOMPARE(batch.at(1).errorKind(), Reply::ErrorKind::SharedLink);
            QCOMPARE(batch.at(2), Reply::status("PONG"));
        }
        // Nothing reached the server, and every link is as it was: db 0, no transaction, no
        // subscription, RESP2, the profile's user, a normal client.
        QByteArray stat = "cmdstat_" + command.first().toLower();
        if (named.startsWith(QLatin1String("CLIENT ")))
            stat += '|' + command.at(1).toLower();
        const QByteArray stats = observe({ "INFO", "commandstats" }).bytes();
        const qsizetype at = stats.indexOf(QByteArray(stat + ":calls="));
        const qint64 calls = at < 0 ? 0 : stats.mid(at + stat.size() + 7).split(',').first().toLongLong();
        // The session's own handshake names its three links; nothing else may have been sent.
        QCOMPARE(calls, named == QLatin1String("CLIENT SETNAME") ? 3 : 0);
        const auto links = sessionLinks();
        QCOMPARE(links.keys(), (QList<QByteArray> { "vermilion", "vermilion:bulk", "vermilion:dashboard" }));
        for (const QByteArray& state : links)
            QCOMPARE(state, QByteArray("db=0 multi=-1 sub=0 psub=0 ssub=0 resp=2 user=default flags=N"));
    }

    void otherCommandsPass_data()
    {
        QTest::addColumn<Command>("command");
        QTest::addRow("CLIENT LIST") << Command { "CLIENT", "LIST" };
        QTest::addRow("CLIENT GETNAME") << Command { "CLIENT", "GETNAME" };
        QTest::addRow("CLIENT INFO") << Command { "CLIENT", "INFO" };
        QTest::addRow("a key named like a command") << Command { "GET", "MULTI" };
        QTest::addRow("SCRIPT EXISTS") << Command { "SCRIPT", "EXISTS", "0000000000000000000000000000000000000000" };
        QTest::addRow("unknown command: the server's own error") << Command { "SELECTALL" };
    }

    void otherCommandsPass()
    {
        QFETCH(Command, command);
        Session session(profileFor(*m_server));
        session.open();
        const Reply reply = awaitReply(session.execute(command));
        QVERIFY2(reply.errorKind() != Reply::ErrorKind::SharedLink, qPrintable(reply.errorMessage()));
        QVERIFY2(!reply.isClientError(), qPrintable(reply.errorMessage()));
    }

    void databaseSelectorMovesTheWholeSession()
    {
        Session session(profileFor(*m_server));
        session.open();
        QSignalSpy changed(&session, &Session::databaseChanged);
        QVERIFY(awaitReply(session.execute({ "PING" })) == Reply::status("PONG"));
        QVERIFY(awaitReply(session.execute({ "PING" }, Session::Role::Bulk)) == Reply::status("PONG"));
        Reply selected;
        session.selectDatabase(4, this, [&selected](const Reply& reply) { selected = reply; });
        QVERIFY(changed.wait(10000));
        QCOMPARE(selected, Reply::status("OK"));
        QTRY_COMPARE_WITH_TIMEOUT(sessionLinks().value("vermilion").left(4), QByteArray("db=4"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sessionLinks().value("vermilion:bulk").left(4), QByteArray("db=4"), 5000);
    }

    void ownLinkKeepsItsStateToItself()
    {
        Session session(profileFor(*m_server));
        session.open();
        QCOMPARE(observe({ "SET", "shared:key", "db0" }), Reply::status("OK"));
        std::unique_ptr<Connection> own = session.createOwnLink("vermilion:console");
        own->open();
        QCOMPARE(awaitReply(own->selectDatabase(3)), Reply::status("OK"));
        QCOMPARE(awaitReply(own->execute({ "SET", "shared:key", "db3" })), Reply::status("OK"));
        QCOMPARE(awaitReply(own->execute({ "MULTI" })), Reply::status("OK"));
        QCOMPARE(awaitReply(own->execute({ "GET", "shared:key" })), Reply::status("QUEUED"));
        // The shared links are untouched: db 0, no transaction.
        QCOMPARE(awaitReply(session.execute({ "GET", "shared:key" })), Reply::string("db0"));
        QCOMPARE(awaitReply(session.execute({ "DEL", "shared:key" })), Reply::integer(1));
        const QList<Reply> exec = awaitReply(own->execute({ "EXEC" })).elements();
        QCOMPARE(exec.size(), 1);
        QCOMPARE(exec.at(0), Reply::string("db3"));
        QCOMPARE(sessionLinks().value("vermilion:console").left(13), QByteArray("db=3 multi=-1"));
        QCOMPARE(sessionLinks().value("vermilion").left(4), QByteArray("db=0"));
    }

    void guardMessageNamesTheWayOut()
    {
        QVERIFY(LinkStateGuard::refusal({ "GET", "k" }).isEmpty());
        QVERIFY(LinkStateGuard::refusal({ "CLIENT" }).isEmpty());
        QVERIFY(LinkStateGuard::refusal({}).isEmpty());
        QVERIFY(LinkStateGuard::refusal({ "SELECT", "1" }).contains(QLatin1String("database selector")));
        QVERIFY(LinkStateGuard::refusal({ "SUBSCRIBE", "c" }).contains(QLatin1String("Pub/Sub pane")));
        QVERIFY(LinkStateGuard::refusal({ "MONITOR" }).contains(QLatin1String("Monitor tab")));
        QVERIFY(LinkStateGuard::refusal({ "MULTI" }).contains(QLatin1String("Console")));
    }
};

QTEST_GUILESS_MAIN(TestLinkGuard)
#include "tst_linkguard.moc"
