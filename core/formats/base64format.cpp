#include "base64format.h"

#include "formatsupport.h"

#include <string_view>

namespace vermilion::formats {

namespace {
struct Shape {
    bool valid = false;
    bool urlSafe = false; // uses '-' or '_'
    bool standard = false; // uses '+' or '/'
    qsizetype body = 0; // characters before the padding
    qsizetype padding = 0;
    QString error;
};

int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

// Checks the whole input without decoding it: the alphabet, the padding, and that the last
// character carries no stray bits (encoders never set them; random words often do).
Shape analyze(QByteArrayView bytes)
{
    Shape shape;
    const qsizetype size = bytes.size();
    while (shape.padding < size && shape.padding < 2 && bytes.at(size - 1 - shape.padding) == '=')
        ++shape.padding;
    shape.body = size - shape.padding;
    for (qsizetype i = 0; i < shape.body; ++i) {
        const char c = bytes.at(i);
        if (sextet(c) < 0) {
            shape.error = c == '=' ? Base64Format::tr("padding “=” in the middle, at byte %1").arg(i)
                                   : Base64Format::tr("byte 0x%1 at offset %2 is not in the base64 alphabet")
                                         .arg(uchar(c), 2, 16, QLatin1Char('0'))
                                         .arg(i);
            return shape;
        }
        shape.standard = shape.standard || c == '+' || c == '/';
        shape.urlSafe = shape.urlSafe || c == '-' || c == '_';
    }
    if (shape.standard && shape.urlSafe) {
        shape.error = Base64Format::tr("it mixes the standard (+/) and URL-safe (-_) alphabets");
        return shape;
    }
    const qsizetype tail = shape.body % 4;
    if (tail == 1 || (shape.padding > 0 && shape.padding != 4 - tail)) {
        shape.error = Base64Format::tr("its length or padding is wrong");
        return shape;
    }
    if (shape.padding == 0 && tail != 0 && shape.standard) {
        shape.error = Base64Format::tr("the padding is missing");
        return shape;
    }
    if (tail != 0) {
        const int last = sextet(bytes.at(shape.body - 1));
        if ((tail == 2 && (last & 0x0f) != 0) || (tail == 3 && (last & 0x03) != 0)) {
            shape.error = Base64Format::tr("the last character carries bits that no encoder sets");
            return shape;
        }
    }
    shape.valid = true;
    return shape;
}

// Decodes the first maxCharacters of a body that analyze() accepted.
QByteArray decodeBody(QByteArrayView bytes, qsizetype body, qsizetype maxCharacters = -1)
{
    const qsizetype characters = maxCharacters < 0 ? body : qMin(body, maxCharacters);
    QByteArray out;
    out.reserve(characters * 3 / 4 + 2);
    quint32 accumulator = 0;
    int bits = 0;
    for (qsizetype i = 0; i < characters; ++i) {
        accumulator = (accumulator << 6) | quint32(sextet(bytes.at(i)));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((accumulator >> bits) & 0xff);
        }
    }
    return out;
}

bool startsWithKnownMagic(QByteArrayView bytes)
{
    static constexpr std::string_view magics[] = {
        "\x1f\x8b", // gzip
        "\x28\xb5\x2f\xfd", // Zstandard
        "\x04\x22\x4d\x18", // LZ4 frame
        "\x89PNG\r\n\x1a\n",
        "\xff\xd8\xff", // JPEG
        "GIF8", "%PDF-",
        "PK\x03\x04", // zip
    };
    for (const std::string_view magic : magics) {
        if (bytes.startsWith(QByteArrayView(magic.data(), qsizetype(magic.size()))))
            return true;
    }
    return false;
}

bool isHexString(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}
} // namespace

QString Base64Format::id() const
{
    return QStringLiteral("base64");
}

QString Base64Format::name() const
{
    return tr("Base64");
}

int Base64Format::detect(QByteArrayView bytes) const
{
    if (bytes.size() < 8 || sextet(bytes.at(0)) < 0)
        return 0;
    const Shape shape = analyze(bytes);
    if (!shape.valid || isHexString(bytes))
        return 0; // a hex digest is text that happens to use the alphabet
    // Most words of 8+ letters are valid base64 too; what the bytes decode to tells them apart.
    constexpr qsizetype sampleCharacters = 4096;
    const QByteArray sample = decodeBody(bytes, shape.body, sampleCharacters);
    if (!sample.isEmpty()
        && (FormatSupport::isPlainText(sample, shape.body > sampleCharacters) || startsWithKnownMagic(sample)))
        return 40;
    const bool symbols = shape.padding > 0 || shape.standard || shape.urlSafe;
    return symbols && bytes.size() >= 16 ? 15 : 5;
}

DecodedValue Base64Format::decode(const QByteArray& bytes) const
{
    const Shape shape = analyze(bytes);
    if (!shape.valid)
        return FormatSupport::failure(tr("Not valid base64: %1.").arg(shape.error));
    DecodedValue value = FormatSupport::decodedPayload(decodeBody(bytes, shape.body));
    const bool canonical = !shape.urlSafe && (shape.padding > 0 || shape.body % 4 == 0);
    if (!canonical) {
        value.editable = false;
        value.readOnlyReason = tr("This value is written in URL-safe or unpadded base64; saving from this view would "
                                  "rewrite it in standard base64. Edit it in the text view instead.");
    }
    return value;
}

QByteArray Base64Format::encode(const QString& text, QString* error) const
{
    if (error)
        error->clear();
    return FormatSupport::payloadFromEditedText(text).toBase64();
}

} // namespace vermilion::formats
