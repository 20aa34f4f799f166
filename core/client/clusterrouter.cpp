#include "clusterrouter.h"

#include "clusterslots.h"
#include "util/posting.h"

#include <QMutex>
#include <mutex>
#include <QTimer>

namespace vermilion {

namespace {
constexpr int refreshIntervalMs = 30000;

std::pair<QString, quint16> splitAddress(const QString& address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return { address, 6379 };
    QString host = address.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return { host, quint16(address.mid(colon + 1).toUInt()) };
}

QString joinAddress(const QString& host, quint16 port)
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                           : QStringLiteral("%1:%2").arg(host).arg(port);
}

bool isRedirectOrRetry(const Reply& reply)
{
    if (!reply.isError() || reply.errorKind() != Reply::ErrorKind::Server)
        return false;
    const QByteArray code = reply.errorCode();
    return code == "MOVED" || code == "ASK" || code == "TRYAGAIN" || code == "CLUSTERDOWN";
}

QString shortKey(const QByteArray& key)
{
    QString text = QString::fromUtf8(key.left(40));
    if (key.size() > 40)
        text += QStringLiteral("…");
    return text;
}
} // namespace

// What a routed command needs across hops. The router is reached through alive, which the router
// clears (under its lock) before it goes: a reply arriving while the session closes finds no router
// and is handed to the caller as it is.
struct ClusterRouter::Alive {
    std::recursive_mutex mutex;
    ClusterRouter* router = nullptr;
};

struct ClusterRouter::Attempt {
    std::shared_ptr<Alive> alive;
    Command argv;
    int role = 0;
    CommandOptions options;
    Sink sink;
    std::function<void(const QByteArray&)> peek; // first send only
    int redirects = 0;
    int retries = 0;
    bool followRedirects = true;
};

namespace {
void deliverToSink(ClusterRouter::Sink& sink, Reply&& reply, bool inContextThread)
{
    if (sink.direct) {
        sink.direct(std::move(reply));
    } else if (inContextThread) {
        if (sink.context)
            sink.callback(reply);
    } else if (sink.lifeline) {
        sink.lifeline->post([context = sink.context, callback = sink.callback, reply = std::move(reply)] {
            if (context)
                callback(reply);
        });
    }
}

} // namespace

// A hop that finds the router gone (the session closed while it waited): the caller hears so.
void ClusterRouter::deliverClosed(Attempt& attempt)
{
    deliverToSink(attempt.sink, Reply::error(tr("The session was closed.").toUtf8(), Reply::ErrorKind::Cancelled),
                  !attempt.sink.direct);
}

ClusterRouter::Sink ClusterRouter::directSink(std::function<void(Reply&&)> deliver)
{
    Sink sink;
    sink.direct = std::move(deliver);
    return sink;
}

ClusterRouter::Sink ClusterRouter::contextSink(QObject* context, Connection::Callback callback)
{
    Sink sink;
    sink.context = context;
    sink.lifeline = ThreadLifeline::of(context->thread());
    sink.callback = std::move(callback);
    return sink;
}

ClusterRouter::ClusterRouter(const ConnectionProfile& seed, std::array<QByteArray, roles> clientNames, QObject* parent)
    : QObject(parent)
    , m_alive(std::make_shared<Alive>())
    , m_seed(seed)
    , m_seedAddress(joinAddress(seed.host, seed.port))
    , m_clientNames(std::move(clientNames))
    , m_refreshTimer(new QTimer(this))
{
    m_alive->router = this;
    m_refreshTimer->setInterval(refreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &ClusterRouter::refresh);
}

ClusterRouter::~ClusterRouter()
{
    {
        // Waits for a hop that is using the router right now; later hops find none.
        QMutexLocker lock(&m_alive->mutex);
        m_alive->router = nullptr;
    }
    m_refreshTimer->stop();
    // The node links end here; replies still in flight are answered as cancelled and go straight
    // to their callers.
    m_nodes.clear();
    m_nodeStore.clear();
}

void ClusterRouter::adoptSeedLinks(std::array<Connection*, roles> links)
{
    QMutexLocker lock(&m_mutex);
    auto node = std::make_unique<NodeLinks>();
    node->links = links;
    m_nodes.insert(m_seedAddress, node.get());
    m_nodeStore.push_back(std::move(node));
}

