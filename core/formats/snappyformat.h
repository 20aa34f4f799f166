#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// Raw Snappy blocks (a varint length, then literals and copies), as most Redis clients store them;
// the framed format is SnappyFramedFormat below. Snappy has no magic number, so detection
// needs the whole block to validate, and even then the score stays modest. The payload is shown in
// the payload text convention (FormatSupport::payloadToText) and compressed again on save.
class SnappyFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(SnappyFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    DecodedValue decodePrefix(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

// The Snappy framing format ("sNaPpY" stream identifier, then chunks of at most 64 KiB, each with
// a masked CRC-32C of its data), as snappy-java's SnappyFramedOutputStream and python-snappy's
// stream compressor write it. Checksums are verified; a prefix decodes chunk by chunk.
class SnappyFramedFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(SnappyFramedFormat)

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
