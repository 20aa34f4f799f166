// vermilion-bench export --url URL [--format dump] --out FILE [--populate N] [--match PATTERN]
// vermilion-bench import --url URL --in FILE [--format dump]
//
// export: the app's export job (TransferJob, its own thread, SCAN with DUMP + PTTL + TYPE pipelined,
// streamed to the file) against a plain blocking hiredis program in the same run that SCANs the
// same keys, pipelines DUMP + PTTL for each page and writes key, payload and TTL to a file.
// import: the app's import job into an empty database against plain hiredis pipelining RESTORE of
// the same payloads in batches of 1000, read from the same file. Both print
//   {"bench":"export"|"import","keys":K,"seconds":S,"hiredis_seconds":H,"ratio":R,"peak_rss_mb":M,
//    "max_ui_stall_ms":X}
// where ratio is our throughput over hiredis's (H / S: 1.0 = as fast, target at least 0.7).
#include "benchsupport.h"
#include "client/session.h"
#include "transfer/transferformat.h"
#include "transfer/transferjob.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <hiredis/hiredis.h>
#include <memory>

namespace vermilion::bench {

namespace {

using Context = std::unique_ptr<redisContext, decltype(&redisFree)>;
qint64 hiredisExportNode(const ConnectionProfile& profile, QFile& out, const QByteArray& match);

Context connectHiredis(const ConnectionProfile& profile)
{
    Context context(redisConnect(profile.host.toUtf8().constData(), profile.port), &redisFree);
    if (!context || context->err)
        fail(QStringLiteral("hiredis cannot connect"));
    if (profile.database != 0) {
        auto* reply = static_cast<redisReply*>(redisCommand(context.get(), "SELECT %d", profile.database));
        freeReplyObject(reply);
    }
    return context;
}

void append(redisContext* context, const QList<QByteArray>& argv)
{
    std::vector<const char*> parts;
    std::vector<size_t> lengths;
    for (const QByteArray& part : argv) {
        parts.push_back(part.constData());
        lengths.push_back(size_t(part.size()));
    }
    redisAppendCommandArgv(context, int(argv.size()), parts.data(), lengths.data());
}

redisReply* next(redisContext* context)
{
    void* reply = nullptr;
    if (redisGetReply(context, &reply) != REDIS_OK)
        fail(QStringLiteral("hiredis: %1").arg(QString::fromLatin1(context->errstr)));
    return static_cast<redisReply*>(reply);
}

// SCAN, then DUMP + PTTL of each page's keys pipelined, written as length-prefixed records; on a
// cluster, every master in turn.
qint64 hiredisExport(const ConnectionProfile& profile, const QString& path, const QByteArray& match)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write ") + path);
    const ClusterMap cluster = readClusterMap(profile);
    if (!cluster.isCluster())
        return hiredisExportNode(profile, out, match);
    qint64 keys = 0;
    for (const ClusterMap::Master& master : cluster.masters) {
        ConnectionProfile node = profile;
        node.host = QString::fromUtf8(master.host);
        node.port = master.port;
        keys += hiredisExportNode(node, out, match);
    }
    return keys;
}

qint64 hiredisExportNode(const ConnectionProfile& profile, QFile& out, const QByteArray& match)
{
    Context context = connectHiredis(profile);
    QByteArray cursor = "0";
    qint64 keys = 0;
    do {
        QList<QByteArray> scan { "SCAN", cursor, "COUNT", "1000" };
        if (!match.isEmpty())
            scan << "MATCH" << match;
        append(context.get(), scan);
        redisReply* page = next(context.get());
        cursor = QByteArray(page->element[0]->str, qsizetype(page->element[0]->len));
        QList<QByteArray> names;
        for (size_t i = 0; i < page->element[1]->elements; ++i)
            names.append(QByteArray(page->element[1]->element[i]->str, qsizetype(page->element[1]->element[i]->len)));
        freeReplyObject(page);
        for (const QByteArray& key : names) {
            append(context.get(), { "DUMP", key });
            append(context.get(), { "PTTL", key });
        }
        QByteArray chunk;
        for (const QByteArray& key : names) {
            redisReply* dump = next(context.get());
            redisReply* pttl = next(context.get());
            if (dump->type == REDIS_REPLY_STRING) {
                const quint32 keyLength = quint32(key.size());
                const quint32 payloadLength = quint32(dump->len);
                chunk.append(reinterpret_cast<const char*>(&keyLength), 4).append(key);
                chunk.append(reinterpret_cast<const char*>(&payloadLength), 4).append(dump->str, qsizetype(dump->len));
                chunk.append(reinterpret_cast<const char*>(&pttl->integer), 8);
                ++keys;
            }
            freeReplyObject(dump);
            freeReplyObject(pttl);
        }
        out.write(chunk);
    } while (cursor != "0");
    return keys;
}

// RESTORE of every payload in the dump file, pipelined in batches of 1000.
qint64 hiredisImport(const ConnectionProfile& profile, const QString& path)
{
    Context context = connectHiredis(profile);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read ") + path);
    std::unique_ptr<transfer::RecordReader> reader = transfer::RecordReader::create(transfer::Format::Dump, &in);
    transfer::ImportItem item;
    qint64 keys = 0;
    int pending = 0;
    const auto drain = [&] {
        for (; pending > 0; --pending) {
            redisReply* reply = next(context.get());
            if (reply->type == REDIS_REPLY_ERROR)
                fail(QStringLiteral("RESTORE: ") + QString::fromLatin1(reply->str));
            freeReplyObject(reply);
        }
    };
    while (reader->next(&item)) {
        QList<QByteArray> restore { "RESTORE", item.record.key, QByteArray::number(item.record.expireAtMs),
            item.record.payload };
        if (item.record.expireAtMs > 0)
            restore.append("ABSTTL");
        append(context.get(), restore);
        ++keys;
        if (++pending == 1000)
            drain();
    }
    drain();
    if (!reader->error().isEmpty())
        fail(reader->error());
    return keys;
}

transfer::TransferSummary runJob(transfer::TransferJob* job)
{
    QEventLoop loop;
    QObject::connect(job, &transfer::TransferJob::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return job->summary();
}

void flush(Session& session)
{
    awaitBatch(session, { { "FLUSHDB" } });
}

int runExport(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    Session session(profile);
    session.open();
    waitForConnection(session);
    const qint64 populate = arguments.integer(QStringLiteral("populate"), 0);
    if (populate > 0) {
        flush(session);
        QList<Command> commands;
        for (qint64 i = 0; i < populate; ++i) {
            commands.append({ "SET", "export:key:" + QByteArray::number(i), QByteArray("value-") + QByteArray::number(i) });
            if (i % 10 == 0)
                commands.last() << "PX" << "86400000";
            if (commands.size() == 10000) {
                awaitBatch(session, commands);
                commands.clear();
            }
        }
        awaitBatch(session, commands);
    }
    waitForConnection(session);
    const QString out = arguments.value(QStringLiteral("out"));
    if (out.isEmpty())
        fail(QStringLiteral("--out FILE is needed"));
    const auto format = transfer::FormatText::fromId(arguments.value(QStringLiteral("format"), QStringLiteral("dump")));
    if (!format)
        fail(QStringLiteral("unknown --format"));
    transfer::ExportOptions options;
    options.format = *format;
    options.fileName = out;
    options.scope.match = arguments.value(QStringLiteral("match")).toUtf8();

    StallMeter stall;
    stall.start();
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<transfer::TransferJob> job(transfer::TransferJob::exportKeys(&session, options));
    const transfer::TransferSummary summary = runJob(job.get());
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!summary.error.isEmpty())
        fail(summary.error);
    const double peak = peakRssMb();

    clock.restart();
    const qint64 hiredisKeys = hiredisExport(profile, out + QStringLiteral(".hiredis"), options.scope.match);
    const double hiredisSeconds = double(clock.nsecsElapsed()) / 1e9;
    QFile::remove(out + QStringLiteral(".hiredis"));
    emitResult({ { QStringLiteral("bench"), QStringLiteral("export") },
        { QStringLiteral("format"), transfer::FormatText::id(*format) }, { QStringLiteral("keys"), summary.keys },
        { QStringLiteral("seconds"), seconds }, { QStringLiteral("hiredis_keys"), hiredisKeys },
        { QStringLiteral("hiredis_seconds"), hiredisSeconds }, { QStringLiteral("ratio"), hiredisSeconds / seconds },
        { QStringLiteral("bytes"), summary.bytes }, { QStringLiteral("peak_rss_mb"), peak },
        { QStringLiteral("max_ui_stall_ms"), stall.maxStallMs() } });
    return 0;
}

int runImport(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    Session session(profile);
    session.open();
    waitForConnection(session);
    const QString in = arguments.value(QStringLiteral("in"));
    if (in.isEmpty() || !QFile::exists(in))
        fail(QStringLiteral("--in FILE is needed (a file vermilion-bench export wrote)"));
    const auto format = transfer::FormatText::fromId(arguments.value(QStringLiteral("format"), QStringLiteral("dump")));
    if (!format)
        fail(QStringLiteral("unknown --format"));
    flush(session);
    transfer::ImportOptions options;
    options.format = *format;
    options.fileName = in;

    StallMeter stall;
    stall.start();
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<transfer::TransferJob> job(transfer::TransferJob::importFile(&session, options));
    const transfer::TransferSummary summary = runJob(job.get());
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!summary.error.isEmpty())
        fail(summary.error);
    const double peak = peakRssMb();