void ClusterRouter::setSeedAddress(const QString& address)
{
    QMutexLocker lock(&m_mutex);
    if (address.isEmpty() || address == m_seedAddress || m_nodes.contains(address))
        return;
    NodeLinks* seedLinks = m_nodes.take(m_seedAddress);
    m_seedAddress = address;
    if (seedLinks)
        m_nodes.insert(address, seedLinks);
    if (!m_topology.isEmpty())
        indexTopologyLocked();
}

void ClusterRouter::setOpened(bool opened)
{
    m_opened.store(opened);
    QMutexLocker lock(&m_mutex);
    for (const auto& node : m_nodeStore) {
        for (auto& owned : node->owned) {
            if (!owned)
                continue;
            if (opened)
                owned->open();
            else
                owned->close();
        }
    }
    if (!opened)
        QMetaObject::invokeMethod(m_refreshTimer, "stop", Qt::QueuedConnection);
}

void ClusterRouter::activate(std::shared_ptr<const CommandKeys> keys, const ClusterTopology& topology)
{
    {
        QMutexLocker lock(&m_mutex);
        m_keys = std::move(keys);
        m_topology = topology;
        indexTopologyLocked();
        m_movedSlots.clear();
    }
    m_active.store(true);
    m_refreshTimer->start();
    emit topologyChanged();
}

ClusterTopology ClusterRouter::topology() const
{
    QMutexLocker lock(&m_mutex);
    return m_topology;
}

QStringList ClusterRouter::masterAddresses() const
{
    QMutexLocker lock(&m_mutex);
    QStringList addresses;
    for (const ClusterNode& node : m_topology.masters())
        addresses.append(reachable(node.address()));
    return addresses;
}

QString ClusterRouter::reachable(const QString& announced) const
{
    // Nodes may announce addresses this machine cannot reach (NAT, containers): the profile maps
    // them to ones it can.
    return m_seed.clusterAddressMap.value(announced, announced);
}

void ClusterRouter::indexTopologyLocked()
{
    // Addresses made once per map, not once per command.
    m_slotAddresses.assign(size_t(ClusterSlots::count), QString());
    QHash<int, QString> byNode;
    for (int slot = 0; slot < ClusterSlots::count; ++slot) {
        const int index = m_topology.masterIndexForSlot(slot);
        if (index < 0)
            continue;
        auto it = byNode.find(index);
        if (it == byNode.end())
            it = byNode.insert(index, reachable(m_topology.nodes().at(index).address()));
        m_slotAddresses[size_t(slot)] = *it;
    }
    m_anyMaster = computeAnyMasterLocked();
}

QString ClusterRouter::anyMasterLocked() const
{
    return m_anyMaster.isEmpty() ? m_seedAddress : m_anyMaster;
}

QString ClusterRouter::computeAnyMasterLocked() const
{
    const QList<ClusterNode> masters = m_topology.masters();
    if (masters.isEmpty())
        return m_seedAddress;
    // The seed, when it is a master (its links are already up); any master otherwise.
    for (const ClusterNode& node : masters) {
        if (reachable(node.address()) == m_seedAddress)
            return m_seedAddress;
    }
    return reachable(masters.first().address());
}

QString ClusterRouter::addressForSlot(int slot) const
{
    QMutexLocker lock(&m_mutex);
    return addressForSlotLocked(slot);
}

QString ClusterRouter::addressForSlotLocked(int slot) const
{
    if (!m_movedSlots.isEmpty()) {
        if (const auto moved = m_movedSlots.constFind(slot); moved != m_movedSlots.constEnd())
            return *moved;
    }
    if (slot >= 0 && size_t(slot) < m_slotAddresses.size() && !m_slotAddresses[size_t(slot)].isEmpty())
        return m_slotAddresses[size_t(slot)];
    return anyMasterLocked();
}

