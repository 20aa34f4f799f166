#include "messagestatus.h"

namespace vermilion {

MessageStatus deriveMessageStatus(const MessageState& state, qint64 nowMs, MessageRules rules)
{
    if (!state.exists)
        return MessageStatus::Gone;
    const bool backoff = nowMs < state.backoffExpiry;
    if (state.done) {
        // v2 (taoensso/carmine src/taoensso/carmine/message_queue.clj:139-151, ->message-status):
        // requeue?, then backoff?. v1 (src/taoensso/carmine/lua/mq/msg-status.lua at v3.2.0, lines
        // 10-18): only inside the backoff is requeue looked at.
        if (rules == MessageRules::V2 && state.requeue)
            return MessageStatus::DoneWithRequeue;
        if (!backoff)
            return MessageStatus::DoneAwaitingGc;
        return state.requeue ? MessageStatus::DoneWithRequeue : MessageStatus::DoneWithBackoff;
    }
    if (nowMs < state.lockExpiry)
        return state.requeue ? MessageStatus::LockedWithRequeue : MessageStatus::Locked;
    return backoff ? MessageStatus::QueuedWithBackoff : MessageStatus::Queued;
}

QString MessageStatusText::keyword(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Gone:
        return QStringLiteral("gone");
    case MessageStatus::Queued:
        return QStringLiteral("queued");
    case MessageStatus::QueuedWithBackoff:
        return QStringLiteral("queued-with-backoff");
    case MessageStatus::Locked:
        return QStringLiteral("locked");
    case MessageStatus::LockedWithRequeue:
        return QStringLiteral("locked-with-requeue");
    case MessageStatus::DoneAwaitingGc:
        return QStringLiteral("done-awaiting-gc");
    case MessageStatus::DoneWithBackoff:
        return QStringLiteral("done-with-backoff");
    case MessageStatus::DoneWithRequeue:
        return QStringLiteral("done-with-requeue");
    }
    return {};
}

QString messageStatusDescription(MessageStatus status, MessageRules rules)
{
    switch (status) {
    case MessageStatus::Gone:
        return MessageStatusText::tr("Not in the queue any more (handled and garbage-collected, or cleared).");
    case MessageStatus::Queued:
        return MessageStatusText::tr("Waiting for a worker.");
    case MessageStatus::QueuedWithBackoff:
        return MessageStatusText::tr("Waiting for a worker, skipped until its backoff ends.");
    case MessageStatus::Locked:
        return MessageStatusText::tr("A worker holds it now.");
    case MessageStatus::LockedWithRequeue:
        return MessageStatusText::tr("A worker holds it now; it will be queued again when done.");
    case MessageStatus::DoneAwaitingGc:
        return MessageStatusText::tr("Handled (successfully or not: a handler that threw is also done), waiting for garbage "
                  "collection.");
    case MessageStatus::DoneWithBackoff:
        return MessageStatusText::tr("Handled, waiting for garbage collection after its dedupe backoff.");
    case MessageStatus::DoneWithRequeue:
        // v2: dequeue.lua (v3.5.0) skips a done message while its backoff runs, and the first dequeue
        // after it puts the message back on the queue (did-requeue). v1: the status exists only
        // inside the backoff, and dequeue.lua (v3.2.0, lines 59-81) does not skip it: the next
        // dequeue that reaches it hands it to a worker at once; once the backoff is over it is
        // done-awaiting-gc, and garbage-collected.
        return rules == MessageRules::V2
            ? MessageStatusText::tr("Handled, with a requeue pending (Carmine 3.3+): skipped while its backoff runs, then put back on "
                 "the queue by the first dequeue that reaches it.")
            : MessageStatusText::tr("Handled and marked for requeue, inside its backoff (Carmine 2.4-3.2): the next dequeue that "
                 "reaches it hands it to a worker again at once. If the backoff ends first, it is done-awaiting-gc "
                 "and garbage-collected, not requeued.");
    }
    return {};
}

} // namespace vermilion
