#pragma once

#include <QByteArrayView>

namespace vermilion {

// Orders names as people expect: "key2" before "key10", case-insensitive first (ASCII), then by
// bytes so the order is total and stable. Works on raw bytes: binary names sort too.
int naturalCompare(QByteArrayView a, QByteArrayView b);
inline bool naturalLess(QByteArrayView a, QByteArrayView b)
{
    return naturalCompare(a, b) < 0;
}

} // namespace vermilion
