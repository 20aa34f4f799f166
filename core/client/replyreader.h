#pragma once

#include "reply.h"

#include <QString>
#include <functional>
#include <utility>

struct redisReader;
struct redisReply;

namespace vermilion {

class ReplyData;

// Incremental RESP2 parser: bytes go in as they arrive from any transport, whole replies come out.
// The parsing itself is hiredis's redisReader; this class converts its redisReply trees into
// Reply values and owns the reader's lifetime.
class ReplyReader {
public:
    enum class Result { Reply, NeedMoreData, ProtocolError };

    ReplyReader();
    ~ReplyReader();
    ReplyReader(const ReplyReader&) = delete;
    ReplyReader& operator=(const ReplyReader&) = delete;

    // Returns false once the reader is in the error state (then nothing more can be parsed).
    bool feed(const char* data, qsizetype size);
    Result next(Reply* reply);
    // hiredis's description of a protocol error, e.g. "Protocol error, got "H" as reply type byte".
    QString errorString() const;
    // Resets to a fresh reader (after a reconnect the stream starts over).
    void reset();
    // True at a reply boundary with nothing buffered: the next bytes start a new reply.
    bool isIdle() const;
    // Called once with the first element of the next top-level array reply, as soon as that element
    // is parsed and before the rest of the reply is: a SCAN chain learns its next cursor early.
    using Peek = std::function<void(const QByteArray&)>;
    void setFirstElementPeek(Peek peek) { m_peek = std::move(peek); }
    void notifyFirstElement(const QByteArray& bytes)
    {
        if (m_peek)
            std::exchange(m_peek, nullptr)(bytes);
    }

    // For the next reply, until set again: the strings of arrays inside a top-level array are packed
    // into one buffer each (Reply::packedStrings), with no allocation per string. Set it for the
    // reply about to be read (SCAN pages: thousands of keys each).
    void setPackStrings(bool pack) { m_packStrings = pack; }
    bool packsStrings() const { return m_packStrings; }

    // Converts a reply built by hiredis's default functions (for callers holding a redisReply).
    static Reply fromHiredis(const redisReply* reply);
    // For the hiredis callbacks: wraps a freshly built payload.
    static Reply adopt(ReplyData* data);

private:
    redisReader* m_reader = nullptr;
    Peek m_peek;
    bool m_packStrings = false;
};

// Binary-safe RESP encoding of a command as a multi-bulk of its arguments.
namespace RespEncoder {
void append(QByteArray& out, const Command& argv);
QByteArray encode(const Command& argv);
} // namespace RespEncoder

} // namespace vermilion
