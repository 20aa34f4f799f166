#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace vermilion {
class Session;
}

namespace vermilion::KeyspaceNotifications {

// "__keyspace@<db>__:*" (events per key) and "__keyevent@<db>__:*" (keys per event).
QByteArray keyspacePattern(int database, const QByteArray& keyPattern = "*");
QByteArray keyeventPattern(int database, const QByteArray& eventPattern = "*");

// Whether the server's notify-keyspace-events flags deliver keyspace (K) or keyevent (E)
// notifications for at least one class of events.
bool deliversKeyspace(const QString& flags);
bool deliversKeyevent(const QString& flags);
// The flags to set so that both kinds are delivered for every event class, keeping what is set.
QString flagsEnablingAll(const QString& current, bool keyspace, bool keyevent);
// A sentence describing the flags for a user.
QString describe(const QString& flags);

// CONFIG GET notify-keyspace-events through the session. On a cluster every master is asked
// (notifications are each node's own), and the flags of one that delivers the least are reported.
// done(flags, error) runs in context's thread; error is empty on success.
void readFlags(Session* session, QObject* context, std::function<void(const QString& flags, const QString& error)> done);
// CONFIG SET notify-keyspace-events on the server, or on every master of a cluster.
void setFlags(Session* session, const QString& flags, QObject* context, std::function<void(const QString& error)> done);

} // namespace vermilion::KeyspaceNotifications
