#pragma once

#include "monitor.h"

#include <QObject>
#include <QStringList>

#include <vector>

class QTimer;

namespace vermilion {

class Session;

// MONITOR on one server, or on chosen nodes of a cluster, as one stream: each node has a Monitor
// (a link of its own), its lines carry the node's address, and lines from several nodes are merged
// in server-time order within each hand-over (every 100 ms). A node that lags by more than that can
// still show its lines after newer ones from another node: times are the servers' own clocks.
class MonitorGroup : public QObject {
    Q_OBJECT
public:
    explicit MonitorGroup(Session* session, QObject* parent = nullptr);
    ~MonitorGroup() override;

    // The nodes the next start() watches (cluster addresses); empty = the session's own server.
    void setNodes(const QStringList& nodes);
    QStringList nodes() const { return m_nodes; }
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Connected once every node's link is; otherwise the state of the first node that is not.
    Connection::State state() const;
    // The nodes watched since the last start(): { "" } on a single server.
    QStringList watched() const;
    void deliverNow();

signals:
    void linesReceived(const vermilion::MonitorBatch& batch);
    // node: "" on a single server.
    void stateChanged(vermilion::Connection::State state, const QString& message, const QString& node);

private:
    void onLines(const QString& node, const MonitorBatch& batch);

    Session* m_session;
    QStringList m_nodes;
    struct Watch {
        QString node;
        Monitor* monitor;
    };
    std::vector<Watch> m_watches;
    MonitorBatch m_pending;
    QTimer* m_mergeTimer;
    bool m_running = false;
};

} // namespace vermilion
