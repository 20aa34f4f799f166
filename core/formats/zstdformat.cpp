#include "zstdformat.h"

#include "formatsupport.h"

#include <memory>
#include <zstd.h>
#include <zstd_errors.h>

namespace vermilion::formats {

namespace {
constexpr qsizetype outputChunk = qsizetype(256) * 1024;
// 2^26 = 64 MiB: a larger window only serves outputs larger than the cap, and the decoder would
// allocate it up front from a few hostile header bytes.
constexpr int windowLogMax = 26;
constexpr char magic[] = "\x28\xb5\x2f\xfd";

struct ContextDeleter {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

QString errorName(size_t code)
{
    return QString::fromLatin1(ZSTD_getErrorName(code));
}
} // namespace

QString ZstdFormat::id() const
{
    return QStringLiteral("zstd");
}

QString ZstdFormat::name() const
{
    return tr("Zstandard");
}

int ZstdFormat::detect(QByteArrayView bytes) const
{
    if (!bytes.startsWith(QByteArrayView(magic, 4)))
        return 0;
    // A frame header that parses makes it certain; the magic alone still says Zstandard, so that a
    // damaged frame reports why it does not open.
    return ZSTD_getFrameContentSize(bytes.data(), size_t(bytes.size())) != ZSTD_CONTENTSIZE_ERROR ? 95 : 40;
}

DecodedValue ZstdFormat::decode(const QByteArray& bytes) const
{
    return decodeInput(bytes, false);
}

DecodedValue ZstdFormat::decodePrefix(const QByteArray& bytes) const
{
    return decodeInput(bytes, true);
}

DecodedValue ZstdFormat::decodeInput(const QByteArray& bytes, bool prefix) const
{
    if (!bytes.startsWith(QByteArrayView(magic, 4)))
        return FormatSupport::failure(
            tr("Not a Zstandard frame: the value does not start with the magic number 28 b5 2f fd."));
    // A declared size is checked before any work; an undeclared one is bounded as it comes.
    const unsigned long long declared = ZSTD_getFrameContentSize(bytes.constData(), size_t(bytes.size()));
    if (!prefix && declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR
        && declared > quint64(FormatSupport::maxDecodedSize))
        return FormatSupport::failure(FormatSupport::tooLargeError());

    const std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
    if (!context || ZSTD_isError(ZSTD_DCtx_setParameter(context.get(), ZSTD_d_windowLogMax, windowLogMax)))
        return FormatSupport::failure(tr("Not enough memory to decompress the value."));

    QByteArray payload;
    QByteArray chunk(outputChunk, Qt::Uninitialized);
    ZSTD_inBuffer input { bytes.constData(), size_t(bytes.size()), 0 };
    size_t frameEnd = 0; // where the last complete frame ended
    int idleRounds = 0;
    while (true) {
        const qsizetype room = qMin(outputChunk, FormatSupport::maxDecodedSize + 1 - payload.size());
        ZSTD_outBuffer output { chunk.data(), size_t(room), 0 };
        const size_t before = input.pos;
        const size_t status = ZSTD_decompressStream(context.get(), &output, &input);
        if (ZSTD_isError(status)) {
            switch (ZSTD_getErrorCode(status)) {
            case ZSTD_error_prefix_unknown:
                return FormatSupport::failure(
                    tr("Unexpected bytes after the Zstandard data, at byte %1.").arg(frameEnd));
            case ZSTD_error_frameParameter_windowTooLarge:
                return FormatSupport::failure(tr("The Zstandard frame needs a window above 64 MiB, more than Vermilion "
                                                 "allows."));
            case ZSTD_error_checksum_wrong:
                return FormatSupport::failure(
                    tr("Corrupted Zstandard data: the checksum of the frame ending at byte %1 "
                       "does not match.")
                        .arg(input.pos));
            default:
                return FormatSupport::failure(
                    tr("Corrupted Zstandard data at byte %1 (%2).").arg(input.pos).arg(errorName(status)));
            }
        }
        payload.append(chunk.constData(), qsizetype(output.pos));
        if (payload.size() > FormatSupport::maxDecodedSize) {
            if (prefix)
                return FormatSupport::decodedPrefix(payload.first(FormatSupport::maxDecodedSize), input.pos);
            return FormatSupport::failure(FormatSupport::tooLargeError());
        }
        if (status == 0) { // a frame is complete and flushed
            frameEnd = input.pos;
            if (input.pos == input.size)
                return FormatSupport::decodedPayload(payload);
            continue;
        }
        // The decoder wants more, has flushed all it could (the output has room left), and the
        // input is all consumed.
        if (input.pos == input.size && output.pos < output.size && prefix)
            return FormatSupport::decodedPrefix(payload, bytes.size());
        if (input.pos == input.size && output.pos < output.size)
            return FormatSupport::failure(tr("Truncated Zstandard frame at byte %1.").arg(input.size));
        if (input.pos == before && output.pos == 0) {
            if (++idleRounds > 1)
                return FormatSupport::failure(tr("Corrupted Zstandard data at byte %1.").arg(input.pos));
        } else {
            idleRounds = 0;
        }
    }
}

QByteArray ZstdFormat::encode(const QString& text, QString* error) const
{
    const QByteArray payload = FormatSupport::payloadFromEditedText(text);
    const size_t bound = ZSTD_compressBound(size_t(payload.size()));
    QByteArray compressed(qsizetype(bound), Qt::Uninitialized);
    const size_t written
        = ZSTD_compress(compressed.data(), bound, payload.constData(), size_t(payload.size()), ZSTD_CLEVEL_DEFAULT);
    if (ZSTD_isError(written)) {
        if (error)
            *error = tr("Zstandard compression failed (%1).").arg(errorName(written));
        return {};
    }
    compressed.truncate(qsizetype(written));
    if (error)
        error->clear();
    return compressed;
}

} // namespace vermilion::formats
