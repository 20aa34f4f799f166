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
    m_jobs.next();
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
    m_scans.clear(); // replies of an older refresh are dropped with their scans
    for (const QByteArray& pattern : std::as_const(m_patterns)) {
        ++m_activeScans;
        KeyspaceScan::Options options;
        options.match = pattern;
        options.count = scanCount;
        const JobTracker::Ticket generation = m_jobs.current();
        const size_t index = m_scans.size();
        m_scans.push_back(std::make_unique<KeyspaceScan>(
            m_session, this, options,
            [this, generation, index](const Reply& page, const QString&) { onPage(generation, index, page); },
            [this, generation, pattern](const QString& message) {
                if (m_jobs.isStale(generation) || m_failed)
                    return;
                m_failed = true;
                emit failed(tr("Scanning %1 failed: %2").arg(QString::fromUtf8(pattern), message));
            }));
        m_scans.back()->requestMore();
    }
}

void LockScanner::onPage(quint64 generation, size_t index, const Reply& page)
{
    if (m_jobs.isStale(generation) || m_failed)
        return;
    KeyspaceScan* scan = m_scans.at(index).get();
    // The next SCAN goes out before the reads of this page, so the chain never waits on them.
    if (!scan->isComplete())
        scan->requestMore();
    QList<QByteArray> keys;
    for (const Reply& element : page.elements()) {
        if (!m_seen.contains(element.bytes())) {
            m_seen.insert(element.bytes());
            keys.append(element.bytes());
        }
    }
    if (!keys.isEmpty())
        readPage(generation, keys);
    if (scan->isComplete())
        --m_activeScans;
    finishIfDone();
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
        if (m_jobs.isStale(generation) || m_failed)
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
    m_jobs.next(); // nothing more belongs to this refresh
    const QList<LockEntry> found = std::exchange(m_found, {});
    m_seen.clear();
    emit finished(found, elapsed);
}

} // namespace vermilion
