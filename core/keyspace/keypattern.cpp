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

QList<QByteArray> KeyPattern::scanCommand(
    const QByteArray& cursor, const QByteArray& pattern, int count, const QByteArray& type)
{
    QList<QByteArray> scan { QByteArrayLiteral("SCAN"), cursor };
    if (!pattern.isEmpty() && pattern != "*")
        scan << QByteArrayLiteral("MATCH") << pattern;
    scan << QByteArrayLiteral("COUNT") << QByteArray::number(qMax(1, count));
    if (!type.isEmpty())
        scan << QByteArrayLiteral("TYPE") << type;
    return scan;
}

} // namespace vermilion
