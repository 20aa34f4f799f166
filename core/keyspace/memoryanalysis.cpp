#include "memoryanalysis.h"

#include "client/session.h"
#include "util/redistext.h"

#include <QCoreApplication>
#include <QThread>
#include <algorithm>

namespace vermilion {

namespace {
constexpr int scanCount = 1000;
// Measuring batches allowed in flight before SCAN waits for them.
constexpr int maxBatchesInFlight = 4;

// Biggest first; equal sizes by name so that reports are reproducible.
bool ranksBefore(const MemoryReport::KeySize& a, const MemoryReport::KeySize& b)
{
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.key < b.key;
}
} // namespace

QString MemoryReport::NamespaceTotal::displayName() const
{
    if (noNamespace)
        return QCoreApplication::translate("MemoryAnalysis", "(no namespace)");
    return RedisText::escape(prefix);
}

MemoryAnalysis::MemoryAnalysis(
    Session* session, QByteArray matchPattern, QByteArray separator, int groupDepth, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_pattern(std::move(matchPattern))
    , m_separator(std::move(separator))
    , m_groupDepth(qMax(1, groupDepth))
{
    Q_ASSERT(session);
    Q_ASSERT(groupDepth >= 1);
    qRegisterMetaType<vermilion::MemoryReport>();
}

MemoryAnalysis::~MemoryAnalysis() = default;

void MemoryAnalysis::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    scanNextBatch();
}

void MemoryAnalysis::cancel()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Running)
        return;
    m_cancelRequested = true;
    finishIfIdle();
}

void MemoryAnalysis::scanNextBatch()
{
    if (!m_session) {
        fail(tr("The connection was closed before the job could finish."));
        return;
    }
    if (!m_scan) {
        KeyspaceScan::Options options;
        options.match = m_pattern;
        options.count = scanCount;
        m_scan = std::make_unique<KeyspaceScan>(
            m_session, this, options, [this](const Reply& keys, const QString&) { onScanPage(keys); },
            [this](const QString& message) { fail(message); });
    }
    m_scan->requestMore();
}

void MemoryAnalysis::onScanPage(const Reply& page)
{
    if (m_state != State::Running)
        return;
    const QList<Reply>& keys = page.elements();
    if (!m_cancelRequested) {
        m_scanned += keys.size();
        emit progress(m_scanned);
    }
    // Cancelled before or by a slot of progress(): this step's keys are left unmeasured.
    if (m_cancelRequested) {
        finishIfIdle();
        return;
    }
    if (!m_scan->isComplete() && m_batchesInFlight < maxBatchesInFlight)
        scanNextBatch();
    if (!keys.isEmpty())
        measureBatch(keys);
    finishIfIdle();
}

void MemoryAnalysis::measureBatch(const QList<Reply>& keys)
{
    if (!m_session) {
        fail(tr("The connection was closed before the analysis could finish."));
        return;
    }
    QList<Command> commands;
    commands.reserve(keys.size());
    for (const Reply& key : keys)
        commands.append({ QByteArrayLiteral("MEMORY"), QByteArrayLiteral("USAGE"), key.bytes() });
    ++m_batchesInFlight;
    m_session->executeBatch(
        commands, this, [this, keys](const QList<Reply>& replies) { onMemoryReplies(keys, replies); },
        Session::Role::Bulk);
}

void MemoryAnalysis::onMemoryReplies(const QList<Reply>& keys, const QList<Reply>& replies)
{
    --m_batchesInFlight;
    if (m_state != State::Running)
        return;
    Q_ASSERT(keys.size() == replies.size());
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const Reply& reply = replies.at(i);
        if (reply.isInteger()) {
            account(keys.at(i).bytes(), reply.integerValue());
        } else if (reply.isError()) {
            fail(reply.errorMessage());
            return;
        }
        // Nil: the key expired or was deleted since SCAN named it; it no longer uses memory.
    }
    if (!m_cancelRequested && !m_scan->isComplete() && !m_scan->isInFlight())
        scanNextBatch();
    finishIfIdle();
}

void MemoryAnalysis::account(const QByteArray& key, qint64 bytes)
{
    ++m_totalKeys;
    m_totalBytes += bytes;

    // The namespace ends at the groupDepth-th separator, or at the last one when there are fewer.
    qsizetype end = -1;
    if (!m_separator.isEmpty()) {
        qsizetype from = 0;
        for (int depth = 0; depth < m_groupDepth; ++depth) {
            const qsizetype found = key.indexOf(m_separator, from);
            if (found < 0)
                break;
            end = found;
            from = found + m_separator.size();
        }
    }
    Totals& totals = end < 0 ? m_noNamespace : m_namespaces[key.left(end)];
    ++totals.keys;
    totals.bytes += bytes;

    if (m_biggestLimit == 0)
        return;
    MemoryReport::KeySize entry { key, bytes };
    if (m_biggest.size() < size_t(m_biggestLimit)) {
        m_biggest.push_back(std::move(entry));
        std::push_heap(m_biggest.begin(), m_biggest.end(), ranksBefore);
    } else if (ranksBefore(entry, m_biggest.front())) {
        std::pop_heap(m_biggest.begin(), m_biggest.end(), ranksBefore);
        m_biggest.back() = std::move(entry);
        std::push_heap(m_biggest.begin(), m_biggest.end(), ranksBefore);
    }
}

void MemoryAnalysis::fail(const QString& message)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    emit failed(message);
}

void MemoryAnalysis::finishIfIdle()
{
    if (m_state != State::Running || (m_scan && m_scan->isInFlight()) || m_batchesInFlight > 0)
        return;
    if (!(m_scan && m_scan->isComplete()) && !m_cancelRequested)
        return;
    m_state = State::Finished;
    emit finished(buildReport());
}

MemoryReport MemoryAnalysis::buildReport() const
{
    MemoryReport report;
    report.totalKeys = m_totalKeys;
    report.totalBytes = m_totalBytes;
    report.cancelled = m_cancelRequested && !(m_scan && m_scan->isComplete());

    report.namespaces.reserve(m_namespaces.size() + 1);
    for (auto it = m_namespaces.cbegin(); it != m_namespaces.cend(); ++it)
        report.namespaces.append({ it.key(), false, it->keys, it->bytes });
    if (m_noNamespace.keys > 0)
        report.namespaces.append({ QByteArray(), true, m_noNamespace.keys, m_noNamespace.bytes });
    std::sort(report.namespaces.begin(), report.namespaces.end(),
        [](const MemoryReport::NamespaceTotal& a, const MemoryReport::NamespaceTotal& b) {
            if (a.bytes != b.bytes)
                return a.bytes > b.bytes;
            if (a.noNamespace != b.noNamespace)
                return b.noNamespace;
            return a.prefix < b.prefix;
        });

    std::vector<MemoryReport::KeySize> biggest = m_biggest;
    std::sort_heap(biggest.begin(), biggest.end(), ranksBefore);
    report.biggestKeys = QList<MemoryReport::KeySize>(biggest.begin(), biggest.end());
    return report;
}

} // namespace vermilion
