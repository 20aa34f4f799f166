#include "infopoller.h"

#include "client/session.h"

#include <QDateTime>
#include <QTimer>

namespace vermilion {

namespace {
    float fieldOr(const ServerInfo& info, const char* name)
    {
        bool ok = false;
        const double value = info.value(name).toDouble(&ok);
        return ok ? float(value) : Sample::noData;
    }

    // Per-second rate of a counter; NaN when either side lacks it or it went backwards (a restart).
    float rate(const ServerInfo& previous, const ServerInfo& current, const char* name, double seconds)
    {
        bool okBefore = false;
        bool okNow = false;
        const double before = previous.value(name).toDouble(&okBefore);
        const double now = current.value(name).toDouble(&okNow);
        if (!okBefore || !okNow || now < before || seconds <= 0)
            return Sample::noData;
        return float((now - before) / seconds);
    }
} // namespace

InfoPoller::InfoPoller(Session* session, QObject* parent, qsizetype historyCapacity)
    : QObject(parent)
    , m_session(session)
    , m_timer(new QTimer(this))
    , m_history(historyCapacity)
{
    qRegisterMetaType<Sample>();
    qRegisterMetaType<ServerInfo>();
    m_timer->setInterval(1000);
    // A coarse timer: a dashboard does not need millisecond accuracy, and coarse timers wake less.
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &InfoPoller::pollNow);
    m_clock.start();
}

InfoPoller::~InfoPoller() = default;

void InfoPoller::setInterval(int milliseconds) { m_timer->setInterval(qMax(100, milliseconds)); }

int InfoPoller::interval() const { return m_timer->interval(); }

void InfoPoller::start()
{
    if (m_timer->isActive())
        return;
    m_timer->start();
    pollNow();
}

void InfoPoller::stop() { m_timer->stop(); }

bool InfoPoller::isActive() const { return m_timer->isActive(); }

void InfoPoller::pollNow()
{
    if (m_inFlight)
        return; // a slow server gets fewer polls, never a queue of them
    m_inFlight = true;
    // "everything" adds commandstats, errorstats, latencystats and modules to the default sections;
    // Redis 5 knows it too.
    m_session->execute({ "INFO", "everything" }, this, [this](const Reply& reply) {
        m_inFlight = false;
        if (!reply.isString()) {
            m_lastError = reply.isError() ? reply.errorMessage() : tr("INFO gave an unexpected answer.");
            emit failed(m_lastError);
            return;
        }
        m_lastError.clear();
        onReply(reply.bytes(), m_clock.nsecsElapsed());
    }, Session::Role::Dashboard);
}

void InfoPoller::onReply(const QByteArray& text, qint64 elapsedNs)
{
    ServerInfo info = ServerInfo::parse(text);
    const qint64 elapsedMs = m_lastNs < 0 ? 0 : (elapsedNs - m_lastNs) / 1000000;
    const Sample sample = makeSample(m_lastInfo, info, elapsedMs, QDateTime::currentMSecsSinceEpoch());
    m_lastNs = elapsedNs;
    m_lastInfo = std::move(info);
    m_history.append(sample);
    emit infoChanged(m_lastInfo);
    emit sampled(sample);
}

Sample InfoPoller::makeSample(const ServerInfo& previous, const ServerInfo& current, qint64 elapsedMs, qint64 timeMs)
{
    Sample s;
    s.timeMs = timeMs;
    s.usedMemory = fieldOr(current, "used_memory");
    s.rssMemory = fieldOr(current, "used_memory_rss");
    s.peakMemory = fieldOr(current, "used_memory_peak");
    const float maxMemory = fieldOr(current, "maxmemory");
    s.maxMemory = maxMemory > 0 ? maxMemory : Sample::noData;
    s.connectedClients = fieldOr(current, "connected_clients");
    s.blockedClients = fieldOr(current, "blocked_clients");
    if (current.section("keyspace")) {
        double keys = 0;
        double expires = 0;
        for (const KeyspaceEntry& entry : current.keyspace()) {
            keys += double(entry.keys);
            expires += double(entry.expires);
            if (entry.database >= 0 && entry.database < Sample::trackedDatabases) {
                s.databaseKeys[size_t(entry.database)] = float(entry.keys);
                s.databaseExpires[size_t(entry.database)] = float(entry.expires);
            }
        }
        s.keys = float(keys);
        s.expires = float(expires);
    }

    const double seconds = double(elapsedMs) / 1000.0;
    if (previous.sections().isEmpty() || seconds <= 0)
        return s;
    // A server that restarted between two polls has a smaller uptime (or a new run id): no counter of
    // this step can be trusted, even those that happen to have grown past their old value.
    const qint64 uptimeBefore = previous.integer("uptime_in_seconds", -1);
    const qint64 uptimeNow = current.integer("uptime_in_seconds", -1);
    if (uptimeNow < uptimeBefore || previous.value("run_id") != current.value("run_id"))
        return s;

    s.commandsPerSecond = rate(previous, current, "total_commands_processed", seconds);
    s.networkInPerSecond = rate(previous, current, "total_net_input_bytes", seconds);
    s.networkOutPerSecond = rate(previous, current, "total_net_output_bytes", seconds);
    s.expiredPerSecond = rate(previous, current, "expired_keys", seconds);
    s.evictedPerSecond = rate(previous, current, "evicted_keys", seconds);
    const float hits = rate(previous, current, "keyspace_hits", seconds);
    const float misses = rate(previous, current, "keyspace_misses", seconds);
    if (Sample::has(hits) && Sample::has(misses) && hits + misses > 0)
        s.hitRatioPercent = 100.0f * hits / (hits + misses);
    const float user = rate(previous, current, "used_cpu_user", seconds);
    const float system = rate(previous, current, "used_cpu_sys", seconds);
    if (Sample::has(user) && Sample::has(system))
        s.cpuPercent = 100.0f * (user + system);
    return s;
}

} // namespace vermilion
