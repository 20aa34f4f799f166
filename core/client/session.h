#pragma once

#include "clustertopology.h"
#include "connection.h"
#include "server/serverinfo.h"

#include <QElapsedTimer>
#include <QObject>

#include <array>
#include <atomic>
#include <memory>

class QTimer;

namespace vermilion {

class ClusterRouter;
class EndpointSource;
class SentinelWatcher;

// The connections of one server profile, and what the app knows about that server. execute() may be
// called from any thread; the rest belongs to the thread the session lives in. Callers ask the
// session for work by role and never hold a socket, so routing can change underneath them (one
// connection per node for Redis Cluster, a master found through Sentinel) without touching callers.
class Session : public QObject {
    Q_OBJECT
public:
    enum class Role {
        Interactive, // clicks: small commands that must answer fast
        Bulk, // long jobs: full SCAN, bulk deletes, memory analysis, seeding
        Dashboard, // periodic INFO polling, so it never queues behind clicks or long jobs
    };
    Q_ENUM(Role)

    explicit Session(const ConnectionProfile& profile, QObject* parent = nullptr);
    ~Session() override;

    const ConnectionProfile& profile() const { return m_profile; }
    Connection::State state() const;
    QString lastError() const;
    bool isReadOnly() const { return m_profile.readOnly; }

    void open();
    void close();

    // Redis Cluster, found out from INFO at connect (cluster_enabled:1): commands then go to the
    // node serving their keys' slot, redirects are followed, and key-less commands go to a master.
    // stateChanged(Connected) comes once the session knows which it is (and has the slot map).
    bool isCluster() const;
    ClusterTopology clusterTopology() const;
    // The nodes a whole-keyspace job visits, one cursor each: every master (or, when the profile
    // asks for it, a replica of each master); on a single server, one empty name for the server.
    QStringList scanNodes() const;
    QStringList masterNodes() const;
    // Every node of the cluster, masters first (each master followed by its replicas), as addresses
    // the app can reach (after the profile's address map); { "" } on a single server.
    QStringList allNodes() const;
    // The role a node has in the last map read ("master", "replica"), "" when unknown.
    QString nodeRole(const QString& node) const;
    // Reads the slot map again now (cluster only): a tool whose own link to a node was lost asks,
    // so that it can follow a failover before the periodic refresh.
    void refreshClusterTopology();
    // Redis Sentinel (the profile names sentinels): every link of the session, the tools' own links
    // included, goes to the address the watcher found, and moves when Sentinel names another.
    bool isSentinel() const { return m_sentinel != nullptr; }
    SentinelWatcher* sentinel() const { return m_sentinel; }
    // The server a single-server session's links go to now ("host:port": the one Sentinel names, or
    // the profile's), "" on a cluster. A change means state tied to one server (a SCAN cursor) is void.
    QString currentServer() const;
    // MOVED and ASK redirects the session followed so far (cluster only).
    qint64 clusterRedirects(bool ask) const;
    // One node, by the address in scanNodes()/clusterTopology() ("" = the routed default).
    // followRedirects: MOVED/ASK answers are followed, as redis-cli -c does.
    void executeOn(const QString& node, const Command& argv, QObject* context, Connection::Callback callback,
                   Role role = Role::Interactive, CommandOptions options = {}, bool followRedirects = false);
    void executeDirectOn(const QString& node, const Command& argv, Role role,
                         std::function<void(Reply&&)> inConnectionThread,
                         std::function<void(const QByteArray&)> peek = {}, CommandOptions options = {});

    // One command on several nodes at once (redis-cli --cluster call): the callback runs once, in
    // context's thread, with every node's reply in the order of `nodes`. A node that cannot be
    // reached answers with an error; the others are not held back by it beyond its timeout.
    struct NodeReply {
        QString node;
        Reply reply;
    };
    void executeOnEach(const QStringList& nodes, const Command& argv, QObject* context,
                       std::function<void(const QList<NodeReply>&)> callback, Role role = Role::Interactive,
                       CommandOptions options = {});

