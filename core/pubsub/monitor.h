#pragma once

#include "client/connection.h"
#include "monitorline.h"

#include <QObject>
#include <memory>

class QTimer;

namespace vermilion {

class Session;

class MonitorChannel;

struct MonitorBatch {
    QList<MonitorLine> lines;
    qint64 dropped = 0; // lines dropped because the hand-over buffer was full
};

// MONITOR on a connection of its own. The connection's thread only moves the bytes from the socket
// to a queue, as fast as the server sends them; a decode thread parses the lines, which are handed
// over in batches on a timer (every 50 ms by default). After a
// lost link MONITOR is sent again and a Gap line marks the hole. MONITOR costs the server
// throughput: the panel says so before start().
class Monitor : public QObject {
    Q_OBJECT
public:
    // On a link of its own from the session; node: on a cluster, which node to watch ("" = the
    // node the session started from).
    explicit Monitor(Session* session, const QString& node = {}, QObject* parent = nullptr);
    // Without a session (tests, benchmarks).
    explicit Monitor(const ConnectionProfile& profile, QObject* parent = nullptr);
    ~Monitor() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    Connection::State state() const;

    void setDeliveryInterval(int milliseconds);
    void setPendingLimit(qsizetype lines);
    // Received bytes allowed to wait for the parser; beyond, the oldest lines are skipped unparsed
    // and counted as dropped (default 96 MB).
    void setBacklogLimit(qint64 bytes);
    void deliverNow();

signals:
    void linesReceived(const vermilion::MonitorBatch& batch);
    void stateChanged(vermilion::Connection::State state, const QString& message);

private:
    void init();
    std::shared_ptr<MonitorChannel> m_channel;
    std::unique_ptr<Connection> m_connection;
    QTimer* m_deliveryTimer = nullptr;
    bool m_running = false;
    bool m_moreScheduled = false;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::MonitorBatch)
