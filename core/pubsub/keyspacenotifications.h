#pragma once

#include <QByteArray>
#include <QString>

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

} // namespace vermilion::KeyspaceNotifications
