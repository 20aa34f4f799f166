#pragma once

#include "lockmodel.h"

#include <QObject>

namespace vermilion {

class Session;
class Subscriber;
struct PubSubBatch;

// Keyspace notifications for the watched lock patterns, on a subscriber connection of its own
// (core/pubsub): PSUBSCRIBE __keyspace@<db>__:<pattern>. A set means "read this key again"; a del
// is a release and an expired an expiry, known at once rather than at the next refresh. Whether the
// server sends these events is read from notify-keyspace-events; the watcher never changes it.
class LockEventWatcher : public QObject {
    Q_OBJECT
public:
    explicit LockEventWatcher(Session* session, QObject* parent = nullptr);
    ~LockEventWatcher() override;

    void setPatterns(const QList<QByteArray>& patterns);
    void start();
    void stop();
    bool isActive() const { return m_active; }
    QString availabilityText() const { return m_availability; }
    // The key a keyspace channel names, empty if the channel is not one.
    static QByteArray keyFromChannel(const QByteArray& channel);

signals:
    // Keys set (or given a new expiry) that should be read again.
    void keysChanged(const QList<QByteArray>& keys);
    void keyGone(const QByteArray& key, vermilion::LockEvent::Kind why);
    // Whether live events arrive, with a sentence for the user.
    void availabilityChanged(bool active, const QString& text);

private:
    void onBatch(const PubSubBatch& batch);
    void checkServerFlags();
    void resubscribe();

    Session* m_session;
    Subscriber* m_subscriber = nullptr;
    QList<QByteArray> m_patterns;
    QList<QByteArray> m_subscribed;
    bool m_active = false;
    bool m_started = false;
    QString m_availability;
};

} // namespace vermilion
