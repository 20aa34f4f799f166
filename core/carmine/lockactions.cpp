#include "lockactions.h"

#include "client/session.h"
#include "util/redistext.h"

namespace vermilion {

QByteArray LockActions::compareAndDeleteScript()
{
    return QByteArrayLiteral("if redis.call('get', KEYS[1]) == ARGV[1] then\n"
                             "  return redis.call('del', KEYS[1])\n"
                             "else\n"
                             "  return 0\n"
                             "end\n");
}

void LockActions::forceRelease(
    Session* session, const QByteArray& key, const QByteArray& owner, QObject* context, Done done)
{
    const QString shownKey = RedisText::escape(key);
    if (session->isReadOnly()) {
        done(Outcome::Refused, tr("This connection is read-only: lock %1 was not released.").arg(shownKey));
        return;
    }
    session->execute(
        { "EVAL", compareAndDeleteScript(), "1", key, owner }, context, [done, shownKey](const Reply& reply) {
            if (reply.isError()) {
                done(reply.errorKind() == Reply::ErrorKind::ReadOnly ? Outcome::Refused : Outcome::Failed,
                    tr("Lock %1 was not released: %2").arg(shownKey, reply.errorMessage()));
            } else if (reply.integerValue() == 1) {
                done(Outcome::Released, tr("Lock %1 released.").arg(shownKey));
            } else {
                done(Outcome::OwnerChanged,
                    tr("Lock %1 was not released: its owner changed since the last refresh (or it was released "
                       "already). Refresh to see who holds it now.")
                        .arg(shownKey));
            }
        });
}

} // namespace vermilion
