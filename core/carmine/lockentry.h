#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace vermilion {

// One lock key as a refresh saw it.
struct LockEntry {
    QByteArray key;
    QByteArray name; // the key without the literal prefix of the pattern that matched it
    QByteArray owner; // the stored value (Carmine: the holder's UUID)
    qint64 pttlMs = -2; // PTTL: -1 = never expires, -2 = gone before it could be read
    bool isString = true; // false when GET answered WRONGTYPE: not a lock as Carmine writes one
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::LockEntry)
