#include "session.h"

#include "clusterrouter.h"
#include "commandkeys.h"
#include "endpointsource.h"
#include "sentinelwatcher.h"
#include "util/posting.h"

#include <QPointer>
#include <QPromise>
#include <QTimer>

namespace vermilion {

namespace {
    // The profile's extra cluster seeds, for a first connect that cannot reach its host.
    QList<std::pair<QString, quint16>> seedFallbacks(const ConnectionProfile& profile)
    {
        QList<std::pair<QString, quint16>> endpoints;
        for (const QString& seed : profile.clusterSeeds) {
            const QString text = seed.trimmed();
            const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
            bool ok = false;
            const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
            if (!ok || port == 0 || port > 65535)
                continue;
            QString host = text.left(colon);
            if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
                host = host.mid(1, host.size() - 2);
            if (host != profile.host || port != profile.port)
                endpoints.append({ host, quint16(port) });
        }
        return endpoints;
    }
} // namespace

Session::Session(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_pingTimer(new QTimer(this))
{
    m_pingTimer->setInterval(2000);
    connect(m_pingTimer, &QTimer::timeout, this, &Session::ping);
    if (m_profile.usesSentinel()) {
        const bool replica = m_profile.readOnly && m_profile.sentinelReadReplica;
        m_endpointSource = std::make_shared<EndpointSource>(replica ? QStringLiteral("slave") : QStringLiteral("master"));
        m_sentinel = new SentinelWatcher(m_profile, m_endpointSource, this);
        connect(m_sentinel, &SentinelWatcher::resolved, this, [this] {
            if (!m_waitingForSentinel)
                return;
            m_waitingForSentinel = false;
            openLinks();
        });
        connect(m_sentinel, &SentinelWatcher::failed, this, [this](const QString& message) {
            if (!m_waitingForSentinel)
                return; // the links keep the last address and Sentinel is asked again
            m_waitingForSentinel = false;
            m_sentinelError = message;
            m_sentinelFailed = true;
            m_sentinel->stop();
            emit stateChanged(Connection::State::Failed, message);
        });
    }
    // Every role's connection exists from the start (so any thread may ask for one), but only the
    // interactive one connects at open(): the others connect when a job first needs them.
    for (size_t role = 0; role < m_connections.size(); ++role) {
        ConnectionTuning tuning;
        tuning.clientName = role == size_t(Role::Interactive) ? QByteArray("vermilion")
            : role == size_t(Role::Bulk)                      ? QByteArray("vermilion:bulk")
                                                              : QByteArray("vermilion:dashboard");
        // Every tool shares these: nothing may change their database, transaction, subscription,
        // protocol or user (LinkStateGuard). Tools that need such state get a link of their own.
        tuning.sharedLink = true;
        tuning.background = role == size_t(Role::Bulk);
        tuning.fallbackEndpoints = seedFallbacks(m_profile);
        tuning.endpointSource = m_endpointSource;
        m_connections[role] = std::make_unique<Connection>(m_profile, tuning);
    }
    m_used[size_t(Role::Interactive)].store(true);
    m_router = std::make_unique<ClusterRouter>(m_profile,
        std::array<QByteArray, 3> { "vermilion", "vermilion:bulk", "vermilion:dashboard" });
    m_router->adoptSeedLinks({ m_connections[0].get(), m_connections[1].get(), m_connections[2].get() });
    connect(m_router.get(), &ClusterRouter::topologyChanged, this, &Session::clusterTopologyChanged);
    connect(m_connections[size_t(Role::Interactive)].get(), &Connection::stateChanged, this,
            &Session::onInteractiveState);
}

Session::~Session()
{
    // The router's links go first: replies on their way may still reach the seed links it uses.
    m_router.reset();
}

Connection* Session::connection(Role role)
{
    Connection* connection = m_connections[size_t(role)].get();
    if (!m_used[size_t(role)].exchange(true) && m_opened.load())
        connection->open();
    return connection;
}

Connection::State Session::state() const
{
    if (m_waitingForSentinel)
        return Connection::State::Connecting;
    if (m_sentinelFailed.load())
        return Connection::State::Failed;
    const Connection::State state = m_connections[size_t(Role::Interactive)]->state();
    // Up, but still finding out whether it is a cluster: callers wait for stateChanged.
    if (state == Connection::State::Connected && !m_modeKnown.load())
        return Connection::State::Connecting;
    return state;
}

QString Session::lastError() const
{
    if (!m_sentinelError.isEmpty())
        return m_sentinelError;
    return m_connections[size_t(Role::Interactive)]->lastError();
}

void Session::open()
{
    m_opened.store(true);
    m_router->setOpened(true);
    if (m_sentinel) {
        m_sentinelError.clear();
        m_sentinelFailed = false;
        if (!m_sentinel->isRunning())
            m_sentinel->start();
        if (!m_endpointSource->current().isValid()) {
            m_waitingForSentinel = m_sentinel->isRunning();
            if (m_waitingForSentinel)
                emit stateChanged(Connection::State::Connecting,
                                  tr("Asking Sentinel (%1) for \"%2\"...")
                                      .arg(m_profile.sentinels.join(QStringLiteral(", ")), m_profile.sentinelMaster));
            return;
        }
    }
    openLinks();
}

void Session::openLinks()
{
    if (!m_opened.load())
        return;
    for (size_t role = 0; role < m_connections.size(); ++role) {
        if (m_used[role].load())
            m_connections[role]->open();
    }
}

void Session::close()
{
    m_opened.store(false);
    m_waitingForSentinel = false;
    if (m_sentinel) {
        m_sentinel->stop();
        // The next open() asks Sentinel first: the group may have failed over meanwhile.
        m_endpointSource->set({}, {});
    }
    m_pingTimer->stop();
    m_router->setOpened(false);
    for (auto& connection : m_connections)
        connection->close();
}

bool Session::isCluster() const { return m_router->isActive(); }

QString Session::currentServer() const
{
    if (m_router->isActive())
        return {};
    if (m_endpointSource) {
        const EndpointSource::Endpoint endpoint = m_endpointSource->current();
        return endpoint.isValid() ? endpoint.text() : QString();
    }
    return m_profile.endpoint();
}

ClusterTopology Session::clusterTopology() const { return m_router->topology(); }

QStringList Session::masterNodes() const
{
    return m_router->isActive() ? m_router->masterAddresses() : QStringList { QString() };
}

QStringList Session::allNodes() const
{
    if (!m_router->isActive())
        return { QString() };
    const ClusterTopology topology = m_router->topology();
    QStringList nodes;
    const auto reachable = [this](const ClusterNode& node) {
        return m_profile.clusterAddressMap.value(node.address(), node.address());
    };
    for (const ClusterNode& master : topology.masters()) {
        nodes.append(reachable(master));
        for (const ClusterNode& node : topology.nodes()) {
            if (!node.master && node.masterId == master.id)
                nodes.append(reachable(node));
        }
    }
    // Replicas whose master is not in the map (it failed and was forgotten) still count.
    for (const ClusterNode& node : topology.nodes()) {
        if (!nodes.contains(reachable(node)))
            nodes.append(reachable(node));
    }
    return nodes;
}

void Session::refreshClusterTopology()
{
    if (m_router->isActive())
        m_router->refresh();
}

QString Session::nodeRole(const QString& node) const
{
    if (!m_router->isActive())
        return {};
    const ClusterTopology topology = m_router->topology();
    for (const ClusterNode& candidate : topology.nodes()) {
        if (m_profile.clusterAddressMap.value(candidate.address(), candidate.address()) == node)
            return candidate.master ? QStringLiteral("master") : QStringLiteral("replica");
    }
    return {};
}

void Session::executeOnEach(const QStringList& nodes, const Command& argv, QObject* context,
                            std::function<void(const QList<NodeReply>&)> callback, Role role, CommandOptions options)
{
    struct Gather {
        QList<NodeReply> replies;
        qsizetype remaining = 0;
        std::function<void(const QList<NodeReply>&)> callback;
    };
    auto gather = std::make_shared<Gather>();
    gather->remaining = nodes.size();
    gather->callback = std::move(callback);
    for (const QString& node : nodes)
        gather->replies.append({ node, Reply() });
    if (nodes.isEmpty()) {
        QMetaObject::invokeMethod(context, [gather] { gather->callback({}); }, Qt::QueuedConnection);
        return;
    }
    // Every callback runs in context's thread: the gathering needs no lock.
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        executeOn(
            nodes.at(i), argv, context,
            [gather, i](const Reply& reply) {
                gather->replies[i].reply = reply;
                if (--gather->remaining == 0)
                    gather->callback(gather->replies);
            },
            role, options);
    }
}

qint64 Session::clusterRedirects(bool ask) const
{
    const ClusterRouter::Counters counters = m_router->counters();
    return ask ? counters.ask : counters.moved;
}

QStringList Session::scanNodes() const
{
    if (!m_router->isActive())
        return { QString() };
    if (!m_profile.clusterScanReplicas)
        return m_router->masterAddresses();
    // One replica per master where there is one that is not failed; the master otherwise.
    const ClusterTopology topology = m_router->topology();
    QStringList nodes;
    for (const ClusterNode& master : topology.masters()) {
        QString chosen = m_profile.clusterAddressMap.value(master.address(), master.address());
        for (const ClusterNode& node : topology.nodes()) {
            if (!node.master && node.masterId == master.id && node.health == "online") {
                chosen = m_profile.clusterAddressMap.value(node.address(), node.address());
                break;
            }
        }
        nodes.append(chosen);
    }
    return nodes;
}

void Session::executeOn(const QString& node, const Command& argv, QObject* context, Connection::Callback callback,
                        Role role, CommandOptions options, bool followRedirects)
{
    if (node.isEmpty() || !m_router->isActive()) {
        execute(argv, context, std::move(callback), role, options);
        return;
    }
    m_router->sendTo(node, argv, int(role), options, ClusterRouter::contextSink(context, std::move(callback)), {},
                     followRedirects);
}

void Session::executeDirectOn(const QString& node, const Command& argv, Role role,
                              std::function<void(Reply&&)> inConnectionThread,
                              std::function<void(const QByteArray&)> peek, CommandOptions options)
{
    if (node.isEmpty() || !m_router->isActive()) {
        executeDirect(argv, role, std::move(inConnectionThread), std::move(peek), options);
        return;
    }
    m_router->sendTo(node, argv, int(role), options, ClusterRouter::directSink(std::move(inConnectionThread)),
                     std::move(peek));
}

QFuture<Reply> Session::execute(const Command& argv, Role role, CommandOptions options)
{
    if (m_router->isActive()) {
        auto promise = std::make_shared<QPromise<Reply>>();
        promise->start();
        QFuture<Reply> future = promise->future();
        m_router->send(argv, int(role), options, ClusterRouter::directSink([promise](Reply&& reply) {
            promise->addResult(std::move(reply));
            promise->finish();
        }));
        return future;
    }
    return connection(role)->execute(argv, options);
}

void Session::execute(const Command& argv, QObject* context, Connection::Callback callback, Role role,
                      CommandOptions options)
{
    if (m_router->isActive()) {
        m_router->send(argv, int(role), options, ClusterRouter::contextSink(context, std::move(callback)));
        return;
    }
    connection(role)->execute(argv, context, std::move(callback), options);
}

void Session::executeDirect(const Command& argv, Role role, std::function<void(Reply&&)> inConnectionThread,
                            std::function<void(const QByteArray&)> peek, CommandOptions options)
{
    if (m_router->isActive()) {
        m_router->send(argv, int(role), options, ClusterRouter::directSink(std::move(inConnectionThread)));
        return;
    }
    if (peek)
        connection(role)->executeDirect(argv, std::move(inConnectionThread), std::move(peek), options);
    else
        connection(role)->executeDirect(argv, std::move(inConnectionThread), options);
}

QFuture<QList<Reply>> Session::executeBatch(const QList<Command>& commands, Role role, CommandOptions options)
{
    if (m_router->isActive()) {
        auto promise = std::make_shared<QPromise<QList<Reply>>>();
        promise->start();
        QFuture<QList<Reply>> future = promise->future();
        m_router->sendBatch(commands, int(role), options, [promise](QList<Reply>&& replies) {
            promise->addResult(std::move(replies));
            promise->finish();
        });
        return future;
    }
    return connection(role)->executeBatch(commands, options);
}

void Session::executeBatch(const QList<Command>& commands, QObject* context,
                           std::function<void(const QList<Reply>&)> callback, Role role, CommandOptions options)
{
    if (m_router->isActive()) {
        QPointer<QObject> guard(context);
        std::shared_ptr<ThreadLifeline> lifeline = ThreadLifeline::of(context->thread());
        m_router->sendBatch(commands, int(role), options,
                            [guard, lifeline, callback = std::move(callback)](QList<Reply>&& replies) mutable {
                                lifeline->post([guard = std::move(guard), callback = std::move(callback),
                                                      replies = std::move(replies)] {
                                    if (guard)
                                        callback(replies);
                                });
                            });
        return;
    }
    connection(role)->executeBatch(commands, context, std::move(callback), options);
}

void Session::selectDatabase(int database, QObject* context, std::function<void(const Reply&)> done)
{
    if (m_router->isActive() && database != 0) {
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, done] {
            if (guard)
                done(Reply::error(tr("A Redis Cluster has only database 0.").toUtf8()));
        });
        return;
    }
    for (size_t role = 1; role < m_connections.size(); ++role)
        m_connections[role]->selectDatabase(database);
    QPointer<QObject> guard(context);
    m_connections[size_t(Role::Interactive)]->selectDatabase(database, this, [this, database, guard, done](const Reply& reply) {
        if (!reply.isError()) {
            m_profile.database = database;
            emit databaseChanged(database);
            refreshServerInfo();
        }
        if (guard)
            done(reply);
    });
}

