#include "benchsupport.h"
#include "client/clusterslots.h"
#include "client/connection.h"
#include "client/session.h"
#include "server/redisserverprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>
#include <hiredis/hiredis.h>
#include <algorithm>
#include <memory>
#include <vector>

namespace vermilion::bench {

namespace {
QByteArray keyFor(qint64 i)
{
    return "bench:pipeline:" + QByteArray::number(i % 100000);
}
QByteArray valueFor(qint64 i)
{
    return "value-" + QByteArray::number(i);
}

struct HiredisResult {
    double seconds = 0;
    qint64 errors = 0;
};

// The reference: plain blocking hiredis, pipelining the same SETs in batches of 1000.
HiredisResult hiredisPipeline(const ConnectionProfile& profile, qint64 n)
{
    std::unique_ptr<redisContext, decltype(&redisFree)> context(profile.usesUnixSocket()
            ? redisConnectUnix(profile.socketPath.toUtf8().constData())
            : redisConnect(profile.host.toUtf8().constData(), profile.port),
        &redisFree);
    if (!context || context->err)
        fail(QStringLiteral("hiredis cannot connect: %1")
                 .arg(context ? QString::fromLatin1(context->errstr) : QStringLiteral("out of memory")));
    auto command = [&](std::initializer_list<QByteArray> args) {
        std::vector<const char*> argv;
        std::vector<size_t> lengths;
        for (const QByteArray& arg : args) {
            argv.push_back(arg.constData());
            lengths.push_back(size_t(arg.size()));
        }
        redisAppendCommandArgv(context.get(), int(argv.size()), argv.data(), lengths.data());
    };
    if (!profile.password.isEmpty()) {
        if (profile.username.isEmpty())
            command({ "AUTH", profile.password.toUtf8() });
        else
            command({ "AUTH", profile.username.toUtf8(), profile.password.toUtf8() });
    }
    if (profile.database != 0)
        command({ "SELECT", QByteArray::number(profile.database) });
    void* reply = nullptr;
    const int setup = int(!profile.password.isEmpty()) + int(profile.database != 0);
    for (int i = 0; i < setup; ++i) {
        if (redisGetReply(context.get(), &reply) == REDIS_OK)
            freeReplyObject(reply);
    }
    HiredisResult result;
    QElapsedTimer clock;
    clock.start();
    constexpr qint64 batch = 1000;
    for (qint64 start = 0; start < n; start += batch) {
        const qint64 end = qMin(n, start + batch);
        for (qint64 i = start; i < end; ++i) {
            const QByteArray key = keyFor(i);
            const QByteArray value = valueFor(i);
            const char* argv[] = { "SET", key.constData(), value.constData() };
            const size_t lengths[] = { 3, size_t(key.size()), size_t(value.size()) };
            redisAppendCommandArgv(context.get(), 3, argv, lengths);
        }
        for (qint64 i = start; i < end; ++i) {
            if (redisGetReply(context.get(), &reply) != REDIS_OK)
                fail(QStringLiteral("hiredis: %1").arg(QString::fromLatin1(context->errstr)));
            if (static_cast<redisReply*>(reply)->type == REDIS_REPLY_ERROR)
                ++result.errors;
            freeReplyObject(reply);
        }
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}
// The cluster reference: the same SETs, each appended to the link of the master serving its slot,
// the replies of a node read whenever 1000 are pending there.
HiredisResult hiredisClusterPipeline(const ClusterMap& cluster, qint64 n)
{
    std::vector<std::unique_ptr<redisContext, decltype(&redisFree)>> links;
    for (const ClusterMap::Master& master : cluster.masters) {
        links.emplace_back(redisConnect(master.host.constData(), master.port), &redisFree);
        if (!links.back() || links.back()->err)
            fail(QStringLiteral("hiredis cannot connect to a master"));
    }
    std::vector<qint64> pending(links.size(), 0);
    HiredisResult result;
    void* reply = nullptr;
    auto drain = [&](size_t node) {
        for (; pending[node] > 0; --pending[node]) {
            if (redisGetReply(links[node].get(), &reply) != REDIS_OK)
                fail(QStringLiteral("hiredis: %1").arg(QString::fromLatin1(links[node]->errstr)));
            if (static_cast<redisReply*>(reply)->type == REDIS_REPLY_ERROR)
                ++result.errors;
            freeReplyObject(reply);
        }
    };
    QElapsedTimer clock;
    clock.start();
    for (qint64 i = 0; i < n; ++i) {
        const QByteArray key = keyFor(i);
        const QByteArray value = valueFor(i);
        const size_t node = size_t(cluster.slotOwner[size_t(ClusterSlots::slotOf(key))]);
        const char* argv[] = { "SET", key.constData(), value.constData() };
        const size_t lengths[] = { 3, size_t(key.size()), size_t(value.size()) };
        redisAppendCommandArgv(links[node].get(), 3, argv, lengths);
        if (++pending[node] == 1000)
            drain(node);
    }
    for (size_t node = 0; node < links.size(); ++node)
        drain(node);
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

// N SETs with a bounded window in flight, each reply delivered to a context object on this (main)
// thread, as a UI feature sends a long job. send(command, context, callback) issues one.
struct WindowedRun {
    double seconds = 0;
    double maxStallMs = 0;
    double maxBusyMs = 0; // the main thread's own CPU time over its longest gap
    qint64 errors = 0;
};
// Starts the clock and the stall meter, sends the first commands, and runs the event loop until
// the last reply is in.
void timeRun(WindowedRun* run, StallMeter& stalls, const std::function<void()>& refill, const qint64& received,
    qint64 n, QEventLoop& done)
{
    QElapsedTimer clock;
    clock.start();
    stalls.start();
    refill();
    if (received < n)
        done.exec();
    run->seconds = double(clock.nsecsElapsed()) / 1e9;
    run->maxStallMs = stalls.maxStallMs();
    run->maxBusyMs = stalls.maxBusyMs();
}

template<typename Send> WindowedRun runWindowed(qint64 n, qint64 window, Send&& send)
{
    QObject context;
    StallMeter stalls;
    qint64 sent = 0;
    qint64 received = 0;
    WindowedRun run;
    QEventLoop done;
    std::function<void()> refill;
    const Connection::Callback onReply = [&](const Reply& reply) {
        if (reply.isError())
            ++run.errors;
        if (++received == n)
            done.quit();
        else if (sent - received < window / 2)
            refill();
    };
    refill = [&] {
        while (sent < n && sent - received < window) {
            send(Command { "SET", keyFor(sent), valueFor(sent) }, &context, onReply);
            ++sent;
        }
    };
    timeRun(&run, stalls, refill, received, n, done);
    return run;
}

// The same N SETs sent as the app's long jobs send theirs (bulk delete, import): lists of `batch`
// commands, each list one call whose replies come back together to a context object on this thread,
// with a bounded number of commands in flight.
template<typename SendBatch> WindowedRun runBatched(qint64 n, qint64 window, qint64 batch, SendBatch&& send)
{
    QObject context;
    StallMeter stalls;
    qint64 sent = 0;
    qint64 received = 0;
    WindowedRun run;
    QEventLoop done;
    std::function<void()> refill;
    const std::function<void(const QList<Reply>&)> onReplies = [&](const QList<Reply>& replies) {
        for (const Reply& reply : replies) {
            if (reply.isError())
                ++run.errors;
        }
        received += replies.size();
        if (received >= n)
            done.quit();
        else if (sent - received <= window - batch)
            refill();
    };
    // One list per turn of the event loop, as a job builds its next list: never thousands of
    // commands in one go on the main thread.
    bool refillQueued = false;
    refill = [&] {
        if (sent >= n || sent - received > window - batch)
            return;
        QList<Command> commands;
        const qint64 end = qMin(n, sent + batch);
        commands.reserve(end - sent);
        for (qint64 i = sent; i < end; ++i)
            commands.append(Command { "SET", keyFor(i), valueFor(i) });
        sent = end;
        send(commands, &context, onReplies);
        if (!refillQueued && sent < n && sent - received <= window - batch) {
            refillQueued = true;
            QTimer::singleShot(0, &context, [&] {
                refillQueued = false;
                refill();
            });
        }
    };
    timeRun(&run, stalls, refill, received, n, done);
    return run;
}

// Through the session's cluster routing, as the app sends a long job.
int runClusterPipeline(const Arguments& arguments, const ClusterMap& cluster)
{
    const ConnectionProfile profile = arguments.profile();
    const qint64 n = arguments.integer(QStringLiteral("n"), 100000);
    const qint64 window = qMax<qint64>(1000, arguments.integer(QStringLiteral("window"), 16000));
    Session session(profile);
    QEventLoop ready;
    QObject::connect(&session, &Session::stateChanged, &ready, [&](Connection::State state, const QString& m) {
        if (state == Connection::State::Connected)
            ready.quit();
        else if (state == Connection::State::Failed)
            fail(m);
    });
    session.open();
    ready.exec();
    if (!session.isCluster())
        fail(QStringLiteral("the session did not find the cluster"));
    // Every node's link up before the clock starts, as for the single server.
    {
        QEventLoop warm;
        QObject context;
        int left = int(session.masterNodes().size());
        for (const QString& node : session.masterNodes())
            session.executeOn(node, { "PING" }, &context, [&](const Reply&) {
                if (--left == 0)
                    warm.quit();
            }, Session::Role::Bulk);
        warm.exec();
    }
    // On a cluster the app's long jobs send lists (Session::executeBatch, split per node by the
    // router): 1000 commands a list by default. --batch 1 sends command by command.
    const qint64 batch = qMax<qint64>(1, arguments.integer(QStringLiteral("batch"), 1000));
    const WindowedRun run = batch == 1
        ? runWindowed(n, window, [&](const Command& set, QObject* context, const Connection::Callback& done) {
              session.execute(set, context, done, Session::Role::Bulk);
          })
        : runBatched(n, qMax(window, batch), batch,
              [&](const QList<Command>& commands, QObject* context,
                  const std::function<void(const QList<Reply>&)>& done) {
                  session.executeBatch(commands, context, done, Session::Role::Bulk);
              });
    const double seconds = run.seconds;
    const qint64 errors = run.errors;
    QJsonObject result { { QStringLiteral("bench"), QStringLiteral("pipeline") }, { QStringLiteral("n"), n },
        { QStringLiteral("batch"), batch }, { QStringLiteral("nodes"), qint64(cluster.masters.size()) },
        { QStringLiteral("seconds"), seconds },
        { QStringLiteral("ops_per_s"), double(n) / seconds }, { QStringLiteral("peak_rss_mb"), peakRssMb() },
        { QStringLiteral("max_ui_stall_ms"), run.maxStallMs }, { QStringLiteral("max_ui_busy_ms"), run.maxBusyMs },
        { QStringLiteral("errors"), errors } };
    if (!arguments.has(QStringLiteral("no-baseline"))) {
        const HiredisResult baseline = hiredisClusterPipeline(cluster, n);
        const double baselineRate = double(n) / baseline.seconds;
        result.insert(QStringLiteral("hiredis_ops_per_s"), baselineRate);
        result.insert(QStringLiteral("ratio"), (double(n) / seconds) / baselineRate);
    }
    emitResult(result);
    return errors == 0 ? 0 : 1;
}
} // namespace

int runPipelineHiredis(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    const qint64 n = arguments.integer(QStringLiteral("n"), 100000);
    const HiredisResult result = hiredisPipeline(profile, n);
    emitResult({ { QStringLiteral("bench"), QStringLiteral("pipeline-hiredis") }, { QStringLiteral("n"), n },
        { QStringLiteral("seconds"), result.seconds }, { QStringLiteral("ops_per_s"), double(n) / result.seconds },
        { QStringLiteral("errors"), result.errors } });
    return result.errors == 0 ? 0 : 1;
}

namespace {
// The app's link to profile (tunnelled when the profile says so), the same N SETs as a UI job
// sends them.
WindowedRun connectionPipeline(const ConnectionProfile& profile, qint64 n, qint64 window)
{
    Connection connection(profile);
    QEventLoop ready;
    QObject::connect(&connection, &Connection::stateChanged, &ready, [&](Connection::State state, const QString& m) {
        if (state == Connection::State::Connected)
            ready.quit();
        else if (state == Connection::State::Failed)
            fail(m);
    });
    connection.open();
    ready.exec();
    return runWindowed(n, window, [&](const Command& set, QObject* context, const Connection::Callback& done) {
        connection.execute(set, context, done);
    });
}

// OpenSSH's own forward to the same server: ssh -N -L, for as long as it lives.
class OpenSshForward {
public:
    OpenSshForward(const QString& alias, const QString& configFile, const QString& host, quint16 port)
    {
        m_port = RedisServerProcess::findFreePort();
        QStringList arguments { QStringLiteral("-N"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
            QStringLiteral("-o"), QStringLiteral("ExitOnForwardFailure=yes"), QStringLiteral("-L"),
            QStringLiteral("127.0.0.1:%1:%2:%3").arg(m_port).arg(host).arg(port) };
        if (!configFile.isEmpty())
            arguments << QStringLiteral("-F") << configFile;
        arguments << alias;
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("ssh"), arguments);
        if (!m_process.waitForStarted(10000))
            fail(QStringLiteral("cannot start ssh: %1").arg(m_process.errorString()));
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000 && m_process.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
            if (probe.waitForConnected(200))
                return;
            // Between probes, wait on ssh itself: a login that fails ends the wait at once.
            m_process.waitForFinished(20);
        }
        fail(QStringLiteral("ssh -L %1 did not open its local port").arg(alias));
    }
    ~OpenSshForward()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// --ssh ALIAS: through the app's tunnel (the alias resolved in ~/.ssh/config, or --ssh-config),
// against the same benchmark run direct and through OpenSSH's ssh -N -L, all in one run. The
// URL names the Redis server as the SSH server reaches it; direct runs need it reachable from
// here too (a loopback sshd).
int runSshPipeline(const Arguments& arguments, ConnectionProfile profile)
{
    const qint64 n = arguments.integer(QStringLiteral("n"), 100000);
    const qint64 window = qMax<qint64>(1000, arguments.integer(QStringLiteral("window"), 16000));
    const QString alias = arguments.value(QStringLiteral("ssh"));
    const QString configFile = arguments.value(QStringLiteral("ssh-config"));

    // --repeat R (default 3): the three runs take turns R times, and each reports its median, so
    // that a moment of noise on this shared machine does not decide the comparison.
    const int repeat = int(qBound(qint64(1), arguments.integer(QStringLiteral("repeat"), 3), qint64(15)));
    ConnectionProfile tunnelled = profile;
    tunnelled.ssh.enabled = true;
    tunnelled.ssh.host = alias;
    tunnelled.ssh.configFile = configFile;
    OpenSshForward forward(alias, configFile, profile.host, profile.port);
    ConnectionProfile local = profile;
    local.host = QStringLiteral("127.0.0.1");
    local.port = forward.port();
    local.tls.serverName = profile.tls.serverName.isEmpty() ? profile.host : profile.tls.serverName;
    std::vector<WindowedRun> directRuns, sshRuns, forwardRuns;
    for (int round = 0; round < repeat; ++round) {
        directRuns.push_back(connectionPipeline(profile, n, window));
        sshRuns.push_back(connectionPipeline(tunnelled, n, window));
        forwardRuns.push_back(connectionPipeline(local, n, window));
    }
    const auto median = [](std::vector<WindowedRun> runs) {
        std::sort(runs.begin(), runs.end(), [](const WindowedRun& a, const WindowedRun& b) { return a.seconds < b.seconds; });
        WindowedRun out = runs.at(runs.size() / 2);
        for (const WindowedRun& run : runs) {
            out.maxStallMs = qMax(out.maxStallMs, run.maxStallMs);
            out.maxBusyMs = qMax(out.maxBusyMs, run.maxBusyMs);
            out.errors += run.errors;
        }
        out.errors -= runs.at(runs.size() / 2).errors;
        return out;
    };
    const WindowedRun direct = median(directRuns);
    const WindowedRun ssh = median(sshRuns);
    const WindowedRun forwarded = median(forwardRuns);
    const double rate = double(n) / ssh.seconds;
    const double directRate = double(n) / direct.seconds;
    const double forwardRate = double(n) / forwarded.seconds;
    emitResult({ { QStringLiteral("bench"), QStringLiteral("pipeline") }, { QStringLiteral("n"), n },
        { QStringLiteral("ssh"), alias }, { QStringLiteral("repeat"), repeat }, { QStringLiteral("seconds"), ssh.seconds },
        { QStringLiteral("ops_per_s"), rate },
        { QStringLiteral("direct_ops_per_s"), directRate }, { QStringLiteral("openssh_forward_ops_per_s"), forwardRate },
        { QStringLiteral("ratio_to_direct"), rate / directRate },
        { QStringLiteral("ratio_to_openssh_forward"), rate / forwardRate },
        { QStringLiteral("peak_rss_mb"), peakRssMb() }, { QStringLiteral("max_ui_stall_ms"), ssh.maxStallMs },
        { QStringLiteral("max_ui_busy_ms"), ssh.maxBusyMs },
        { QStringLiteral("errors"), ssh.errors + direct.errors + forwarded.errors } });
    return ssh.errors + direct.errors + forwarded.errors == 0 ? 0 : 1;
}
} // namespace

int runPipeline(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    if (arguments.has(QStringLiteral("ssh")))
        return runSshPipeline(arguments, profile);
    if (const ClusterMap cluster = readClusterMap(profile); cluster.isCluster())
        return runClusterPipeline(arguments, cluster);
    const qint64 n = arguments.integer(QStringLiteral("n"), 100000);
    // Commands go out the way a UI feature sends a long job: chunks of pipelined commands with a
    // bounded number in flight, each reply delivered to a context object on this (main) thread.
    const qint64 window = qMax<qint64>(1000, arguments.integer(QStringLiteral("window"), 16000));
    const WindowedRun run = connectionPipeline(profile, n, window);
    const double seconds = run.seconds;
    const qint64 errors = run.errors;

    QJsonObject result { { QStringLiteral("bench"), QStringLiteral("pipeline") }, { QStringLiteral("n"), n },
        { QStringLiteral("seconds"), seconds }, { QStringLiteral("ops_per_s"), double(n) / seconds },
        { QStringLiteral("peak_rss_mb"), peakRssMb() }, { QStringLiteral("max_ui_stall_ms"), run.maxStallMs },
        { QStringLiteral("max_ui_busy_ms"), run.maxBusyMs },
        { QStringLiteral("errors"), errors } };
    if (!arguments.has(QStringLiteral("no-baseline"))) {
        // The reference is measured in the same run against the same server.
        const HiredisResult baseline = hiredisPipeline(profile, n);
        const double baselineRate = double(n) / baseline.seconds;
        result.insert(QStringLiteral("hiredis_ops_per_s"), baselineRate);
        result.insert(QStringLiteral("ratio"), (double(n) / seconds) / baselineRate);
    }
    emitResult(result);
    return errors == 0 ? 0 : 1;
}

} // namespace vermilion::bench