    QFuture<Reply> execute(const Command& argv, Role role = Role::Interactive, CommandOptions options = {});
    void execute(const Command& argv, QObject* context, Connection::Callback callback, Role role = Role::Interactive,
                 CommandOptions options = {});
    // See Connection::executeDirect: the callback runs in the connection's thread.
    void executeDirect(const Command& argv, Role role, std::function<void(Reply&&)> inConnectionThread,
                       std::function<void(const QByteArray&)> peek = {}, CommandOptions options = {});
    QFuture<QList<Reply>> executeBatch(const QList<Command>& commands, Role role = Role::Bulk,
                                       CommandOptions options = {});
    void executeBatch(const QList<Command>& commands, QObject* context,
                      std::function<void(const QList<Reply>&)> callback, Role role = Role::Bulk,
                      CommandOptions options = {});

    // Facts read after each (re)connect and refreshed on demand.
    const ServerInfo& serverInfo() const { return m_info; }
    void refreshServerInfo();
    // Round-trip time of the last PING on the interactive connection, -1 if none yet.
    double latencyMs() const { return m_latencyMs; }
    int database() const { return m_profile.database; }
    // Moves every connection of the session to another database; databaseChanged() on success,
    // the server's error through the callback otherwise.
    void selectDatabase(int database, QObject* context, std::function<void(const Reply&)> done);
    void setPingInterval(int milliseconds);
    // A link of a tool's own, for state no other tool may see (the console's database, transaction,
    // user and subscriptions): made from the session's profile at its current database, not opened
    // yet, and never shared. Its owner follows the session's reconnects through the link itself.
    // node: on a cluster, which node it goes to ("" = the node the session started from).
    std::unique_ptr<Connection> createOwnLink(
        const QByteArray& clientName, std::shared_ptr<PushHandler> push = {}, const QString& node = {});
    // A link for code that has no session: the connection dialog's Test, the sandbox's demo feed,
    // tests. Every link of the app is made here or by a session.
    static std::unique_ptr<Connection> createLink(const ConnectionProfile& profile, const ConnectionTuning& tuning,
                                                  std::shared_ptr<PushHandler> push = {});
    // The node serving these keys (all in one slot), "" on a single server or for no keys; an
    // empty result with *error set when they span slots (CROSSSLOT, said before sending).
    QString nodeForKeys(const QList<QByteArray>& keys, QString* error = nullptr) const;

signals:
    void stateChanged(vermilion::Connection::State state, const QString& message);
    void serverInfoChanged();
    void latencyChanged(double milliseconds);
    void databaseChanged(int database);
    // The cluster's slot map or nodes changed (after a refresh).
    void clusterTopologyChanged();

private:
    Connection* connection(Role role);
    void onInteractiveState(Connection::State state, const QString& message);
    void detectMode(const QString& message);
    void announceConnected(const QString& message);
    void ping();
    void openLinks();

    ConnectionProfile m_profile;
    std::array<std::unique_ptr<Connection>, 3> m_connections;
    std::array<std::atomic<bool>, 3> m_used {};
    ServerInfo m_info;
    QTimer* m_pingTimer = nullptr;
    bool m_pingInFlight = false;
    double m_latencyMs = -1;
    std::atomic<bool> m_opened { false };
    // The interactive link is up and the session knows what it is connected to (a cluster's map
    // is read): only then does state() say Connected.
    std::atomic<bool> m_modeKnown { false };
    std::unique_ptr<ClusterRouter> m_router;
    quint64 m_connectCount = 0; // which connect a mode detection belongs to
    std::shared_ptr<EndpointSource> m_endpointSource; // Sentinel only
    SentinelWatcher* m_sentinel = nullptr;
    // Sentinel: open() waits for the first address before it opens any link; a first question no
    // sentinel could answer fails the session like a first connect that fails.
    // Atomic: state() may be asked from any thread (a key scan's worker waits for the session).
    std::atomic<bool> m_waitingForSentinel { false };
    std::atomic<bool> m_sentinelFailed { false };
    QString m_sentinelError; // the session's thread only
};

} // namespace vermilion
