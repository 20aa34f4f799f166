#include "reply.h"

#include "replydata_p.h"
#include "util/redistext.h"

#include <QCoreApplication>

namespace vermilion {

namespace {
// Nil replies are common (missing keys, empty pages): share one instance.
ReplyData* sharedNil()
{
    static ReplyData* const nilData = [] {
        auto* data = new ReplyData;
        data->ref.ref(); // never freed
        return data;
    }();
    return nilData;
}
const QByteArray emptyBytes;
const QList<Reply> emptyElements;
} // namespace

Reply::Reply()
    : d(sharedNil())
{
}
Reply::Reply(ReplyData* data)
    : d(data)
{
}
Reply::~Reply() = default;
Reply::Reply(const Reply&) = default;
Reply::Reply(Reply&&) noexcept = default;
Reply& Reply::operator=(const Reply&) = default;
Reply& Reply::operator=(Reply&&) noexcept = default;

Reply Reply::nil()
{
    return {};
}

Reply Reply::status(const QByteArray& text)
{
    auto* data = new ReplyData;
    data->type = Type::Status;
    data->bytes = text;
    return Reply(data);
}

Reply Reply::error(const QByteArray& text, ErrorKind kind)
{
    auto* data = new ReplyData;
    data->type = Type::Error;
    data->errorKind = kind == ErrorKind::None ? ErrorKind::Server : kind;
    data->bytes = text;
    return Reply(data);
}

Reply Reply::integer(qint64 value)
{
    auto* data = new ReplyData;
    data->type = Type::Integer;
    data->integer = value;
    return Reply(data);
}

Reply Reply::string(const QByteArray& bytes)
{
    auto* data = new ReplyData;
    data->type = Type::String;
    data->bytes = bytes;
    return Reply(data);
}

Reply Reply::array(QList<Reply> elements)
{
    auto* data = new ReplyData;
    data->type = Type::Array;
    data->elements = std::move(elements);
    return Reply(data);
}

Reply::Type Reply::type() const
{
    return d->type;
}
const QByteArray& Reply::bytes() const
{
    return d->bytes;
}
qint64 Reply::integerValue() const
{
    return d->integer;
}
const QList<Reply>& Reply::elements() const
{
    if (d->type != Type::Array)
        return emptyElements;
    if (ReplyData::Packed* packed = d->packed.get()) {
        std::call_once(packed->unpackOnce, [packed] {
            packed->unpacked.reserve(packed->strings.size());
            for (qsizetype i = 0; i < packed->strings.size(); ++i)
                packed->unpacked.append(Reply::string(packed->strings.at(i).toByteArray()));
        });
        return packed->unpacked;
    }
    return d->elements;
}

qsizetype Reply::size() const
{
    if (d->type != Type::Array)
        return 0;
    return d->packed ? d->packed->strings.size() : d->elements.size();
}

std::shared_ptr<const PackedStrings> Reply::packedStrings() const
{
    if (d->type != Type::Array || !d->packed)
        return {};
    return std::shared_ptr<const PackedStrings>(d->packed, &d->packed->strings);
}
Reply::ErrorKind Reply::errorKind() const
{
    return d->errorKind;
}

qint64 Reply::toInteger(bool* ok) const
{
    if (d->type == Type::Integer) {
        if (ok)
            *ok = true;
        return d->integer;
    }
    if (d->type == Type::String || d->type == Type::Status)
        return d->bytes.toLongLong(ok);
    if (ok)
        *ok = false;
    return 0;
}

QByteArray Reply::errorCode() const
{
    if (d->type != Type::Error)
        return {};
    const qsizetype space = d->bytes.indexOf(' ');
    return space < 0 ? d->bytes : d->bytes.left(space);
}

QString Reply::errorMessage() const
{
    if (d->type != Type::Error)
        return {};
    // Client-side texts are produced already translated; server texts are shown verbatim
    // (escaped, since an error may echo binary arguments back).
    if (d->errorKind != ErrorKind::Server)
        return QString::fromUtf8(d->bytes);
    return RedisText::escape(d->bytes, RedisText::Quoting::None);
}

QString Reply::typeName(Type type)
{
    switch (type) {
    case Type::Nil:
        return QCoreApplication::translate("Reply", "nil");
    case Type::Status:
        return QCoreApplication::translate("Reply", "status");
    case Type::Error:
        return QCoreApplication::translate("Reply", "error");
    case Type::Integer:
        return QCoreApplication::translate("Reply", "integer");
    case Type::String:
        return QCoreApplication::translate("Reply", "string");
    case Type::Array:
        return QCoreApplication::translate("Reply", "array");
    }
    return {};
}

namespace {
QString escapedLimited(const QByteArray& bytes, RedisText::Quoting quoting, qsizetype limit)
{
    if (limit < 0 || bytes.size() <= limit)
        return RedisText::escape(bytes, quoting);
    return RedisText::escape(bytes.left(limit), quoting)
        + QCoreApplication::translate("Reply", "... (%n more bytes not shown)", nullptr, int(bytes.size() - limit));
}

void appendDisplay(QString& out, const Reply& reply, int indent, const Reply::DisplayLimits& limits)
{
    switch (reply.type()) {
    case Reply::Type::Nil:
        out += QStringLiteral("(nil)");
        break;
    case Reply::Type::Status:
        out += escapedLimited(reply.bytes(), RedisText::Quoting::None, limits.maxStringBytes);
        break;
    case Reply::Type::Error:
        out += QStringLiteral("(error) ") + reply.errorMessage();
        break;
    case Reply::Type::Integer:
        out += QStringLiteral("(integer) ") + QString::number(reply.integerValue());
        break;
    case Reply::Type::String:
        out += escapedLimited(reply.bytes(), RedisText::Quoting::Always, limits.maxStringBytes);
        break;
    case Reply::Type::Array: {
        if (reply.size() == 0) {
            out += QStringLiteral("(empty array)");
            break;
        }
        const qsizetype shown = limits.maxElements < 0 ? reply.size() : qMin(reply.size(), limits.maxElements);
        const int width = int(QString::number(shown).size());
        for (qsizetype i = 0; i < shown; ++i) {
            if (i > 0)
                out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            const QString number = QString::number(i + 1).rightJustified(width) + QStringLiteral(") ");
            out += number;
            appendDisplay(out, reply.at(i), indent + int(number.size()), limits);
        }
        if (shown < reply.size())
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '))
                + QCoreApplication::translate(
                    "Reply", "... (%n more elements not shown)", nullptr, int(reply.size() - shown));
        break;
    }
    }
}
void appendRaw(QString& out, const Reply& reply, const Reply::DisplayLimits& limits)
{
    switch (reply.type()) {
    case Reply::Type::Nil:
        break;
    case Reply::Type::Error:
        out += reply.errorMessage();
        break;
    case Reply::Type::Integer:
        out += QString::number(reply.integerValue());
        break;
    case Reply::Type::Status:
    case Reply::Type::String: {
        const QByteArray& bytes = reply.bytes();
        if (limits.maxStringBytes >= 0 && bytes.size() > limits.maxStringBytes) {
            out += QString::fromUtf8(bytes.left(limits.maxStringBytes));
            out += QCoreApplication::translate("Reply", "... (%n more bytes not shown)", nullptr,
                                               int(bytes.size() - limits.maxStringBytes));
        } else {
            out += QString::fromUtf8(bytes);
        }
        break;
    }
    case Reply::Type::Array: {
        const qsizetype shown = limits.maxElements < 0 ? reply.size() : qMin(reply.size(), limits.maxElements);
        for (qsizetype i = 0; i < shown; ++i) {
            if (i > 0)
                out += QLatin1Char('\n');
            appendRaw(out, reply.at(i), limits);
        }
        if (shown < reply.size())
            out += QLatin1Char('\n')
                + QCoreApplication::translate("Reply", "... (%n more elements not shown)", nullptr, int(reply.size() - shown));
        break;
    }
    }
}
} // namespace

QString Reply::toRawString(const DisplayLimits& limits) const
{
    QString out;
    appendRaw(out, *this, limits);
    return out;
}

QString Reply::toDisplayString(const DisplayLimits& limits) const
{
    QString out;
    appendDisplay(out, *this, 0, limits);
    return out;
}

bool Reply::operator==(const Reply& other) const
{
    if (d == other.d)
        return true;
    if (d->type != other.d->type)
        return false;
    switch (d->type) {
    case Type::Nil:
        return true;
    case Type::Integer:
        return d->integer == other.d->integer;
    case Type::Error:
        return d->errorKind == other.d->errorKind && d->bytes == other.d->bytes;
    case Type::Status:
    case Type::String:
        return d->bytes == other.d->bytes;
    case Type::Array:
        return elements() == other.elements();
    }
    return false;
}

} // namespace vermilion
