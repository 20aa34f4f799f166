#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// LZ4 frames (magic 04 22 4d 18), concatenated frames included; the legacy format and raw blocks
// without a frame are not recognised. The payload is shown in the payload text convention
// (FormatSupport::payloadToText) and saved as one frame with its content size and checksum.
class Lz4Format final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(Lz4Format)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    DecodedValue decodePrefix(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;

private:
    DecodedValue decodeInput(const QByteArray& bytes, bool prefix) const;
};

} // namespace vermilion::formats
