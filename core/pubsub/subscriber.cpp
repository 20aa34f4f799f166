#include "subscriber.h"

#include "client/session.h"

#include "handoverqueue.h"
#include "pubsubwiredecoder.h"
#include "pushstreamdecoder.h"

#include <QDateTime>
#include <QMutex>
#include <mutex>
#include <QTimer>
#include <algorithm>
#include <set>

namespace vermilion {

// The part of a subscriber the connection's thread talks to. The connection's thread only queues
// the bytes it reads (see PushStreamDecoder); the decode thread turns them into messages and puts
// them in the hand-over queue the subscriber's thread empties on a timer. The wanted subscriptions
// are read at each link-up.
class SubscriberChannel final : public PushStreamDecoder {
public:
    ~SubscriberChannel() override { stopDecoding(); }

    QList<Command> linkUp(bool reconnect) override
    {
        if (reconnect) {
            // The mark goes after whatever of the old link is still being decoded.
            enqueueCall([this] { appendGap(); });
        }
        QMutexLocker lock(&mutex);
        QList<Command> commands;
        if (sharded) {
            // Shard channels of one SSUBSCRIBE must share a slot: one command each.
            for (const QByteArray& channel : channels)
                commands.append({ "SSUBSCRIBE", channel });
            return commands;
        }
        if (!channels.empty()) {
            Command command { "SUBSCRIBE" };
            command.append(QList<QByteArray>(channels.begin(), channels.end()));
            commands.append(command);
        }
        if (!patterns.empty()) {
            Command command { "PSUBSCRIBE" };
            command.append(QList<QByteArray>(patterns.begin(), patterns.end()));
            commands.append(command);
        }
        return commands;
    }

    void linkDown(const QString& reason) override
    {
        {
            QMutexLocker lock(&mutex);
            lostAtMs = QDateTime::currentMSecsSinceEpoch();
            lostReason = reason;
        }
        PushStreamDecoder::linkDown(reason);
    }

    bool isPush(const Reply& reply) const override
    {
        if (!reply.isArray() || reply.size() < 3)
            return false;
        const QByteArray& verb = reply.at(0).bytes();
        return verb == "message" || verb == "pmessage" || verb == "smessage" || verb.endsWith("subscribe");
    }

    static bool toMessage(const Reply& reply, PubSubMessage* message)
    {
        if (reply.isError()) {
            message->kind = PubSubMessage::Kind::Error;
            message->payload = reply.bytes();
            return true;
        }
        if (!reply.isArray() || reply.size() < 3)
            return false;
        const QList<Reply>& parts = reply.elements();
        const QByteArray& verb = parts.at(0).bytes();
        if (verb == "message" || verb == "smessage") {
            message->kind = PubSubMessage::Kind::Message;
            message->channel = parts.at(1).bytes();
            message->payload = parts.at(2).bytes();
            return true;
        }
        if (verb == "pmessage" && parts.size() >= 4) {
            message->kind = PubSubMessage::Kind::PatternMessage;
            message->pattern = parts.at(1).bytes();
            message->channel = parts.at(2).bytes();
            message->payload = parts.at(3).bytes();
            return true;
        }
        if (verb == "subscribe" || verb == "ssubscribe")
            message->kind = PubSubMessage::Kind::Subscribed;
        else if (verb == "unsubscribe" || verb == "sunsubscribe")
            message->kind = PubSubMessage::Kind::Unsubscribed;
        else if (verb == "psubscribe")
            message->kind = PubSubMessage::Kind::PatternSubscribed;
        else if (verb == "punsubscribe")
            message->kind = PubSubMessage::Kind::PatternUnsubscribed;
        else
            return false; // ["pong", ""] and what a newer server may add
        message->channel = parts.at(1).bytes();
        message->count = parts.at(2).integerValue();
        return true;
    }

    bool sharded = false; // set before the link exists: SSUBSCRIBE at link-up
    std::mutex mutex; // guards the members up to the hand-over queue
    std::set<QByteArray> channels; // wanted
    std::set<QByteArray> patterns;
    qint64 lostAtMs = 0;
    QString lostReason;
    HandOverQueue<PubSubMessage> queue; // decode thread -> subscriber's thread

protected:
    // Decode thread.
    qsizetype decodeFast(const char* data, qsizetype size, qint64 receivedAtMs, bool skip, bool* incomplete) override
    {
        return decoder.decode(data, size, receivedAtMs, &parsed, incomplete, skip ? &skipped : nullptr);
    }

