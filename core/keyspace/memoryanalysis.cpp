#include "memoryanalysis.h"

#include "client/session.h"
#include "util/redistext.h"
#include "util/redistypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>
#include <QTimer>
#include <algorithm>

namespace vermilion {

namespace {
// Measuring batches allowed in flight before SCAN waits for them.
constexpr int maxBatchesInFlight = 4;

// Biggest first; equal sizes by name so that reports are reproducible.
bool ranksBefore(const MemoryReport::KeySize& a, const MemoryReport::KeySize& b)
{
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.key < b.key;
}
bool moreBytes(const MemoryReport::KeyDetail& a, const MemoryReport::KeyDetail& b)
{
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.key < b.key;
}
bool moreElements(const MemoryReport::KeyDetail& a, const MemoryReport::KeyDetail& b)
{
    return a.elements != b.elements ? a.elements > b.elements : a.key < b.key;
}
bool hotter(const MemoryReport::KeyDetail& a, const MemoryReport::KeyDetail& b)
{
    return a.frequency != b.frequency ? a.frequency > b.frequency : a.key < b.key;
}
// Keeps the `limit` best of a stream in a heap whose top is the worst kept.
template<typename Better> void keepBest(std::vector<MemoryReport::KeyDetail>& heap, const MemoryReport::KeyDetail& entry,
                                        size_t limit, Better better)
{
    if (limit == 0)
        return;
    if (heap.size() < limit) {
        heap.push_back(entry);
        std::push_heap(heap.begin(), heap.end(), better);
    } else if (better(entry, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), better);
        heap.back() = entry;
        std::push_heap(heap.begin(), heap.end(), better);
    }
}
template<typename Better> QList<MemoryReport::KeyDetail> sortedBest(std::vector<MemoryReport::KeyDetail> heap, Better better)
{
    std::sort_heap(heap.begin(), heap.end(), better);
    return QList<MemoryReport::KeyDetail>(heap.begin(), heap.end());
}
struct TtlEdge {
    qint64 upToMs;
    const char* label;
};
// The TTL distribution's ranges after "no expiry".
constexpr TtlEdge ttlEdges[] = {
    { 60'000, QT_TRANSLATE_NOOP("MemoryAnalysis", "under a minute") },
    { 3'600'000, QT_TRANSLATE_NOOP("MemoryAnalysis", "under an hour") },
    { 86'400'000, QT_TRANSLATE_NOOP("MemoryAnalysis", "under a day") },
    { 7 * 86'400'000LL, QT_TRANSLATE_NOOP("MemoryAnalysis", "under a week") },
    { 30 * 86'400'000LL, QT_TRANSLATE_NOOP("MemoryAnalysis", "under 30 days") },
    { -1, QT_TRANSLATE_NOOP("MemoryAnalysis", "30 days or more") },
};
constexpr size_t ttlRangeCount = 1 + sizeof(ttlEdges) / sizeof(ttlEdges[0]);
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
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_options.details) {
        scanNextBatch();
        return;
    }
    m_ttl.assign(ttlRangeCount, 0);
    // OBJECT FREQ answers only under an LFU policy: asked first, so that the scan knows.
    m_session->execute({ "CONFIG", "GET", "maxmemory-policy" }, this, [this](const Reply& reply) {
        if (m_state != State::Running)
            return;
        if (reply.isArray() && reply.size() == 2)
            m_policy = QString::fromUtf8(reply.at(1).bytes());
        m_lfu = m_policy.contains(QLatin1String("lfu"));
        if (m_cancelRequested) {
            finishIfIdle();
            return;
        }
        scanNextBatch();
    }, Session::Role::Bulk);
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
        options.count = qMax(1, m_options.count);
        m_scan = std::make_unique<KeyspaceScan>(
            m_session, this, options, [this](const Reply& keys, const QString& node) { onScanPage(keys, node); },
            [this](const QString& message) { fail(message); });
    }
    m_scan->requestMore();
}

