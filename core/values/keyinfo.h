#pragma once

#include <QByteArray>
#include <QMetaType>

namespace vermilion {

// What the value pane's header shows about one key.
struct KeyInfo {
    QByteArray key;
    bool exists = false;
    QByteArray type; // TYPE reply: "string", "hash", ... or a module type name
    qint64 ttlMs = -1; // PTTL: -1 = no expiry
    qint64 size = -1; // STRLEN / HLEN / LLEN / SCARD / ZCARD / XLEN; -1 for module types
    QByteArray encoding; // OBJECT ENCODING
    qint64 memoryBytes = -1; // MEMORY USAGE; -1 when the server does not say

    // The size command for a type, or empty for module types.
    static QByteArray sizeCommand(const QByteArray& type);
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::KeyInfo)
