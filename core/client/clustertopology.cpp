#include "clustertopology.h"

#include <algorithm>

#include <QCoreApplication>

namespace vermilion {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("ClusterTopology", text); }

const Reply* field(const Reply& map, const char* name)
{
    if (!map.isArray())
        return nullptr;
    for (qsizetype i = 0; i + 1 < map.size(); i += 2) {
        if ((map.at(i).isString() || map.at(i).isStatus()) && map.at(i).bytes() == name)
            return &map.at(i + 1);
    }
    return nullptr;
}

bool validSlot(qint64 slot) { return slot >= 0 && slot < 16384; }

QString hostOf(const QByteArray& endpoint, const QString& seedHost)
{
    // CLUSTER SHARDS/SLOTS: "" or "?" when the node does not know how it is reached (then it is the
    // node that was asked, or the announced ip is all there is).
    if (endpoint.isEmpty() || endpoint == "?")
        return seedHost;
    return QString::fromUtf8(endpoint);
}
} // namespace

QString ClusterNode::address() const
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

int ClusterNode::slotCount() const
{
    int count = 0;
    for (const auto& [first, last] : slotRanges)
        count += last - first + 1;
    return count;
}

std::optional<ClusterTopology> ClusterTopology::fromShards(const Reply& reply, const QString& seedHost, QString* error)
{
    // [ shard: ["slots", [start, end, ...], "nodes", [ node: ["id", .., "port", .., "ip", .., "endpoint", ..,
    //   "hostname", .., "role", "master"|"replica", "replication-offset", .., "health", ..] ...]] ...]
    if (!reply.isArray()) {
        *error = tr("CLUSTER SHARDS did not answer with a list.");
        return std::nullopt;
    }
    ClusterTopology topology;
    for (const Reply& shard : reply.elements()) {
        const Reply* slotList = field(shard, "slots");
        const Reply* nodes = field(shard, "nodes");
        if (!slotList || !nodes || !slotList->isArray() || !nodes->isArray() || slotList->size() % 2 != 0) {
            *error = tr("CLUSTER SHARDS answered with a shard of an unexpected shape.");
            return std::nullopt;
        }
        QList<std::pair<int, int>> ranges;
        for (qsizetype i = 0; i + 1 < slotList->size(); i += 2) {
            const qint64 first = slotList->at(i).toInteger();
            const qint64 last = slotList->at(i + 1).toInteger();
            if (!validSlot(first) || !validSlot(last) || last < first) {
                *error = tr("CLUSTER SHARDS named a slot range outside 0-16383.");
                return std::nullopt;
            }
            ranges.append({ int(first), int(last) });
        }
        QByteArray masterId;
        QList<ClusterNode> shardNodes;
        for (const Reply& nodeReply : nodes->elements()) {
            ClusterNode node;
            const Reply* id = field(nodeReply, "id");
            const Reply* port = field(nodeReply, "port");
            const Reply* tlsPort = field(nodeReply, "tls-port");
            const Reply* endpoint = field(nodeReply, "endpoint");
            const Reply* ip = field(nodeReply, "ip");
            const Reply* role = field(nodeReply, "role");
            if (!id || !role || (!port && !tlsPort)) {
                *error = tr("CLUSTER SHARDS answered with a node of an unexpected shape.");
                return std::nullopt;
            }
            node.id = id->bytes();
            const qint64 portValue = port ? port->toInteger() : tlsPort->toInteger();
            if (portValue <= 0 || portValue > 65535) {
                *error = tr("CLUSTER SHARDS named a port outside 1-65535.");
                return std::nullopt;
            }
            node.port = quint16(portValue);
            node.host = hostOf(endpoint ? endpoint->bytes() : (ip ? ip->bytes() : QByteArray()), seedHost);
            if (endpoint && (endpoint->bytes().isEmpty() || endpoint->bytes() == "?") && ip && !ip->bytes().isEmpty())
                node.host = hostOf(ip->bytes(), seedHost);
            node.master = role->bytes() == "master";
            if (const Reply* health = field(nodeReply, "health"))
                node.health = health->bytes();
            if (const Reply* offset = field(nodeReply, "replication-offset"))
                node.replicationOffset = offset->toInteger();
            if (node.master) {
                node.slotRanges = ranges;
                masterId = node.id;
            }
            shardNodes.append(node);
        }
        for (ClusterNode& node : shardNodes) {
            if (!node.master)
                node.masterId = masterId;
            topology.m_nodes.append(node);
        }
    }
    topology.index();
    return topology;
}

