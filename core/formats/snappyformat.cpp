#include "snappyformat.h"

#include "formatsupport.h"

#include <array>
#include <snappy-c.h>

namespace vermilion::formats {

namespace {
// A copy element of 3 bytes yields at most 64 bytes, so no valid block expands beyond ~22 times
// its size; a header that claims more is not Snappy, whatever the rest says.
constexpr qsizetype maxExpansion = 22;

// The framing format (framing_format.txt in google/snappy): a stream identifier chunk, then chunks
// of a type byte and a 24-bit little-endian length.
constexpr char streamIdentifier[] = "\xff\x06\x00\x00sNaPpY";
constexpr qsizetype streamIdentifierSize = 10;
constexpr qsizetype maxChunkData = 65536;
enum ChunkType : uchar { Compressed = 0x00, Uncompressed = 0x01, Padding = 0xfe, StreamIdentifier = 0xff };

// CRC-32C (Castagnoli, reflected polynomial 0x82f63b78), table-driven.
quint32 crc32c(const char* data, qsizetype size)
{
    static const auto table = [] {
        std::array<quint32, 256> entries {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 crc = i;
            for (int bit = 0; bit < 8; ++bit)
                crc = (crc & 1) ? (crc >> 1) ^ 0x82f63b78u : crc >> 1;
            entries[i] = crc;
        }
        return entries;
    }();
    quint32 crc = 0xffffffffu;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ uchar(data[i])) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

// The framing format stores the CRC rotated and offset, so that checksums of data holding
// checksums stay well distributed.
quint32 maskedCrc(const char* data, qsizetype size)
{
    const quint32 crc = crc32c(data, size);
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

quint32 readLittleEndian(const char* data, int bytes)
{
    quint32 value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = (value << 8) | uchar(data[i]);
    return value;
}

void appendLittleEndian(QByteArray& out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}
} // namespace

QString SnappyFormat::id() const
{
    return QStringLiteral("snappy");
}

QString SnappyFormat::name() const
{
    return tr("Snappy");
}

int SnappyFormat::detect(QByteArrayView bytes) const
{
    if (bytes.size() < 2)
        return 0;
    size_t length = 0;
    if (snappy_uncompressed_length(bytes.data(), size_t(bytes.size()), &length) != SNAPPY_OK || length == 0
        || length > size_t(FormatSupport::maxDecodedSize) || length > size_t(bytes.size() * maxExpansion))
        return 0;
    // Short text can happen to be a valid block ("\x20|" and 32 more characters); it stays text.
    if (snappy_validate_compressed_buffer(bytes.data(), size_t(bytes.size())) != SNAPPY_OK
        || FormatSupport::isPlainText(bytes))
        return 0;
    return 20;
}

DecodedValue SnappyFormat::decode(const QByteArray& bytes) const
{
    size_t length = 0;
    if (snappy_uncompressed_length(bytes.constData(), size_t(bytes.size()), &length) != SNAPPY_OK)
        return FormatSupport::failure(tr("Not a Snappy block: the length at its start is malformed."));
    if (length > size_t(FormatSupport::maxDecodedSize))
        return FormatSupport::failure(FormatSupport::tooLargeError());
    // Validation reads without writing, so a hostile header costs nothing before it is refuted.
    if (snappy_validate_compressed_buffer(bytes.constData(), size_t(bytes.size())) != SNAPPY_OK)
        return FormatSupport::failure(
            tr("Corrupted or truncated Snappy block: it does not decompress to the %1 bytes its header declares.")
                .arg(length));
    QByteArray payload(qsizetype(length), Qt::Uninitialized);
    if (snappy_uncompress(bytes.constData(), size_t(bytes.size()), payload.data(), &length) != SNAPPY_OK)
        return FormatSupport::failure(tr("Corrupted Snappy block."));
    payload.truncate(qsizetype(length));
    return FormatSupport::decodedPayload(payload);
}

DecodedValue SnappyFormat::decodePrefix(const QByteArray& bytes) const
{
    if (bytes.size() >= 2 && snappy_validate_compressed_buffer(bytes.constData(), size_t(bytes.size())) == SNAPPY_OK)
        return decode(bytes); // the preview happens to hold a whole block
    return FormatSupport::failure(tr("A raw Snappy block can only be decompressed whole, and this is the first part "
                                     "of the value: load the whole value to see it."));
}

QByteArray SnappyFormat::encode(const QString& text, QString* error) const
{
    const QByteArray payload = FormatSupport::payloadFromEditedText(text);
    size_t length = snappy_max_compressed_length(size_t(payload.size()));
    QByteArray compressed(qsizetype(length), Qt::Uninitialized);
    if (snappy_compress(payload.constData(), size_t(payload.size()), compressed.data(), &length) != SNAPPY_OK) {
        if (error)
            *error = tr("Snappy compression failed.");
        return {};
    }
    compressed.truncate(qsizetype(length));
    if (error)
        error->clear();
    return compressed;
}

QString SnappyFramedFormat::id() const
{
    return QStringLiteral("snappy-framed");
}

QString SnappyFramedFormat::name() const
{
    return tr("Snappy (framed)");
}

int SnappyFramedFormat::detect(QByteArrayView bytes) const
{
    // Ten bytes of magic: certain enough without decoding anything.
    return bytes.startsWith(QByteArrayView(streamIdentifier, streamIdentifierSize)) ? 95 : 0;
}

DecodedValue SnappyFramedFormat::decode(const QByteArray& bytes) const
{
    return decodeInput(bytes, false);
}

DecodedValue SnappyFramedFormat::decodePrefix(const QByteArray& bytes) const
{
    return decodeInput(bytes, true);
}

DecodedValue SnappyFramedFormat::decodeInput(const QByteArray& bytes, bool prefix) const
{
    if (!bytes.startsWith(QByteArrayView(streamIdentifier, streamIdentifierSize)))
        return FormatSupport::failure(tr("Not a Snappy stream: the value does not start with the stream identifier "
                                         "ff 06 00 00 73 4e 61 50 70 59 (\"sNaPpY\")."));
    QByteArray payload;
    QByteArray block(maxChunkData, Qt::Uninitialized);
    const qsizetype size = bytes.size();
    qsizetype position = 0;
    while (position < size) {
        if (size - position < 4) {
            if (prefix)
                break;
            return FormatSupport::failure(
                tr("Truncated Snappy stream: a chunk header at byte %1 is cut.").arg(position));
        }
        const auto type = uchar(bytes.at(position));
        const qsizetype length = readLittleEndian(bytes.constData() + position + 1, 3);
        const qsizetype start = position + 4;
        if (size - start < length) {
            if (prefix)
                break;
            return FormatSupport::failure(
                tr("Truncated Snappy stream: the chunk at byte %1 needs %2 bytes, the value ends after %3.")
                    .arg(position)
                    .arg(length)
                    .arg(size - start));
        }
        const char* data = bytes.constData() + start;
        if (type == Compressed || type == Uncompressed) {
            if (length < 4)
                return FormatSupport::failure(
                    tr("Corrupted Snappy stream: the chunk at byte %1 has no checksum.").arg(position));
            const quint32 expected = readLittleEndian(data, 4);
            const char* content = data + 4;
            size_t contentSize = size_t(length - 4);
            if (type == Compressed) {
                size_t uncompressed = 0;
                if (snappy_uncompressed_length(content, contentSize, &uncompressed) != SNAPPY_OK
                    || uncompressed > size_t(maxChunkData)
                    || snappy_uncompress(content, contentSize, block.data(), &uncompressed) != SNAPPY_OK)
                    return FormatSupport::failure(
                        tr("Corrupted Snappy stream: the compressed chunk at byte %1 does not decompress.")
                            .arg(position));
                content = block.constData();
                contentSize = uncompressed;
            } else if (contentSize > size_t(maxChunkData)) {
                return FormatSupport::failure(
                    tr("Corrupted Snappy stream: the chunk at byte %1 holds more than 64 KiB.").arg(position));
            }
            if (maskedCrc(content, qsizetype(contentSize)) != expected)
                return FormatSupport::failure(
                    tr("Corrupted Snappy stream: the checksum of the chunk at byte %1 does not match.").arg(position));
            if (payload.size() + qsizetype(contentSize) > FormatSupport::maxDecodedSize) {
                if (prefix)
                    return FormatSupport::decodedPrefix(payload, position);
                return FormatSupport::failure(FormatSupport::tooLargeError());
            }
            payload.append(content, qsizetype(contentSize));
        } else if (type == StreamIdentifier) {
            // Streams may be concatenated; each repeats the identifier.
            if (QByteArrayView(bytes).sliced(position).first(qMin(size - position, streamIdentifierSize))
                != QByteArrayView(streamIdentifier, streamIdentifierSize))
                return FormatSupport::failure(
                    tr("Corrupted Snappy stream: a malformed stream identifier at byte %1.").arg(position));
        } else if (type >= 0x02 && type <= 0x7f) {
            return FormatSupport::failure(
                tr("The Snappy stream has a chunk of reserved type 0x%1 at byte %2, which readers must not skip.")
                    .arg(type, 2, 16, QLatin1Char('0'))
                    .arg(position));
        } // padding and the skippable types 0x80-0xfd are skipped
        position = start + length;
    }
    if (prefix)
        return FormatSupport::decodedPrefix(payload, bytes.size());
    return FormatSupport::decodedPayload(payload);
}

QByteArray SnappyFramedFormat::encode(const QString& text, QString* error) const
{
    const QByteArray payload = FormatSupport::payloadFromEditedText(text);
    QByteArray out(streamIdentifier, streamIdentifierSize);
    QByteArray compressed(qsizetype(snappy_max_compressed_length(size_t(maxChunkData))), Qt::Uninitialized);
    for (qsizetype offset = 0; offset < payload.size(); offset += maxChunkData) {
        const qsizetype piece = qMin(maxChunkData, payload.size() - offset);
        const char* data = payload.constData() + offset;
        size_t length = size_t(compressed.size());
        if (snappy_compress(data, size_t(piece), compressed.data(), &length) != SNAPPY_OK) {
            if (error)
                *error = tr("Snappy compression failed.");
            return {};
        }
        // A chunk that does not shrink is stored as it is, as the reference encoder does.
        const bool store = qsizetype(length) >= piece;
        out.append(char(store ? Uncompressed : Compressed));
        appendLittleEndian(out, quint32((store ? piece : qsizetype(length)) + 4), 3);
        appendLittleEndian(out, maskedCrc(data, piece), 4);
        out.append(store ? data : compressed.constData(), store ? piece : qsizetype(length));
    }
    if (error)
        error->clear();
    return out;
}

} // namespace vermilion::formats
