#include "msgpackformat.h"

#include "formatsupport.h"
#include "util/redistext.h"

#include <QDateTime>
#include <charconv>
#include <cmath>
#include <cstring>

namespace vermilion::formats {

namespace {
constexpr int maxDepth = 64;
constexpr int indentWidth = 4; // as QJsonDocument::Indented, so both views look alike
// The rendering grows faster than the input (indentation, escapes, digits): bounded separately.
constexpr qsizetype maxRenderedSize = FormatSupport::maxDecodedSize;
constexpr qint8 timestampExtension = -1;

// Reads one value at a time from untrusted bytes; renders it when given somewhere to write.
// Every declared length is checked against what remains before it is used, nesting is bounded,
// and each element consumes at least one byte, so time and memory stay linear in the input.
class Reader {
public:
    Reader(QByteArrayView data, QString* out)
        : m_data(data)
        , m_out(out)
    {
    }

    bool readValue(int depth, int indent, bool compact);
    qsizetype position() const { return m_position; }
    const QString& error() const { return m_error; }
    bool fail(const QString& error)
    {
        if (m_error.isEmpty())
            m_error = error;
        return false;
    }

private:
    qsizetype remaining() const { return m_data.size() - m_position; }
    bool take(qsizetype count, quint64* value);
    bool takeBytes(qsizetype count, QByteArrayView* bytes, qsizetype declaredAt);
    bool readContainer(bool isMap, quint64 count, qsizetype at, int depth, int indent, bool compact);
    bool readExtension(qint8 type, QByteArrayView data);
    bool write(QStringView text);
    bool writeNewline(int indent);
    bool writeDouble(double value, bool single);

