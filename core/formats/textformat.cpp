#include "textformat.h"

#include "formatsupport.h"

namespace vermilion::formats {

QString TextFormat::id() const
{
    return QStringLiteral("text");
}

QString TextFormat::name() const
{
    return tr("Text");
}

int TextFormat::detect(QByteArrayView bytes) const
{
    // Moderate: any format with a magic number or a structure that parses is more specific.
    return FormatSupport::isPlainText(bytes) ? 10 : 0;
}

DecodedValue TextFormat::decode(const QByteArray& bytes) const
{
    const qsizetype invalid = FormatSupport::firstInvalidUtf8(bytes);
    if (invalid >= 0) {
        return FormatSupport::failure(tr("The value is not valid UTF-8 text (byte 0x%1 at offset %2).")
                                          .arg(uchar(bytes.at(invalid)), 2, 16, QLatin1Char('0'))
                                          .arg(invalid));
    }
    DecodedValue value;
    value.ok = true;
    value.text = FormatSupport::fromUtf8(bytes);
    value.editable = true;
    return value;
}

DecodedValue TextFormat::decodePrefix(const QByteArray& bytes) const
{
    // A character cut by the end of the preview is dropped, not called invalid.
    const qsizetype invalid = FormatSupport::firstInvalidUtf8(bytes, true);
    if (invalid >= 0)
        return decode(bytes);
    qsizetype end = bytes.size();
    if (FormatSupport::firstInvalidUtf8(bytes) >= 0) {
        while (end > 0 && (uchar(bytes.at(end - 1)) & 0xc0) == 0x80)
            --end;
        end = qMax<qsizetype>(0, end - 1);
    }
    DecodedValue value;
    value.ok = true;
    value.text = FormatSupport::fromUtf8(QByteArrayView(bytes).first(end));
    return value;
}

QByteArray TextFormat::encode(const QString& text, QString* error) const
{
    if (error)
        error->clear();
    return text.toUtf8();
}

} // namespace vermilion::formats
