#pragma once

#include "util/jobtracker.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace vermilion {

class Reply;
class Session;

// The master group a Sentinel session follows, as the sentinels see it: the master, its replicas
// (state, link to the master, replication lag) and the sentinels (state, last answer), with the
// group's quorum and failover state. Read from SENTINEL MASTER / REPLICAS / SENTINELS and
// CKQUORUM on whichever sentinel answers, and the lag from the master's INFO replication.
// Refreshed on demand (the panel does it on a timer while shown).
class SentinelGroupModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Role, Address, State, Link, Lag, Priority, RunId, ColumnCount };
    struct Instance {
        QString role; // "master", "replica", "sentinel"
        QString address; // ip:port as Sentinel announces it
        QStringList flags; // s_down, o_down, disconnected, failover_in_progress...
        QString linkStatus; // replicas: master-link-status ("ok"/"err"); sentinels: "" 
        qint64 lastOkPingMs = -1; // ms since the last good PING reply the sentinel got
        qint64 replicationOffset = -1; // replicas: slave-repl-offset
        qint64 lagSeconds = -1; // replicas: from the master's INFO ("lag=")
        qint64 lagBytes = -1; // replicas: master offset minus their own
        int priority = -1; // replicas: replica-priority
        QString runId;
        QString answeredBy; // sentinels: this row is the sentinel that answered
        bool isDown() const;
    };
    struct Group {
        QString name;
        QString masterAddress;
        int quorum = 0;
        int otherSentinels = 0;
        QString failoverState; // "" when none runs
        qint64 configEpoch = -1;
        QString quorumCheck; // CKQUORUM's answer (or error)
        bool quorumOk = false;
        qint64 masterOffset = -1;
    };

    // Field/value pairs of one SENTINEL MASTER/REPLICAS/SENTINELS entry (RESP2 flat list or RESP3 map).
    static QHash<QString, QString> fields(const Reply& entry);

    explicit SentinelGroupModel(Session* session, QObject* parent = nullptr);

    void refresh();
    // SENTINEL FAILOVER for the group (the caller confirmed it; refused here on a read-only
    // profile). failoverFinished() follows, with the sentinel's error if any.
    void failOver();
    const Group& group() const { return m_group; }
    const QList<Instance>& instances() const { return m_instances; }
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void errorOccurred(const QString& message);
    void failoverFinished(const QString& error);

private:
    struct Pending;
    void finish(const std::shared_ptr<Pending>& pending);
    QPointer<Session> m_session;
    Group m_group;
    QList<Instance> m_instances;
    QString m_error;
    JobTracker m_jobs;
};

} // namespace vermilion
