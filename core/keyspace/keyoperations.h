#pragma once

#include "client/reply.h"

#include <QObject>
#include <functional>

namespace vermilion {

class Session;

// Single-key writes of the key browser, on the session's interactive connection. Each reports
// through a callback in the context object's thread; a refused write (read-only profile) arrives as
// an error reply with its message like any other failure.
namespace KeyOperations {
enum class Outcome {
    Done,
    TargetExists, // rename: the new name is taken (nothing changed)
    Missing, // the key is not there (any more)
    Failed, // see the message
};
using Done = std::function<void(Outcome outcome, const QString& message)>;

// Creates a key of a type with a first element, only if the name is free (atomic).
// Arguments per type: string {value}; hash {field, value}; list {element}; set {member};
// zset {score, member}; stream {field, value}. ttlMs <= 0: no expiry.
void create(Session* session, const QByteArray& key, const QByteArray& type, const QList<QByteArray>& arguments,
    qint64 ttlMs, QObject* context, Done done);
// RENAMENX; with replace, RENAME (the caller has confirmed overwriting the target).
void rename(Session* session, const QByteArray& from, const QByteArray& to, bool replace, QObject* context, Done done);
void remove(Session* session, const QByteArray& key, QObject* context, Done done);
// ttlMs > 0: PEXPIRE; ttlMs <= 0: PERSIST.
void setTtl(Session* session, const QByteArray& key, qint64 ttlMs, QObject* context, Done done);
} // namespace KeyOperations

} // namespace vermilion