void MemoryAnalysis::onScanPage(const Reply& page, const QString& node)
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
    if (!m_scan->isComplete() && m_batchesInFlight < maxBatchesInFlight) {
        if (m_options.pauseMs > 0) {
            // Pacing: the next SCAN step waits, so the server gets room between pages.
            m_pausing = true;
            QTimer::singleShot(m_options.pauseMs, this, [this] {
                m_pausing = false;
                if (m_state == State::Running && !m_cancelRequested && !m_scan->isInFlight() && !m_scan->isComplete())
                    scanNextBatch();
                finishIfIdle();
            });
        } else {
            scanNextBatch();
        }
    }
    if (!keys.isEmpty()) {
        if (m_options.details)
            measureDetails(keys, node);
        else
            measureBatch(keys);
    }
    finishIfIdle();
}

void MemoryAnalysis::measureDetails(const QList<Reply>& keys, const QString& node)
{
    if (!m_session) {
        fail(tr("The connection was closed before the analysis could finish."));
        return;
    }
    const QByteArray samples = QByteArray::number(qMax(0, m_options.samples));
    QList<Command> commands;
    commands.reserve(keys.size() * (m_lfu ? 4 : 3));
    for (const Reply& key : keys) {
        commands.append({ QByteArrayLiteral("TYPE"), key.bytes() });
        commands.append({ QByteArrayLiteral("MEMORY"), QByteArrayLiteral("USAGE"), key.bytes(), QByteArrayLiteral("SAMPLES"), samples });
        commands.append({ QByteArrayLiteral("PTTL"), key.bytes() });
        if (m_lfu)
            commands.append({ QByteArrayLiteral("OBJECT"), QByteArrayLiteral("FREQ"), key.bytes() });
    }
    ++m_batchesInFlight;
    m_session->executeBatch(
        commands, this, [this, keys, node](const QList<Reply>& replies) { onDetailReplies(keys, node, replies); },
        Session::Role::Bulk);
}

void MemoryAnalysis::onDetailReplies(const QList<Reply>& keys, const QString& node, const QList<Reply>& replies)
{
    if (m_state != State::Running) {
        --m_batchesInFlight;
        return;
    }
    const int stride = m_lfu ? 4 : 3;
    Q_ASSERT(replies.size() == keys.size() * stride);
    auto details = std::make_shared<std::vector<MemoryReport::KeyDetail>>();
    details->reserve(size_t(keys.size()));
    QList<Command> sizes;
    QList<int> asked; // the detail each size command is for
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const Reply& type = replies.at(i * stride);
        const Reply& memory = replies.at(i * stride + 1);
        const Reply& ttl = replies.at(i * stride + 2);
        if (type.isError() || memory.isError()) {
            --m_batchesInFlight;
            fail((type.isError() ? type : memory).errorMessage());
            return;
        }
        // Gone since SCAN named it: TYPE says "none", MEMORY USAGE nil.
        if (type.bytes() == "none" || !memory.isInteger())
            continue;
        MemoryReport::KeyDetail detail;
        detail.key = keys.at(i).bytes();
        detail.type = type.bytes();
        detail.bytes = memory.integerValue();
        detail.ttlMs = ttl.isInteger() && ttl.integerValue() >= 0 ? ttl.integerValue() : -1;
        if (m_lfu && replies.at(i * stride + 3).isInteger())
            detail.frequency = replies.at(i * stride + 3).integerValue();
        detail.node = node;
        const QByteArray command = RedisTypes::sizeCommand(detail.type);
        if (!command.isEmpty()) {
            sizes.append({ command, detail.key });
            asked.append(int(details->size()));
        }
        details->push_back(std::move(detail));
    }
    if (sizes.isEmpty()) {
        onElementReplies(details, asked, {});
        return;
    }
    m_session->executeBatch(
        sizes, this, [this, details, asked](const QList<Reply>& sizeReplies) { onElementReplies(details, asked, sizeReplies); },
        Session::Role::Bulk);
}

