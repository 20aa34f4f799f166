#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <memory>

#include "util/packedstrings.h"

namespace vermilion {

class ReplyData;

// One RESP2 reply: an implicitly shared, binary-safe value. Replies cross threads by value.
// Errors that the client itself produces (timeout, lost link, read-only refusal) are error
// replies too, told apart from server errors by errorKind(), so a caller handles one type.
class Reply {
public:
    enum class Type : quint8 { Nil, Status, Error, Integer, String, Array };
    enum class ErrorKind : quint8 {
        None, // not an error
        Server, // the server answered with an error reply
        NotConnected, // nothing was sent: the link was down
        ConnectionLost, // sent, but the link died before the reply; the command may have run
        Timeout, // no reply within the command timeout
        ReadOnly, // refused before sending: the profile is read-only and the command writes
        Protocol, // the peer sent bytes that are not RESP
        Cancelled, // the connection was closed by its owner
        SharedLink, // refused before sending: it would change the state of a link other tools share
    };

    Reply();
    ~Reply();
    Reply(const Reply&);
    Reply(Reply&&) noexcept;
    Reply& operator=(const Reply&);
    Reply& operator=(Reply&&) noexcept;

    static Reply nil();
    static Reply status(const QByteArray& text);
    static Reply error(const QByteArray& text, ErrorKind kind = ErrorKind::Server);
    static Reply integer(qint64 value);
    static Reply string(const QByteArray& bytes);
    static Reply array(QList<Reply> elements);

    Type type() const;
    bool isNil() const { return type() == Type::Nil; }
    bool isStatus() const { return type() == Type::Status; }
    bool isError() const { return type() == Type::Error; }
    bool isInteger() const { return type() == Type::Integer; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    // True for client-side failures (nothing usable came from the server).
    bool isClientError() const { return isError() && errorKind() != ErrorKind::Server; }

    // Status text, error text or bulk bytes; empty for other types.
    const QByteArray& bytes() const;
    qint64 integerValue() const;
    // Integer replies, and bulk strings that hold a decimal integer (e.g. from CONFIG GET).
    qint64 toInteger(bool* ok = nullptr) const;
    const QList<Reply>& elements() const;
    qsizetype size() const;
    // An array of strings the reader packed (asked for with CommandOptions::packStrings), or null.
    // elements() still works on it (made once, on first use), but costs an allocation per string.
    std::shared_ptr<const PackedStrings> packedStrings() const;
    const Reply& at(qsizetype i) const { return elements().at(i); }
    ErrorKind errorKind() const;

    // The error text as a user reads it (server errors verbatim, client errors explained).
    QString errorMessage() const;
    // The first word of a server error: "WRONGPASS", "NOPERM", "ERR", "NOSCRIPT"...
    QByteArray errorCode() const;

    // Text as redis-cli prints it, with binary bytes escaped ("\xff") and nesting numbered. Limits
    // keep huge replies cheap to show: longer strings and arrays are cut with a note of what is left.
    struct DisplayLimits {
        qsizetype maxStringBytes = -1; // -1 = no limit
        qsizetype maxElements = -1;
    };
    QString toDisplayString() const { return toDisplayString(DisplayLimits {}); }
    QString toDisplayString(const DisplayLimits& limits) const;
    // redis-cli --raw: strings as they are, no quotes, types or numbering; one element a line.
    QString toRawString(const DisplayLimits& limits) const;
    static QString typeName(Type type);

    bool operator==(const Reply& other) const;
    bool operator!=(const Reply& other) const { return !(*this == other); }

private:
    friend class ReplyReader;
    explicit Reply(ReplyData* data);
    QSharedDataPointer<ReplyData> d;
};

using Command = QList<QByteArray>;

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::Reply)
