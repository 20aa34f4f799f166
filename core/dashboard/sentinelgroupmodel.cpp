#include "sentinelgroupmodel.h"

#include "client/sentinelwatcher.h"
#include "client/session.h"
#include "server/serverinfo.h"


namespace vermilion {

namespace {
qint64 number(const QHash<QString, QString>& fields, const char* name, qint64 fallback = -1)
{
    bool ok = false;
    const qint64 value = fields.value(QLatin1String(name)).toLongLong(&ok);
    return ok ? value : fallback;
}

SentinelGroupModel::Instance instanceFrom(const QHash<QString, QString>& fields, const QString& role)
{
    SentinelGroupModel::Instance instance;
    instance.role = role;
    const QString ip = fields.value(QStringLiteral("ip"));
    const QString port = fields.value(QStringLiteral("port"));
    instance.address = (ip.contains(QLatin1Char(':')) ? QLatin1Char('[') + ip + QLatin1Char(']') : ip)
        + QLatin1Char(':') + port;
    instance.flags = fields.value(QStringLiteral("flags")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    instance.flags.removeAll(QStringLiteral("master"));
    instance.flags.removeAll(QStringLiteral("slave"));
    instance.flags.removeAll(QStringLiteral("sentinel"));
    instance.linkStatus = fields.value(QStringLiteral("master-link-status"));
    instance.lastOkPingMs = number(fields, "last-ok-ping-reply");
    instance.replicationOffset = number(fields, "slave-repl-offset");
    instance.priority = int(number(fields, "slave-priority", number(fields, "replica-priority")));
    instance.runId = fields.value(QStringLiteral("runid"));
    return instance;
}
} // namespace

bool SentinelGroupModel::Instance::isDown() const
{
    return flags.contains(QLatin1String("s_down")) || flags.contains(QLatin1String("o_down"))
        || flags.contains(QLatin1String("disconnected"));
}

QHash<QString, QString> SentinelGroupModel::fields(const Reply& entry)
{
    QHash<QString, QString> result;
    if (!entry.isArray())
        return result;
    const QList<Reply>& items = entry.elements();
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        const Reply& value = items.at(i + 1);
        result.insert(QString::fromUtf8(items.at(i).bytes()),
                      value.isInteger() ? QString::number(value.integerValue()) : QString::fromUtf8(value.bytes()));
    }
    return result;
}

// The answers of one refresh, gathered as they come (all in the model's thread).
struct SentinelGroupModel::Pending {
    JobTracker::Ticket ticket = 0;
    int remaining = 5;
    QString answeredBy;
    Reply master;
    Reply replicas;
    Reply sentinels;
    Reply quorum;
    Reply info;
};

SentinelGroupModel::SentinelGroupModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    if (session)
        m_group.name = session->profile().sentinelMaster;
}

void SentinelGroupModel::refresh()
{
    if (!m_session || !m_session->sentinel()) {
        m_error = tr("This session does not go through Sentinel.");
        emit errorOccurred(m_error);
        return;
    }
    SentinelWatcher* watcher = m_session->sentinel();
    auto pending = std::make_shared<Pending>();
    pending->ticket = m_jobs.next();
    const QByteArray name = m_group.name.toUtf8();
    const auto gather = [this, pending](Reply Pending::*slot) {
        return [this, pending, slot](const QString& sentinel, const Reply& reply) {
            if (m_jobs.isStale(pending->ticket))
                return;
            (*pending).*slot = reply;
            if (slot == &Pending::master)
                pending->answeredBy = sentinel;
            if (--pending->remaining == 0)
                finish(pending);
        };
    };
    watcher->executeOnSentinel({ "SENTINEL", "MASTER", name }, this, gather(&Pending::master));
    watcher->executeOnSentinel({ "SENTINEL", "REPLICAS", name }, this, gather(&Pending::replicas));
    watcher->executeOnSentinel({ "SENTINEL", "SENTINELS", name }, this, gather(&Pending::sentinels));
    watcher->executeOnSentinel({ "SENTINEL", "CKQUORUM", name }, this, gather(&Pending::quorum));
    // The lag of each replica, as its master counts it (only the master knows; on a replica-reading
    // profile the session's links go to a replica and this says so).
    m_session->execute({ "INFO", "replication" }, this, [this, pending](const Reply& reply) {
        if (m_jobs.isStale(pending->ticket))
            return;
        pending->info = reply;
        if (--pending->remaining == 0)
            finish(pending);
    });
}

