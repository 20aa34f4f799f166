#include "client/clusterslots.h"
#include "client/clustertopology.h"
#include "client/commandkeys.h"
#include "client/session.h"
#include "clusterfixture.h"
#include "console/consolesession.h"
#include "dashboard/clientlistmodel.h"
#include "dashboard/clusternodesmodel.h"
#include "dashboard/infopoller.h"
#include "dashboard/slowlogmodel.h"
#include "lua/scriptrunner.h"
#include "pubsub/keyspacenotifications.h"
#include "pubsub/subscriber.h"
#include "lua/commandnames.h"
#include "keyspace/bulkkeyjob.h"
#include "keyspace/keyspaceloader.h"
#include "keyspace/memoryanalysis.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QHostInfo>
#include <QTcpServer>
#include <QSignalSpy>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

namespace {
bool waitConnected(Session& session, int timeoutMs = 15000)
{
    if (session.state() == Connection::State::Connected && session.isCluster())
        return true;
    QSignalSpy spy(&session, &Session::stateChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const auto& args : spy) {
            if (args.at(0).value<Connection::State>() == Connection::State::Connected)
                return true;
        }
        spy.wait(100);
    }
    return false;
}

// A direct link to one node (no routing), for checks behind the session's back.
std::unique_ptr<Connection> nodeLink(RedisServerProcess& server)
{
    auto link = std::make_unique<Connection>(profileFor(server));
    link->open();
    waitForState(*link, Connection::State::Connected);
    return link;
}

// The port of the master serving a slot, as a node says (CLUSTER SHARDS).
quint16 ownerPort(Connection& link, int slot)
{
    QString error;
    const auto topology = ClusterTopology::fromShards(awaitReply(link.execute({ "CLUSTER", "SHARDS" })),
                                                      QStringLiteral("127.0.0.1"), &error);
    if (!topology)
        return 0;
    const ClusterNode* owner = topology->masterForSlot(slot);
    return owner ? owner->port : 0;
}
} // namespace

class TestCluster : public QObject {
    Q_OBJECT
private:
    ClusterFixture m_cluster;
    bool m_started = false;

    RedisServerProcess& serverOnPort(quint16 port) { return m_cluster.node(m_cluster.indexOfPort(port)); }

private slots:
    void initTestCase()
    {
        QString error;
        m_started = m_cluster.start(3, 1, &error);
        QVERIFY2(m_started, qPrintable(error));
    }

    void slotsMatchTheServer()
    {
        // The specification's example, then keys of every shape against CLUSTER KEYSLOT.
        QCOMPARE(ClusterSlots::slotOf("123456789"), 12739);
        QCOMPARE(ClusterSlots::crc16("123456789", 9), quint16(0x31C3));
        QCOMPARE(ClusterSlots::hashedPart("{user1000}.following"), QByteArray("user1000"));
        QCOMPARE(ClusterSlots::hashedPart("foo{}{bar}"), QByteArray("foo{}{bar}"));
        QCOMPARE(ClusterSlots::hashedPart("foo{{bar}}zap"), QByteArray("{bar"));
        QCOMPARE(ClusterSlots::hashedPart("foo{bar}{zap}"), QByteArray("bar"));
        auto link = nodeLink(m_cluster.node(0));
        QList<QByteArray> keys { "", "a", "foo", "{", "}", "{}", "{a}", "x{a}y", "{{a}}", "a{b", "user:1:session:7",
            allBytes(), QByteArray(1000, 'z'), QByteArray("\x00{\xff}", 4) };
        for (int i = 0; i < 200; ++i)
            keys.append("app:user:" + QByteArray::number(i * 7919) + ":session:" + QByteArray::number(i));
        QList<Command> commands;
        for (const QByteArray& key : keys)
            commands.append({ "CLUSTER", "KEYSLOT", key });
        const QList<Reply> replies = awaitBatch(link->executeBatch(commands));
        QCOMPARE(replies.size(), keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i)
            QCOMPARE(ClusterSlots::slotOf(keys.at(i)), int(replies.at(i).integerValue()));
    }

    void keyPositionsMatchGetKeys()
    {
        auto link = nodeLink(m_cluster.node(0));
        CommandKeys keys;
        QVERIFY(keys.load(awaitReply(link->execute({ "COMMAND" }), 30000)));
        const QList<Command> commands {
            { "GET", "k1" },
            { "MSET", "k1", "v", "k2", "v", "k3", "v" },
            { "MGET", "a", "b", "c" },
            { "DEL", "a", "b" },
            { "EVAL", "return 1", "2", "ka", "kb", "arg" },
            { "EVALSHA", "abc", "1", "ka", "arg1", "arg2" },
            { "FCALL", "f", "1", "kf", "x" },
            { "ZUNIONSTORE", "dest", "2", "z1", "z2", "WEIGHTS", "1", "2" },
            { "XREAD", "COUNT", "2", "STREAMS", "s1", "s2", "0", "0" },
            { "XREADGROUP", "GROUP", "g", "c", "STREAMS", "s1", "0" },
            { "LMOVE", "src", "dst", "LEFT", "RIGHT" },
            { "OBJECT", "ENCODING", "k9" },
            { "XINFO", "STREAM", "s9" },
            { "MEMORY", "USAGE", "m1" },
            { "BLMPOP", "0", "2", "l1", "l2", "LEFT" },
            { "GEORADIUS", "g1", "0", "0", "10", "km", "STORE", "g2" },
            { "SINTERCARD", "2", "s1", "s2", "LIMIT", "3" },
            { "BITOP", "AND", "dst", "a", "b" },
            { "RENAME", "from", "to" },
        };
        for (const Command& command : commands) {
            const CommandKeys::Result mine = keys.keys(command);
            Command getKeys { "COMMAND", "GETKEYS" };
            getKeys.append(command);
            const Reply server = awaitReply(link->execute(getKeys));
            QVERIFY2(server.isArray(), qPrintable(server.errorMessage()));
            QList<QByteArray> expected;
            for (const Reply& key : server.elements())
                expected.append(key.bytes());
            if (mine.outcome == CommandKeys::Outcome::AskServer)
                continue; // the router asks the server for exactly these
            QCOMPARE(int(mine.outcome), int(CommandKeys::Outcome::Keys));
            QCOMPARE(mine.keys, expected);
        }
        QCOMPARE(int(keys.keys({ "SORT", "k", "STORE", "d" }).outcome), int(CommandKeys::Outcome::AskServer));
        QCOMPARE(int(keys.keys({ "NOSUCHCOMMAND", "x" }).outcome), int(CommandKeys::Outcome::UnknownCommand));
        QVERIFY(keys.keys({ "PING" }).keys.isEmpty());
    }

