#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace vermilion {

// What Carmine's message queue keeps about one message, and the status Carmine's own status script
// derives from it. Times are epoch milliseconds of the server's clock; 0 = no such field.
struct MessageState {
    bool exists = true; // a field of the queue's "messages" hash
    bool done = false; // member of "done"
    bool requeue = false; // member of "requeue" (v1, deprecated in v2) or field of "messages-rq" (v2)
    qint64 lockExpiry = 0; // locks[mid]
    qint64 backoffExpiry = 0; // backoffs[mid]
    qint64 attempts = 0; // nattempts[mid]
    qint64 enqueuedAt = 0; // udts[mid] (v2 only)
};

// The seven statuses Carmine names, plus "gone" for a mid that is not (or no longer) in the queue.
enum class MessageStatus {
    Gone,
    Queued,
    QueuedWithBackoff,
    Locked,
    LockedWithRequeue,
    DoneAwaitingGc,
    DoneWithBackoff,
    DoneWithRequeue,
};

class MessageStatusText {
    Q_DECLARE_TR_FUNCTIONS(MessageStatusText)
public:
    // Carmine's keyword without the colon: "queued-with-backoff", "done-awaiting-gc"...
    static QString keyword(MessageStatus status);
};

// Which Carmine's status rules apply: the queue's layout tells (CarmineQueue::Layout).
enum class MessageRules {
    V1, // Carmine 2.4-3.2, msg-status.lua at v3.2.0: requeue counts only while the backoff runs
    V2, // Carmine 3.3+, msg-status.lua and ->message-status: for done, requeue wins over backoff
};

// A short explanation of a status for a tooltip, under the rules of the queue's layout.
QString messageStatusDescription(MessageStatus status, MessageRules rules);

// Carmine's rules: gone unless in messages; done beats locked (now < lock expiry) beats queued;
// backoff = now < backoff expiry; requeue as given. Done + requeue: done-with-requeue under the v2
// rules; under the v1 rules only while the backoff runs, else done-awaiting-gc (dequeue then
// garbage-collects it).
MessageStatus deriveMessageStatus(const MessageState& state, qint64 nowMs, MessageRules rules = MessageRules::V2);
constexpr int messageStatusCount = 8;

} // namespace vermilion
