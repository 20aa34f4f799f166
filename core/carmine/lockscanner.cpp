#include "lockscanner.h"

#include "client/session.h"

namespace vermilion {

namespace {
constexpr int scanCount = 1000;
}

LockScanner::LockScanner(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_patterns(defaultPatterns())
{
    qRegisterMetaType<LockEntry>();
    qRegisterMetaType<QList<LockEntry>>();
}

void LockScanner::setPatterns(const QList<QByteArray>& patterns)
{
    m_patterns.clear();
    for (const QByteArray& pattern : patterns) {
        if (!pattern.isEmpty() && !m_patterns.contains(pattern))
            m_patterns.append(pattern);
    }
}

QByteArray LockScanner::literalPrefix(const QByteArray& pattern)
{
    qsizetype i = 0;
    while (i < pattern.size() && pattern.at(i) != '*' && pattern.at(i) != '?' && pattern.at(i) != '['
        && pattern.at(i) != '\\')
        ++i;
    return pattern.left(i);
}

QByteArray LockScanner::lockName(const QByteArray& key, const QList<QByteArray>& patterns)
{
    // The longest matching prefix wins, so "zato:lock:server:*" names "x" rather than "server:x".
    QByteArray best;
    for (const QByteArray& pattern : patterns) {
        const QByteArray prefix = literalPrefix(pattern);
        if (key.startsWith(prefix) && prefix.size() > best.size())
            best = prefix;
    }
    const QByteArray name = key.mid(best.size());
    return name.isEmpty() ? key : name;
}

void LockScanner::scan()
{
    ++m_generation;
    m_found.clear();
    m_seen.clear();
    m_failed = false;
    m_pendingReplies = 0;
    m_activeScans = 0;
    m_clock.start();
    if (m_patterns.isEmpty()) {
        emit finished({}, 0);
        return;
    }
    for (const QByteArray& pattern : std::as_const(m_patterns)) {
        ++m_activeScans;
        scanPage(m_generation, pattern, "0");
    }
}

void LockScanner::scanPage(quint64 generation, const QByteArray& pattern, const QByteArray& cursor)
{
    m_session->execute(
        { "SCAN", cursor, "MATCH", pattern, "COUNT", QByteArray::number(scanCount) }, this,
        [this, generation, pattern](const Reply& reply) {
            if (generation != m_generation || m_failed)
                return;
            if (reply.isError() || !reply.isArray() || reply.size() != 2) {
                m_failed = true;
                emit failed(reply.isError()
                        ? tr("Scanning %1 failed: %2").arg(QString::fromUtf8(pattern), reply.errorMessage())
                        : tr("Unexpected reply to SCAN."));
                return;
            }
            const QByteArray next = reply.at(0).bytes();
            // The next SCAN goes out before the reads of this page, so the chain never waits on them.
            if (next != "0")
                scanPage(generation, pattern, next);
            QList<QByteArray> keys;
            for (const Reply& element : reply.at(1).elements()) {
                if (!m_seen.contains(element.bytes())) {
                    m_seen.insert(element.bytes());
                    keys.append(element.bytes());
                }
            }
            if (!keys.isEmpty())
                readPage(generation, keys);
            if (next == "0")
                --m_activeScans;
            finishIfDone();
        },
        Session::Role::Bulk);
}

void LockScanner::readPage(quint64 generation, const QList<QByteArray>& keys)
{
    QList<Command> commands;
    commands.reserve(keys.size() * 2);
    for (const QByteArray& key : keys) {
        commands.append({ "GET", key });
        commands.append({ "PTTL", key });
    }
    ++m_pendingReplies;
    m_session->executeBatch(commands, this, [this, generation, keys](const QList<Reply>& replies) {
        if (generation != m_generation || m_failed)
            return;
        --m_pendingReplies;
        if (!replies.isEmpty() && replies.first().isClientError()) {
            m_failed = true;
            emit failed(tr("Reading locks failed: %1").arg(replies.first().errorMessage()));
            return;
        }
        m_found += parseEntries(keys, replies, m_patterns);
        finishIfDone();
    });
}

QList<LockEntry> LockScanner::parseEntries(
    const QList<QByteArray>& keys, const QList<Reply>& replies, const QList<QByteArray>& patterns)
{
    QList<LockEntry> entries;
    entries.reserve(keys.size());
    for (qsizetype i = 0; i < keys.size() && 2 * i + 1 < replies.size(); ++i) {
        const Reply& owner = replies.at(2 * i);
        const Reply& pttl = replies.at(2 * i + 1);
        if (owner.isNil() || (pttl.isInteger() && pttl.integerValue() == -2))
            continue; // released between SCAN and GET
        LockEntry entry;
        entry.key = keys.at(i);
        entry.name = lockName(entry.key, patterns);
        entry.isString = !owner.isError();
        entry.owner = owner.isError() ? QByteArray() : owner.bytes();
        entry.pttlMs = pttl.isInteger() ? pttl.integerValue() : -2;
        entries.append(entry);
    }
    return entries;
}

void LockScanner::readKeys(const QList<QByteArray>& keys)
{
    if (keys.isEmpty())
        return;
    QList<Command> commands;
    for (const QByteArray& key : keys) {
        commands.append({ "GET", key });
        commands.append({ "PTTL", key });
    }
    const QList<QByteArray> patterns = m_patterns;
    m_session->executeBatch(commands, this, [this, keys, patterns](const QList<Reply>& replies) {
        if (!replies.isEmpty() && replies.first().isClientError())
            return; // the periodic refresh reports link failures
        QList<LockEntry> entries;
        for (qsizetype i = 0; i < keys.size() && 2 * i + 1 < replies.size(); ++i) {
            LockEntry entry;
            entry.key = keys.at(i);
            entry.name = lockName(entry.key, patterns);
            const Reply& owner = replies.at(2 * i);
            entry.isString = !owner.isError();
            entry.owner = owner.isString() ? owner.bytes() : QByteArray();
            entry.pttlMs = owner.isNil() ? -2 : replies.at(2 * i + 1).integerValue();
            entries.append(entry);
        }
        emit keysRead(entries);
    });
}

void LockScanner::finishIfDone()
{
    if (m_activeScans > 0 || m_pendingReplies > 0 || m_failed)
        return;
    const qint64 elapsed = m_clock.elapsed();
    ++m_generation; // nothing more belongs to this refresh
    const QList<LockEntry> found = std::exchange(m_found, {});
    m_seen.clear();
    emit finished(found, elapsed);
}

} // namespace vermilion
