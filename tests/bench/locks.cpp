#include "benchsupport.h"
#include "carmine/lockmodel.h"
#include "carmine/lockscanner.h"
#include "client/session.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

namespace vermilion::bench {

namespace {
Reply await(Session& session, const QList<Command>& commands)
{
    QEventLoop loop;
    QList<Reply> replies;
    session.executeBatch(commands, &loop, [&](const QList<Reply>& r) {
        replies = r;
        loop.quit();
    });
    loop.exec();
    for (const Reply& reply : replies) {
        if (reply.isError())
            return reply;
    }
    return replies.isEmpty() ? Reply::nil() : replies.last();
}

// Locks as Carmine writes them (owner UUID, PX timeout), plus as many unrelated keys.
void populate(Session& session, qint64 locks)
{
    QList<Command> commands;
    for (qint64 i = 0; i < locks; ++i) {
        commands.append({ "SET", "carmine:lock:bench/" + QByteArray::number(i),
            "6f1d1c9e-3b7a-4f11-9d2e-" + QByteArray::number(100000000000 + i), "PX", QByteArray::number(600000 + i) });
        commands.append({ "SET", "bench:other:" + QByteArray::number(i), "x" });
        if (commands.size() >= 5000) {
            const Reply error = await(session, commands);
            if (error.isError())
                fail(QStringLiteral("populating failed: ") + error.errorMessage());
            commands.clear();
        }
    }
    if (!commands.isEmpty())
        await(session, commands);
}
} // namespace

int runLocks(const Arguments& arguments)
{
    const bool privateServer = !arguments.has(QStringLiteral("url"));
    Session session(arguments.profile());
    session.open();
    const qint64 toPopulate = arguments.integer(QStringLiteral("populate"), privateServer ? 10000 : 0);
    if (toPopulate > 0)
        populate(session, toPopulate);
    await(session, { { "PING" } }); // the connections are up before the clock starts

    LockScanner scanner(&session);
    if (arguments.has(QStringLiteral("pattern")))
        scanner.setPatterns({ arguments.value(QStringLiteral("pattern")).toUtf8() });
    LockModel model;
    QEventLoop loop;
    qint64 elapsedNs = 0;
    int locks = 0;
    QElapsedTimer clock;
    QObject::connect(&scanner, &LockScanner::finished, &loop, [&](const QList<LockEntry>& found, qint64) {
        model.setLocks(found);
        elapsedNs = clock.nsecsElapsed();
        locks = model.rowCount();
        loop.quit();
    });
    QObject::connect(&scanner, &LockScanner::failed, &loop, [](const QString& message) { fail(message); });
    // One refresh to open the bulk connection, then the measured one.
    clock.start();
    scanner.scan();
    loop.exec();
    clock.start();
    scanner.scan();
    loop.exec();
    emitResult({ { QStringLiteral("bench"), QStringLiteral("locks") }, { QStringLiteral("locks"), locks },
        { QStringLiteral("seconds"), double(elapsedNs) / 1e9 } });
    return 0;
}

static const ScenarioRegistration registration { "locks", "--url URL [--populate N] [--pattern P]", &runLocks };

} // namespace vermilion::bench