    double hiredisSeconds = 0;
    qint64 hiredisKeys = 0;
    if (*format == transfer::Format::Dump) {
        flush(session);
        clock.restart();
        hiredisKeys = hiredisImport(profile, in);
        hiredisSeconds = double(clock.nsecsElapsed()) / 1e9;
    }
    emitResult({ { QStringLiteral("bench"), QStringLiteral("import") },
        { QStringLiteral("format"), transfer::FormatText::id(*format) }, { QStringLiteral("keys"), summary.keys },
        { QStringLiteral("seconds"), seconds }, { QStringLiteral("hiredis_keys"), hiredisKeys },
        { QStringLiteral("hiredis_seconds"), hiredisSeconds },
        { QStringLiteral("ratio"), hiredisSeconds > 0 ? hiredisSeconds / seconds : 0.0 },
        { QStringLiteral("peak_rss_mb"), peak }, { QStringLiteral("max_ui_stall_ms"), stall.maxStallMs() } });
    return 0;
}

const ScenarioRegistration exportRegistration {
    "export", "--url URL --out FILE [--format dump|jsonl|commands|resp|csv] [--populate N] [--match PATTERN]", &runExport
};
const ScenarioRegistration importRegistration { "import", "--url URL --in FILE [--format dump|...]", &runImport };

} // namespace

} // namespace vermilion::bench
