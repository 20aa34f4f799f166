#pragma once

#include "reply.h"

#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace vermilion {

// One node of a Redis Cluster as the cluster announces it.
struct ClusterNode {
    QByteArray id;
    QString host; // the endpoint to reach it at, as announced (ip, hostname)
    quint16 port = 0;
    bool master = false;
    QByteArray masterId; // a replica's master (CLUSTER SHARDS: the shard's master)
    QByteArray health; // "online", "failed", "loading" (CLUSTER SHARDS); "online" from CLUSTER SLOTS
    qint64 replicationOffset = -1;
    QList<std::pair<int, int>> slotRanges; // masters: inclusive ranges

    QString address() const;
    int slotCount() const;
};

// The slot map of a cluster, read from CLUSTER SHARDS (Redis 7) or CLUSTER SLOTS (older servers).
// Values: copy freely; the session swaps in a new one on every refresh.
class ClusterTopology {
public:
    // seedHost: the host the reply came from; an empty or "?" endpoint means "the node you asked".
    static std::optional<ClusterTopology> fromShards(const Reply& reply, const QString& seedHost, QString* error);
    static std::optional<ClusterTopology> fromSlots(const Reply& reply, const QString& seedHost, QString* error);

    const QList<ClusterNode>& nodes() const { return m_nodes; }
    QList<ClusterNode> masters() const;
    // Index into nodes() of the master serving a slot, -1 if no node serves it.
    int masterIndexForSlot(int slot) const { return slot >= 0 && slot < int(m_slotOwner.size()) ? m_slotOwner[size_t(slot)] : -1; }
    const ClusterNode* masterForSlot(int slot) const;
    int coveredSlots() const;
    bool isEmpty() const { return m_nodes.isEmpty(); }
    // True when both maps name the same node for every slot.
    bool sameSlotOwners(const ClusterTopology& other) const;

    // What one node says of itself in CLUSTER NODES (its "myself" line): the slots it serves, and
    // the slots it is migrating away or importing ("[slot->-id]", "[slot-<-id]"). False when the
    // text has no such line.
    struct OwnView {
        QList<std::pair<int, int>> slotRanges;
        QList<int> migrating; // both directions
    };
    static bool ownViewFromNodes(const QByteArray& clusterNodes, OwnView* view);

private:
    void index();
    QList<ClusterNode> m_nodes;
    std::array<qint16, 16384> m_slotOwner {};
};

} // namespace vermilion
