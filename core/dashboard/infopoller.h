#pragma once

#include "history.h"
#include "sample.h"
#include "server/serverinfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

class QTimer;

namespace vermilion {

class Session;

// Polls INFO on the session's dashboard connection, so a slow INFO never delays a click, and turns
// each answer into a Sample whose rates come from counter deltas. A counter that goes backwards means
// the server restarted (or CONFIG RESETSTAT ran): that step has no rate rather than a huge spike.
// On a cluster every node is polled at once, each with a history of its own, and a view picks what
// history(), lastInfo() and sampled() describe: one node, or the sum of all masters (the default).
class InfoPoller : public QObject {
    Q_OBJECT
public:
    explicit InfoPoller(Session* session, QObject* parent = nullptr, qsizetype historyCapacity = History::defaultCapacity);
    ~InfoPoller() override;

    void setInterval(int milliseconds);
    int interval() const;
    void start();
    void stop();
    bool isActive() const;
    // Polls now, unless a poll is already on its way.
    void pollNow();

    // The samples and INFO of the current view.
    const History& history() const;
    const ServerInfo& lastInfo() const;
    QString lastError() const { return m_lastError; }

    // Cluster: "" = every master summed (rates of the sum; cards and INFO show the first master),
    // or one node's address. Ignored on a single server.
    void setView(const QString& node);
    QString view() const { return m_view; }
    // The nodes polled last (cluster), masters first; empty on a single server.
    QStringList nodes() const { return m_nodes; }

    // The sum of several masters' INFO, as one server's INFO: counters, memory, clients and the
    // keyspace are added; the run id names every member, so a changed member set has no rate.
    static ServerInfo sumOf(const QList<ServerInfo>& infos);

    // The sample for `current`, with rates over the `elapsedMs` since `previous` (no rates when
    // `previous` is empty or elapsedMs is not positive).
    static Sample makeSample(const ServerInfo& previous, const ServerInfo& current, qint64 elapsedMs, qint64 timeMs);

signals:
    void sampled(const vermilion::Sample& sample);
    void infoChanged(const vermilion::ServerInfo& info);
    // INFO was refused (an ACL rule) or failed; the text says why.
    void failed(const QString& message);
    // The view changed, or the set of nodes did: history() and lastInfo() describe something else.
    void viewChanged();

private:
    struct Track {
        explicit Track(qsizetype capacity)
            : history(capacity)
        {
        }
        History history;
        ServerInfo lastInfo;
        qint64 lastNs = -1;
    };
    // Turns one INFO into a sample of `track`; returns it.
    static Sample advance(Track& track, ServerInfo info, qint64 elapsedNs);
    void pollCluster();

    Session* m_session;
    QTimer* m_timer;
    qsizetype m_capacity;
    Track m_main; // the server, or on a cluster the masters' sum
    std::map<QString, std::unique_ptr<Track>> m_nodeTracks;
    QStringList m_nodes;
    QString m_view;
    QString m_lastError;
    QElapsedTimer m_clock;
    bool m_inFlight = false;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::Sample)
