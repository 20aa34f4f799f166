#include "transferjob.h"

#include "client/keyspacescan.h"
#include "client/session.h"
#include "util/posting.h"
#include "util/redistext.h"
#include "util/redistypes.h"
#include "util/tsan.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <deque>
#include <mutex>
#include <optional>

namespace vermilion::transfer {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Transfer", text);
}

QString keyText(const QByteArray& key)
{
    return RedisText::escape(key.left(200), RedisText::Quoting::Always);
}

// TIME's [seconds, microseconds] as epoch milliseconds, or 0.
qint64 serverTimeMs(const Reply& reply)
{
    if (!reply.isArray() || reply.size() != 2)
        return 0;
    return reply.at(0).bytes().toLongLong() * 1000 + reply.at(1).bytes().toLongLong() / 1000;
}

bool isStructuredType(const QByteArray& type)
{
    return type == "string" || type == "list" || type == "set" || type == "zset" || type == "hash" || type == "stream";
}

// A read reply as rows (see KeyRecord::rows).
QList<QList<QByteArray>> rowsOf(const QByteArray& type, const Reply& reply)
{
    QList<QList<QByteArray>> rows;
    if (type == "string") {
        rows.append({ reply.bytes() });
        return rows;
    }
    if (!reply.isArray())
        return rows;
    const QList<Reply>& elements = reply.elements();
    if (type == "stream") {
        rows.reserve(elements.size());
        for (const Reply& entry : elements) {
            QList<QByteArray> row { entry.at(0).bytes() };
            for (const Reply& part : entry.at(1).elements())
                row.append(part.bytes());
            rows.append(row);
        }
    } else if (type == "zset" || type == "hash") {
        rows.reserve(elements.size() / 2);
        for (qsizetype i = 0; i + 1 < elements.size(); i += 2)
            rows.append({ elements.at(i).bytes(), elements.at(i + 1).bytes() });
    } else {
        rows.reserve(elements.size());
        for (const Reply& element : elements)
            rows.append({ element.bytes() });
    }
    return rows;
}

Command wholeReadCommand(const QByteArray& type, const QByteArray& key)
{
    if (type == "string")
        return { "GET", key };
    if (type == "list")
        return { "LRANGE", key, "0", "-1" };
    if (type == "set")
        return { "SMEMBERS", key };
    if (type == "zset")
        return { "ZRANGE", key, "0", "-1", "WITHSCORES" };
    if (type == "hash")
        return { "HGETALL", key };
    return { "XRANGE", key, "-", "+" };
}


// The id after this one (ms-seq + 1): an exclusive start for XRANGE that servers before 6.2 read
// too (they have no "(" ranges).
QByteArray nextStreamId(const QByteArray& id)
{
    const qsizetype dash = id.indexOf('-');
    const quint64 ms = id.left(dash).toULongLong();
    const quint64 seq = dash < 0 ? 0 : id.mid(dash + 1).toULongLong();
    if (seq == std::numeric_limits<quint64>::max())
        return QByteArray::number(ms + 1) + "-0";
    return QByteArray::number(ms) + '-' + QByteArray::number(seq + 1);
}

bool isVersionRefusal(const Reply& reply)
{
    return reply.isError() && reply.errorMessage().contains(QLatin1String("payload version or checksum are wrong"));
}

} // namespace

// ---- the worker side ----

// Runs in the job's thread. Reports through callbacks that the job turns into its signals.
class TransferWorker : public QObject {
public:
    std::function<void(const TransferProgress&)> onProgress;
    std::function<void(const TransferSummary&)> onFinished;

    virtual void run() = 0;
    void requestCancel() { m_cancel.store(true); }

protected:
    bool cancelled() const { return m_cancel.load(); }
    void report(bool force = false)
    {
        if (!force && m_reportClock.isValid() && m_reportClock.elapsed() < 100)
            return;
        m_reportClock.start();
        m_progress.keys = m_summary.keys;
        m_progress.skipped = m_summary.skipped;
        m_progress.failed = m_summary.failed;
        m_progress.bytes = m_summary.bytes;
        if (onProgress)
            onProgress(m_progress);
    }
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_summary.cancelled = m_summary.cancelled || (cancelled() && m_summary.error.isEmpty());
        report(true);
        if (onFinished)
            onFinished(m_summary);
    }
    void fail(const QString& error)
    {
        if (m_summary.error.isEmpty())
            m_summary.error = error;
        finish();
    }
    bool isFinished() const { return m_finished; }
    // After a batch: the next one after the pacing pause, or at once.
    void next(int pauseMs, std::function<void()> step)
    {
        if (pauseMs > 0)
            QTimer::singleShot(pauseMs, this, std::move(step));
        else
            QMetaObject::invokeMethod(this, std::move(step), Qt::QueuedConnection);
    }

    TransferSummary m_summary;
    TransferProgress m_progress;

private:
    std::atomic<bool> m_cancel { false };
    bool m_finished = false;
    QElapsedTimer m_reportClock;
};

namespace {

// Hands out the keys of a scope batch by batch: a selection as given, or SCAN pages (a cursor per
// node) asked for only when the batch in hand is used up, which is the backpressure.
class KeySource {
public:
    KeySource(Session* session, QObject* context, const KeyScope& scope, const Pacing& pacing)
        : m_selection(scope.keys)
        , m_batch(qMax(1, pacing.batchKeys))
    {
        if (m_selection.isEmpty()) {
            KeyspaceScan::Options options;
            options.match = scope.match;
            options.count = qMax(1, pacing.scanCount);
            m_scan = std::make_unique<KeyspaceScan>(
                session, context, options,
                [this](const Reply& keys, const QString&) {
                    for (const Reply& key : keys.elements())
                        m_pending.push_back(key.bytes());
                    deliver();
                },
                [this](const QString& message) {
                    m_error = message;
                    deliver();
                });
        }
    }
    qint64 knownTotal() const { return m_scan ? -1 : m_selection.size(); }
    // Calls back with the next batch (empty at the end), or with an error.
    void nextBatch(std::function<void(const QList<QByteArray>& keys, const QString& error)> handler)
    {
        m_handler = std::move(handler);
        if (!m_scan) {
            const QList<QByteArray> batch = m_selection.mid(m_at, m_batch);
            m_at += batch.size();
            std::exchange(m_handler, nullptr)(batch, {});
            return;
        }
        deliver();
    }
    void cancel()
    {
        if (m_scan)
            m_scan->cancel();
    }

private:
    void deliver()
    {
        if (!m_handler)
            return;
        if (!m_error.isEmpty()) {
            std::exchange(m_handler, nullptr)({}, m_error);
            return;
        }
        if (qsizetype(m_pending.size()) >= m_batch || (m_scan->isComplete() && !m_scan->isInFlight())) {
            QList<QByteArray> batch;
            while (!m_pending.empty() && batch.size() < m_batch) {
                batch.append(std::move(m_pending.front()));
                m_pending.pop_front();
            }
            // The next page is asked for now, so SCAN overlaps the work on this batch.
            if (!m_scan->isComplete() && !m_scan->isInFlight() && qsizetype(m_pending.size()) < m_batch)
                m_scan->requestMore();
            std::exchange(m_handler, nullptr)(batch, {});
            return;
        }
        if (!m_scan->isInFlight())
            m_scan->requestMore();
    }

