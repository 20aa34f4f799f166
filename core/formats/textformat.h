#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// Plain UTF-8 text, edited as is.
class TextFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(TextFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    DecodedValue decodePrefix(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
