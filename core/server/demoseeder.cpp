#include "demoseeder.h"

#include "client/session.h"
#include "formats/valueformat.h"
#include "util/posting.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <lz4.h>

namespace vermilion {

namespace {
    constexpr qsizetype batchSize = 64;
    constexpr int bigCollectionSize = 100000;
    constexpr int bigChunk = 1000;

    QByteArray n(qint64 value) { return QByteArray::number(value); }

    // Nippy as Carmine's freezer writes it with a released Nippy (3.4.1-3.8.1; Carmine pins 3.6):
    // taoensso.nippy.pack-unsigned is off by default there, so small counts and longs take the
    // unpacked ids with a signed length (taoensso/nippy v3.8.1 impl.clj:14-21 pack-unsigned?, io.clj:
    // 81 write-str, 106-121 write-long-legacy, 154 the collections' -sm_ forms).
    // Nippy 3.3.0-3.4.0 and 3.9 write the packed forms instead; one demo value shows those.
    namespace nippy {
    QByteArray bigEndian(qint64 value, int bytes)
    {
        QByteArray out;
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
            out += char((value >> shift) & 0xff);
        return out;
    }
    QByteArray string(const QByteArray& utf8)
    {
        if (utf8.size() <= 127)
            return QByteArray(1, '\x69') + char(utf8.size()) + utf8; // 105 str-sm_: signed 1-byte length
        if (utf8.size() <= 32767)
            return QByteArray(1, '\x10') + bigEndian(utf8.size(), 2) + utf8; // 16 str-md
        return QByteArray(1, '\x0d') + bigEndian(utf8.size(), 4) + utf8; // 13 str-lg
    }
    QByteArray keyword(const QByteArray& name)
    {
        return QByteArray(1, '\x6a') + char(name.size()) + name;
    }
    QByteArray smallLong(int value)
    {
        if (value == 0)
            return QByteArray(1, '\x00'); // 0 long-0
        if (value >= -128 && value <= 127)
            return QByteArray(1, '\x64') + char(value); // 100 long-sm_
        return QByteArray(1, '\x65') + bigEndian(value, 2); // 101 long-md_
    }
    QByteArray date(qint64 epochMs)
    {
        return QByteArray(1, '\x5a') + bigEndian(epochMs, 8); // 90: #inst
    }
    QByteArray map(const QList<QPair<QByteArray, QByteArray>>& entries)
    {
        QByteArray bytes = QByteArray(1, '\x70') + char(entries.size()); // 112 map-sm_: signed count
        for (const auto& [key, value] : entries)
            bytes += key + value;
        return bytes;
    }
    QByteArray vector(const QList<QByteArray>& elements)
    {
        QByteArray bytes;
        if (elements.size() <= 127)
            bytes = QByteArray(1, '\x6e') + char(elements.size()); // 110 vec-sm_: signed count
        else
            bytes = QByteArray(1, '\x45') + bigEndian(elements.size(), 2); // 69 vec-md
        for (const QByteArray& element : elements)
            bytes += element;
        return bytes;
    }
    QByteArray set(const QList<QByteArray>& elements)
    {
        QByteArray bytes = QByteArray(1, '\x6f') + char(elements.size()); // 111 set-sm_
        for (const QByteArray& element : elements)
            bytes += element;
        return bytes;
    }
    // Carmine's marker, the header, and the body: plain, or LZ4 above 8 KiB as Nippy does.
    QByteArray frozen(const QByteArray& body)
    {
        if (body.size() <= 8192)
            return QByteArray("\0>NPY\0", 6) + body;
        QByteArray block(LZ4_compressBound(int(body.size())), Qt::Uninitialized);
        block.truncate(LZ4_compress_default(body.constData(), block.data(), int(body.size()), int(block.size())));
        const auto length = quint32(body.size());
        const char prefix[]
            = { char(length >> 24), char((length >> 16) & 0xff), char((length >> 8) & 0xff), char(length & 0xff) };
        return QByteArray("\0>NPY\x08", 6) + QByteArray(prefix, 4) + block;
    }
    } // namespace nippy

