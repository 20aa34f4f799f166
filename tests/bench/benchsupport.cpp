#include "benchsupport.h"

#include "client/session.h"

#include <QEventLoop>

#include "server/redisserverprocess.h"

#include <QJsonDocument>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/resource.h>

namespace vermilion::bench {

QList<Reply> awaitBatch(Session& session, const QList<Command>& commands)
{
    QEventLoop loop;
    QList<Reply> replies;
    session.executeBatch(commands, &loop, [&](const QList<Reply>& received) {
        replies = received;
        loop.quit();
    });
    loop.exec();
    return replies;
}

Arguments::Arguments(const QStringList& arguments)
    : m_arguments(arguments)
{
}

QString Arguments::value(const QString& name, const QString& fallback) const
{
    const qsizetype index = m_arguments.indexOf(QStringLiteral("--") + name);
    if (index < 0 || index + 1 >= m_arguments.size())
        return fallback;
    return m_arguments.at(index + 1);
}

qint64 Arguments::integer(const QString& name, qint64 fallback) const
{
    bool ok = false;
    const qint64 result = value(name).toLongLong(&ok);
    return ok ? result : fallback;
}

bool Arguments::has(const QString& name) const
{
    return m_arguments.contains(QStringLiteral("--") + name);
}

ConnectionProfile Arguments::profile() const
{
    QString url = value(QStringLiteral("url"));
    if (url.isEmpty()) {
        // No server named: measure against a private one started for this run.
        static RedisServerProcess server;
        if (!server.isRunning()) {
            QString error;
            if (!server.startAndWait(15000, &error))
                fail(QStringLiteral("no --url given and no private redis-server could start: ") + error);
        }
        url = QStringLiteral("redis://127.0.0.1:%1").arg(server.port());
        std::fprintf(stderr, "vermilion-bench: using a private server at %s\n", qPrintable(url));
    }
    ConnectionProfile profile;
    profile.id = QUuid::createUuid();
    profile.commandTimeoutMs = 120000;
    QString error;
    if (!ConnectionProfile::fromUrl(url, &profile, &error))
        fail(error);
    return profile;
}

void emitResult(const QJsonObject& result)
{
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

void fail(const QString& message)
{
    std::fprintf(stderr, "vermilion-bench: %s\n", qPrintable(message));
    std::exit(1);
}

double peakRssMb()
{
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

StallMeter::StallMeter(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(1);
    connect(m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

namespace {
qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}
} // namespace

void StallMeter::start()
{
    m_clock.start();
    m_last = 0;
    m_lastCpu = threadCpuNs();
    m_timer->start();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_last - 1000000;
    if (gap > m_maxStallNs) {
        m_maxStallNs = gap;
        if (qEnvironmentVariableIsSet("VERMILION_BENCH_DEBUG_STALL"))
            std::fprintf(stderr, "stall %.1f ms ending at %.3f s\n", double(gap) / 1e6, double(now) / 1e9);
    }
    m_last = now;
    const qint64 cpu = threadCpuNs();
    m_maxBusyNs = qMax(m_maxBusyNs, cpu - m_lastCpu);
    m_lastCpu = cpu;
}

} // namespace vermilion::bench

#include <hiredis/hiredis.h>
#include <memory>

namespace vermilion::bench {

ClusterMap readClusterMap(const ConnectionProfile& profile)
{
    ClusterMap map;
    std::unique_ptr<redisContext, decltype(&redisFree)> context(
        redisConnect(profile.host.toUtf8().constData(), profile.port), &redisFree);
    if (!context || context->err)
        fail(QStringLiteral("hiredis cannot connect to %1").arg(profile.endpoint()));
    std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(
        static_cast<redisReply*>(redisCommand(context.get(), "CLUSTER SLOTS")), &freeReplyObject);
    if (!reply || reply->type != REDIS_REPLY_ARRAY)
        return map; // "ERR This instance has cluster support disabled"
    map.slotOwner.assign(16384, -1);
    for (size_t r = 0; r < reply->elements; ++r) {
        const redisReply* range = reply->element[r];
        if (range->type != REDIS_REPLY_ARRAY || range->elements < 3)
            continue;
        const redisReply* master = range->element[2];
        QByteArray host(master->element[0]->str, qsizetype(master->element[0]->len));
        if (host.isEmpty())
            host = profile.host.toUtf8();
        const int port = int(master->element[1]->integer);
        int index = -1;
        for (size_t m = 0; m < map.masters.size(); ++m) {
            if (map.masters[m].host == host && map.masters[m].port == port)
                index = int(m);
        }
        if (index < 0) {
            map.masters.push_back({ host, port });
            index = int(map.masters.size()) - 1;
        }
        for (long long slot = range->element[0]->integer; slot <= range->element[1]->integer; ++slot)
            map.slotOwner[size_t(slot)] = index;
    }
    return map;
}

} // namespace vermilion::bench