    QList<QByteArray> m_selection;
    qsizetype m_at = 0;
    qsizetype m_batch;
    std::unique_ptr<KeyspaceScan> m_scan;
    std::deque<QByteArray> m_pending;
    QString m_error;
    std::function<void(const QList<QByteArray>&, const QString&)> m_handler;
};

// Reads one key's elements page by page (GETRANGE, LRANGE, SSCAN, ZRANGE, HSCAN, XRANGE) on the
// bulk link, one read in flight; each page goes to onRows, which calls the continuation it is given
// when it is ready for the next. done(error) ends it.
class ElementsReader {
public:
    using Rows = QList<QList<QByteArray>>;
    ElementsReader(Session* session, QObject* context, QByteArray key, QByteArray type, qint64 size,
        const Pacing& pacing, std::function<void(const Rows&, std::function<void()>)> onRows,
        std::function<void(const QString&)> done)
        : m_session(session)
        , m_context(context)
        , m_key(std::move(key))
        , m_type(std::move(type))
        , m_size(size)
        , m_page(qMax(1, pacing.pageElements))
        , m_stringPage(qMax<qint64>(3, pacing.stringPageBytes / 3 * 3))
        , m_onRows(std::move(onRows))
        , m_done(std::move(done))
    {
    }
    void start() { read(); }

private:
    Command command() const
    {
        if (m_type == "string")
            return { "GETRANGE", m_key, QByteArray::number(m_offset), QByteArray::number(m_offset + m_stringPage - 1) };
        if (m_type == "list" || m_type == "zset") {
            Command c { m_type == "list" ? QByteArray("LRANGE") : QByteArray("ZRANGE"), m_key, QByteArray::number(m_offset),
                QByteArray::number(m_offset + m_page - 1) };
            if (m_type == "zset")
                c.append("WITHSCORES");
            return c;
        }
        if (m_type == "set" || m_type == "hash")
            return { m_type == "set" ? QByteArray("SSCAN") : QByteArray("HSCAN"), m_key, m_cursor, "COUNT",
                QByteArray::number(m_page) };
        return { "XRANGE", m_key, m_lastId.isEmpty() ? QByteArray("-") : nextStreamId(m_lastId), "+", "COUNT",
            QByteArray::number(m_page) };
    }
    void read()
    {
        m_session->execute(
            command(), m_context,
            [this](const Reply& reply) {
                if (reply.isError()) {
                    m_done(tr("Reading %1 failed: %2").arg(keyText(m_key), reply.errorMessage()));
                    return;
                }
                Rows rows;
                bool last = false;
                if (m_type == "string") {
                    rows.append({ reply.bytes() });
                    m_offset += reply.bytes().size();
                    last = reply.bytes().size() < m_stringPage || m_offset >= m_size;
                } else if (m_type == "set" || m_type == "hash") {
                    m_cursor = reply.at(0).bytes();
                    rows = rowsOf(m_type == "set" ? QByteArray("list") : QByteArray("hash"), reply.at(1));
                    last = m_cursor == "0";
                } else {
                    rows = rowsOf(m_type, reply);
                    if (m_type == "stream") {
                        if (!rows.isEmpty())
                            m_lastId = rows.constLast().value(0);
                        last = rows.size() < m_page;
                    } else {
                        m_offset += rows.size();
                        last = rows.size() < m_page || m_offset >= m_size;
                    }
                }
                const auto continuation = [this, last] {
                    if (last)
                        m_done({});
                    else
                        read();
                };
                if (rows.isEmpty() || (rows.size() == 1 && m_type == "string" && rows.first().value(0).isEmpty()
                                          && m_offset > 0)) {
                    continuation();
                    return;
                }
                m_onRows(rows, continuation);
            },
            Session::Role::Bulk);
    }

    Session* m_session;
    QObject* m_context;
    QByteArray m_key;
    QByteArray m_type;
    qint64 m_size;
    int m_page;
    qint64 m_stringPage;
    std::function<void(const Rows&, std::function<void()>)> m_onRows;
    std::function<void(const QString&)> m_done;
    qint64 m_offset = 0;
    QByteArray m_cursor = "0";
    QByteArray m_lastId;
};

// Reads batches of keys as records: with DUMP payloads, or with their elements. Structured reads
// take small keys whole in one pipeline, and big ones page by page through ElementsReader.
class RecordSource {
public:
    struct Big {
        KeyRecord record;
        qint64 size = 0;
    };
    // Payloads: PTTL and DUMP of each key, then TIME, in one pipeline. The type is the payload's
    // first byte (payloadType).
    static void readPayloads(Session* session, QObject* context, const QList<QByteArray>& keys,
        std::function<void(QList<KeyRecord> records, qint64 vanished, const QString& error)> done)
    {
        QList<Command> commands;
        commands.reserve(keys.size() * 2 + 1);
        for (const QByteArray& key : keys)
            commands << Command { "PTTL", key } << Command { "DUMP", key };
        commands.append({ "TIME" });
        session->executeBatch(
            commands, context,
            [keys, done](const QList<Reply>& replies) {
                if (replies.size() != keys.size() * 2 + 1 || (!replies.isEmpty() && replies.first().isClientError())) {
                    done({}, 0, replies.isEmpty() ? tr("No reply.") : replies.first().errorMessage());
                    return;
                }
                const qint64 now = serverTimeMs(replies.constLast());
                QList<KeyRecord> records;
                records.reserve(keys.size());
                qint64 vanished = 0;
                for (qsizetype i = 0; i < keys.size(); ++i) {
                    const Reply& dump = replies.at(i * 2 + 1);
                    if (dump.isError()) {
                        done({}, 0, tr("DUMP %1 failed: %2").arg(keyText(keys.at(i)), dump.errorMessage()));
                        return;
                    }
                    if (dump.isNil()) {
                        ++vanished;
                        continue;
                    }
                    KeyRecord record;
                    record.key = keys.at(i);
                    record.type = payloadType(dump.bytes());
                    const qint64 pttl = replies.at(i * 2).integerValue();
                    record.expireAtMs = pttl > 0 ? (now > 0 ? now : QDateTime::currentMSecsSinceEpoch()) + pttl : 0;
                    record.ttlMs = qMax<qint64>(0, pttl);
                    record.readAtMs = QDateTime::currentMSecsSinceEpoch();
                    record.payload = dump.bytes();
                    records.append(std::move(record));
                }
                done(std::move(records), vanished, {});
            },
            Session::Role::Bulk);
    }