std::unique_ptr<Connection> Session::createOwnLink(
    const QByteArray& clientName, std::shared_ptr<PushHandler> push, const QString& node)
{
    ConnectionTuning tuning;
    tuning.clientName = clientName;
    tuning.endpointSource = m_endpointSource;
    ConnectionProfile profile = m_profile;
    QString target = node;
    if (node.isEmpty()) {
        tuning.fallbackEndpoints = seedFallbacks(m_profile);
        // The session's own first link found a fallback seed: the new link goes there too.
        const QString reached = m_connections[size_t(Role::Interactive)]->connectedEndpoint();
        if (m_router->isActive() && !reached.isEmpty() && reached != m_profile.endpoint())
            target = reached;
    }
    if (m_router->isActive()) {
        profile.database = 0;
        if (!target.isEmpty()) {
            const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
            QString host = target.left(colon);
            if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
                host = host.mid(1, host.size() - 2);
            profile.host = host;
            profile.port = quint16(target.mid(colon + 1).toUInt());
            profile.socketPath.clear();
        }
    }
    return createLink(profile, tuning, std::move(push));
}

std::unique_ptr<Connection> Session::createLink(
    const ConnectionProfile& profile, const ConnectionTuning& tuning, std::shared_ptr<PushHandler> push)
{
    auto link = std::make_unique<Connection>(profile, tuning);
    if (push)
        link->setPushHandler(std::move(push));
    return link;
}

