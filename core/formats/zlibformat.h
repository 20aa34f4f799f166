#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// zlib streams (RFC 1950): deflate behind a two-byte header (method 8, a window of at most 32 KiB,
// a check that makes the header a multiple of 31). The payload is shown in the payload text
// convention (FormatSupport::payloadToText) and compressed again on save. Streams that need a
// preset dictionary are not supported.
class ZlibFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(ZlibFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    DecodedValue decodePrefix(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
