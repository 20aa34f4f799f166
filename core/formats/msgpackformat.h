#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// MessagePack, shown read-only as indented JSON-like text: str as a quoted string, bin as b"..."
// (both escaped like redis-cli), maps with keys of any type, floats in their shortest exact form,
// the timestamp extension as {"$timestamp": "<ISO 8601>"} and other extensions as
// {"$ext": type, "data": b"..."}. Detected only when the whole value is one non-empty map or array.
class MsgPackFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(MsgPackFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
