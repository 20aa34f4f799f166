#include "client/session.h"
#include "clusterfixture.h"
#include "redisfixture.h"
#include "transfer/transferformat.h"
#include "transfer/transferjob.h"

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtEndian>
#include <algorithm>

using namespace vermilion;
using namespace vermilion::test;
using namespace vermilion::transfer;

Q_DECLARE_METATYPE(vermilion::transfer::Format)

namespace {
// Small pages, so that big keys are read and written in several (the defaults are 1000 elements
// and 3 MiB; small ones keep the suite quick under ThreadSanitizer).
constexpr int bigCount = 250;
Pacing smallPages()
{
    Pacing pacing;
    pacing.pageElements = 100;
    pacing.wholeStringBytes = 64 * 1024;
    pacing.stringPageBytes = 30 * 1024;
    pacing.batchKeys = 50;
    return pacing;
}

// Runs the event loop until the job ends (no fixed wait: it returns as soon as finished() comes).
TransferSummary runJob(TransferJob* job, int timeoutMs = 60000)
{
    QSignalSpy finished(job, &TransferJob::finished);
    job->start();
    if (finished.isEmpty()) {
        QEventLoop loop;
        QObject::connect(job, &TransferJob::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (finished.isEmpty()) {
        TransferSummary timedOut;
        timedOut.error = QStringLiteral("the job did not finish in time");
        return timedOut;
    }
    return job->summary();
}
} // namespace

class TestTransfer : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_source; // db 0
    std::unique_ptr<Session> m_target; // db 1
    QTemporaryDir m_dir;

    Reply on(Session& session, const Command& argv) { return awaitReply(session.execute(argv)); }
    std::unique_ptr<Session> open(int database, bool readOnly = false)
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.database = database;
        profile.readOnly = readOnly;
        auto session = std::make_unique<Session>(profile);
        session->open();
        // Jobs start only on an open connection (Connected: on a cluster, once it knows its nodes).
        if (!QTest::qWaitFor([&] { return session->state() == Connection::State::Connected; }, 10000))
            qWarning("the session did not connect");
        return session;
    }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    // Writes a file in the suite's folder; its path, or empty when it could not be written.
    QString writeFile(const QString& name, const QByteArray& bytes) const
    {
        QFile out(file(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return {};
        return out.fileName();
    }

    // Every type, binary keys and values, TTLs, big collections, empty and edge values.
    void populate()
    {
        QList<Command> commands {
            { "SET", "str:plain", "hello world" },
            { "SET", "str:empty", "" },
            { "SET", QByteArray("bin:\x00\xff\r\n key", 12), allBytes() },
            { "SET", "str:utf8", "gr\xc3\xbc\xc3\x9f \xe2\x82\xac" },
            { "SET", "str:ttl", "expires", "PX", "3600000" },
            { "SET", "str:big", QByteArray(100 * 1024 + 7, 'x') + allBytes() },
            { "RPUSH", "list:small", "a", "", allBytes(), "a" },
            { "SADD", "set:small", "x", "y", allBytes() },
            { "ZADD", "zset:small", "1.5", "one", "-inf", "lowest", "inf", "highest", "0", allBytes() },
            { "HSET", "hash:small", "f1", "v1", allBytes(), allBytes(), "empty", "" },
            { "XADD", "stream:small", "1-1", "a", "1", "b", allBytes() },
            { "XADD", "stream:small", "2-5", "only", "" },
            { "XADD", "stream:empty", "MAXLEN", "0", "5-1", "gone", "" }, // an empty stream is a key
            { "PEXPIRE", "hash:small", "7200000" },
        };
        for (int i = 0; i < bigCount; ++i) {
            const QByteArray n = QByteArray::number(i);
            commands.append({ "RPUSH", "list:big", "item-" + n });
            commands.append({ "SADD", "set:big", "member-" + n });
            commands.append({ "ZADD", "zset:big", n + ".25", "m-" + n });
            commands.append({ "HSET", "hash:big", "field-" + n, "value-" + n });
            commands.append({ "XADD", "stream:big", n + "-1", "n", n });
        }
        for (const Reply& reply : awaitBatch(m_source->executeBatch(commands)))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
    }

    // A key's content in a form that compares across encodings: sorted where the type is unordered.
    QByteArray content(Session& session, const QByteArray& key)
    {
        const QByteArray type = on(session, { "TYPE", key }).bytes();
        QList<QByteArray> parts { type };
        const auto add = [&](const Reply& reply) {
            for (const Reply& element : reply.elements())
                parts.append(element.isArray() ? QByteArray("[") + QByteArray::number(element.size()) : element.bytes());
        };
        if (type == "string") {
            parts.append(on(session, { "GET", key }).bytes());
        } else if (type == "list") {
            add(on(session, { "LRANGE", key, "0", "-1" }));
        } else if (type == "set") {
            QList<QByteArray> members;
            const Reply all = on(session, { "SMEMBERS", key });
            for (const Reply& member : all.elements())
                members.append(member.bytes());
            std::sort(members.begin(), members.end());
            parts.append(members);
        } else if (type == "zset") {
            add(on(session, { "ZRANGE", key, "0", "-1", "WITHSCORES" }));
        } else if (type == "hash") {
            QList<QByteArray> pairs;
            const Reply all = on(session, { "HGETALL", key });
            for (qsizetype i = 0; i + 1 < all.size(); i += 2)
                pairs.append(all.at(i).bytes() + '\0' + all.at(i + 1).bytes());
            std::sort(pairs.begin(), pairs.end());
            parts.append(pairs);
        } else if (type == "stream") {
            const Reply entries = on(session, { "XRANGE", key, "-", "+" });
            for (const Reply& entry : entries.elements()) {
                parts.append(entry.at(0).bytes());
                for (const Reply& field : entry.at(1).elements())
                    parts.append(field.bytes());
            }
        }
        QByteArray joined;
        for (const QByteArray& part : parts)
            joined += QByteArray::number(part.size()) + ':' + part + ';';
        return joined;
    }

    QList<QByteArray> keysOf(Session& session)
    {
        QList<QByteArray> keys;
        QByteArray cursor("0");
        do {
            const Reply reply = on(session, { "SCAN", cursor, "COUNT", "1000" });
            cursor = reply.at(0).bytes();
            for (const Reply& key : reply.at(1).elements())
                keys.append(key.bytes());
        } while (cursor != "0");
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    // Source and target hold the same keys with the same content, and the same expiries (to a second).
    void compareWithSource(Session& target, qint64 ttlDriftMs = 2000)
    {
        const QList<QByteArray> keys = keysOf(*m_source);
        QCOMPARE(keysOf(target).size(), keys.size());
        for (const QByteArray& key : keys) {
            QCOMPARE(content(target, key), content(*m_source, key));
            const qint64 sourceTtl = on(*m_source, { "PTTL", key }).integerValue();
            const qint64 targetTtl = on(target, { "PTTL", key }).integerValue();
            if (sourceTtl < 0)
                QCOMPARE(targetTtl, sourceTtl);
            else
                QVERIFY2(qAbs(targetTtl - sourceTtl) < ttlDriftMs,
                    qPrintable(QStringLiteral("%1 vs %2").arg(targetTtl).arg(sourceTtl)));
        }
    }

    TransferSummary exportTo(Format format, const QString& path, KeyScope scope = {}, Pacing pacing = smallPages())
    {
        ExportOptions options;
        options.format = format;
        options.fileName = path;
        options.scope = scope;
        options.pacing = pacing;
        std::unique_ptr<TransferJob> job(TransferJob::exportKeys(m_source.get(), options));
        return runJob(job.get());
    }

    TransferSummary importFrom(Session& target, Format format, const QString& path,
        ConflictPolicy policy = ConflictPolicy::Skip, bool dryRun = false)
    {
        ImportOptions options;
        options.format = format;
        options.fileName = path;
        options.policy = policy;
        options.dryRun = dryRun;
        options.pacing = smallPages();
        std::unique_ptr<TransferJob> job(TransferJob::importFile(&target, options));
        return runJob(job.get());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_source = open(0);
        m_target = open(1);
        QCOMPARE(on(*m_source, { "PING" }), Reply::status("PONG"));
        QCOMPARE(on(*m_target, { "PING" }), Reply::status("PONG"));
    }

    void init()
    {
        QCOMPARE(on(*m_source, { "FLUSHALL" }), Reply::status("OK"));
        populate();
    }

    void cleanupTestCase()
    {
        m_source.reset();
        m_target.reset();
    }

    // Export, then import into an empty database: every format, every type, binary keys and
    // values, expiries, collections read and written in pages.
    void roundTrip_data()
    {
        QTest::addColumn<Format>("format");
        for (const Format format : allFormats)
            QTest::addRow("%s", qPrintable(FormatText::id(format))) << format;
    }
    void roundTrip()
    {
        QFETCH(Format, format);
        const qint64 keys = on(*m_source, { "DBSIZE" }).integerValue();
        const QString path = file(QStringLiteral("round.") + FormatText::extension(format));
        QElapsedTimer sinceExport;
        sinceExport.start();
        const TransferSummary exported = exportTo(format, path);
        QVERIFY2(exported.error.isEmpty(), qPrintable(exported.error));
        QCOMPARE(exported.keys, keys);
        QCOMPARE(exported.skipped, 0);
        QVERIFY(!exported.cancelled);
        QCOMPARE(exported.bytes, QFileInfo(path).size());
        // The file says what it is.
        QFile opened(path);
        QVERIFY(opened.open(QIODevice::ReadOnly));
        QCOMPARE(FormatText::detect(opened.peek(64), path), std::optional<Format>(format));
        opened.close();

        const TransferSummary imported = importFrom(*m_target, format, path);
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error + imported.problems.join(QLatin1Char('\n'))));
        QCOMPARE(imported.failed, 0);
        QCOMPARE(imported.keys, keys);
        QCOMPARE(imported.created, keys);
        // The CSV carries the time left when it was written (as Another Redis Desktop Manager
        // writes it): an expiry moves on by the time between export and import.
        const qint64 drift = format == Format::Csv ? sinceExport.elapsed() + 2000 : 2000;
        compareWithSource(*m_target, drift);

        // Again, with each conflict policy: skip leaves all, replace rewrites all, rename makes copies.
        const TransferSummary skipped = importFrom(*m_target, format, path, ConflictPolicy::Skip);
        QCOMPARE(skipped.skipped, keys);
        QCOMPARE(skipped.keys, 0);
        const TransferSummary dry = importFrom(*m_target, format, path, ConflictPolicy::Replace, true);
        QVERIFY(dry.dryRun);
        QCOMPARE(dry.replaced, keys);
        const TransferSummary replaced = importFrom(*m_target, format, path, ConflictPolicy::Replace);
        QCOMPARE(replaced.replaced, keys);
        compareWithSource(*m_target, format == Format::Csv ? sinceExport.elapsed() + 2000 : 2000);
        const TransferSummary renamed = importFrom(*m_target, format, path, ConflictPolicy::Rename);
        QVERIFY2(renamed.error.isEmpty(), qPrintable(renamed.error));
        QCOMPARE(renamed.renamed, keys);
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), keys * 2);
        QCOMPARE(content(*m_target, "list:big:imported"), content(*m_source, "list:big"));
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // A dry run counts and writes nothing.
    void dryRunWritesNothing()
    {
        const QString path = file(QStringLiteral("dry.vdump"));
        QVERIFY(exportTo(Format::Dump, path).error.isEmpty());
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        QVERIFY(on(*m_target, { "SET", "str:plain", "already here" }).isStatus());
        const TransferSummary dry = importFrom(*m_target, Format::Dump, path, ConflictPolicy::Skip, true);
        const qint64 keys = on(*m_source, { "DBSIZE" }).integerValue();
        QCOMPARE(dry.created, keys - 1);
        QCOMPARE(dry.skipped, 1);
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), 1);
        QCOMPARE(on(*m_target, { "GET", "str:plain" }).bytes(), QByteArray("already here"));
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // A read-only profile refuses before anything is sent.
    void readOnlyRefuses()
    {
        const QString path = file(QStringLiteral("ro.vdump"));
        QVERIFY(exportTo(Format::Dump, path).error.isEmpty());
        std::unique_ptr<Session> readOnly = open(1, true);
        QCOMPARE(on(*readOnly, { "PING" }), Reply::status("PONG"));
        const TransferSummary imported = importFrom(*readOnly, Format::Dump, path);
        QVERIFY2(imported.error.contains(QLatin1String("read-only")), qPrintable(imported.error));
        QCOMPARE(imported.keys, 0);
        CopyOptions copy;
        std::unique_ptr<TransferJob> job(TransferJob::copyKeys(m_source.get(), readOnly.get(), copy));
        QVERIFY(runJob(job.get()).error.contains(QLatin1String("read-only")));
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), 0);
    }

    // Cancelled halfway, the counts are exact: the file holds as many keys as the export says,
    // and the target as many as the import says.
    void cancelHalfwayKeepsExactCounts()
    {
        QList<Command> more;
        for (int i = 0; i < 20000; ++i)
            more.append({ "SET", "many:" + QByteArray::number(i), "v" });
        awaitBatch(m_source->executeBatch(more));
        const QString path = file(QStringLiteral("cancel.vdump"));
        ExportOptions options;
        options.fileName = path;
        options.pacing.batchKeys = 200;
        options.pacing.scanCount = 200;
        options.pacing.pauseMs = 5; // paced, as on a production server: the job is still running when cancelled
        std::unique_ptr<TransferJob> job(TransferJob::exportKeys(m_source.get(), options));
        connect(job.get(), &TransferJob::progress, job.get(), [&job](const TransferProgress& progress) {
            if (progress.keys > 1000)
                job->cancel();
        });
        const TransferSummary exported = runJob(job.get());
        QVERIFY(exported.cancelled);
        QVERIFY(exported.keys > 1000);
        QVERIFY(exported.keys < 20000);
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        std::unique_ptr<RecordReader> reader = RecordReader::create(Format::Dump, &written);
        ImportItem item;
        qint64 inFile = 0;
        while (reader->next(&item))
            ++inFile;
        QVERIFY2(reader->error().isEmpty(), qPrintable(reader->error()));
        QVERIFY(reader->atEnd());
        QCOMPARE(inFile, exported.keys);

        // The whole export, then an import cancelled halfway.
        QVERIFY(exportTo(Format::Dump, path).error.isEmpty());
        ImportOptions importOptions;
        importOptions.fileName = path;
        importOptions.pacing.batchKeys = 200;
        importOptions.pacing.pauseMs = 5;
        std::unique_ptr<TransferJob> importJob(TransferJob::importFile(m_target.get(), importOptions));
        connect(importJob.get(), &TransferJob::progress, importJob.get(), [&importJob](const TransferProgress& progress) {
            if (progress.keys > 1000)
                importJob->cancel();
        });
        const TransferSummary imported = runJob(importJob.get());
        QVERIFY(imported.cancelled);
        QVERIFY(imported.keys < 20000);
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), imported.keys);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // Copy between connections: DUMP/RESTORE where the target reads the payload; where it refuses
    // the payload's RDB version (its own check, on a payload made newer here), each key is rebuilt
    // element by element, in pages, with its expiry.
    void copyBetweenConnections_data()
    {
        QTest::addColumn<bool>("newerRdb");
        QTest::addRow("DUMP/RESTORE") << false;
        QTest::addRow("rebuilt where RESTORE refuses the RDB version") << true;
    }
    void copyBetweenConnections()
    {
        QFETCH(bool, newerRdb);
        const qint64 keys = on(*m_source, { "DBSIZE" }).integerValue();
        CopyOptions options;
        if (newerRdb) {
            options.payloadFilter = [](QByteArray payload) {
                // RDB version 250, far past any server's: the server answers with its own error.
                qToLittleEndian<quint16>(250, payload.data() + payload.size() - 10);
                return payload;
            };
        }
        options.pacing = smallPages();
        std::unique_ptr<TransferJob> job(TransferJob::copyKeys(m_source.get(), m_target.get(), options));
        const TransferSummary copied = runJob(job.get());
        QVERIFY2(copied.error.isEmpty(), qPrintable(copied.error));
        QVERIFY2(copied.failed == 0, qPrintable(copied.problems.join(QLatin1Char('\n'))));
        QCOMPARE(copied.keys, keys);
        QCOMPARE(copied.rebuilt, newerRdb ? keys : 0);
        compareWithSource(*m_target);
        // Again: every key exists, so each is skipped.
        std::unique_ptr<TransferJob> again(TransferJob::copyKeys(m_source.get(), m_target.get(), options));
        QCOMPARE(runJob(again.get()).skipped, keys);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // A dump file whose payloads the server cannot read: each key fails with the reason.
    void importRefusedRdbVersion()
    {
        KeyRecord record;
        record.key = "k";
        record.type = "string";
        record.payload = on(*m_source, { "DUMP", "str:plain" }).bytes();
        QCOMPARE(payloadRdbVersion(record.payload), 10); // redis-server 7.0
        qToLittleEndian<quint16>(250, record.payload.data() + record.payload.size() - 10);
        std::unique_ptr<RecordWriter> writer = RecordWriter::create(Format::Dump);
        const QString out = writeFile(
            QStringLiteral("newer.vdump"), writer->fileHeader({}) + writer->begin(record) + writer->fileFooter(1));
        QVERIFY(!out.isEmpty());
        const TransferSummary imported = importFrom(*m_target, Format::Dump, out);
        QCOMPARE(imported.failed, 1);
        QVERIFY2(imported.problems.value(0).contains(QLatin1String("RDB version 250")), qPrintable(imported.problems.value(0)));
    }

    // The files of Another Redis Desktop Manager (PTTL left in ms) and Tiny RDM (two columns, or an
    // absolute time in ms), and a truncated dump file.
    void foreignAndDamagedFiles()
    {
        const QByteArray payload = on(*m_source, { "DUMP", "str:plain" }).bytes();
        const qint64 in = QDateTime::currentMSecsSinceEpoch() + 3600000;
        const QByteArray csv = "6b31," + payload.toHex() + ",60000\n" // ARDM: a minute left
            + "6b32," + payload.toHex() + "\n" // Tiny RDM without expiry
            + "6b33," + payload.toHex() + "," + QByteArray::number(in) + "\n" // Tiny RDM: absolute
            + "6b34," + payload.toHex() + ",-1"; // no expiry, no final newline
        const QString out = writeFile(QStringLiteral("ardm.csv"), csv);
        QVERIFY(!out.isEmpty());
        const TransferSummary imported = importFrom(*m_target, Format::Csv, out);
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
        QCOMPARE(imported.keys, 4);
        // Time left as the file says, less the time the import took (long under ThreadSanitizer).
        QVERIFY(qAbs(on(*m_target, { "PTTL", "k1" }).integerValue() - 60000) < 15000);
        QCOMPARE(on(*m_target, { "PTTL", "k2" }).integerValue(), -1);
        QVERIFY(qAbs(on(*m_target, { "PTTL", "k3" }).integerValue() - 3600000) < 15000);
        QCOMPARE(on(*m_target, { "PTTL", "k4" }).integerValue(), -1);
        QCOMPARE(on(*m_target, { "GET", "k4" }).bytes(), QByteArray("hello world"));

        // A dump file cut short: the keys before the cut are imported, and the error says so.
        const QString path = file(QStringLiteral("cut.vdump"));
        QVERIFY(exportTo(Format::Dump, path).error.isEmpty());
        QFile whole(path);
        QVERIFY(whole.open(QIODevice::ReadWrite));
        whole.resize(whole.size() - 100);
        whole.close();
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        const TransferSummary cut = importFrom(*m_target, Format::Dump, path);
        QVERIFY2(cut.error.contains(QLatin1String("cut short")) || cut.error.contains(QLatin1String("end mark")),
            qPrintable(cut.error));
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), cut.keys);

        // A command file that tries something other than writing keys stops there.
        const QString commands = writeFile(QStringLiteral("evil.redis"), "SET a 1\nFLUSHALL\nSET b 2\n");
        QVERIFY(!commands.isEmpty());
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        const TransferSummary evil = importFrom(*m_target, Format::Commands, commands);
        QVERIFY2(evil.error.contains(QLatin1String("FLUSHALL is not a command that writes one key")), qPrintable(evil.error));
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), 1);
        QCOMPARE(on(*m_source, { "EXISTS", "str:plain" }).integerValue(), 1);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // RDB files the server itself writes (SAVE): Redis 7.0's encodings (strings plain, integer and
    // LZF; quicklists of listpacks; listpack and hash-table hashes; listpack and skiplist sorted
    // sets; intsets and hash-table sets; streams with a consumer group and pending entries).
    void rdbFileFromTheServer()
    {
        QList<Command> more { { "SET", "str:int", "12345" }, { "SET", "str:lzf", QByteArray(5000, 'a') + "end" },
            { "HSET", "hash:lp", "f", "v", "g", "w" }, { "ZADD", "zset:lp", "1", "a", "2.5", "b" },
            { "HSET", "hash:ht" }, { "SADD", "set:ht" },
            { "SADD", "set:ints", "1", "2", "3", "-5", "70000" }, { "XGROUP", "CREATE", "stream:small", "workers", "0" },
            { "XREADGROUP", "GROUP", "workers", "alice", "COUNT", "1", "STREAMS", "stream:small", ">" } };
        for (int i = 0; i < 600; ++i) {
            more[4] << "field-" + QByteArray::number(i) << QByteArray::number(i);
            more[5] << "member-" + QByteArray::number(i);
        }
        for (const Reply& reply : awaitBatch(m_source->executeBatch(more)))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "set:ints" }).bytes(), QByteArray("intset"));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "set:ht" }).bytes(), QByteArray("hashtable"));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "list:big" }).bytes(), QByteArray("quicklist"));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "hash:lp" }).bytes(), QByteArray("listpack"));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "hash:ht" }).bytes(), QByteArray("hashtable"));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "zset:lp" }).bytes(), QByteArray("listpack"));
        QCOMPARE(on(*m_source, { "OBJECT", "ENCODING", "zset:big" }).bytes(), QByteArray("skiplist"));
        QCOMPARE(on(*m_source, { "SAVE" }), Reply::status("OK"));
        const QByteArray dir = on(*m_source, { "CONFIG", "GET", "dir" }).at(1).bytes();
        const QByteArray name = on(*m_source, { "CONFIG", "GET", "dbfilename" }).at(1).bytes();
        const QString path = QString::fromUtf8(dir + '/' + name);
        QFile rdb(path);
        QVERIFY2(rdb.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(FormatText::detect(rdb.peek(16), path), std::optional<Format>(Format::Rdb));
        rdb.close();
        const TransferSummary imported = importFrom(*m_target, Format::Rdb, path);
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
        QCOMPARE(imported.failed, 0);
        QCOMPARE(imported.keys, on(*m_source, { "DBSIZE" }).integerValue());
        compareWithSource(*m_target);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));

        // Cut short, the keys before the cut are in and the error says where.
        QFile whole(path);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString cut = writeFile(QStringLiteral("cut.rdb"), bytes.left(bytes.size() / 2));
        QVERIFY(!cut.isEmpty());
        const TransferSummary partial = importFrom(*m_target, Format::Rdb, cut);
        QVERIFY2(partial.error.contains(QLatin1String("ends early")), qPrintable(partial.error));
        QCOMPARE(on(*m_target, { "DBSIZE" }).integerValue(), partial.keys);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));

        // A newer RDB version is refused with the versions named.
        const QString newer = writeFile(QStringLiteral("newer.rdb"), "REDIS0011" + bytes.mid(9));
        QVERIFY(!newer.isEmpty());
        const TransferSummary refused = importFrom(*m_target, Format::Rdb, newer);
        QVERIFY2(refused.error.contains(QLatin1String("RDB version 11")), qPrintable(refused.error));
        QCOMPARE(refused.keys, 0);
    }

    // The encodings of older servers, which Redis 7.0 no longer writes: an RDB version 9 file made
    // here byte by byte (ziplist list, hash and sorted set; zipmap hash; quicklist of ziplists;
    // text scores; an expiry in seconds), read and imported.
    void rdbFileWithOldEncodings()
    {
        // A ziplist of entries: strings shorter than 64 bytes, or small integers.
        const auto ziplist = [](const QList<QByteArray>& entries) {
            QByteArray body;
            for (const QByteArray& entry : entries) {
                body.append(char(0)); // previous length (not read)
                bool isNumber = false;
                const int n = entry.toInt(&isNumber);
                if (isNumber && n >= 0 && n <= 12)
                    body.append(char(0xf1 + n));
                else if (isNumber && n >= -128 && n <= 127)
                    body.append(char(0xfe)).append(char(qint8(n)));
                else
                    body.append(char(entry.size())).append(entry);
            }
            QByteArray zl(10, '\0'); // header: total bytes, tail offset (not read), count
            qToLittleEndian<quint16>(quint16(entries.size()), zl.data() + 8);
            zl += body + char(0xff);
            qToLittleEndian<quint32>(quint32(zl.size()), zl.data());
            return zl;
        };
        const auto str = [](const QByteArray& bytes) -> QByteArray { return QByteArray(1, char(bytes.size())) + bytes; };
        QByteArray zipmap("\x02", 1);
        zipmap += QByteArray("\x01" "f" "\x02\x00" "v1", 6) + QByteArray("\x02" "g2" "\x01\x00" "w", 6) + char(0xff);
        QByteArray rdb = "REDIS0009";
        rdb += QByteArray("\xfa") + str("redis-ver") + str("5.0.7");
        rdb += QByteArray("\xfe\x00", 2);
        rdb += char(10) + str("zl:list") + str(ziplist({ "a", "bb", "7", "-3", "hello" }));
        rdb += char(13) + str("zl:hash") + str(ziplist({ "f1", "v1", "f2", "100" }));
        rdb += char(12) + str("zl:zset") + str(ziplist({ "m1", "1", "m2", "2.5" }));
        rdb += char(9) + str("zm:hash") + str(zipmap);
        QByteArray quicklist = char(14) + str("ql:list") + char(2) + str(ziplist({ "x", "y" })) + str(ziplist({ "z" }));
        rdb += quicklist;
        const qint32 in = qint32(QDateTime::currentSecsSinceEpoch() + 3600);
        QByteArray seconds(4, '\0');
        qToLittleEndian<qint32>(in, seconds.data());
        rdb += char(0xfd) + seconds + char(3) + str("text:zset") + char(2) + str("low") + str("-1.5") + str("top")
            + char(254);
        rdb += char(0xff) + QByteArray(8, '\0');
        const QString out = writeFile(QStringLiteral("old.rdb"), rdb);
        QVERIFY(!out.isEmpty());
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        const TransferSummary imported = importFrom(*m_target, Format::Rdb, out);
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
        QCOMPARE(imported.keys, 6);
        QCOMPARE(content(*m_target, "zl:list"), QByteArray("4:list;1:a;2:bb;1:7;2:-3;5:hello;"));
        QCOMPARE(on(*m_target, { "HGET", "zl:hash", "f2" }).bytes(), QByteArray("100"));
        QCOMPARE(on(*m_target, { "ZSCORE", "zl:zset", "m2" }).bytes(), QByteArray("2.5"));
        QCOMPARE(on(*m_target, { "HGET", "zm:hash", "g2" }).bytes(), QByteArray("w"));
        QCOMPARE(on(*m_target, { "LRANGE", "ql:list", "0", "-1" }).size(), 3);
        QCOMPARE(on(*m_target, { "ZSCORE", "text:zset", "top" }).bytes(), QByteArray("inf"));
        QVERIFY(qAbs(on(*m_target, { "TTL", "text:zset" }).integerValue() - 3600) < 15);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // Between a standalone server and a 3-master cluster, both ways: each key goes to the master of
    // its slot, the export reads every master (a cursor each), and the content is the same.
    void copyToAndFromACluster()
    {
        ClusterFixture cluster;
        QString error;
        QVERIFY2(cluster.start(3, 0, &error), qPrintable(error));
        QVERIFY2(cluster.waitUntilHealthy(60000, &error), qPrintable(error));
        Session clustered(cluster.profile());
        clustered.open();
        QVERIFY(QTest::qWaitFor([&] { return clustered.state() == Connection::State::Connected; }, 20000));
        QVERIFY(clustered.isCluster());
        const qint64 keys = on(*m_source, { "DBSIZE" }).integerValue();
        CopyOptions options;
        options.pacing = smallPages();
        std::unique_ptr<TransferJob> in(TransferJob::copyKeys(m_source.get(), &clustered, options));
        const TransferSummary copied = runJob(in.get());
        QVERIFY2(copied.error.isEmpty() && copied.failed == 0, qPrintable(copied.error + copied.problems.join(QLatin1Char('\n'))));
        QCOMPARE(copied.keys, keys);
        for (const QByteArray& key : keysOf(*m_source))
            QCOMPARE(content(clustered, key), content(*m_source, key));
        // Back out of the cluster, through a file: every master's keys are in it.
        const QString path = file(QStringLiteral("cluster.vdump"));
        ExportOptions exportOptions;
        exportOptions.fileName = path;
        exportOptions.pacing = smallPages();
        std::unique_ptr<TransferJob> out(TransferJob::exportKeys(&clustered, exportOptions));
        const TransferSummary exported = runJob(out.get());
        QVERIFY2(exported.error.isEmpty(), qPrintable(exported.error));
        QCOMPARE(exported.keys, keys);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        QCOMPARE(importFrom(*m_target, Format::Dump, path).keys, keys);
        compareWithSource(*m_target);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // The server dies in the middle: the export ends with the reason, leaves no half-written file
    // behind and keeps nothing in the counts that did not happen; the import says how many keys
    // reached the server before it went.
    void serverDiesMidway()
    {
        QString error;
        std::unique_ptr<RedisServerProcess> doomed = startServer({}, &error);
        QVERIFY2(doomed, qPrintable(error));
        ConnectionProfile profile = profileFor(*doomed);
        Session session(profile);
        session.open();
        QVERIFY(QTest::qWaitFor([&] { return session.state() == Connection::State::Connected; }, 10000));
        QList<Command> many;
        for (int i = 0; i < 20000; ++i)
            many.append({ "SET", "k:" + QByteArray::number(i), "v" });
        awaitBatch(session.executeBatch(many));
        const QString path = file(QStringLiteral("dies.vdump"));
        QFile::remove(path);
        ExportOptions options;
        options.fileName = path;
        options.pacing.batchKeys = 100;
        options.pacing.scanCount = 100;
        options.pacing.pauseMs = 5;
        std::unique_ptr<TransferJob> job(TransferJob::exportKeys(&session, options));
        bool killed = false;
        connect(job.get(), &TransferJob::progress, job.get(), [&](const TransferProgress& progress) {
            if (progress.keys > 500 && !killed) {
                killed = true;
                doomed->kill();
            }
        });
        const TransferSummary summary = runJob(job.get(), 60000);
        QVERIFY(killed);
        QVERIFY2(!summary.error.isEmpty(), "the export should say why it stopped");
        QVERIFY(!summary.cancelled);
        QVERIFY2(!QFile::exists(path), "no half-written file");
        qInfo("stopped with: %s", qPrintable(summary.error));
    }

    // A listpack entry of exactly 16383 bytes: its back-length takes three bytes, not two, and the
    // entries after it are still read (listpack.c, lpEncodeBacklen).
    void rdbListpackEntryOfBoundarySize()
    {
        const auto entry = [](const QByteArray& text) -> QByteArray {
            QByteArray encoded;
            if (text.size() < 64) {
                encoded = char(0x80 | text.size()) + text;
            } else {
                QByteArray length(4, '\0');
                qToLittleEndian<quint32>(quint32(text.size()), length.data());
                encoded = char(0xf0) + length + text;
            }
            const qsizetype size = encoded.size();
            const int backlen = size <= 127 ? 1 : size < 16383 ? 2 : size < 2097151 ? 3 : size < 268435455 ? 4 : 5;
            return encoded + QByteArray(backlen, '\x01');
        };
        const QByteArray big(16383 - 5, 'b');
        QByteArray listpack(6, '\0');
        qToLittleEndian<quint16>(4, listpack.data() + 4);
        listpack += entry("f") + entry(big) + entry("g") + entry("x") + char(0xff);
        qToLittleEndian<quint32>(quint32(listpack.size()), listpack.data());
        // As an RDB string: a 32-bit length (0x80), then the bytes.
        QByteArray length(4, '\0');
        qToBigEndian<quint32>(quint32(listpack.size()), length.data());
        QByteArray rdb = "REDIS0010";
        rdb += QByteArray("\xfe\x00", 2) + char(16) + char(2) + QByteArray("lp") + char(0x80) + length + listpack;
        rdb += char(0xff) + QByteArray(8, '\0');
        const QString out = writeFile(QStringLiteral("boundary.rdb"), rdb);
        QVERIFY(!out.isEmpty());
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        const TransferSummary imported = importFrom(*m_target, Format::Rdb, out);
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
        QCOMPARE(on(*m_target, { "HGET", "lp", "g" }).bytes(), QByteArray("x"));
        QCOMPARE(on(*m_target, { "HSTRLEN", "lp", "f" }).integerValue(), big.size());
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // A key whose expiry has passed is not written, and with Replace the existing key stays.
    void expiredKeysAreSkipped()
    {
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        QVERIFY(on(*m_target, { "SET", "kept", "mine" }).isStatus());
        const QString json = writeFile(QStringLiteral("expired.jsonl"),
            "{\"key\":\"kept\",\"type\":\"string\",\"expire_at_ms\":1000,\"value\":\"old\"}\n"
            "{\"key\":\"\",\"type\":\"string\",\"value\":\"the empty key\"}\n"
            "{\"key\":\"twice\",\"type\":\"list\",\"value\":[\"a\"]}\n"
            "{\"key\":\"twice\",\"type\":\"list\",\"value\":[\"b\"]}\n");
        QVERIFY(!json.isEmpty());
        const TransferSummary imported = importFrom(*m_target, Format::JsonLines, json, ConflictPolicy::Replace);
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
        QCOMPARE(imported.skipped, 1);
        QCOMPARE(imported.keys, 3);
        QCOMPARE(imported.replaced, 1); // the second "twice" replaced the first, never merged with it
        QCOMPARE(on(*m_target, { "GET", "kept" }).bytes(), QByteArray("mine"));
        QCOMPARE(content(*m_target, "twice"), QByteArray("4:list;1:b;"));
        QCOMPARE(on(*m_target, { "GET", "" }).bytes(), QByteArray("the empty key"));
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // Rename gives a key that exists a name the same batch writes as a key of its own ("a" ->
    // "a:imported" while the file also holds "a:imported"): the server does not hold that name
    // yet, but taking it would merge the two keys. Both the element-wise path (JSON lines) and the
    // command file's.
    void renamedNamesNeverMergeWithinABatch_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("jsonl") << Format::JsonLines
                               << QByteArray("{\"key\":\"a\",\"type\":\"list\",\"value\":[\"x\"]}\n"
                                             "{\"key\":\"a:imported\",\"type\":\"list\",\"value\":[\"y\"]}\n");
        QTest::addRow("commands") << Format::Commands << QByteArray("RPUSH a x\nRPUSH a:imported y\n");
    }
    void renamedNamesNeverMergeWithinABatch()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, text);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        QVERIFY(on(*m_target, { "SET", "a", "mine" }).isStatus());
        const QString in = writeFile(QStringLiteral("clash.") + FormatText::extension(format), text);
        QVERIFY(!in.isEmpty());
        const TransferSummary imported = importFrom(*m_target, format, in, ConflictPolicy::Rename);
        QVERIFY2(imported.error.isEmpty() && imported.failed == 0,
            qPrintable(imported.error + imported.problems.join(QLatin1Char('\n'))));
        QCOMPARE(imported.keys, 2);
        QCOMPARE(imported.created, 1);
        QCOMPARE(imported.renamed, 1);
        QCOMPARE(on(*m_target, { "GET", "a" }).bytes(), QByteArray("mine"));
        QCOMPARE(content(*m_target, "a:imported"), QByteArray("4:list;1:y;"));
        QCOMPARE(content(*m_target, "a:imported:2"), QByteArray("4:list;1:x;"));
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // Rename, then a refused payload: the rebuild reads the source's own key (not the renamed one)
    // and writes it under a free name.
    void copyRenamesThenRebuilds()
    {
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
        QVERIFY(on(*m_target, { "SET", "hash:small", "in the way" }).isStatus());
        CopyOptions options;
        options.scope.keys = { "hash:small" };
        options.policy = ConflictPolicy::Rename;
        options.payloadFilter = [](QByteArray payload) {
            qToLittleEndian<quint16>(250, payload.data() + payload.size() - 10);
            return payload;
        };
        std::unique_ptr<TransferJob> job(TransferJob::copyKeys(m_source.get(), m_target.get(), options));
        const TransferSummary copied = runJob(job.get());
        QVERIFY2(copied.failed == 0, qPrintable(copied.problems.join(QLatin1Char('\n'))));
        QCOMPARE(copied.rebuilt, 1);
        QCOMPARE(copied.renamed, 1);
        QCOMPARE(on(*m_target, { "GET", "hash:small" }).bytes(), QByteArray("in the way"));
        QCOMPARE(content(*m_target, "hash:small:copy"), content(*m_source, "hash:small"));
        QVERIFY(on(*m_target, { "PTTL", "hash:small:copy" }).integerValue() > 7000000);
        QCOMPARE(on(*m_target, { "FLUSHDB" }), Reply::status("OK"));
    }

    // Only the keys asked for: a selection, and a pattern (a folder).
    void scopes()
    {
        const QString path = file(QStringLiteral("scope.jsonl"));
        KeyScope selection;
        selection.keys = { "str:plain", "hash:small", "no:such:key" };
        const TransferSummary some = exportTo(Format::JsonLines, path, selection);
        QCOMPARE(some.keys, 2);
        QCOMPARE(some.skipped, 1);
        KeyScope folder;
        folder.match = "list:*";
        QCOMPARE(exportTo(Format::JsonLines, path, folder).keys, 2);
        QFile json(path);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = json.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two keys and the end
        QVERIFY(lines.at(0).startsWith("{\"key\":\"list:"));
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