    // Elements: TYPE and PTTL, then the sizes, then the small keys whole; big ones are returned
    // for paging. Keys of other types (modules) are listed in unsupported.
    static void readStructured(Session* session, QObject* context, const QList<QByteArray>& keys, const Pacing& pacing,
        std::function<void(QList<KeyRecord> small, QList<Big> big, QList<KeyRecord> unsupported, qint64 vanished,
            const QString& error)>
            done)
    {
        QList<Command> commands;
        commands.reserve(keys.size() * 2 + 1);
        for (const QByteArray& key : keys)
            commands << Command { "TYPE", key } << Command { "PTTL", key };
        commands.append({ "TIME" });
        session->executeBatch(
            commands, context,
            [session, context, keys, pacing, done](const QList<Reply>& replies) {
                if (replies.size() != keys.size() * 2 + 1 || (!replies.isEmpty() && replies.first().isClientError())) {
                    done({}, {}, {}, 0, replies.isEmpty() ? tr("No reply.") : replies.first().errorMessage());
                    return;
                }
                const qint64 now = serverTimeMs(replies.constLast());
                QList<KeyRecord> records;
                QList<KeyRecord> unsupported;
                qint64 vanished = 0;
                for (qsizetype i = 0; i < keys.size(); ++i) {
                    KeyRecord record;
                    record.key = keys.at(i);
                    record.type = replies.at(i * 2).bytes();
                    if (record.type == "none") {
                        ++vanished;
                        continue;
                    }
                    const qint64 pttl = replies.at(i * 2 + 1).integerValue();
                    record.expireAtMs = pttl > 0 ? (now > 0 ? now : QDateTime::currentMSecsSinceEpoch()) + pttl : 0;
                    if (!isStructuredType(record.type))
                        unsupported.append(std::move(record));
                    else
                        records.append(std::move(record));
                }
                QList<Command> sizes;
                for (const KeyRecord& record : records)
                    sizes.append({ RedisTypes::sizeCommand(record.type), record.key });
                session->executeBatch(
                    sizes, context,
                    [session, context, records, unsupported, vanished, pacing, done](
                        const QList<Reply>& sizeReplies) mutable {
                        if (sizeReplies.size() != records.size()) {
                            done({}, {}, {}, 0, tr("No reply."));
                            return;
                        }
                        QList<KeyRecord> small;
                        QList<Big> big;
                        QList<Command> reads;
                        for (qsizetype i = 0; i < records.size(); ++i) {
                            const qint64 size = sizeReplies.at(i).integerValue();
                            const bool whole = records.at(i).type == "string" ? size <= pacing.wholeStringBytes
                                                                              : size <= pacing.pageElements;
                            if (whole) {
                                // A stream without entries reads as an empty array, as a key gone
                                // since TYPE does: its TYPE tells them apart.
                                const bool emptyStream = records.at(i).type == "stream" && size == 0;
                                reads.append(emptyStream ? Command { "TYPE", records.at(i).key }
                                                         : wholeReadCommand(records.at(i).type, records.at(i).key));
                                small.append(std::move(records[i]));
                            } else {
                                big.append({ std::move(records[i]), size });
                            }
                        }
                        if (reads.isEmpty()) {
                            done({}, big, unsupported, vanished, {});
                            return;
                        }
                        session->executeBatch(
                            reads, context,
                            [small, big, unsupported, vanished, done](const QList<Reply>& values) mutable {
                                if (values.size() != small.size()) {
                                    done({}, {}, {}, 0, tr("No reply."));
                                    return;
                                }
                                QList<KeyRecord> read;
                                read.reserve(small.size());
                                for (qsizetype i = 0; i < small.size(); ++i) {
                                    if (values.at(i).isStatus()) { // TYPE, asked for an empty stream
                                        if (values.at(i).bytes() == "stream")
                                            read.append(std::move(small[i]));
                                        else
                                            ++vanished;
                                        continue;
                                    }
                                    if (values.at(i).isNil() || (values.at(i).isArray() && values.at(i).size() == 0)) {
                                        ++vanished; // gone between TYPE and the read
                                        continue;
                                    }
                                    if (values.at(i).isError()) {
                                        done({}, {}, {}, 0,
                                            tr("Reading %1 failed: %2")
                                                .arg(keyText(small.at(i).key), values.at(i).errorMessage()));
                                        return;
                                    }
                                    small[i].rows = rowsOf(small.at(i).type, values.at(i));
                                    read.append(std::move(small[i]));
                                }
                                done(std::move(read), big, unsupported, vanished, {});
                            },
                            Session::Role::Bulk);
                    },
                    Session::Role::Bulk);
            },
            Session::Role::Bulk);
    }
};

// Writes records to a target with a conflict policy: RESTORE for payloads, the type's commands
// for elements. Counts go to the summary; nothing is retried after a lost link.
class TargetWriter {
public:
    // relativeTtl: records read from a server just now (copy) get the time they had left, not
    // their absolute expiry, so that the source's and the target's clocks need not agree.
    TargetWriter(Session* target, QObject* context, TransferSummary* summary, ConflictPolicy policy, QByteArray suffix,
        bool dryRun, bool relativeTtl = false)
        : m_target(target)
        , m_context(context)
        , m_summary(summary)
        , m_policy(policy)
        , m_suffix(std::move(suffix))
        , m_dryRun(dryRun)
        , m_relativeTtl(relativeTtl)
    {
    }

    // A record whose expiry has passed is not written: skipped, with the reason.
    bool expired(const KeyRecord& record) const
    {
        if (m_relativeTtl && record.ttlMs > 0)
            return record.ttlLeftMs() <= 0;
        return record.expireAtMs > 0 && record.expireAtMs <= QDateTime::currentMSecsSinceEpoch();
    }
    // The command that gives a written key its expiry, or an empty one.
    Command expiryCommand(const KeyRecord& record, const QByteArray& key) const
    {
        if (m_relativeTtl && record.ttlMs > 0)
            return { "PEXPIRE", key, QByteArray::number(qMax<qint64>(1, record.ttlLeftMs())) };
        if (record.expireAtMs > 0)
            return { "PEXPIREAT", key, QByteArray::number(record.expireAtMs) };
        return {};
    }
    // Whether the key written under this name replaced one (Replace policy); asked once per key.
    bool takeReplaced(const QByteArray& target) { return m_replaced.remove(target); }

