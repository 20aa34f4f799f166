#include "subscriber.h"

#include "pubsubwiredecoder.h"

#include <QDateTime>
#include <QMutex>
#include <QTimer>
#include <deque>
#include <set>

namespace vermilion {

// The part of a subscriber the connection's thread talks to: the wanted subscriptions (read at each
// link-up) and the messages waiting to be handed over. Shared by the two threads, guarded by mutex.
class SubscriberChannel final : public PushHandler {
public:
    QList<Command> linkUp(bool reconnect) override
    {
        QMutexLocker lock(&mutex);
        if (reconnect) {
            PubSubMessage gap;
            gap.kind = PubSubMessage::Kind::Gap;
            gap.timestampMs = QDateTime::currentMSecsSinceEpoch();
            const QString since = lostAtMs > 0
                ? QDateTime::fromMSecsSinceEpoch(lostAtMs).toString(QStringLiteral("HH:mm:ss.zzz"))
                : QString();
            gap.payload = Subscriber::tr("Connection lost at %1 (%2). Subscribed again to %n channel(s)", nullptr,
                int(channels.size()))
                              .arg(since, lostReason)
                              .toUtf8()
                + Subscriber::tr(" and %n pattern(s); messages published in between were missed.", nullptr,
                    int(patterns.size()))
                      .toUtf8();
            appendLocked(std::move(gap));
            resubscribedPending = true;
        }
        QList<Command> commands;
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
        QMutexLocker lock(&mutex);
        lostAtMs = QDateTime::currentMSecsSinceEpoch();
        lostReason = reason;
    }

    bool isPush(const Reply& reply) const override
    {
        if (!reply.isArray() || reply.size() < 3)
            return false;
        const QByteArray& verb = reply.at(0).bytes();
        return verb == "message" || verb == "pmessage" || verb.endsWith("subscribe");
    }

    void pushReplies(std::vector<Reply>&& replies) override
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QMutexLocker lock(&mutex);
        for (Reply& reply : replies) {
            PubSubMessage message;
            message.timestampMs = now;
            if (!toMessage(reply, &message))
                continue;
            appendLocked(std::move(message));
        }
    }

