#include "benchsupport.h"
#include "client/connection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <hiredis/hiredis.h>
#include <memory>

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

int runPipeline(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    const qint64 n = arguments.integer(QStringLiteral("n"), 100000);
    // Commands go out the way a UI feature sends a long job: chunks of pipelined commands with a
    // bounded number in flight, each reply delivered to a context object on this (main) thread.
    const qint64 window = qMax<qint64>(1000, arguments.integer(QStringLiteral("window"), 16000));

    Connection connection(profile);
    QObject context;
    QEventLoop ready;
    QObject::connect(&connection, &Connection::stateChanged, &ready, [&](Connection::State state, const QString& m) {
        if (state == Connection::State::Connected)
            ready.quit();
        else if (state == Connection::State::Failed)
            fail(m);
    });
    connection.open();
    ready.exec();

    StallMeter stalls;
    qint64 sent = 0;
    qint64 received = 0;
    qint64 errors = 0;
    QEventLoop done;
    std::function<void()> refill;
    const Connection::Callback onReply = [&](const Reply& reply) {
        if (reply.isError())
            ++errors;
        if (++received == n)
            done.quit();
        else if (sent - received < window / 2)
            refill();
    };
    refill = [&] {
        while (sent < n && sent - received < window) {
            connection.execute({ "SET", keyFor(sent), valueFor(sent) }, &context, onReply);
            ++sent;
        }
    };
    QElapsedTimer clock;
    clock.start();
    stalls.start();
    refill();
    if (received < n)
        done.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;

    QJsonObject result { { QStringLiteral("bench"), QStringLiteral("pipeline") }, { QStringLiteral("n"), n },
        { QStringLiteral("seconds"), seconds }, { QStringLiteral("ops_per_s"), double(n) / seconds },
        { QStringLiteral("peak_rss_mb"), peakRssMb() }, { QStringLiteral("max_ui_stall_ms"), stalls.maxStallMs() },
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
