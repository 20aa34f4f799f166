#pragma once

#include "profiles/connectionprofile.h"

#include <QObject>
#include <memory>

namespace vermilion {

class DemoLocks;
class DemoPublisher;
class DemoSeeder;
class RedisServerProcess;
class Session;

// The embedded default: a private redis-server with demo data. start() returns at once; ready()
// carries the profile to connect to once the data is in. The server stops with this object, and
// with the process (see RedisServerProcess).
class Sandbox : public QObject {
    Q_OBJECT
public:
    explicit Sandbox(QObject* parent = nullptr);
    ~Sandbox() override;

    void start();
    void stop();
    bool isRunning() const;
    ConnectionProfile profile() const { return m_profile; }
    RedisServerProcess* server() const { return m_server.get(); }
    // Lets a feature add its demo data before start().
    DemoSeeder* seeder() const { return m_seeder.get(); }
    // Takes and releases a few Carmine locks on a timer once the data is in (the lock inspector's demo).
    DemoLocks* demoLocks() const { return m_demoLocks.get(); }
    // Publishes on a few demo channels (JSON, text, binary) once the data is in (the pub/sub demo).
    DemoPublisher* demoPublisher() const { return m_demoPublisher.get(); }

signals:
    void progress(const QString& message, int percent);
    void ready(const vermilion::ConnectionProfile& profile);
    void failed(const QString& message);

private:
    void seed();

    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_seedSession;
    std::unique_ptr<DemoSeeder> m_seeder;
    std::unique_ptr<DemoLocks> m_demoLocks;
    std::unique_ptr<DemoPublisher> m_demoPublisher;
    ConnectionProfile m_profile;
};

} // namespace vermilion
