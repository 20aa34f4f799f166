#include "benchsupport.h"
#include "client/connection.h"
#include "client/session.h"
#include "values/hashmodel.h"
#include "values/listmodel.h"
#include "values/setmodel.h"
#include "values/streammodel.h"
#include "values/stringvalue.h"
#include "values/zsetmodel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>
#include <memory>

namespace vermilion::bench {

namespace {
// Runs commands with at most 32 in flight, on a connection of its own.
void runAll(const ConnectionProfile& profile, const QList<Command>& commands)
{
    Connection connection(profile);
    connection.open();
    QEventLoop loop;
    QObject context;
    qsizetype next = 0;
    qsizetype pending = 0;
    std::function<void()> pump = [&] {
        while (next < commands.size() && pending < 32) {
            ++pending;
            connection.execute(commands.at(next++), &context, [&](const Reply& reply) {
                if (reply.isError())
                    fail(QStringLiteral("populating failed: ") + reply.errorMessage());
                --pending;
                if (next >= commands.size() && pending == 0)
                    loop.quit();
                else
                    pump();
            });
        }
    };
    pump();
    if (!commands.isEmpty())
        loop.exec();
}

void populateHash(const ConnectionProfile& profile, qint64 fields)
{
    QList<Command> commands { { "DEL", "bench:hash" } };
    for (qint64 start = 0; start < fields; start += 1000) {
        Command hset { "HSET", "bench:hash" };
        for (qint64 i = start; i < qMin(fields, start + 1000); ++i)
            hset << "field:" + QByteArray::number(i) << "value:" + QByteArray::number(i);
        commands.append(hset);
    }
    runAll(profile, commands);
}

void populateStream(const ConnectionProfile& profile, qint64 entries)
{
    QList<Command> commands { { "DEL", "bench:stream" } };
    for (qint64 i = 0; i < entries; ++i)
        commands.append({ "XADD", "bench:stream", QByteArray::number(i + 1) + "-0", "event", "click", "user",
            QByteArray::number(i % 1000) });
    runAll(profile, commands);
}

void populateSet(const ConnectionProfile& profile, qint64 members)
{
    QList<Command> commands { { "DEL", "bench:set" } };
    for (qint64 start = 0; start < members; start += 1000) {
        Command sadd { "SADD", "bench:set" };
        for (qint64 i = start; i < qMin(members, start + 1000); ++i)
            sadd << "member:" + QByteArray::number(i);
        commands.append(sadd);
    }
    runAll(profile, commands);
}

void populateString(const ConnectionProfile& profile, qint64 megabytes)
{
    // SETRANGE in 1 MiB steps: no 100 MB command is ever built in memory.
    QList<Command> commands { { "DEL", "bench:string" } };
    const QByteArray chunk(1024 * 1024, 'v');
    for (qint64 i = 0; i < megabytes; ++i)
        commands.append({ "SETRANGE", "bench:string", QByteArray::number(i * chunk.size()), chunk });
    runAll(profile, commands);
}
} // namespace

int runValueLoadAll(const Arguments& arguments, Session& session, const QByteArray& key);
QByteArray populateForLoadAll(const Arguments& arguments, Session& session);

int runValue(const Arguments& arguments)
{
    if (arguments.has(QStringLiteral("load-all"))) {
        // The real editor widgets: main() made a QApplication for this flag.
        Session session(arguments.profile());
        session.open();
        QByteArray key = populateForLoadAll(arguments, session);
        if (arguments.has(QStringLiteral("key")))
            key = arguments.value(QStringLiteral("key")).toUtf8();
        if (key.isEmpty())
            fail(QStringLiteral("--load-all needs --key KEY, --populate-json MB [--gzip] or --populate-binary MB"));
        return runValueLoadAll(arguments, session, key);
    }
    const ConnectionProfile profile = arguments.profile();
    if (arguments.has(QStringLiteral("populate-hash")))
        populateHash(profile, arguments.integer(QStringLiteral("populate-hash"), 1000000));
    if (arguments.has(QStringLiteral("populate-string")))
        populateString(profile, arguments.integer(QStringLiteral("populate-string"), 100));
    if (arguments.has(QStringLiteral("populate-stream")))
        populateStream(profile, arguments.integer(QStringLiteral("populate-stream"), 1000000));
    if (arguments.has(QStringLiteral("populate-set")))
        populateSet(profile, arguments.integer(QStringLiteral("populate-set"), 1000000));
    QByteArray key = arguments.value(QStringLiteral("key")).toUtf8();
    if (key.isEmpty()) {
        key = arguments.has(QStringLiteral("populate-string")) ? "bench:string"
            : arguments.has(QStringLiteral("populate-stream")) ? "bench:stream"
            : arguments.has(QStringLiteral("populate-set"))    ? "bench:set"
                                                               : "bench:hash";
    }

    Session session(profile);
    session.open();
    // The type first, as the key browser knows it; connecting is not measured.
    const Reply type = [&] {
        QEventLoop loop;
        Reply reply;
        session.execute({ "TYPE", key }, &loop, [&](const Reply& r) {
            reply = r;
            loop.quit();
        });
        loop.exec();
        return reply;
    }();
    if (type.isError())
        fail(type.errorMessage());
    const QByteArray typeName = type.bytes();

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [] { fail(QStringLiteral("no first page within 60 s")); });
    std::unique_ptr<QObject> holder;
    QElapsedTimer clock;
    auto connectModel = [&](ValueModel* model) {
        QObject::connect(model, &ValueModel::errorOccurred, &loop, [](const QString& m) { fail(m); });
        QObject::connect(model, &ValueModel::keyVanished, &loop, [](const QString& m) { fail(m); });
        // Scan models append rows; paged models reset once the count and the first page are in.
        QObject::connect(model, &QAbstractItemModel::rowsInserted, &loop, &QEventLoop::quit);
        QObject::connect(model, &QAbstractItemModel::modelReset, &loop, [&loop, model] {
            if (!model->isLoading())
                loop.quit();
        });
    };
    clock.start();
    if (typeName == "string") {
        auto* value = new StringValue(&session, key);
        holder.reset(value);
        QObject::connect(value, &StringValue::loaded, &loop, &QEventLoop::quit);
        QObject::connect(value, &StringValue::errorOccurred, &loop, [](const QString& m) { fail(m); });
        value->load();
    } else {
        ValueModel* model = nullptr;
        if (typeName == "hash")
            model = new HashModel(&session, key);
        else if (typeName == "set")
            model = new SetModel(&session, key);
        else if (typeName == "list")
            model = new ListModel(&session, key);
        else if (typeName == "zset")
            model = new ZSetModel(&session, key);
        else if (typeName == "stream")
            model = new StreamModel(&session, key);
        else
            fail(QStringLiteral("the key is missing or of a type without a value model: ")
                + QString::fromUtf8(typeName));
        holder.reset(model);
        connectModel(model);
        model->reload();
    }
    timeout.start(60000);
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;

    emitResult({ { QStringLiteral("bench"), QStringLiteral("value") },
        { QStringLiteral("key"), QString::fromUtf8(key) }, { QStringLiteral("type"), QString::fromUtf8(typeName) },
        { QStringLiteral("first_page_seconds"), seconds }, { QStringLiteral("peak_rss_mb"), peakRssMb() } });
    return 0;
}

} // namespace vermilion::bench
