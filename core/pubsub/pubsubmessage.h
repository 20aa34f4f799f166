#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace vermilion {

// One event of a subscriber connection: a message, a confirmation the server sent for a
// (un)subscription, or a mark the client adds (a gap after a reconnect, an error reply).
struct PubSubMessage {
    enum class Kind : quint8 {
        Message, // ["message", channel, payload]
        PatternMessage, // ["pmessage", pattern, channel, payload]
        Subscribed, // ["subscribe", channel, count]
        Unsubscribed, // ["unsubscribe", channel, count]
        PatternSubscribed, // ["psubscribe", pattern, count]
        PatternUnsubscribed, // ["punsubscribe", pattern, count]
        Gap, // the link was lost and came back: messages in between were missed (payload: why)
        Error, // the server refused a command (payload: its error)
    };
    Kind kind = Kind::Message;
    qint64 timestampMs = 0; // when it was read, ms since the epoch
    QByteArray channel; // the channel; for (p)(un)subscribe confirmations the channel or pattern
    QByteArray pattern; // PatternMessage only
    QByteArray payload;
    qint64 count = 0; // confirmations: how many subscriptions the connection has now

    bool isMessage() const { return kind == Kind::Message || kind == Kind::PatternMessage; }
    bool isConfirmation() const { return kind >= Kind::Subscribed && kind <= Kind::PatternUnsubscribed; }
};

// What a subscriber hands over at once.
struct PubSubBatch {
    QList<PubSubMessage> messages;
    // Messages that arrived while the receiver had not collected the previous ones for so long that
    // the hand-over buffer was full: the oldest were dropped (never the connection).
    qint64 dropped = 0;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::PubSubMessage)
Q_DECLARE_METATYPE(vermilion::PubSubBatch)