    QByteArray demoUuid(QRandomGenerator& random)
    {
        QByteArray hex;
        for (int i = 0; i < 4; ++i)
            hex += QByteArray::number(random.generate(), 16).rightJustified(8, '0');
        return hex.left(8) + '-' + hex.mid(8, 4) + "-4" + hex.mid(13, 3) + '-' + hex.mid(16, 4) + '-' + hex.mid(20, 12);
    }

    // One message of a Carmine queue in a given state (times relative to now).
    struct DemoMessage {
        QByteArray mid;
        QByteArray content;
        enum Where { Ready, Circle } where = Circle;
        qint64 lockIn = 0; // > 0: locked until now + lockIn; < 0: a lock that ran out
        qint64 backoffIn = 0;
        int attempts = 0;
        bool done = false;
        bool requeue = false;
        qint64 age = 60000;
    };

    void writeQueue(
        QList<Command>& commands, const QByteArray& queue, bool v2, const QList<DemoMessage>& messages, qint64 now)
    {
        const auto key = [&](const char* suffix) -> QByteArray { return "carmine:mq:" + queue + ':' + suffix; };
        Command circle { "RPUSH", key("mid-circle"), "end-of-circle" };
        Command ready { "LPUSH", key("mids-ready") };
        for (const DemoMessage& m : messages) {
            commands.append({ "HSET", key("messages"), m.mid, m.content });
            if (v2) {
                commands.append({ "HSET", key("udts"), m.mid, n(now - m.age) });
                commands.append({ "HSET", key("lock-times"), m.mid, "60000" });
            }
            if (m.lockIn != 0)
                commands.append({ "HSET", key("locks"), m.mid, n(now + m.lockIn) });
            if (m.backoffIn != 0)
                commands.append({ "HSET", key("backoffs"), m.mid, n(now + m.backoffIn) });
            if (m.attempts > 0)
                commands.append({ "HSET", key("nattempts"), m.mid, n(m.attempts) });
            if (m.done)
                commands.append({ "SADD", key("done"), m.mid });
            if (m.requeue) {
                if (v2)
                    commands.append({ "HSET", key("messages-rq"), m.mid, m.content });
                else
                    commands.append({ "SADD", key("requeue"), m.mid });
            }
            if (v2 && m.where == DemoMessage::Ready)
                ready << m.mid;
            else
                circle << m.mid;
        }
        commands.append(circle);
        if (ready.size() > 2)
            commands.append(ready);
        commands.append({ "SET", key("ndry-runs"), v2 ? "0" : "3" });
        if (!v2)
            commands.append({ "PSETEX", key("eoq-backoff?"), "600000", "true" });
        else
            commands.append({ "RPUSH", key("isleep-a"), "_" });
    }

