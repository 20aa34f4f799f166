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

QString MessageStatusText::description(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Gone:
        return tr("Not in the queue any more (handled and garbage-collected, or cleared).");
    case MessageStatus::Queued:
        return tr("Waiting for a worker.");
    case MessageStatus::QueuedWithBackoff:
        return tr("Waiting for a worker, skipped until its backoff ends.");
    case MessageStatus::Locked:
        return tr("A worker holds it now.");
    case MessageStatus::LockedWithRequeue:
        return tr("A worker holds it now; it will be queued again when done.");
    case MessageStatus::DoneAwaitingGc:
        return tr("Handled (successfully or not: a handler that threw is also done), waiting for garbage "
                  "collection.");
    case MessageStatus::DoneWithBackoff:
        return tr("Handled, waiting for garbage collection after its dedupe backoff.");
    case MessageStatus::DoneWithRequeue:
        return tr("Handled; will be queued again: once its backoff ends, or at the next dequeue when it has no "
                  "backoff (Carmine 3.3+).");
    }
    return {};
}

} // namespace vermilion