    // RESTORE each record. Those the target refuses for their RDB version go to refused (the
    // caller rebuilds them or counts them as failed); done() comes once every reply is in.
    void restore(QList<KeyRecord> records, std::function<void(QList<KeyRecord> refused, const QString& error)> done)
    {
        QList<KeyRecord> live;
        for (KeyRecord& record : records) {
            if (expired(record)) {
                ++m_summary->skipped;
                m_summary->addProblem(tr("%1: had expired").arg(keyText(record.key)));
            } else {
                live.append(std::move(record));
            }
        }
        if (live.isEmpty()) {
            done({}, {});
            return;
        }
        if (m_dryRun) {
            countExisting(live, std::move(done));
            return;
        }
        QList<Command> commands;
        for (const KeyRecord& record : live) {
            const bool relative = m_relativeTtl && record.ttlMs > 0;
            const qint64 ttl = relative ? qMax<qint64>(1, record.ttlLeftMs()) : record.expireAtMs;
            Command restore { "RESTORE", record.key, QByteArray::number(ttl), record.payload };
            if (m_policy == ConflictPolicy::Replace)
                commands.append({ "EXISTS", record.key });
            if (m_policy == ConflictPolicy::Replace)
                restore.append("REPLACE");
            if (!relative && record.expireAtMs > 0)
                restore.append("ABSTTL");
            commands.append(restore);
        }
        const int stride = m_policy == ConflictPolicy::Replace ? 2 : 1;
        m_target->executeBatch(
            commands, m_context,
            [this, live, stride, done](const QList<Reply>& replies) mutable {
                if (replies.size() != live.size() * stride || (!replies.isEmpty() && replies.first().isClientError())) {
                    done({}, replies.isEmpty() ? tr("No reply.") : replies.first().errorMessage());
                    return;
                }
                QList<KeyRecord> refused;
                QList<KeyRecord> busy;
                for (qsizetype i = 0; i < live.size(); ++i) {
                    const Reply& reply = replies.at(i * stride + stride - 1);
                    KeyRecord& record = live[i];
                    if (!reply.isError()) {
                        ++m_summary->keys;
                        m_summary->bytes += record.payload.size();
                        if (stride == 2 && replies.at(i * 2).integerValue() > 0)
                            ++m_summary->replaced;
                        else if (record.key != record.renamedFrom && !record.renamedFrom.isEmpty())
                            ++m_summary->renamed;
                        else
                            ++m_summary->created;
                    } else if (reply.errorMessage().startsWith(QLatin1String("BUSYKEY"))) {
                        if (m_policy == ConflictPolicy::Rename)
                            busy.append(std::move(record));
                        else {
                            ++m_summary->skipped;
                            m_summary->addProblem(tr("%1: exists, skipped").arg(keyText(record.key)));
                        }
                    } else if (isVersionRefusal(reply)) {
                        refused.append(std::move(record));
                    } else {
                        ++m_summary->failed;
                        m_summary->addProblem(tr("%1: %2").arg(keyText(record.key), reply.errorMessage()));
                    }
                }
                if (busy.isEmpty()) {
                    done(refused, {});
                    return;
                }
                // Free names for the keys that exist, then RESTORE them there.
                freeNames(busy, [this, refused, done](QList<KeyRecord> renamed, const QString& error) mutable {
                    if (!error.isEmpty()) {
                        done({}, error);
                        return;
                    }
                    restore(std::move(renamed), [refused, done](QList<KeyRecord> more, const QString& error) mutable {
                        done(refused + more, error);
                    });
                });
            },
            Session::Role::Bulk);
    }

    // Writes records that carry their elements (one page each, or the whole key); with first set,
    // the key is new to this job: the conflict policy decides where it goes. Returns, per record,
    // the name it was written under (empty = skipped), so later pages of a key follow it.
    void rebuild(QList<KeyRecord> records, bool first, bool last,
        std::function<void(QList<QByteArray> targets, const QString& error)> done)
    {
        if (!first) {
            send(records, QList<bool>(records.size(), false), false, last, std::move(done));
            return;
        }
        // Keys whose expiry has passed are not written (a Replace would delete the existing key
        // for nothing).
        QList<KeyRecord> live;
        for (const KeyRecord& record : records) {
            if (expired(record)) {
                ++m_summary->skipped;
                m_summary->addProblem(tr("%1: had expired").arg(keyText(record.key)));
            } else {
                live.append(record);
            }
        }
        QList<Command> exists;
        for (const KeyRecord& record : live)
            exists.append({ "EXISTS", record.key });
        if (exists.isEmpty()) {
            done(QList<QByteArray>(records.size()), {});
            return;
        }
        m_target->executeBatch(
            exists, m_context,
            [this, records, live, last, done](const QList<Reply>& replies) mutable {
                if (replies.size() != live.size() || (!replies.isEmpty() && replies.first().isClientError())) {
                    done({}, replies.isEmpty() ? tr("No reply.") : replies.first().errorMessage());
                    return;
                }
                QList<KeyRecord> go;
                QList<bool> replace;
                QList<KeyRecord> clash;
                for (qsizetype i = 0; i < live.size(); ++i) {
                    const bool exists = replies.at(i).integerValue() > 0;
                    if (m_dryRun) {
                        count(exists);
                        continue;
                    }
                    if (!exists) {
                        go.append(live.at(i));
                        replace.append(false);
                    } else if (m_policy == ConflictPolicy::Replace) {
                        go.append(live.at(i));
                        replace.append(true);
                        m_replaced.insert(live.at(i).key);
                    } else if (m_policy == ConflictPolicy::Rename) {
                        clash.append(live.at(i));
                    } else {
                        ++m_summary->skipped;
                        m_summary->addProblem(tr("%1: exists, skipped").arg(keyText(live.at(i).key)));
                    }
                }
                if (m_dryRun) {
                    done(QList<QByteArray>(records.size()), {});
                    return;
                }
                const auto sendAll = [this, records, last, done](QList<KeyRecord> go, QList<bool> replace) {
                    send(go, replace, true, last, [records, go, done](QList<QByteArray>, const QString& error) {
                        QList<QByteArray> targets;
                        for (const KeyRecord& record : records) {
                            QByteArray target;
                            for (const KeyRecord& written : go) {
                                if (written.renamedFrom == record.key || written.key == record.key)
                                    target = written.key;
                            }
                            targets.append(target);
                        }
                        done(targets, error);
                    });
                };
                if (clash.isEmpty()) {
                    sendAll(go, replace);
                    return;
                }
                QSet<QByteArray> reserved;
                for (const KeyRecord& record : go)
                    reserved.insert(record.key);
                freeNames(
                    clash,
                    [go, replace, sendAll, done](QList<KeyRecord> renamed, const QString& error) mutable {
                        if (!error.isEmpty()) {
                            done({}, error);
                            return;
                        }
                        for (KeyRecord& record : renamed) {
                            go.append(std::move(record));
                            replace.append(false);
                        }
                        sendAll(go, replace);
                    },
                    reserved);
            },
            Session::Role::Bulk);
    }

    void countExisting(const QList<KeyRecord>& records, std::function<void(QList<KeyRecord>, const QString&)> done)
    {
        QList<Command> exists;
        for (const KeyRecord& record : records)
            exists.append({ "EXISTS", record.key });
        m_target->executeBatch(
            exists, m_context,
            [this, done](const QList<Reply>& replies) {
                for (const Reply& reply : replies) {
                    if (reply.isError()) {
                        done({}, reply.errorMessage());
                        return;
                    }
                    count(reply.integerValue() > 0);
                }
                done({}, {});
            },
            Session::Role::Bulk);
    }

private:
    // What a dry run counts for a key that exists or not.
    void count(bool exists)
    {
        if (!exists) {
            ++m_summary->created;
            ++m_summary->keys;
        } else if (m_policy == ConflictPolicy::Skip) {
            ++m_summary->skipped;
        } else {
            ++m_summary->keys;
            ++(m_policy == ConflictPolicy::Replace ? m_summary->replaced : m_summary->renamed);
        }
    }

