#include "monitorgroup.h"

#include "client/session.h"

#include <QTimer>

#include <algorithm>

namespace vermilion {

MonitorGroup::MonitorGroup(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_mergeTimer(new QTimer(this))
{
    m_mergeTimer->setInterval(100);
    connect(m_mergeTimer, &QTimer::timeout, this, &MonitorGroup::deliverNow);
}

MonitorGroup::~MonitorGroup() = default;

void MonitorGroup::setNodes(const QStringList& nodes) { m_nodes = nodes; }

QStringList MonitorGroup::watched() const
{
    QStringList nodes;
    for (const Watch& watch : m_watches)
        nodes << watch.node;
    return nodes;
}

void MonitorGroup::start()
{
    if (m_running)
        return;
    m_running = true;
    // Links are made at each start, so a changed choice of nodes (or a new map) takes effect.
    for (const Watch& watch : m_watches)
        delete watch.monitor;
    m_watches.clear();
    const QStringList nodes = m_nodes.isEmpty() ? QStringList { QString() } : m_nodes;
    for (const QString& node : nodes) {
        auto* monitor = new Monitor(m_session, node, this);
        m_watches.push_back({ node, monitor });
        connect(monitor, &Monitor::linesReceived, this,
                [this, node](const MonitorBatch& batch) { onLines(node, batch); });
        connect(monitor, &Monitor::stateChanged, this,
                [this, node](Connection::State state, const QString& message) { emit stateChanged(state, message, node); });
    }
    if (m_watches.size() > 1)
        m_mergeTimer->start();
    for (const Watch& watch : m_watches)
        watch.monitor->start();
}

void MonitorGroup::stop()
{
    if (!m_running)
        return;
    m_running = false;
    for (const Watch& watch : m_watches)
        watch.monitor->stop();
    deliverNow();
    m_mergeTimer->stop();
}

Connection::State MonitorGroup::state() const
{
    for (const Watch& watch : m_watches) {
        if (watch.monitor->state() != Connection::State::Connected)
            return watch.monitor->state();
    }
    return m_watches.empty() ? Connection::State::Disconnected : Connection::State::Connected;
}

void MonitorGroup::onLines(const QString& node, const MonitorBatch& batch)
{
    if (m_watches.size() <= 1 && node.isEmpty()) {
        emit linesReceived(batch); // a single server: as it comes
        return;
    }
    const qsizetype first = m_pending.lines.size();
    m_pending.lines.append(batch.lines);
    for (qsizetype i = first; i < m_pending.lines.size(); ++i)
        m_pending.lines[i].node = node;
    m_pending.dropped += batch.dropped;
    if (m_watches.size() <= 1)
        deliverNow();
}

void MonitorGroup::deliverNow()
{
    if (m_pending.lines.isEmpty() && m_pending.dropped == 0)
        return;
    // Each node's lines are already in its order; a stable sort by server time interleaves them.
    std::stable_sort(m_pending.lines.begin(), m_pending.lines.end(),
                     [](const MonitorLine& a, const MonitorLine& b) { return a.timestampUs < b.timestampUs; });
    MonitorBatch batch;
    std::swap(batch, m_pending);
    emit linesReceived(batch);
}

} // namespace vermilion
