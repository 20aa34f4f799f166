#pragma once

#include "util/jobtracker.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QPointF>

namespace vermilion {

class Session;

// The server's own latency monitor: LATENCY LATEST as a table (one row per event: command,
// fast-command, fork, aof-fsync-always...), LATENCY HISTORY of one event, LATENCY DOCTOR's advice,
// and the latency-monitor-threshold that turns it on (0 = off). Turning it on and LATENCY RESET are
// refused on a read-only profile.
class LatencyEventsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Event, LastSeen, LatestMs, MaxMs, ColumnCount };
    struct EventRow {
        QString name;
        QDateTime lastSeen;
        qint64 latestMs = 0;
        qint64 maxMs = 0;
    };
    struct HistorySample {
        QDateTime time;
        qint64 milliseconds = 0;
    };

    explicit LatencyEventsModel(Session* session, QObject* parent = nullptr);

    void setNode(const QString& node);
    QString node() const { return m_node; }
    // LATENCY LATEST and the threshold; refreshed() follows.
    void refresh();
    void requestHistory(const QString& event);
    void requestDoctor();
    // CONFIG SET latency-monitor-threshold (the caller confirmed it); settingFinished() follows.
    void setThreshold(int milliseconds);
    // LATENCY RESET (the caller confirmed it); settingFinished() follows.
    void resetEvents();
    // -1 until read; 0 means the monitor is off.
    int threshold() const { return m_threshold; }
    const QList<EventRow>& events() const { return m_events; }
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void errorOccurred(const QString& message);
    void historyReady(const QString& event, const QList<vermilion::LatencyEventsModel::HistorySample>& samples);
    void doctorReady(const QString& text);
    void settingFinished(const QString& error);

private:
    QPointer<Session> m_session;
    QString m_node;
    QList<EventRow> m_events;
    int m_threshold = -1;
    QString m_error;
    JobTracker m_jobs;
    JobTracker m_historyJobs;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::LatencyEventsModel::HistorySample)
