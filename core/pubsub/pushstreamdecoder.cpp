#include "pushstreamdecoder.h"

#include <QDateTime>
#include <cstring>

namespace vermilion {

namespace {
// A remainder longer than this is parsed again only once it can be complete.
constexpr qsizetype bigCarry = 256 * 1024;

// For a reply cut off by the end of data: the length it needs at least (more than size), or -1
// when a line of it is cut off (it can be complete only once a CR arrives).
qsizetype neededAtLeast(const char* data, qsizetype size, int depth = 0)
{
    const char* lineEnd = static_cast<const char*>(memchr(data, '\r', size_t(size)));
    if (!lineEnd || lineEnd + 1 >= data + size || depth > 64)
        return -1;
    const qsizetype header = lineEnd - data + 2;
    if (data[0] != '$' && data[0] != '*')
        return -1;
    qint64 count = 0;
    for (const char* p = data + 1; p < lineEnd; ++p) {
        if (*p < '0' || *p > '9' || count > (qint64(1) << 40))
            return -1;
        count = count * 10 + (*p - '0');
    }
    if (data[0] == '$')
        return header + qsizetype(count) + 2;
    qsizetype total = header;
    for (qint64 i = 0; i < count; ++i) {
        const qsizetype element = PushHandler::replyLength(data + total, size - total);
        if (element == -1) {
            const qsizetype rest = neededAtLeast(data + total, size - total, depth + 1);
            return rest < 0 ? -1 : total + rest;
        }
        if (element < 0)
            return -1;
        total += element;
    }
    return -1;
}
} // namespace

PushStreamDecoder::PushStreamDecoder() = default;

PushStreamDecoder::~PushStreamDecoder()
{
    stopDecoding();
}

void PushStreamDecoder::stopDecoding()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_items.clear();
        m_queuedBytes.store(0);
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PushStreamDecoder::enqueue(Item&& item)
{
    const qsizetype size = item.bytes.size();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_items.push_back(std::move(item));
        m_queuedBytes.fetch_add(size);
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
}

void PushStreamDecoder::rawBytes(QByteArray&& bytes, qint64 receivedAtMs)
{
    m_rawTotal.fetch_add(bytes.size());
    Item item;
    item.kind = Item::Kind::Bytes;
    item.bytes = std::move(bytes);
    item.receivedAtMs = receivedAtMs;
    enqueue(std::move(item));
}

void PushStreamDecoder::pushReplies(std::vector<Reply>&& replies)
{
    Item item;
    item.kind = Item::Kind::Replies;
    item.replies = std::move(replies);
    item.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    enqueue(std::move(item));
}

void PushStreamDecoder::linkDown(const QString& reason)
{
    Q_UNUSED(reason);
    Item item;
    item.kind = Item::Kind::Reset;
    enqueue(std::move(item));
}

void PushStreamDecoder::enqueueCall(std::function<void()> call)
{
    Item item;
    item.kind = Item::Kind::Call;
    item.call = std::move(call);
    enqueue(std::move(item));
}

void PushStreamDecoder::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stopping || !m_items.empty(); });
        if (m_stopping)
            return;
        Item item = std::move(m_items.front());
        m_items.pop_front();
        // Skip (count, do not build) when more than the bound still waits behind this chunk.
        const qint64 behind = m_queuedBytes.fetch_sub(item.bytes.size()) - item.bytes.size();
        lock.unlock();
        switch (item.kind) {
        case Item::Kind::Bytes:
            feed(item.bytes, item.receivedAtMs, behind > m_backlogLimit.load());
            break;
        case Item::Kind::Replies:
            for (Reply& reply : item.replies)
                decodeReply(std::move(reply), item.receivedAtMs);
            break;
        case Item::Kind::Reset:
            // A new link starts a new stream: whatever was cut off belongs to the old one.
            m_carry.clear();
            m_retryCarryAt = 0;
            m_reader.reset();
            m_broken = false;
            break;
        case Item::Kind::Call:
            item.call();
            break;
        }
        decoded();
        item = {}; // freed outside the lock
        lock.lock();
    }
}

void PushStreamDecoder::parseWhole(const char* data, qsizetype length, qint64 receivedAtMs)
{
    // The reader only ever gets one whole reply, so it is at a boundary again afterwards.
    m_reader.feed(data, length);
    Reply reply;
    const ReplyReader::Result result = m_reader.next(&reply);
    if (result != ReplyReader::Result::Reply) {
        m_broken = true;
        reportProtocolError(m_reader.errorString());
        return;
    }
    decodeReply(std::move(reply), receivedAtMs);
}

void PushStreamDecoder::feed(const QByteArray& bytes, qint64 receivedAtMs, bool skip)
{
    if (m_broken || bytes.isEmpty())
        return;
    QByteArray joined;
    const char* data = bytes.constData();
    qsizetype size = bytes.size();
    if (!m_carry.isEmpty()) {
        const qsizetype before = m_carry.size();
        m_carry.append(bytes);
        // A big reply coming in is parsed again only once it can be complete (linear, not quadratic).
        if (m_retryCarryAt > 0 && m_carry.size() < m_retryCarryAt)
            return;
        if (m_retryCarryAt < 0 && !memchr(m_carry.constData() + before - 1, '\r', size_t(m_carry.size() - before + 1)))
            return;
        joined = std::exchange(m_carry, {});
        data = joined.constData();
        size = joined.size();
    }
    m_retryCarryAt = 0;
    qsizetype pos = 0;
    while (pos < size) {
        bool incomplete = false;
        pos += decodeFast(data + pos, size - pos, receivedAtMs, skip, &incomplete);
        Q_ASSERT(pos <= size);
        if (incomplete || pos == size)
            break;
        // A reply the fast path does not take: exactly its bytes go to the ordinary parser.
        const qsizetype length = PushHandler::replyLength(data + pos, size - pos);
        if (length == -1)
            break;
        if (length == -2) {
            m_reader.feed(data + pos, size - pos);
            Reply ignored;
            while (m_reader.next(&ignored) == ReplyReader::Result::Reply) { }
            m_broken = true;
            reportProtocolError(m_reader.errorString());
            return;
        }
        parseWhole(data + pos, length, receivedAtMs);
        if (m_broken)
            return;
        pos += length;
    }
    if (pos < size) {
        m_carry = QByteArray(data + pos, size - pos);
        if (m_carry.size() > bigCarry)
            m_retryCarryAt = neededAtLeast(m_carry.constData(), m_carry.size());
    }
}

} // namespace vermilion