ClusterRouter::Route ClusterRouter::route(const Command& argv) const
{
    Route result;
    CommandKeys::Positions positions;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_keys)
            return result;
        const CommandKeys::Outcome outcome = m_keys->positions(argv, &positions);
        if (outcome == CommandKeys::Outcome::AskServer) {
            result.askServer = true;
            return result;
        }
        if (positions.isEmpty())
            return result;
        result.slot = ClusterSlots::slotOf(argv.at(positions.first()));
        bool oneSlot = true;
        for (qsizetype n = 1; n < positions.size() && oneSlot; ++n)
            oneSlot = ClusterSlots::slotOf(argv.at(positions.at(n))) == result.slot;
        if (oneSlot) {
            result.address = addressForSlotLocked(result.slot);
            return result;
        }
    }
    // Caught before sending: say which key is where.
    QStringList places;
    for (qsizetype n = 0; n < positions.size() && n < 6; ++n) {
        const QByteArray& key = argv.at(positions.at(n));
        const int slot = ClusterSlots::slotOf(key);
        places.append(tr("\"%1\" → slot %2 (%3)").arg(shortKey(key)).arg(slot).arg(addressForSlot(slot)));
    }
    if (positions.size() > 6)
        places.append(tr("and %n more", nullptr, int(positions.size() - 6)));
    result.slot = -1;
    result.error = tr("CROSSSLOT Not sent: the keys of this command are in different hash slots, and a cluster "
                      "runs a command only when all its keys are in one slot: %1. Keys that share a hash tag "
                      "(the part in braces, as in {user:1}:a and {user:1}:b) are always in one slot.")
                       .arg(places.join(QStringLiteral(", ")));
    return result;
}

Connection* ClusterRouter::link(const QString& address, int role)
{
    QMutexLocker lock(&m_mutex);
    NodeLinks*& node = m_nodes[address];
    if (!node) {
        m_nodeStore.push_back(std::make_unique<NodeLinks>());
        node = m_nodeStore.back().get();
    }
    if (Connection* existing = node->links[size_t(role)])
        return existing;
    ConnectionProfile profile = m_seed;
    const auto [host, port] = splitAddress(address);
    profile.host = host;
    profile.port = port;
    profile.socketPath.clear();
    profile.database = 0; // a cluster has only database 0
    ConnectionTuning tuning;
    tuning.clientName = m_clientNames[size_t(role)];
    tuning.sharedLink = true;
    tuning.background = role == 1; // Session::Role::Bulk
    auto connection = std::make_unique<Connection>(profile, tuning);
    // Links are made by whichever thread first needs one; they belong to the router's thread,
    // which outlives them.
    if (connection->thread() != thread())
        connection->moveToThread(thread());
    connect(connection.get(), &Connection::linkLost, this, [this] { refresh(); });
    if (m_opened.load())
        connection->open();
    node->links[size_t(role)] = connection.get();
    node->owned[size_t(role)] = std::move(connection);
    return node->links[size_t(role)];
}

std::shared_ptr<ClusterRouter::Attempt> ClusterRouter::makeAttempt(
    const Command& argv, int role, CommandOptions options, Sink sink) const
{
    auto attempt = std::make_shared<Attempt>();
    attempt->alive = m_alive;
    attempt->argv = argv;
    attempt->role = role;
    attempt->options = options;
    attempt->sink = std::move(sink);
    return attempt;
}

namespace {
// Commands that change what every master must hold alike: the script cache and the function
// libraries. On a cluster they go to every master; the caller gets the first error, or the first
// master's reply.
bool goesToEveryMaster(const Command& argv)
{
    if (argv.size() < 2)
        return false;
    const QByteArray name = argv.first().toUpper();
    const QByteArray sub = argv.at(1).toUpper();
    if (name == "SCRIPT")
        return sub == "LOAD" || sub == "FLUSH";
    if (name == "FUNCTION")
        return sub == "LOAD" || sub == "DELETE" || sub == "FLUSH" || sub == "RESTORE";
    return false;
}
} // namespace

void ClusterRouter::sendToEveryMaster(const Command& argv, int role, CommandOptions options, Sink sink)
{
    const QStringList masters = masterAddresses();
    struct Gather {
        std::atomic<qsizetype> remaining { 0 };
        std::mutex mutex;
        std::optional<Reply> first;
        std::optional<Reply> error;
        Sink sink;
    };
    auto gather = std::make_shared<Gather>();
    gather->remaining.store(masters.size());
    gather->sink = std::move(sink);
    if (masters.isEmpty()) {
        deliverToSink(gather->sink, Reply::error(tr("The cluster has no master.").toUtf8()), false);
        return;
    }
    for (qsizetype n = 0; n < masters.size(); ++n) {
        sendTo(masters.at(n), argv, role, options, directSink([gather, n](Reply&& reply) {
            {
                QMutexLocker lock(&gather->mutex);
                if (reply.isError() && !gather->error)
                    gather->error = reply;
                if (n == 0)
                    gather->first = reply;
            }
            if (--gather->remaining == 0)
                deliverToSink(gather->sink, Reply(gather->error ? *gather->error : *gather->first), false);
        }));
    }
}

