#include "nippyreader.h"

#include <algorithm>
#include <vector>

#include <QDateTime>
#include <QStringList>
#include <charconv>
#include <cmath>
#include <cstring>

namespace vermilion::formats {

namespace {
// Type ids, from taoensso/nippy src/taoensso/nippy/schema.clj (types-spec) and the readers in
// src/taoensso/nippy/io.clj (read-typed), checked there: counts and lengths are read with
// readByte/readShort/readInt, i.e. signed, except the "sm*" forms (str 96, vec 97, set 98, map 99),
// which read-sm-ucount stores as n + Byte/MIN_VALUE. The long-pos/neg forms are
// field - MIN_VALUE (negated for 93-95). Lists (35, 36, 54, 20) and seqs (37, 38, 39, 24) both
// read a signed count and both print as (...). Metadata (25) reads the map first, then the value.
enum Id : int {
    LongZero = 0,
    ByteArrayLarge = 2,
    Nil = 3,
    ByteArraySmall = 7,
    True = 8,
    False = 9,
    Char = 10,
    StringLarge = 13,
    ByteArrayMedium = 15,
    StringMedium = 16,
    VectorEmpty = 17,
    SetEmpty = 18,
    MapEmpty = 19,
    ListLarge = 20,
    VectorLarge = 21,
    SetLarge = 23,
    SeqLarge = 24,
    Metadata = 25,
    MapLarge = 30,
    SetMedium = 32,
    MapMedium = 33,
    StringEmpty = 34,
    ListEmpty = 35,
    ListSmall = 36,
    SeqEmpty = 37,
    SeqSmall = 38,
    SeqMedium = 39,
    Byte = 40,
    Short = 41,
    Integer = 42,
    LongFull = 43,
    ByteArrayEmpty = 53,
    ListMedium = 54,
    DoubleZero = 55,
    SymbolSmall = 56,
    Float = 60,
    Double = 61,
    VectorMedium = 69,
    KeywordMedium = 85,
    SymbolMedium = 86,
    LongPositiveSmall = 87,
    LongPositiveMedium = 88,
    LongPositiveLarge = 89,
    Date = 90,
    Uuid = 91,
    LongNegativeSmall = 93,
    LongNegativeMedium = 94,
    LongNegativeLarge = 95,
    StringSmall = 96,
    VectorSmall = 97,
    SetSmall = 98,
    MapSmall = 99,
    UnpackedLongSmall = 100,
    UnpackedLongMedium = 101,
    UnpackedLongLarge = 102,
    UnpackedStringSmall = 105,
    KeywordSmall = 106,
    UnpackedVectorSmall = 110,
    UnpackedSetSmall = 111,
    UnpackedMapSmall = 112,
    VectorTwo = 113,
    VectorThree = 114,
    // Read from taoensso/nippy v3.8.1: the ids from src/taoensso/nippy/schema.clj (lines 94, 97, 112-114,
    // 133, 145-158, 179-180, 218-219, 225-226), how each payload is read from io.clj's read-typed (lines 947-953,
    // 1008, 1015, 1038-1040, 1069-1088; read-biginteger at 705) and written (lines 397-410, 452-454,
    // 493); the same in v3.6.1's nippy.clj (lines 1373, 1559, 1625, 1678-1695), Carmine's pin.
    KeywordLargeDeprecated = 14, // kw-lg_: 4-byte length, retired in v3.0.0
    QueueLarge = 26, // read-into PersistentQueue/EMPTY, 4-byte count
    SortedSetLarge = 28,
    SortedMapLarge = 31, // 4-byte count of entries
    BigInt = 44, // clojure.lang.BigInt: read-biginteger
    BigInteger = 45, // java.math.BigInteger: 4-byte length, two's-complement big-endian bytes
    ReaderSmall = 47, // a string the Clojure reader reads: 1-byte length
    RecordSmall = 48, // class name (1-byte length), then the record's map as a typed value
    RecordMedium = 49, // class name with a 2-byte length
    ReaderMedium = 51,
    ReaderLarge = 52,
    SymbolLargeDeprecated = 57, // sym-lg_: 4-byte length, retired in v3.0.0
    Regex = 58, // a typed string: the pattern
    BigDecimal = 62, // read-biginteger (the unscaled value), then a 4-byte scale
    Ratio = 70, // numerator, then denominator, each read-biginteger
    Uri = 71, // a typed string
    KeywordMediumDeprecated = 77, // kw-md_: a 4-byte length by mistake (Nippy #138), v3.1.1
    SymbolMediumDeprecated = 78, // sym-md_: the same
    Instant = 79, // java.time.Instant: 8-byte epoch seconds, 4-byte nanos
    SqlDate = 92, // java.sql.Date: 8-byte epoch milliseconds, like java.util.Date
    MapEntry = 103, // key, then value
    // Nippy v3.9.0-beta1 (io.clj:384 write-cached-ref, io.clj:505 write-auto-cached-kw,
    // io.clj:1305-1314 the ids read; impl.clj:693 read-cached): freeze caches a
    // keyword from its second use on. Indexes 0-7 have ids of their own; then a 1-byte and a
    // 2-byte index.
    Cached0 = 59,
    Cached1 = 63,
    Cached2 = 64,
    Cached3 = 65,
    Cached4 = 66,
    CachedSmall = 67,
    CachedMedium = 68,
    Cached5 = 72,
    Cached6 = 73,
    Cached7 = 74,
    SharedDictionary = 124, // v3.9.0: references into a dictionary the application supplies
};

// A map's value goes beside its key only when the key is short: a long key would push every
// following line far to the right.
constexpr qsizetype maxKeyIndent = 32;

QString spaces(qsizetype count)
{
    return QString(count, QLatin1Char(' '));
}

QString hex4(char16_t unit)
{
    return QStringLiteral("\\u%1").arg(uint(unit), 4, 16, QLatin1Char('0'));
}

bool isControl(char16_t unit)
{
    return unit < 0x20 || (unit >= 0x7f && unit <= 0x9f);
}

// EDN has the escapes of Clojure strings; \u covers the controls that have no short form.
QString ednString(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\b':
            out += QLatin1String("\\b");
            break;
        case u'\f':
            out += QLatin1String("\\f");
            break;
        default:
            if (isControl(c.unicode()))
                out += hex4(c.unicode());
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

// A Java char is one UTF-16 unit: a lone surrogate is possible and only \uXXXX can show it.
QString ednChar(char16_t unit)
{
    switch (unit) {
    case u'\n':
        return QStringLiteral("\\newline");
    case u' ':
        return QStringLiteral("\\space");
    case u'\t':
        return QStringLiteral("\\tab");
    case u'\r':
        return QStringLiteral("\\return");
    case u'\b':
        return QStringLiteral("\\backspace");
    case u'\f':
        return QStringLiteral("\\formfeed");
    default:
        break;
    }
    if (isControl(unit) || QChar::isSurrogate(unit) || unit == 0xfeff)
        return hex4(unit);
    return QLatin1Char('\\') + QString(QChar(unit));
}

QString ednFloat(double value, bool single)
{
    // Clojure 1.9 and later print and read these symbolic values.
    if (std::isnan(value))
        return QStringLiteral("##NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("##Inf") : QStringLiteral("##-Inf");
    char buffer[64];
    // The shortest text that reads back as the same float or double.
    const std::to_chars_result result = single ? std::to_chars(buffer, buffer + sizeof buffer, float(value))
                                               : std::to_chars(buffer, buffer + sizeof buffer, value);
    QString text = QString::fromLatin1(buffer, result.ptr - buffer);
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QLatin1String(".0"); // still reads as a floating-point number
    return text;
}

QString hexBytes(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

// java.math.BigInteger(byte[]) in decimal: two's-complement, big-endian, as many bytes as written.
QString bigIntegerText(QByteArrayView bytes)
{
    const bool negative = !bytes.isEmpty() && (uchar(bytes.at(0)) & 0x80);
    // The magnitude as 32-bit limbs, most significant first.
    QByteArray magnitude = bytes.toByteArray();
    if (negative) {
        // Two's complement: invert and add one.
        for (char& byte : magnitude)
            byte = char(~uchar(byte));
        for (qsizetype i = magnitude.size() - 1; i >= 0; --i) {
            magnitude[i] = char(uchar(magnitude.at(i)) + 1);
            if (magnitude.at(i) != 0)
                break;
        }
    }
    std::vector<quint32> limbs;
    const qsizetype lead = magnitude.size() % 4;
    for (qsizetype i = 0; i < magnitude.size();) {
        const qsizetype width = limbs.empty() && lead != 0 ? lead : 4;
        quint32 limb = 0;
        for (qsizetype k = 0; k < width; ++k)
            limb = (limb << 8) | uchar(magnitude.at(i + k));
        limbs.push_back(limb);
        i += width;
    }
    // Repeated division by 10^9, nine digits at a time.
    QString digits;
    auto isZero = [&] { return std::all_of(limbs.begin(), limbs.end(), [](quint32 limb) { return limb == 0; }); };
    while (!isZero()) {
        quint64 remainder = 0;
        for (quint32& limb : limbs) {
            const quint64 value = (remainder << 32) | limb;
            limb = quint32(value / 1000000000u);
            remainder = value % 1000000000u;
        }
        QString chunk = QString::number(remainder);
        if (!isZero())
            chunk = QString(9 - chunk.size(), QLatin1Char('0')) + chunk;
        digits.prepend(chunk);
    }
    if (digits.isEmpty())
        digits = QStringLiteral("0");
    return negative ? QLatin1Char('-') + digits : digits;
}

// java.math.BigDecimal.toString(): plain notation while the exponent is at least -6 and the
// scale not negative, scientific otherwise ("1.5E+3", "1E-7").
QString bigDecimalText(const QString& unscaled, qint64 scale)
{
    if (scale == 0)
        return unscaled;
    const bool negative = unscaled.startsWith(QLatin1Char('-'));
    const QString coefficient = negative ? unscaled.mid(1) : unscaled;
    const qint64 adjusted = -scale + (coefficient.size() - 1);
    QString text;
    if (scale > 0 && adjusted >= -6) {
        const qint64 pad = scale - coefficient.size();
        if (pad >= 0)
            text = QStringLiteral("0.") + QString(qsizetype(pad), QLatin1Char('0')) + coefficient;
        else
            text = coefficient.left(coefficient.size() - qsizetype(scale)) + QLatin1Char('.')
                + coefficient.right(qsizetype(scale));
    } else {
        text = coefficient.left(1);
        if (coefficient.size() > 1)
            text += QLatin1Char('.') + coefficient.mid(1);
        if (adjusted != 0)
            text += QLatin1Char('E') + (adjusted > 0 ? QStringLiteral("+") : QString()) + QString::number(adjusted);
    }
    return negative ? QLatin1Char('-') + text : text;
}

// How Clojure prints a java.util.regex.Pattern (core_print.clj): #"..." with a double quote
// escaped, also inside \Q...\E quoting.
QString regexText(const QString& pattern)
{
    QString out = QStringLiteral("#\"");
    bool quoting = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\') && i + 1 < pattern.size()) {
            const QChar next = pattern.at(++i);
            out += c;
            out += next;
            quoting = quoting ? next != QLatin1Char('E') : next == QLatin1Char('Q');
        } else if (c == QLatin1Char('"')) {
            out += quoting ? QStringLiteral("\\E\\\"\\Q") : QStringLiteral("\\\"");
        } else {
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

// java.time.Instant.toString() (ISO_INSTANT): the fraction in groups of three digits as needed.
QString instantText(qint64 seconds, qint64 nanos)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    QString text = time.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    if (nanos != 0) {
        QString fraction = QStringLiteral("%1").arg(nanos, 9, 10, QLatin1Char('0'));
        while (fraction.endsWith(QLatin1String("000")))
            fraction.chop(3);
        text += QLatin1Char('.') + fraction;
    }
    return text + QLatin1Char('Z');
}
} // namespace

NippyReader::NippyReader(QByteArrayView body, qsizetype offsetBase, QString offsetWhere)
    : m_data(body)
    , m_offsetBase(offsetBase)
    , m_offsetWhere(std::move(offsetWhere))
{
}

bool NippyReader::read(QString* edn)
{
    Rendered value;
    if (!readValue(0, 0, &value))
        return false;
    *edn = std::move(value.text);
    return true;
}

QString NippyReader::offsetText(qsizetype at) const
{
    const QString offset = QString::number(m_offsetBase + at);
    return m_offsetWhere.isEmpty() ? offset : offset + QLatin1Char(' ') + m_offsetWhere;
}

bool NippyReader::fail(const QString& error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

bool NippyReader::truncated()
{
    return fail(
        tr("Truncated Nippy data: it ends at offset %1 in the middle of a value.").arg(offsetText(m_data.size())));
}

bool NippyReader::checkSize(qsizetype size)
{
    if (size > maxTextSize)
        return fail(tr("The Nippy value is too large to show as text (over 16 MiB)."));
    return true;
}

bool NippyReader::leaf(QString text, Rendered* out)
{
    m_leafSize += text.size();
    if (!checkSize(m_leafSize))
        return false;
    out->text = std::move(text);
    out->multiLine = false;
    return true;
}

bool NippyReader::readSigned(int width, qint64* value)
{
    if (m_data.size() - m_position < width)
        return truncated();
    quint64 raw = 0;
    for (int i = 0; i < width; ++i)
        raw = (raw << 8) | uchar(m_data.at(m_position + i));
    m_position += width;
    // Sign-extend from the width read.
    *value = width == 8 ? qint64(raw) : qint64(raw << (64 - 8 * width)) >> (64 - 8 * width);
    return true;
}

bool NippyReader::readCount(Count kind, qint64* count)
{
    const qsizetype at = m_position;
    qint64 value = 0;
    switch (kind) {
    case Count::Unsigned8Plus128:
        if (!readSigned(1, &value))
            return false;
        *count = value + 128;
        return true;
    case Count::Signed8:
        if (!readSigned(1, &value))
            return false;
        break;
    case Count::Signed16:
        if (!readSigned(2, &value))
            return false;
        break;
    case Count::Signed32:
        if (!readSigned(4, &value))
            return false;
        break;
    }
    if (value < 0)
        return fail(tr("Negative length %1 at offset %2 in the Nippy data.").arg(value).arg(offsetText(at)));
    *count = value;
    return true;
}

bool NippyReader::checkCount(qint64 count, qint64 bytesPerElement, qsizetype at)
{
    // Every element takes at least one byte: a count the rest cannot hold is refuted before
    // anything is allocated or looped over.
    if (count * bytesPerElement > m_data.size() - m_position) {
        return fail(tr("The length %1 declared at offset %2 exceeds the %3 bytes that remain.")
                        .arg(count)
                        .arg(offsetText(at))
                        .arg(m_data.size() - m_position));
    }
    return true;
}

bool NippyReader::checkNesting(qsizetype at, int depth)
{
    if (depth >= maxDepth)
        return fail(tr("The Nippy data nests deeper than %1 levels (at offset %2).").arg(maxDepth).arg(offsetText(at)));
    return true;
}

bool NippyReader::readText(qint64 length, qsizetype at, QString* text)
{
    if (!checkCount(length, 1, at))
        return false;
    // Java decodes with StandardCharsets/UTF_8, which replaces invalid sequences; so does fromUtf8.
    *text = QString::fromUtf8(m_data.sliced(m_position, qsizetype(length)));
    m_position += qsizetype(length);
    return true;
}

bool NippyReader::readBigInteger(qsizetype at, QString* text)
{
    qint64 length = 0;
    if (!readCount(Count::Signed32, &length) || !checkCount(length, 1, at))
        return false;
    if (length == 0) // Java's BigInteger(byte[0]) throws: Nippy never writes it
        return fail(tr("A BigInteger of no bytes at offset %1 in the Nippy data.").arg(offsetText(at)));
    if (length > maxBigIntegerBytes)
        return fail(tr("A BigInteger of %1 bytes at offset %2 is too big to show (at most %3).")
                        .arg(length)
                        .arg(offsetText(at))
                        .arg(maxBigIntegerBytes));
    *text = bigIntegerText(m_data.sliced(m_position, qsizetype(length)));
    m_position += qsizetype(length);
    return true;
}

bool NippyReader::readTypedString(int depth, QString* text)
{
    const qsizetype at = m_position;
    if (!checkNesting(at, depth))
        return false;
    if (m_position >= m_data.size())
        return truncated();
    const int id = int(qint8(m_data.at(m_position++)));
    qint64 count = 0;
    switch (id) {
    case StringEmpty:
        text->clear();
        return true;
    case StringSmall:
        return readCount(Count::Unsigned8Plus128, &count) && readText(count, at, text);
    case StringMedium:
        return readCount(Count::Signed16, &count) && readText(count, at, text);
    case StringLarge:
        return readCount(Count::Signed32, &count) && readText(count, at, text);
    case UnpackedStringSmall:
        return readCount(Count::Signed8, &count) && readText(count, at, text);
    default:
        return fail(tr("Expected a string at offset %1 in the Nippy data, found type %2.").arg(offsetText(at)).arg(id));
    }
}

bool NippyReader::readSequence(
    const QString& open, const QString& close, qint64 count, qsizetype at, int depth, qsizetype column, Rendered* out)
{
    if (!checkNesting(at, depth) || !checkCount(count, 1, at))
        return false;
    const qsizetype childColumn = column + open.size();
    QStringList items;
    items.reserve(qsizetype(count));
    bool multiLine = false;
    qsizetype size = open.size() + close.size();
    for (qint64 i = 0; i < count; ++i) {
        Rendered item;
        if (!readValue(depth + 1, childColumn, &item))
            return false;
        multiLine = multiLine || item.multiLine;
        size += item.text.size() + 1;
        items.append(std::move(item.text));
    }
    multiLine = multiLine || size > oneLineWidth;
    if (multiLine)
        size += count * childColumn;
    if (!checkSize(size))
        return false;
    const QString separator = multiLine ? QLatin1Char('\n') + spaces(childColumn) : QStringLiteral(" ");
    out->text = open + items.join(separator) + close;
    out->multiLine = multiLine;
    return true;
}

bool NippyReader::readMap(qint64 entries, qsizetype at, int depth, qsizetype column, Rendered* out)
{
    if (!checkNesting(at, depth) || !checkCount(entries, 2, at))
        return false;
    const qsizetype childColumn = column + 1;
    QStringList items;
    items.reserve(qsizetype(entries));
    bool multiLine = false;
    qsizetype size = 2;
    for (qint64 i = 0; i < entries; ++i) {
        Rendered key;
        if (!readValue(depth + 1, childColumn, &key))
            return false;
        // The value follows its key on the same line unless the key is long or spans lines; then
        // it starts a line of its own, one column further in.
        const bool besideKey = !key.multiLine && key.text.size() <= maxKeyIndent;
        const qsizetype valueColumn = besideKey ? childColumn + key.text.size() + 1 : childColumn + 1;
        Rendered value;
        if (!readValue(depth + 1, valueColumn, &value))
            return false;
        const QString gap = besideKey ? QStringLiteral(" ") : QLatin1Char('\n') + spaces(valueColumn);
        QString entry = key.text + gap + value.text;
        multiLine = multiLine || !besideKey || value.multiLine;
        size += entry.size() + 2;
        if (!checkSize(size))
            return false;
        items.append(std::move(entry));
    }
    multiLine = multiLine || size > oneLineWidth;
    if (multiLine)
        size += entries * childColumn;
    if (!checkSize(size))
        return false;
    // Commas between entries, as Clojure prints maps; they are whitespace to an EDN reader.
    const QString separator = multiLine ? QStringLiteral(",\n") + spaces(childColumn) : QStringLiteral(", ");
    out->text = QLatin1Char('{') + items.join(separator) + QLatin1Char('}');
    out->multiLine = multiLine;
    return true;
}

bool NippyReader::readMetadata(qsizetype at, int depth, qsizetype column, Rendered* out)
{
    if (!checkNesting(at, depth))
        return false;
    Rendered metadata;
    if (!readValue(depth + 1, column + 1, &metadata))
        return false;
    const bool besideMetadata = !metadata.multiLine;
    const qsizetype valueColumn = besideMetadata ? column + 1 + metadata.text.size() + 1 : column;
    Rendered value;
    if (!readValue(depth + 1, valueColumn, &value))
        return false;
    const QString separator = besideMetadata ? QStringLiteral(" ") : QLatin1Char('\n') + spaces(column);
    if (!checkSize(metadata.text.size() + value.text.size() + separator.size() + 1))
        return false;
    out->text = QLatin1Char('^') + metadata.text + separator + value.text;
    out->multiLine = metadata.multiLine || value.multiLine;
    return true;
}

bool NippyReader::readCached(qint64 index, qsizetype at, int depth, qsizetype column, Rendered* out)
{
    const auto known = qint64(m_cached.size());
    if (index < known) {
        if (m_cachePending[size_t(index)])
            return fail(tr("A cached reference at offset %1 points into the value it belongs to: the data is "
                           "corrupt.")
                            .arg(offsetText(at)));
        return leaf(m_cached[size_t(index)], out);
    }
    if (index != known) {
        // First references arrive in index order; a jump means the cache was filled outside this
        // value (nippy/with-cache around several freezes), which this value alone cannot resolve.
        return fail(tr("A cached reference to entry %1 at offset %2, but only %3 values were cached before it: the "
                       "value was frozen in a cache session that began before it.")
                        .arg(index)
                        .arg(offsetText(at))
                        .arg(known));
    }
    if (!checkNesting(at, depth))
        return false;
    m_cached.emplace_back();
    m_cachePending.push_back(true);
    Rendered value;
    if (!readValue(depth + 1, column, &value))
        return false;
    m_cached[size_t(index)] = value.text;
    m_cachePending[size_t(index)] = false;
    *out = std::move(value);
    return true;
}

bool NippyReader::readValue(int depth, qsizetype column, Rendered* out)
{
    const qsizetype at = m_position;
    if (m_position >= m_data.size())
        return truncated();
    const auto id = int(qint8(m_data.at(m_position++)));
    qint64 number = 0;
    qint64 count = 0;
    QString text;

    switch (id) {
    case Nil:
        return leaf(QStringLiteral("nil"), out);
    case True:
        return leaf(QStringLiteral("true"), out);
    case False:
        return leaf(QStringLiteral("false"), out);
    case Char:
        return readSigned(2, &number) && leaf(ednChar(char16_t(quint16(number))), out);
    case Byte:
        return readSigned(1, &number) && leaf(QString::number(number), out);
    case Short:
    case UnpackedLongMedium:
        return readSigned(2, &number) && leaf(QString::number(number), out);
    case Integer:
    case UnpackedLongLarge:
        return readSigned(4, &number) && leaf(QString::number(number), out);
    case UnpackedLongSmall:
        return readSigned(1, &number) && leaf(QString::number(number), out);
    case LongZero:
        return leaf(QStringLiteral("0"), out);
    case LongFull:
        return readSigned(8, &number) && leaf(QString::number(number), out);
    case LongPositiveSmall:
    case LongPositiveMedium:
    case LongPositiveLarge:
    case LongNegativeSmall:
    case LongNegativeMedium:
    case LongNegativeLarge: {
        const bool positive = id <= LongPositiveLarge;
        const int width = 1 << (id - (positive ? LongPositiveSmall : LongNegativeSmall));
        if (!readSigned(width, &number))
            return false;
        const qint64 magnitude = number + (qint64(1) << (8 * width - 1)); // field - MIN_VALUE
        return leaf(QString::number(positive ? magnitude : -magnitude), out);
    }
    case DoubleZero:
        return leaf(QStringLiteral("0.0"), out);
    case Double: {
        if (!readSigned(8, &number))
            return false;
        double value = 0;
        std::memcpy(&value, &number, sizeof value);
        return leaf(ednFloat(value, false), out);
    }
    case Float: {
        if (!readSigned(4, &number))
            return false;
        float value = 0;
        const auto bits = quint32(number);
        std::memcpy(&value, &bits, sizeof value);
        return leaf(ednFloat(value, true), out);
    }
    case StringEmpty:
        return leaf(QStringLiteral("\"\""), out);
    case StringSmall:
    case StringMedium:
    case StringLarge:
    case UnpackedStringSmall: {
        const Count kind = id == StringSmall ? Count::Unsigned8Plus128
            : id == StringMedium             ? Count::Signed16
            : id == StringLarge              ? Count::Signed32
                                             : Count::Signed8;
        return readCount(kind, &count) && readText(count, at, &text) && leaf(ednString(text), out);
    }
    case KeywordSmall:
    case KeywordMedium:
        // Nippy stores "ns/name" as one string.
        return readCount(id == KeywordSmall ? Count::Signed8 : Count::Signed16, &count) && readText(count, at, &text)
            && leaf(QLatin1Char(':') + text, out);
    case SymbolSmall:
    case SymbolMedium:
        // An empty symbol has no EDN spelling of its own; the tag keeps the value from vanishing.
        return readCount(id == SymbolSmall ? Count::Signed8 : Count::Signed16, &count) && readText(count, at, &text)
            && leaf(text.isEmpty() ? QStringLiteral("#nippy/symbol \"\"") : text, out);
    case VectorEmpty:
        return leaf(QStringLiteral("[]"), out);
    case VectorTwo:
    case VectorThree:
        return readSequence(QStringLiteral("["), QStringLiteral("]"), id == VectorTwo ? 2 : 3, at, depth, column, out);
    case VectorSmall:
    case VectorMedium:
    case VectorLarge:
    case UnpackedVectorSmall: {
        const Count kind = id == VectorSmall ? Count::Unsigned8Plus128
            : id == VectorMedium             ? Count::Signed16
            : id == VectorLarge              ? Count::Signed32
                                             : Count::Signed8;
        return readCount(kind, &count)
            && readSequence(QStringLiteral("["), QStringLiteral("]"), count, at, depth, column, out);
    }
    case SetEmpty:
        return leaf(QStringLiteral("#{}"), out);
    case SetSmall:
    case SetMedium:
    case SetLarge:
    case UnpackedSetSmall: {
        const Count kind = id == SetSmall ? Count::Unsigned8Plus128
            : id == SetMedium             ? Count::Signed16
            : id == SetLarge              ? Count::Signed32
                                          : Count::Signed8;
        return readCount(kind, &count)
            && readSequence(QStringLiteral("#{"), QStringLiteral("}"), count, at, depth, column, out);
    }
    case MapEmpty:
        return leaf(QStringLiteral("{}"), out);
    case MapSmall:
    case MapMedium:
    case MapLarge:
    case UnpackedMapSmall: {
        const Count kind = id == MapSmall ? Count::Unsigned8Plus128
            : id == MapMedium             ? Count::Signed16
            : id == MapLarge              ? Count::Signed32
                                          : Count::Signed8;
        return readCount(kind, &count) && readMap(count, at, depth, column, out);
    }
    case ListEmpty:
    case SeqEmpty:
        return leaf(QStringLiteral("()"), out);
    case ListSmall:
    case ListMedium:
    case ListLarge:
    case SeqSmall:
    case SeqMedium:
    case SeqLarge: {
        const Count kind = (id == ListSmall || id == SeqSmall) ? Count::Signed8
            : (id == ListMedium || id == SeqMedium)            ? Count::Signed16
                                                               : Count::Signed32;
        return readCount(kind, &count)
            && readSequence(QStringLiteral("("), QStringLiteral(")"), count, at, depth, column, out);
    }
    case Uuid: {
        if (m_data.size() - m_position < 16)
            return truncated();
        const QString hex = hexBytes(m_data.sliced(m_position, 16));
        m_position += 16;
        return leaf(QStringLiteral("#uuid \"%1-%2-%3-%4-%5\"")
                        .arg(hex.mid(0, 8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20, 12)),
            out);
    }
    case SqlDate: // a java.util.Date: Clojure prints both as #inst
    case Date: {
        if (!readSigned(8, &number))
            return false;
        // #inst takes four-digit years only; a java.util.Date outside them is shown by its number.
        constexpr qint64 firstMs = -62135596800000; // 0001-01-01T00:00:00Z
        constexpr qint64 lastMs = 253402300799999; // 9999-12-31T23:59:59.999Z
        if (number < firstMs || number > lastMs)
            return leaf(QStringLiteral("#nippy/date-ms %1").arg(number), out);
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(number, Qt::UTC);
        return leaf(
            QStringLiteral("#inst \"%1-00:00\"").arg(time.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"))), out);
    }
    case ByteArrayEmpty:
        return leaf(QStringLiteral("#bytes \"\""), out);
    case ByteArraySmall:
    case ByteArrayMedium:
    case ByteArrayLarge: {
        const Count kind = id == ByteArraySmall ? Count::Signed8
            : id == ByteArrayMedium             ? Count::Signed16
                                                : Count::Signed32;
        if (!readCount(kind, &count) || !checkCount(count, 1, at) || !checkSize(m_leafSize + 2 * count))
            return false;
        const QByteArrayView bytes = m_data.sliced(m_position, qsizetype(count));
        m_position += qsizetype(count);
        return leaf(QStringLiteral("#bytes \"%1\"").arg(hexBytes(bytes)), out);
    }
    case Metadata:
        return readMetadata(at, depth, column, out);
    case KeywordMediumDeprecated:
    case KeywordLargeDeprecated:
        return readCount(Count::Signed32, &count) && readText(count, at, &text) && leaf(QLatin1Char(':') + text, out);
    case SymbolMediumDeprecated:
    case SymbolLargeDeprecated:
        return readCount(Count::Signed32, &count) && readText(count, at, &text)
            && leaf(text.isEmpty() ? QStringLiteral("#nippy/symbol \"\"") : text, out);
    case ReaderSmall:
    case ReaderMedium:
    case ReaderLarge: {
        // What Nippy froze through the Clojure reader (pr-str): it is EDN already.
        const Count kind = id == ReaderSmall ? Count::Signed8 : id == ReaderMedium ? Count::Signed16 : Count::Signed32;
        if (!readCount(kind, &count) || !readText(count, at, &text))
            return false;
        // Reading text with nothing in it gives nil (clojure.edn/read-string "").
        return leaf(text.trimmed().isEmpty() ? QStringLiteral("nil") : text, out);
    }
    case BigInt:
    case BigInteger:
        // Clojure prints a BigInt with N, a java.math.BigInteger as a plain number.
        return readBigInteger(at, &text) && leaf(id == BigInt ? text + QLatin1Char('N') : text, out);
    case BigDecimal: {
        if (!readBigInteger(at, &text) || !readSigned(4, &number))
            return false;
        return leaf(bigDecimalText(text, number) + QLatin1Char('M'), out);
    }
    case Ratio: {
        QString denominator;
        if (!readBigInteger(at, &text) || !readBigInteger(at, &denominator))
            return false;
        return leaf(text + QLatin1Char('/') + denominator, out);
    }
    case Instant: {
        qint64 nanos = 0;
        if (!readSigned(8, &number) || !readSigned(4, &nanos))
            return false;
        // Clojure prints an Instant as #object[java.time.Instant 0x<identity hash> "<ISO-8601>"]; the
        // identity hash means nothing outside that JVM, so it is left out.
        constexpr qint64 firstSecond = -62135596800; // 0001-01-01T00:00:00Z
        constexpr qint64 lastSecond = 253402300799; // 9999-12-31T23:59:59Z
        if (number < firstSecond || number > lastSecond || nanos < 0 || nanos > 999999999)
            return leaf(QStringLiteral("#object[java.time.Instant {:epoch-second %1, :nano %2}]").arg(number).arg(nanos),
                out);
        return leaf(QStringLiteral("#object[java.time.Instant \"%1\"]").arg(instantText(number, nanos)), out);
    }
    case Regex:
        return readTypedString(depth, &text) && leaf(regexText(text), out);
    case Uri:
        // #object[java.net.URI 0x<hash> "..."], as for an Instant.
        return readTypedString(depth, &text) && leaf(QStringLiteral("#object[java.net.URI %1]").arg(ednString(text)), out);
    case Cached0:
        return readCached(0, at, depth, column, out);
    case Cached1:
    case Cached2:
    case Cached3:
    case Cached4:
        return readCached(id - Cached1 + 1, at, depth, column, out);
    case Cached5:
    case Cached6:
    case Cached7:
        return readCached(id - Cached5 + 5, at, depth, column, out);
    case CachedSmall:
    case CachedMedium:
        return readCount(id == CachedSmall ? Count::Signed8 : Count::Signed16, &count)
            && readCached(count, at, depth, column, out);
    case SharedDictionary:
        return fail(tr("The Nippy value at offset %1 refers to a shared dictionary (Nippy 3.9 shared-dict), which "
                       "only the application that froze it holds.")
                        .arg(offsetText(at)));
    case MapEntry:
        return readSequence(QStringLiteral("["), QStringLiteral("]"), 2, at, depth, column, out);
    case SortedSetLarge:
        return readCount(Count::Signed32, &count)
            && readSequence(QStringLiteral("#{"), QStringLiteral("}"), count, at, depth, column, out);
    case SortedMapLarge:
        return readCount(Count::Signed32, &count) && readMap(count, at, depth, column, out);
    case QueueLarge:
        // clojure.core prints a PersistentQueue as an #object; clojure.pprint shows its elements
        // as <-(a b c)-<, which is what a user wants to see.
        return readCount(Count::Signed32, &count)
            && readSequence(QStringLiteral("<-("), QStringLiteral(")-<"), count, at, depth, column, out);
    case RecordSmall:
    case RecordMedium: {
        // Clojure prints a record as #my.ns.Rec{:field value, ...}.
        if (!readCount(id == RecordSmall ? Count::Signed8 : Count::Signed16, &count) || !readText(count, at, &text))
            return false;
        if (!checkNesting(at, depth))
            return false;
        const QString tag = QLatin1Char('#') + text;
        Rendered fields;
        if (!readValue(depth + 1, column + tag.size(), &fields))
            return false;
        out->text = tag + fields.text;
        out->multiLine = fields.multiLine;
        return checkSize(m_leafSize + out->text.size());
    }
    default:
        // Custom and deftypes, Serializable objects, arrays of numbers, Duration and Period...:
        // their payload cannot be skipped safely or shown faithfully, so reading stops here.
        return fail(tr("Unsupported Nippy type %1 at offset %2 (#nippy/unsupported %1): Vermilion shows only "
                       "Clojure's core data types.")
                        .arg(id)
                        .arg(offsetText(at)));
    }
}

} // namespace vermilion::formats
