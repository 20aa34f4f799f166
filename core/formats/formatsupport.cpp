#include "formatsupport.h"

#include "util/redistext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringDecoder>
#include <algorithm>

namespace vermilion::formats::FormatSupport {

namespace {
// Offset of the first byte that is invalid UTF-8 or, with rejectControls, a control character
// (C0 other than \t \n \r, DEL, C1); -1 when there is none.
qsizetype scan(QByteArrayView bytes, bool allowCutAtEnd, bool rejectControls)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            if (rejectControls && ((lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') || lead == 0x7f))
                return i;
            ++i;
            continue;
        }
        // Bounds of the second byte, which is where overlong forms, surrogates and code points
        // above U+10FFFF show.
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
            if (rejectControls && lead == 0xc2)
                low = 0xa0; // U+0080..U+009F are the C1 controls
        } else if (lead == 0xe0) {
            length = 3;
            low = 0xa0;
        } else if (lead == 0xed) {
            length = 3;
            high = 0x9f;
        } else if (lead >= 0xe1 && lead <= 0xef) {
            length = 3;
        } else if (lead == 0xf0) {
            length = 4;
            low = 0x90;
        } else if (lead == 0xf4) {
            length = 4;
            high = 0x8f;
        } else if (lead >= 0xf1 && lead <= 0xf3) {
            length = 4;
        } else {
            return i;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= size)
                return allowCutAtEnd ? -1 : i;
            const unsigned char next = data[i + k];
            if (k == 1 ? (next < low || next > high) : (next & 0xc0) != 0x80)
                return i;
        }
        i += length;
    }
    return -1;
}

QString translate(const char* text)
{
    return QCoreApplication::translate("ValueFormat", text);
}
} // namespace

qsizetype firstInvalidUtf8(QByteArrayView bytes, bool allowCutAtEnd)
{
    return scan(bytes, allowCutAtEnd, false);
}

bool isPlainText(QByteArrayView bytes, bool allowCutAtEnd)
{
    return scan(bytes, allowCutAtEnd, true) < 0;
}

QString fromUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

QString payloadToText(const QByteArray& payload)
{
    if (firstInvalidUtf8(payload) >= 0)
        return RedisText::escape(payload, RedisText::Quoting::None);
    QString text = fromUtf8(payload);
    const auto needsEscape = [](QChar c) {
        const char16_t u = c.unicode();
        return u == u'\\' || u == 0x7f || (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r');
    };
    if (std::none_of(text.cbegin(), text.cend(), needsEscape))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (!needsEscape(c)) {
            out += c;
        } else if (c == QLatin1Char('\\')) {
            out += QLatin1String("\\\\");
        } else {
            constexpr char digits[] = "0123456789abcdef";
            out += QLatin1String("\\x");
            out += QLatin1Char(digits[c.unicode() >> 4]);
            out += QLatin1Char(digits[c.unicode() & 0xf]);
        }
    }
    return out;
}

QByteArray payloadFromText(const QString& text)
{
    return RedisText::unescape(text);
}

DecodedValue decodedPayload(const QByteArray& payload)
{
    DecodedValue value;
    value.ok = true;
    value.text = payloadToText(payload);
    value.editable = true;
    return value;
}

DecodedValue decodedPrefix(QByteArray payload, qsizetype prefixSize)
{
    if (firstInvalidUtf8(payload) >= 0 && firstInvalidUtf8(payload, true) < 0) {
        qsizetype cut = payload.size();
        while (cut > 0 && payload.size() - cut < 4 && (uchar(payload.at(cut - 1)) & 0xc0) == 0x80)
            --cut;
        payload.truncate(qMax<qsizetype>(0, cut - 1));
    }
    DecodedValue value;
    value.ok = true;
    value.text = payloadToText(payload);
    value.editable = false;
    const QLocale locale;
    value.note = QCoreApplication::translate("FormatSupport",
        "A prefix: the first %1 of the value decompress to these %2. Load the whole value to see the rest.")
                     .arg(locale.formattedDataSize(prefixSize), locale.formattedDataSize(payload.size()));
    return value;
}

DecodedValue failure(const QString& error)
{
    DecodedValue value;
    value.error = error;
    return value;
}

QString tooLargeError()
{
    return translate("The decompressed size exceeds 64 MiB, more than Vermilion opens (this protects against "
                     "compression bombs).");
}

} // namespace vermilion::formats::FormatSupport
