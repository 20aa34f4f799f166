#include "hexformat.h"

namespace vermilion::formats {

namespace {
constexpr qsizetype bytesPerLine = 16;
constexpr char16_t hexDigits[] = u"0123456789abcdef";

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\v' || c == u'\f';
}
} // namespace

QString HexFormat::id() const
{
    return QStringLiteral("hex");
}

QString HexFormat::name() const
{
    return tr("Hex");
}

int HexFormat::detect(QByteArrayView) const
{
    // Every value has a hex dump: the lowest non-zero score makes it the fallback for binary data.
    return 1;
}

DecodedValue HexFormat::decode(const QByteArray& bytes) const
{
    const qsizetype size = bytes.size();
    int offsetWidth = 8;
    while (offsetWidth < 16 && (quint64(size) >> (4 * offsetWidth)) != 0)
        ++offsetWidth;
    // offset, ": ", 16 times "xx ", one more space in the middle, " |", 16 characters, "|\n"
    const qsizetype lineLength = offsetWidth + 2 + bytesPerLine * 3 + 1 + 2 + bytesPerLine + 2;
    const qsizetype lines = (size + bytesPerLine - 1) / bytesPerLine;

    QString text(lines * lineLength, Qt::Uninitialized);
    QChar* out = text.data();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    for (qsizetype line = 0; line < lines; ++line) {
        const qsizetype offset = line * bytesPerLine;
        const qsizetype count = qMin(bytesPerLine, size - offset);
        for (int digit = offsetWidth - 1; digit >= 0; --digit)
            *out++ = QChar(hexDigits[(quint64(offset) >> (4 * digit)) & 0xf]);
        *out++ = QLatin1Char(':');
        *out++ = QLatin1Char(' ');
        for (qsizetype i = 0; i < bytesPerLine; ++i) {
            if (i == bytesPerLine / 2)
                *out++ = QLatin1Char(' ');
            if (i < count) {
                *out++ = QChar(hexDigits[data[offset + i] >> 4]);
                *out++ = QChar(hexDigits[data[offset + i] & 0xf]);
            } else {
                *out++ = QLatin1Char(' ');
                *out++ = QLatin1Char(' ');
            }
            *out++ = QLatin1Char(' ');
        }
        *out++ = QLatin1Char(' ');
        *out++ = QLatin1Char('|');
        for (qsizetype i = 0; i < count; ++i) {
            const unsigned char byte = data[offset + i];
            *out++ = byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte)) : QLatin1Char('.');
        }
        *out++ = QLatin1Char('|');
        *out++ = QLatin1Char('\n');
    }
    Q_ASSERT(out - text.constData() <= text.size());
    text.truncate(out - text.constData()); // the last line may be short

    DecodedValue value;
    value.ok = true;
    value.text = text;
    value.editable = true;
    return value;
}

QByteArray HexFormat::encode(const QString& text, QString* error) const
{
    QByteArray bytes;
    bytes.reserve(text.size() / 3);
    int pending = -1; // the high nibble waiting for its low one
    qsizetype lineNumber = 1;
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        qsizetype dataEnd = lineStart;
        while (dataEnd < lineEnd && text.at(dataEnd) != QLatin1Char('|'))
            ++dataEnd;

        qsizetype i = lineStart;
        while (i < dataEnd && isSpace(text.at(i).unicode()))
            ++i;
        qsizetype digitsEnd = i;
        while (digitsEnd < dataEnd && hexValue(text.at(digitsEnd).unicode()) >= 0)
            ++digitsEnd;
        if (digitsEnd > i && digitsEnd < dataEnd && text.at(digitsEnd) == QLatin1Char(':'))
            i = digitsEnd + 1; // the offset column

        for (; i < dataEnd; ++i) {
            const char16_t c = text.at(i).unicode();
            if (isSpace(c))
                continue;
            const int value = hexValue(c);
            if (value < 0) {
                if (error) {
                    *error = tr("Not saved: “%1” at line %2, column %3 is not a hex digit. Only hex digits are read; "
                                "an offset ending in “:” and the text after “|” are ignored.")
                                 .arg(text.mid(i, text.at(i).isHighSurrogate() ? 2 : 1))
                                 .arg(lineNumber)
                                 .arg(i - lineStart + 1);
                }
                return {};
            }
            if (pending < 0) {
                pending = value;
            } else {
                bytes += char((pending << 4) | value);
                pending = -1;
            }
        }
        lineStart = lineEnd + 1;
        ++lineNumber;
    }
    if (pending >= 0) {
        if (error)
            *error = tr("Not saved: the hex digits are odd in number, so the last byte is incomplete.");
        return {};
    }
    if (error)
        error->clear();
    return bytes;
}

} // namespace vermilion::formats
