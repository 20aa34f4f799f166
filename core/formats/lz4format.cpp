#include "lz4format.h"

#include "formatsupport.h"

#include <lz4frame.h>
#include <memory>

namespace vermilion::formats {

namespace {
constexpr qsizetype outputChunk = qsizetype(256) * 1024;
// LZ4F_headerSize needs this many bytes to tell how long the header is.
constexpr qsizetype minimumHeaderProbe = 5;

struct ContextDeleter {
    void operator()(LZ4F_dctx* context) const { LZ4F_freeDecompressionContext(context); }
};
using DecompressionContext = std::unique_ptr<LZ4F_dctx, ContextDeleter>;

DecompressionContext createContext()
{
    LZ4F_dctx* context = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&context, LZ4F_VERSION)))
        return {};
    return DecompressionContext(context);
}

quint32 readLittleEndian32(const char* data)
{
    return quint32(uchar(data[0])) | quint32(uchar(data[1])) << 8 | quint32(uchar(data[2])) << 16
        | quint32(uchar(data[3])) << 24;
}

constexpr quint32 frameMagic = 0x184d2204;

// A frame or a skippable frame (magic 0x184d2a50 to 0x184d2a5f) starts at data.
bool startsFrame(QByteArrayView data)
{
    if (data.size() < 4)
        return false;
    const quint32 magic = readLittleEndian32(data.data());
    return magic == frameMagic || (magic & 0xfffffff0) == 0x184d2a50;
}

QString errorName(size_t code)
{
    return QString::fromLatin1(LZ4F_getErrorName(code));
}
} // namespace

QString Lz4Format::id() const
{
    return QStringLiteral("lz4");
}

QString Lz4Format::name() const
{
    return tr("LZ4");
}

int Lz4Format::detect(QByteArrayView bytes) const
{
    if (bytes.size() < 4 || readLittleEndian32(bytes.data()) != frameMagic)
        return 0;
    // A header that decodes (version, reserved bits and its own checksum) makes it certain; the
    // magic alone still says LZ4, so that a damaged frame reports why it does not open.
    const DecompressionContext context = createContext();
    LZ4F_frameInfo_t info {};
    auto consumed = size_t(bytes.size());
    if (context && bytes.size() >= minimumHeaderProbe
        && !LZ4F_isError(LZ4F_getFrameInfo(context.get(), &info, bytes.data(), &consumed)))
        return 95;
    return 40;
}

DecodedValue Lz4Format::decode(const QByteArray& bytes) const
{
    return decodeInput(bytes, false);
}

DecodedValue Lz4Format::decodePrefix(const QByteArray& bytes) const
{
    return decodeInput(bytes, true);
}

DecodedValue Lz4Format::decodeInput(const QByteArray& bytes, bool prefix) const
{
    if (bytes.size() < 4 || readLittleEndian32(bytes.constData()) != frameMagic)
        return FormatSupport::failure(
            tr("Not an LZ4 frame: the value does not start with the magic number 04 22 4d 18."));
    const DecompressionContext context = createContext();
    if (!context)
        return FormatSupport::failure(tr("Not enough memory to decompress the value."));

    const qsizetype size = bytes.size();
    QByteArray payload;
    // The end of a prefix is where the preview stops, not damage.
    const auto truncated = [size, prefix, &payload] {
        return prefix ? FormatSupport::decodedPrefix(payload, size)
                      : FormatSupport::failure(tr("Truncated LZ4 frame at byte %1.").arg(size));
    };
    QByteArray chunk(outputChunk, Qt::Uninitialized);
    qsizetype position = 0;
    bool atFrameStart = true;
    int idleRounds = 0;
    while (true) {
        if (atFrameStart) {
            if (!startsFrame(QByteArrayView(bytes).sliced(position)))
                return FormatSupport::failure(tr("Unexpected bytes after the LZ4 frame, at byte %1.").arg(position));
            if (size - position < minimumHeaderProbe)
                return truncated();
            const size_t headerSize = LZ4F_headerSize(bytes.constData() + position, size_t(size - position));
            if (LZ4F_isError(headerSize))
                return FormatSupport::failure(
                    tr("Corrupted LZ4 frame header at byte %1 (%2).").arg(position).arg(errorName(headerSize)));
            if (qsizetype(headerSize) > size - position)
                return truncated();
            LZ4F_frameInfo_t info {};
            auto consumed = size_t(size - position);
            const size_t status = LZ4F_getFrameInfo(context.get(), &info, bytes.constData() + position, &consumed);
            if (LZ4F_isError(status))
                return FormatSupport::failure(
                    tr("Corrupted LZ4 frame header at byte %1 (%2).").arg(position).arg(errorName(status)));
            // A declared size is checked before any work; an undeclared one is bounded as it comes.
            if (!prefix && info.contentSize > quint64(FormatSupport::maxDecodedSize - payload.size()))
                return FormatSupport::failure(FormatSupport::tooLargeError());
            position += qsizetype(consumed);
            atFrameStart = false;
        }
        const qsizetype room = qMin(outputChunk, FormatSupport::maxDecodedSize + 1 - payload.size());
        auto produced = size_t(room);
        auto consumed = size_t(size - position);
        const size_t hint
            = LZ4F_decompress(context.get(), chunk.data(), &produced, bytes.constData() + position, &consumed, nullptr);
        if (LZ4F_isError(hint))
            return FormatSupport::failure(
                tr("Corrupted LZ4 frame at byte %1 (%2).").arg(position).arg(errorName(hint)));
        position += qsizetype(consumed);
        payload.append(chunk.constData(), qsizetype(produced));
        if (payload.size() > FormatSupport::maxDecodedSize && prefix)
            return FormatSupport::decodedPrefix(payload.first(FormatSupport::maxDecodedSize), position);
        if (payload.size() > FormatSupport::maxDecodedSize)
            return FormatSupport::failure(FormatSupport::tooLargeError());
        if (hint == 0) { // the end of a frame; the context is ready for the next one
            if (position == size)
                return FormatSupport::decodedPayload(payload);
            atFrameStart = true;
            continue;
        }
        if (consumed == 0 && produced == 0) {
            if (position == size)
                return truncated();
            // Input left and no progress: not a state a valid frame leads to.
            if (++idleRounds > 1)
                return FormatSupport::failure(tr("Corrupted LZ4 frame at byte %1.").arg(position));
        } else {
            idleRounds = 0;
        }
    }
}

QByteArray Lz4Format::encode(const QString& text, QString* error) const
{
    const QByteArray payload = FormatSupport::payloadFromEditedText(text);
    LZ4F_preferences_t preferences {};
    preferences.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
    preferences.frameInfo.contentSize = quint64(payload.size());
    const size_t bound = LZ4F_compressFrameBound(size_t(payload.size()), &preferences);
    QByteArray compressed(qsizetype(bound), Qt::Uninitialized);
    const size_t written
        = LZ4F_compressFrame(compressed.data(), bound, payload.constData(), size_t(payload.size()), &preferences);
    if (LZ4F_isError(written)) {
        if (error)
            *error = tr("LZ4 compression failed (%1).").arg(errorName(written));
        return {};
    }
    compressed.truncate(qsizetype(written));
    if (error)
        error->clear();
    return compressed;
}

} // namespace vermilion::formats
