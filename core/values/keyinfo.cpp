#include "keyinfo.h"

namespace vermilion {

QByteArray KeyInfo::sizeCommand(const QByteArray& type)
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

} // namespace vermilion
