#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// Zstandard frames (magic 28 b5 2f fd), concatenated and skippable frames included, with or without
// a declared content size. The payload is shown in the payload text convention
// (FormatSupport::payloadToText) and saved with ZSTD_compress at the default level. Frames that need
// a window above 64 MiB are refused: the output is capped there anyway.
class ZstdFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(ZstdFormat)

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