    void send(const QList<KeyRecord>& records, const QList<bool>& replace, bool firstPage, bool last,
        std::function<void(QList<QByteArray>, const QString&)> done)
    {
        QList<Command> commands;
        QList<qsizetype> ends; // index past each record's last command
        for (qsizetype i = 0; i < records.size(); ++i) {
            const KeyRecord& record = records.at(i);
            if (replace.value(i))
                commands.append({ "DEL", record.key });
            commands.append(rebuildCommands(record.key, record.type, record.rows, firstPage));
            if (const Command expiry = expiryCommand(record, record.key); last && !expiry.isEmpty())
                commands.append(expiry);
            ends.append(commands.size());
        }
        if (commands.isEmpty()) {
            done({}, {});
            return;
        }
        m_target->executeBatch(
            commands, m_context,
            [this, records, replace, ends, last, firstPage, done](const QList<Reply>& replies) {
                if (!replies.isEmpty() && replies.first().isClientError()) {
                    done({}, replies.first().errorMessage());
                    return;
                }
                qsizetype start = 0;
                for (qsizetype i = 0; i < records.size(); ++i) {
                    QString error;
                    for (qsizetype j = start; j < ends.at(i) && j < replies.size(); ++j) {
                        if (replies.at(j).isError() && error.isEmpty())
                            error = replies.at(j).errorMessage();
                    }
                    start = ends.at(i);
                    if (!error.isEmpty()) {
                        ++m_summary->failed;
                        m_summary->addProblem(tr("%1: %2").arg(keyText(records.at(i).key), error));
                        continue;
                    }
                    for (const QList<QByteArray>& row : records.at(i).rows) {
                        for (const QByteArray& part : row)
                            m_summary->bytes += part.size();
                    }
                    if (!firstPage || !last)
                        continue; // counted once, with the key's last page
                    ++m_summary->keys;
                    if (replace.value(i))
                        ++m_summary->replaced;
                    else if (!records.at(i).renamedFrom.isEmpty() && records.at(i).renamedFrom != records.at(i).key)
                        ++m_summary->renamed;
                    else
                        ++m_summary->created;
                }
                done({}, {});
            },
            Session::Role::Bulk);
    }

    // Gives each record a name that does not exist yet: key + suffix, then key + suffix + ":2"...
    // reserved: names this batch writes that the server does not hold yet (the batch's own new
    // keys, and the names earlier rounds gave): never given, or two keys would be merged into one.
    void freeNames(QList<KeyRecord> records, std::function<void(QList<KeyRecord>, const QString&)> done,
        QSet<QByteArray> reserved = {}, int round = 1)
    {
        if (round > 20) {
            for (const KeyRecord& record : records) {
                ++m_summary->failed;
                m_summary->addProblem(tr("%1: no free name after 20 tries").arg(keyText(record.renamedFrom)));
            }
            done({}, {});
            return;
        }
        QList<Command> exists;
        for (KeyRecord& record : records) {
            if (record.renamedFrom.isEmpty())
                record.renamedFrom = record.key;
            record.key = record.renamedFrom + m_suffix + (round > 1 ? ":" + QByteArray::number(round) : QByteArray());
            exists.append({ "EXISTS", record.key });
        }
        m_target->executeBatch(
            exists, m_context,
            [this, records, done, reserved, round](const QList<Reply>& replies) mutable {
                if (replies.size() != records.size()) {
                    done({}, tr("No reply."));
                    return;
                }
                QList<KeyRecord> free;
                QList<KeyRecord> taken;
                for (qsizetype i = 0; i < records.size(); ++i) {
                    const bool clash = replies.at(i).integerValue() > 0 || reserved.contains(records.at(i).key);
                    if (!clash)
                        reserved.insert(records.at(i).key);
                    (clash ? taken : free).append(std::move(records[i]));
                }
                if (taken.isEmpty()) {
                    done(free, {});
                    return;
                }
                freeNames(
                    taken,
                    [free, done](QList<KeyRecord> more, const QString& error) mutable { done(free + more, error); },
                    reserved, round + 1);
            },
            Session::Role::Bulk);
    }

    Session* m_target;
    QObject* m_context;
    TransferSummary* m_summary;
    ConflictPolicy m_policy;
    QByteArray m_suffix;
    bool m_dryRun;
    bool m_relativeTtl;
    QSet<QByteArray> m_replaced;
};

// ---- export ----

class ExportWorker final : public TransferWorker {
public:
    ExportWorker(Session* session, ExportOptions options)
        : m_session(session)
        , m_options(std::move(options))
        , m_writer(RecordWriter::create(m_options.format))
        , m_file(m_options.fileName)
    {
        // Read here, in the caller's thread, which is where the session keeps them up to date.
        m_info.server = session->isCluster() ? session->profile().displayName() + QStringLiteral(" (cluster)")
                                             : session->currentServer();
        m_info.redisVersion = session->serverInfo().version();
    }

    void run() override
    {
        if (m_session->state() != Connection::State::Connected) {
            fail(tr("The connection is not open: nothing was exported."));
            return;
        }
        if (!m_file.open(QIODevice::WriteOnly)) {
            fail(tr("Cannot write %1: %2").arg(m_options.fileName, m_file.errorString()));
            return;
        }
        m_source = std::make_unique<KeySource>(m_session, this, m_options.scope, m_options.pacing);
        m_progress.total = m_source->knownTotal();
        m_info.createdMs = QDateTime::currentMSecsSinceEpoch();
        step();
    }

private:
    void step()
    {
        if (cancelled()) {
            close();
            return;
        }
        m_source->nextBatch([this](const QList<QByteArray>& keys, const QString& error) {
            if (!error.isEmpty()) {
                m_file.cancelWriting();
                fail(error);
                return;
            }
            if (keys.isEmpty()) {
                close();
                return;
            }
            if (carriesPayloads(m_options.format))
                RecordSource::readPayloads(m_session, this, keys,
                    [this](QList<KeyRecord> records, qint64 vanished, const QString& error) {
                        if (!error.isEmpty())
                            return abandon(error);
                        m_summary.skipped += vanished;
                        for (const KeyRecord& record : records) {
                            if (!m_headerWritten) {
                                m_info.rdbVersion = payloadRdbVersion(record.payload);
                                write(m_writer->fileHeader(m_info));
                                m_headerWritten = true;
                            }
                            write(m_writer->begin(record));
                            ++m_summary.keys;
                        }
                        batchDone();
                    });
            else
                RecordSource::readStructured(m_session, this, keys, m_options.pacing,
                    [this](QList<KeyRecord> small, QList<RecordSource::Big> big, QList<KeyRecord> unsupported,
                        qint64 vanished, const QString& error) {
                        if (!error.isEmpty())
                            return abandon(error);
                        m_summary.skipped += vanished + unsupported.size();
                        for (const KeyRecord& record : unsupported)
                            m_summary.addProblem(tr("%1: a %2 cannot be written as %3; the dump format keeps it")
                                                     .arg(keyText(record.key), QString::fromLatin1(record.type),
                                                         FormatText::name(m_options.format)));
                        for (const KeyRecord& record : small) {
                            // In this order: the writer keeps the key's state between the calls.
                            write(m_writer->begin(record));
                            write(m_writer->rows(record, record.rows));
                            write(m_writer->end(record));
                            ++m_summary.keys;
                        }
                        m_big = std::deque<RecordSource::Big>(big.begin(), big.end());
                        nextBig();
                    });
        });
    }

