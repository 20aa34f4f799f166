#pragma once

#include "redisfixture.h"

#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace vermilion::test {

// A private Sentinel setup on loopback: one master, `replicas` replicas of it and `sentinels`
// sentinels (redis-server --sentinel, the program Debian's redis-sentinel package runs) that
// monitor it as group "mymaster" with quorum 2. Everything dies with the object.
class SentinelFixture {
public:
    struct Options {
        int replicas = 2;
        int sentinels = 3;
        QString masterName = QStringLiteral("mymaster");
        // The sentinels' own password (requirepass, and sentinel-pass between them), none if empty.
        QString sentinelPassword;
        int downAfterMs = 1500;
        int failoverTimeoutMs = 6000;
    };

    bool start(const Options& options, QString* error = nullptr);
    bool start(QString* error = nullptr) { return start(Options(), error); }
    ~SentinelFixture();

    RedisServerProcess& master() { return *m_servers.front(); }
    const std::vector<std::unique_ptr<RedisServerProcess>>& servers() const { return m_servers; }
    const std::vector<std::unique_ptr<RedisServerProcess>>& sentinels() const { return m_sentinels; }
    QStringList sentinelAddresses() const;
    // A profile for the group through every sentinel.
    ConnectionProfile profile() const;
    // redis-cli against a port (with the sentinels' password when it is a sentinel's).
    QByteArray cli(quint16 port, const QStringList& arguments, QString* error = nullptr, int timeoutMs = 10000) const;
    // The master's port as the sentinels agree on it now (0 if they do not yet).
    quint16 agreedMasterPort() const;
    // Waits until every sentinel knows every replica and the other sentinels.
    bool waitUntilSettled(int timeoutMs = 30000, QString* error = nullptr) const;

private:
    Options m_options;
    QTemporaryDir m_configs;
    std::vector<std::unique_ptr<RedisServerProcess>> m_servers; // the master first
    std::vector<std::unique_ptr<RedisServerProcess>> m_sentinels;
};

} // namespace vermilion::test