    // Every status Carmine names, for mids made by prefix.
    QList<DemoMessage> everyStatus(
        const std::function<QByteArray(int)>& mid, const std::function<QByteArray(int)>& content)
    {
        constexpr qint64 hour = 3600000;
        QList<DemoMessage> list;
        int i = 0;
        const auto add = [&](DemoMessage m) {
            m.mid = mid(i);
            m.content = content(i);
            m.age = 30000 + i * 45000;
            list.append(m);
            ++i;
        };
        add({ {}, {}, DemoMessage::Ready }); // queued, new
        add({ {}, {}, DemoMessage::Ready }); // queued, new
        add({ {}, {}, DemoMessage::Circle, -60000, 0, 1 }); // queued: its lock ran out
        add({ {}, {}, DemoMessage::Circle, 0, hour / 2, 2 }); // queued-with-backoff
        add({ {}, {}, DemoMessage::Circle, 0, -30000, 1 }); // queued: backoff over
        add({ {}, {}, DemoMessage::Circle, hour, 0, 1 }); // locked
        add({ {}, {}, DemoMessage::Circle, hour, 0, 3, false, true }); // locked-with-requeue
        add({ {}, {}, DemoMessage::Circle, 0, 0, 1, true }); // done-awaiting-gc
        add({ {}, {}, DemoMessage::Circle, 0, hour / 4, 1, true }); // done-with-backoff
        add({ {}, {}, DemoMessage::Circle, 0, hour / 4, 2, true, true }); // done-with-requeue
        return list;
    }
} // namespace

DemoSeeder::DemoSeeder(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
}

void DemoSeeder::addDataset(const QString& name, Generator generator)
{
    m_datasets.append({ name, std::move(generator) });
}

void DemoSeeder::addDefaultDatasets()
{
    addDataset(tr("keys of every type"), &DemoSeeder::basicKeys);
    addDataset(tr("binary keys and values"), &DemoSeeder::binaryKeys);
    addDataset(tr("big values"), &DemoSeeder::bigValues);
    addDataset(tr("encoded values"), &DemoSeeder::encodedValues);
    addDataset(tr("Carmine and Zato locks"), &DemoSeeder::carmineLocks);
    addDataset(tr("Carmine queues and Tundra"), &DemoSeeder::carmineQueues);
}

QList<Command> DemoSeeder::basicKeys()
{
    QList<Command> commands;
    QRandomGenerator random(42); // the same demo every time
    const QList<QByteArray> plans { "free", "pro", "team", "enterprise" };
    for (int user = 1; user <= 250; ++user) {
        const QByteArray id = n(user);
        commands.append({ "HSET", "app:user:" + id + ":profile", "name", "User " + id, "email",
                          "user" + id + "@example.com", "plan", plans.at(user % plans.size()), "created",
                          n(1700000000 + user * 3600) });
        for (int session = 1; session <= 2; ++session) {
            const QByteArray key = "app:user:" + id + ":session:" + n(session);
            commands.append({ "SET", key,
                              "{\"user\":" + id + ",\"ip\":\"10.0." + n(user % 255) + "." + n(session)
                                  + "\",\"agent\":\"Mozilla/5.0\"}",
                              "EX", n(3600 + random.bounded(86400)) });
        }
    }
    commands.append({ "HSET", "app:config", "maintenance", "false", "max_upload_mb", "25", "theme", "dark",
                      "support_email", "help@example.com" });
    commands.append({ "SADD", "app:feature-flags", "new-checkout", "dark-mode", "beta-search", "ai-summaries" });
    Command leaderboard { "ZADD", "app:leaderboard" };
    for (int i = 1; i <= 1000; ++i)
        leaderboard << n(random.bounded(100000)) << "player:" + n(i);
    commands.append(leaderboard);
    Command queue { "RPUSH", "app:queue:emails" };
    for (int i = 1; i <= 50; ++i)
        queue << "{\"to\":\"user" + n(i) + "@example.com\",\"template\":\"welcome\"}";
    commands.append(queue);
    for (int i = 1; i <= 500; ++i)
        commands.append({ "XADD", "app:events", "*", "type", i % 3 ? "page_view" : "purchase", "user", n(i % 250 + 1),
                          "amount", n(i % 3 ? 0 : 10 + i % 90) });
    commands.append({ "XGROUP", "CREATE", "app:events", "analytics", "0" });
    commands.append({ "XREADGROUP", "GROUP", "analytics", "worker-1", "COUNT", "20", "STREAMS", "app:events", ">" });
    commands.append({ "SET", "app:counter:visits", "1284733" });
    commands.append({ "SET", "app:cache:page:/home", "<html><body><h1>Welcome</h1></body></html>", "EX", "900" });
    commands.append({ "SET", "app:json:order:1001",
                      R"({"id":1001,"customer":{"id":42,"name":"Ada"},"items":[{"sku":"A-1","qty":2},)"
                      R"({"sku":"B-7","qty":1}],"total":59.9,"paid":true})" });
    commands.append({ "PFADD", "app:stats:unique-visitors", "a", "b", "c", "d", "e" });
    commands.append({ "SETEX", "ttl:expires-in-a-minute", "60", "soon gone" });
    commands.append({ "SETEX", "ttl:expires-in-an-hour", "3600", "still here" });
    commands.append({ "SET", "unicode:ключ:🔑", "значение ✓ 値" });
    for (int i = 0; i < 20; ++i)
        commands.append({ "SET", "cache:item:" + n(i), n(random.generate()) , "PX", n(600000 + i * 1000) });
    commands.append({ "SET", "noseparator", "a key outside any namespace" });
    commands.append({ "SET", ":leading:separator", "a key that starts with the separator" });
    commands.append({ "SET", "trailing:separator:", "a key that ends with the separator" });
    commands.append({ "SET", "empty::segment", "a key with an empty segment" });
    return commands;
}

QList<Command> DemoSeeder::binaryKeys()
{
    QByteArray allBytes;
    for (int b = 0; b < 256; ++b)
        allBytes.append(char(b));
    return {
        { "SET", QByteArray("bin:\xff\xfe\x00key", 10), allBytes },
        { "SET", "bin:all-bytes", allBytes },
        { "HSET", QByteArray("bin:hash\x01", 9), QByteArray("field\x00x", 7), QByteArray("\x80\x81\x82", 3) },
        { "SET", "bin:png-header", QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16) },
    };
}

