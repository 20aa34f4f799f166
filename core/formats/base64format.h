#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// Base64, standard (RFC 4648 section 4) or URL-safe (section 5) alphabet, padded or, for the
// URL-safe alphabet, unpadded; no white space. The decoded bytes are shown in the payload text
// convention (FormatSupport::payloadToText). Saving writes standard padded base64, so a value in
// another spelling is shown read-only: saving it would change every consumer's view of it.
class Base64Format final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(Base64Format)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