void MemoryAnalysis::onElementReplies(std::shared_ptr<std::vector<MemoryReport::KeyDetail>> details,
                                      const QList<int>& asked, const QList<Reply>& replies)
{
    if (m_state != State::Running) {
        --m_batchesInFlight;
        return;
    }
    for (qsizetype i = 0; i < replies.size() && i < asked.size(); ++i) {
        if (replies.at(i).isInteger())
            (*details)[size_t(asked.at(i))].elements = replies.at(i).integerValue();
    }
    for (const MemoryReport::KeyDetail& detail : *details) {
        account(detail.key, detail.bytes);
        accountDetail(detail);
    }
    batchDone();
}

void MemoryAnalysis::accountDetail(const MemoryReport::KeyDetail& detail)
{
    TypeHeaps& type = m_types[detail.type];
    type.total.type = detail.type;
    ++type.total.keys;
    type.total.bytes += detail.bytes;
    type.total.elements += qMax<qint64>(0, detail.elements);
    const size_t limit = size_t(qMax(0, m_options.topPerType));
    keepBest(type.byBytes, detail, limit, moreBytes);
    if (detail.elements >= 0)
        keepBest(type.byElements, detail, limit, moreElements);
    size_t range = 0;
    if (detail.ttlMs >= 0) {
        range = ttlRangeCount - 1;
        for (size_t i = 0; i + 1 < ttlRangeCount; ++i) {
            if (ttlEdges[i].upToMs >= 0 && detail.ttlMs < ttlEdges[i].upToMs) {
                range = i + 1;
                break;
            }
        }
    }
    ++m_ttl[range];
    if (m_lfu && detail.frequency >= 0)
        keepBest(m_hottest, detail, size_t(qMax(10, m_options.topPerType)), hotter);
}

void MemoryAnalysis::batchDone()
{
    --m_batchesInFlight;
    if (!m_cancelRequested && !m_pausing && !m_scan->isComplete() && !m_scan->isInFlight())
        scanNextBatch();
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
    if (!m_cancelRequested && !m_pausing && !m_scan->isComplete() && !m_scan->isInFlight())
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
    if (m_state != State::Running || (m_scan && m_scan->isInFlight()) || m_batchesInFlight > 0 || m_pausing)
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
    report.seconds = double(QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000.0;
    if (!m_options.details)
        return report;
    report.detailed = true;
    report.evictionPolicy = m_policy;
    for (auto it = m_types.cbegin(); it != m_types.cend(); ++it) {
        MemoryReport::TypeTotal total = it->total;
        total.biggestByBytes = sortedBest(it->byBytes, moreBytes);
        total.biggestByElements = sortedBest(it->byElements, moreElements);
        report.types.append(total);
    }
    std::sort(report.types.begin(), report.types.end(), [](const auto& a, const auto& b) {
        return a.bytes != b.bytes ? a.bytes > b.bytes : a.type < b.type;
    });
    report.ttl.append({ -1, m_ttl.empty() ? 0 : m_ttl[0], QCoreApplication::translate("MemoryAnalysis", "no expiry") });
    for (size_t i = 0; i + 1 < ttlRangeCount; ++i)
        report.ttl.append({ ttlEdges[i].upToMs, m_ttl.size() > i + 1 ? m_ttl[i + 1] : 0,
                            QCoreApplication::translate("MemoryAnalysis", ttlEdges[i].label) });
    report.hottest = sortedBest(m_hottest, hotter);
    if (!m_lfu)
        report.hotKeysNote = tr("Hot keys need an LFU eviction policy: OBJECT FREQ answers only then, and the server "
                                "runs with maxmemory-policy %1.")
                                 .arg(m_policy.isEmpty() ? tr("(unknown)") : m_policy);
    return report;
}

} // namespace vermilion
