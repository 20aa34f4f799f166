// vermilion-bench bigkeys --url URL [--populate N] [--samples S]
// The big-keys scan the Diagnostics tab runs (MemoryAnalysis with details: TYPE, MEMORY USAGE,
// PTTL and element counts, every master at once), with no pauses, against redis-cli --memkeys on
// the same database in the same run. Prints
//   {"bench":"bigkeys","keys":K,"seconds":S,"redis_cli_seconds":R,"top":[...],"peak_rss_mb":M,...}
// where top is the biggest key of each type by bytes, and redis_cli_top what redis-cli found.
#include "benchsupport.h"
#include "client/session.h"
#include "keyspace/memoryanalysis.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace vermilion::bench {

namespace {
// N keys of every type, sizes spread so that each type has one clear biggest key.
void populate(Session& session, qint64 count)
{
    QList<Command> commands;
    const auto flush = [&] {
        for (const Reply& reply : awaitBatch(session, commands)) {
            if (reply.isError())
                fail(QStringLiteral("populating failed: ") + reply.errorMessage());
        }
        commands.clear();
    };
    for (qint64 i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        switch (i % 6) {
        case 0:
        case 1:
            commands.append({ "SET", "big:s:" + n, QByteArray(16 + (i * 7919) % 200, 'x') });
            break;
        case 2:
            commands.append({ "HSET", "big:h:" + n, "f1", n, "f2", QByteArray((i * 31) % 64, 'h') });
            break;
        case 3:
            commands.append({ "RPUSH", "big:l:" + n, "a", n, QByteArray((i * 17) % 50, 'l') });
            break;
        case 4:
            commands.append({ "SADD", "big:set:" + n, "a", n });
            break;
        case 5:
            commands.append({ "ZADD", "big:z:" + n, "1", "a", "2", n });
            break;
        }
        if (i % 60000 == 0)
            commands.append({ "XADD", "big:x:" + n, "*", "f", n });
        if (commands.size() >= 10000)
            flush();
    }
    // One clear winner per type.
    commands.append({ "SET", "big:top:string", QByteArray(100000, 's') });
    Command hash { "HSET", "big:top:hash" };
    Command list { "RPUSH", "big:top:list" };
    Command set { "SADD", "big:top:set" };
    Command zset { "ZADD", "big:top:zset" };
    for (int i = 0; i < 5000; ++i) {
        const QByteArray n = QByteArray::number(i);
        hash << "field" + n << "value" + n;
        list << "item" + n;
        set << "member" + n;
        zset << n << "member" + n;
    }
    commands << hash << list << set << zset;
    Command stream { "XADD", "big:top:stream", "*" };
    for (int i = 0; i < 200; ++i)
        stream << "f" + QByteArray::number(i) << QByteArray(100, 'v');
    commands << stream;
    flush();
}

// redis-cli --memkeys's "Biggest <type> found '"<key>"' has <n> bytes" lines.
QJsonArray parseRedisCliTop(const QByteArray& output, qint64* keys)
{
    QJsonArray top;
    static const QRegularExpression biggest(QStringLiteral("^Biggest\\s+(\\w+) found '\"(.*)\"' has (\\d+) bytes$"));
    static const QRegularExpression sampled(QStringLiteral("^Sampled (\\d+) keys"));
    for (const QByteArray& raw : output.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (const auto match = biggest.match(line); match.hasMatch())
            top.append(QJsonObject { { QStringLiteral("type"), match.captured(1) },
                                     { QStringLiteral("key"), match.captured(2) },
                                     { QStringLiteral("bytes"), match.captured(3).toLongLong() } });
        if (const auto match = sampled.match(line); match.hasMatch())
            *keys = match.captured(1).toLongLong();
    }
    return top;
}
} // namespace

