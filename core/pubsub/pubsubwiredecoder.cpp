#include "pubsubwiredecoder.h"

namespace vermilion {

namespace {
struct Parse {
    enum State { Ok, Incomplete, Bad } state;
    qint64 value;
};

// "<prefix><decimal>\r\n" at *cursor.
Parse readLength(const char* data, qsizetype size, qsizetype* cursor, char prefix)
{
    qsizetype i = *cursor;
    if (i >= size)
        return { Parse::Incomplete, 0 };
    if (data[i] != prefix)
        return { Parse::Bad, 0 };
    ++i;
    bool negative = false;
    if (i < size && data[i] == '-') {
        negative = true;
        ++i;
    }
    qint64 value = 0;
    const qsizetype digitsStart = i;
    while (i < size && data[i] >= '0' && data[i] <= '9') {
        if (i - digitsStart > 12)
            return { Parse::Bad, 0 };
        value = value * 10 + (data[i] - '0');
        ++i;
    }
    if (i + 1 >= size)
        return { Parse::Incomplete, 0 };
    if (i == digitsStart || data[i] != '\r' || data[i + 1] != '\n')
        return { Parse::Bad, 0 };
    *cursor = i + 2;
    return { Parse::Ok, negative ? -value : value };
}

QByteArray shared(QByteArray* last, const char* data, qsizetype length)
{
    if (QByteArrayView(*last) != QByteArrayView(data, length))
        *last = QByteArray(data, length);
    return *last;
}
} // namespace

qsizetype PubSubWireDecoder::decode(
    const char* data, qsizetype size, qint64 timestampMs, std::vector<PubSubMessage>* out, bool* incomplete,
    qint64* skipped)
{
    *incomplete = false;
    qsizetype pos = 0;
    while (pos < size) {
        qsizetype cursor = pos;
        const Parse header = readLength(data, size, &cursor, '*');
        if (header.state != Parse::Ok) {
            *incomplete = header.state == Parse::Incomplete;
            return pos;
        }
        if (header.value != 3 && header.value != 4)
            return pos;
        const char* parts[4] = {};
        qsizetype lengths[4] = {};
        for (qint64 i = 0; i < header.value; ++i) {
            const Parse bulk = readLength(data, size, &cursor, '$');
            if (bulk.state == Parse::Bad || (bulk.state == Parse::Ok && bulk.value < 0))
                return pos;
            if (bulk.state == Parse::Incomplete || size - cursor < bulk.value + 2) {
                *incomplete = true;
                return pos;
            }
            parts[i] = data + cursor;
            lengths[i] = qsizetype(bulk.value);
            cursor += qsizetype(bulk.value);
            if (data[cursor] != '\r' || data[cursor + 1] != '\n')
                return pos;
            cursor += 2;
            if (i == 0) {
                const QByteArrayView verb(parts[0], lengths[0]);
                if (verb != (header.value == 3 ? QByteArrayView("message") : QByteArrayView("pmessage")))
                    return pos; // a confirmation or something new: the ordinary parser's job
            }
        }
        if (skipped) {
            ++*skipped;
            pos = cursor;
            continue;
        }
        PubSubMessage message;
        message.timestampMs = timestampMs;
        if (header.value == 3) {
            message.kind = PubSubMessage::Kind::Message;
            message.channel = shared(&m_lastChannel, parts[1], lengths[1]);
            message.payload = QByteArray(parts[2], lengths[2]);
        } else {
            message.kind = PubSubMessage::Kind::PatternMessage;
            message.pattern = shared(&m_lastPattern, parts[1], lengths[1]);
            message.channel = shared(&m_lastChannel, parts[2], lengths[2]);
            message.payload = QByteArray(parts[3], lengths[3]);
        }
        out->push_back(std::move(message));
        pos = cursor;
    }
    return pos;
}

} // namespace vermilion
