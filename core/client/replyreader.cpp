#include "replyreader.h"

#include <hiredis/hiredis.h>

namespace vermilion {

ReplyReader::ReplyReader()
    : m_reader(redisReaderCreate())
{
    Q_CHECK_PTR(m_reader);
}

ReplyReader::~ReplyReader() { redisReaderFree(m_reader); }

void ReplyReader::reset()
{
    redisReaderFree(m_reader);
    m_reader = redisReaderCreate();
    Q_CHECK_PTR(m_reader);
}

bool ReplyReader::feed(const char* data, qsizetype size)
{
    return redisReaderFeed(m_reader, data, size_t(size)) == REDIS_OK;
}

ReplyReader::Result ReplyReader::next(Reply* reply)
{
    void* raw = nullptr;
    if (redisReaderGetReply(m_reader, &raw) != REDIS_OK)
        return Result::ProtocolError;
    if (!raw)
        return Result::NeedMoreData;
    *reply = fromHiredis(static_cast<const redisReply*>(raw));
    freeReplyObject(raw);
    return Result::Reply;
}

QString ReplyReader::errorString() const
{
    if (!m_reader->err)
        return {};
    return QString::fromLatin1(m_reader->errstr);
}

Reply ReplyReader::fromHiredis(const redisReply* reply)
{
    if (!reply)
        return Reply::nil();
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        return Reply::string(QByteArray(reply->str, qsizetype(reply->len)));
    case REDIS_REPLY_STATUS: {
        // Most status replies are "OK": share one instead of allocating a million.
        static const Reply ok = Reply::status("OK");
        if (reply->len == 2 && reply->str[0] == 'O' && reply->str[1] == 'K')
            return ok;
        return Reply::status(QByteArray(reply->str, qsizetype(reply->len)));
    }
    case REDIS_REPLY_ERROR:
        return Reply::error(QByteArray(reply->str, qsizetype(reply->len)));
    case REDIS_REPLY_INTEGER:
        return Reply::integer(reply->integer);
    case REDIS_REPLY_ARRAY: {
        QList<Reply> elements;
        elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            elements.append(fromHiredis(reply->element[i]));
        return Reply::array(std::move(elements));
    }
    case REDIS_REPLY_NIL:
    default:
        return Reply::nil();
    }
}

namespace RespEncoder {
    namespace {
        void appendLength(QByteArray& out, char prefix, qsizetype length)
        {
            char buffer[24];
            char* end = buffer + sizeof(buffer);
            char* p = end;
            auto value = quint64(length);
            do {
                *--p = char('0' + value % 10);
                value /= 10;
            } while (value);
            out += prefix;
            out.append(p, end - p);
            out += "\r\n";
        }
    } // namespace

    void append(QByteArray& out, const Command& argv)
    {
        qsizetype total = 16;
        for (const QByteArray& arg : argv)
            total += arg.size() + 16;
        // Grow geometrically: callers append many commands to one buffer.
        if (out.capacity() - out.size() < total)
            out.reserve(qMax(out.size() + total, out.capacity() * 2));
        appendLength(out, '*', argv.size());
        for (const QByteArray& arg : argv) {
            appendLength(out, '$', arg.size());
            out += arg;
            out += "\r\n";
        }
    }

    QByteArray encode(const Command& argv)
    {
        QByteArray out;
        append(out, argv);
        return out;
    }
} // namespace RespEncoder

} // namespace vermilion
