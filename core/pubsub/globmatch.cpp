#include "globmatch.h"

#include <utility>

namespace vermilion::Glob {

namespace {
// Lower-casing as C's tolower() in the "C" locale, on the signed char value Redis works with.
int fold(int c, bool ignoreCase)
{
    if (ignoreCase && c >= 'A' && c <= 'Z')
        return c - 'A' + 'a';
    return c;
}

struct Cursor {
    const char* data;
    qsizetype length;
    // Redis reads one byte past the end (the terminator of its sds strings): we read '\0' there.
    char at(qsizetype i) const { return i < length ? data[i] : '\0'; }
    void advance(qsizetype n = 1)
    {
        data += n;
        length -= n;
    }
};

bool matchFrom(Cursor pattern, Cursor text, bool ignoreCase, bool* giveUp)
{
    while (pattern.length > 0 && text.length > 0) {
        switch (pattern.at(0)) {
        case '*': {
            while (pattern.length > 1 && pattern.at(1) == '*')
                pattern.advance();
            if (pattern.length == 1)
                return true;
            Cursor rest = pattern;
            rest.advance();
            while (text.length > 0) {
                if (matchFrom(rest, text, ignoreCase, giveUp))
                    return true;
                // A later star cannot succeed where this one failed on the whole remaining text.
                if (*giveUp)
                    return false;
                text.advance();
            }
            *giveUp = true;
            return false;
        }
        case '?':
            text.advance();
            break;
        case '[': {
            pattern.advance();
            const bool negate = pattern.at(0) == '^';
            if (negate)
                pattern.advance();
            bool matched = false;
            const int c = fold(static_cast<signed char>(text.at(0)), ignoreCase);
            while (true) {
                if (pattern.at(0) == '\\' && pattern.length >= 2) {
                    pattern.advance();
                    if (pattern.at(0) == text.at(0))
                        matched = true;
                } else if (pattern.length > 0 && pattern.at(0) == ']') {
                    break;
                } else if (pattern.length <= 0) {
                    // Unterminated class: step back so the advance below lands on the end.
                    pattern.data -= 1;
                    pattern.length += 1;
                    break;
                } else if (pattern.length >= 3 && pattern.at(1) == '-') {
                    int start = fold(static_cast<signed char>(pattern.at(0)), ignoreCase);
                    int end = fold(static_cast<signed char>(pattern.at(2)), ignoreCase);
                    if (start > end)
                        std::swap(start, end);
                    pattern.advance(2);
                    if (c >= start && c <= end)
                        matched = true;
                } else if (ignoreCase) {
                    if (fold(static_cast<signed char>(pattern.at(0)), true) == c)
                        matched = true;
                } else if (pattern.at(0) == text.at(0)) {
                    matched = true;
                }
                pattern.advance();
            }
            if (negate)
                matched = !matched;
            if (!matched)
                return false;
            text.advance();
            break;
        }
        case '\\':
            if (pattern.length >= 2)
                pattern.advance();
            [[fallthrough]];
        default:
            if (ignoreCase) {
                if (fold(static_cast<signed char>(pattern.at(0)), true)
                    != fold(static_cast<signed char>(text.at(0)), true))
                    return false;
            } else if (pattern.at(0) != text.at(0)) {
                return false;
            }
            text.advance();
            break;
        }
        pattern.advance();
        if (text.length == 0) {
            while (pattern.length > 0 && pattern.at(0) == '*')
                pattern.advance();
            break;
        }
    }
    return pattern.length == 0 && text.length == 0;
}
} // namespace

bool matches(QByteArrayView pattern, QByteArrayView text, bool ignoreCase)
{
    bool giveUp = false;
    return matchFrom(Cursor { pattern.data(), pattern.size() }, Cursor { text.data(), text.size() }, ignoreCase,
        &giveUp);
}

bool isPattern(QByteArrayView text)
{
    for (const char c : text) {
        if (c == '*' || c == '?' || c == '[' || c == '\\')
            return true;
    }
    return false;
}

} // namespace vermilion::Glob