QList<Command> DemoSeeder::encodedValues()
{
    const QString json = QStringLiteral(
        R"({"order":1001,"customer":{"id":42,"name":"Ada Lovelace"},"items":[{"sku":"A-1","qty":2,"price":19.95},)"
        R"({"sku":"B-7","qty":1,"price":20.0}],"paid":true,"notes":"leave at the door"})");
    QList<Command> commands;
    const auto& registry = formats::FormatRegistry::instance();
    for (const char* id : { "gzip", "zlib", "lz4", "zstd", "snappy", "base64" }) {
        const formats::ValueFormat* format = registry.find(QString::fromLatin1(id));
        QString error;
        const QByteArray encoded = format ? format->encode(json, &error) : QByteArray();
        if (!encoded.isEmpty())
            commands.append({ "SET", "fmt:" + QByteArray(id) + ":json", encoded });
    }
    // MessagePack: {"id": 42, "name": "Ada", "tags": ["a", "b"], "active": true}
    const QByteArray msgpack("\x84\xa2id\x2a\xa4name\xa3" "Ada\xa4tags\x92\xa1" "a\xa1" "b\xa6" "active\xc3", 32);
    commands.append({ "SET", "fmt:msgpack:map", msgpack });

    // Nippy, as Carmine stores it: the \0> marker, the "NPY" header, then typed values.
    // {:user/id 42, :user/name "Ada", :tags #{"admin" "beta"}, :at #inst "2024-01-01T00:00:00.000-00:00"}
    // as released Nippy writes it (unpacked ids, see namespace nippy) ...
    const QByteArray nippyMap = nippy::map({ { nippy::keyword("user/id"), nippy::smallLong(42) },
        { nippy::keyword("user/name"), nippy::string("Ada") },
        { nippy::keyword("tags"), nippy::set({ nippy::string("admin"), nippy::string("beta") }) },
        { nippy::keyword("at"), nippy::date(1704067200000) } });
    commands.append({ "SET", "fmt:nippy:map", QByteArray("\0>NPY\0", 6) + nippyMap });
    // ... and as Nippy 3.3.0-3.4.0 and 3.9 write it: the packed ids, whose counts of the "sm*" forms
    // and small longs are stored minus 128.
    const auto packedString = [](const QByteArray& utf8) -> QByteArray {
        return QByteArray(1, '\x60') + char(utf8.size() - 128) + utf8; // 96 str-sm*, below 256 bytes
    };
    const QByteArray packedMap = QByteArray("\x63\x84", 2) + nippy::keyword("user/id") + QByteArray("\x57\xaa", 2)
        + nippy::keyword("user/name") + packedString("Ada") + nippy::keyword("tags") + QByteArray("\x62\x82", 2)
        + packedString("admin") + packedString("beta") + nippy::keyword("at") + nippy::date(1704067200000);
    commands.append({ "SET", "fmt:nippy:packed", QByteArray("\0>NPY\0", 6) + packedMap });
    // Nippy compresses with LZ4 above 8 KiB: {:events [...300 small maps...]}, as a 4-byte big-endian
    // length and a raw LZ4 block.
    QList<QByteArray> eventList;
    for (int i = 0; i < 300; ++i) {
        eventList.append(nippy::map({ { nippy::keyword("event/id"), nippy::smallLong(i + 1000) },
            { nippy::keyword("event/type"), nippy::string(i % 3 ? "page-view" : "purchase") } }));
    }
    const QByteArray events = nippy::map({ { nippy::keyword("events"), nippy::vector(eventList) } });
    QByteArray block(LZ4_compressBound(int(events.size())), Qt::Uninitialized);
    block.truncate(LZ4_compress_default(events.constData(), block.data(), int(events.size()), int(block.size())));
    commands.append(
        { "SET", "fmt:nippy:lz4", QByteArray("\0>NPY\x08", 6) + nippy::bigEndian(events.size(), 4) + block });
    commands.append({ "HSET", "fmt:hash:with-json-values", "user:1", json.toUtf8(), "user:2",
                      R"({"id":2,"name":"Grace"})", "raw", "plain text" });
    return commands;
}

