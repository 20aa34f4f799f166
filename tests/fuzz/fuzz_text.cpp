// libFuzzer target: text that crosses the boundary between bytes and what the user sees or types:
// redis-cli escaping (must round-trip exactly), argument splitting, URLs and INFO replies.
#include "profiles/connectionprofile.h"
#include "server/serverinfo.h"
#include "util/redistext.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    // What is shown can be typed back: escape() then unescape() gives the same bytes.
    const QString shown = RedisText::escape(bytes, RedisText::Quoting::None);
    if (RedisText::unescape(shown) != bytes)
        std::abort();
    // And as one quoted argument it splits back to exactly those bytes.
    QList<QByteArray> arguments;
    const QString quoted = RedisText::escape(bytes, RedisText::Quoting::IfNeeded);
    if (!RedisText::splitArguments(quoted, &arguments) || arguments.size() != 1 || arguments.first() != bytes)
        std::abort();

    const QString text = QString::fromUtf8(bytes);
    QString error;
    RedisText::splitArguments(text, &arguments, &error);
    ConnectionProfile profile;
    if (!ConnectionProfile::fromUrl(text, &profile, &error) && error.isEmpty())
        std::abort(); // a refusal always says why

    const ServerInfo info = ServerInfo::parse(bytes);
    (void)info.keyspace();
    (void)info.integer("used_memory");
    return 0;
}
