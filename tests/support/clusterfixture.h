#pragma once

#include "redisfixture.h"

#include <memory>
#include <vector>

namespace vermilion::test {

// A private Redis Cluster on loopback: `masters` masters with `replicasPerMaster` replicas each,
// made with redis-server --cluster-enabled yes and redis-cli --cluster create. The servers die with
// the object (and with the test process).
class ClusterFixture {
public:
    bool start(int masters = 3, int replicasPerMaster = 1, QString* error = nullptr);
    ~ClusterFixture();

    const std::vector<std::unique_ptr<RedisServerProcess>>& nodes() const { return m_nodes; }
    RedisServerProcess& node(int index) { return *m_nodes.at(size_t(index)); }
    // A profile that starts from the first node.
    ConnectionProfile profile() const;
    // Runs redis-cli with these arguments against the node at index; returns its output (or sets
    // *error when it fails).
    QByteArray cli(int index, const QStringList& arguments, QString* error = nullptr, int timeoutMs = 60000) const;
    // Waits until every node reports cluster_state:ok and agrees on one slot map.
    bool waitUntilHealthy(int timeoutMs = 60000, QString* error = nullptr) const;
    // The index of the node with this port, or -1.
    int indexOfPort(quint16 port) const;

private:
    std::vector<std::unique_ptr<RedisServerProcess>> m_nodes;
    int m_replicaCount = 0;
};

} // namespace vermilion::test