QList<Command> DemoSeeder::carmineLocks()
{
    QRandomGenerator random(7);
    const qint64 minute = 60000;
    QList<Command> commands;
    commands.append({ "SET", "carmine:lock:jobs/nightly-report", demoUuid(random), "PX", n(55 * minute) });
    commands.append({ "SET", "carmine:lock:billing/invoice-run", demoUuid(random) }); // no expiry: a holder bug
    commands.append({ "SET", "carmine:lock:cache/warmup", demoUuid(random), "PX", n(3 * minute) });
    commands.append({ "SET", "carmine:lock:search/reindex-shard-3", demoUuid(random), "PX", n(20 * minute) });
    for (int i = 1; i <= 12; ++i)
        commands.append({ "SET", "carmine:lock:orders/" + n(1000 + i), demoUuid(random), "PX",
            n(5 * minute + random.bounded(50 * minute)) });
    commands.append({ "SET", "zato:lock:server:scheduler:cleanup", "zato-server1:pid-4211", "PX", n(30 * minute) });
    commands.append({ "SET", "zato:lock:server:startup:hot-deploy", "zato-server2:pid-977", "PX", n(10 * minute) });
    commands.append({ "SET", "zato:lock:pubsub:delivery:task-17", "zato-server1:pid-4211", "PX", n(40 * minute) });
    // The sandbox publishes keyspace events, so the lock inspector updates live (and the pub/sub
    // keyspace panes have something to show) without the user touching the server's configuration.
    commands.append({ "CONFIG", "SET", "notify-keyspace-events", "KEA" });
    return commands;
}

QList<Command> DemoSeeder::carmineQueues()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QRandomGenerator random(11);
    QList<Command> commands;
    const QList<QByteArray> templates { "welcome", "password-reset", "invoice", "digest" };

    // v2 queue "emails": a map per message, one of them big enough to be LZ4-compressed.
    QList<DemoMessage> emails = everyStatus([&](int) -> QByteArray { return demoUuid(random); },
        [&](int i) -> QByteArray {
            return nippy::frozen(
                nippy::map({ { nippy::keyword("to"), nippy::string("user" + n(i + 1) + "@example.com") },
                    { nippy::keyword("template"), nippy::keyword(templates.at(i % templates.size())) },
                    { nippy::keyword("user/id"), nippy::smallLong(40 + i) },
                    { nippy::keyword("queued-at"), nippy::date(now - 30000 - i * 45000) } }));
        });
    QList<QByteArray> lines;
    for (int i = 0; i < 400; ++i)
        lines.append(nippy::map({ { nippy::keyword("line"), nippy::smallLong(i % 200) },
            { nippy::keyword("text"), nippy::string("Order line " + n(i) + ": 2 x widget, 19.95 EUR") } }));
    DemoMessage big;
    big.mid = demoUuid(random);
    big.content = nippy::frozen(nippy::map({ { nippy::keyword("to"), nippy::string("accounts@example.com") },
        { nippy::keyword("template"), nippy::keyword("monthly-statement") },
        { nippy::keyword("lines"), nippy::vector(lines) } }));
    emails.append(big);
    writeQueue(commands, "emails", true, emails, now);

    // v1 queue "legacy-jobs" (Carmine before 3.3): mid-circle only, requeue set, eoq-backoff?.
    QList<DemoMessage> jobs = everyStatus([](int i) -> QByteArray { return "job-" + n(100 + i); },
        [](int i) -> QByteArray {
            return nippy::frozen(nippy::vector({ nippy::keyword("resize"), nippy::string("img/" + n(i) + ".png") }));
        });
    for (DemoMessage& job : jobs)
        job.where = DemoMessage::Circle;
    writeQueue(commands, "legacy-jobs", false, jobs, now);

    // Tundra: the mids of tundra:default are Redis key names; contents are the frozen key names.
    QList<DemoMessage> dirty = everyStatus([](int i) -> QByteArray { return "tundra:user:" + n(i + 1); },
        [](int i) -> QByteArray { return nippy::frozen(nippy::string("tundra:user:" + n(i + 1))); });
    writeQueue(commands, "tundra:default", true, dirty, now);
    for (int i = 0; i < dirty.size(); ++i) {
        if (i % 4 == 3)
            continue; // dirty, then evicted before the worker got to it
        Command set { "SET", dirty.at(i).mid,
            nippy::frozen(nippy::map({ { nippy::keyword("user/id"), nippy::smallLong(i + 1) },
                { nippy::keyword("name"), nippy::string("User " + n(i + 1)) } })) };
        if (i % 3 == 0)
            set << "PX" << n(3600000 + i * 60000); // the eviction TTL set after replication
        commands.append(set);
    }
    Command evictable { "SADD", "carmine:tundra:evictable" };
    for (int i = 0; i < dirty.size(); i += 2)
        evictable << dirty.at(i).mid;
    for (int i = 1; i <= 6; ++i)
        evictable << "tundra:archive:" + n(2020 + i); // replicated and since evicted: restorable on demand
    commands.append(evictable);
    commands.append({ "SET", "tundra:archive:2026", nippy::frozen(nippy::string("still cached")), "PX", "86400000" });
    return commands;
}

