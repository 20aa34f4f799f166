#pragma once

#include "clustertopology.h"
#include "commandkeys.h"
#include "connection.h"
#include "util/posting.h"

#include <QHash>
#include <QMutex>
#include <mutex>
#include <QObject>
#include <QPointer>
#include <array>
#include <atomic>
#include <memory>

class QTimer;

namespace vermilion {

// The Redis Cluster half of a Session: one set of links per node (opened when first needed), the
// slot map, and the rules that send a command to the node serving its keys' slot and follow the
// cluster's redirects. Every routing call may be made from any thread; the object itself lives in
// the session's thread.
//
// Redirects, as the cluster specification describes them:
//  - MOVED <slot> <host:port>: the slot has a new owner. The slot is pointed there at once, the
//    map is refreshed, and the command is sent again (at most maxRedirects times).
//  - ASK <slot> <host:port>: the slot is being migrated and this key is already on the target.
//    ASKING and the command go to the target together, once.
//  - TRYAGAIN (a multi-key command during a migration) and CLUSTERDOWN: sent again after a short,
//    growing pause, at most maxRetries times.
// These errors mean the server did not run the command, so a write is safe to send again. A lost
// link is never retried: the command may have run.
class ClusterRouter : public QObject {
    Q_OBJECT
public:
    static constexpr int maxRedirects = 5;
    static constexpr int maxRetries = 5;
    static constexpr int roles = 3;

    // Where a reply goes: either handed over in the connection's thread (direct), or to a
    // callback in a context object's thread.
    struct Sink {
        std::function<void(Reply&&)> direct;
        QPointer<QObject> context;
        std::shared_ptr<ThreadLifeline> lifeline;
        Connection::Callback callback;
    };
    static Sink directSink(std::function<void(Reply&&)> deliver);
    // Only in context's thread (or while context surely lives).
    static Sink contextSink(QObject* context, Connection::Callback callback);

    // seed: the profile the session was opened with; clientNames: one per role.
    ClusterRouter(const ConnectionProfile& seed, std::array<QByteArray, roles> clientNames, QObject* parent = nullptr);
    ~ClusterRouter() override;

    // The session's own links to the seed serve as that node's links.
    void adoptSeedLinks(std::array<Connection*, roles> links);
    // The seed links reached another address of the service (a fallback seed): they are that
    // node's links from now on.
    void setSeedAddress(const QString& address);
    void setOpened(bool opened);

    bool isActive() const { return m_active.load(); }
    // Turns routing on, with the server's command table and a first slot map.
    void activate(std::shared_ptr<const CommandKeys> keys, const ClusterTopology& topology);
    ClusterTopology topology() const;
    QStringList masterAddresses() const;

    // Sends a command to the node serving its keys (key-less commands: any master).
    void send(const Command& argv, int role, CommandOptions options, Sink sink);
    // SCRIPT LOAD/FLUSH and FUNCTION LOAD/DELETE/FLUSH/RESTORE (send() does this by itself): to
    // every master; the first error, or the first master's reply.
    void sendToEveryMaster(const Command& argv, int role, CommandOptions options, Sink sink);
    // Sends to one node. followRedirects: MOVED and ASK replies are followed (keyed commands from
    // a console aimed at a node); otherwise they come back as they are.
    void sendTo(const QString& address, const Command& argv, int role, CommandOptions options, Sink sink,
                std::function<void(const QByteArray&)> peek = {}, bool followRedirects = false);
    // Commands split per node, sent as one pipeline per node, and the replies put back in order.
    void sendBatch(const QList<Command>& commands, int role, CommandOptions options,
                   std::function<void(QList<Reply>&&)> finish);

    // The node a command would go to now ("" when it has no keys), or an error (CROSSSLOT, or
    // keys the table cannot tell).
    struct Route {
        QString address;
        int slot = -1;
        QString error;
        bool askServer = false;
    };
    Route route(const Command& argv) const;
    QString addressForSlot(int slot) const;

    // The link to one node for a role, made (and opened, if the session is) on first use.
    Connection* link(const QString& address, int role);
    // Any thread: fetches the slot map again (CLUSTER SHARDS, else CLUSTER SLOTS). Calls made
    // while one is on its way are folded into one more after it.
    void refresh();

    // Redirects and retries followed so far (for the console's notes, the status and tests).
    struct Counters {
        qint64 moved = 0;
        qint64 ask = 0;
        qint64 retries = 0;
    };
    Counters counters() const { return { m_moved.load(), m_ask.load(), m_retries.load() }; }

signals:
    void topologyChanged();

private:
    struct Attempt;
    struct Alive;
    struct NodeLinks {
        std::array<std::unique_ptr<Connection>, roles> owned;
        std::array<Connection*, roles> links {};
    };
    static void deliverClosed(Attempt& attempt);
    std::shared_ptr<Attempt> makeAttempt(const Command& argv, int role, CommandOptions options, Sink sink) const;
    void dispatch(const std::shared_ptr<Attempt>& attempt, const QString& address, bool asking);
    // True when the reply was a redirect or retry that this attempt follows (then it has been sent
    // again); false when the reply is for the caller.
    bool follow(const std::shared_ptr<Attempt>& attempt, const Reply& reply, const QString& from);
    void finish(const std::shared_ptr<Attempt>& attempt, Reply&& reply);
    void resolveByServer(const std::shared_ptr<Attempt>& attempt);
    void askForTopology(const QStringList& candidates, qsizetype index);
    void onRefreshReply(const Reply& reply, const QStringList& candidates, qsizetype index, bool shards);
    void finishRefresh();
    void applyTopology(ClusterTopology topology);
    QString reachable(const QString& announced) const;
    QString anyMasterLocked() const;
    QString computeAnyMasterLocked() const;
    void indexTopologyLocked();
    QString addressForSlotLocked(int slot) const;

    // How replies on their way reach the router: cleared (under its lock) when the router goes.
    std::shared_ptr<Alive> m_alive;
    const ConnectionProfile m_seed;
    QString m_seedAddress; // guarded by m_mutex after construction
    const std::array<QByteArray, roles> m_clientNames;
    std::atomic<bool> m_active { false };
    std::atomic<bool> m_opened { false };

    mutable std::mutex m_mutex; // guards everything below
    std::shared_ptr<const CommandKeys> m_keys;
    ClusterTopology m_topology;
    QHash<int, QString> m_movedSlots; // MOVED answers newer than the map
    std::vector<QString> m_slotAddresses; // the reachable address serving each slot ("" = none)
    QString m_anyMaster;
    QHash<QString, NodeLinks*> m_nodes; // by reachable address
    std::vector<std::unique_ptr<NodeLinks>> m_nodeStore;

    std::atomic<qint64> m_moved { 0 };
    std::atomic<qint64> m_ask { 0 };
    std::atomic<qint64> m_retries { 0 };
    std::atomic<bool> m_refreshing { false };
    std::atomic<bool> m_refreshAgain { false };
    QTimer* m_refreshTimer = nullptr;
};

} // namespace vermilion
