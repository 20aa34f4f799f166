#include "infopoller.h"

#include "client/session.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <optional>

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
    , m_capacity(historyCapacity)
    , m_main(historyCapacity)
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
    if (m_session->isCluster()) {
        pollCluster();
        return;
    }
    if (!m_nodes.isEmpty()) {
        // The session is a single server now: node histories describe nothing it has.
        m_nodes.clear();
        m_nodeTracks.clear();
        emit viewChanged();
    }
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
        const Sample sample = advance(m_main, ServerInfo::parse(reply.bytes()), m_clock.nsecsElapsed());
        emit infoChanged(m_main.lastInfo);
        emit sampled(sample);
    }, Session::Role::Dashboard);
}

void InfoPoller::pollCluster()
{
    const QStringList nodes = m_session->allNodes();
    const QStringList masters = m_session->masterNodes();
    if (nodes != m_nodes) {
        m_nodes = nodes;
        // A node that left the cluster keeps no history; a new one starts empty.
        for (auto it = m_nodeTracks.begin(); it != m_nodeTracks.end();) {
            it = nodes.contains(it->first) ? std::next(it) : m_nodeTracks.erase(it);
        }
        for (const QString& node : nodes) {
            if (!m_nodeTracks.count(node))
                m_nodeTracks.emplace(node, std::make_unique<Track>(m_capacity));
        }
        if (!m_view.isEmpty() && !nodes.contains(m_view))
            m_view.clear();
        emit viewChanged();
    }
    m_inFlight = true;
    m_session->executeOnEach(nodes, { "INFO", "everything" }, this,
                             [this, masters](const QList<Session::NodeReply>& replies) {
        m_inFlight = false;
        const qint64 now = m_clock.nsecsElapsed();
        QList<ServerInfo> masterInfos;
        QStringList errors;
        std::optional<Sample> viewSample;
        for (const Session::NodeReply& answer : replies) {
            auto track = m_nodeTracks.find(answer.node);
            if (track == m_nodeTracks.end())
                continue;
            if (!answer.reply.isString()) {
                errors << answer.node + QStringLiteral(": ")
                        + (answer.reply.isError() ? answer.reply.errorMessage() : tr("INFO gave an unexpected answer."));
                continue;
            }
            const Sample sample = advance(*track->second, ServerInfo::parse(answer.reply.bytes()), now);
            if (answer.node == m_view)
                viewSample = sample;
            if (masters.contains(answer.node))
                masterInfos.append(track->second->lastInfo);
        }
        // The sum only when every master answered: a missing one would read as a drop.
        const bool allMasters = masterInfos.size() == masters.size() && !masters.isEmpty();
        const Sample sum = allMasters ? advance(m_main, sumOf(masterInfos), now) : Sample {};
        m_lastError = errors.join(QLatin1Char('\n'));
        if (!m_lastError.isEmpty())
            emit failed(m_lastError);
        if (m_view.isEmpty() ? allMasters : viewSample.has_value()) {
            emit infoChanged(lastInfo());
            emit sampled(m_view.isEmpty() ? sum : *viewSample);
        }
    }, Session::Role::Dashboard);
}

Sample InfoPoller::advance(Track& track, ServerInfo info, qint64 elapsedNs)
{
    const qint64 elapsedMs = track.lastNs < 0 ? 0 : (elapsedNs - track.lastNs) / 1000000;
    const Sample sample = makeSample(track.lastInfo, info, elapsedMs, QDateTime::currentMSecsSinceEpoch());
    track.lastNs = elapsedNs;
    track.lastInfo = std::move(info);
    track.history.append(sample);
    return sample;
}

const History& InfoPoller::history() const
{
    const auto track = m_view.isEmpty() ? m_nodeTracks.end() : m_nodeTracks.find(m_view);
    return track == m_nodeTracks.end() ? m_main.history : track->second->history;
}

const ServerInfo& InfoPoller::lastInfo() const
{
    auto track = m_view.isEmpty() ? m_nodeTracks.end() : m_nodeTracks.find(m_view);
    // The sum has no version, role or config: the cards and INFO tab show the first master's.
    if (track == m_nodeTracks.end() && !m_nodes.isEmpty())
        track = m_nodeTracks.find(m_nodes.first());
    return track == m_nodeTracks.end() ? m_main.lastInfo : track->second->lastInfo;
}

void InfoPoller::setView(const QString& node)
{
    if (node == m_view)
        return;
    m_view = node;
    emit viewChanged();
}

ServerInfo InfoPoller::sumOf(const QList<ServerInfo>& infos)
{
    static const char* const summed[] = {
        "used_memory", "used_memory_rss", "used_memory_peak", "maxmemory", "connected_clients", "blocked_clients",
        "total_commands_processed", "total_net_input_bytes", "total_net_output_bytes", "expired_keys",
        "evicted_keys", "keyspace_hits", "keyspace_misses", "used_cpu_user", "used_cpu_sys",
    };
    QByteArray text = "# Server\r\n";
    QList<QByteArray> runIds;
    qint64 uptime = -1;
    for (const ServerInfo& info : infos) {
        runIds << info.value("run_id");
        const qint64 up = info.integer("uptime_in_seconds", -1);
        uptime = uptime < 0 ? up : qMin(uptime, up);
    }
    std::sort(runIds.begin(), runIds.end());
    text += "run_id:" + runIds.join(',') + "\r\nuptime_in_seconds:" + QByteArray::number(uptime) + "\r\n# Sum\r\n";
    for (const char* name : summed) {
        double total = 0;
        bool any = false;
        for (const ServerInfo& info : infos) {
            bool ok = false;
            const double value = info.value(name).toDouble(&ok);
            if (ok) {
                total += value;
                any = true;
            }
        }
        // One master without a limit means the sum has none.
        if (qstrcmp(name, "maxmemory") == 0
            && std::any_of(infos.begin(), infos.end(), [](const ServerInfo& info) { return info.integer("maxmemory") <= 0; }))
            any = false;
        if (any)
            text += QByteArray(name) + ':' + QByteArray::number(total, 'g', 17) + "\r\n";
    }
    std::map<int, std::pair<qint64, qint64>> databases;
    bool keyspace = false;
    for (const ServerInfo& info : infos) {
        keyspace = keyspace || info.section("keyspace");
        for (const KeyspaceEntry& entry : info.keyspace()) {
            databases[entry.database].first += entry.keys;
            databases[entry.database].second += entry.expires;
        }
    }
    if (keyspace) {
        text += "# Keyspace\r\n";
        for (const auto& [database, counts] : databases)
            text += "db" + QByteArray::number(database) + ":keys=" + QByteArray::number(counts.first)
                + ",expires=" + QByteArray::number(counts.second) + ",avg_ttl=0\r\n";
    }
    return ServerInfo::parse(text);
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
