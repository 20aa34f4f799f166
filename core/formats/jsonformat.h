#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// JSON, checked and pretty-printed by QJsonDocument and saved compact. Objects and arrays are
// detected; a bare scalar ("text", 42, true) decodes too but is not claimed, since counters and
// flags read better as plain text.
//
// QJsonDocument keeps integers that fit in 64 bits exactly and turns every other number into a
// double. A value with a number that a double cannot carry (more than 15 significant digits, or
// out of range) is shown read-only rather than corrupted on save; so is an object with a duplicate
// key, which QJsonDocument would collapse. Saving also sorts object keys (QJsonObject is ordered).
class JsonFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(JsonFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    DecodedValue decodePrefix(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
