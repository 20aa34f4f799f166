#include "zlibformat.h"

#include "deflatecodec.h"
#include "formatsupport.h"

namespace vermilion::formats {

QString ZlibFormat::id() const
{
    return QStringLiteral("zlib");
}

QString ZlibFormat::name() const
{
    return tr("zlib");
}

int ZlibFormat::detect(QByteArrayView bytes) const
{
    if (bytes.size() < 6)
        return 0;
    const uint cmf = uchar(bytes.at(0));
    const uint flg = uchar(bytes.at(1));
    if ((cmf & 0x0f) != 8 || (cmf >> 4) > 7 || (cmf * 256 + flg) % 31 != 0 || (flg & 0x20) != 0)
        return 0;
    // One two-byte string in 31 passes the header check, "x^" for one, so the stream itself must
    // decode; and text is never taken for zlib.
    if (DeflateCodec::probe(DeflateCodec::Wrapper::Zlib, bytes) != DeflateCodec::Probe::Fine
        || FormatSupport::isPlainText(bytes))
        return 0;
    return 90;
}

DecodedValue ZlibFormat::decode(const QByteArray& bytes) const
{
    QByteArray payload;
    QString error;
    if (!DeflateCodec::inflate(DeflateCodec::Wrapper::Zlib, bytes, &payload, &error))
        return FormatSupport::failure(error);
    return FormatSupport::decodedPayload(payload);
}

DecodedValue ZlibFormat::decodePrefix(const QByteArray& bytes) const
{
    QByteArray payload;
    QString error;
    if (!DeflateCodec::inflatePrefix(DeflateCodec::Wrapper::Zlib, bytes, &payload, &error))
        return FormatSupport::failure(error);
    return FormatSupport::decodedPrefix(payload, bytes.size());
}

QByteArray ZlibFormat::encode(const QString& text, QString* error) const
{
    return DeflateCodec::deflate(DeflateCodec::Wrapper::Zlib, FormatSupport::payloadFromEditedText(text), error);
}

} // namespace vermilion::formats
