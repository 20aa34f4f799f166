#include "naturalcompare.h"

namespace vermilion {

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}
} // namespace

int naturalCompare(QByteArrayView a, QByteArrayView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    while (i < n && j < m) {
        const char ca = a[i];
        const char cb = b[j];
        if (isDigit(ca) && isDigit(cb)) {
            // Compare the numbers: skip leading zeros, then the longer run is bigger, then digits.
            qsizetype si = i;
            qsizetype sj = j;
            while (si < n && a[si] == '0')
                ++si;
            while (sj < m && b[sj] == '0')
                ++sj;
            qsizetype ei = si;
            qsizetype ej = sj;
            while (ei < n && isDigit(a[ei]))
                ++ei;
            while (ej < m && isDigit(b[ej]))
                ++ej;
            const qsizetype lengthA = ei - si;
            const qsizetype lengthB = ej - sj;
            if (lengthA != lengthB)
                return lengthA < lengthB ? -1 : 1;
            for (qsizetype k = 0; k < lengthA; ++k) {
                if (a[si + k] != b[sj + k])
                    return a[si + k] < b[sj + k] ? -1 : 1;
            }
            // Equal values: fewer leading zeros first ("1" before "01").
            if ((si - i) != (sj - j))
                return (si - i) < (sj - j) ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const char la = lower(ca);
        const char lb = lower(cb);
        if (la != lb)
            return static_cast<unsigned char>(la) < static_cast<unsigned char>(lb) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < n || j < m)
        return i < n ? 1 : -1;
    // Same ignoring case: fall back to bytes so that "A" and "a" keep a fixed order.
    const int bytes = a.compare(b);
    return bytes < 0 ? -1 : (bytes > 0 ? 1 : 0);
}

} // namespace vermilion
