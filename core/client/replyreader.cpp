#include "replyreader.h"

#include "replydata_p.h"

#include <hiredis/hiredis.h>

namespace vermilion {

namespace {
// hiredis builds replies through these functions, straight into ReplyData: no redisReply tree
// to allocate, copy and free. A node is owned by its parent's element list once it has one;
// only the root is handed to freeObject (on errors) or returned by next().
// Children that need no object of their own (strings, integers, nil inside an array) return
// this marker, since hiredis treats a null object as out of memory.
char childMarker;

bool packing(const redisReadTask* task)
{
    return task->privdata && static_cast<const ReplyReader*>(task->privdata)->packsStrings();
}

// A packed array that turns out to hold something else than strings (never for SCAN, but the
// bytes are the server's) goes back to one element per string, and keeps no packing.
void unpack(ReplyData* parent)
{
    if (!parent->packed)
        return;
    const PackedStrings& strings = parent->packed->strings;
    parent->elements.reserve(strings.size() + 1);
    for (qsizetype i = 0; i < strings.size(); ++i)
        parent->elements.append(Reply::string(strings.at(i).toByteArray()));
    parent->packed.reset();
}

ReplyData* attach(const redisReadTask* task, ReplyData* data)
{
    if (!task->parent)
        return data;
    auto* parent = static_cast<ReplyData*>(task->parent->obj);
    unpack(parent);
    // Children arrive in order; the list grows as they do (see createArray).
    if (parent->elements.size() <= task->idx)
        parent->elements.resize(task->idx + 1);
    parent->elements[task->idx] = ReplyReader::adopt(data);
    return data;
}

void* createString(const redisReadTask* task, char* str, size_t len)
{
    if (task->parent && task->type == REDIS_REPLY_STRING) {
        auto* parent = static_cast<ReplyData*>(task->parent->obj);
        if (parent->packed) {
            parent->packed->strings.append(str, qsizetype(len));
            return &childMarker;
        }
    }
    auto* data = new ReplyData;
    switch (task->type) {
    case REDIS_REPLY_ERROR:
        data->type = Reply::Type::Error;
        data->errorKind = Reply::ErrorKind::Server;
        break;
    case REDIS_REPLY_STATUS:
        data->type = Reply::Type::Status;
        break;
    default:
        data->type = Reply::Type::String;
        break;
    }
    data->bytes = QByteArray(str, qsizetype(len));
    if (task->parent) {
        attach(task, data);
        if (task->idx == 0 && !task->parent->parent && task->privdata)
            static_cast<ReplyReader*>(task->privdata)->notifyFirstElement(data->bytes);
        return &childMarker;
    }
    return data;
}

void* createArray(const redisReadTask* task, int elements)
{
    auto* data = new ReplyData;
    data->type = Reply::Type::Array;
    // The declared length is the server's word only: "*99999999" with nothing after it must not
    // allocate a hundred million elements. Reserve a bounded amount; children grow the list.
    // An array inside the top-level one, when its strings are to be packed (a SCAN page): one
    // buffer for all of them, sized for keys of a few dozen bytes.
    if (task->parent && !task->parent->parent && packing(task)) {
        data->packed = std::make_shared<ReplyData::Packed>();
        if (elements > 0) {
            data->packed->strings.ends.reserve(size_t(qMin(elements, 100000)));
            data->packed->strings.bytes.reserve(qsizetype(qMin(elements, 100000)) * 32);
        }
        return attach(task, data);
    }
    if (elements > 0)
        data->elements.reserve(qMin(elements, 1024));
    return attach(task, data);
}

void* createInteger(const redisReadTask* task, long long value)
{
    auto* data = new ReplyData;
    data->type = Reply::Type::Integer;
    data->integer = value;
    if (task->parent) {
        attach(task, data);
        return &childMarker;
    }
    return data;
}

void* createNil(const redisReadTask* task)
{
    // A nil child is a default (nil) element in its place.
    if (task->parent) {
        auto* parent = static_cast<ReplyData*>(task->parent->obj);
        unpack(parent);
        if (parent->elements.size() <= task->idx)
            parent->elements.resize(task->idx + 1);
    }
    return &childMarker;
}

void freeObject(void* object)
{
    if (object != &childMarker)
        delete static_cast<ReplyData*>(object);
}

redisReplyObjectFunctions replyFunctions { createString, createArray, createInteger, createNil, freeObject };

redisReader* createReader()
{
    redisReader* reader = redisReaderCreateWithFunctions(&replyFunctions);
    Q_CHECK_PTR(reader);
    return reader;
}
} // namespace

Reply ReplyReader::adopt(ReplyData* data)
{
    return Reply(data);
}

ReplyReader::ReplyReader()
    : m_reader(createReader())
{
    m_reader->privdata = this; // hiredis hands it to every read task
}

ReplyReader::~ReplyReader()
{
    redisReaderFree(m_reader);
}

void ReplyReader::reset()
{
    redisReaderFree(m_reader);
    m_reader = createReader();
    m_reader->privdata = this; // hiredis hands it to every read task
    m_peek = nullptr;
    m_packStrings = false;
}

bool ReplyReader::isIdle() const
{
    // hiredis leaves ridx at 0 with an unset task (type -1) after a reply when its buffer is small
    // (under 1 KB), instead of -1: both mean no reply is half read.
    return m_reader->err == 0 && m_reader->pos >= m_reader->len
        && (m_reader->ridx == -1 || (m_reader->ridx == 0 && m_reader->rstack[0].type < 0));
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
    if (raw == &childMarker) {
        *reply = Reply::nil(); // a top-level nil
        return Result::Reply;
    }
    auto* data = static_cast<ReplyData*>(raw);
    // Most status replies are "OK": share one instead of keeping a million.
    static const Reply ok = Reply::status("OK");
    if (data->type == Reply::Type::Status && data->bytes.size() == 2 && data->bytes == "OK") {
        delete data;
        *reply = ok;
        return Result::Reply;
    }
    *reply = Reply(data);
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
