#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Deflate streams in their two common wrappers, through zlib; shared by GzipFormat and ZlibFormat.
namespace vermilion::formats::DeflateCodec {
enum class Wrapper {
    Gzip, // RFC 1952; concatenated members are read as one value, as gzip -d does
    Zlib, // RFC 1950, without a preset dictionary
};

// Inflates everything, checks the trailers (CRC-32 or Adler-32, and the gzip length) and refuses
// trailing bytes and output above FormatSupport::maxDecodedSize. On failure returns false with
// a message in *error.
bool inflate(Wrapper wrapper, QByteArrayView input, QByteArray* output, QString* error);
// Inflates what the first bytes of a longer stream hold: the end of the input is not an error, and
// output stops at FormatSupport::maxDecodedSize. Corrupt data still is.
bool inflatePrefix(Wrapper wrapper, QByteArrayView input, QByteArray* output, QString* error);
// Compresses at zlib's default level. A gzip header gets no name and no time, so equal input
// gives equal bytes.
QByteArray deflate(Wrapper wrapper, QByteArrayView input, QString* error);

enum class Probe {
    Corrupt,
    Truncated, // no error, but the input ended before the stream did
    Fine, // decoded to the end, or the first few kilobytes decoded without error
};
// A cheap look at the start of the stream for detect(): at most a few kilobytes are inflated.
Probe probe(Wrapper wrapper, QByteArrayView input);
} // namespace vermilion::formats::DeflateCodec
