#pragma once

#include <QByteArrayView>

namespace vermilion::Glob {

// Redis's glob matching (stringmatchlen in util.c), byte for byte: '*' any run, '?' one byte,
// '[abc]' / '[a-z]' / '[^x]' classes (bounds compared as signed chars, a reversed range is
// swapped, an unterminated class runs to the end), '\' escapes the next byte in and out of
// classes. PSUBSCRIBE, KEYS, SCAN MATCH and CLIENT KILL all match this way, so what we match
// locally is what the server delivers. Note: no pattern matches the empty string.
bool matches(QByteArrayView pattern, QByteArrayView text, bool ignoreCase = false);

// True when the text holds a byte that matching treats specially ('*', '?', '[', '\').
bool isPattern(QByteArrayView text);

} // namespace vermilion::Glob