    QByteArrayView m_data;
    QString* m_out;
    qsizetype m_position = 0;
    QString m_error;
};

bool Reader::write(QStringView text)
{
    if (!m_out)
        return true;
    if (m_out->size() + text.size() > maxRenderedSize)
        return fail(MsgPackFormat::tr("The MessagePack value is too large to show as text (over 64 MiB)."));
    m_out->append(text);
    return true;
}

bool Reader::writeNewline(int indent)
{
    if (!m_out)
        return true;
    if (!write(u"\n"))
        return false;
    return write(QString(qsizetype(indent) * indentWidth, QLatin1Char(' ')));
}

bool Reader::take(qsizetype count, quint64* value)
{
    if (remaining() < count)
        return fail(MsgPackFormat::tr("Truncated MessagePack data at byte %1.").arg(m_data.size()));
    quint64 result = 0;
    for (qsizetype i = 0; i < count; ++i)
        result = (result << 8) | uchar(m_data.at(m_position + i));
    m_position += count;
    *value = result;
    return true;
}

bool Reader::takeBytes(qsizetype count, QByteArrayView* bytes, qsizetype declaredAt)
{
    if (count > remaining()) {
        return fail(MsgPackFormat::tr("The length %1 declared at byte %2 exceeds the %3 bytes that remain.")
                        .arg(count)
                        .arg(declaredAt)
                        .arg(remaining()));
    }
    *bytes = m_data.sliced(m_position, count);
    m_position += count;
    return true;
}

bool Reader::writeDouble(double value, bool single)
{
    if (!m_out)
        return true;
    if (std::isnan(value))
        return write(u"NaN");
    if (std::isinf(value))
        return write(value > 0 ? u"Infinity" : u"-Infinity");
    char buffer[64];
    // The shortest text that reads back as the same float or double.
    const std::to_chars_result result = single ? std::to_chars(buffer, buffer + sizeof buffer, float(value))
                                               : std::to_chars(buffer, buffer + sizeof buffer, value);
    QString text = QString::fromLatin1(buffer, result.ptr - buffer);
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QLatin1String(".0"); // still reads as a float
    return write(text);
}

bool Reader::readContainer(bool isMap, quint64 count, qsizetype at, int depth, int indent, bool compact)
{
    if (depth >= maxDepth)
        return fail(
            MsgPackFormat::tr("The MessagePack data nests deeper than %1 levels (at byte %2).").arg(maxDepth).arg(at));
    // Every element takes at least one byte: a count the rest cannot hold is a lie, refuted
    // before anything is done with it.
    const quint64 minimumBytes = isMap ? count * 2 : count;
    if (minimumBytes > quint64(remaining())) {
        return fail(MsgPackFormat::tr("The %1 declared at byte %2 has %3 entries, more than the %4 bytes that remain "
                                      "can hold.")
                        .arg(isMap ? MsgPackFormat::tr("map") : MsgPackFormat::tr("array"))
                        .arg(at)
                        .arg(count)
                        .arg(remaining()));
    }
    if (!write(isMap ? u"{" : u"["))
        return false;
    for (quint64 i = 0; i < count; ++i) {
        if (i > 0 && !write(compact ? u", " : u","))
            return false;
        if (!compact && !writeNewline(indent + 1))
            return false;
        if (isMap) {
            // Keys may be of any type; they stay on their line.
            if (!readValue(depth + 1, indent + 1, true) || !write(u": "))
                return false;
        }
        if (!readValue(depth + 1, indent + 1, compact))
            return false;
    }
    if (count > 0 && !compact && !writeNewline(indent))
        return false;
    return write(isMap ? u"}" : u"]");
}

bool Reader::readExtension(qint8 type, QByteArrayView data)
{
    if (!m_out)
        return true;
    if (type == timestampExtension && (data.size() == 4 || data.size() == 8 || data.size() == 12)) {
        quint64 nanoseconds = 0;
        qint64 seconds = 0;
        quint64 raw = 0;
        for (const char c : data.first(qMin<qsizetype>(data.size(), 8)))
            raw = (raw << 8) | uchar(c);
        if (data.size() == 4) {
            seconds = qint64(raw);
        } else if (data.size() == 8) {
            nanoseconds = raw >> 34;
            seconds = qint64(raw & 0x3ffffffffULL);
        } else {
            nanoseconds = raw >> 32;
            quint64 wide = 0;
            for (const char c : data.sliced(4))
                wide = (wide << 8) | uchar(c);
            seconds = qint64(wide);
        }
        // Outside the years 1 to 9999 a calendar date says less than the raw fields.
        constexpr qint64 firstSecond = -62135596800; // 0001-01-01T00:00:00Z
        constexpr qint64 lastSecond = 253402300799; // 9999-12-31T23:59:59Z
        if (nanoseconds < 1000000000 && seconds >= firstSecond && seconds <= lastSecond) {
            const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
            QString iso = time.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
            if (nanoseconds != 0)
                iso += QLatin1Char('.') + QStringLiteral("%1").arg(nanoseconds, 9, 10, QLatin1Char('0'));
            return write(QString(QLatin1String(R"({"$timestamp": ")") + iso + QLatin1String(R"(Z"})")));
        }
        if (nanoseconds < 1000000000) {
            return write(
                QStringLiteral(R"({"$timestamp": {"seconds": %1, "nanoseconds": %2}})").arg(seconds).arg(nanoseconds));
        }
    }
    return write(QString(QStringLiteral(R"({"$ext": %1, "data": b)").arg(int(type))
        + RedisText::escape(data.toByteArray(), RedisText::Quoting::Always) + QLatin1Char('}')));
}

bool Reader::readValue(int depth, int indent, bool compact)
{
    const qsizetype at = m_position;
    if (remaining() < 1)
        return fail(MsgPackFormat::tr("Truncated MessagePack data at byte %1.").arg(m_data.size()));
    const auto type = uchar(m_data.at(m_position++));
    quint64 value = 0;
    QByteArrayView bytes;

    if (type <= 0x7f)
        return !m_out || write(QString::number(type));
    if (type >= 0xe0)
        return !m_out || write(QString::number(qint8(type)));
    if (type <= 0x8f)
        return readContainer(true, type & 0x0f, at, depth, indent, compact);
    if (type <= 0x9f)
        return readContainer(false, type & 0x0f, at, depth, indent, compact);
    if (type <= 0xbf) {
        return takeBytes(type & 0x1f, &bytes, at)
            && (!m_out || write(RedisText::escape(bytes.toByteArray(), RedisText::Quoting::Always)));
    }
    switch (type) {
    case 0xc0:
        return write(u"null");
    case 0xc2:
        return write(u"false");
    case 0xc3:
        return write(u"true");
    case 0xc4: // bin 8, 16, 32
    case 0xc5:
    case 0xc6:
        return take(qsizetype(1) << (type - 0xc4), &value) && takeBytes(qsizetype(value), &bytes, at)
            && (!m_out
                || write(
                    QString(QLatin1Char('b') + RedisText::escape(bytes.toByteArray(), RedisText::Quoting::Always))));
    case 0xc7: // ext 8, 16, 32
    case 0xc8:
    case 0xc9: {
        quint64 extensionType = 0;
        return take(qsizetype(1) << (type - 0xc7), &value) && take(1, &extensionType)
            && takeBytes(qsizetype(value), &bytes, at) && readExtension(qint8(extensionType), bytes);
    }
    case 0xca: {
        if (!take(4, &value))
            return false;
        float single = 0;
        const auto bits = quint32(value);
        std::memcpy(&single, &bits, sizeof single);
        return writeDouble(single, true);
    }
    case 0xcb: {
        if (!take(8, &value))
            return false;
        double number = 0;
        std::memcpy(&number, &value, sizeof number);
        return writeDouble(number, false);
    }
    case 0xcc: // uint 8, 16, 32, 64
    case 0xcd:
    case 0xce:
    case 0xcf:
        return take(qsizetype(1) << (type - 0xcc), &value) && (!m_out || write(QString::number(value)));
    case 0xd0: // int 8, 16, 32, 64: sign-extend from the width read
    case 0xd1:
    case 0xd2:
    case 0xd3: {
        const int width = 8 << (type - 0xd0);
        if (!take(width / 8, &value))
            return false;
        const qint64 number = width == 64 ? qint64(value) : qint64(value << (64 - width)) >> (64 - width);
        return !m_out || write(QString::number(number));
    }
    case 0xd4: // fixext 1, 2, 4, 8, 16
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8: {
        quint64 extensionType = 0;
        return take(1, &extensionType) && takeBytes(qsizetype(1) << (type - 0xd4), &bytes, at)
            && readExtension(qint8(extensionType), bytes);
    }
    case 0xd9: // str 8, 16, 32
    case 0xda:
    case 0xdb:
        return take(qsizetype(1) << (type - 0xd9), &value) && takeBytes(qsizetype(value), &bytes, at)
            && (!m_out || write(RedisText::escape(bytes.toByteArray(), RedisText::Quoting::Always)));
    case 0xdc: // array 16, 32
    case 0xdd:
        return take(type == 0xdc ? 2 : 4, &value) && readContainer(false, value, at, depth, indent, compact);
    case 0xde: // map 16, 32
    case 0xdf:
        return take(type == 0xde ? 2 : 4, &value) && readContainer(true, value, at, depth, indent, compact);
    default: // 0xc1 is never used
        return fail(MsgPackFormat::tr("Byte 0x%1 at offset %2 is not a MessagePack type.")
                        .arg(type, 2, 16, QLatin1Char('0'))
                        .arg(at));
    }
}
} // namespace

QString MsgPackFormat::id() const
{
    return QStringLiteral("msgpack");
}

QString MsgPackFormat::name() const
{
    return tr("MessagePack");
}

int MsgPackFormat::detect(QByteArrayView bytes) const
{
    if (bytes.isEmpty())
        return 0;
    const auto first = uchar(bytes.at(0));
    const bool container = (first >= 0x80 && first <= 0x9f) || (first >= 0xdc && first <= 0xdf);
    if (!container)
        return 0;
    Reader reader(bytes, nullptr);
    if (!reader.readValue(0, 0, false) || reader.position() != bytes.size())
        return 0;
    // An empty map or array (0x80, or 0xdc 00 00...) is too little to tell from other binary data;
    // a non-empty one spends at least one byte on each element after its header.
    const qsizetype header = first <= 0x9f ? 1 : (first == 0xdc || first == 0xde ? 3 : 5);
    return bytes.size() > header ? 30 : 0;
}

DecodedValue MsgPackFormat::decode(const QByteArray& bytes) const
{
    QString text;
    Reader reader(bytes, &text);
    if (!reader.readValue(0, 0, false))
        return FormatSupport::failure(reader.error());
    if (reader.position() != bytes.size())
        return FormatSupport::failure(
            tr("Unexpected bytes after the MessagePack value, at byte %1.").arg(reader.position()));
    DecodedValue value;
    value.ok = true;
    value.text = text;
    value.editable = false;
    value.readOnlyReason = tr("MessagePack is shown read-only: its text form cannot be written back without losing "
                              "types (integer and float widths, str versus bin, extensions).");
    return value;
}

QByteArray MsgPackFormat::encode(const QString&, QString* error) const
{
    if (error)
        *error = tr("MessagePack values cannot be saved from their text form.");
    return {};
}

} // namespace vermilion::formats