void ClusterRouter::send(const Command& argv, int role, CommandOptions options, Sink sink)
{
    if (goesToEveryMaster(argv)) {
        sendToEveryMaster(argv, role, options, std::move(sink));
        return;
    }
    auto attempt = makeAttempt(argv, role, options, std::move(sink));
    const Route target = route(argv);
    if (!target.error.isEmpty()) {
        deliverToSink(attempt->sink, Reply::error(target.error.toUtf8()), false);
        return;
    }
    if (target.askServer) {
        resolveByServer(attempt);
        return;
    }
    QString address = target.address;
    if (address.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        address = anyMasterLocked();
    }
    dispatch(attempt, address, false);
}

void ClusterRouter::sendTo(const QString& address, const Command& argv, int role, CommandOptions options, Sink sink,
                           std::function<void(const QByteArray&)> peek, bool followRedirects)
{
    auto attempt = makeAttempt(argv, role, options, std::move(sink));
    attempt->peek = std::move(peek);
    attempt->followRedirects = followRedirects;
    dispatch(attempt, address, false);
}

void ClusterRouter::resolveByServer(const std::shared_ptr<Attempt>& attempt)
{
    // Keys the table cannot tell from the arguments (SORT ... STORE, a module's command): the
    // server says which they are, then the command goes where they live.
    QString any;
    {
        QMutexLocker lock(&m_mutex);
        any = anyMasterLocked();
    }
    Command getKeys { "COMMAND", "GETKEYS" };
    getKeys.append(attempt->argv);
    auto alive = attempt->alive;
    auto then = [alive, attempt, any](const Reply& reply) {
        QMutexLocker lock(&alive->mutex);
        ClusterRouter* router = alive->router;
        if (!router) {
            deliverClosed(*attempt);
            return;
        }
        QString address = any;
        if (reply.isArray() && reply.size() > 0) {
            const int slot = ClusterSlots::slotOf(reply.at(0).bytes());
            for (const Reply& key : reply.elements()) {
                if (ClusterSlots::slotOf(key.bytes()) != slot) {
                    deliverToSink(attempt->sink,
                                  Reply::error(tr("CROSSSLOT Not sent: the keys of this command are in different hash "
                                                  "slots (%1 is in slot %2, %3 in slot %4).")
                                                   .arg(shortKey(reply.at(0).bytes()))
                                                   .arg(slot)
                                                   .arg(shortKey(key.bytes()))
                                                   .arg(ClusterSlots::slotOf(key.bytes()))
                                                   .toUtf8()),
                                  !attempt->sink.direct);
                    return;
                }
            }
            address = router->addressForSlot(slot);
        }
        // No keys, or an error (wrong arguments): the server answers the command itself.
        router->dispatch(attempt, address, false);
    };
    Connection* connection = link(any, attempt->role);
    if (attempt->sink.direct) {
        connection->executeDirect(getKeys, [then](Reply&& reply) { then(reply); });
    } else if (QObject* context = attempt->sink.context.data()) {
        connection->execute(getKeys, context, then);
    }
}

void ClusterRouter::dispatch(const std::shared_ptr<Attempt>& attempt, const QString& address, bool asking)
{
    Connection* connection = link(address, attempt->role);
    auto alive = attempt->alive;
    const bool direct = bool(attempt->sink.direct);
    auto onReply = [alive, attempt, address, direct](Reply&& reply) {
        {
            QMutexLocker lock(&alive->mutex);
            if (ClusterRouter* router = alive->router; router && router->follow(attempt, reply, address))
                return;
        }
        deliverToSink(attempt->sink, std::move(reply), !direct);
    };
    if (asking) {
        const QList<Command> pair { Command { "ASKING" }, attempt->argv };
        auto second = [onReply](QList<Reply> replies) mutable {
            onReply(replies.size() == 2 ? Reply(replies.at(1))
                                        : Reply::error(tr("ASKING was not answered.").toUtf8(), Reply::ErrorKind::Protocol));
        };
        if (direct) {
            connection->executeBatchDirect(pair, [second](QList<Reply>&& replies) mutable { second(std::move(replies)); },
                                           attempt->options);
        } else if (QObject* context = attempt->sink.context.data()) {
            connection->executeBatch(
                pair, context, [second](const QList<Reply>& replies) mutable { second(replies); }, attempt->options);
        }
        return;
    }
    if (direct) {
        auto peek = std::exchange(attempt->peek, {});
        if (peek)
            connection->executeDirect(attempt->argv, std::move(onReply), std::move(peek), attempt->options);
        else
            connection->executeDirect(attempt->argv, std::move(onReply), attempt->options);
    } else if (QObject* context = attempt->sink.context.data()) {
        // The common path (every routed command with a callback): one callback, no copy of the reply.
        connection->execute(
            attempt->argv, context,
            [alive, attempt, address](const Reply& reply) {
                {
                    QMutexLocker lock(&alive->mutex);
                    if (ClusterRouter* router = alive->router; router && router->follow(attempt, reply, address))
                        return;
                }
                if (attempt->sink.context)
                    attempt->sink.callback(reply);
            },
            attempt->options);
    }
}