QList<Command> DemoSeeder::bigValues()
{
    QList<Command> commands;
    for (int start = 0; start < bigCollectionSize; start += bigChunk) {
        Command hset { "HSET", "big:hash:100k-fields" };
        Command rpush { "RPUSH", "big:list:100k-elements" };
        for (int i = start; i < start + bigChunk; ++i) {
            hset << "field:" + n(i) << "value " + n(i);
            rpush << "element " + n(i);
        }
        commands.append(hset);
        commands.append(rpush);
    }
    // 5 MB of readable text, so a viewer has something to show.
    QByteArray line = "Vermilion sandbox: a five megabyte string. 0123456789 abcdefghijklmnopqrstuvwxyz\n";
    QByteArray big;
    big.reserve(5 * 1024 * 1024);
    while (big.size() + line.size() <= 5 * 1024 * 1024)
        big += line;
    big += QByteArray(5 * 1024 * 1024 - big.size(), '.');
    commands.append({ "SET", "big:string:5mb", big });
    return commands;
}

void DemoSeeder::start()
{
    // The datasets hold megabytes of values (the big ones, LZ4 frames): they are made in the pool,
    // and the UI thread only sends them, a batch at a time.
    const JobTracker::Ticket ticket = m_jobs.next();
    m_pending.clear();
    m_next = 0;
    runInPoolFor(
        this,
        [datasets = m_datasets] {
            QList<QPair<QString, Command>> pending;
            for (const Dataset& dataset : datasets) {
                for (Command& command : dataset.generator())
                    pending.append({ dataset.name, std::move(command) });
            }
            return pending;
        },
        [this, ticket](QList<QPair<QString, Command>> pending) {
            if (m_jobs.isStale(ticket))
                return;
            m_pending = std::move(pending);
            sendNextBatch();
        });
}

void DemoSeeder::cancel() { m_jobs.cancel(); }

void DemoSeeder::sendNextBatch()
{
    if (!m_session)
        return;
    if (m_next >= m_pending.size()) {
        m_pending.clear();
        emit finished();
        return;
    }
    QList<Command> batch;
    const QString dataset = m_pending.at(m_next).first;
    const qsizetype end = qMin(m_next + batchSize, m_pending.size());
    for (qsizetype i = m_next; i < end; ++i)
        batch.append(m_pending.at(i).second);
    m_next = end;
    m_session->executeBatch(batch, this, [this, dataset, ticket = m_jobs.current()](const QList<Reply>& replies) {
        if (m_jobs.isStale(ticket))
            return;
        for (const Reply& reply : replies) {
            if (reply.isClientError()) {
                emit failed(tr("Seeding demo data (%1) failed: %2").arg(dataset, reply.errorMessage()));
                return;
            }
        }
        emit progress(int(m_next), int(m_pending.size()), dataset);
        sendNextBatch();
    });
}

} // namespace vermilion