    void nextBig()
    {
        if (m_big.empty() || cancelled()) {
            m_big.clear();
            batchDone();
            return;
        }
        m_current = std::move(m_big.front());
        m_big.pop_front();
        m_current.record.pagedValue = m_current.record.type == "string";
        write(m_writer->begin(m_current.record));
        m_reader = std::make_unique<ElementsReader>(
            m_session, this, m_current.record.key, m_current.record.type, m_current.size, m_options.pacing,
            [this](const ElementsReader::Rows& rows, std::function<void()> more) {
                // A cancel waits for the key in hand: the file never holds half a key.
                write(m_writer->rows(m_current.record, rows));
                report();
                more();
            },
            [this](const QString& error) {
                if (!error.isEmpty())
                    return abandon(error); // no file with a key cut short
                finishBig();
            });
        m_reader->start();
    }

    void finishBig()
    {
        write(m_writer->end(m_current.record));
        ++m_summary.keys;
        QMetaObject::invokeMethod(this, [this] { nextBig(); }, Qt::QueuedConnection);
    }

    void batchDone()
    {
        report();
        next(m_options.pacing.pauseMs, [this] { step(); });
    }

    void write(const QByteArray& bytes)
    {
        if (bytes.isEmpty() || !m_writeError.isEmpty())
            return;
        if (m_file.write(bytes) != bytes.size())
            m_writeError = m_file.errorString();
        m_summary.bytes += bytes.size();
    }

    void abandon(const QString& error)
    {
        m_source->cancel();
        m_file.cancelWriting();
        fail(error);
    }

    void close()
    {
        m_source->cancel();
        if (!m_headerWritten)
            write(m_writer->fileHeader(m_info));
        write(m_writer->fileFooter(m_summary.keys));
        if (!m_writeError.isEmpty()) {
            m_file.cancelWriting();
            fail(tr("Writing %1 failed: %2").arg(m_options.fileName, m_writeError));
            return;
        }
        if (!m_file.commit()) {
            fail(tr("Writing %1 failed: %2").arg(m_options.fileName, m_file.errorString()));
            return;
        }
        finish();
    }

    Session* m_session;
    ExportOptions m_options;
    std::unique_ptr<RecordWriter> m_writer;
    QSaveFile m_file;
    std::unique_ptr<KeySource> m_source;
    SourceInfo m_info;
    bool m_headerWritten = false;
    QString m_writeError;
    std::deque<RecordSource::Big> m_big;
    RecordSource::Big m_current;
    std::unique_ptr<ElementsReader> m_reader;
};

// ---- import ----

class ImportWorker final : public TransferWorker {
public:
    ImportWorker(Session* session, ImportOptions options)
        : m_session(session)
        , m_options(std::move(options))
        , m_file(m_options.fileName)
        , m_writer(session, this, &m_summary, m_options.policy, m_options.renameSuffix, m_options.dryRun)
    {
        m_summary.dryRun = m_options.dryRun;
    }

    void run() override
    {
        if (m_session->state() != Connection::State::Connected) {
            fail(tr("The connection is not open: nothing was imported."));
            return;
        }
        if (m_session->isReadOnly() && !m_options.dryRun) {
            fail(tr("This connection is read-only: nothing was imported. Open it without read-only to import."));
            return;
        }
        if (!m_file.open(QIODevice::ReadOnly)) {
            fail(tr("Cannot read %1: %2").arg(m_options.fileName, m_file.errorString()));
            return;
        }
        m_reader = RecordReader::create(m_options.format, &m_file);
        m_progress.total = m_file.size();
        step();
    }

private:
    void step()
    {
        if (cancelled())
            return finish();
        // A batch: up to batchKeys items, or 8 MB of them. A key seen twice (a file that holds it
        // twice, or the same key in two databases of an RDB file) ends the batch, so that the
        // second one meets the first as an existing key, as if they came one after the other.
        QList<KeyRecord> records;
        QList<ImportItem> commands;
        QSet<QByteArray> batchKeys;
        qint64 bytes = 0;
        ImportItem item;
        while (records.size() + commands.size() < m_options.pacing.batchKeys && bytes < 8 * 1024 * 1024
            && (m_carry ? (item = std::move(*m_carry), m_carry.reset(), true) : m_reader->next(&item))) {
            if (item.kind == ImportItem::Kind::Key) {
                if (batchKeys.contains(item.record.key)) {
                    m_carry = std::move(item);
                    break;
                }
                batchKeys.insert(item.record.key);
                bytes += item.record.payload.size() + item.record.key.size();
                for (const QList<QByteArray>& row : item.record.rows) {
                    for (const QByteArray& part : row)
                        bytes += part.size();
                }
                records.append(std::move(item.record));
            } else {
                for (const QByteArray& part : item.command)
                    bytes += part.size();
                commands.append(std::move(item));
            }
            item = {};
        }
        m_progress.position = m_file.pos();
        const QString error = m_carry ? QString() : m_reader->error();
        const bool end = records.isEmpty() && commands.isEmpty();
        if (end) {
            if (!error.isEmpty())
                return fail(error);
            return finish();
        }
        const auto after = [this, error](const QString& batchError) {
            if (!batchError.isEmpty())
                return fail(batchError);
            if (!error.isEmpty())
                return fail(error); // what came before the bad item is in
            report();
            next(m_options.pacing.pauseMs, [this] { step(); });
        };
        if (!commands.isEmpty())
            return runCommands(std::move(commands), after);
        if (carriesPayloads(m_options.format)) {
            m_writer.restore(std::move(records), [this, after](QList<KeyRecord> refused, const QString& error) {
                for (const KeyRecord& record : refused) {
                    ++m_summary.failed;
                    m_summary.addProblem(tr("%1: this server cannot read its DUMP payload (RDB version %2)")
                                             .arg(keyText(record.key))
                                             .arg(payloadRdbVersion(record.payload)));
                }
                after(error);
            });
            return;
        }
        m_writer.rebuild(std::move(records), true, true,
            [after](const QList<QByteArray>&, const QString& error) { after(error); });
    }

