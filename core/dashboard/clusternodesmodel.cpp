#include "clusternodesmodel.h"

#include "client/session.h"

#include <algorithm>

namespace vermilion {

int ClusterNodesModel::Node::slotCount() const
{
    int count = 0;
    for (const auto& [first, last] : slotRanges)
        count += last - first + 1;
    return count;
}

QList<ClusterNodesModel::Node> ClusterNodesModel::parse(const QByteArray& text)
{
    // <id> <ip:port@cport[,hostname]> <flags> <master> <ping-sent> <pong-recv> <config-epoch>
    // <link-state> <slot> <slot> ...
    QList<Node> nodes;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 8)
            continue;
        Node node;
        node.id = fields.at(0);
        QByteArray address = fields.at(1);
        if (const qsizetype comma = address.indexOf(','); comma >= 0) {
            node.hostname = QString::fromUtf8(address.mid(comma + 1));
            address.truncate(comma);
        }
        if (const qsizetype at = address.indexOf('@'); at >= 0)
            address.truncate(at);
        node.address = QString::fromUtf8(address);
        node.flags = fields.at(2).split(',');
        node.masterId = fields.at(3);
        node.pingSentMs = fields.at(4).toLongLong();
        node.pongReceivedMs = fields.at(5).toLongLong();
        node.configEpoch = fields.at(6).toLongLong();
        node.linkState = fields.at(7);
        for (qsizetype i = 8; i < fields.size(); ++i) {
            const QByteArray& slot = fields.at(i);
            if (slot.startsWith('[')) {
                node.migrations.append(slot);
                continue;
            }
            const qsizetype dash = slot.indexOf('-');
            bool okFirst = false;
            bool okLast = false;
            const int first = (dash < 0 ? slot : slot.left(dash)).toInt(&okFirst);
            const int last = dash < 0 ? first : slot.mid(dash + 1).toInt(&okLast);
            if (!okFirst || (dash >= 0 && !okLast) || first < 0 || last > 16383 || last < first)
                continue;
            node.slotRanges.append({ first, last });
        }
        nodes.append(node);
    }
    // Masters first, by their first slot; each master's replicas after it.
    std::stable_sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
        if (a.isMaster() != b.isMaster())
            return a.isMaster();
        const int aFirst = a.slotRanges.isEmpty() ? 16384 : a.slotRanges.first().first;
        const int bFirst = b.slotRanges.isEmpty() ? 16384 : b.slotRanges.first().first;
        return aFirst < bFirst;
    });
    QList<Node> ordered;
    QList<Node> replicas;
    for (const Node& node : nodes)
        (node.isMaster() ? ordered : replicas).append(node);
    for (const Node& replica : replicas) {
        qsizetype at = -1;
        for (qsizetype i = 0; i < ordered.size(); ++i) {
            if (ordered.at(i).id == replica.masterId || (at >= 0 && ordered.at(i).masterId == replica.masterId))
                at = i;
        }
        if (at < 0)
            ordered.append(replica);
        else
            ordered.insert(at + 1, replica);
    }
    return ordered;
}

QString ClusterNodesModel::slotText(const Node& node)
{
    QStringList parts;
    for (const auto& [first, last] : node.slotRanges)
        parts.append(first == last ? QString::number(first) : QStringLiteral("%1-%2").arg(first).arg(last));
    for (const QByteArray& migration : node.migrations)
        parts.append(QString::fromUtf8(migration));
    return parts.join(QStringLiteral(", "));
}

ClusterNodesModel::ClusterNodesModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void ClusterNodesModel::refresh()
{
    if (!m_session)
        return;
    const JobTracker::Ticket generation = m_jobs.next();
    m_session->execute({ "CLUSTER", "NODES" }, this, [this, generation](const Reply& reply) {
        if (m_jobs.isStale(generation))
            return; // a newer refresh is on its way
        if (reply.isError() || !reply.isString()) {
            m_error = reply.isError() ? reply.errorMessage() : tr("CLUSTER NODES did not answer with text.");
            emit errorOccurred(m_error);
            return;
        }
        m_error.clear();
        setNodes(parse(reply.bytes()));
        emit refreshed();
    });
}

void ClusterNodesModel::failOver(const QString& replicaAddress)
{
    if (!m_session)
        return;
    m_session->executeOn(replicaAddress, { "CLUSTER", "FAILOVER" }, this, [this, replicaAddress](const Reply& reply) {
        emit failoverFinished(replicaAddress, reply.isError() ? reply.errorMessage() : QString());
        refresh();
    });
}

void ClusterNodesModel::setNodes(QList<Node> nodes)
{
    beginResetModel();
    m_nodes = std::move(nodes);
    endResetModel();
}

int ClusterNodesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int ClusterNodesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClusterNodesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_nodes.size())
        return {};
    const Node& node = m_nodes.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Address:
            return node.hostname.isEmpty() ? node.address : QStringLiteral("%1 (%2)").arg(node.address, node.hostname);
        case Role:
            return QString((node.isMaster() ? tr("master") : tr("replica"))
                + (node.flags.contains("myself") ? tr(" · this node") : QString()));
        case Master: {
            if (node.isMaster())
                return QString();
            for (const Node& other : m_nodes) {
                if (other.id == node.masterId)
                    return other.address;
            }
            return QString::fromUtf8(node.masterId.left(8));
        }
        case Slots:
            return node.isMaster() ? tr("%1 (%n slot(s))", nullptr, node.slotCount()).arg(slotText(node)) : QString();
        case State: {
            QStringList state { QString::fromUtf8(node.linkState) };
            for (const QByteArray& flag : node.flags) {
                if (flag == "fail" || flag == "fail?" || flag == "handshake" || flag == "noaddr" || flag == "nofailover")
                    state.append(QString::fromUtf8(flag));
            }
            return state.join(QStringLiteral(" · "));
        }
        case ConfigEpoch:
            return node.configEpoch;
        case Id:
            return QString::fromUtf8(node.id.left(12));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Id)
        return QString::fromUtf8(node.id);
    return {};
}

QVariant ClusterNodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Address:
        return tr("Node");
    case Role:
        return tr("Role");
    case Master:
        return tr("Master");
    case Slots:
        return tr("Slots");
    case State:
        return tr("Link and state");
    case ConfigEpoch:
        return tr("Config epoch");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace vermilion
