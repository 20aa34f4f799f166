#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// Raw Snappy blocks (a varint length, then literals and copies), as most Redis clients store them;
// the framed format ("sNaPpY" stream) is not recognised. Snappy has no magic number, so detection
// needs the whole block to validate, and even then the score stays modest. The payload is shown in
// the payload text convention (FormatSupport::payloadToText) and compressed again on save.
class SnappyFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(SnappyFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
