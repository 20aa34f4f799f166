#include "snappyformat.h"

#include "formatsupport.h"

#include <snappy-c.h>

namespace vermilion::formats {

namespace {
// A copy element of 3 bytes yields at most 64 bytes, so no valid block expands beyond ~22 times
// its size; a header that claims more is not Snappy, whatever the rest says.
constexpr qsizetype maxExpansion = 22;
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

QByteArray SnappyFormat::encode(const QString& text, QString* error) const
{
    const QByteArray payload = FormatSupport::payloadFromText(text);
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

} // namespace vermilion::formats
