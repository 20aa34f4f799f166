#include "gzipformat.h"

#include "deflatecodec.h"
#include "formatsupport.h"

namespace vermilion::formats {

QString GzipFormat::id() const
{
    return QStringLiteral("gzip");
}

QString GzipFormat::name() const
{
    return tr("gzip");
}

int GzipFormat::detect(QByteArrayView bytes) const
{
    // Magic, compression method 8 (deflate), reserved flag bits clear.
    if (bytes.size() < 10 || uchar(bytes.at(0)) != 0x1f || uchar(bytes.at(1)) != 0x8b || bytes.at(2) != 8
        || (uchar(bytes.at(3)) & 0xe0) != 0)
        return 0;
    // The magic alone is strong evidence: a damaged gzip value is still reported as gzip, so that
    // the user learns why it does not open.
    switch (DeflateCodec::probe(DeflateCodec::Wrapper::Gzip, bytes)) {
    case DeflateCodec::Probe::Fine:
        return 95;
    case DeflateCodec::Probe::Truncated:
        return 60;
    case DeflateCodec::Probe::Corrupt:
        break;
    }
    return 50;
}

DecodedValue GzipFormat::decode(const QByteArray& bytes) const
{
    QByteArray payload;
    QString error;
    if (!DeflateCodec::inflate(DeflateCodec::Wrapper::Gzip, bytes, &payload, &error))
        return FormatSupport::failure(error);
    return FormatSupport::decodedPayload(payload);
}

DecodedValue GzipFormat::decodePrefix(const QByteArray& bytes) const
{
    QByteArray payload;
    QString error;
    if (!DeflateCodec::inflatePrefix(DeflateCodec::Wrapper::Gzip, bytes, &payload, &error))
        return FormatSupport::failure(error);
    return FormatSupport::decodedPrefix(payload, bytes.size());
}

QByteArray GzipFormat::encode(const QString& text, QString* error) const
{
    return DeflateCodec::deflate(DeflateCodec::Wrapper::Gzip, FormatSupport::payloadFromEditedText(text), error);
}

} // namespace vermilion::formats
