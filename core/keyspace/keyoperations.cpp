#include "keyoperations.h"

#include "client/session.h"

#include <QCoreApplication>

namespace vermilion::KeyOperations {

namespace {
// Creates only when the name is free, with the first element and the TTL, in one step.
const QByteArray createScript = R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local ttl = tonumber(ARGV[1])
local command = ARGV[2]
local args = {}
for i = 3, #ARGV do args[#args + 1] = ARGV[i] end
redis.call(command, KEYS[1], unpack(args))
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
)lua";

bool failed(const Reply& reply, const Done& done)
{
    if (!reply.isError())
        return false;
    done(Outcome::Failed, reply.errorMessage());
    return true;
}
} // namespace

void create(Session* session, const QByteArray& key, const QByteArray& type, const QList<QByteArray>& arguments,
    qint64 ttlMs, QObject* context, Done done)
{
    Command command { "EVAL", createScript, "1", key, QByteArray::number(qMax<qint64>(0, ttlMs)) };
    if (type == "string")
        command << "SET";
    else if (type == "hash")
        command << "HSET";
    else if (type == "list")
        command << "RPUSH";
    else if (type == "set")
        command << "SADD";
    else if (type == "zset")
        command << "ZADD";
    else if (type == "stream")
        command << "XADD"
                << "*";
    else {
        done(Outcome::Failed,
            QCoreApplication::translate("KeyOperations", "Keys of type %1 cannot be created here.")
                .arg(QString::fromUtf8(type)));
        return;
    }
    command += arguments;
    session->execute(command, context, [done](const Reply& reply) {
        if (failed(reply, done))
            return;
        if (reply.integerValue() == 0)
            done(Outcome::TargetExists,
                QCoreApplication::translate("KeyOperations", "A key with this name exists already."));
        else
            done(Outcome::Done, QString());
    });
}

void rename(Session* session, const QByteArray& from, const QByteArray& to, bool replace, QObject* context, Done done)
{
    session->execute(
        { replace ? QByteArray("RENAME") : QByteArray("RENAMENX"), from, to }, context, [done](const Reply& reply) {
            if (reply.isError() && reply.bytes().contains("no such key")) {
                done(
                    Outcome::Missing, QCoreApplication::translate("KeyOperations", "The key does not exist any more."));
                return;
            }
            if (failed(reply, done))
                return;
            if (reply.isInteger() && reply.integerValue() == 0)
                done(Outcome::TargetExists,
                    QCoreApplication::translate("KeyOperations", "A key with the new name exists already."));
            else
                done(Outcome::Done, QString());
        });
}

void remove(Session* session, const QByteArray& key, QObject* context, Done done)
{
    session->execute({ "UNLINK", key }, context, [done](const Reply& reply) {
        if (failed(reply, done))
            return;
        done(reply.integerValue() == 1 ? Outcome::Done : Outcome::Missing,
            reply.integerValue() == 1
                ? QString()
                : QCoreApplication::translate("KeyOperations", "The key does not exist any more."));
    });
}

void setTtl(Session* session, const QByteArray& key, qint64 ttlMs, QObject* context, Done done)
{
    const Command command
        = ttlMs > 0 ? Command { "PEXPIRE", key, QByteArray::number(ttlMs) } : Command { "PERSIST", key };
    session->execute(command, context, [done, ttlMs](const Reply& reply) {
        if (failed(reply, done))
            return;
        if (reply.integerValue() == 1)
            done(Outcome::Done, QString());
        else if (ttlMs <= 0)
            done(Outcome::Done, QCoreApplication::translate("KeyOperations", "The key had no expiry."));
        else
            done(Outcome::Missing, QCoreApplication::translate("KeyOperations", "The key does not exist any more."));
    });
}

} // namespace vermilion::KeyOperations
