#include "subscriber.h"

#include "client/session.h"

#include "handoverqueue.h"
#include "pubsubwiredecoder.h"
#include "pushstreamdecoder.h"

#include <QDateTime>
#include <QMutex>
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
        return verb == "message" || verb == "pmessage" || verb.endsWith("subscribe");
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

    QMutex mutex; // guards the members up to the hand-over queue
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
        PubSubMessage gap;
        gap.kind = PubSubMessage::Kind::Gap;
        gap.timestampMs = QDateTime::currentMSecsSinceEpoch();
        QMutexLocker lock(&mutex);
        const QString since = lostAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(lostAtMs).toString(QStringLiteral("HH:mm:ss.zzz"))
            : QString();
        gap.payload = Subscriber::tr("Connection lost at %1 (%2). Subscribed again to %n channel(s)", nullptr,
                          int(channels.size()))
                          .arg(since, lostReason)
                          .toUtf8()
            + Subscriber::tr(
                " and %n pattern(s); messages published in between were missed.", nullptr, int(patterns.size()))
                  .toUtf8();
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
{
    m_connection = session->createOwnLink("vermilion:subscriber", m_channel);
    init();
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
    m_channel->queue.setLimit(messages);
}

void Subscriber::setBacklogLimit(qint64 bytes)
{
    m_channel->setBacklogLimit(bytes);
}

qint64 Subscriber::backlogBytes() const
{
    return m_channel->backlogBytes();
}

void Subscriber::deliverNow()
{
    PubSubBatch batch;
    batch.messages
        = takeBatch(m_channel->queue, &batch.dropped, this, &m_moreScheduled, [this] { deliverNow(); });
    if (batch.messages.isEmpty() && batch.dropped == 0)
        return;
    // A gap is only made when a lost link came back and everything was subscribed again.
    const bool linkCameBack = std::any_of(batch.messages.cbegin(), batch.messages.cend(),
        [](const PubSubMessage& message) { return message.kind == PubSubMessage::Kind::Gap; });
    emit messagesReceived(batch);
    if (linkCameBack)
        emit resubscribed();
}

void Subscriber::onConnectionState(Connection::State state, const QString& message)
{
    emit stateChanged(state, message);
}

} // namespace vermilion
