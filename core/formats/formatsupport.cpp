#include "formatsupport.h"

#include "valueformat.h"

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

namespace {
// The first and last bytes that are not white space, or 0.
char firstByte(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return c;
    }
    return 0;
}
char lastByte(QByteArrayView bytes)
{
    for (qsizetype i = bytes.size() - 1; i >= 0; --i) {
        const char c = bytes[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return c;
    }
    return 0;
}
bool opensLikeJson(QByteArrayView bytes)
{
    const char first = firstByte(bytes);
    return first == '{' || first == '[';
}
bool looksLikeJson(QByteArrayView bytes)
{
    const char first = firstByte(bytes);
    const char last = lastByte(bytes);
    return (first == '{' && last == '}') || (first == '[' && last == ']');
}
const ValueFormat* jsonFormat()
{
    return FormatRegistry::instance().find(QStringLiteral("json"));
}
} // namespace

DecodedValue decodedPayload(const QByteArray& payload)
{
    // JSON inside a container is shown as the JSON view shows JSON: pretty-printed, and saved back
    // compact (payloadFromEditedText). Only when that loses nothing: otherwise the payload text.
    if (looksLikeJson(payload)) {
        if (const ValueFormat* json = jsonFormat()) {
            DecodedValue pretty = json->decode(payload);
            if (pretty.ok && pretty.editable) {
                const QString shown = QCoreApplication::translate(
                    "FormatSupport", "JSON inside: shown pretty-printed, and saved back compact.");
                pretty.note = pretty.note.isEmpty() ? shown : shown + QLatin1Char(' ') + pretty.note;
                return pretty;
            }
        }
    }
    DecodedValue value;
    value.ok = true;
    value.text = payloadToText(payload);
    value.editable = true;
    return value;
}

QByteArray payloadFromEditedText(const QString& text)
{
    // Text that is JSON was shown as JSON (decodedPayload): it goes back as compact JSON. Anything
    // else is payload text.
    if (const ValueFormat* json = jsonFormat()) {
        const QByteArray utf8 = text.toUtf8();
        if (looksLikeJson(utf8)) {
            QString error;
            const QByteArray compact = json->encode(text, &error);
            if (error.isEmpty() && !compact.isEmpty())
                return compact;
        }
    }
    return payloadFromText(text);
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
    const QLocale locale;
    const QString note = QCoreApplication::translate("FormatSupport",
        "A prefix: the first %1 of the value decompress to these %2. Load the whole value to see the rest.")
                             .arg(locale.formattedDataSize(prefixSize), locale.formattedDataSize(payload.size()));
    // JSON inside is pretty-printed up to where the prefix stops.
    if (opensLikeJson(payload)) {
        if (const ValueFormat* json = jsonFormat()) {
            DecodedValue pretty = json->decodePrefix(payload);
            if (pretty.ok) {
                pretty.editable = false;
                pretty.note = note + QLatin1Char(' ')
                    + QCoreApplication::translate("FormatSupport", "JSON inside: pretty-printed up to there.");
                return pretty;
            }
        }
    }
    value.ok = true;
    value.text = payloadToText(payload);
    value.editable = false;
    value.note = note;
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
