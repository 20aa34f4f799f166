#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace vermilion {

class Session;

// PUBLISH (or SPUBLISH on a cluster: the shard of the channel's slot) through the session. done runs
// in context's thread with how many subscribers received it, or the reason it was not published.
// A read-only profile never publishes: a message reaches every subscriber even though it changes no
// key.
void publishMessage(Session* session, const QByteArray& channel, const QByteArray& payload, bool sharded,
                    QObject* context, std::function<void(qint64 receivers, const QString& error)> done);

} // namespace vermilion