bool ClusterRouter::follow(const std::shared_ptr<Attempt>& attempt, const Reply& reply, const QString& from)
{
    if (reply.isError()
        && (reply.errorKind() == Reply::ErrorKind::NotConnected || reply.errorKind() == Reply::ErrorKind::ConnectionLost)) {
        // The node is down: the command is not sent again (it may have run), but the map is read
        // again, so that once a replica takes over the next command goes there.
        refresh();
        return false;
    }
    if (!attempt->followRedirects || !isRedirectOrRetry(reply))
        return false;
    const QByteArray code = reply.errorCode();
    if (code == "MOVED" || code == "ASK") {
        // "MOVED 3999 127.0.0.1:6381"; the host may be empty ("MOVED 3999 :6381"): the node that
        // answered.
        const QList<QByteArray> parts = reply.bytes().split(' ');
        if (parts.size() < 3 || ++attempt->redirects > maxRedirects)
            return false;
        bool slotOk = false;
        const int slot = parts.at(1).toInt(&slotOk);
        QString target = QString::fromUtf8(parts.at(2));
        if (target.startsWith(QLatin1Char(':')))
            target = splitAddress(from).first + target;
        if (!slotOk || target.isEmpty())
            return false;
        target = reachable(target);
        (code == "MOVED" ? m_moved : m_ask).fetch_add(1);
        if (code == "MOVED") {
            {
                QMutexLocker lock(&m_mutex);
                m_movedSlots.insert(slot, target);
            }
            refresh();
        }
        dispatch(attempt, target, code == "ASK");
        return true;
    }
    // TRYAGAIN, CLUSTERDOWN: not run; again after a pause that grows with each try.
    if (++attempt->retries > maxRetries)
        return false;
    m_retries.fetch_add(1);
    if (code == "CLUSTERDOWN")
        refresh();
    const int delayMs = 25 << attempt->retries;
    auto alive = attempt->alive;
    auto again = [alive, attempt, from] {
        QMutexLocker lock(&alive->mutex);
        ClusterRouter* router = alive->router;
        if (!router) {
            deliverClosed(*attempt);
            return;
        }
        const Route target = router->route(attempt->argv);
        router->dispatch(attempt, target.address.isEmpty() ? from : target.address, false);
    };
    if (attempt->sink.direct)
        QTimer::singleShot(delayMs, Qt::CoarseTimer, std::move(again)); // the connection's thread
    else if (QObject* context = attempt->sink.context.data())
        QTimer::singleShot(delayMs, context, std::move(again));
    return true;
}

void ClusterRouter::sendBatch(const QList<Command>& commands, int role, CommandOptions options,
                              std::function<void(QList<Reply>&&)> finish)
{
    struct BatchState {
        std::vector<Reply> replies;
        std::atomic<qsizetype> remaining { 0 };
        std::function<void(QList<Reply>&&)> finish;
        void place(qsizetype index, Reply&& reply)
        {
            replies[size_t(index)] = std::move(reply);
            if (--remaining == 0) {
                QList<Reply> list;
                list.reserve(qsizetype(replies.size()));
                for (Reply& r : replies)
                    list.append(std::move(r));
                finish(std::move(list));
            }
        }
    };
    if (commands.isEmpty()) {
        finish({});
        return;
    }
    auto state = std::make_shared<BatchState>();
    state->replies.resize(size_t(commands.size()));
    state->remaining.store(commands.size());
    state->finish = std::move(finish);
    // Grouped per node, in order within each node.
    QHash<QString, QList<qsizetype>> groups;
    QStringList order;
    QList<qsizetype> individually;
    QString any;
    {
        QMutexLocker lock(&m_mutex);
        any = anyMasterLocked();
    }
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const Route target = route(commands.at(i));
        if (!target.error.isEmpty()) {
            state->place(i, Reply::error(target.error.toUtf8()));
            continue;
        }
        if (target.askServer) {
            individually.append(i);
            continue;
        }
        const QString address = target.address.isEmpty() ? any : target.address;
        if (!groups.contains(address))
            order.append(address);
        groups[address].append(i);
    }
    auto alive = m_alive;
    for (const QString& address : order) {
        const QList<qsizetype> indices = groups.value(address);
        QList<Command> group;
        group.reserve(indices.size());
        for (qsizetype i : indices)
            group.append(commands.at(i));
        link(address, role)->executeBatchDirect(
            group,
            [state, indices, address, alive, commands, role, options](QList<Reply>&& replies) {
                for (qsizetype n = 0; n < indices.size(); ++n) {
                    const qsizetype index = indices.at(n);
                    Reply reply = n < replies.size() ? std::move(replies[n]) : Reply::error("missing reply");
                    if (isRedirectOrRetry(reply)) {
                        QMutexLocker lock(&alive->mutex);
                        if (ClusterRouter* router = alive->router) {
                            auto attempt = router->makeAttempt(commands.at(index), role, options,
                                directSink([state, index](Reply&& r) { state->place(index, std::move(r)); }));
                            if (router->follow(attempt, reply, address))
                                continue;
                        }
                    }
                    state->place(index, std::move(reply));
                }
            },
            options);
    }
    for (qsizetype i : individually)
        send(commands.at(i), role, options, directSink([state, i](Reply&& r) { state->place(i, std::move(r)); }));
}

