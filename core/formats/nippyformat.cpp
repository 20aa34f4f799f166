#include "nippyformat.h"

#include <limits>

#include "formatsupport.h"
#include "nippyreader.h"

#include <lz4.h>
#include <memory>
#include <snappy-c.h>
#include <zstd.h>

namespace vermilion::formats {

namespace {
// Carmine's markers (taoensso/carmine, protocol): a frozen value, raw bytes, nil.
constexpr char frozenMarker[] = { '\0', '>' };
constexpr char rawMarker[] = { '\0', '<' };
constexpr char nilMarker[] = { '\0', '_' };
constexpr char headerSignature[] = { 'N', 'P', 'Y' };
constexpr qsizetype headerSize = 4;
// The largest meta byte in Nippy's head-meta table (src/taoensso/nippy/schema.clj): 0 to 23 are all
// assigned.
constexpr int lastMetaByte = 23;
// One LZ4 sequence expands at most ~255 times; a Snappy copy element of 3 bytes yields at most 64.
constexpr qint64 maxLz4Expansion = 255;
constexpr qint64 maxSnappyExpansion = 22;
constexpr qsizetype zstdChunk = qsizetype(256) * 1024;

enum class Compression { None, Snappy, Lz4, Zstd, Lzma2, Encrypted, Custom };

// From Nippy's head-meta table: which compressor and whether an encryptor is set.
Compression compressionOf(int meta)
{
    switch (meta) {
    case 0:
        return Compression::None;
    case 1:
        return Compression::Snappy;
    case 8:
        return Compression::Lz4;
    case 20:
        return Compression::Zstd;
    case 11:
        return Compression::Lzma2;
    case 2: // AES-128 CBC, without compression, with Snappy, LZ4, LZMA2, Zstandard
    case 3:
    case 9:
    case 12:
    case 21:
    case 14: // AES-128 GCM, likewise
    case 15:
    case 16:
    case 17:
    case 22:
        return Compression::Encrypted;
    default: // 4, 5, 6, 7, 10, 13, 18, 19, 23: a custom compressor or encryptor
        return Compression::Custom;
    }
}

bool startsWith(QByteArrayView bytes, const char (&prefix)[2])
{
    return bytes.size() >= 2 && bytes.at(0) == prefix[0] && bytes.at(1) == prefix[1];
}

bool hasHeader(QByteArrayView bytes)
{
    return bytes.size() >= headerSize && bytes.first(3) == QByteArrayView(headerSignature, 3);
}

struct ZstdDeleter {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// Payloads decompressed here are checked against FormatSupport::maxDecodedSize before they are
// allocated (LZ4, Snappy declare their size) or as they grow (Zstandard).
bool decompressLz4(QByteArrayView data, QByteArray* out, QString* error)
{
    if (data.size() < 4) {
        *error = NippyFormat::tr("Truncated Nippy LZ4 data: the 4-byte length is missing.");
        return false;
    }
    const quint32 declared = quint32(uchar(data.at(0))) << 24 | quint32(uchar(data.at(1))) << 16
        | quint32(uchar(data.at(2))) << 8 | quint32(uchar(data.at(3)));
    const QByteArrayView block = data.sliced(4);
    if (qint64(declared) > FormatSupport::maxDecodedSize) {
        *error = FormatSupport::tooLargeError();
        return false;
    }
    if (qint64(declared) > block.size() * maxLz4Expansion + 16) {
        *error = NippyFormat::tr("Corrupted Nippy LZ4 data: %1 bytes cannot expand to the declared %2 bytes.")
                     .arg(block.size())
                     .arg(declared);
        return false;
    }
    out->resize(qsizetype(declared));
    const int produced = LZ4_decompress_safe(block.data(), out->data(), int(block.size()), int(declared));
    if (produced < 0 || quint32(produced) != declared) {
        *error = NippyFormat::tr("Corrupted Nippy LZ4 data: the block does not decompress to the declared %1 bytes.")
                     .arg(declared);
        return false;
    }
    return true;
}

bool decompressSnappy(QByteArrayView data, QByteArray* out, QString* error)
{
    size_t length = 0;
    if (snappy_uncompressed_length(data.data(), size_t(data.size()), &length) != SNAPPY_OK) {
        *error = NippyFormat::tr("Corrupted Nippy Snappy data: the length header is invalid.");
        return false;
    }
    if (length > size_t(FormatSupport::maxDecodedSize)) {
        *error = FormatSupport::tooLargeError();
        return false;
    }
    if (qint64(length) > data.size() * maxSnappyExpansion) {
        *error = NippyFormat::tr("Corrupted Nippy Snappy data: %1 bytes cannot expand to the declared %2 bytes.")
                     .arg(data.size())
                     .arg(length);
        return false;
    }
    out->resize(qsizetype(length));
    size_t produced = length;
    if (snappy_uncompress(data.data(), size_t(data.size()), out->data(), &produced) != SNAPPY_OK
        || produced != length) {
        *error = NippyFormat::tr("Corrupted Nippy Snappy data.");
        return false;
    }
    return true;
}

bool decompressZstd(QByteArrayView data, QByteArray* out, QString* error)
{
    const unsigned long long declared = ZSTD_getFrameContentSize(data.data(), size_t(data.size()));
    if (declared == ZSTD_CONTENTSIZE_ERROR) {
        *error = NippyFormat::tr("Corrupted Nippy Zstandard data: not a Zstandard frame.");
        return false;
    }
    if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared > quint64(FormatSupport::maxDecodedSize)) {
        *error = FormatSupport::tooLargeError();
        return false;
    }
    const std::unique_ptr<ZSTD_DCtx, ZstdDeleter> context(ZSTD_createDCtx());
    // A window above 64 MiB is more memory than any value here deserves (2^26).
    if (!context || ZSTD_isError(ZSTD_DCtx_setParameter(context.get(), ZSTD_d_windowLogMax, 26))) {
        *error = NippyFormat::tr("Not enough memory to decompress the value.");
        return false;
    }
    QByteArray chunk(zstdChunk, Qt::Uninitialized);
    ZSTD_inBuffer input { data.data(), size_t(data.size()), 0 };
    while (true) {
        ZSTD_outBuffer output { chunk.data(), size_t(chunk.size()), 0 };
        const size_t before = input.pos;
        const size_t status = ZSTD_decompressStream(context.get(), &output, &input);
        if (ZSTD_isError(status)) {
            *error = NippyFormat::tr("Corrupted Nippy Zstandard data (%1).")
                         .arg(QString::fromLatin1(ZSTD_getErrorName(status)));
            return false;
        }
        out->append(chunk.constData(), qsizetype(output.pos));
        if (out->size() > FormatSupport::maxDecodedSize) {
            *error = FormatSupport::tooLargeError();
            return false;
        }
        if (status == 0) {
            if (input.pos != input.size) {
                *error = NippyFormat::tr("Unexpected bytes after the Nippy Zstandard frame.");
                return false;
            }
            return true;
        }
        if (input.pos == input.size && output.pos < output.size) {
            *error = NippyFormat::tr("Truncated Nippy Zstandard data.");
            return false;
        }
        if (input.pos == before && output.pos == 0) {
            *error = NippyFormat::tr("Corrupted Nippy Zstandard data.");
            return false;
        }
    }
}

DecodedValue shown(QString text, QString note = {})
{
    DecodedValue value;
    value.ok = true;
    value.text = std::move(text);
    value.note = std::move(note);
    value.editable = false;
    value.readOnlyReason = NippyFormat::tr("Nippy is shown read-only as EDN: Vermilion cannot write Nippy back from "
                                           "EDN text.");
    return value;
}

// Nippy's thaw reads one value and leaves whatever follows it (nippy.clj, thaw-from-in!): so
// does Vermilion, and says so.
QString trailingNote(const NippyReader& reader)
{
    if (reader.trailingBytes() == 0)
        return {};
    return NippyFormat::tr("%n byte(s) after the value are ignored, as Nippy ignores them when it thaws.", nullptr,
        int(qMin<qsizetype>(reader.trailingBytes(), std::numeric_limits<int>::max())));
}

// A Nippy value with its "NPY" header starts at offset within bytes.
DecodedValue decodeFrozen(QByteArrayView bytes, qsizetype offset)
{
    const QByteArrayView frozen = bytes.sliced(offset);
    if (!hasHeader(frozen)) {
        return FormatSupport::failure(
            NippyFormat::tr("No Nippy header (\"NPY\") at offset %1: this may be headerless or legacy Nippy v1 "
                            "data, which Vermilion does not guess at.")
                .arg(offset));
    }
    const int meta = uchar(frozen.at(3));
    if (frozen.size() == headerSize)
        return FormatSupport::failure(NippyFormat::tr("Truncated Nippy data: nothing follows the header."));
    if (meta > lastMetaByte)
        return FormatSupport::failure(
            NippyFormat::tr("Unknown Nippy header meta byte %1 at offset %2: data frozen by a newer Nippy?")
                .arg(meta)
                .arg(offset + 3));
    const QByteArrayView data = frozen.sliced(headerSize);
    QByteArray decompressed;
    QString error;
    bool ok = true;
    switch (compressionOf(meta)) {
    case Compression::None: {
        NippyReader reader(data, offset + headerSize);
        QString edn;
        if (!reader.read(&edn))
            return FormatSupport::failure(reader.error());
        return shown(edn, trailingNote(reader));
    }
    case Compression::Snappy:
        ok = decompressSnappy(data, &decompressed, &error);
        break;
    case Compression::Lz4:
        ok = decompressLz4(data, &decompressed, &error);
        break;
    case Compression::Zstd:
        ok = decompressZstd(data, &decompressed, &error);
        break;
    case Compression::Lzma2:
        return FormatSupport::failure(
            NippyFormat::tr("This Nippy value is compressed with LZMA2, which Vermilion does not support; it is "
                            "shown in hex."));
    case Compression::Encrypted:
        return FormatSupport::failure(
            NippyFormat::tr("This Nippy value is encrypted (AES-128, header meta byte %1): it cannot be decoded "
                            "without the password.")
                .arg(meta));
    case Compression::Custom:
        return FormatSupport::failure(
            NippyFormat::tr("This Nippy value uses a custom compressor or encryptor (header meta byte %1), which "
                            "Vermilion cannot decode.")
                .arg(meta));
    }
    if (!ok)
        return FormatSupport::failure(error);
    NippyReader reader(decompressed, 0, NippyFormat::tr("of the decompressed data"));
    QString edn;
    if (!reader.read(&edn))
        return FormatSupport::failure(reader.error());
    return shown(edn, trailingNote(reader));
}
} // namespace

QString NippyFormat::id() const
{
    return QStringLiteral("nippy");
}

QString NippyFormat::name() const
{
    return tr("Nippy (Clojure)");
}

int NippyFormat::detect(QByteArrayView bytes) const
{
    if (startsWith(bytes, frozenMarker) && hasHeader(bytes.sliced(2)))
        return 100;
    if (bytes.size() > headerSize && hasHeader(bytes) && uchar(bytes.at(3)) <= lastMetaByte)
        return 95;
    if (startsWith(bytes, rawMarker) || (bytes.size() == 2 && startsWith(bytes, nilMarker)))
        return 60;
    return 0;
}

DecodedValue NippyFormat::decode(const QByteArray& bytes) const
{
    if (startsWith(bytes, nilMarker)) {
        if (bytes.size() != 2)
            return FormatSupport::failure(tr("Unexpected bytes after Carmine's nil marker, at offset 2."));
        return shown(QStringLiteral("nil"));
    }
    if (startsWith(bytes, rawMarker)) {
        const QByteArrayView raw = QByteArrayView(bytes).sliced(2);
        // Carmine thaws raw bytes that start with a Nippy header, and returns the bytes when that
        // fails (its issue-83 workaround, on by default: taoensso/carmine src/taoensso/carmine/protocol.clj:
        // 182-190, carmine.clj:204-253).
        QString thawError;
        if (hasHeader(raw)) {
            DecodedValue thawed = decodeFrozen(bytes, 2);
            thawError = thawed.error;
            if (thawed.ok) {
                const QString why = tr("Stored as raw bytes (marker \\0<) that start with a Nippy header: Carmine "
                                       "thaws them when it reads them (its issue-83 workaround, on by default).");
                thawed.note = thawed.note.isEmpty() ? why : why + QLatin1Char(' ') + thawed.note;
                return thawed;
            }
        }
        if (raw.size() > NippyReader::maxTextSize / 2)
            return FormatSupport::failure(tr("The Nippy value is too large to show as text (over 16 MiB)."));
        // An EDN comment says where the bytes come from; the value itself is a byte array.
        DecodedValue value = shown(tr("; Carmine raw bytes (marker \\0<), %n byte(s)", nullptr, int(raw.size()))
            + QLatin1Char('\n') + QStringLiteral("#bytes \"%1\"").arg(QString::fromLatin1(raw.toByteArray().toHex())));
        // Carmine falls back to the bytes too, silently; the reason is worth a line here.
        if (!thawError.isEmpty())
            value.note = tr("These bytes start with a Nippy header, but do not thaw (%1), so Carmine returns them as "
                            "they are.")
                             .arg(thawError);
        return value;
    }
    if (startsWith(bytes, frozenMarker))
        return decodeFrozen(bytes, 2);
    if (hasHeader(bytes))
        return decodeFrozen(bytes, 0);
    return FormatSupport::failure(
        tr("Not Nippy: no Carmine marker and no \"NPY\" header. Headerless or legacy Nippy v1 data is not decoded, "
           "because it cannot be told from other bytes."));
}

QByteArray NippyFormat::encode(const QString&, QString* error) const
{
    if (error)
        *error = tr("Nippy values cannot be saved from their EDN text: Vermilion cannot write Nippy back.");
    return {};
}

} // namespace vermilion::formats
