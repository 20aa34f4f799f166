#pragma once

#include "client/connection.h"
#include "pubsubmessage.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <set>
#include <vector>

class QTimer;

namespace vermilion {

class Session;

class SubscriberChannel;

// A pub/sub subscriber on a connection of its own. The connection's thread only moves the bytes
// from the socket to a queue, so it empties the socket whenever it runs and a firehose never makes
// the server's client-output-buffer-limit cut us off; a decode thread turns the bytes into messages,
// which are handed to the subscriber's thread in batches on a timer (every 50 ms by default).
// Subscriptions may change at any time; after a lost link everything is subscribed again and a
// Gap message marks where messages may be missing.
//
//   auto* subscriber = new Subscriber(profile, this);
//   connect(subscriber, &Subscriber::messagesReceived, this, [](const PubSubBatch& batch) { ... });
//   subscriber->psubscribe({ "__keyspace@0__:carmine:lock:*" });
//   subscriber->start();
class Subscriber : public QObject {
    Q_OBJECT
public:
    // On a link of its own from the session (on a cluster: the node the session started from;
    // classic pub/sub messages reach every node).
    explicit Subscriber(Session* session, QObject* parent = nullptr);
    // Without a session (tests, the sandbox): a link to the profile's server.
    explicit Subscriber(const ConnectionProfile& profile, QObject* parent = nullptr);
    ~Subscriber() override;

    const ConnectionProfile& profile() const { return m_profile; }
    Connection::State state() const;
    QString lastError() const;

    // Connects (and subscribes to whatever was asked before). stop() closes the connection; the
    // subscriptions are kept for the next start().
    void start();
    void stop();
    bool isStarted() const { return m_started; }

    // Sharded pub/sub (Redis 7 Cluster, SSUBSCRIBE): channels are shard channels, each subscribed
    // on the master serving its slot, over one link per node; there are no patterns. The channels
    // wanted so far carry over when the mode changes (patterns do not). When the slot map changes
    // (a failover, a resharding, or the server's own sunsubscribe when a slot moves) each channel
    // follows its slot, and a Gap marks where messages may be missing. Needs the session.
    void setSharded(bool sharded);
    bool isSharded() const { return m_spread == Spread::Sharded; }
    // Every master (Redis Cluster): the same SUBSCRIBE and PSUBSCRIBE on a link to each master.
    // Keyspace notifications are each node's own, so a keyspace pane or a lock watcher sees every
    // key only this way. A channel PUBLISHed to the cluster reaches every node, so it arrives once
    // per master here. Links follow the set of masters (failovers). Needs the session.
    void setEveryMaster(bool everyMaster);
    bool isEveryMaster() const { return m_spread == Spread::EveryMaster; }
    // Sharded: the node each channel is subscribed on now.
    QString nodeOf(const QByteArray& channel) const;
    // Sharded or every master: the nodes with a link now.
    QStringList shardNodes() const;

    void subscribe(const QList<QByteArray>& channels);
    void psubscribe(const QList<QByteArray>& patterns);
    void unsubscribe(const QList<QByteArray>& channels); // empty list: all channels
    void punsubscribe(const QList<QByteArray>& patterns); // empty list: all patterns
    // What is asked for (sorted); the server's confirmations come as messages.
    QList<QByteArray> channels() const;
    QList<QByteArray> patterns() const;

    // How often batches are handed over, in ms (default 50).
    void setDeliveryInterval(int milliseconds);
    // At most this many messages wait between two hand-overs; beyond, the oldest are dropped and
    // counted in PubSubBatch::dropped (default 2,000,000).
    void setPendingLimit(qsizetype messages);
    // Received bytes allowed to wait for the decode thread; beyond, the oldest messages are skipped
    // without being decoded and counted as dropped (default 96 MB).
    void setBacklogLimit(qint64 bytes);
    // Bytes received and not decoded yet.
    qint64 backlogBytes() const;
    // Hands over what has been decoded now, without waiting for the timer.
    void deliverNow();

signals:
    void messagesReceived(const vermilion::PubSubBatch& batch);
    void stateChanged(vermilion::Connection::State state, const QString& message);
    // The link came back and every subscription was sent again.
    void resubscribed();

private:
    struct Shard {
        QString node;
        std::shared_ptr<SubscriberChannel> channel;
        std::unique_ptr<Connection> connection;
        bool moreScheduled = false;
    };
    void init();
    void onConnectionState(Connection::State state, const QString& message);
    void send(const QByteArray& verb, const QList<QByteArray>& names);
    Shard* shardFor(const QString& node);
    void reroute();
    void dropEmptyShards();
    void deliverShard(Shard& shard, PubSubBatch* batch);
    void wantReroute();
    void onEveryMaster(bool channels, bool add, const QByteArray& verb, const QList<QByteArray>& names);
    bool m_rerouteWanted = false;
    int m_rerouteTries = 0;

    QPointer<Session> m_session;
    enum class Spread { OneNode, Sharded, EveryMaster };
    void setSpread(Spread spread);
    Spread m_spread = Spread::OneNode;
    std::set<QByteArray> m_shardChannels; // wanted, sharded and every-master modes
    std::set<QByteArray> m_shardPatterns; // wanted, every-master mode
    std::vector<std::unique_ptr<Shard>> m_shards;
    QTimer* m_rerouteTimer = nullptr; // while a shard's link is down: ask for the map again

    ConnectionProfile m_profile;
    std::shared_ptr<SubscriberChannel> m_channel;
    std::unique_ptr<Connection> m_connection;
    QTimer* m_deliveryTimer = nullptr;
    bool m_started = false;
    bool m_wasConnected = false;
    bool m_moreScheduled = false;
};

} // namespace vermilion
