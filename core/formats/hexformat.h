#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// A hex dump, 16 bytes a line:
//
//   00000000: 48 65 6c 6c 6f 2c 20 56  65 72 6d 69 6c 69 6f 6e  |Hello, Vermilion|
//
// Edit syntax: on every line, a leading run of hex digits followed by ':' is an offset and the
// text from the first '|' on is the ASCII column; both are ignored (offsets are never checked, so
// bytes may be inserted or removed anywhere). What remains must be hex digits and white space; the
// digits are read in pairs, so "48 65", "4865" and a plain hex string without offsets all work.
class HexFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(HexFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
