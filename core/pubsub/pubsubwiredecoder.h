#pragma once

#include "pubsubmessage.h"

#include <vector>

namespace vermilion {

// The subscriber's fast path: "message" and "pmessage" replies decoded straight from the bytes a
// subscriber connection receives, without building Reply trees. Two allocations per message at most
// (channel and pattern names are shared while they repeat). Anything else (confirmations, errors,
// what a newer server may send) is left to the ordinary RESP parser.
class PubSubWireDecoder {
public:
    // Decodes whole messages from the start of data into *out and returns the bytes used. Stops at
    // the first reply that is not a message (*incomplete = false) or at one cut off by the end of
    // the data (*incomplete = true). With skipped, messages are only counted there, not built (a
    // backlog being shed).
    qsizetype decode(const char* data, qsizetype size, qint64 timestampMs, std::vector<PubSubMessage>* out,
        bool* incomplete, qint64* skipped = nullptr);

private:
    QByteArray m_lastChannel;
    QByteArray m_lastPattern;
};

} // namespace vermilion
