// libFuzzer target: what a hostile or broken server (or a pasted URL) gives the administration
// tools: ACL GETUSER replies (structured, then written back as ACL SETUSER), SENTINEL MASTER /
// REPLICAS entries, key-pattern rules, and redis+sentinel:// URLs (parsed, written back, parsed
// again to the same profile).
#include "client/replyreader.h"
#include "dashboard/sentinelgroupmodel.h"
#include "diagnostics/aclmodel.h"
#include "profiles/connectionprofile.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    ReplyReader reader;
    reader.feed(bytes.constData(), bytes.size());
    Reply reply;
    while (reader.next(&reply) == ReplyReader::Result::Reply) {
        const AclUsersModel::User user = AclUsersModel::parseUser(QStringLiteral("fuzz"), reply);
        if (user.passwordCount < 0)
            std::abort();
        const Command setUser = AclUsersModel::setUserCommand(AclUsersModel::editOf(user));
        if (setUser.size() < 4)
            std::abort();
        (void)SentinelGroupModel::fields(reply);
        if (reply.isArray()) {
            for (const Reply& entry : reply.elements())
                (void)SentinelGroupModel::fields(entry);
        }
    }
    const QString text = QString::fromUtf8(bytes);
    const AclUsersModel::KeyPattern key = AclUsersModel::KeyPattern::parse(text);
    (void)key.rule();
    ConnectionProfile profile;
    QString error;
    if (ConnectionProfile::fromUrl(QStringLiteral("redis+sentinel://") + text, &profile, &error)) {
        if (profile.sentinels.isEmpty() || profile.sentinelMaster.isEmpty())
            std::abort();
        ConnectionProfile again;
        if (!ConnectionProfile::fromUrl(profile.toUrl(true), &again, &error))
            std::abort();
        if (again.sentinels != profile.sentinels || again.sentinelMaster != profile.sentinelMaster
            || again.database != profile.database || again.password != profile.password
            || again.sentinelPassword != profile.sentinelPassword)
            std::abort();
    }
    return 0;
}
