#pragma once

#include "connection.h"
#include "endpointsource.h"

#include <QDateTime>
#include <QObject>

#include <memory>
#include <vector>

class QTimer;

namespace vermilion {

// A session's view of Redis Sentinel: asks the profile's sentinels in turn for the master of its
// group (SENTINEL GET-MASTER-ADDR-BY-NAME, or a healthy replica from SENTINEL REPLICAS when a
// read-only profile asks to read from one), publishes the address to the session's EndpointSource,
// and follows failovers: every sentinel's events are subscribed (+switch-master moves the links at
// once), the address is asked again every few seconds and whenever a link finds the server in the
// wrong role. Lives in the session's thread.
class SentinelWatcher : public QObject {
    Q_OBJECT
public:
    struct Event {
        QDateTime time;
        QString sentinel; // "host:port" of the sentinel that published it
        QString type; // the channel: "+switch-master", "+sdown", ...
        QString text; // the message as the sentinel wrote it
    };

    SentinelWatcher(const ConnectionProfile& profile, std::shared_ptr<EndpointSource> source,
                    QObject* parent = nullptr);
    ~SentinelWatcher() override;

    // Starts asking (and keeps following); stop() drops every sentinel link.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Asks again now (rate-limited): why goes to the event list.
    void resolveNow(const QString& why);

    const ConnectionProfile& profile() const { return m_profile; }
    QStringList sentinels() const { return m_profile.sentinels; }
    EndpointSource::Endpoint current() const { return m_source->current(); }
    QString lastError() const { return m_lastError; }
    // Recent events for the group, oldest first (at most maxEvents).
    const std::vector<Event>& events() const { return m_events; }
    static constexpr size_t maxEvents = 500;
    // A command to the sentinels, asked in turn until one answers (not with a connection error):
    // the callback runs in context's thread with that sentinel's address and reply.
    void executeOnSentinel(const Command& argv, QObject* context,
                           std::function<void(const QString& sentinel, const Reply&)> callback);
    // The interval of the safety-net re-check (tests shorten it).
    void setRecheckInterval(int milliseconds);

    // The profile of the link to one sentinel ("host:port"): its own user, password and TLS.
    static ConnectionProfile sentinelLinkProfile(const ConnectionProfile& profile, const QString& sentinel);

signals:
    // The address is known (first time) or changed.
    void resolved(const QString& address, const QString& message);
    // No sentinel could name the address; message says what each one answered.
    void failed(const QString& message);
    void eventReceived(const vermilion::SentinelWatcher::Event& event);

private:
    struct SentinelLink;
    class EventHandler;

    void ask(qsizetype index, quint64 round, QStringList reasons);
    void onAddressReply(qsizetype index, quint64 round, QStringList reasons, const Reply& reply);
    void onReplicasReply(qsizetype index, quint64 round, QStringList reasons, const Reply& reply);
    void publish(const EndpointSource::Endpoint& endpoint, const QString& sentinel, const QString& why);
    void onEvent(const QString& sentinel, const QString& channel, const QString& text);
    void addEvent(const QString& sentinel, const QString& type, const QString& text);
    void onWrongRole(const EndpointSource::Endpoint& endpoint, const QString& role);
    EndpointSource::Endpoint mapped(const QString& host, const QString& port) const;
    Connection* link(qsizetype index);
    void tryOn(qsizetype index, Command argv, QObject* context,
               std::shared_ptr<std::function<void(const QString&, const Reply&)>> callback);

    ConnectionProfile m_profile;
    std::shared_ptr<EndpointSource> m_source;
    bool m_readReplica = false;
    bool m_running = false;
    bool m_resolving = false;
    bool m_askAgain = false;
    quint64 m_round = 0;
    QString m_lastError;
    QString m_pendingWhy;
    std::vector<std::unique_ptr<SentinelLink>> m_links;
    std::vector<Event> m_events;
    QTimer* m_recheck = nullptr;
    qint64 m_lastAskMs = 0;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::SentinelWatcher::Event)