    void topologyFromShardsAndSlotsAgree()
    {
        auto link = nodeLink(m_cluster.node(0));
        QString error;
        const auto shards = ClusterTopology::fromShards(awaitReply(link->execute({ "CLUSTER", "SHARDS" })),
                                                        QStringLiteral("127.0.0.1"), &error);
        QVERIFY2(shards, qPrintable(error));
        const auto fromSlots = ClusterTopology::fromSlots(awaitReply(link->execute({ "CLUSTER", "SLOTS" })),
                                                      QStringLiteral("127.0.0.1"), &error);
        QVERIFY2(fromSlots, qPrintable(error));
        QCOMPARE(shards->coveredSlots(), 16384);
        QCOMPARE(shards->masters().size(), 3);
        QCOMPARE(shards->nodes().size(), 6);
        QVERIFY(shards->sameSlotOwners(*fromSlots));
        for (const ClusterNode& node : shards->nodes()) {
            QVERIFY(!node.id.isEmpty());
            if (!node.master)
                QVERIFY(!node.masterId.isEmpty());
        }
        // Malformed replies are refused with a reason, never a crash.
        QVERIFY(!ClusterTopology::fromShards(Reply::integer(3), {}, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!ClusterTopology::fromSlots(Reply::array({ Reply::array({ Reply::integer(0), Reply::integer(99999),
                                                                           Reply::array({ Reply::string("h"), Reply::integer(1) }) }) }),
                                            {}, &error));
    }

    void sessionRoutesByKeyAndHashTag()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QVERIFY(session.isCluster());
        QCOMPARE(session.masterNodes().size(), 3);
        // Keys spread over every master, written and read back through routing.
        QList<Command> sets;
        for (int i = 0; i < 300; ++i)
            sets.append({ "SET", "route:" + QByteArray::number(i), QByteArray::number(i) });
        const QList<Reply> written = awaitBatch(session.executeBatch(sets));
        QCOMPARE(written.size(), 300);
        for (const Reply& reply : written)
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
        for (int i = 0; i < 300; i += 37) {
            const Reply value = awaitReply(session.execute({ "GET", "route:" + QByteArray::number(i) }));
            QCOMPARE(value.bytes(), QByteArray::number(i));
        }
        // Each master holds its share, and only its share.
        qint64 total = 0;
        for (const QString& node : session.masterNodes()) {
            const quint16 port = quint16(node.section(QLatin1Char(':'), -1).toUInt());
            auto link = nodeLink(serverOnPort(port));
            const Reply keys = awaitReply(link->execute({ "KEYS", "route:*" }));
            QVERIFY(keys.size() > 0);
            total += keys.size();
        }
        QCOMPARE(total, qint64(300));
        // A hash tag keeps multi-key commands in one slot.
        const Reply mset = awaitReply(session.execute({ "MSET", "{user:1}:a", "1", "{user:1}:b", "2" }));
        QVERIFY2(!mset.isError(), qPrintable(mset.errorMessage()));
        const Reply mget = awaitReply(session.execute({ "MGET", "{user:1}:a", "{user:1}:b" }));
        QCOMPARE(mget.size(), 2);
        QCOMPARE(mget.at(1).bytes(), QByteArray("2"));
        // A script routes by its first key.
        const Reply script = awaitReply(session.execute({ "EVAL", "return redis.call('GET', KEYS[1])", "1", "route:5" }));
        QCOMPARE(script.bytes(), QByteArray("5"));
        // The server decides where SORT ... STORE goes (COMMAND GETKEYS).
        awaitReply(session.execute({ "RPUSH", "{s}list", "3", "1", "2" }));
        const Reply sorted = awaitReply(session.execute({ "SORT", "{s}list", "STORE", "{s}sorted" }));
        QCOMPARE(sorted.integerValue(), qint64(3));
        QCOMPARE(awaitReply(session.execute({ "LINDEX", "{s}sorted", "0" })).bytes(), QByteArray("1"));
    }