QString Session::nodeForKeys(const QList<QByteArray>& keys, QString* error) const
{
    if (!m_router->isActive() || keys.isEmpty())
        return {};
    Command probe { "EXISTS" }; // any command whose arguments are all keys
    probe.append(keys);
    const ClusterRouter::Route route = m_router->route(probe);
    if (!route.error.isEmpty()) {
        if (error)
            *error = route.error;
        return {};
    }
    return route.address;
}

void Session::setPingInterval(int milliseconds) { m_pingTimer->setInterval(milliseconds); }

void Session::onInteractiveState(Connection::State state, const QString& message)
{
    ++m_connectCount;
    m_modeKnown.store(false);
    if (state == Connection::State::Connected) {
        // A first connect that reached a fallback seed: the seed links are that node's.
        if (!m_profile.usesUnixSocket())
            m_router->setSeedAddress(m_connections[size_t(Role::Interactive)]->connectedEndpoint());
        detectMode(message);
        return;
    }
    m_pingTimer->stop();
    m_pingInFlight = false;
    emit stateChanged(state, message);
}

void Session::detectMode(const QString& message)
{
    // INFO first, on the link that just connected: a cluster node says cluster_enabled:1, and then
    // the command table (for key positions) and the slot map are read before anyone is told the
    // session is up, so that no tool ever sends a first command to the wrong node.
    const quint64 connect = m_connectCount;
    Connection* seed = m_connections[size_t(Role::Interactive)].get();
    seed->execute({ "INFO" }, this, [this, connect, seed, message](const Reply& reply) {
        if (connect != m_connectCount)
            return; // the link went down again meanwhile
        if (reply.isString()) {
            m_info = ServerInfo::parse(reply.bytes());
            emit serverInfoChanged();
        }
        if (m_info.integer("cluster_enabled") != 1) {
            announceConnected(message);
            return;
        }
        if (m_router->isActive()) {
            m_router->refresh(); // a reconnect: the map may have changed while the link was down
            announceConnected(message);
            return;
        }
        seed->executeBatch({ { "COMMAND" }, { "CLUSTER", "SHARDS" }, { "CLUSTER", "SLOTS" } }, this,
                           [this, connect, message](const QList<Reply>& replies) {
                               if (connect != m_connectCount || replies.size() != 3)
                                   return;
                               auto keys = std::make_shared<CommandKeys>();
                               keys->load(replies.at(0));
                               QString error;
                               std::optional<ClusterTopology> topology;
                               if (!replies.at(1).isError())
                                   topology = ClusterTopology::fromShards(replies.at(1), m_profile.host, &error);
                               if (!topology && !replies.at(2).isError())
                                   topology = ClusterTopology::fromSlots(replies.at(2), m_profile.host, &error);
                               if (!topology) {
                                   // Routing still works through MOVED, one redirect per slot.
                                   qWarning("vermilion: the cluster's slot map could not be read: %s",
                                            qPrintable(error));
                                   topology = ClusterTopology();
                               }
                               // Every role's link to the seed serves its node from now on.
                               for (size_t role = 0; role < m_connections.size(); ++role) {
                                   if (!m_used[role].exchange(true) && m_opened.load())
                                       m_connections[role]->open();
                               }
                               m_router->activate(std::move(keys), *topology);
                               announceConnected(message);
                           });
    });
}

void Session::announceConnected(const QString& message)
{
    m_modeKnown.store(true);
    ping();
    m_pingTimer->start();
    emit stateChanged(Connection::State::Connected, message);
}

void Session::refreshServerInfo()
{
    // "INFO" with no section is the default set (server, clients, memory, replication, keyspace...).
    execute({ "INFO" }, this, [this](const Reply& reply) {
        if (!reply.isString())
            return; // ACLs may forbid INFO: the status bar then shows what it can
        m_info = ServerInfo::parse(reply.bytes());
        emit serverInfoChanged();
    });
}

void Session::ping()
{
    if (m_pingInFlight)
        return;
    m_pingInFlight = true;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    execute({ "PING" }, this, [this, clock](const Reply& reply) {
        m_pingInFlight = false;
        if (reply.isError())
            return;
        m_latencyMs = double(clock->nsecsElapsed()) / 1e6;
        emit latencyChanged(m_latencyMs);
    });
}

} // namespace vermilion
