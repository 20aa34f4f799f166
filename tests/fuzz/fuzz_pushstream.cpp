// libFuzzer target: the raw byte stream of a push-mode (subscriber) connection, as a hostile or
// broken server could send it, through PushStreamDecoder and the subscriber's wire decoder on the
// decode thread. Invariant: the decoded sequence (messages, replies the fast path leaves to the
// ordinary parser, and where the stream stopped being RESP) is the same whether the bytes arrive
// in one chunk or cut at the places the input's first bytes choose.
#include "pubsub/pubsubwiredecoder.h"
#include "pubsub/pushstreamdecoder.h"

#include <cstdint>
#include <cstdlib>
#include <future>

using namespace vermilion;

namespace {

class Collector final : public PushStreamDecoder {
public:
    ~Collector() override { stopDecoding(); }

    QList<Command> linkUp(bool) override { return {}; }
    bool isPush(const Reply&) const override { return true; }

    // Waits until everything queued so far went through the decode thread.
    void sync()
    {
        std::promise<void> done;
        enqueueCall([&done] { done.set_value(); });
        done.get_future().wait();
    }

    QList<QByteArray> events; // decode thread until sync() returns

protected:
    qsizetype decodeFast(const char* data, qsizetype size, qint64 receivedAtMs, bool skip, bool* incomplete) override
    {
        std::vector<PubSubMessage> parsed;
        qint64 skipped = 0;
        const qsizetype used = m_decoder.decode(data, size, receivedAtMs, &parsed, incomplete, skip ? &skipped : nullptr);
        if (used < 0 || used > size)
            std::abort();
        for (const PubSubMessage& message : parsed)
            events.append("msg " + message.pattern + '|' + message.channel + '|' + message.payload);
        return used;
    }

    void decodeReply(Reply&& reply, qint64) override
    {
        events.append("reply " + reply.toDisplayString().toUtf8());
    }

    void decoded() override { }

private:
    PubSubWireDecoder m_decoder;
};

QList<QByteArray> decode(const QByteArray& stream, const QList<qsizetype>& cuts)
{
    Collector collector;
    qsizetype start = 0;
    for (const qsizetype cut : cuts) {
        collector.rawBytes(stream.mid(start, cut - start), 1);
        start = cut;
    }
    collector.rawBytes(stream.mid(start), 1);
    collector.sync();
    return collector.events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    // The first two bytes choose up to two cut points; the rest is the stream.
    const QByteArray stream(reinterpret_cast<const char*>(data) + 2, qsizetype(size) - 2);
    QList<qsizetype> cuts;
    if (!stream.isEmpty()) {
        const qsizetype first = data[0] % (stream.size() + 1);
        const qsizetype second = data[1] % (stream.size() + 1);
        cuts = { qMin(first, second), qMax(first, second) };
    }
    const QList<QByteArray> whole = decode(stream, {});
    const QList<QByteArray> chunked = decode(stream, cuts);
    if (whole != chunked)
        std::abort();
    return 0;
}
