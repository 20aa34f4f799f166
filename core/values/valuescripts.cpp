#include "valuescripts.h"

#include <QUuid>

namespace vermilion::ValueScripts {

namespace {
// Shared prologue: KEYS[1] must exist with the type in the local "expected".
constexpr char typeCheck[] = "local t = redis.call('TYPE', KEYS[1]).ok\n"
                             "if t == 'none' then return {'gone'} end\n"
                             "if t ~= expected then return {'wrongtype', t} end\n";
} // namespace

Result parse(const Reply& reply)
{
    Result result;
    if (reply.isError() || !reply.isArray() || reply.size() < 1) {
        result.error = reply.isError() ? reply : Reply::error("unexpected reply to an edit script");
        return result;
    }
    const QByteArray status = reply.at(0).bytes();
    if (status == "applied") {
        result.outcome = Outcome::Applied;
        if (reply.size() > 1)
            result.reply = reply.at(1);
    } else if (status == "conflict") {
        result.outcome = Outcome::Conflict;
        result.reply = reply.size() > 1 ? reply.at(1) : Reply::nil();
        if (reply.size() > 2)
            result.extra = reply.at(2);
    } else if (status == "wrongtype") {
        result.outcome = Outcome::WrongType;
        if (reply.size() > 1)
            result.actualType = reply.at(1).bytes();
    } else if (status == "gone") {
        result.outcome = Outcome::KeyGone;
    } else {
        result.error = Reply::error("unexpected reply to an edit script: " + status);
    }
    return result;
}

const QByteArray& guardedCall()
{
    static const QByteArray script = QByteArray("local expected = ARGV[1]\n") + typeCheck
        + "return {'applied', redis.call(ARGV[2], KEYS[1], unpack(ARGV, 3))}\n";
    return script;
}

const QByteArray& setString()
{
    // KEEPTTL: editing a value must not make a volatile key persistent.
    static const QByteArray script = QByteArray("local expected = 'string'\n") + typeCheck
        + "if ARGV[1] == 'check' then\n"
          "  local cur = redis.call('GET', KEYS[1])\n"
          "  if redis.sha1hex(cur) ~= ARGV[2] then\n"
          "    return {'conflict', string.sub(cur, 1, tonumber(ARGV[4])), #cur}\n"
          "  end\n"
          "end\n"
          "redis.call('SET', KEYS[1], ARGV[3], 'KEEPTTL')\n"
          "return {'applied'}\n";
    return script;
}

const QByteArray& hashEdit()
{
    static const QByteArray script = QByteArray("local expected = 'hash'\n") + typeCheck
        + "local cur = redis.call('HGET', KEYS[1], ARGV[2])\n"
          "if ARGV[1] == 'check' then\n"
          "  if ARGV[3] == 'absent' then\n"
          "    if cur then return {'conflict', cur} end\n"
          "  elseif cur ~= ARGV[4] then return {'conflict', cur} end\n"
          "end\n"
          "if ARGV[5] == 'del' then return {'applied', redis.call('HDEL', KEYS[1], ARGV[2])} end\n"
          "return {'applied', redis.call('HSET', KEYS[1], ARGV[2], ARGV[6])}\n";
    return script;
}

const QByteArray& listSet()
{
    static const QByteArray script = QByteArray("local expected = 'list'\n") + typeCheck
        + "local cur = redis.call('LINDEX', KEYS[1], ARGV[2])\n"
          "if not cur or (ARGV[1] == 'check' and cur ~= ARGV[3]) then return {'conflict', cur} end\n"
          "redis.call('LSET', KEYS[1], ARGV[2], ARGV[4])\n"
          "return {'applied'}\n";
    return script;
}

const QByteArray& listInsert()
{
    // LINSERT finds its pivot by value, which is ambiguous with duplicates: mark the element at the
    // index with a tombstone, insert next to the tombstone, then put the pivot's value back.
    static const QByteArray script = QByteArray("local expected = 'list'\n") + typeCheck
        + "local index = tonumber(ARGV[2])\n"
          "local cur = redis.call('LINDEX', KEYS[1], index)\n"
          "if not cur or (ARGV[1] == 'check' and cur ~= ARGV[3]) then return {'conflict', cur} end\n"
          "redis.call('LSET', KEYS[1], index, ARGV[6])\n"
          "local length = redis.call('LINSERT', KEYS[1], ARGV[4], ARGV[6], ARGV[5])\n"
          "if ARGV[4] == 'BEFORE' then index = index + 1 end\n"
          "redis.call('LSET', KEYS[1], index, cur)\n"
          "return {'applied', length}\n";
    return script;
}

const QByteArray& listRemove()
{
    static const QByteArray script = QByteArray("local expected = 'list'\n") + typeCheck
        + "local cur = redis.call('LINDEX', KEYS[1], ARGV[2])\n"
          "if not cur or (ARGV[1] == 'check' and cur ~= ARGV[3]) then return {'conflict', cur} end\n"
          "redis.call('LSET', KEYS[1], ARGV[2], ARGV[4])\n"
          "return {'applied', redis.call('LREM', KEYS[1], 1, ARGV[4])}\n";
    return script;
}

const QByteArray& zsetScore()
{
    // Scores compare as numbers: "1.5" shown and "1.50" typed are the same score.
    static const QByteArray script = QByteArray("local expected = 'zset'\n") + typeCheck
        + "local cur = redis.call('ZSCORE', KEYS[1], ARGV[2])\n"
          "if ARGV[1] == 'check' then\n"
          "  if ARGV[3] == 'absent' then\n"
          "    if cur then return {'conflict', cur} end\n"
          "  elseif not cur or tonumber(cur) ~= tonumber(ARGV[4]) then return {'conflict', cur} end\n"
          "end\n"
          "return {'applied', redis.call('ZADD', KEYS[1], ARGV[5], ARGV[2])}\n";
    return script;
}

QByteArray modeArgument(EditMode mode)
{
    return mode == EditMode::Checked ? QByteArray("check") : QByteArray("force");
}

QByteArray tombstone()
{
    return "__vermilion_tombstone_" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "__";
}

} // namespace vermilion::ValueScripts
