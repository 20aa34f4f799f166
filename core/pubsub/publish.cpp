#include "publish.h"

#include "client/session.h"

#include <QCoreApplication>
#include <QTimer>

namespace vermilion {

void publishMessage(Session* session, const QByteArray& channel, const QByteArray& payload, bool sharded,
                    QObject* context, std::function<void(qint64 receivers, const QString& error)> done)
{
    if (session->isReadOnly()) {
        QTimer::singleShot(0, context, [done] {
            done(0, QCoreApplication::translate("Publish", "this connection is read-only, so nothing is published."));
        });
        return;
    }
    const QByteArray verb = sharded && session->isCluster() ? QByteArray("SPUBLISH") : QByteArray("PUBLISH");
    session->execute({ verb, channel, payload }, context, [done](const Reply& reply) {
        if (reply.isError())
            done(0, reply.errorMessage());
        else
            done(reply.integerValue(), {});
    });
}

} // namespace vermilion
