#include "deflatecodec.h"

#include "formatsupport.h"

#include <QCoreApplication>
#include <climits>
#include <zlib.h>

namespace vermilion::formats::DeflateCodec {

namespace {
constexpr qsizetype outputChunk = qsizetype(256) * 1024;
constexpr qsizetype probeOutput = 4096;

int windowBits(Wrapper wrapper)
{
    // 15 is the largest window; +16 asks zlib for the gzip wrapper instead of the zlib one.
    return wrapper == Wrapper::Gzip ? 15 + 16 : 15;
}

QString wrapperName(Wrapper wrapper)
{
    return wrapper == Wrapper::Gzip ? QStringLiteral("gzip") : QStringLiteral("zlib");
}

QString translate(const char* text)
{
    return QCoreApplication::translate("DeflateCodec", text);
}

// Owns an inflate stream; zlib takes its input in pieces of at most UINT_MAX bytes.
class Inflater {
public:
    Inflater(Wrapper wrapper, QByteArrayView input)
        : m_input(input)
    {
        m_ready = inflateInit2(&m_stream, windowBits(wrapper)) == Z_OK;
    }
    ~Inflater()
    {
        if (m_ready)
            inflateEnd(&m_stream);
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;

    bool ready() const { return m_ready; }
    z_stream& stream() { return m_stream; }
    // Bytes of the input that zlib has consumed.
    qsizetype consumed() const { return m_fed - qsizetype(m_stream.avail_in); }
    bool inputLeft() const { return m_stream.avail_in > 0 || m_fed < m_input.size(); }
    void feed()
    {
        if (m_stream.avail_in > 0 || m_fed >= m_input.size())
            return;
        const qsizetype piece = qMin<qsizetype>(m_input.size() - m_fed, UINT_MAX);
        m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(m_input.data() + m_fed));
        m_stream.avail_in = uInt(piece);
        m_fed += piece;
    }

private:
    QByteArrayView m_input;
    z_stream m_stream {};
    qsizetype m_fed = 0;
    bool m_ready = false;
};
} // namespace

namespace {
bool inflateInput(Wrapper wrapper, QByteArrayView input, QByteArray* output, QString* error, bool prefix)
{
    output->clear();
    Inflater inflater(wrapper, input);
    if (!inflater.ready()) {
        *error = translate("Not enough memory to decompress the value.");
        return false;
    }
    z_stream& stream = inflater.stream();
    QByteArray chunk(outputChunk, Qt::Uninitialized);
    while (true) {
        inflater.feed();
        // One byte more than the limit allows is enough to know that the limit is exceeded.
        const qsizetype room = qMin(outputChunk, FormatSupport::maxDecodedSize + 1 - output->size());
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = uInt(room);
        const int status = ::inflate(&stream, Z_NO_FLUSH);
        output->append(chunk.constData(), room - qsizetype(stream.avail_out));
        if (output->size() > FormatSupport::maxDecodedSize) {
            if (prefix) { // a preview needs no more than the cap
                output->truncate(FormatSupport::maxDecodedSize);
                return true;
            }
            output->clear();
            *error = FormatSupport::tooLargeError();
            return false;
        }
        switch (status) {
        case Z_OK:
            continue;
        case Z_STREAM_END:
            if (!inflater.inputLeft())
                return true;
            inflater.feed();
            if (wrapper == Wrapper::Gzip && stream.avail_in >= 2 && stream.next_in[0] == 0x1f
                && stream.next_in[1] == 0x8b) {
                inflateReset(&stream); // the next member of a multi-member file
                continue;
            }
            *error = translate("Unexpected bytes after the end of the %1 data, at byte %2.")
                         .arg(wrapperName(wrapper))
                         .arg(inflater.consumed());
            break;
        case Z_BUF_ERROR: // no progress possible: the output has room, so the input is missing
            if (!inflater.inputLeft()) {
                if (prefix)
                    return true;
                *error = translate("Truncated %1 data: the value ends at byte %2 before the compressed stream does.")
                             .arg(wrapperName(wrapper))
                             .arg(input.size());
                break;
            }
            continue;
        case Z_NEED_DICT:
            *error = translate("The zlib data needs a preset dictionary, which Vermilion does not have.");
            break;
        case Z_MEM_ERROR:
            *error = translate("Not enough memory to decompress the value.");
            break;
        default:
            *error = translate("Corrupted %1 data at byte %2 (%3).")
                         .arg(wrapperName(wrapper))
                         .arg(inflater.consumed())
                         .arg(QString::fromLatin1(stream.msg ? stream.msg : "invalid data"));
            break;
        }
        output->clear();
        return false;
    }
}
} // namespace

bool inflate(Wrapper wrapper, QByteArrayView input, QByteArray* output, QString* error)
{
    return inflateInput(wrapper, input, output, error, false);
}

bool inflatePrefix(Wrapper wrapper, QByteArrayView input, QByteArray* output, QString* error)
{
    return inflateInput(wrapper, input, output, error, true);
}

QByteArray deflate(Wrapper wrapper, QByteArrayView input, QString* error)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits(wrapper), 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        if (error)
            *error = translate("Not enough memory to compress the value.");
        return {};
    }
    QByteArray output;
    QByteArray chunk(outputChunk, Qt::Uninitialized);
    qsizetype fed = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && fed < input.size()) {
            const qsizetype piece = qMin<qsizetype>(input.size() - fed, UINT_MAX);
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + fed));
            stream.avail_in = uInt(piece);
            fed += piece;
        }
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = uInt(outputChunk);
        status = ::deflate(&stream, fed == input.size() ? Z_FINISH : Z_NO_FLUSH);
        output.append(chunk.constData(), outputChunk - qsizetype(stream.avail_out));
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            deflateEnd(&stream);
            if (error)
                *error = translate("Compression failed (%1).")
                             .arg(QString::fromLatin1(stream.msg ? stream.msg : "zlib error"));
            return {};
        }
    }
    deflateEnd(&stream);
    if (error)
        error->clear();
    return output;
}

Probe probe(Wrapper wrapper, QByteArrayView input)
{
    Inflater inflater(wrapper, input.first(qMin<qsizetype>(input.size(), UINT_MAX)));
    if (!inflater.ready())
        return Probe::Corrupt;
    inflater.feed();
    z_stream& stream = inflater.stream();
    char sample[probeOutput];
    stream.next_out = reinterpret_cast<Bytef*>(sample);
    stream.avail_out = uInt(probeOutput);
    const int status = ::inflate(&stream, Z_NO_FLUSH);
    if (status == Z_STREAM_END || (status == Z_OK && stream.avail_out == 0))
        return Probe::Fine;
    if ((status == Z_OK || status == Z_BUF_ERROR) && stream.avail_in == 0)
        return Probe::Truncated;
    return Probe::Corrupt;
}

} // namespace vermilion::formats::DeflateCodec
