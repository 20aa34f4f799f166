#include "keypattern.h"

namespace vermilion {

QByteArray KeyPattern::escapeGlob(QByteArrayView literal)
{
    QByteArray escaped;
    escaped.reserve(literal.size() + 8);
    for (const char c : literal) {
        switch (c) {
        case '*':
        case '?':
        case '[':
        case ']':
        case '\\':
            escaped.append('\\');
            break;
        default:
            break;
        }
        escaped.append(c);
    }
    return escaped;
}

QByteArray KeyPattern::folderPattern(QByteArrayView folderPrefix, QByteArrayView separator)
{
    if (folderPrefix.isEmpty())
        return QByteArrayLiteral("*");
    QByteArray folder = folderPrefix.toByteArray();
    folder.append(separator);
    QByteArray pattern = escapeGlob(folder);
    pattern.append('*');
    return pattern;
}

} // namespace vermilion