    // The firehose path: messages parsed straight from the socket's bytes (see PubSubWireDecoder).
    qsizetype parseRaw(const char* data, qsizetype size, bool* incomplete) override
    {
        parsed.clear();
        const qsizetype used = decoder.decode(data, size, QDateTime::currentMSecsSinceEpoch(), &parsed, incomplete);
        if (!parsed.empty()) {
            QMutexLocker lock(&mutex);
            for (PubSubMessage& message : parsed)
                appendLocked(std::move(message));
        }
        return used;
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
        if (verb == "message") {
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
        if (verb == "subscribe")
            message->kind = PubSubMessage::Kind::Subscribed;
        else if (verb == "unsubscribe")
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

    void appendLocked(PubSubMessage&& message)
    {
        if (qsizetype(pending.size()) >= pendingLimit) {
            pending.pop_front();
            ++dropped;
        }
        pending.push_back(std::move(message));
    }

    // At most maxCount messages; *more says whether others wait.
    PubSubBatch take(qsizetype maxCount, bool* more)
    {
        PubSubBatch batch;
        std::deque<PubSubMessage> taken;
        {
            QMutexLocker lock(&mutex);
            if (qsizetype(pending.size()) <= maxCount) {
                taken.swap(pending);
            } else {
                const auto end = pending.begin() + maxCount;
                taken.assign(std::make_move_iterator(pending.begin()), std::make_move_iterator(end));
                pending.erase(pending.begin(), end);
            }
            *more = !pending.empty();
            batch.dropped = std::exchange(dropped, 0);
        }
        batch.messages.reserve(qsizetype(taken.size()));
        for (PubSubMessage& message : taken)
            batch.messages.append(std::move(message));
        return batch;
    }

    mutable QMutex mutex;
    std::set<QByteArray> channels; // wanted
    std::set<QByteArray> patterns;
    std::deque<PubSubMessage> pending;
    qsizetype pendingLimit = 2'000'000;
    qint64 dropped = 0;
    qint64 lostAtMs = 0;
    QString lostReason;
    bool resubscribedPending = false;
    PubSubWireDecoder decoder; // connection thread only
    std::vector<PubSubMessage> parsed; // connection thread only
};

Subscriber::Subscriber(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_channel(std::make_shared<SubscriberChannel>())
    , m_deliveryTimer(new QTimer(this))
{
    qRegisterMetaType<vermilion::PubSubBatch>();
    ConnectionTuning tuning;
    tuning.clientName = "vermilion:subscriber";
    m_connection = std::make_unique<Connection>(profile, tuning);
    m_connection->setPushHandler(m_channel);
    connect(m_connection.get(), &Connection::stateChanged, this, &Subscriber::onConnectionState);
    m_deliveryTimer->setInterval(50);
    connect(m_deliveryTimer, &QTimer::timeout, this, &Subscriber::deliverNow);
}

Subscriber::~Subscriber()
{
    // The connection's thread stops before the shared channel can go.
    m_connection.reset();
}

Connection::State Subscriber::state() const
{
    return m_connection->state();
}

QString Subscriber::lastError() const
{
    return m_connection->lastError();
}

void Subscriber::start()
{
    m_started = true;
    m_deliveryTimer->start();
    m_connection->open();
}

void Subscriber::stop()
{
    m_started = false;
    m_connection->close();
    deliverNow();
    m_deliveryTimer->stop();
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

void Subscriber::subscribe(const QList<QByteArray>& channels)
{
    if (channels.isEmpty())
        return;
    {
        QMutexLocker lock(&m_channel->mutex);
        m_channel->channels.insert(channels.begin(), channels.end());
    }
    send("SUBSCRIBE", channels);
}

void Subscriber::psubscribe(const QList<QByteArray>& patterns)
{
    if (patterns.isEmpty())
        return;
    {
        QMutexLocker lock(&m_channel->mutex);
        m_channel->patterns.insert(patterns.begin(), patterns.end());
    }
    send("PSUBSCRIBE", patterns);
}

void Subscriber::unsubscribe(const QList<QByteArray>& channels)
{
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
    QMutexLocker lock(&m_channel->mutex);
    return QList<QByteArray>(m_channel->channels.begin(), m_channel->channels.end());
}

QList<QByteArray> Subscriber::patterns() const
{
    QMutexLocker lock(&m_channel->mutex);
    return QList<QByteArray>(m_channel->patterns.begin(), m_channel->patterns.end());
}

void Subscriber::setDeliveryInterval(int milliseconds)
{
    m_deliveryTimer->setInterval(qMax(1, milliseconds));
}

void Subscriber::setPendingLimit(qsizetype messages)
{
    QMutexLocker lock(&m_channel->mutex);
    m_channel->pendingLimit = qMax<qsizetype>(1, messages);
}

void Subscriber::deliverNow()
{
    // Bounded batches keep each hand-over short for the receiving (UI) thread; the rest follows
    // after the events that queued meanwhile.
    constexpr qsizetype maxBatch = 8192;
    bool more = false;
    PubSubBatch batch = m_channel->take(maxBatch, &more);
    if (more && !m_moreScheduled) {
        m_moreScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_moreScheduled = false;
                deliverNow();
            },
            Qt::QueuedConnection);
    }
    bool linkCameBack = false;
    {
        QMutexLocker lock(&m_channel->mutex);
        linkCameBack = std::exchange(m_channel->resubscribedPending, false);
    }
    if (!batch.messages.isEmpty() || batch.dropped > 0)
        emit messagesReceived(batch);
    if (linkCameBack)
        emit resubscribed();
}

void Subscriber::onConnectionState(Connection::State state, const QString& message)
{
    emit stateChanged(state, message);
}

} // namespace vermilion
