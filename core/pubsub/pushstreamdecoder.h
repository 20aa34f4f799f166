#pragma once

#include "client/connection.h"
#include "client/replyreader.h"

#include <QByteArray>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vermilion {

// The push-mode bytes of a subscriber or MONITOR connection, decoded off the connection's thread.
// The connection's thread only appends what it reads to a queue of raw chunks (no work per
// message), so whenever it is scheduled it empties the socket and the server never has to buffer
// for us; a decode thread of the handler's own turns the chunks into messages, in order, together
// with the replies the ordinary parser produced and the markers of lost and restored links.
//
// When the bytes waiting for the decoder pass a bound (the machine cannot decode as fast as the
// server sends), the oldest messages are skipped without being built and counted as dropped, so
// memory stays bounded and the connection is never the one to go.
//
// Subclasses implement the decoding; their destructors must call stopDecoding() first.
class PushStreamDecoder : public PushHandler {
public:
    PushStreamDecoder();
    ~PushStreamDecoder() override;

    bool takesRawBytes() const override { return true; }
    void rawBytes(QByteArray&& bytes, qint64 receivedAtMs) override;
    void pushReplies(std::vector<Reply>&& replies) override;
    void linkDown(const QString& reason) override;

    // Raw bytes allowed to wait for the decoder before the oldest messages are skipped (default 96 MB).
    void setBacklogLimit(qint64 bytes) { m_backlogLimit.store(qMax<qint64>(1, bytes)); }
    // Bytes received and not decoded yet.
    qint64 backlogBytes() const { return m_queuedBytes.load(); }
    // Bytes received in raw mode so far (tests and diagnostics).
    qint64 rawBytesReceived() const { return m_rawTotal.load(); }

protected:
    // Decode thread. Decodes whole fast-path replies (messages) from the start of data and returns
    // the bytes used; stops at the first reply it does not take (*incomplete = false: the ordinary
    // parser gets exactly that reply) or at one cut off by the end (*incomplete = true). With skip,
    // messages are only counted as dropped, not built.
    virtual qsizetype decodeFast(const char* data, qsizetype size, qint64 receivedAtMs, bool skip, bool* incomplete)
        = 0;
    // Decode thread: a reply the fast path did not take (confirmation, error, a cut-off giant).
    virtual void decodeReply(Reply&& reply, qint64 receivedAtMs) = 0;
    // Decode thread: after each queued item; publish what was decoded.
    virtual void decoded() = 0;

    // Runs call in the decode thread after everything queued before it (link markers).
    void enqueueCall(std::function<void()> call);
    // Stops and joins the decode thread; what is still queued is discarded.
    void stopDecoding();

private:
    struct Item {
        enum class Kind : quint8 { Bytes, Replies, Reset, Call } kind = Kind::Bytes;
        QByteArray bytes;
        std::vector<Reply> replies;
        std::function<void()> call;
        qint64 receivedAtMs = 0;
    };
    void enqueue(Item&& item);
    void run();
    void feed(const QByteArray& bytes, qint64 receivedAtMs, bool skip);
    void parseWhole(const char* data, qsizetype length, qint64 receivedAtMs);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_items; // guarded by m_mutex
    bool m_stopping = false; // guarded by m_mutex
    std::thread m_thread; // started with the first item
    std::atomic<qint64> m_queuedBytes { 0 };
    std::atomic<qint64> m_rawTotal { 0 };
    std::atomic<qint64> m_backlogLimit { 96LL * 1024 * 1024 };

    // Decode thread only.
    ReplyReader m_reader; // parses, one whole reply at a time, what the fast path leaves
    bool m_broken = false; // not RESP: ignore bytes until the link is made again
    QByteArray m_carry; // the start of a reply cut off by the end of a chunk
    qsizetype m_retryCarryAt = 0;
};

} // namespace vermilion
