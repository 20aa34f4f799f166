#pragma once

#include "valueformat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// What the formats share: the UTF-8 rules, the size limit for untrusted payloads, and the text
// convention for payloads that come out of a container (base64, gzip, zlib, LZ4, Zstandard, Snappy).
namespace vermilion::formats::FormatSupport {
// Decompressed or decoded payloads larger than this are refused: a few kilobytes of hostile
// input must not make the application allocate gigabytes.
inline constexpr qsizetype maxDecodedSize = qsizetype(64) * 1024 * 1024;

// Offset of the first byte that is not strict UTF-8 (overlong forms, surrogates and code points
// above U+10FFFF are invalid), or -1. With allowCutAtEnd, a sequence cut by the end of the
// buffer is accepted: detectors look at prefixes.
qsizetype firstInvalidUtf8(QByteArrayView bytes, bool allowCutAtEnd = false);
// Valid UTF-8 without control characters other than tab, line feed and carriage return.
bool isPlainText(QByteArrayView bytes, bool allowCutAtEnd = false);
// Strict UTF-8 to QString; unlike QString::fromUtf8 it keeps a leading byte order mark, so that
// toUtf8() gives the very same bytes back.
QString fromUtf8(QByteArrayView bytes);

// The text form of a payload. Valid UTF-8 is shown as it is, except that a backslash is doubled
// and control characters other than tab and line breaks become \xHH; anything else is escaped
// like redis-cli (RedisText::escape). payloadFromText (RedisText::unescape) reverses both
// exactly, so a value saved unchanged keeps its bytes; the price is that a literal backslash
// must be typed as \\ (a lone backslash before n, r, t, a, b, x, " or \ starts an escape).
QString payloadToText(const QByteArray& payload);
QByteArray payloadFromText(const QString& text);
// A successful, editable decode showing payload in the convention above; a JSON payload is shown
// pretty-printed instead, as the JSON view shows it, when that loses nothing.
DecodedValue decodedPayload(const QByteArray& payload);
// The payload that edited text stands for: compact JSON for text that is JSON (it was shown
// pretty-printed), otherwise payloadFromText. What the containers' encode() uses.
QByteArray payloadFromEditedText(const QString& text);

// A read-only decode of a payload that a compressed prefix held, with the note that says so. A
// UTF-8 sequence cut by the end of the prefix is dropped rather than shown as escaped bytes; a
// payload that opens like JSON is pretty-printed up to where it stops.
DecodedValue decodedPrefix(QByteArray payload, qsizetype prefixSize);

DecodedValue failure(const QString& error);
// The error for payloads over maxDecodedSize.
QString tooLargeError();
} // namespace vermilion::formats::FormatSupport
