#include "redistext.h"

#include <QCoreApplication>

namespace vermilion::RedisText {

namespace {
constexpr char hexDigits[] = "0123456789abcdef";

void appendByteEscape(QString& out, unsigned char byte)
{
    out += QLatin1String("\\x");
    out += QLatin1Char(hexDigits[byte >> 4]);
    out += QLatin1Char(hexDigits[byte & 0xf]);
}

// Length of the valid UTF-8 sequence starting at data[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are rejected).
int utf8SequenceLength(const unsigned char* data, qsizetype size, qsizetype i, char32_t* codePoint)
{
    const unsigned char lead = data[i];
    int length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        cp = lead & 0x1f;
        minimum = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        cp = lead & 0x0f;
        minimum = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        cp = lead & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > size)
        return 0;
    for (int k = 1; k < length; ++k) {
        const unsigned char next = data[i + k];
        if ((next & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    *codePoint = cp;
    return length;
}

bool isPrintableCodePoint(char32_t cp)
{
    const QChar::Category category = QChar::category(cp);
    switch (category) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

int hexValue(QChar c)
{
    return hexDigitValue(c);
}

// Interprets the escape at text[i] (which is a backslash). Appends to out and returns the
// number of characters consumed, or 0 if it is not an escape we know.
qsizetype appendUnescaped(const QString& text, qsizetype i, QByteArray& out)
{
    if (i + 1 >= text.size())
        return 0;
    const QChar next = text.at(i + 1);
    switch (next.unicode()) {
    case u'n':
        out += '\n';
        return 2;
    case u'r':
        out += '\r';
        return 2;
    case u't':
        out += '\t';
        return 2;
    case u'a':
        out += '\a';
        return 2;
    case u'b':
        out += '\b';
        return 2;
    case u'\\':
        out += '\\';
        return 2;
    case u'"':
        out += '"';
        return 2;
    case u'x':
        if (i + 3 < text.size()) {
            const int high = hexValue(text.at(i + 2));
            const int low = hexValue(text.at(i + 3));
            if (high >= 0 && low >= 0) {
                out += char((high << 4) | low);
                return 4;
            }
        }
        return 0;
    default:
        return 0;
    }
}
// redis-cli splits on ASCII white space only; a no-break space is part of an argument.
bool isSeparator(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\v' || u == u'\f';
}

// Appends the character at text[i] as UTF-8, taking a surrogate pair whole; returns its length.
qsizetype appendCharacter(const QString& text, qsizetype i, QByteArray& out)
{
    const char16_t unit = text.at(i).unicode();
    if (unit < 0x80) { // the common case: no UTF-8 conversion
        out += char(unit);
        return 1;
    }
    const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
    out += QStringView(text).mid(i, length).toUtf8();
    return length;
}
} // namespace

QString escape(const QByteArray& bytes, Quoting quoting)
{
    QString out;
    out.reserve(bytes.size() + 2);
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    bool needsQuotes = quoting == Quoting::Always || (quoting == Quoting::IfNeeded && size == 0);
    for (qsizetype i = 0; i < size;) {
        const unsigned char byte = data[i];
        if (byte < 0x80) {
            switch (byte) {
            case '\\':
                out += QLatin1String("\\\\");
                break;
            case '"':
                out += QLatin1String("\\\"");
                break;
            case '\n':
                out += QLatin1String("\\n");
                break;
            case '\r':
                out += QLatin1String("\\r");
                break;
            case '\t':
                out += QLatin1String("\\t");
                break;
            case '\a':
                out += QLatin1String("\\a");
                break;
            case '\b':
                out += QLatin1String("\\b");
                break;
            default:
                if (byte < 0x20 || byte == 0x7f)
                    appendByteEscape(out, byte);
                else
                    out += QLatin1Char(char(byte));
            }
            if (byte <= ' ' || byte == '"' || byte == '\'' || byte == '\\' || byte == 0x7f)
                needsQuotes = needsQuotes || quoting == Quoting::IfNeeded;
            ++i;
            continue;
        }
        char32_t cp = 0;
        const int length = utf8SequenceLength(data, size, i, &cp);
        if (length > 0 && isPrintableCodePoint(cp)) {
            out += QString::fromUcs4(&cp, 1);
            i += length;
        } else {
            appendByteEscape(out, byte);
            needsQuotes = needsQuotes || quoting == Quoting::IfNeeded;
            ++i;
        }
    }
    if (needsQuotes)
        return QLatin1Char('"') + out + QLatin1Char('"');
    return out;
}

QByteArray unescape(const QString& text)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) == QLatin1Char('\\')) {
            QByteArray escaped;
            const qsizetype consumed = appendUnescaped(text, i, escaped);
            if (consumed > 0) {
                out += QStringView(text).mid(plainStart, i - plainStart).toUtf8();
                out += escaped;
                i += consumed;
                plainStart = i;
                continue;
            }
        }
        ++i;
    }
    out += QStringView(text).mid(plainStart).toUtf8();
    return out;
}

bool splitArguments(const QString& line, QList<QByteArray>* arguments, QString* error)
{
    arguments->clear();
    qsizetype i = 0;
    const qsizetype size = line.size();
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    while (true) {
        while (i < size && isSeparator(line.at(i)))
            ++i;
        if (i >= size)
            return true;
        QByteArray current;
        bool inDouble = false;
        bool inSingle = false;
        bool done = false;
        while (!done) {
            if (i >= size) {
                if (inDouble || inSingle)
                    return fail(QCoreApplication::translate("RedisText", "Unbalanced quotes in the command line."));
                break;
            }
            const QChar c = line.at(i);
            if (inDouble) {
                if (c == QLatin1Char('\\')) {
                    const qsizetype consumed = appendUnescaped(line, i, current);
                    if (consumed > 0) {
                        i += consumed;
                        continue;
                    }
                    // An unknown escape keeps the escaped character, as redis-cli does.
                    if (i + 1 < size) {
                        i += 1 + appendCharacter(line, i + 1, current);
                        continue;
                    }
                } else if (c == QLatin1Char('"')) {
                    if (i + 1 < size && !isSeparator(line.at(i + 1)))
                        return fail(QCoreApplication::translate(
                            "RedisText", "A closing quote must be followed by a space (column %1).")
                                        .arg(i + 1));
                    inDouble = false;
                    done = true;
                    ++i;
                    continue;
                }
                i += appendCharacter(line, i, current);
            } else if (inSingle) {
                if (c == QLatin1Char('\\') && i + 1 < size && line.at(i + 1) == QLatin1Char('\'')) {
                    current += '\'';
                    i += 2;
                    continue;
                }
                if (c == QLatin1Char('\'')) {
                    if (i + 1 < size && !isSeparator(line.at(i + 1)))
                        return fail(QCoreApplication::translate(
                            "RedisText", "A closing quote must be followed by a space (column %1).")
                                        .arg(i + 1));
                    inSingle = false;
                    done = true;
                    ++i;
                    continue;
                }
                i += appendCharacter(line, i, current);
            } else {
                if (isSeparator(c)) {
                    done = true;
                } else if (c == QLatin1Char('"') && current.isEmpty()) {
                    inDouble = true;
                } else if (c == QLatin1Char('\'') && current.isEmpty()) {
                    inSingle = true;
                } else {
                    i += appendCharacter(line, i, current);
                    continue;
                }
                ++i;
            }
        }
        arguments->append(current);
    }
}

int hexDigitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace vermilion::RedisText
