#pragma once

#include <QByteArray>

namespace vermilion::RedisTypes {

// The command that counts the elements of a key of this TYPE (a string's length in bytes), as
// redis-cli --bigkeys uses them; empty for a type that has none (module types).
inline QByteArray sizeCommand(const QByteArray& type)
{
    if (type == "string")
        return "STRLEN";
    if (type == "hash")
        return "HLEN";
    if (type == "list")
        return "LLEN";
    if (type == "set")
        return "SCARD";
    if (type == "zset")
        return "ZCARD";
    if (type == "stream")
        return "XLEN";
    return {};
}

} // namespace vermilion::RedisTypes
