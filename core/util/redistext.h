#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace vermilion {

// Text forms of binary-safe Redis data, compatible with redis-cli: what is shown can be typed back.
namespace RedisText {
enum class Quoting {
    None, // escape, no quotes (status and error lines, table cells)
    Always, // "..." as redis-cli prints bulk strings
    IfNeeded, // quotes only where the text would not split back into one argument
};

// Valid printable UTF-8 stays as is; control characters, quotes, backslashes and bytes that are
// not valid UTF-8 are escaped (\n \r \t \a \b \" \\ \xHH).
QString escape(const QByteArray& bytes, Quoting quoting = Quoting::None);

// The inverse of escape(..., Quoting::None): \xHH, \n, \r, \t, \a, \b, \\, \" become bytes,
// everything else is encoded as UTF-8. A malformed escape is kept literally.
QByteArray unescape(const QString& text);
// The value of a hex digit (0-9, a-f, A-F), or -1.
int hexDigitValue(QChar c);

// Splits a command line like redis-cli: whitespace separates arguments, "double quotes"
// understand the escapes above, 'single quotes' only \'. Returns false with a message in
// *error on unbalanced quotes or a closing quote not followed by a space.
bool splitArguments(const QString& line, QList<QByteArray>* arguments, QString* error = nullptr);
} // namespace RedisText

} // namespace vermilion