    // Commands from a command file: the policy is applied to each key the first time it is seen
    // (EXISTS), and what follows for that key goes where the first decision sent it.
    void runCommands(QList<ImportItem> items, std::function<void(const QString&)> after)
    {
        QList<QByteArray> unseen;
        QSet<QByteArray> asked;
        for (const ImportItem& item : items) {
            if (!m_decided.contains(item.commandKey) && !asked.contains(item.commandKey)) {
                asked.insert(item.commandKey);
                unseen.append(item.commandKey);
            }
        }
        QList<Command> exists;
        for (const QByteArray& key : unseen)
            exists.append({ "EXISTS", key });
        auto decide = [this, items, unseen, after](const QList<Reply>& replies) mutable {
            if (replies.size() != unseen.size()) {
                after(tr("No reply."));
                return;
            }
            QList<QByteArray> toRename;
            for (qsizetype i = 0; i < unseen.size(); ++i) {
                if (replies.at(i).isError()) {
                    after(replies.at(i).errorMessage());
                    return;
                }
                const bool exists = replies.at(i).integerValue() > 0;
                Decision decision;
                decision.target = unseen.at(i);
                if (exists && m_options.policy == ConflictPolicy::Skip)
                    decision.target.clear();
                decision.replace = exists && m_options.policy == ConflictPolicy::Replace;
                decision.existed = exists;
                if (m_options.dryRun || !exists || m_options.policy != ConflictPolicy::Rename)
                    countDecision(decision);
                else
                    toRename.append(unseen.at(i));
                m_decided.insert(unseen.at(i), decision);
            }
            if (m_options.dryRun) {
                after({});
                return;
            }
            const auto sendAll = [this, items, after] {
                QList<Command> commands;
                QList<QByteArray> keys;
                for (const ImportItem& item : items) {
                    Decision& decision = m_decided[item.commandKey];
                    if (decision.target.isEmpty())
                        continue;
                    if (decision.replace && !decision.deleted) {
                        commands.append({ "DEL", decision.target });
                        keys.append(item.commandKey);
                        decision.deleted = true;
                    }
                    Command command = item.command;
                    command[command.at(0) == "XGROUP" ? 2 : 1] = decision.target;
                    commands.append(command);
                    keys.append(item.commandKey);
                }
                if (commands.isEmpty()) {
                    after({});
                    return;
                }
                m_session->executeBatch(
                    commands, this,
                    [this, keys, commands, after](const QList<Reply>& replies) {
                        if (!replies.isEmpty() && replies.first().isClientError()) {
                            after(replies.first().errorMessage());
                            return;
                        }
                        for (qsizetype i = 0; i < replies.size(); ++i) {
                            m_summary.bytes += commands.at(i).value(2).size();
                            if (!replies.at(i).isError())
                                continue;
                            Decision& decision = m_decided[keys.at(i)];
                            if (!decision.failed) {
                                decision.failed = true;
                                ++m_summary.failed;
                                m_summary.addProblem(tr("%1: %2 failed: %3")
                                                         .arg(keyText(keys.at(i)), QString::fromLatin1(commands.at(i).at(0)),
                                                             replies.at(i).errorMessage()));
                            }
                        }
                        after({});
                    },
                    Session::Role::Bulk);
            };
            if (toRename.isEmpty())
                return sendAll();
            renameAll(toRename, 1, sendAll);
        };
        if (exists.isEmpty())
            return decide({});
        m_session->executeBatch(exists, this, decide, Session::Role::Bulk);
    }

    // A name is free when the server does not hold it and this job has not given it: the file's
    // own keys decided so far (written in this batch, not on the server yet) and earlier new names.
    bool nameGiven(const QByteArray& name) const { return m_decided.contains(name) || m_givenNames.contains(name); }

    void renameAll(QList<QByteArray> keys, int round, std::function<void()> then)
    {
        QList<Command> exists;
        QList<QByteArray> names;
        for (const QByteArray& key : keys) {
            names.append(key + m_options.renameSuffix + (round > 1 ? ":" + QByteArray::number(round) : QByteArray()));
            exists.append({ "EXISTS", names.constLast() });
        }
        m_session->executeBatch(
            exists, this,
            [this, keys, names, round, then](const QList<Reply>& replies) {
                QList<QByteArray> taken;
                for (qsizetype i = 0; i < keys.size(); ++i) {
                    const bool clash = replies.value(i).integerValue() > 0 || nameGiven(names.at(i));
                    if (clash && round < 20) {
                        taken.append(keys.at(i));
                        continue;
                    }
                    Decision& decision = m_decided[keys.at(i)];
                    decision.target = clash ? QByteArray() : names.at(i);
                    if (!clash)
                        m_givenNames.insert(names.at(i));
                    decision.renamed = !decision.target.isEmpty();
                    countDecision(decision);
                }
                if (taken.isEmpty())
                    return then();
                renameAll(taken, round + 1, then);
            },
            Session::Role::Bulk);
    }

    struct Decision {
        QByteArray target; // empty = skipped
        bool existed = false;
        bool replace = false;
        bool deleted = false;
        bool renamed = false;
        bool failed = false;
    };
    void countDecision(const Decision& decision)
    {
        if (decision.target.isEmpty()) {
            ++m_summary.skipped;
            return;
        }
        ++m_summary.keys;
        if (decision.renamed)
            ++m_summary.renamed;
        else if (decision.replace)
            ++m_summary.replaced;
        else if (m_options.dryRun && decision.existed && m_options.policy == ConflictPolicy::Rename)
            ++m_summary.renamed;
        else
            ++m_summary.created;
    }

    Session* m_session;
    ImportOptions m_options;
    QFile m_file;
    std::unique_ptr<RecordReader> m_reader;
    TargetWriter m_writer;
    QHash<QByteArray, Decision> m_decided;
    QSet<QByteArray> m_givenNames; // new names given by the Rename policy
    std::optional<ImportItem> m_carry; // a key that ended the last batch, first in the next
};

// ---- copy ----

class CopyWorker final : public TransferWorker {
public:
    CopyWorker(Session* source, Session* target, CopyOptions options)
        : m_source(source)
        , m_target(target)
        , m_options(std::move(options))
        , m_writer(target, this, &m_summary, m_options.policy, m_options.renameSuffix, m_options.dryRun, true)
    {
        m_summary.dryRun = m_options.dryRun;
    }

    void run() override
    {
        if (m_source->state() != Connection::State::Connected || m_target->state() != Connection::State::Connected) {
            fail(tr("Both connections must be open: nothing was copied."));
            return;
        }
        if (m_target->isReadOnly() && !m_options.dryRun) {
            fail(tr("The target connection is read-only: nothing was copied."));
            return;
        }
        m_keys = std::make_unique<KeySource>(m_source, this, m_options.scope, m_options.pacing);
        m_progress.total = m_keys->knownTotal();
        step();
    }

private:
    void step()
    {
        if (cancelled()) {
            m_keys->cancel();
            return finish();
        }
        m_keys->nextBatch([this](const QList<QByteArray>& keys, const QString& error) {
            if (!error.isEmpty())
                return fail(error);
            if (keys.isEmpty())
                return finish();
            RecordSource::readPayloads(m_source, this, keys,
                [this](QList<KeyRecord> records, qint64 vanished, const QString& error) {
                    if (!error.isEmpty())
                        return fail(error);
                    m_summary.skipped += vanished;
                    if (m_options.payloadFilter) {
                        for (KeyRecord& record : records)
                            record.payload = m_options.payloadFilter(record.payload);
                    }
                    m_writer.restore(std::move(records), [this](QList<KeyRecord> refused, const QString& error) {
                        if (!error.isEmpty())
                            return fail(error);
                        m_rebuild = std::deque<KeyRecord>(refused.begin(), refused.end());
                        nextRebuild();
                    });
                });
        });
    }

