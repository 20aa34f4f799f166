#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace vermilion {

// Turns literal key bytes into Redis glob patterns (SCAN MATCH, KEYS). Key names may contain the
// glob's own specials and any binary byte, so a folder picked in the key tree must be escaped before
// it can select "everything under it" and nothing else.
class KeyPattern {
public:
    // Backslash-escapes * ? [ ] and \ so that the result, used as a pattern, matches exactly the
    // literal. Other bytes (NUL and non-UTF-8 included) stay as they are: Redis matches bytes.
    static QByteArray escapeGlob(QByteArrayView literal);

    // Every key below a folder of the key tree: folder "app:user" with separator ":" gives
    // "app:user:*", which leaves out "app:user" itself and "app:username". An empty folder is the
    // whole database ("*").
    static QByteArray folderPattern(QByteArrayView folderPrefix, QByteArrayView separator);

    // One SCAN step: MATCH only when it filters (MATCH * would make the server compare every key
    // for nothing), TYPE when given.
    static QList<QByteArray> scanCommand(
        const QByteArray& cursor, const QByteArray& pattern, int count, const QByteArray& type = {});
};

} // namespace vermilion
