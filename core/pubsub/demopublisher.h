#pragma once

#include "profiles/connectionprofile.h"

#include <QObject>
#include <memory>

class QTimer;

namespace vermilion {

class Connection;

// Publishes demo traffic so that a new user sees pub/sub panes come alive on the sandbox: JSON
// orders, plain-text chat lines, binary sensor frames and an occasional alert, on a connection of
// its own, every few hundred milliseconds.
class DemoPublisher : public QObject {
    Q_OBJECT
public:
    explicit DemoPublisher(const ConnectionProfile& profile, QObject* parent = nullptr);
    ~DemoPublisher() override;

    void start();
    void stop();
    bool isRunning() const;
    void setInterval(int milliseconds);
    qint64 published() const { return m_tick; }

    // The channels it publishes on.
    static QList<QByteArray> channels();

private:
    void publishNext();

    std::unique_ptr<Connection> m_connection;
    QTimer* m_timer = nullptr;
    qint64 m_tick = 0;
};

} // namespace vermilion