void SentinelGroupModel::finish(const std::shared_ptr<Pending>& pending)
{
    if (pending->master.isError()) {
        m_error = pending->master.errorMessage();
        emit errorOccurred(m_error);
        return;
    }
    m_error.clear();
    Group group;
    group.name = m_group.name;
    QList<Instance> instances;
    const QHash<QString, QString> master = fields(pending->master);
    Instance masterRow = instanceFrom(master, QStringLiteral("master"));
    group.masterAddress = masterRow.address;
    group.quorum = int(number(master, "quorum", 0));
    group.otherSentinels = int(number(master, "num-other-sentinels", 0));
    group.failoverState = master.value(QStringLiteral("failover-state"));
    if (group.failoverState == QLatin1String("none"))
        group.failoverState.clear();
    group.configEpoch = number(master, "config-epoch");
    instances.append(masterRow);

    // The master's own view of its replicas: "slave0:ip=..,port=..,state=online,offset=..,lag=0".
    QHash<QString, std::pair<qint64, qint64>> lagByAddress; // address -> (lag s, offset)
    if (pending->info.isString()) {
        const ServerInfo info = ServerInfo::parse(pending->info.bytes());
        if (info.role() == QLatin1String("master")) {
            group.masterOffset = info.integer("master_repl_offset", -1);
            for (int i = 0;; ++i) {
                const QByteArray line = info.value("slave" + QByteArray::number(i));
                if (line.isEmpty())
                    break;
                const QHash<QByteArray, QByteArray> parts = ServerInfo::parseProperties(line);
                lagByAddress.insert(QString::fromUtf8(parts.value("ip") + ':' + parts.value("port")),
                                    { parts.value("lag", "-1").toLongLong(), parts.value("offset", "-1").toLongLong() });
            }
        }
    }
    if (pending->replicas.isArray()) {
        for (const Reply& entry : pending->replicas.elements()) {
            Instance replica = instanceFrom(fields(entry), QStringLiteral("replica"));
            const auto found = lagByAddress.constFind(replica.address);
            if (found != lagByAddress.constEnd()) {
                replica.lagSeconds = found->first;
                if (group.masterOffset >= 0 && found->second >= 0)
                    replica.lagBytes = qMax<qint64>(0, group.masterOffset - found->second);
            } else if (group.masterOffset >= 0 && replica.replicationOffset >= 0) {
                replica.lagBytes = qMax<qint64>(0, group.masterOffset - replica.replicationOffset);
            }
            instances.append(replica);
        }
    }
    if (!pending->answeredBy.isEmpty()) {
        Instance self;
        self.role = QStringLiteral("sentinel");
        self.address = pending->answeredBy;
        self.answeredBy = pending->answeredBy;
        instances.append(self);
    }
    if (pending->sentinels.isArray()) {
        for (const Reply& entry : pending->sentinels.elements())
            instances.append(instanceFrom(fields(entry), QStringLiteral("sentinel")));
    }
    if (pending->quorum.isError()) {
        group.quorumCheck = pending->quorum.errorMessage();
        group.quorumOk = false;
    } else {
        group.quorumCheck = QString::fromUtf8(pending->quorum.bytes());
        group.quorumOk = group.quorumCheck.startsWith(QLatin1String("OK"));
    }
    beginResetModel();
    m_group = group;
    m_instances = instances;
    endResetModel();
    emit refreshed();
}

void SentinelGroupModel::failOver()
{
    if (!m_session || !m_session->sentinel()) {
        emit failoverFinished(tr("This session does not go through Sentinel."));
        return;
    }
    if (m_session->isReadOnly()) {
        emit failoverFinished(tr("This profile is read-only: SENTINEL FAILOVER is not sent."));
        return;
    }
    m_session->sentinel()->executeOnSentinel({ "SENTINEL", "FAILOVER", m_group.name.toUtf8() }, this,
                                             [this](const QString& sentinel, const Reply& reply) {
                                                 emit failoverFinished(reply.isError()
                                                                           ? tr("%1: %2").arg(sentinel, reply.errorMessage())
                                                                           : QString());
                                             });
}

int SentinelGroupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int SentinelGroupModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SentinelGroupModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_instances.size())
        return {};
    const Instance& instance = m_instances.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == State && instance.role != QLatin1String("sentinel"))
        return tr("s_down: this sentinel sees it down; o_down: enough sentinels agree (quorum); disconnected: no "
                  "link to it");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Role:
        return instance.role == QLatin1String("master") ? tr("master")
            : instance.role == QLatin1String("replica") ? tr("replica")
                                                        : tr("sentinel");
    case Address:
        return instance.answeredBy.isEmpty() ? instance.address : tr("%1 (answering)").arg(instance.address);
    case State:
        if (!instance.answeredBy.isEmpty())
            return tr("up");
        return instance.flags.isEmpty() ? tr("up") : instance.flags.join(QStringLiteral(", "));
    case Link:
        if (instance.role == QLatin1String("replica"))
            return instance.linkStatus == QLatin1String("ok") ? tr("in sync") : tr("link to master down");
        return instance.lastOkPingMs >= 0 ? tr("answered %1 ms ago").arg(instance.lastOkPingMs) : QString();
    case Lag:
        if (instance.role != QLatin1String("replica"))
            return {};
        if (instance.lagSeconds >= 0 && instance.lagBytes >= 0)
            return tr("%1 s, %2 bytes behind").arg(instance.lagSeconds).arg(instance.lagBytes);
        if (instance.lagBytes >= 0)
            return tr("%1 bytes behind").arg(instance.lagBytes);
        return tr("unknown");
    case Priority:
        return instance.priority >= 0 ? QVariant(instance.priority) : QVariant();
    case RunId:
        return instance.runId.left(12);
    }
    return {};
}

QVariant SentinelGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Role:
        return tr("Role");
    case Address:
        return tr("Address");
    case State:
        return tr("State");
    case Link:
        return tr("Link");
    case Lag:
        return tr("Replication lag");
    case Priority:
        return tr("Priority");
    case RunId:
        return tr("Run id");
    }
    return {};
}

} // namespace vermilion