    void crossSlotIsCaughtBeforeSending()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QVERIFY(ClusterSlots::slotOf("a") != ClusterSlots::slotOf("b"));
        const Reply reply = awaitReply(session.execute({ "MSET", "a", "1", "b", "2" }));
        QVERIFY(reply.isError());
        QCOMPARE(reply.errorCode(), QByteArray("CROSSSLOT"));
        const QString message = reply.errorMessage();
        QVERIFY2(message.contains(QStringLiteral("slot %1").arg(ClusterSlots::slotOf("a"))), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("slot %1").arg(ClusterSlots::slotOf("b"))), qPrintable(message));
        // Nothing was written.
        QVERIFY(awaitReply(session.execute({ "GET", "a" })).isNil());
        // A script whose keys span slots is refused the same way.
        const Reply script = awaitReply(session.execute({ "EVAL", "return 1", "2", "a", "b" }));
        QCOMPARE(script.errorCode(), QByteArray("CROSSSLOT"));
        // And in a batch, only that command fails.
        const QList<Reply> batch
            = awaitBatch(session.executeBatch({ { "SET", "x1", "1" }, { "DEL", "a", "b" }, { "GET", "x1" } }));
        QCOMPARE(batch.size(), 3);
        QVERIFY(!batch.at(0).isError());
        QCOMPARE(batch.at(1).errorCode(), QByteArray("CROSSSLOT"));
        QCOMPARE(batch.at(2).bytes(), QByteArray("1"));
    }

    void movedAndAskAreFollowed()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        // Two keys of one slot; the slot is migrated by hand, one key at a time, as redis-cli
        // --cluster reshard does.
        const QByteArray first = "{mig}one";
        const QByteArray second = "{mig}two";
        const int slot = ClusterSlots::slotOf(first);
        QVERIFY(!awaitReply(session.execute({ "SET", first, "1" })).isError());
        QVERIFY(!awaitReply(session.execute({ "SET", second, "2" })).isError());
        auto anyLink = nodeLink(m_cluster.node(0));
        const quint16 sourcePort = ownerPort(*anyLink, slot);
        QVERIFY(sourcePort != 0);
        quint16 targetPort = 0;
        {
            QString error;
            const auto topology = ClusterTopology::fromShards(awaitReply(anyLink->execute({ "CLUSTER", "SHARDS" })),
                                                              QStringLiteral("127.0.0.1"), &error);
            for (const ClusterNode& node : topology->masters()) {
                if (node.port != sourcePort)
                    targetPort = node.port;
            }
        }
        auto source = nodeLink(serverOnPort(sourcePort));
        auto target = nodeLink(serverOnPort(targetPort));
        const QByteArray sourceId = awaitReply(source->execute({ "CLUSTER", "MYID" })).bytes();
        const QByteArray targetId = awaitReply(target->execute({ "CLUSTER", "MYID" })).bytes();
        const QByteArray slotText = QByteArray::number(slot);
        QVERIFY(!awaitReply(target->execute({ "CLUSTER", "SETSLOT", slotText, "IMPORTING", sourceId })).isError());
        QVERIFY(!awaitReply(source->execute({ "CLUSTER", "SETSLOT", slotText, "MIGRATING", targetId })).isError());
        const Reply migrated = awaitReply(source->execute(
            { "MIGRATE", "127.0.0.1", QByteArray::number(targetPort), "", "0", "5000", "KEYS", first }));
        QVERIFY2(!migrated.isError(), qPrintable(migrated.errorMessage()));
        // The first key is on the target now: the source answers ASK, the session follows it.
        QCOMPARE(session.clusterRedirects(true), qint64(0));
        QCOMPARE(awaitReply(session.execute({ "GET", first })).bytes(), QByteArray("1"));
        QCOMPARE(session.clusterRedirects(true), qint64(1));
        QCOMPARE(awaitReply(session.execute({ "GET", second })).bytes(), QByteArray("2"));
        QCOMPARE(session.clusterRedirects(true), qint64(1)); // still on the source
        // A write during the migration goes where the key is.
        QVERIFY(!awaitReply(session.execute({ "SET", first, "1b" })).isError());
        QCOMPARE(awaitReply(target->execute({ "ASKING" })).bytes(), QByteArray("OK"));
        // Finish the move: the rest of the keys, then the slot's owner everywhere.
        QVERIFY(!awaitReply(source->execute(
                    { "MIGRATE", "127.0.0.1", QByteArray::number(targetPort), "", "0", "5000", "KEYS", second }))
                     .isError());
        for (const auto& node : m_cluster.nodes()) {
            auto link = nodeLink(*node);
            awaitReply(link->execute({ "CLUSTER", "SETSLOT", slotText, "NODE", targetId }));
        }
        // The session's map still names the source: MOVED, then the map is refreshed.
        QSignalSpy refreshed(&session, &Session::clusterTopologyChanged);
        QCOMPARE(session.clusterRedirects(false), qint64(0));
        QCOMPARE(awaitReply(session.execute({ "GET", second })).bytes(), QByteArray("2"));
        QCOMPARE(session.clusterRedirects(false), qint64(1));
        QCOMPARE(awaitReply(session.execute({ "GET", first })).bytes(), QByteArray("1b"));
        QVERIFY(refreshed.wait(10000) || refreshed.size() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(session.clusterTopology().masterForSlot(slot)->port, targetPort, 10000);
        QVERIFY(m_cluster.waitUntilHealthy());
    }

    void keyspaceLoadsFromEveryMaster()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        awaitReply(session.execute({ "FLUSHALL" }));
        // FLUSHALL is key-less: it went to one master. Clear every master.
        for (const QString& node : session.masterNodes()) {
            QSignalSpy done(&session, &Session::serverInfoChanged);
            Q_UNUSED(done);
            QEventLoop loop;
            session.executeOn(node, { "FLUSHALL" }, &loop, [&loop](const Reply&) { loop.quit(); });
            loop.exec();
        }
        QList<Command> sets;
        for (int i = 0; i < 5000; ++i)
            sets.append({ "SET", "app:user:" + QByteArray::number(i % 50) + ":session:" + QByteArray::number(i), "v" });
        for (const Reply& reply : awaitBatch(session.executeBatch(sets), 60000))
            QVERIFY(!reply.isError());
        KeyspaceLoader loader(&session, ":");
        QSignalSpy state(&loader, &KeyspaceLoader::stateChanged);
        ScanOptions options;
        options.count = 100;
        loader.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 30000);
        QCOMPARE(loader.loadedKeys(), qint64(5000));
        QTRY_COMPARE(loader.databaseSize(), qint64(5000));
        // Progress per node: every master's cursor, each done, together at least every key.
        const QList<NodeScanProgress> nodes = loader.nodeProgress();
        QCOMPARE(nodes.size(), 3);
        qint64 perNode = 0;
        for (const NodeScanProgress& node : nodes) {
            QVERIFY(node.finished);
            QVERIFY(node.keys > 0);
            QVERIFY(session.masterNodes().contains(node.node));
            perNode += node.keys;
        }
        QVERIFY(perNode >= 5000);
        // With a cap, the load pauses across all nodes and goes on with loadMore.
        options.cap = 1200;
        loader.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::CapReached, 30000);
        QVERIFY(loader.loadedKeys() >= 1200);
        QVERIFY(loader.loadedKeys() < 5000);
        loader.loadMore(0);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 30000);
        QCOMPARE(loader.loadedKeys(), qint64(5000));
    }

    void keyspaceLoadWhileResharding()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        for (const QString& node : session.masterNodes()) {
            QEventLoop loop;
            session.executeOn(node, { "FLUSHALL" }, &loop, [&](const Reply&) { loop.quit(); });
            loop.exec();
        }
        constexpr int count = 30000;
        QList<Command> sets;
        for (int i = 0; i < count; ++i)
            sets.append({ "SET", "reshard:" + QByteArray::number(i), QByteArray::number(i) });
        for (const Reply& reply : awaitBatch(session.executeBatch(sets), 60000))
            QVERIFY(!reply.isError());
        // 2000 slots move from one master to another (as redis-cli --cluster reshard does it: slot
        // by slot, keys by MIGRATE, ASK while a slot is half moved) while the keyspace loads.
        const ClusterTopology topology = session.clusterTopology();
        const QList<ClusterNode> masters = topology.masters();
        QVERIFY(masters.size() == 3);
        QProcess reshard;
        reshard.setProcessChannelMode(QProcess::MergedChannels);
        reshard.start(QStringLiteral("redis-cli"),
                      { QStringLiteral("--cluster"), QStringLiteral("reshard"), masters.at(0).address(),
                        QStringLiteral("--cluster-from"), QString::fromUtf8(masters.at(0).id), QStringLiteral("--cluster-to"),
                        QString::fromUtf8(masters.at(1).id), QStringLiteral("--cluster-slots"), QStringLiteral("2000"),
                        QStringLiteral("--cluster-yes"), QStringLiteral("--cluster-pipeline"), QStringLiteral("5") });
        QVERIFY(reshard.waitForStarted());
        KeyspaceLoader loader(&session, ":");
        ScanOptions options;
        options.count = 20; // small pages: the load runs while the slots move
        loader.start(options);
        // Reads during the move follow MOVED and ASK.
        int reads = 0;
        while (loader.state() == KeyspaceLoader::State::Loading || reshard.state() != QProcess::NotRunning) {
            const QByteArray index = QByteArray::number((reads * 7919) % count);
            const Reply value = awaitReply(session.execute({ "GET", "reshard:" + index }), 10000);
            QCOMPARE(value.bytes(), index);
            ++reads;
            QCoreApplication::processEvents();
            QVERIFY(reads < 200000);
        }
        QCOMPARE(reshard.exitCode(), 0);
        QCOMPARE(loader.state(), KeyspaceLoader::State::Finished);
        // No key lost, none counted twice.
        QCOMPARE(loader.loadedKeys(), qint64(count));
        QCOMPARE(qint64(loader.tree()->keyCount(NamespaceTree::root)), qint64(count));
        // The session's map was stale for the moved slots: reading every key met MOVED.
        QList<Command> gets;
        for (int i = 0; i < count; ++i)
            gets.append({ "GET", "reshard:" + QByteArray::number(i) });
        const qint64 movedBefore = session.clusterRedirects(false);
        const QList<Reply> values = awaitBatch(session.executeBatch(gets), 60000);
        QCOMPARE(values.size(), count);
        for (int i = 0; i < count; i += 97)
            QCOMPARE(values.at(i).bytes(), QByteArray::number(i));
        QVERIFY(session.clusterRedirects(false) > 0);
        Q_UNUSED(movedBefore);
        QVERIFY(m_cluster.waitUntilHealthy());
    }

    void bulkJobsAndMemoryAnalysisCoverEveryMaster()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QList<Command> sets;
        for (int i = 0; i < 3000; ++i)
            sets.append({ "SET", "bulk:" + QByteArray::number(i), "value" });
        for (int i = 0; i < 100; ++i)
            sets.append({ "SET", "keep:" + QByteArray::number(i), "value" });
        for (const Reply& reply : awaitBatch(session.executeBatch(sets), 60000))
            QVERIFY(!reply.isError());
        // Memory analysis sees the keys of every master.
        MemoryAnalysis analysis(&session, "bulk:*", ":", 1);
        QSignalSpy analysed(&analysis, &MemoryAnalysis::finished);
        analysis.start();
        QVERIFY(analysed.wait(30000));
        const auto report = analysed.first().first().value<MemoryReport>();
        QCOMPARE(report.totalKeys, qint64(3000));
        QVERIFY(!report.cancelled);
        // A count, then a delete: pages of one node span many slots, so UNLINK goes per slot.
        std::unique_ptr<BulkKeyJob> count(BulkKeyJob::count(&session, "bulk:*"));
        QSignalSpy counted(count.get(), &BulkKeyJob::finished);
        count->start();
        QVERIFY(counted.wait(30000));
        QVERIFY(counted.first().at(0).toLongLong() >= 3000);
        BulkKeyJob remove(&session, "bulk:*", BulkKeyJob::Action::Delete);
        QSignalSpy removed(&remove, &BulkKeyJob::finished);
        QSignalSpy failed(&remove, &BulkKeyJob::failed);
        remove.start();
        QVERIFY(removed.wait(30000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(removed.first().at(1).toLongLong(), qint64(3000));
        qint64 left = 0;
        for (const QString& node : session.masterNodes()) {
            QEventLoop loop;
            session.executeOn(node, { "DBSIZE" }, &loop, [&](const Reply& reply) {
                left += reply.integerValue();
                loop.quit();
            });
            loop.exec();
        }
        QVERIFY(left >= 100); // the keep: keys (and earlier tests' keys) are still there
        QCOMPARE(awaitReply(session.execute({ "EXISTS", "bulk:1" })).integerValue(), qint64(0));
        QCOMPARE(awaitReply(session.execute({ "EXISTS", "keep:1" })).integerValue(), qint64(1));
    }

    void clusterNodesModelShowsEveryNode()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        ClusterNodesModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &ClusterNodesModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(model.rowCount(), 6);
        int masters = 0;
        int served = 0;
        for (const auto& node : model.nodes()) {
            masters += node.isMaster() && node.slotCount() > 0 ? 1 : 0;
            served += node.isMaster() ? node.slotCount() : 0;
        }
        QCOMPARE(masters, 3);
        QCOMPARE(served, 16384);
        // Each replica is listed right after its master.
        QVERIFY(model.nodes().first().isMaster());
        QCOMPARE(model.nodes().at(1).masterId, model.nodes().at(0).id);
        // Malformed and hostile lines are skipped, migrations kept apart from slot ranges.
        const auto parsed = ClusterNodesModel::parse("garbage\n"
                                                     "a 1.2.3.4:7000@17000,host myself,master - 0 0 3 connected 0-10 12 "
                                                     "[13->-b] 99999 x-y\n"
                                                     "b 1.2.3.4:7001@17001 slave a 0 0 3 connected\n");
        QCOMPARE(parsed.size(), 2);
        QCOMPARE(parsed.first().slotCount(), 12);
        QCOMPARE(parsed.first().hostname, QStringLiteral("host"));
        QCOMPARE(parsed.first().address, QStringLiteral("1.2.3.4:7000"));
        QCOMPARE(parsed.first().migrations, QList<QByteArray> { "[13->-b]" });
        QCOMPARE(ClusterNodesModel::slotText(parsed.first()), QStringLiteral("0-10, 12, [13->-b]"));
    }

    void consoleFollowsRedirectsAndSaysSo()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        // A key that the first node does not serve.
        QByteArray key;
        const QString seed = QStringLiteral("127.0.0.1:%1").arg(m_cluster.node(0).port());
        for (int i = 0; key.isEmpty(); ++i) {
            const QByteArray candidate = "console:" + QByteArray::number(i);
            if (session.clusterTopology().masterForSlot(ClusterSlots::slotOf(candidate))->address() != seed)
                key = candidate;
        }
        ConsoleSession console(&session);
        QList<ConsoleSession::Entry> entries;
        connect(&console, &ConsoleSession::output, this,
                [&](const QList<ConsoleSession::Entry>& batch) { entries += batch; });
        console.ensureLink();
        QVERIFY(console.run(QStringLiteral("SET %1 hello").arg(QString::fromUtf8(key))));
        QVERIFY(console.run(QStringLiteral("GET %1").arg(QString::fromUtf8(key))));
        auto has = [&](ConsoleSession::Entry::Kind kind, const QString& text) {
            for (const auto& entry : entries) {
                if (entry.kind == kind && entry.text.contains(text))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(ConsoleSession::Entry::Kind::Reply, QStringLiteral("\"hello\"")), 10000);
        QVERIFY(has(ConsoleSession::Entry::Kind::Note, QStringLiteral("-> Redirected to slot [%1]").arg(ClusterSlots::slotOf(key))));
        QVERIFY(!has(ConsoleSession::Entry::Kind::Error, QStringLiteral("MOVED")));
    }

    void consoleTargetsOneNodeEveryMasterOrEveryNode()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        ConsoleSession console(&session);
        QList<ConsoleSession::Entry> entries;
        connect(&console, &ConsoleSession::output, this,
                [&](const QList<ConsoleSession::Entry>& batch) { entries += batch; });
        console.ensureLink();
        auto count = [&](ConsoleSession::Entry::Kind kind, const QString& text) {
            int n = 0;
            for (const auto& entry : entries)
                n += entry.kind == kind && entry.text.contains(text) ? 1 : 0;
            return n;
        };
        // One command on every master, then on every node: each reply under its node.
        QVERIFY(console.run(QStringLiteral("@masters PING")));
        QTRY_COMPARE_WITH_TIMEOUT(count(ConsoleSession::Entry::Kind::Reply, QStringLiteral("PONG")), 3, 10000);
        QCOMPARE(count(ConsoleSession::Entry::Kind::Note, QStringLiteral("(master):")), 3);
        QVERIFY(console.run(QStringLiteral("@all ROLE")));
        QTRY_COMPARE_WITH_TIMEOUT(count(ConsoleSession::Entry::Kind::Note, QStringLiteral("(replica):")), 3, 10000);
        QTRY_VERIFY(console.isIdle());
        // Each node's reply is its own: three masters and three replicas answered ROLE.
        QCOMPARE(count(ConsoleSession::Entry::Kind::Reply, QStringLiteral("\"master\"")), 3);
        QCOMPARE(count(ConsoleSession::Entry::Kind::Reply, QStringLiteral("\"slave\"")), 3);
        // Link state cannot be sent over shared links to many nodes.
        QVERIFY(!console.run(QStringLiteral("@all MULTI")));
        QTRY_COMPARE(count(ConsoleSession::Entry::Kind::Error, QStringLiteral("MULTI was not sent")), 1);
        QVERIFY(!console.run(QStringLiteral("@10.9.9.9:1 PING")));
        QTRY_COMPARE(count(ConsoleSession::Entry::Kind::Error, QStringLiteral("is not a node of this cluster")), 1);
        // A secret after a target stays out of the history and the transcript, as without one.
        QVERIFY(!console.run(QStringLiteral("@all AUTH someone s3cret-pass")));
        QTRY_VERIFY(console.isIdle());
        for (const QString& line : console.history().lines())
            QVERIFY2(!line.contains(QStringLiteral("s3cret-pass")), qPrintable(line));
        for (const auto& entry : entries)
            QVERIFY2(!entry.text.contains(QStringLiteral("s3cret-pass")), qPrintable(entry.text));
        QVERIFY(ConsoleSession::needsConfirmation({ "@all", "FLUSHALL" }));
        QVERIFY(!ConsoleSession::needsConfirmation({ "@all", "PING" }));

        // "All masters" as the console's target: every line goes to each master.
        QVERIFY(console.setTarget({ ConsoleSession::TargetKind::Masters, {} }));
        QVERIFY(console.prompt().contains(QStringLiteral("(all masters)")));
        QVERIFY(console.run(QStringLiteral("ECHO to-each-master")));
        QTRY_COMPARE_WITH_TIMEOUT(count(ConsoleSession::Entry::Kind::Reply, QStringLiteral("\"to-each-master\"")), 3, 10000);

        // Pinned to one master: a key it does not serve answers MOVED, shown and not followed. The
        // key is not the seed's either, so that routing by key later has a redirect to follow.
        const QString seed = QStringLiteral("127.0.0.1:%1").arg(m_cluster.node(0).port());
        QString pinned;
        for (const QString& master : session.masterNodes()) {
            if (master != seed)
                pinned = master;
        }
        QByteArray key;
        for (int i = 0; key.isEmpty(); ++i) {
            const QByteArray candidate = "pinned:" + QByteArray::number(i);
            const QString owner = session.nodeForKeys({ candidate });
            if (owner != pinned && owner != seed)
                key = candidate;
        }
        QVERIFY(console.run(QLatin1Char('@') + pinned));
        QCOMPARE(console.target().kind, ConsoleSession::TargetKind::Node);
        QVERIFY(console.prompt().startsWith(pinned));
        QVERIFY(console.run(QStringLiteral("GET %1").arg(QString::fromUtf8(key))));
        QTRY_COMPARE_WITH_TIMEOUT(count(ConsoleSession::Entry::Kind::Error, QStringLiteral("MOVED")), 1, 10000);
        QCOMPARE(count(ConsoleSession::Entry::Kind::Note, QStringLiteral("-> Redirected")), 0);
        // On its own link to the node, a transaction works.
        QVERIFY(console.run(QStringLiteral("MULTI")));
        QTRY_VERIFY_WITH_TIMEOUT(console.inTransaction(), 10000);
        QVERIFY(!console.run(QStringLiteral("@")));
        QVERIFY(console.run(QStringLiteral("DISCARD")));
        QTRY_VERIFY_WITH_TIMEOUT(!console.inTransaction(), 10000);
        // Back to routing by key: the same GET is followed to its node.
        QVERIFY(console.run(QStringLiteral("@")));
        QCOMPARE(console.target().kind, ConsoleSession::TargetKind::Routed);
        QVERIFY(console.run(QStringLiteral("GET %1").arg(QString::fromUtf8(key))));
        QTRY_COMPARE_WITH_TIMEOUT(count(ConsoleSession::Entry::Kind::Note, QStringLiteral("-> Redirected")), 1, 10000);
    }

    void slowlogAndClientsAreMergedFromEveryNode()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        const QStringList nodes = session.allNodes();
        QCOMPARE(nodes.size(), 6);
        // Every node logs every command for a moment.
        QList<Session::NodeReply> configured;
        session.executeOnEach(nodes, { "CONFIG", "SET", "slowlog-log-slower-than", "0" }, this,
                              [&](const QList<Session::NodeReply>& replies) { configured = replies; });
        QTRY_COMPARE_WITH_TIMEOUT(configured.size(), 6, 10000);
        for (const auto& answer : configured)
            QVERIFY2(!answer.reply.isError(), qPrintable(answer.node + answer.reply.errorMessage()));
        SlowlogModel slowlog(&session);
        QAbstractItemModelTester slowlogTester(&slowlog, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy slowlogRefreshed(&slowlog, &SlowlogModel::refreshed);
        slowlog.refresh();
        QVERIFY(slowlogRefreshed.wait(10000));
        QSet<QString> logged;
        for (int row = 0; row < slowlog.rowCount(); ++row)
            logged.insert(slowlog.index(row, SlowlogModel::NodeColumn).data().toString());
        QCOMPARE(logged, QSet<QString>(nodes.begin(), nodes.end()));
        for (int row = 1; row < slowlog.rowCount(); ++row)
            QVERIFY(slowlog.entries().at(row - 1).timeSeconds >= slowlog.entries().at(row).timeSeconds);
        QList<Session::NodeReply> restored;
        session.executeOnEach(nodes, { "CONFIG", "SET", "slowlog-log-slower-than", "10000" }, this,
                              [&](const QList<Session::NodeReply>& replies) { restored = replies; });
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 6, 10000);

        // A client of one replica, found in the merged list under its node and killed there.
        const QString replica = nodes.at(1);
        QCOMPARE(session.nodeRole(replica), QStringLiteral("replica"));
        ConnectionProfile direct = m_cluster.profile();
        direct.port = quint16(replica.section(QLatin1Char(':'), -1).toUInt());
        ConnectionTuning tuning;
        tuning.clientName = "tst-victim";
        tuning.autoReconnect = false;
        auto victim = Session::createLink(direct, tuning);
        victim->open();
        waitForState(*victim, Connection::State::Connected);
        ClientListModel clients(&session);
        QAbstractItemModelTester clientsTester(&clients, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy clientsRefreshed(&clients, &ClientListModel::refreshed);
        clients.refresh();
        QVERIFY(clientsRefreshed.wait(10000));
        QSet<QString> clientNodes;
        qint64 victimId = -1;
        for (const auto& client : clients.clients()) {
            clientNodes.insert(client.node);
            if (client.fields.value("name") == "tst-victim") {
                QCOMPARE(client.node, replica);
                victimId = client.id;
            }
        }
        QCOMPARE(clientNodes, QSet<QString>(nodes.begin(), nodes.end()));
        QVERIFY(victimId >= 0);
        QSignalSpy killed(&clients, &ClientListModel::killed);
        clients.kill(victimId, replica);
        QVERIFY(killed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(victim->state() != Connection::State::Connected, 10000);
    }

    void dashboardChartsPerNodeOrSummed()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        InfoPoller poller(&session, nullptr, 50);
        poller.setInterval(200);
        QSignalSpy sampled(&poller, &InfoPoller::sampled);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 2, 15000);
        QCOMPARE(poller.nodes().size(), 6);
        // The sum: keys of all masters, and a rate once two polls are in.
        qint64 keys = 0;
        QList<Session::NodeReply> sizes;
        session.executeOnEach(session.masterNodes(), { "DBSIZE" }, this,
                              [&](const QList<Session::NodeReply>& replies) { sizes = replies; });
        QTRY_COMPARE_WITH_TIMEOUT(sizes.size(), 3, 10000);
        for (const auto& size : sizes)
            keys += size.reply.toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(Sample::has(poller.history().last().commandsPerSecond), 10000);
        QCOMPARE(qint64(poller.history().last().keys), keys);
        // One node: its own history, and its own INFO.
        const QString replica = poller.nodes().at(1);
        QSignalSpy viewChanged(&poller, &InfoPoller::viewChanged);
        poller.setView(replica);
        QCOMPARE(viewChanged.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(poller.lastInfo().role() == QStringLiteral("slave"), 10000);
        QVERIFY(poller.history().size() >= 1);
        poller.setView({});
        QCOMPARE(poller.lastInfo().role(), QStringLiteral("master"));

        // The sum of INFOs: counters and keyspace add up; one master without a limit, no limit.
        const ServerInfo a = ServerInfo::parse("run_id:a\r\nuptime_in_seconds:50\r\nused_memory:100\r\n"
                                               "maxmemory:0\r\nkeyspace_hits:3\r\n# Keyspace\r\ndb0:keys=5,expires=1,avg_ttl=0\r\n");
        const ServerInfo b = ServerInfo::parse("run_id:b\r\nuptime_in_seconds:40\r\nused_memory:20\r\n"
                                               "maxmemory:1000\r\nkeyspace_hits:4\r\n# Keyspace\r\ndb0:keys=7,expires=2,avg_ttl=0\r\n");
        const ServerInfo sum = InfoPoller::sumOf({ a, b });
        QCOMPARE(sum.integer("used_memory"), 120);
        QCOMPARE(sum.integer("keyspace_hits"), 7);
        QCOMPARE(sum.integer("uptime_in_seconds"), 40);
        QVERIFY(!sum.contains("maxmemory"));
        QCOMPARE(sum.keyspace().first().keys, 12);
        QCOMPARE(sum.keyspace().first().expires, 3);
        QVERIFY(sum.value("run_id") != InfoPoller::sumOf({ a }).value("run_id"));
    }

    void luaRunsWhereItsKeysAre()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QVERIFY(!awaitReply(session.execute({ "SET", "lua:{k}", "41" })).isError());
        lua::ScriptRunner runner(&session);
        QSignalSpy finished(&runner, &lua::ScriptRunner::finished);
        lua::ScriptRequest request;
        request.script = "return redis.call('INCR', KEYS[1])";
        request.keys = { "lua:{k}" };
        QVERIFY(runner.run(request) != 0);
        QVERIFY(finished.wait(10000));
        auto result = finished.first().first().value<lua::ScriptResult>();
        QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");
        QCOMPARE(result.reply.integerValue(), qint64(42));
        // SCRIPT LOAD and FUNCTION LOAD reach every master.
        const Reply sha = awaitReply(session.execute({ "SCRIPT", "LOAD", "return 'everywhere'" }));
        QVERIFY2(sha.isString(), qPrintable(sha.errorMessage()));
        const Reply library = awaitReply(session.execute(
            { "FUNCTION", "LOAD", "REPLACE", "#!lua name=vermiliontest\nredis.register_function('hello', function() return 'hi' end)" }));
        QVERIFY2(!library.isError(), qPrintable(library.errorMessage()));
        for (const QString& node : session.masterNodes()) {
            auto link = nodeLink(serverOnPort(quint16(node.section(QLatin1Char(':'), -1).toUInt())));
            QCOMPARE(awaitReply(link->execute({ "SCRIPT", "EXISTS", sha.bytes() })).at(0).integerValue(), qint64(1));
            QCOMPARE(awaitReply(link->execute({ "FCALL", "hello", "0" })).bytes(), QByteArray("hi"));
        }
        // Keys in two slots: refused before sending, with the slots named.
        finished.clear();
        request.keys = { "a", "b" };
        QVERIFY(runner.run(request) != 0);
        QVERIFY(finished.wait(10000));
        result = finished.first().first().value<lua::ScriptResult>();
        QVERIFY(result.error);
        QVERIFY(result.error->message.contains(QStringLiteral("CROSSSLOT")));
        QVERIFY(result.error->message.contains(QStringLiteral("slot %1").arg(ClusterSlots::slotOf("a"))));
    }

    void failoverDuringScanAndPubSub()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QList<Command> sets;
        for (int i = 0; i < 20000; ++i)
            sets.append({ "SET", "failover:" + QByteArray::number(i), "v" });
        for (const Reply& reply : awaitBatch(session.executeBatch(sets), 60000))
            QVERIFY(!reply.isError());
        // A pub/sub pane's subscriber, on its own link from the session.
        Subscriber subscriber(&session);
        QList<QByteArray> received;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.isMessage())
                    received.append(message.payload);
            }
        });
        subscriber.subscribe({ "news" });
        subscriber.start();
        QTRY_VERIFY_WITH_TIMEOUT(subscriber.state() == Connection::State::Connected, 10000);
        // A slow scan (small pages), and a failover while it runs: the replica of a master that is
        // not the session's seed takes over.
        KeyspaceLoader loader(&session, ":");
        ScanOptions options;
        options.count = 50;
        loader.start(options);
        const ClusterTopology before = session.clusterTopology();
        const QString seed = QStringLiteral("127.0.0.1:%1").arg(m_cluster.node(0).port());
        ClusterNode replica;
        for (const ClusterNode& node : before.nodes()) {
            if (node.master || replica.port != 0)
                continue;
            for (const ClusterNode& master : before.nodes()) {
                if (master.id == node.masterId && master.address() != seed)
                    replica = node;
            }
        }
        QVERIFY(replica.port != 0);
        // As the Cluster tab sends it.
        ClusterNodesModel nodesModel(&session);
        QSignalSpy failedOver(&nodesModel, &ClusterNodesModel::failoverFinished);
        nodesModel.failOver(replica.address());
        QVERIFY(failedOver.wait(10000));
        QCOMPARE(failedOver.first().at(0).toString(), replica.address());
        QVERIFY2(failedOver.first().at(1).toString().isEmpty(), qPrintable(failedOver.first().at(1).toString()));
        // The replica becomes a master: writes to its slots follow (MOVED from the old master).
        auto replicaLink = nodeLink(serverOnPort(replica.port));
        QTRY_VERIFY_WITH_TIMEOUT(awaitReply(replicaLink->execute({ "ROLE" })).at(0).bytes() == "master", 20000);
        QVERIFY(m_cluster.waitUntilHealthy());
        QList<Command> writes;
        for (int i = 0; i < 300; ++i)
            writes.append({ "SET", "after:" + QByteArray::number(i), "w" });
        for (const Reply& reply : awaitBatch(session.executeBatch(writes), 30000))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
        const auto promoted = [&] {
            for (const ClusterNode& node : session.clusterTopology().masters()) {
                if (node.port == replica.port)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(promoted(), 10000);
        // The scan carries on to the end: every key of the masters it started from.
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 60000);
        QVERIFY(loader.loadedKeys() >= 20000);
        // The pane still gets messages.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                awaitReply(session.execute({ "PUBLISH", "news", "after failover" }));
                return received.contains("after failover");
            }(),
            20000);
    }

    void firstConnectTriesTheOtherSeeds()
    {
        // A port nobody listens on, as the profile's host; a live node among the extra seeds.
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }
        ConnectionProfile profile = m_cluster.profile();
        const QString live = QStringLiteral("127.0.0.1:%1").arg(m_cluster.node(1).port());
        profile.port = deadPort;
        profile.clusterSeeds = { QStringLiteral("127.0.0.1:%1").arg(deadPort), live };
        Session session(profile);
        session.open();
        QVERIFY(waitConnected(session));
        QVERIFY(session.isCluster());
        QCOMPARE(session.masterNodes().size(), 3);
        // Every tool's link goes to a node that answers: routed commands, key-less ones, own links.
        QVERIFY(!awaitReply(session.execute({ "SET", "seed:fallback", "1" })).isError());
        QCOMPARE(awaitReply(session.execute({ "DBSIZE" })).type(), Reply::Type::Integer);
        auto own = session.createOwnLink("tst-own");
        own->open();
        waitForState(*own, Connection::State::Connected);
        QCOMPARE(own->connectedEndpoint(), live);

        // No seed answers: one clear error naming each address tried.
        ConnectionProfile nowhere = profile;
        nowhere.clusterSeeds = { QStringLiteral("127.0.0.1:%1").arg(deadPort), QStringLiteral("127.0.0.1:1") };
        Session lost(nowhere);
        QSignalSpy states(&lost, &Session::stateChanged);
        lost.open();
        QTRY_COMPARE_WITH_TIMEOUT(lost.state(), Connection::State::Failed, 15000);
        QVERIFY2(lost.lastError().contains(QStringLiteral("127.0.0.1:1")), qPrintable(lost.lastError()));
        QVERIFY2(lost.lastError().contains(QString::number(deadPort)), qPrintable(lost.lastError()));
    }

    void keyspaceNotificationFlagsOnEveryMaster()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        // Notifications are each node's own: set on every master, and read as the weakest says.
        QString error = QStringLiteral("unset");
        KeyspaceNotifications::setFlags(&session, QStringLiteral("KEA"), this,
                                        [&](const QString& message) { error = message; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("unset"), 10000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString& master : session.masterNodes()) {
            Reply flags;
            session.executeOn(master, { "CONFIG", "GET", "notify-keyspace-events" }, this,
                              [&](const Reply& reply) { flags = reply; });
            QTRY_VERIFY_WITH_TIMEOUT(flags.isArray(), 10000);
            QVERIFY(KeyspaceNotifications::deliversKeyspace(QString::fromUtf8(flags.at(1).bytes())));
        }
        // One master turned off: the cluster as a whole does not deliver.
        QVERIFY(!awaitReply(nodeLink(serverOnPort(quint16(session.masterNodes().last().section(QLatin1Char(':'), -1).toUInt())))
                                ->execute({ "CONFIG", "SET", "notify-keyspace-events", "" }))
                     .isError());
        QString read = QStringLiteral("unset");
        KeyspaceNotifications::readFlags(&session, this, [&](const QString& flags, const QString& message) {
            QVERIFY(message.isEmpty());
            read = flags;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read != QStringLiteral("unset"), 10000);
        QVERIFY(!KeyspaceNotifications::deliversKeyspace(read));
        KeyspaceNotifications::setFlags(&session, QString(), this, [](const QString&) {});
        // The Lua editor's command names come from the cluster too.
        QStringList names;
        lua::loadCommandNames(&session, this, [&](const QStringList& list) { names = list; });
        QTRY_VERIFY_WITH_TIMEOUT(names.size() > 100, 10000);
        QVERIFY(names.contains(QStringLiteral("spublish")) || names.contains(QStringLiteral("SPUBLISH")));
    }

    void keyspaceEventsFromEveryMaster()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QString error = QStringLiteral("unset");
        KeyspaceNotifications::setFlags(&session, QStringLiteral("KA"), this, [&](const QString& message) { error = message; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("unset"), 10000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // One key per master: only a subscriber on every master hears all three.
        QList<QByteArray> keys;
        QSet<QString> owners;
        for (int i = 0; keys.size() < 3; ++i) {
            const QByteArray key = "events:" + QByteArray::number(i);
            if (!owners.contains(session.nodeForKeys({ key }))) {
                owners.insert(session.nodeForKeys({ key }));
                keys.append(key);
            }
        }
        Subscriber everyMaster(&session);
        Subscriber oneNode(&session);
        QSet<QByteArray> heardByAll;
        QSet<QByteArray> heardByOne;
        connect(&everyMaster, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.isMessage())
                    heardByAll.insert(message.channel);
            }
        });
        connect(&oneNode, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.isMessage())
                    heardByOne.insert(message.channel);
            }
        });
        everyMaster.setEveryMaster(true);
        QVERIFY(everyMaster.isEveryMaster());
        QCOMPARE(everyMaster.shardNodes(), session.masterNodes());
        everyMaster.psubscribe({ "__keyspace@0__:events:*" });
        oneNode.psubscribe({ "__keyspace@0__:events:*" });
        everyMaster.start();
        oneNode.start();
        QTRY_COMPARE_WITH_TIMEOUT(everyMaster.state(), Connection::State::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(oneNode.state(), Connection::State::Connected, 10000);
        // Subscriptions are confirmed before the writes (a PING round trip on every master's link
        // is not available here: wait for the writes to be heard instead).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QByteArray& key : keys)
                    awaitReply(session.execute({ "SET", key, "v" }));
                return heardByAll.size() == 3;
            }(),
            10000);
        QVERIFY2(heardByOne.size() < 3, "a single node's subscriber heard another node's keyspace events");
        KeyspaceNotifications::setFlags(&session, QString(), this, [](const QString&) {});
        everyMaster.stop();
        oneNode.stop();
    }

    void shardedPubSubFollowsItsSlots()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        // Three shard channels, one per master.
        QList<QByteArray> channels;
        QSet<QString> owners;
        for (int i = 0; channels.size() < 3; ++i) {
            const QByteArray channel = "orders:{" + QByteArray::number(i) + "}";
            const QString owner = session.nodeForKeys({ channel });
            if (!owners.contains(owner)) {
                owners.insert(owner);
                channels.append(channel);
            }
        }
        Subscriber subscriber(&session);
        QList<QByteArray> received;
        int confirmed = 0;
        int gaps = 0;
        connect(&subscriber, &Subscriber::messagesReceived, this, [&](const PubSubBatch& batch) {
            for (const PubSubMessage& message : batch.messages) {
                if (message.isMessage())
                    received.append(message.channel + '=' + message.payload);
                confirmed += message.kind == PubSubMessage::Kind::Subscribed ? 1 : 0;
                gaps += message.kind == PubSubMessage::Kind::Gap ? 1 : 0;
            }
        });
        subscriber.setSharded(true);
        QVERIFY(subscriber.isSharded());
        subscriber.subscribe(channels);
        subscriber.psubscribe({ "orders:*" }); // no patterns in sharded pub/sub: ignored
        QVERIFY(subscriber.patterns().isEmpty());
        subscriber.start();
        QTRY_COMPARE_WITH_TIMEOUT(confirmed, 3, 10000);
        QCOMPARE(subscriber.state(), Connection::State::Connected);
        QCOMPARE(subscriber.shardNodes().size(), 3);
        for (const QByteArray& channel : channels)
            QCOMPARE(subscriber.nodeOf(channel), session.nodeForKeys({ channel }));
        // SPUBLISH goes to each channel's node; every message arrives.
        for (const QByteArray& channel : channels)
            QCOMPARE(awaitReply(session.execute({ "SPUBLISH", channel, "first" })).toInteger(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 10000);
        for (const QByteArray& channel : channels)
            QVERIFY(received.contains(channel + "=first"));

        // A failover of the master serving the first channel: the channel follows its slot, a gap
        // marks it, and messages keep coming.
        const QString oldOwner = subscriber.nodeOf(channels.first());
        const ClusterTopology before = session.clusterTopology();
        QString replica;
        for (const ClusterNode& node : before.nodes()) {
            for (const ClusterNode& master : before.nodes()) {
                if (!node.master && master.master && master.id == node.masterId && master.address() == oldOwner)
                    replica = node.address();
            }
        }
        QVERIFY(!replica.isEmpty());
        ClusterNodesModel nodesModel(&session);
        QSignalSpy failedOver(&nodesModel, &ClusterNodesModel::failoverFinished);
        nodesModel.failOver(replica);
        QVERIFY(failedOver.wait(10000));
        QVERIFY(m_cluster.waitUntilHealthy());
        QTRY_COMPARE_WITH_TIMEOUT(session.nodeForKeys({ channels.first() }), replica, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.nodeOf(channels.first()), replica, 20000);
        QVERIFY(gaps >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                awaitReply(session.execute({ "SPUBLISH", channels.first(), "after failover" }));
                return received.contains(channels.first() + "=after failover");
            }(),
            20000);
        // The other channels never moved.
        QCOMPARE(subscriber.nodeOf(channels.at(1)), session.nodeForKeys({ channels.at(1) }));
        // Back to classic pub/sub: the channels carry over, SUBSCRIBE on one link.
        subscriber.unsubscribe({ channels.at(2) });
        subscriber.setSharded(false);
        QCOMPARE(subscriber.channels().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), Connection::State::Connected, 10000);
        QVERIFY(subscriber.shardNodes().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                awaitReply(session.execute({ "PUBLISH", channels.at(1), "classic" }));
                return received.contains(channels.at(1) + "=classic");
            }(),
            20000);
    }

    void replicasCanBeScannedAndAddressesMapped()
    {
        // Every node announced as 127.0.0.1 is reached as localhost instead (what NAT, containers
        // and tunnels need), and whole-keyspace scans read from the replicas.
        ConnectionProfile profile = m_cluster.profile();
        for (const auto& node : m_cluster.nodes())
            profile.clusterAddressMap.insert(QStringLiteral("127.0.0.1:%1").arg(node->port()),
                                             QStringLiteral("localhost:%1").arg(node->port()));
        profile.clusterScanReplicas = true;
        Session session(profile);
        session.open();
        QVERIFY(waitConnected(session));
        const QStringList scanned = session.scanNodes();
        QCOMPARE(scanned.size(), 3);
        for (const QString& node : scanned)
            QVERIFY2(node.startsWith(QStringLiteral("localhost:")), qPrintable(node));
        const QStringList masters = session.masterNodes();
        for (const QString& node : scanned)
            QVERIFY(!masters.contains(node)); // replicas, not the masters
        QVERIFY(!awaitReply(session.execute({ "SET", "mapped:key", "v" })).isError());
        QCOMPARE(awaitReply(session.execute({ "GET", "mapped:key" })).bytes(), QByteArray("v"));
        // Replicas hold what the masters hold, once replication caught up.
        for (const QString& node : masters) {
            QEventLoop loop;
            session.executeOn(node, { "WAIT", "1", "5000" }, &loop, [&](const Reply&) { loop.quit(); });
            loop.exec();
        }
        KeyspaceLoader loader(&session, ":");
        loader.start({});
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 30000);
        QTRY_VERIFY(loader.databaseSize() >= 0);
        QCOMPARE(loader.loadedKeys(), loader.databaseSize());
    }

    void databaseSelectionIsRefused()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        QEventLoop loop;
        Reply answer;
        session.selectDatabase(1, &loop, [&](const Reply& reply) {
            answer = reply;
            loop.quit();
        });
        loop.exec();
        QVERIFY(answer.isError());
        QVERIFY(answer.errorMessage().contains(QStringLiteral("database 0")));
    }

    // Last: it leaves one node down.
    // Nodes that announce a hostname (cluster-preferred-endpoint-type hostname): the map, the links
    // and the tools use it.
    void hostnameEndpointsWork()
    {
        if (QHostInfo::fromName(QStringLiteral("localhost")).addresses().isEmpty())
            QSKIP("This machine cannot resolve localhost (no /etc/hosts entry).");
        const auto setEverywhere = [&](const QByteArray& name, const QByteArray& value) {
            for (int i = 0; i < int(m_cluster.nodes().size()); ++i) {
                auto link = nodeLink(m_cluster.node(i));
                const Reply reply = awaitReply(link->execute({ "CONFIG", "SET", name, value }));
                if (reply.isError())
                    return false;
            }
            return true;
        };
        QVERIFY(setEverywhere("cluster-announce-hostname", "localhost"));
        QVERIFY(setEverywhere("cluster-preferred-endpoint-type", "hostname"));
        // Until every node's hostname has gone round the cluster.
        const auto everyEndpointIsAHostname = [&] {
            auto link = nodeLink(m_cluster.node(0));
            QString error;
            const auto topology = ClusterTopology::fromShards(awaitReply(link->execute({ "CLUSTER", "SHARDS" })),
                                                              QStringLiteral("127.0.0.1"), &error);
            if (!topology || topology->nodes().size() != int(m_cluster.nodes().size()))
                return false;
            for (const ClusterNode& node : topology->nodes()) {
                if (node.host != QStringLiteral("localhost"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(everyEndpointIsAHostname(), 20000);

        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        for (const QString& node : session.allNodes())
            QVERIFY2(node.startsWith(QStringLiteral("localhost:")), qPrintable(node));
        for (int i = 0; i < 50; ++i) {
            const QByteArray key = "hostname:" + QByteArray::number(i);
            QVERIFY(!awaitReply(session.execute({ "SET", key, QByteArray::number(i) })).isError());
            QCOMPARE(awaitReply(session.execute({ "GET", key })).bytes(), QByteArray::number(i));
        }
        // Every master, reached by name.
        QList<Session::NodeReply> sizes;
        session.executeOnEach(session.masterNodes(), { "DBSIZE" }, this,
                              [&](const QList<Session::NodeReply>& replies) { sizes = replies; });
        QTRY_COMPARE_WITH_TIMEOUT(sizes.size(), 3, 10000);
        for (const auto& size : sizes)
            QVERIFY2(!size.reply.isError(), qPrintable(size.node + size.reply.errorMessage()));

        QVERIFY(setEverywhere("cluster-preferred-endpoint-type", "ip"));
        QVERIFY(setEverywhere("cluster-announce-hostname", ""));
    }

    void masterKilledThenReplicaTakesOver()
    {
        Session session(m_cluster.profile());
        session.open();
        QVERIFY(waitConnected(session));
        // A master other than the session's seed, its replica, and a key it serves.
        const ClusterTopology topology = session.clusterTopology();
        const QString seed = QStringLiteral("127.0.0.1:%1").arg(m_cluster.node(0).port());
        ClusterNode master;
        ClusterNode replica;
        for (const ClusterNode& node : topology.masters()) {
            if (node.address() == seed)
                continue;
            for (const ClusterNode& other : topology.nodes()) {
                if (!other.master && other.masterId == node.id && master.port == 0) {
                    master = node;
                    replica = other;
                }
            }
        }
        QVERIFY(master.port != 0 && replica.port != 0);
        QByteArray key;
        for (int i = 0; key.isEmpty(); ++i) {
            const QByteArray candidate = "survivor:" + QByteArray::number(i);
            if (topology.masterForSlot(ClusterSlots::slotOf(candidate))->port == master.port)
                key = candidate;
        }
        QVERIFY(!awaitReply(session.execute({ "SET", key, "kept" })).isError());
        // The write reached the replica before the master goes.
        auto masterLink = nodeLink(serverOnPort(master.port));
        QCOMPARE(awaitReply(masterLink->execute({ "WAIT", "1", "5000" })).integerValue(), qint64(1));
        masterLink.reset();
        serverOnPort(master.port).kill();
        // A clear error, not a hang and not a silent retry.
        const Reply down = awaitReply(session.execute({ "GET", key }), 20000);
        QVERIFY(down.isError());
        QVERIFY(down.isClientError());
        QVERIFY(!down.errorMessage().isEmpty());
        // Other masters still answer.
        QCOMPARE(awaitReply(session.execute({ "PING" })).bytes(), QByteArray("PONG"));
        // The replica takes over (TAKEOVER: without waiting for the node timeout), and the session
        // finds it: the failed command made it read the map again.
        auto replicaLink = nodeLink(serverOnPort(replica.port));
        QVERIFY(!awaitReply(replicaLink->execute({ "CLUSTER", "FAILOVER", "TAKEOVER" })).isError());
        QTRY_VERIFY_WITH_TIMEOUT(awaitReply(session.execute({ "GET", key }), 5000).bytes() == "kept", 30000);
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
