// libFuzzer target: Redis glob matching on hostile patterns and names (deep stars, unterminated
// classes, trailing backslashes, bytes >= 0x80). Invariants: an escaped literal matches exactly
// itself; "*" + pattern + "*" matches whenever the pattern does; no crash, no runaway recursion.
#include "pubsub/globmatch.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace vermilion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const size_t split = qMin<size_t>(data[0], size - 1);
    const QByteArray pattern(reinterpret_cast<const char*>(data) + 1, qsizetype(split));
    const QByteArray text(reinterpret_cast<const char*>(data) + 1 + split, qsizetype(size - 1 - split));
    const bool matched = Glob::matches(pattern, text);
    (void)Glob::matches(pattern, text, true);
    QByteArray starred("*");
    starred.append(pattern).append('*');
    // (Redis never matches an empty name with a star: "*" does not match "".)
    if (matched && !text.isEmpty() && !pattern.contains('[') && !pattern.endsWith('\\') && !Glob::matches(starred, text))
        std::abort();
    QByteArray literal;
    for (const char c : text) {
        literal += '\\';
        literal += c;
    }
    if (!text.isEmpty() && !Glob::matches(literal, text))
        std::abort();
    if (!text.isEmpty() && text.size() < 64) {
        QByteArray other = text;
        other[0] = char(other[0] ^ 1);
        if (Glob::matches(literal, other))
            std::abort();
    }
    return 0;
}
