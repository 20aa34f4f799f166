#pragma once

#include "valueformat.h"

#include <QCoreApplication>

namespace vermilion::formats {

// Nippy, the serialisation of Clojure's Carmine client, shown read-only as EDN. Accepts Carmine's
// markers (\0> + Nippy, \0< + raw bytes, \0_ = nil) and bare Nippy starting "NPY" + a meta byte,
// uncompressed or compressed with Snappy, LZ4 or Zstandard. Byte arrays show as #bytes "<hex>";
// dates as #inst in UTC with milliseconds; metadata as ^{...} value. Encrypted, LZMA2 and
// headerless (legacy v1) data, and types other than Clojure's core data, are refused with a
// reason, so that the hex view takes over.
class NippyFormat final : public ValueFormat {
    Q_DECLARE_TR_FUNCTIONS(NippyFormat)

public:
    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes) const override;
    DecodedValue decode(const QByteArray& bytes) const override;
    QByteArray encode(const QString& text, QString* error) const override;
};

} // namespace vermilion::formats