std::optional<ClusterTopology> ClusterTopology::fromSlots(const Reply& reply, const QString& seedHost, QString* error)
{
    // [ [start, end, [ip, port, id, (7.0) metadata], replica...] ... ]
    if (!reply.isArray()) {
        *error = tr("CLUSTER SLOTS did not answer with a list.");
        return std::nullopt;
    }
    ClusterTopology topology;
    auto nodeIndex = [&topology](const QByteArray& id, const QString& host, quint16 port) -> qsizetype {
        for (qsizetype i = 0; i < topology.m_nodes.size(); ++i) {
            const ClusterNode& node = topology.m_nodes.at(i);
            if (id.isEmpty() ? (node.host == host && node.port == port) : node.id == id)
                return i;
        }
        return -1;
    };
    for (const Reply& range : reply.elements()) {
        if (!range.isArray() || range.size() < 3) {
            *error = tr("CLUSTER SLOTS answered with a range of an unexpected shape.");
            return std::nullopt;
        }
        const qint64 first = range.at(0).toInteger();
        const qint64 last = range.at(1).toInteger();
        if (!validSlot(first) || !validSlot(last) || last < first) {
            *error = tr("CLUSTER SLOTS named a slot range outside 0-16383.");
            return std::nullopt;
        }
        QByteArray masterId;
        for (qsizetype n = 2; n < range.size(); ++n) {
            const Reply& nodeReply = range.at(n);
            if (!nodeReply.isArray() || nodeReply.size() < 2) {
                *error = tr("CLUSTER SLOTS answered with a node of an unexpected shape.");
                return std::nullopt;
            }
            const qint64 port = nodeReply.at(1).toInteger();
            if (port <= 0 || port > 65535) {
                *error = tr("CLUSTER SLOTS named a port outside 1-65535.");
                return std::nullopt;
            }
            const QString host = hostOf(nodeReply.at(0).bytes(), seedHost);
            const QByteArray id = nodeReply.size() > 2 ? nodeReply.at(2).bytes() : QByteArray();
            qsizetype index = nodeIndex(id, host, quint16(port));
            if (index < 0) {
                ClusterNode node;
                node.id = id;
                node.host = host;
                node.port = quint16(port);
                node.master = n == 2;
                node.health = "online";
                topology.m_nodes.append(node);
                index = topology.m_nodes.size() - 1;
            }
            ClusterNode& node = topology.m_nodes[index];
            if (n == 2) {
                node.master = true;
                node.slotRanges.append({ int(first), int(last) });
                masterId = node.id;
            } else {
                node.masterId = masterId;
            }
        }
    }
    topology.index();
    return topology;
}

void ClusterTopology::index()
{
    m_slotOwner.fill(-1);
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (!m_nodes.at(i).master)
            continue;
        for (const auto& [first, last] : m_nodes.at(i).slotRanges) {
            for (int slot = first; slot <= last; ++slot)
                m_slotOwner[size_t(slot)] = qint16(i);
        }
    }
}

bool ClusterTopology::ownViewFromNodes(const QByteArray& clusterNodes, OwnView* view)
{
    // <id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <link> <slot>...
    for (const QByteArray& rawLine : clusterNodes.split('\n')) {
        const QList<QByteArray> fields = rawLine.trimmed().split(' ');
        if (fields.size() < 8 || !fields.at(2).split(',').contains("myself"))
            continue;
        for (qsizetype i = 8; i < fields.size(); ++i) {
            const QByteArray& slot = fields.at(i);
            if (slot.startsWith('[')) {
                bool ok = false;
                const qsizetype end = slot.indexOf('-');
                const int number = slot.mid(1, end < 0 ? -1 : end - 1).toInt(&ok);
                if (ok && validSlot(number))
                    view->migrating.append(number);
                continue;
            }
            const qsizetype dash = slot.indexOf('-');
            bool okFirst = false;
            bool okLast = true;
            const int first = (dash < 0 ? slot : slot.left(dash)).toInt(&okFirst);
            const int last = dash < 0 ? first : slot.mid(dash + 1).toInt(&okLast);
            if (okFirst && okLast && validSlot(first) && validSlot(last) && first <= last)
                view->slotRanges.append({ first, last });
        }
        return true;
    }
    return false;
}

QList<ClusterNode> ClusterTopology::masters() const
{
    QList<ClusterNode> result;
    for (const ClusterNode& node : m_nodes) {
        if (node.master && !node.slotRanges.isEmpty())
            result.append(node);
    }
    // In slot order, as redis-cli lists them: the same order on every refresh and in every tool.
    std::sort(result.begin(), result.end(), [](const ClusterNode& a, const ClusterNode& b) {
        const int first = a.slotRanges.isEmpty() ? 16384 : a.slotRanges.first().first;
        const int second = b.slotRanges.isEmpty() ? 16384 : b.slotRanges.first().first;
        return first < second;
    });
    return result;
}

const ClusterNode* ClusterTopology::masterForSlot(int slot) const
{
    const int index = masterIndexForSlot(slot);
    return index >= 0 ? &m_nodes.at(index) : nullptr;
}

int ClusterTopology::coveredSlots() const
{
    int count = 0;
    for (qint16 owner : m_slotOwner)
        count += owner >= 0 ? 1 : 0;
    return count;
}

bool ClusterTopology::sameSlotOwners(const ClusterTopology& other) const
{
    for (int slot = 0; slot < 16384; ++slot) {
        const ClusterNode* mine = masterForSlot(slot);
        const ClusterNode* theirs = other.masterForSlot(slot);
        if (!mine != !theirs || (mine && mine->address() != theirs->address()))
            return false;
    }
    return true;
}

} // namespace vermilion