    // A key whose payload the target refused (another RDB version) is read element by element
    // from the source and written with its type's commands, paged, keeping its expiry.
    void nextRebuild()
    {
        if (m_rebuild.empty() || cancelled()) {
            m_rebuild.clear();
            report();
            next(m_options.pacing.pauseMs, [this] { step(); });
            return;
        }
        m_current = std::move(m_rebuild.front());
        m_rebuild.pop_front();
        m_current.payload.clear();
        // The target may have refused it after the Rename policy gave it a new name: the source
        // key is the original one, and the policy decides afresh where the rebuilt key goes.
        if (!m_current.renamedFrom.isEmpty()) {
            m_current.key = m_current.renamedFrom;
            m_current.renamedFrom.clear();
        }
        m_failedBefore = m_summary.failed;
        const QByteArray size = RedisTypes::sizeCommand(m_current.type);
        if (size.isEmpty() || !isStructuredType(m_current.type)) {
            ++m_summary.failed;
            m_summary.addProblem(tr("%1: the target cannot read this %2's payload, and it cannot be rebuilt")
                                     .arg(keyText(m_current.key), QString::fromLatin1(m_current.type)));
            return nextRebuild();
        }
        m_source->execute(
            { size, m_current.key }, this,
            [this](const Reply& reply) {
                m_firstPage = true;
                m_target_name.clear();
                m_reader = std::make_unique<ElementsReader>(
                    m_source, this, m_current.key, m_current.type, reply.integerValue(), m_options.pacing,
                    [this](const ElementsReader::Rows& rows, std::function<void()> more) {
                        KeyRecord page = m_current;
                        page.rows = rows;
                        if (!m_firstPage)
                            page.key = m_target_name;
                        if (!m_firstPage && m_target_name.isEmpty())
                            return more(); // skipped by the policy
                        const bool first = m_firstPage;
                        m_firstPage = false;
                        m_writer.rebuild({ page }, first, false,
                            [this, first, more](const QList<QByteArray>& targets, const QString& error) {
                                if (!error.isEmpty())
                                    return fail(error);
                                if (first)
                                    m_target_name = targets.value(0);
                                more();
                            });
                    },
                    [this](const QString& error) {
                        if (error.isEmpty() && m_firstPage)
                            return rebuildWithoutElements();
                        finishRebuild(error);
                    });
                m_reader->start();
            },
            Session::Role::Bulk);
    }

    // No element came: the key went since it was read, or it is a stream without entries, which
    // is a key all the same (written as one).
    void rebuildWithoutElements()
    {
        m_source->execute(
            { "TYPE", m_current.key }, this,
            [this](const Reply& type) {
                if (type.isStatus() && type.bytes() == "stream") {
                    m_firstPage = false;
                    KeyRecord empty = m_current;
                    empty.rows.clear();
                    m_writer.rebuild(
                        { empty }, true, false, [this](const QList<QByteArray>& targets, const QString& error) {
                            if (!error.isEmpty())
                                return fail(error);
                            m_target_name = targets.value(0);
                            finishRebuild({});
                        });
                    return;
                }
                ++m_summary.skipped;
                m_summary.addProblem(tr("%1: gone before it was copied").arg(keyText(m_current.key)));
                QMetaObject::invokeMethod(
                    this, [this] { nextRebuild(); }, Qt::QueuedConnection);
            },
            Session::Role::Bulk);
    }

    // The key's elements are all written (or an error came): its expiry, then the count.
    void finishRebuild(const QString& error)
    {
        const bool replaced = m_writer.takeReplaced(m_target_name);
        if (!error.isEmpty()) {
            ++m_summary.failed;
            m_summary.addProblem(error);
        }
        if (!error.isEmpty() || m_target_name.isEmpty() || m_summary.failed > m_failedBefore) {
            QMetaObject::invokeMethod(
                this, [this] { nextRebuild(); }, Qt::QueuedConnection);
            return;
        }
        const auto counted = [this, replaced] {
            ++m_summary.rebuilt;
            ++m_summary.keys;
            if (m_target_name != m_current.key)
                ++m_summary.renamed;
            else if (replaced)
                ++m_summary.replaced;
            else
                ++m_summary.created;
            QMetaObject::invokeMethod(
                this, [this] { nextRebuild(); }, Qt::QueuedConnection);
        };
        const Command expiry = m_writer.expiryCommand(m_current, m_target_name);
        if (expiry.isEmpty())
            return counted();
        m_target->execute(
            expiry, this,
            [this, counted](const Reply& reply) {
                if (reply.isError()) {
                    ++m_summary.failed;
                    m_summary.addProblem(
                        tr("%1: its expiry was not set: %2").arg(keyText(m_target_name), reply.errorMessage()));
                    QMetaObject::invokeMethod(
                        this, [this] { nextRebuild(); }, Qt::QueuedConnection);
                    return;
                }
                counted();
            },
            Session::Role::Bulk);
    }

    Session* m_source;
    Session* m_target;
    CopyOptions m_options;
    TargetWriter m_writer;
    std::unique_ptr<KeySource> m_keys;
    std::deque<KeyRecord> m_rebuild;
    KeyRecord m_current;
    bool m_firstPage = true;
    QByteArray m_target_name;
    qint64 m_failedBefore = 0; // failures counted before the key being rebuilt
    std::unique_ptr<ElementsReader> m_reader;
};

} // namespace

// ---- the job ----

// Whom the worker reports to, cleared by the job before it goes: posts happen under the lock, so
// none ever targets a job being deleted.
struct TransferMailbox {
    std::mutex mutex;
    TransferJob* job = nullptr;
};

TransferJob::TransferJob(TransferWorker* worker, QObject* parent)
    : QObject(parent)
    , m_worker(worker)
    , m_thread(new QThread)
{
    qRegisterMetaType<TransferProgress>();
    qRegisterMetaType<TransferSummary>();
    auto mailbox = std::make_shared<TransferMailbox>();
    mailbox->job = this;
    m_mailbox = mailbox;
    m_worker->onProgress = [mailbox](const TransferProgress& progress) {
        const std::lock_guard lock(mailbox->mutex);
        if (TransferJob* job = mailbox->job)
            postToObject(job, [job, progress] {
                job->m_progress = progress;
                emit job->progress(progress);
            });
    };
    m_worker->onFinished = [mailbox](const TransferSummary& summary) {
        const std::lock_guard lock(mailbox->mutex);
        if (TransferJob* job = mailbox->job)
            postToObject(job, [job, summary] {
                job->m_running = false;
                job->m_summary = summary;
                emit job->finished(summary);
            });
    };
    m_worker->moveToThread(m_thread);
    TransferWorker* doomed = m_worker;
    QThread* thread = m_thread;
    connect(
        m_thread, &QThread::finished, m_thread,
        [doomed, thread] {
            tsan::acquire(thread);
            delete doomed;
            tsan::release(thread);
        },
        Qt::DirectConnection);
    m_thread->start();
}

TransferJob::~TransferJob()
{
    {
        const std::lock_guard lock(m_mailbox->mutex);
        m_mailbox->job = nullptr;
    }
    m_worker->requestCancel();
    tsan::release(m_thread);
    m_thread->quit();
    m_thread->wait();
    tsan::acquire(m_thread);
    delete m_thread;
}

TransferJob* TransferJob::exportKeys(Session* source, const ExportOptions& options, QObject* parent)
{
    return new TransferJob(new ExportWorker(source, options), parent);
}

TransferJob* TransferJob::importFile(Session* target, const ImportOptions& options, QObject* parent)
{
    return new TransferJob(new ImportWorker(target, options), parent);
}

TransferJob* TransferJob::copyKeys(Session* source, Session* target, const CopyOptions& options, QObject* parent)
{
    return new TransferJob(new CopyWorker(source, target, options), parent);
}

void TransferJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    TransferWorker* worker = m_worker;
    postToObject(worker, [worker] { worker->run(); });
}

void TransferJob::cancel()
{
    m_worker->requestCancel();
}

} // namespace vermilion::transfer
