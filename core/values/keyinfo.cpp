#include "keyinfo.h"

#include "util/redistypes.h"

namespace vermilion {

QByteArray KeyInfo::sizeCommand(const QByteArray& type)
{
    return RedisTypes::sizeCommand(type);
}

} // namespace vermilion
