#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// gzip (RFC 1952), recognised by its magic number 1f 8b. The payload is shown in the payload text
// convention (FormatSupport::payloadToText) and compressed again on save; the name, time and
// comment fields of the original header are not kept.
class GzipFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(GzipFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    DecodedValue decodePrefix(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
