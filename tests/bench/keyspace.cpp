#include "benchsupport.h"
#include "client/connection.h"
#include "client/session.h"
#include "keyspace/keybrowserpanel.h"
#include "keyspace/keyspaceloader.h"
#include "keyspace/keytreemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>
#include <QTreeView>
#include <hiredis/hiredis.h>
#include <memory>
#include <thread>

namespace vermilion::bench {

namespace {
// Fills the db with keys shaped app:user:<n>:session:<i> (ten sessions per user), pipelined.
// With flat, keys are session_<i>, no namespaces.
void populate(const ConnectionProfile& profile, qint64 count, bool flat)
{
    Connection connection(profile);
    connection.open();
    QEventLoop loop;
    qint64 pending = 0;
    qint64 next = 0;
    constexpr qint64 perCommand = 1000;
    QObject context;
    std::function<void()> pump = [&] {
        while (next < count && pending < 64) {
            Command mset { "MSET" };
            const qint64 end = qMin(count, next + perCommand);
            for (qint64 i = next; i < end; ++i)
                mset << (flat ? QByteArray("session_" + QByteArray::number(i))
                              : QByteArray(
                                  "app:user:" + QByteArray::number(i / 10) + ":session:" + QByteArray::number(i % 10)))
                     << "1";
            next = end;
            ++pending;
            connection.execute(mset, &context, [&](const Reply& reply) {
                if (reply.isError())
                    fail(QStringLiteral("populating failed: ") + reply.errorMessage());
                --pending;
                if (next >= count && pending == 0)
                    loop.quit();
                else
                    pump();
            });
        }
    };
    connection.execute({ "FLUSHDB" }, &context, [&](const Reply&) { pump(); });
    loop.exec();
}

// The reference: a plain blocking hiredis loop of SCAN COUNT 1000 over one server's db.
double hiredisScanSeconds(const QByteArray& host, int port, int database, const QByteArray& match, qint64* keys)
{
    std::unique_ptr<redisContext, decltype(&redisFree)> context(redisConnect(host.constData(), port), &redisFree);
    if (!context || context->err)
        fail(QStringLiteral("hiredis cannot connect"));
    if (database != 0)
        freeReplyObject(redisCommand(context.get(), "SELECT %d", database));
    QElapsedTimer clock;
    clock.start();
    QByteArray cursor = "0";
    *keys = 0;
    do {
        redisReply* reply = match.isEmpty()
            ? static_cast<redisReply*>(redisCommand(context.get(), "SCAN %s COUNT 1000", cursor.constData()))
            : static_cast<redisReply*>(redisCommand(context.get(), "SCAN %s MATCH %b COUNT 1000", cursor.constData(),
                match.constData(), size_t(match.size())));
        if (!reply || reply->type != REDIS_REPLY_ARRAY)
            fail(QStringLiteral("hiredis SCAN failed"));
        cursor = QByteArray(reply->element[0]->str, qsizetype(reply->element[0]->len));
        *keys += qint64(reply->element[1]->elements);
        freeReplyObject(reply);
    } while (cursor != "0");
    return double(clock.nsecsElapsed()) / 1e9;
}

double hiredisScanSeconds(const ConnectionProfile& profile, const QByteArray& match, qint64* keys)
{
    return hiredisScanSeconds(profile.host.toUtf8(), profile.port, profile.database, match, keys);
}
} // namespace

// Connecting is not measured: waits until the session's link is up.
void waitForConnection(Session& session)
{
    QEventLoop connected;
    QObject::connect(&session, &Session::stateChanged, &connected, [&](Connection::State state, const QString& m) {
        if (state == Connection::State::Connected)
            connected.quit();
        else if (state == Connection::State::Failed)
            fail(m);
    });
    if (session.state() != Connection::State::Connected)
        connected.exec();
}

// The same keys on a cluster: SETs routed by the session, in batches it splits per node.
static void populateCluster(const ConnectionProfile& profile, qint64 count, bool flat)
{
    Session session(profile);
    session.open();
    waitForConnection(session);
    QObject context;
    QEventLoop flushed;
    const QStringList masters = session.masterNodes();
    int pendingFlushes = int(masters.size());
    for (const QString& node : masters) {
        session.executeOn(node, { "FLUSHALL" }, &context, [&](const Reply& reply) {
            if (reply.isError())
                fail(QStringLiteral("FLUSHALL failed: ") + reply.errorMessage());
            if (--pendingFlushes == 0)
                flushed.quit();
        }, Session::Role::Bulk);
    }
    flushed.exec();
    QEventLoop loop;
    qint64 pending = 0;
    qint64 next = 0;
    std::function<void()> pump = [&] {
        while (next < count && pending < 16) {
            QList<Command> batch;
            const qint64 end = qMin(count, next + 3000);
            batch.reserve(end - next);
            for (qint64 i = next; i < end; ++i)
                batch.append({ "SET",
                    flat ? QByteArray("session_" + QByteArray::number(i))
                         : QByteArray("app:user:" + QByteArray::number(i / 10) + ":session:" + QByteArray::number(i % 10)),
                    "1" });
            next = end;
            ++pending;
            session.executeBatch(batch, &context, [&](const QList<Reply>& replies) {
                for (const Reply& reply : replies) {
                    if (reply.isError())
                        fail(QStringLiteral("populating failed: ") + reply.errorMessage());
                }
                --pending;
                if (next >= count && pending == 0)
                    loop.quit();
                else
                    pump();
            });
        }
    };
    pump();
    loop.exec();
}

// --view: the real key browser panel, offscreen, on the model it builds itself, as a user opening
// the connection sees it. Timed from showing the panel until the last key is in the tree.
int runKeyspaceView(const Arguments&, Session& session)
{
    waitForConnection(session);

    StallMeter stalls;
    stalls.start();
    auto panel = std::make_unique<ui::KeyBrowserPanel>(&session);
    panel->resize(1200, 800);
    QEventLoop loop;
    QObject::connect(panel->loader(), &KeyspaceLoader::stateChanged, &loop, [&](KeyspaceLoader::State state) {
        // Past the panel's key limit, go on as a user choosing to load the rest does.
        if (state == KeyspaceLoader::State::CapReached)
            QTimer::singleShot(0, panel.get(), [&] { panel->loader()->loadMore(0); });
        else if (state != KeyspaceLoader::State::Loading)
            loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    panel->show(); // starts the scan, as opening the tab does
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [] { fail(QStringLiteral("the load took over 10 minutes")); });
    timeout.start(600000);
    loop.exec();
    // The panel merges the last keys on its refresh timer: wait until the tree shows them.
    QEventLoop settled;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &settled, [&] {
        if (!panel->model()->isBusy())
            settled.quit();
    });
    poll.start(20);
    settled.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    KeyspaceLoader* loader = panel->loader();
    if (loader->state() != KeyspaceLoader::State::Finished)
        fail(QStringLiteral("the load did not finish: ") + loader->errorString());
    // Scroll through the root, as a user would after the load.
    panel->tree()->scrollToBottom();
    QCoreApplication::processEvents();

    emitResult({ { QStringLiteral("bench"), QStringLiteral("keyspace") }, { QStringLiteral("view"), true },
        { QStringLiteral("keys"), loader->loadedKeys() },
        { QStringLiteral("namespaces"), qint64(loader->tree()->folderCount()) }, { QStringLiteral("seconds"), seconds },
        { QStringLiteral("peak_rss_mb"), peakRssMb() }, { QStringLiteral("max_ui_stall_ms"), stalls.maxStallMs() },
        { QStringLiteral("max_ui_busy_ms"), stalls.maxBusyMs() },
        { QStringLiteral("tree_mb"), double(loader->tree()->memoryBytes()) / (1024.0 * 1024.0) } });
    return 0;
}

int runKeyspace(const Arguments& arguments)
{
    ConnectionProfile profile = arguments.profile();
    const QByteArray match = arguments.value(QStringLiteral("match")).toUtf8();
    const ClusterMap cluster = readClusterMap(profile);
    if (arguments.has(QStringLiteral("populate"))) {
        const qint64 count = arguments.integer(QStringLiteral("populate"), 1000000);
        if (cluster.isCluster())
            populateCluster(profile, count, arguments.has(QStringLiteral("flat")));
        else
            populate(profile, count, arguments.has(QStringLiteral("flat")));
    }

    Session session(profile);
    session.open();
    if (arguments.has(QStringLiteral("view")))
        return runKeyspaceView(arguments, session);
    KeyspaceLoader loader(&session, ":");
    KeyTreeModel model(&session);
    QObject::connect(&loader, &KeyspaceLoader::treeReplaced, &model, &KeyTreeModel::setTree);
    // The UI merges new keys on a timer; the bench does the same, with the root level shown.
    QTimer refresh;
    refresh.setInterval(100);
    QObject::connect(&refresh, &QTimer::timeout, &model, &KeyTreeModel::refresh);
    StallMeter stalls;
    QEventLoop loop;
    QObject::connect(&loader, &KeyspaceLoader::stateChanged, &loop, [&](KeyspaceLoader::State state) {
        if (state != KeyspaceLoader::State::Loading)
            loop.quit();
    });
    // Wait for the link, so connecting is not measured.
    waitForConnection(session);

    ScanOptions options;
    options.match = match;
    options.count = int(arguments.integer(QStringLiteral("count"), options.count));
    QElapsedTimer clock;
    clock.start();
    stalls.start();
    refresh.start();
    loader.start(options);
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    refresh.stop();
    model.refresh();
    if (loader.state() != KeyspaceLoader::State::Finished)
        fail(QStringLiteral("the load did not finish: ") + loader.errorString());

    QJsonObject result { { QStringLiteral("bench"), QStringLiteral("keyspace") },
        { QStringLiteral("keys"), loader.loadedKeys() },
        { QStringLiteral("namespaces"), qint64(loader.tree()->folderCount()) }, { QStringLiteral("seconds"), seconds },
        { QStringLiteral("peak_rss_mb"), peakRssMb() }, { QStringLiteral("max_ui_stall_ms"), stalls.maxStallMs() },
        { QStringLiteral("max_ui_busy_ms"), stalls.maxBusyMs() },
        { QStringLiteral("tree_mb"), double(loader.tree()->memoryBytes()) / (1024.0 * 1024.0) } };
    if (cluster.isCluster()) {
        result.insert(QStringLiteral("nodes"), qint64(session.scanNodes().size()));
        result.insert(QStringLiteral("redirects"), session.clusterRedirects(false) + session.clusterRedirects(true));
    }
    if (cluster.isCluster() && !arguments.has(QStringLiteral("no-baseline"))) {
        // Two references: one thread per master at once (the physical limit on this machine), and
        // the same loop over the masters one after another.
        const size_t count = cluster.masters.size();
        std::vector<double> seconds(count);
        std::vector<qint64> keys(count);
        QElapsedTimer parallelClock;
        parallelClock.start();
        std::vector<std::thread> threads;
        for (size_t m = 0; m < count; ++m)
            threads.emplace_back([&, m] {
                seconds[m] = hiredisScanSeconds(cluster.masters[m].host, cluster.masters[m].port, 0, match, &keys[m]);
            });
        for (std::thread& thread : threads)
            thread.join();
        const double parallel = double(parallelClock.nsecsElapsed()) / 1e9;
        qint64 parallelKeys = 0;
        for (qint64 k : keys)
            parallelKeys += k;
        double sequential = 0;
        for (size_t m = 0; m < count; ++m)
            sequential += hiredisScanSeconds(cluster.masters[m].host, cluster.masters[m].port, 0, match, &keys[m]);
        result.insert(QStringLiteral("hiredis_parallel_seconds"), parallel);
        result.insert(QStringLiteral("hiredis_sequential_seconds"), sequential);
        result.insert(QStringLiteral("hiredis_keys"), parallelKeys);
        result.insert(QStringLiteral("ratio"), result.value(QStringLiteral("seconds")).toDouble() / parallel);
    } else if (!arguments.has(QStringLiteral("no-baseline"))) {
        qint64 baselineKeys = 0;
        const double baseline = hiredisScanSeconds(profile, match, &baselineKeys);
        result.insert(QStringLiteral("hiredis_seconds"), baseline);
        result.insert(QStringLiteral("hiredis_keys"), baselineKeys);
        result.insert(QStringLiteral("ratio"), seconds / baseline);
    }
    emitResult(result);
    return 0;
}

} // namespace vermilion::bench