    void decodeReply(Reply&& reply, qint64 receivedAtMs) override
    {
        PubSubMessage message;
        message.timestampMs = receivedAtMs;
        if (toMessage(reply, &message))
            parsed.push_back(std::move(message));
    }

    void decoded() override { queue.append(std::exchange(parsed, {}), std::exchange(skipped, 0)); }

private:
    void appendGap()
    {
        // Only facts here: the sentence (with a local time, which needs the C library's time zone
        // state) is written in the subscriber's thread, in Subscriber::deliverNow().
        PubSubMessage gap;
        gap.kind = PubSubMessage::Kind::Gap;
        gap.timestampMs = QDateTime::currentMSecsSinceEpoch();
        QMutexLocker lock(&mutex);
        gap.count = lostAtMs; // when the link was lost
        gap.payload = lostReason.toUtf8();
        gap.pattern = "link"; // a gap of this link (not of one moved shard channel)
        parsed.push_back(std::move(gap));
    }

    PubSubWireDecoder decoder; // decode thread only
    std::vector<PubSubMessage> parsed; // decode thread only: decoded since the last hand-over
    qint64 skipped = 0; // decode thread only
};

Subscriber::Subscriber(Session* session, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<SubscriberChannel>())
    , m_deliveryTimer(new QTimer(this))
    , m_session(session)
{
    m_connection = session->createOwnLink("vermilion:subscriber", m_channel);
    init();
    m_rerouteTimer = new QTimer(this);
    m_rerouteTimer->setInterval(2000);
    connect(m_rerouteTimer, &QTimer::timeout, this, [this] {
        // Until every node's link is up and every channel sits where its slot is: the map is read
        // again, and channels follow it (for about a minute at most).
        if (m_session && m_spread != Spread::OneNode) {
            // With the map the previous tick asked for (a new map reroutes at once, through
            // clusterTopologyChanged); then the map is asked for again.
            reroute();
            m_session->refreshClusterTopology();
        }
        if (m_spread == Spread::OneNode || ++m_rerouteTries > 30
            || (state() == Connection::State::Connected && !m_rerouteWanted))
            m_rerouteTimer->stop();
    });
    connect(session, &Session::clusterTopologyChanged, this, [this] {
        if (m_spread != Spread::OneNode)
            reroute();
    });
}

Subscriber::Subscriber(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<SubscriberChannel>())
    , m_deliveryTimer(new QTimer(this))
{
    ConnectionTuning tuning;
    tuning.clientName = "vermilion:subscriber";
    m_connection = Session::createLink(profile, tuning, m_channel);
    init();
}

void Subscriber::init()
{
    qRegisterMetaType<vermilion::PubSubBatch>();
    m_profile = m_connection->profile();
    connect(m_connection.get(), &Connection::stateChanged, this, &Subscriber::onConnectionState);
    m_deliveryTimer->setInterval(50);
    connect(m_deliveryTimer, &QTimer::timeout, this, &Subscriber::deliverNow);
}

Subscriber::~Subscriber()
{
    // The connections' threads stop before the shared channels can go.
    for (auto& shard : m_shards)
        shard->connection.reset();
    m_connection.reset();
}

Connection::State Subscriber::state() const
{
    if (m_spread == Spread::OneNode)
        return m_connection->state();
    // Connected when every node's link is; otherwise the first that is not.
    for (const auto& shard : m_shards) {
        if (shard->connection->state() != Connection::State::Connected)
            return shard->connection->state();
    }
    return m_started ? Connection::State::Connected : Connection::State::Disconnected;
}

QString Subscriber::lastError() const
{
    for (const auto& shard : m_shards) {
        if (!shard->connection->lastError().isEmpty())
            return shard->node + QStringLiteral(": ") + shard->connection->lastError();
    }
    return m_connection->lastError();
}

void Subscriber::start()
{
    m_started = true;
    m_deliveryTimer->start();
    if (m_spread == Spread::OneNode) {
        m_connection->open();
        return;
    }
    for (auto& shard : m_shards)
        shard->connection->open();
    emit stateChanged(state(), QString());
}

void Subscriber::stop()
{
    m_started = false;
    m_connection->close();
    for (auto& shard : m_shards)
        shard->connection->close();
    if (m_rerouteTimer)
        m_rerouteTimer->stop();
    deliverNow();
    m_deliveryTimer->stop();
}

void Subscriber::setSharded(bool sharded)
{
    setSpread(sharded ? Spread::Sharded : (m_spread == Spread::Sharded ? Spread::OneNode : m_spread));
}

void Subscriber::setEveryMaster(bool everyMaster)
{
    setSpread(everyMaster ? Spread::EveryMaster : (m_spread == Spread::EveryMaster ? Spread::OneNode : m_spread));
}

void Subscriber::setSpread(Spread spread)
{
    if (spread == m_spread || (spread != Spread::OneNode && (!m_session || !m_session->isCluster())))
        return;
    const QList<QByteArray> wantedChannels = channels();
    // Sharded pub/sub has no patterns: they do not carry over into it.
    const QList<QByteArray> wantedPatterns = spread == Spread::Sharded ? QList<QByteArray>() : patterns();
    // The links of the old mode go, with what they still hold handed over first.
    deliverNow();
    if (m_spread == Spread::OneNode) {
        unsubscribe({});
        punsubscribe({});
        m_connection->close();
    } else {
        m_shardChannels.clear();
        m_shardPatterns.clear();
        for (auto& shard : m_shards) {
            {
                QMutexLocker lock(&shard->channel->mutex);
                shard->channel->channels.clear();
                shard->channel->patterns.clear();
            }
            shard->connection->close();
        }
        m_spread = Spread::OneNode; // every shard goes
        dropEmptyShards();
    }
    m_spread = spread;
    if (spread == Spread::EveryMaster) {
        for (const QString& master : m_session->masterNodes())
            shardFor(master); // subscribed below
    }
    subscribe(wantedChannels);
    psubscribe(wantedPatterns);
    if (!m_started)
        return;
    if (spread == Spread::OneNode)
        m_connection->open();
    else
        emit stateChanged(state(), QString());
}

QString Subscriber::nodeOf(const QByteArray& channel) const
{
    for (const auto& shard : m_shards) {
        QMutexLocker lock(&shard->channel->mutex);
        if (shard->channel->channels.count(channel))
            return shard->node;
    }
    return {};
}

QStringList Subscriber::shardNodes() const
{
    QStringList nodes;
    for (const auto& shard : m_shards)
        nodes << shard->node;
    return nodes;
}

Subscriber::Shard* Subscriber::shardFor(const QString& node)
{
    for (auto& shard : m_shards) {
        if (shard->node == node)
            return shard.get();
    }
    auto shard = std::make_unique<Shard>();
    shard->node = node;
    shard->channel = std::make_shared<SubscriberChannel>();
    shard->channel->sharded = m_spread == Spread::Sharded;
    shard->channel->queue.setLimit(m_channel->queue.limit());
    if (m_spread == Spread::EveryMaster) {
        // Subscribed to everything at link-up.
        shard->channel->channels = m_shardChannels;
        shard->channel->patterns = m_shardPatterns;
    }
    shard->connection = m_session->createOwnLink("vermilion:subscriber", shard->channel, node);
    connect(shard->connection.get(), &Connection::stateChanged, this,
            [this, node](Connection::State state, const QString& message) {
                // A node's link lost: the slot may have moved (a failover); the map is asked for
                // until every link is up again.
                if (state != Connection::State::Connected && m_started)
                    wantReroute();
                emit stateChanged(this->state(), message.isEmpty() ? QString() : node + QStringLiteral(": ") + message);
            });
    if (m_started)
        shard->connection->open();
    m_shards.push_back(std::move(shard));
    return m_shards.back().get();
}

void Subscriber::reroute()
{
    if (!m_session)
        return;
    if (m_spread == Spread::EveryMaster) {
        // A link per master: new masters get one, former masters lose theirs.
        const QStringList masters = m_session->masterNodes();
        bool changed = false;
        for (const QString& master : masters) {
            if (!shardNodes().contains(master)) {
                shardFor(master);
                changed = true;
            }
        }
        for (auto& shard : m_shards) {
            if (masters.contains(shard->node))
                continue;
            QMutexLocker lock(&shard->channel->mutex);
            shard->channel->channels.clear();
            shard->channel->patterns.clear();
            changed = true;
        }
        if (!changed)
            return;
        m_rerouteWanted = false;
        dropEmptyShards();
        PubSubBatch batch;
        PubSubMessage gap;
        gap.kind = PubSubMessage::Kind::Gap;
        gap.timestampMs = QDateTime::currentMSecsSinceEpoch();
        gap.payload = tr("The cluster's masters changed: subscribed on each of the %n master(s) now; messages published "
                         "in between may be missing.",
                         nullptr, int(masters.size()))
                          .toUtf8();
        batch.messages.append(gap);
        emit messagesReceived(batch);
        emit resubscribed();
        return;
    }
    QList<QByteArray> moved;
    for (const QByteArray& channel : m_shardChannels) {
        const QString target = m_session->nodeForKeys({ channel });
        const QString current = nodeOf(channel);
        if (target.isEmpty() || target == current)
            continue;
        moved.append(channel);
        for (auto& shard : m_shards) {
            if (shard->node != current)
                continue;
            {
                QMutexLocker lock(&shard->channel->mutex);
                shard->channel->channels.erase(channel);
            }
            if (shard->connection->state() == Connection::State::Connected)
                shard->connection->sendUntracked({ "SUNSUBSCRIBE", channel });
        }
        Shard* next = shardFor(target);
        {
            QMutexLocker lock(&next->channel->mutex);
            next->channel->channels.insert(channel);
        }
        if (next->connection->state() == Connection::State::Connected)
            next->connection->sendUntracked({ "SSUBSCRIBE", channel });
    }
    if (moved.isEmpty())
        return;
    m_rerouteWanted = false;
    dropEmptyShards();
    // Messages published while a channel moved between nodes may be missing: a gap for each channel
    // that moved (its channel set, so that only its confirmation is awaited again).
    PubSubBatch batch;
    for (const QByteArray& channel : moved) {
        PubSubMessage gap;
        gap.kind = PubSubMessage::Kind::Gap;
        gap.timestampMs = QDateTime::currentMSecsSinceEpoch();
        gap.channel = channel;
        gap.payload = tr("The slot of this shard channel moved to %1 (a failover or resharding): subscribed there "
                         "again; messages published in between may be missing.")
                          .arg(nodeOf(channel))
                          .toUtf8();
        batch.messages.append(gap);
    }
    emit messagesReceived(batch);
    emit resubscribed();
}

void Subscriber::dropEmptyShards()
{
    PubSubBatch batch;
    for (auto it = m_shards.begin(); it != m_shards.end();) {
        bool empty = false;
        {
            QMutexLocker lock(&(*it)->channel->mutex);
            empty = (*it)->channel->channels.empty() && (*it)->channel->patterns.empty();
        }
        // A master's link stays in every-master mode even before anything is subscribed.
        const bool kept = m_spread == Spread::EveryMaster && m_session && m_session->masterNodes().contains((*it)->node);
        if ((!empty && m_spread != Spread::OneNode) || kept) {
            ++it;
            continue;
        }
        (*it)->connection.reset(); // its thread stops first
        deliverShard(**it, &batch);
        it = m_shards.erase(it);
    }
    if (!batch.messages.isEmpty() || batch.dropped > 0)
        emit messagesReceived(batch);
}

void Subscriber::send(const QByteArray& verb, const QList<QByteArray>& names)
{
    // Sent only on a live link; otherwise the next link-up subscribes to the whole wanted set.
    if (m_connection->state() != Connection::State::Connected)
        return;
    Command command { verb };
    command.append(names);
    m_connection->sendUntracked(command);
}

void Subscriber::onEveryMaster(bool channels, bool add, const QByteArray& verb, const QList<QByteArray>& names)
{
    // Adds names to (or takes them from; none named: all) the wanted channels or patterns, on
    // every master's link, and sends the verb on the links that are up; the others subscribe to
    // the wanted sets at link-up.
    const auto apply = [&](std::set<QByteArray>& set) {
        if (add)
            set.insert(names.begin(), names.end());
        else if (names.isEmpty())
            set.clear();
        for (const QByteArray& name : names) {
            if (!add)
                set.erase(name);
        }
    };
    apply(channels ? m_shardChannels : m_shardPatterns);
    for (auto& shard : m_shards) {
        {
            QMutexLocker lock(&shard->channel->mutex);
            apply(channels ? shard->channel->channels : shard->channel->patterns);
        }
        if (shard->connection->state() == Connection::State::Connected) {
            Command command { verb };
            command.append(names);
            shard->connection->sendUntracked(command);
        }
    }
}

void Subscriber::subscribe(const QList<QByteArray>& channels)
{
    if (channels.isEmpty())
        return;
    if (m_spread == Spread::EveryMaster) {
        onEveryMaster(true, true, "SUBSCRIBE", channels);
        return;
    }
    if (m_spread == Spread::Sharded) {
        for (const QByteArray& channel : channels) {
            m_shardChannels.insert(channel);
            if (!nodeOf(channel).isEmpty())
                continue;
            Shard* shard = shardFor(m_session ? m_session->nodeForKeys({ channel }) : QString());
            {
                QMutexLocker lock(&shard->channel->mutex);
                shard->channel->channels.insert(channel);
            }
            if (shard->connection->state() == Connection::State::Connected)
                shard->connection->sendUntracked({ "SSUBSCRIBE", channel });
        }
        return;
    }
    {
        QMutexLocker lock(&m_channel->mutex);
        m_channel->channels.insert(channels.begin(), channels.end());
    }
    send("SUBSCRIBE", channels);
}

void Subscriber::psubscribe(const QList<QByteArray>& patterns)
{
    if (patterns.isEmpty() || m_spread == Spread::Sharded)
        return; // sharded pub/sub has no patterns
    if (m_spread == Spread::EveryMaster) {
        onEveryMaster(false, true, "PSUBSCRIBE", patterns);
        return;
    }
    {
        QMutexLocker lock(&m_channel->mutex);
        m_channel->patterns.insert(patterns.begin(), patterns.end());
    }
    send("PSUBSCRIBE", patterns);
}

void Subscriber::unsubscribe(const QList<QByteArray>& channels)
{
    if (m_spread == Spread::EveryMaster) {
        onEveryMaster(true, false, "UNSUBSCRIBE", channels);
        return;
    }
    if (m_spread == Spread::Sharded) {
        const QList<QByteArray> names = channels.isEmpty()
            ? QList<QByteArray>(m_shardChannels.begin(), m_shardChannels.end())
            : channels;
        for (const QByteArray& channel : names) {
            m_shardChannels.erase(channel);
            for (auto& shard : m_shards) {
                bool had = false;
                {
                    QMutexLocker lock(&shard->channel->mutex);
                    had = shard->channel->channels.erase(channel) > 0;
                }
                if (had && shard->connection->state() == Connection::State::Connected)
                    shard->connection->sendUntracked({ "SUNSUBSCRIBE", channel });
            }
        }
        // Links without channels stay until the confirmations are in; the next mode change or
        // reroute drops them.
        return;
    }
    {
        QMutexLocker lock(&m_channel->mutex);
        if (channels.isEmpty())
            m_channel->channels.clear();
        for (const QByteArray& channel : channels)
            m_channel->channels.erase(channel);
    }
    send("UNSUBSCRIBE", channels);
}

void Subscriber::punsubscribe(const QList<QByteArray>& patterns)
{
    if (m_spread == Spread::Sharded)
        return;
    if (m_spread == Spread::EveryMaster) {
        onEveryMaster(false, false, "PUNSUBSCRIBE", patterns);
        return;
    }
    {
        QMutexLocker lock(&m_channel->mutex);
        if (patterns.isEmpty())
            m_channel->patterns.clear();
        for (const QByteArray& pattern : patterns)
            m_channel->patterns.erase(pattern);
    }
    send("PUNSUBSCRIBE", patterns);
}

QList<QByteArray> Subscriber::channels() const
{
    if (m_spread != Spread::OneNode)
        return QList<QByteArray>(m_shardChannels.begin(), m_shardChannels.end());
    QMutexLocker lock(&m_channel->mutex);
    return QList<QByteArray>(m_channel->channels.begin(), m_channel->channels.end());
}

QList<QByteArray> Subscriber::patterns() const
{
    if (m_spread != Spread::OneNode)
        return QList<QByteArray>(m_shardPatterns.begin(), m_shardPatterns.end());
    QMutexLocker lock(&m_channel->mutex);
    return QList<QByteArray>(m_channel->patterns.begin(), m_channel->patterns.end());
}

void Subscriber::setDeliveryInterval(int milliseconds)
{
    m_deliveryTimer->setInterval(qMax(1, milliseconds));
}

void Subscriber::setPendingLimit(qsizetype messages)
{
    m_channel->queue.setLimit(messages);
    for (auto& shard : m_shards)
        shard->channel->queue.setLimit(messages);
}

void Subscriber::setBacklogLimit(qint64 bytes)
{
    m_channel->setBacklogLimit(bytes);
    for (auto& shard : m_shards)
        shard->channel->setBacklogLimit(bytes);
}

qint64 Subscriber::backlogBytes() const
{
    qint64 bytes = m_channel->backlogBytes();
    for (const auto& shard : m_shards)
        bytes += shard->channel->backlogBytes();
    return bytes;
}

void Subscriber::wantReroute()
{
    if (!m_rerouteTimer || m_spread == Spread::OneNode)
        return;
    m_rerouteWanted = true;
    m_rerouteTries = 0;
    if (!m_rerouteTimer->isActive()) {
        m_rerouteTimer->start();
        if (m_session)
            m_session->refreshClusterTopology();
    }
}

void Subscriber::deliverShard(Shard& shard, PubSubBatch* batch)
{
    qint64 dropped = 0;
    const QList<PubSubMessage> messages
        = takeBatch(shard.channel->queue, &dropped, this, &shard.moreScheduled, [this] { deliverNow(); });
    for (const PubSubMessage& message : messages) {
        if (m_spread != Spread::Sharded)
            break;
        // The server unsubscribes shard channels whose slot left the node, and answers MOVED to a
        // subscription sent to the wrong node: the channel follows its slot.
        if (message.kind == PubSubMessage::Kind::Unsubscribed && m_shardChannels.count(message.channel)) {
            QMutexLocker lock(&shard.channel->mutex);
            if (shard.channel->channels.erase(message.channel) > 0) {
                lock.unlock();
                wantReroute();
            }
        } else if (message.kind == PubSubMessage::Kind::Error && message.payload.startsWith("MOVED")) {
            wantReroute();
        }
    }
    batch->messages += messages;
    batch->dropped += dropped;
}

void Subscriber::deliverNow()
{
    PubSubBatch batch;
    batch.messages
        = takeBatch(m_channel->queue, &batch.dropped, this, &m_moreScheduled, [this] { deliverNow(); });
    for (auto& shard : m_shards)
        deliverShard(*shard, &batch);
    if (m_shards.size() > 1) {
        // Several nodes: in the order they were read.
        std::stable_sort(batch.messages.begin(), batch.messages.end(),
                         [](const PubSubMessage& a, const PubSubMessage& b) { return a.timestampMs < b.timestampMs; });
    }
    if (batch.messages.isEmpty() && batch.dropped == 0)
        return;
    for (PubSubMessage& message : batch.messages) {
        if (message.kind != PubSubMessage::Kind::Gap || message.pattern != "link")
            continue;
        const QString since = message.count > 0
            ? QDateTime::fromMSecsSinceEpoch(message.count).toString(QStringLiteral("HH:mm:ss.zzz"))
            : QString();
        message.payload = tr("Connection lost at %1 (%2). Subscribed again to %n channel(s)", nullptr, int(channels().size()))
                              .arg(since, QString::fromUtf8(message.payload))
                              .toUtf8()
            + tr(" and %n pattern(s); messages published in between were missed.", nullptr, int(patterns().size())).toUtf8();
        message.pattern.clear();
        message.count = 0;
    }
    // A gap is only made when a lost link came back and everything was subscribed again.
    const bool linkCameBack = std::any_of(batch.messages.cbegin(), batch.messages.cend(),
        [](const PubSubMessage& message) { return message.kind == PubSubMessage::Kind::Gap; });
    emit messagesReceived(batch);
    if (linkCameBack)
        emit resubscribed();
}

void Subscriber::onConnectionState(Connection::State state, const QString& message)
{
    if (m_spread != Spread::OneNode)
        return; // the classic link is closed; the nodes' links speak for the subscriber
    emit stateChanged(state, message);
}

} // namespace vermilion
