#include "latencyevents.h"

#include "client/session.h"

namespace vermilion {

LatencyEventsModel::LatencyEventsModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void LatencyEventsModel::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    beginResetModel();
    m_events.clear();
    m_threshold = -1;
    endResetModel();
    refresh();
}

void LatencyEventsModel::refresh()
{
    if (!m_session)
        return;
    const JobTracker::Ticket ticket = m_jobs.next();
    m_session->executeOn(m_node, { "CONFIG", "GET", "latency-monitor-threshold" }, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket))
            return;
        if (reply.isArray() && reply.size() == 2)
            m_threshold = reply.at(1).bytes().toInt();
    });
    m_session->executeOn(m_node, { "LATENCY", "LATEST" }, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket))
            return;
        if (reply.isError() || !reply.isArray()) {
            m_error = reply.isError() ? reply.errorMessage() : tr("LATENCY LATEST did not answer a list.");
            emit errorOccurred(m_error);
            return;
        }
        QList<EventRow> rows;
        for (const Reply& entry : reply.elements()) {
            // [name, unix time of the latest, latest ms, all-time max ms]
            if (!entry.isArray() || entry.size() < 4)
                continue;
            rows.append({ QString::fromUtf8(entry.at(0).bytes()),
                          QDateTime::fromSecsSinceEpoch(entry.at(1).integerValue()), entry.at(2).integerValue(),
                          entry.at(3).integerValue() });
        }
        beginResetModel();
        m_events = rows;
        endResetModel();
        m_error.clear();
        emit refreshed();
    });
}

void LatencyEventsModel::requestHistory(const QString& event)
{
    if (!m_session)
        return;
    const JobTracker::Ticket ticket = m_historyJobs.next();
    m_session->executeOn(m_node, { "LATENCY", "HISTORY", event.toUtf8() }, this, [this, ticket, event](const Reply& reply) {
        if (m_historyJobs.isStale(ticket))
            return;
        QList<HistorySample> samples;
        if (reply.isArray()) {
            for (const Reply& entry : reply.elements()) {
                if (entry.isArray() && entry.size() >= 2)
                    samples.append({ QDateTime::fromSecsSinceEpoch(entry.at(0).integerValue()), entry.at(1).integerValue() });
            }
        }
        emit historyReady(event, samples);
    });
}

void LatencyEventsModel::requestDoctor()
{
    if (!m_session)
        return;
    m_session->executeOn(m_node, { "LATENCY", "DOCTOR" }, this, [this](const Reply& reply) {
        emit doctorReady(reply.isError() ? tr("LATENCY DOCTOR failed: %1").arg(reply.errorMessage())
                                         : QString::fromUtf8(reply.bytes()));
    });
}

void LatencyEventsModel::setThreshold(int milliseconds)
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        emit settingFinished(tr("This profile is read-only: the threshold is not changed."));
        return;
    }
    m_session->executeOn(m_node, { "CONFIG", "SET", "latency-monitor-threshold", QByteArray::number(qMax(0, milliseconds)) },
                         this, [this](const Reply& reply) {
                             emit settingFinished(reply.isError() ? reply.errorMessage() : QString());
                             refresh();
                         });
}

void LatencyEventsModel::resetEvents()
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        emit settingFinished(tr("This profile is read-only: LATENCY RESET is not sent."));
        return;
    }
    m_session->executeOn(m_node, { "LATENCY", "RESET" }, this, [this](const Reply& reply) {
        emit settingFinished(reply.isError() ? reply.errorMessage() : QString());
        refresh();
    });
}

int LatencyEventsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_events.size()); }

int LatencyEventsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LatencyEventsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size() || role != Qt::DisplayRole)
        return {};
    const EventRow& row = m_events.at(index.row());
    switch (index.column()) {
    case Event:
        return row.name;
    case LastSeen:
        return row.lastSeen.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case LatestMs:
        return row.latestMs;
    case MaxMs:
        return row.maxMs;
    }
    return {};
}

QVariant LatencyEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Event:
        return tr("Event");
    case LastSeen:
        return tr("Last seen");
    case LatestMs:
        return tr("Latest (ms)");
    case MaxMs:
        return tr("Max (ms)");
    }
    return {};
}

} // namespace vermilion
