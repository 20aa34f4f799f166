#include "lockeventwatcher.h"

#include "client/session.h"
#include "pubsub/keyspacenotifications.h"
#include "pubsub/subscriber.h"

namespace vermilion {

LockEventWatcher::LockEventWatcher(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
}

LockEventWatcher::~LockEventWatcher() = default;

QByteArray LockEventWatcher::keyFromChannel(const QByteArray& channel)
{
    if (!channel.startsWith("__keyspace@"))
        return {};
    const qsizetype separator = channel.indexOf("__:");
    return separator < 0 ? QByteArray() : channel.mid(separator + 3);
}

void LockEventWatcher::setPatterns(const QList<QByteArray>& patterns)
{
    m_patterns = patterns;
    if (m_started)
        resubscribe();
}

void LockEventWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    // The session's link is at the session's current database, which keyspace events name.
    m_subscriber = new Subscriber(m_session, this);
    // Keyspace events are each node's own: on a cluster every master is listened to.
    m_subscriber->setEveryMaster(m_session->isCluster());
    connect(m_subscriber, &Subscriber::messagesReceived, this, &LockEventWatcher::onBatch);
    resubscribe();
    m_subscriber->start();
    checkServerFlags();
}

void LockEventWatcher::stop()
{
    m_started = false;
    if (m_subscriber) {
        m_subscriber->stop();
        m_subscriber->deleteLater();
        m_subscriber = nullptr;
    }
    m_subscribed.clear();
    if (m_active) {
        m_active = false;
        emit availabilityChanged(false, tr("Live events are off."));
    }
}

void LockEventWatcher::resubscribe()
{
    if (!m_subscriber)
        return;
    QList<QByteArray> wanted;
    for (const QByteArray& pattern : std::as_const(m_patterns))
        wanted.append(KeyspaceNotifications::keyspacePattern(m_session->database(), pattern));
    QList<QByteArray> gone;
    for (const QByteArray& pattern : std::as_const(m_subscribed)) {
        if (!wanted.contains(pattern))
            gone.append(pattern);
    }
    QList<QByteArray> added;
    for (const QByteArray& pattern : std::as_const(wanted)) {
        if (!m_subscribed.contains(pattern))
            added.append(pattern);
    }
    if (!gone.isEmpty())
        m_subscriber->punsubscribe(gone);
    if (!added.isEmpty())
        m_subscriber->psubscribe(added);
    m_subscribed = wanted;
}

void LockEventWatcher::checkServerFlags()
{
    // On a cluster the master that delivers the least decides.
    KeyspaceNotifications::readFlags(m_session, this, [this](const QString& flags, const QString& error) {
        if (!m_started)
            return;
        if (!error.isEmpty()) {
            // CONFIG may be refused by ACLs or renamed: events may still come, so stay subscribed.
            m_active = true;
            m_availability = tr("Listening for keyspace events; whether the server sends them is unknown (%1).").arg(error);
            emit availabilityChanged(m_active, m_availability);
            return;
        }
        // set is a string event ($), del and expire generic (g), expired its own class (x).
        const bool all = flags.contains(QLatin1Char('A'))
            || (flags.contains(QLatin1Char('$')) && flags.contains(QLatin1Char('g'))
                && flags.contains(QLatin1Char('x')));
        m_active = KeyspaceNotifications::deliversKeyspace(flags) && all;
        if (m_active)
            m_availability = tr("Live: keyspace events update locks at once.");
        else if (KeyspaceNotifications::deliversKeyspace(flags))
            m_availability = tr("Keyspace events are partly on (\"%1\"): lock changes need K with $, g and x (or A). "
                                "Periodic refresh only.")
                                 .arg(flags);
        else
            m_availability = tr("Keyspace notifications are off on this server: periodic refresh only (enable with "
                                "CONFIG SET notify-keyspace-events KA).");
        emit availabilityChanged(m_active, m_availability);
    });
}

void LockEventWatcher::onBatch(const PubSubBatch& batch)
{
    QList<QByteArray> changed;
    for (const PubSubMessage& message : batch.messages) {
        if (message.kind != PubSubMessage::Kind::PatternMessage)
            continue;
        const QByteArray key = keyFromChannel(message.channel);
        if (key.isEmpty())
            continue;
        const QByteArray& event = message.payload;
        if (event == "del" || event == "evicted" || event == "rename_from") {
            changed.removeAll(key);
            emit keyGone(key, LockEvent::Kind::Released);
        } else if (event == "expired") {
            changed.removeAll(key);
            emit keyGone(key, LockEvent::Kind::Expired);
        } else if (!changed.contains(key)) {
            changed.append(key); // set, expire, pexpire, persist, rename_to...
        }
    }
    if (batch.dropped > 0 || !changed.isEmpty())
        emit keysChanged(changed);
}

} // namespace vermilion
