#include "client/connection.h"
#include "client/replyreader.h"
#include "client/session.h"
#include "pubsub/channeldiscoverymodel.h"
#include "pubsub/demopublisher.h"
#include "pubsub/globmatch.h"
#include "pubsub/handlerrulemodel.h"
#include "pubsub/keyspacenotifications.h"
#include "pubsub/messagemodel.h"
#include "pubsub/pubsubpane.h"
#include "pubsub/subscriber.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

using namespace vermilion;
using namespace vermilion::test;

namespace {
// Patterns and channels whose matching is checked against the server's own PSUBSCRIBE.
const QList<QByteArray>& globPatterns()
{
    static const QList<QByteArray> patterns {
        "*", "**", "h?llo", "h*llo", "h[ae]llo", "h[^e]llo", "h[a-b]llo", "h[b-a]llo", "h\\*llo", "h\\?llo",
        "\\[x]", "[\\]]", "a*b*c", "[a-", "[", "[^", "x\\", "[\\x]", "ab[", "*[0-9]", "caf\xc3\xa9*", "\xff*",
        "[\x80-\xff]", "[a-\xff]", "*.*", "news.*", "__keyspace@0__:*", "[]]", "[^]]x", "h[a-c-e]llo", "?",
        "*?*", "[!a]", "a\\", "\\a",
    };
    return patterns;
}
const QList<QByteArray>& globChannels()
{
    static const QList<QByteArray> channels {
        "hello", "hallo", "hxllo", "h*llo", "h?llo", "hllo", "heeello", "[x]", "x]", "]", "abc", "aXbYc", "ac",
        "a-", "[", "x\\", "x", "caf\xc3\xa9 au lait", "\xff\x01", "\x80", "a", "news.art", "9", "abc9",
        "__keyspace@0__:k", "]x", "^x", "-", "hdllo", "!", "\\", "a\\", "ab[", "[^",
    };
    return channels;
}
} // namespace