int runBigKeys(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    Session session(profile);
    session.open();
    const qint64 toPopulate = arguments.integer(QStringLiteral("populate"), 0);
    if (toPopulate > 0) {
        awaitBatch(session, { { "FLUSHDB" } });
        populate(session, toPopulate);
    }
    awaitBatch(session, { { "PING" } });
    const int samples = int(arguments.integer(QStringLiteral("samples"), 5));

    // Ours.
    StallMeter stall;
    stall.start();
    MemoryAnalysis analysis(&session, QByteArray(), QByteArray(":"), 1);
    MemoryAnalysis::Options options;
    options.details = true;
    options.samples = samples;
    options.topPerType = 1;
    analysis.setOptions(options);
    MemoryReport report;
    QString failure;
    QEventLoop loop;
    QObject::connect(&analysis, &MemoryAnalysis::finished, &loop, [&](const MemoryReport& finished) {
        report = finished;
        loop.quit();
    });
    QObject::connect(&analysis, &MemoryAnalysis::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    analysis.start();
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!failure.isEmpty())
        fail(QStringLiteral("the scan failed: ") + failure);
    QJsonArray top;
    for (const MemoryReport::TypeTotal& type : report.types) {
        if (type.biggestByBytes.isEmpty())
            continue;
        top.append(QJsonObject { { QStringLiteral("type"), QString::fromUtf8(type.type) },
                                 { QStringLiteral("key"), QString::fromUtf8(type.biggestByBytes.first().key) },
                                 { QStringLiteral("bytes"), type.biggestByBytes.first().bytes } });
    }
    const double rss = peakRssMb();

    // The reference: redis-cli --memkeys on the same server and database.
    QProcess cli;
    QStringList cliArguments { QStringLiteral("-h"), profile.host, QStringLiteral("-p"), QString::number(profile.port),
                               QStringLiteral("-n"), QString::number(profile.database), QStringLiteral("--memkeys"),
                               QStringLiteral("--memkeys-samples"), QString::number(samples) };
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!profile.password.isEmpty())
        environment.insert(QStringLiteral("REDISCLI_AUTH"), profile.password);
    cli.setProcessEnvironment(environment);
    QElapsedTimer cliClock;
    cliClock.start();
    cli.start(QStringLiteral("redis-cli"), cliArguments);
    if (!cli.waitForFinished(-1) || cli.exitCode() != 0)
        fail(QStringLiteral("redis-cli --memkeys failed: ") + QString::fromUtf8(cli.readAllStandardError()));
    const double cliSeconds = double(cliClock.nsecsElapsed()) / 1e9;
    qint64 cliKeys = 0;
    const QJsonArray cliTop = parseRedisCliTop(cli.readAllStandardOutput(), &cliKeys);

    // The same biggest key of each type as redis-cli?
    int agree = 0;
    int compared = 0;
    for (const QJsonValue& theirs : cliTop) {
        const QString type = theirs.toObject().value(QStringLiteral("type")).toString();
        for (const QJsonValue& ours : top) {
            if (ours.toObject().value(QStringLiteral("type")).toString() != type)
                continue;
            ++compared;
            agree += ours.toObject().value(QStringLiteral("key")) == theirs.toObject().value(QStringLiteral("key")) ? 1 : 0;
        }
    }
    emitResult({ { QStringLiteral("bench"), QStringLiteral("bigkeys") },
                 { QStringLiteral("keys"), report.totalKeys },
                 { QStringLiteral("seconds"), seconds },
                 { QStringLiteral("redis_cli_seconds"), cliSeconds },
                 { QStringLiteral("ratio"), cliSeconds > 0 ? seconds / cliSeconds : 0.0 },
                 { QStringLiteral("top"), top },
                 { QStringLiteral("redis_cli_top"), cliTop },
                 { QStringLiteral("redis_cli_keys"), cliKeys },
                 { QStringLiteral("same_top"), compared > 0 && agree == compared },
                 { QStringLiteral("samples"), samples },
                 { QStringLiteral("peak_rss_mb"), rss },
                 { QStringLiteral("max_ui_stall_ms"), stall.maxStallMs() } });
    return 0;
}

namespace {
const ScenarioRegistration registration { "bigkeys", "--url URL [--populate N] [--samples S]", &runBigKeys };
}

} // namespace vermilion::bench