void ClusterRouter::refresh()
{
    if (m_refreshing.exchange(true)) {
        m_refreshAgain.store(true);
        return;
    }
    // Asked in turn until one answers: a master first (the seed when it is one), then every other
    // node the map knows, then the profile's extra seeds.
    QStringList candidates;
    {
        QMutexLocker lock(&m_mutex);
        candidates.append(anyMasterLocked());
        for (const ClusterNode& node : m_topology.masters())
            candidates.append(reachable(node.address()));
        for (const ClusterNode& node : m_topology.nodes())
            candidates.append(reachable(node.address()));
        candidates.append(m_seedAddress);
    }
    for (const QString& seed : m_seed.clusterSeeds)
        candidates.append(reachable(seed.trimmed()));
    candidates.removeDuplicates();
    askForTopology(candidates, 0);
}

void ClusterRouter::askForTopology(const QStringList& candidates, qsizetype index)
{
    if (index >= candidates.size()) {
        finishRefresh();
        return;
    }
    auto alive = m_alive;
    link(candidates.at(index), 0)->executeDirect({ "CLUSTER", "SHARDS" }, [alive, candidates, index](Reply&& reply) {
        QMutexLocker lock(&alive->mutex);
        if (ClusterRouter* router = alive->router)
            router->onRefreshReply(reply, candidates, index, true);
    });
}

void ClusterRouter::onRefreshReply(const Reply& reply, const QStringList& candidates, qsizetype index, bool shards)
{
    const QString& asked = candidates.at(index);
    if (shards && reply.isError() && reply.errorKind() == Reply::ErrorKind::Server) {
        // Before Redis 7.0: CLUSTER SLOTS.
        auto alive = m_alive;
        link(asked, 0)->executeDirect({ "CLUSTER", "SLOTS" }, [alive, candidates, index](Reply&& slotsReply) {
            QMutexLocker lock(&alive->mutex);
            if (ClusterRouter* router = alive->router)
                router->onRefreshReply(slotsReply, candidates, index, false);
        });
        return;
    }
    QString error;
    const QString seedHost = splitAddress(asked).first;
    std::optional<ClusterTopology> topology;
    if (!reply.isError())
        topology = shards ? ClusterTopology::fromShards(reply, seedHost, &error)
                          : ClusterTopology::fromSlots(reply, seedHost, &error);
    if (!topology || topology->isEmpty()) {
        askForTopology(candidates, index + 1); // that node is down or confused: the next one
        return;
    }
    applyTopology(std::move(*topology));
    finishRefresh();
}

void ClusterRouter::finishRefresh()
{
    m_refreshing.store(false);
    if (m_refreshAgain.exchange(false))
        refresh();
}

void ClusterRouter::applyTopology(ClusterTopology topology)
{
    {
        QMutexLocker lock(&m_mutex);
        m_topology = std::move(topology);
        indexTopologyLocked();
        m_movedSlots.clear();
    }
    // Under the lifeline's lock (the router cannot be going away); a call still queued when it goes
    // is dropped with it.
    postToObject(this, [this] { emit topologyChanged(); });
}

} // namespace vermilion