class TestPubSub : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Connection> m_publisher;
    QSet<QPair<QByteArray, QByteArray>> m_serverMatches; // (pattern, channel) the server delivered
    bool m_globCollected = false;

    void publish(const QByteArray& channel, const QByteArray& payload)
    {
        const Reply reply = awaitReply(m_publisher->execute({ "PUBLISH", channel, payload }));
        QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
    }

    static bool waitConfirmed(PubSubPane& pane, int count)
    {
        int confirmed = 0;
        const auto countConfirmed = [&] {
            confirmed = 0;
            for (const bool on : pane.channelStates())
                confirmed += on;
            for (const bool on : pane.patternStates())
                confirmed += on;
            return confirmed >= count;
        };
        QElapsedTimer clock;
        clock.start();
        while (!countConfirmed() && clock.elapsed() < 10000) {
            QSignalSpy spy(&pane, &PubSubPane::subscriptionsChanged);
            spy.wait(200);
        }
        return countConfirmed();
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_publisher = std::make_unique<Connection>(profileFor(*m_server));
        m_publisher->open();
        QVERIFY(waitForState(*m_publisher, Connection::State::Connected));
    }

    void globMatchesServer_data()
    {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("channel");
        for (const QByteArray& pattern : globPatterns()) {
            for (const QByteArray& channel : globChannels())
                QTest::addRow("%s ~ %s", pattern.toPercentEncoding().constData(),
                    channel.toPercentEncoding().constData())
                    << pattern << channel;
        }
    }

    void globMatchesServer()
    {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, channel);
        if (!m_globCollected) {
            // Once: PSUBSCRIBE every pattern, PUBLISH on every channel, and note what came back.
            Subscriber subscriber(profileFor(*m_server));
            QList<PubSubMessage> received;
            connect(&subscriber, &Subscriber::messagesReceived, this,
                [&](const PubSubBatch& batch) { received.append(batch.messages); });
            subscriber.psubscribe(globPatterns());
            subscriber.subscribe({ "glob:end" });
            subscriber.start();
            const auto confirmations = [&] {
                return std::count_if(received.cbegin(), received.cend(),
                    [](const PubSubMessage& m) { return m.isConfirmation(); });
            };
            QTRY_COMPARE_WITH_TIMEOUT(confirmations(), globPatterns().size() + 1, 10000);
            for (const QByteArray& each : globChannels())
                publish(each, "x");
            publish("glob:end", "end");
            QTRY_VERIFY_WITH_TIMEOUT(std::any_of(received.cbegin(), received.cend(),
                                         [](const PubSubMessage& m) { return m.channel == "glob:end" && m.isMessage(); }),
                10000);
            for (const PubSubMessage& message : std::as_const(received)) {
                if (message.kind == PubSubMessage::Kind::PatternMessage)
                    m_serverMatches.insert({ message.pattern, message.channel });
            }
            QVERIFY(m_serverMatches.size() > 50); // the check below must be able to fail
            m_globCollected = true;
        }
        const bool server = m_serverMatches.contains({ pattern, channel });
        QCOMPARE(Glob::matches(pattern, channel), server);
    }

    void subscribesAndReceives()
    {
        Subscriber subscriber(profileFor(*m_server));
        QList<PubSubMessage> received;
        connect(&subscriber, &Subscriber::messagesReceived, this,
            [&](const PubSubBatch& batch) { received.append(batch.messages); });
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), Connection::State::Connected, 10000);
        subscriber.subscribe({ "one" });
        subscriber.psubscribe({ "two.*" });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(received.at(0).kind, PubSubMessage::Kind::Subscribed);
        QCOMPARE(received.at(0).channel, QByteArray("one"));
        QCOMPARE(received.at(0).count, 1);
        QCOMPARE(received.at(1).kind, PubSubMessage::Kind::PatternSubscribed);
        QCOMPARE(received.at(1).count, 2);
        publish("one", allBytes());
        publish("two.b", "hello");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 4, 10000);
        QCOMPARE(received.at(2).kind, PubSubMessage::Kind::Message);
        QCOMPARE(received.at(2).payload, allBytes());
        QCOMPARE(received.at(3).kind, PubSubMessage::Kind::PatternMessage);
        QCOMPARE(received.at(3).pattern, QByteArray("two.*"));
        QCOMPARE(received.at(3).channel, QByteArray("two.b"));
        QVERIFY(received.at(3).timestampMs > 0);
        // Removed while running: confirmed, and no more messages from it.
        subscriber.unsubscribe({ "one" });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 5, 10000);
        QCOMPARE(received.at(4).kind, PubSubMessage::Kind::Unsubscribed);
        QCOMPARE(received.at(4).count, 1);
        publish("one", "gone");
        publish("two.c", "still");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 6, 10000);
        QCOMPARE(received.at(5).channel, QByteArray("two.c"));
        QCOMPARE(subscriber.channels(), QList<QByteArray>());
        QCOMPARE(subscriber.patterns(), QList<QByteArray>({ "two.*" }));
    }

    void splitAndLargeMessagesArriveIntact()
    {
        // Thousands of messages in one go cross many socket reads: the fast path must carry cut-off
        // messages over and hand confirmations (and pmessages) over in order.
        Subscriber subscriber(profileFor(*m_server));
        QList<PubSubMessage> received;
        connect(&subscriber, &Subscriber::messagesReceived, this,
            [&](const PubSubBatch& batch) { received.append(batch.messages); });
        subscriber.subscribe({ "split" });
        subscriber.psubscribe({ "spl*" });
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QByteArray big;
        while (big.size() < 700 * 1024)
            big += allBytes();
        QList<Command> commands;
        QList<QByteArray> payloads;
        for (int i = 0; i < 3000; ++i) {
            const QByteArray payload = i % 1000 == 500 ? QByteArray(big + QByteArray::number(i)) : QByteArray("p" + QByteArray::number(i) + "\r\n*3\r\n");
            payloads.append(payload);
            commands.append(Command { "PUBLISH", "split", payload });
        }
        awaitBatch(m_publisher->executeBatch(commands));
        // Each publish reaches the subscriber twice: by name and by pattern.
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2 + 6000, 20000);
        for (int i = 0; i < 3000; ++i) {
            const PubSubMessage& byName = received.at(2 + 2 * i);
            const PubSubMessage& byPattern = received.at(3 + 2 * i);
            QCOMPARE(byName.kind, PubSubMessage::Kind::Message);
            QCOMPARE(byName.payload, payloads.at(i));
            QCOMPARE(byPattern.kind, PubSubMessage::Kind::PatternMessage);
            QCOMPARE(byPattern.pattern, QByteArray("spl*"));
            QCOMPARE(byPattern.channel, QByteArray("split"));
            QCOMPARE(byPattern.payload, payloads.at(i));
        }
        // A confirmation in the middle of the stream still arrives, in its place.
        subscriber.unsubscribe({ "split" });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2 + 6000 + 1, 10000);
        QCOMPARE(received.at(6002).kind, PubSubMessage::Kind::Unsubscribed);
        publish("split", "last");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2 + 6000 + 2, 10000);
        QCOMPARE(received.at(6003).kind, PubSubMessage::Kind::PatternMessage);
        QCOMPARE(received.at(6003).payload, QByteArray("last"));
    }

    void dispatchOrder_data()
    {
        QTest::addColumn<QByteArray>("channel");
        QTest::addColumn<QByteArray>("expectedRule");
        QTest::addColumn<int>("expectedCount"); // messages the publish delivers to this subscriber
        // news.art is subscribed by name and matched by news.* too: two deliveries, two rules.
        QTest::addRow("pattern rule, then channel rule") << QByteArray("news.art") << QByteArray("news.*|news.art") << 2;
        QTest::addRow("pattern only") << QByteArray("news.tech") << QByteArray("news.*") << 1;
        QTest::addRow("channel without a rule falls to a glob rule") << QByteArray("metrics.cpu")
                                                                    << QByteArray("metrics.*") << 1;
        QTest::addRow("nothing else: star") << QByteArray("other") << QByteArray("*") << 1;
    }

    void dispatchOrder()
    {
        QFETCH(QByteArray, channel);
        QFETCH(QByteArray, expectedRule);
        QFETCH(int, expectedCount);
        PubSubPane pane(profileFor(*m_server));
        QAbstractItemModelTester rulesTester(pane.rules());
        QAbstractItemModelTester messagesTester(pane.messages());
        HandlerRule star;
        star.key = "*";
        HandlerRule news;
        news.key = "news.*";
        news.colour = QStringLiteral("#aa0000");
        HandlerRule art;
        art.key = "news.art";
        art.colour = QStringLiteral("#00aa00");
        HandlerRule metrics;
        metrics.key = "metrics.*";
        // The star first: dispatch order does not depend on table order for exact keys.
        pane.rules()->setRules({ star, news, art, metrics });
        pane.subscribe("news.art");
        pane.subscribe("other");
        pane.subscribe("metrics.cpu");
        pane.psubscribe("news.*");
        pane.subscriber()->start();
        QVERIFY(waitConfirmed(pane, 4));
        publish(channel, "payload");
        QTRY_COMPARE_WITH_TIMEOUT(pane.receivedMessages(), expectedCount, 10000);
        QStringList rules;
        for (const QByteArray& key : expectedRule.split('|')) {
            const int row = pane.rules()->findRule(key);
            QVERIFY(row >= 0);
            QCOMPARE(pane.rules()->messages(row), 1);
            rules.append(QString::fromUtf8(key));
        }
        qint64 total = 0;
        for (int row = 0; row < pane.rules()->rowCount(); ++row)
            total += pane.rules()->messages(row);
        QCOMPARE(total, expectedCount);
        // The colour of the pattern rule rides with the pmessage row.
        if (expectedRule.startsWith("news.*")) {
            bool found = false;
            for (int row = 0; row < pane.messages()->rowCount(); ++row) {
                const QModelIndex index = pane.messages()->index(row, 0);
                if (index.data(MessageModel::KindRole).toInt() == int(PubSubMessage::Kind::PatternMessage)) {
                    QCOMPARE(index.data(MessageModel::ColourRole).toString(), QStringLiteral("#aa0000"));
                    found = true;
                }
            }
            QVERIFY(found);
        }
    }

    void ruleEditsWhileMessagesFlow()
    {
        PubSubPane pane(profileFor(*m_server));
        QAbstractItemModelTester rulesTester(pane.rules());
        QAbstractItemModelTester messagesTester(pane.messages());
        HandlerRule rule;
        rule.key = "flow";
        pane.rules()->addRule(rule);
        pane.subscribe("flow");
        pane.subscriber()->start();
        QVERIFY(waitConfirmed(pane, 1));
        // A steady stream from the connection's thread while the rule changes under it.
        std::atomic<bool> stop { false };
        std::atomic<bool> stopped { false };
        std::atomic<int> sent { 0 };
        std::function<void()> next;
        next = [&] {
            if (stop.load()) {
                stopped.store(true);
                return;
            }
            const int n = ++sent;
            m_publisher->executeDirect({ "PUBLISH", "flow", "m" + QByteArray::number(n) }, [&](Reply&&) { next(); });
        };
        next();
        QTRY_VERIFY_WITH_TIMEOUT(pane.receivedMessages() > 200, 10000);
        const int row = pane.rules()->findRule("flow");
        // Hide: counted, not shown.
        QVERIFY(pane.rules()->setData(pane.rules()->index(row, HandlerRuleModel::ShowColumn), Qt::Unchecked,
            Qt::CheckStateRole));
        const int shownBefore = pane.messages()->rowCount();
        const qint64 countedBefore = pane.rules()->messages(row);
        QTRY_VERIFY_WITH_TIMEOUT(pane.rules()->messages(row) > countedBefore + 200, 10000);
        QCOMPARE(pane.messages()->rowCount(), shownBefore);
        // Shown again with a colour: new rows carry it.
        QVERIFY(pane.rules()->setData(pane.rules()->index(row, HandlerRuleModel::ShowColumn), Qt::Checked,
            Qt::CheckStateRole));
        QVERIFY(pane.rules()->setData(pane.rules()->index(row, HandlerRuleModel::ColourColumn), QStringLiteral("#123456")));
        QTRY_VERIFY_WITH_TIMEOUT(pane.messages()->rowCount() > shownBefore + 100, 10000);
        stop.store(true);
        QTRY_VERIFY_WITH_TIMEOUT(stopped.load(), 10000);
        pane.subscriber()->deliverNow();
        const QModelIndex last = pane.messages()->index(pane.messages()->rowCount() - 1, 0);
        QCOMPARE(last.data(MessageModel::ColourRole).toString(), QStringLiteral("#123456"));
        // Renaming the key: the messages fall to no rule (shown with no colour) and the counter stops.
        QVERIFY(pane.rules()->setData(pane.rules()->index(row, HandlerRuleModel::KeyColumn), QStringLiteral("flow2")));
        QCOMPARE(pane.rules()->rule(row).key, QByteArray("flow2"));
    }

    void ringOverflowIsCounted()
    {
        PubSubPane pane(profileFor(*m_server));
        QAbstractItemModelTester tester(pane.messages());
        pane.messages()->setCapacity(100);
        pane.subscribe("ring");
        pane.subscriber()->start();
        QVERIFY(waitConfirmed(pane, 1));
        QList<Command> commands;
        for (int i = 0; i < 1000; ++i)
            commands.append({ "PUBLISH", "ring", QByteArray::number(i) });
        awaitBatch(m_publisher->executeBatch(commands));
        QTRY_COMPARE_WITH_TIMEOUT(pane.receivedMessages(), 1000, 10000);
        QCOMPARE(pane.messages()->rowCount(), 100);
        // 1001 rows arrived (the confirmation and 1000 messages): 901 fell out of the ring.
        QCOMPARE(pane.messages()->dropped(), 901);
        QCOMPARE(pane.droppedMessages(), 901);
        QCOMPARE(pane.messages()->index(99, MessageModel::PayloadColumn).data().toString(), QStringLiteral("999"));
        QCOMPARE(pane.messages()->index(0, MessageModel::PayloadColumn).data().toString(), QStringLiteral("900"));

        // Paused: the view is frozen while messages keep being received and counted.
        pane.messages()->setPaused(true);
        commands.clear();
        for (int i = 0; i < 50; ++i)
            commands.append({ "PUBLISH", "ring", "p" + QByteArray::number(i) });
        awaitBatch(m_publisher->executeBatch(commands));
        QTRY_COMPARE_WITH_TIMEOUT(pane.receivedMessages(), 1050, 10000);
        QCOMPARE(pane.messages()->index(99, MessageModel::PayloadColumn).data().toString(), QStringLiteral("999"));
        QCOMPARE(pane.messages()->held(), 50);
        pane.messages()->setPaused(false);
        QCOMPARE(pane.messages()->index(99, MessageModel::PayloadColumn).data().toString(), QStringLiteral("p49"));
        QCOMPARE(pane.messages()->dropped(), 951);

        // Search keeps working on the ring, and clear empties it.
        pane.messages()->setSearchText(QStringLiteral("p4"));
        QCOMPARE(pane.messages()->rowCount(), 11); // p4, p40..p49
        pane.messages()->setSearchText(QString());
        QCOMPARE(pane.messages()->rowCount(), 100);
        pane.messages()->clear();
        QCOMPARE(pane.messages()->rowCount(), 0);
        QCOMPARE(pane.messages()->dropped(), 0);
    }

    void handOverBufferDropsOldest()
    {
        Subscriber subscriber(profileFor(*m_server));
        subscriber.setDeliveryInterval(60000); // nothing handed over until asked
        subscriber.setPendingLimit(10);
        QList<PubSubBatch> batches;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& b) { batches.append(b); });
        subscriber.subscribe({ "buffer" });
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), Connection::State::Connected, 10000);
        // The confirmation must be in before the flood, or it could be dropped too.
        QTRY_VERIFY_WITH_TIMEOUT((subscriber.deliverNow(), !batches.isEmpty()), 10000);
        QList<Command> commands;
        for (int i = 0; i < 100; ++i)
            commands.append({ "PUBLISH", "buffer", QByteArray::number(i) });
        awaitBatch(m_publisher->executeBatch(commands));
        // Everything PUBLISH counted was read by the subscriber's thread; collect until 100 are accounted.
        qint64 accounted = 0;
        QList<PubSubMessage> kept;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            subscriber.deliverNow();
            accounted = 0;
            kept.clear();
            for (qsizetype i = 1; i < batches.size(); ++i) {
                accounted += batches.at(i).dropped + batches.at(i).messages.size();
                kept.append(batches.at(i).messages);
            }
            return accounted == 100;
        }()),
            10000);
        QVERIFY(!kept.isEmpty());
        QCOMPARE(kept.last().payload, QByteArray("99"));
    }

    void readsAheadOfTheServerOutputBuffer()
    {
        // The connection's thread only moves bytes from the socket to a queue, whatever the decoder
        // and the consumer do: with nobody collecting and a decoder allowed a small backlog, a
        // burst far bigger than the server's output buffer limit for pub/sub clients never gets us
        // cut off. The oldest messages are dropped and counted instead, never the connection.
        const Reply limit = awaitReply(m_publisher->execute({ "CONFIG", "SET", "client-output-buffer-limit", "pubsub 2mb 0 0" }));
        QVERIFY2(!limit.isError(), qPrintable(limit.errorMessage()));
        const auto restore = qScopeGuard([this] {
            awaitReply(m_publisher->execute({ "CONFIG", "SET", "client-output-buffer-limit", "pubsub 32mb 8mb 60" }));
        });
        Subscriber subscriber(profileFor(*m_server));
        subscriber.setDeliveryInterval(60000); // the consumer never collects on its own
        subscriber.setPendingLimit(64);
        subscriber.setBacklogLimit(2 * 1024 * 1024);
        QList<PubSubBatch> batches;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& b) { batches.append(b); });
        QSignalSpy states(&subscriber, &Subscriber::stateChanged);
        subscriber.subscribe({ "burst" });
        subscriber.start();
        QTRY_VERIFY_WITH_TIMEOUT((subscriber.deliverNow(), !batches.isEmpty()), 10000);
        QVERIFY(!batches.first().messages.isEmpty());
        QCOMPARE(batches.first().messages.first().kind, PubSubMessage::Kind::Subscribed);
        const int statesBefore = states.size();

        // 300,000 small messages (about 36 MB, 18 times the server's limit) written to the server
        // as fast as it takes them, as redis-cli --pipe does: the firehose whose per-message cost
        // used to make the reading thread fall behind.
        constexpr int count = 300000;
        const QByteArray payload(80, 'b');
        QByteArray stream;
        for (int i = 0; i < count; ++i)
            RespEncoder::append(stream, { "PUBLISH", "burst", QByteArray(QByteArray::number(i) + ':' + payload) });
        const ConnectionProfile profile = profileFor(*m_server);
        int delivered = 0; // PUBLISH replies that counted our subscriber
        int answered = 0;
        QString pipeError;
        std::atomic<bool> pipeDone { false };
        std::thread pipe([&] {
            const auto done = qScopeGuard([&] { pipeDone.store(true); });
            QTcpSocket socket;
            socket.connectToHost(profile.host, quint16(profile.port));
            if (!socket.waitForConnected(10000)) {
                pipeError = socket.errorString();
                return;
            }
            socket.write(stream);
            QByteArray replies;
            while (answered < count && (socket.bytesAvailable() > 0 || socket.waitForReadyRead(30000))) {
                replies += socket.readAll();
                qsizetype start = 0;
                qsizetype end;
                while ((end = replies.indexOf("\r\n", start)) >= 0) {
                    ++answered;
                    delivered += replies.mid(start, end - start) == ":1";
                    start = end + 2;
                }
                replies.remove(0, start);
            }
        });
        // Each PUBLISH says how many subscribers got it: a subscriber that was cut off counts 0.
        QTRY_VERIFY_WITH_TIMEOUT(pipeDone.load(), 60000);
        pipe.join();
        QVERIFY2(pipeError.isEmpty(), qPrintable(pipeError));
        QCOMPARE(answered, count);
        QCOMPARE(delivered, count);

        qint64 accounted = 0;
        PubSubMessage last;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            subscriber.deliverNow();
            accounted = 0;
            for (qsizetype i = 1; i < batches.size(); ++i) {
                accounted += batches.at(i).dropped + batches.at(i).messages.size();
                if (!batches.at(i).messages.isEmpty())
                    last = batches.at(i).messages.last();
            }
            return accounted == count;
        }()),
            30000);
        QCOMPARE(last.kind, PubSubMessage::Kind::Message);
        QVERIFY(last.payload.startsWith(QByteArray(QByteArray::number(count - 1) + ":")));
        QCOMPARE(last.payload.size(), payload.size() + QByteArray::number(count - 1).size() + 1);
        QCOMPARE(subscriber.state(), Connection::State::Connected);
        QCOMPARE(states.size(), statesBefore); // never lost, never reconnected
        QCOMPARE(subscriber.backlogBytes(), 0);
        // The server holds nothing for us.
        const QByteArray clients = awaitReply(m_publisher->execute({ "CLIENT", "LIST" })).bytes();
        const qsizetype at = clients.indexOf("name=vermilion:subscriber ");
        QVERIFY2(at >= 0, clients.constData());
        const QByteArray line = clients.mid(at, clients.indexOf('\n', at) - at);
        QVERIFY2(line.contains(" omem=0 "), line.constData());
    }

    void resubscribesAfterRestart()
    {
        QString error;
        auto server = startServer({}, &error);
        QVERIFY2(server, qPrintable(error));
        PubSubPane pane(profileFor(*server));
        QAbstractItemModelTester tester(pane.messages());
        pane.subscribe("alive");
        pane.psubscribe("alive.*");
        pane.subscriber()->start();
        QVERIFY(waitConfirmed(pane, 2));
        Connection publisher(profileFor(*server));
        publisher.open();
        QVERIFY(awaitReply(publisher.execute({ "PUBLISH", "alive", "before" })).integerValue() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(pane.receivedMessages(), 1, 10000);

        QSignalSpy resubscribed(pane.subscriber(), &Subscriber::resubscribed);
        server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(pane.subscriber()->state() != Connection::State::Connected, 10000);
        QVERIFY2(server->startAndWait(10000, &error), qPrintable(error));
        QVERIFY(resubscribed.wait(15000) || resubscribed.size() > 0);
        QVERIFY(waitConfirmed(pane, 2));
        // The publisher reconnects by itself too; publish until the subscriber counts it.
        QTRY_VERIFY_WITH_TIMEOUT(
            (awaitReply(publisher.execute({ "PUBLISH", "alive.x", "after" })), pane.receivedMessages() >= 2), 15000);
        // The view says where the gap is, before the new confirmations and the new message.
        int gapRow = -1;
        int afterRow = -1;
        for (int row = 0; row < pane.messages()->rowCount(); ++row) {
            const QModelIndex index = pane.messages()->index(row, MessageModel::PayloadColumn);
            const auto kind = PubSubMessage::Kind(index.data(MessageModel::KindRole).toInt());
            if (kind == PubSubMessage::Kind::Gap)
                gapRow = row;
            if (kind == PubSubMessage::Kind::PatternMessage && index.data().toString() == QStringLiteral("after"))
                afterRow = row;
        }
        QVERIFY(gapRow >= 0);
        QVERIFY(afterRow > gapRow);
        QVERIFY(pane.messages()->index(gapRow, MessageModel::PayloadColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Subscribed again to 1 channel")));
    }

    void keyspaceNotificationPane()
    {
        QVERIFY(!KeyspaceNotifications::deliversKeyspace(QString()));
        QVERIFY(!KeyspaceNotifications::deliversKeyspace(QStringLiteral("K")));
        QVERIFY(KeyspaceNotifications::deliversKeyspace(QStringLiteral("K$")));
        QVERIFY(!KeyspaceNotifications::deliversKeyevent(QStringLiteral("KA")));
        QCOMPARE(KeyspaceNotifications::flagsEnablingAll(QStringLiteral("gx"), true, true), QStringLiteral("gxKEA"));
        QCOMPARE(KeyspaceNotifications::keyspacePattern(3), QByteArray("__keyspace@3__:*"));
        QCOMPARE(KeyspaceNotifications::keyeventPattern(0), QByteArray("__keyevent@0__:*"));

        const Reply current = awaitReply(m_publisher->execute({ "CONFIG", "GET", "notify-keyspace-events" }));
        QVERIFY(!KeyspaceNotifications::deliversKeyspace(QString::fromUtf8(current.at(1).bytes())));
        const QString flags = KeyspaceNotifications::flagsEnablingAll(QString::fromUtf8(current.at(1).bytes()), true, true);
        QVERIFY(!awaitReply(m_publisher->execute({ "CONFIG", "SET", "notify-keyspace-events", flags.toUtf8() })).isError());

        PubSubPane pane(profileFor(*m_server));
        pane.psubscribe(KeyspaceNotifications::keyspacePattern(0));
        pane.psubscribe(KeyspaceNotifications::keyeventPattern(0));
        pane.subscriber()->start();
        QVERIFY(waitConfirmed(pane, 2));
        awaitReply(m_publisher->execute({ "SET", "ks:key", "1" }));
        QTRY_COMPARE_WITH_TIMEOUT(pane.receivedMessages(), 2, 10000);
        QSet<QPair<QByteArray, QByteArray>> seen;
        for (int row = 0; row < pane.messages()->rowCount(); ++row) {
            const QModelIndex index = pane.messages()->index(row, 0);
            if (index.data(MessageModel::KindRole).toInt() == int(PubSubMessage::Kind::PatternMessage))
                seen.insert({ index.data(MessageModel::ChannelBytesRole).toByteArray(),
                    index.data(MessageModel::RawPayloadRole).toByteArray() });
        }
        QVERIFY(seen.contains(qMakePair(QByteArray("__keyspace@0__:ks:key"), QByteArray("set"))));
        QVERIFY(seen.contains(qMakePair(QByteArray("__keyevent@0__:set"), QByteArray("ks:key"))));
        awaitReply(m_publisher->execute({ "CONFIG", "SET", "notify-keyspace-events", "" }));
    }

    void discoversChannels()
    {
        Subscriber a(profileFor(*m_server));
        Subscriber b(profileFor(*m_server));
        a.subscribe({ "disc:one", "disc:two" });
        b.subscribe({ "disc:one" });
        b.psubscribe({ "disc:*" });
        a.start();
        b.start();
        Session session(profileFor(*m_server));
        session.open();
        ChannelDiscoveryModel model;
        QAbstractItemModelTester tester(&model);
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            QSignalSpy refreshed(&model, &ChannelDiscoveryModel::refreshed);
            model.refresh(&session, "disc:*");
            return refreshed.wait(5000) && model.rowCount() == 2 && model.subscribers(0) == 2
                && model.patternSubscriptions() >= 1;
        }()),
            10000);
        QCOMPARE(model.channel(0), QByteArray("disc:one"));
        QCOMPARE(model.subscribers(1), 1);
        QCOMPARE(model.index(0, ChannelDiscoveryModel::SubscribersColumn).data().toString(), QStringLiteral("2"));
    }

    void exportsJsonLinesAndCsv()
    {
        MessageModel model;
        QAbstractItemModelTester tester(&model);
        PubSubMessage message;
        message.timestampMs = 1700000000123;
        message.channel = "bin";
        message.payload = QByteArray("a\"b\xff\n", 5);
        PubSubMessage pattern = message;
        pattern.kind = PubSubMessage::Kind::PatternMessage;
        pattern.pattern = "b*";
        pattern.payload = "{\"a\":1}";
        model.append({ PaneMessage { message, {}, QStringLiteral("auto") },
            PaneMessage { pattern, {}, QStringLiteral("json") } });
        QCOMPARE(model.index(0, MessageModel::PayloadColumn).data().toString(), QStringLiteral("a\\\"b\\xff\\n"));
        QCOMPARE(model.index(0, MessageModel::SizeColumn).data().toString().remove(QLatin1Char(' ')), QStringLiteral("5bytes"));
        QVERIFY(model.index(1, MessageModel::PayloadColumn).data(MessageModel::DecodedRole).toString().contains(QLatin1Char('\n')));
        QBuffer json;
        json.open(QIODevice::WriteOnly);
        QVERIFY(model.exportJsonLines(&json));
        const QList<QByteArray> lines = json.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(QStringLiteral("payload")).toString(), QStringLiteral("a\\\"b\\xff\\n"));
        QCOMPARE(first.value(QStringLiteral("size")).toInt(), 5);
        QCOMPARE(QDateTime::fromString(first.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
            1700000000123);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("pattern")).toString(),
            QStringLiteral("b*"));
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QVERIFY(model.exportCsv(&csv));
        const QList<QByteArray> rows = csv.data().trimmed().split('\n');
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows.at(1).contains("\"a\\\"\"b\\xff\\n\""));
    }

    void rulesRoundTripAsJson()
    {
        HandlerRuleModel model;
        QAbstractItemModelTester tester(&model);
        HandlerRule rule;
        rule.key = QByteArray("bin\xff", 4);
        rule.colour = QStringLiteral("#ff0000");
        rule.decoder = QStringLiteral("msgpack");
        rule.notify = true;
        rule.notifyIntervalSeconds = 30;
        rule.logFile = QStringLiteral("/tmp/x.jsonl");
        HandlerRule star;
        star.key = "*";
        star.countOnly = true;
        model.setRules({ rule, star });
        bool ok = false;
        const QList<HandlerRule> back = HandlerRuleModel::rulesFromJson(model.toJson(), &ok);
        QVERIFY(ok);
        QCOMPARE(back.size(), 2);
        QVERIFY(back.at(0) == rule);
        QVERIFY(back.at(1) == star);
        model.moveRule(1, 0);
        QCOMPARE(model.rule(0).key, QByteArray("*"));
        // One rule per key, as in a handler map.
        QVERIFY(!model.setData(model.index(0, HandlerRuleModel::KeyColumn), QStringLiteral("bin\\xff")));
        model.removeRule(0);
        QCOMPARE(model.rowCount(), 1);
    }

    void notifiesWithRateLimitAndLogs()
    {
        QTemporaryDir dir;
        PubSubPane pane(profileFor(*m_server));
        HandlerRule rule;
        rule.key = "alerts";
        rule.notify = true;
        rule.notifyIntervalSeconds = 3600;
        rule.logFile = dir.filePath(QStringLiteral("alerts.jsonl"));
        pane.rules()->addRule(rule);
        QSignalSpy notifications(&pane, &PubSubPane::notificationRequested);
        PubSubBatch batch;
        for (int i = 0; i < 5; ++i) {
            PubSubMessage message;
            message.channel = "alerts";
            message.payload = "disk " + QByteArray::number(i);
            message.timestampMs = 1700000000000 + i;
            batch.messages.append(message);
        }
        pane.process(batch);
        QCOMPARE(notifications.size(), 1);
        QCOMPARE(notifications.at(0).at(1).toString(), QStringLiteral("disk 0"));
        QFile log(rule.logFile);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(QJsonDocument::fromJson(lines.at(4)).object().value(QStringLiteral("payload")).toString(),
            QStringLiteral("disk 4"));
    }

    void demoPublisherPublishes()
    {
        PubSubPane pane(profileFor(*m_server));
        pane.psubscribe("demo:*");
        pane.subscriber()->start();
        QVERIFY(waitConfirmed(pane, 1));
        DemoPublisher demo(profileFor(*m_server));
        demo.setInterval(20);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(pane.receivedMessages() >= 10, 10000);
        demo.stop();
        QSet<QByteArray> channels;
        bool json = false;
        bool binary = false;
        for (int row = 0; row < pane.messages()->rowCount(); ++row) {
            const QModelIndex index = pane.messages()->index(row, 0);
            const QByteArray payload = index.data(MessageModel::RawPayloadRole).toByteArray();
            channels.insert(index.data(MessageModel::ChannelBytesRole).toByteArray());
            json = json || payload.startsWith("{\"");
            binary = binary || payload.startsWith(QByteArray("\x00\xff", 2));
        }
        QVERIFY(channels.contains("demo:orders"));
        QVERIFY(channels.contains("demo:chat"));
        QVERIFY(json);
        QVERIFY(binary);
    }
};

QTEST_GUILESS_MAIN(TestPubSub)
#include "tst_pubsub.moc"
