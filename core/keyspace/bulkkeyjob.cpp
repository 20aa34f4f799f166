#include "bulkkeyjob.h"

#include "client/clusterslots.h"
#include "client/session.h"

#include <QThread>

namespace vermilion {

namespace {
// Keys asked of each SCAN step: big enough that round trips do not dominate, small enough that
// one step never holds the server for long.
constexpr int scanCount = 1000;
// Keys per UNLINK: one command frees them in one go; smaller chunks keep each command short.
constexpr qsizetype unlinkChunk = 500;
// Write batches allowed in flight before SCAN waits for them: bounds the client's memory when the
// server deletes slower than it scans.
constexpr int maxWriteBatchesInFlight = 4;

const char* writeCommandName(BulkKeyJob::Action action)
{
    switch (action) {
    case BulkKeyJob::Action::Delete:
        return "UNLINK";
    case BulkKeyJob::Action::SetTtl:
        return "PEXPIRE";
    case BulkKeyJob::Action::RemoveTtl:
        return "PERSIST";
    case BulkKeyJob::Action::Count:
        break;
    }
    return "SCAN";
}
} // namespace

BulkKeyJob::BulkKeyJob(Session* session, QByteArray matchPattern, Action action, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_pattern(std::move(matchPattern))
    , m_action(action)
{
    Q_ASSERT(session);
}

BulkKeyJob::~BulkKeyJob() = default;

BulkKeyJob* BulkKeyJob::count(Session* session, const QByteArray& matchPattern, QObject* parent)
{
    return new BulkKeyJob(session, matchPattern, Action::Count, parent);
}

void BulkKeyJob::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    if (m_action == Action::SetTtl && m_ttlMs <= 0) {
        fail(tr("The time to live must be at least one millisecond."));
        return;
    }
    scanNextBatch();
}

void BulkKeyJob::cancel()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Running)
        return;
    m_cancelRequested = true;
    finishIfIdle();
}

void BulkKeyJob::scanNextBatch()
{
    if (!m_session) {
        fail(tr("The connection was closed before the job could finish."));
        return;
    }
    if (!m_scan) {
        KeyspaceScan::Options options;
        options.match = m_pattern;
        options.count = scanCount;
        options.type = m_typeFilter;
        m_scan = std::make_unique<KeyspaceScan>(
            m_session, this, options, [this](const Reply& keys, const QString&) { onScanPage(keys); },
            [this](const QString& message) { fail(message); });
    }
    m_scan->requestMore();
}

void BulkKeyJob::onScanPage(const Reply& page)
{
    if (m_state != State::Running)
        return;
    // Keys that arrive after a cancel are not acted on, so they are not counted either.
    if (m_cancelRequested) {
        finishIfIdle();
        return;
    }
    const QList<Reply>& keys = page.elements();
    m_scanned += keys.size();
    if (m_action == Action::Count)
        m_affected = m_scanned;

    // The next step goes out before this step's writes: the server reads ahead while it deletes,
    // and both travel in the same pipeline.
    if (!m_scan->isComplete() && m_writeBatchesInFlight < maxWriteBatchesInFlight)
        scanNextBatch();
    if (m_action != Action::Count && !keys.isEmpty())
        applyToBatch(keys);
    emit progress(m_scanned, m_affected);
    finishIfIdle();
}

void BulkKeyJob::applyToBatch(const QList<Reply>& keys)
{
    if (!m_session) {
        fail(tr("The connection was closed before the job could finish."));
        return;
    }
    QList<Command> commands;
    if (m_action == Action::Delete && m_session->isCluster()) {
        // A cluster runs a multi-key command only when its keys share a slot: one UNLINK per slot
        // (a page of one node's keys spreads over many), in chunks.
        QHash<int, Command> perSlot;
        for (const Reply& key : keys) {
            Command& unlink = perSlot[ClusterSlots::slotOf(key.bytes())];
            if (unlink.isEmpty())
                unlink.append(QByteArrayLiteral("UNLINK"));
            unlink.append(key.bytes());
            if (unlink.size() > unlinkChunk)
                commands.append(std::exchange(unlink, Command()));
        }
        for (Command& unlink : perSlot) {
            if (!unlink.isEmpty())
                commands.append(std::move(unlink));
        }
    } else if (m_action == Action::Delete) {
        commands.reserve(keys.size() / unlinkChunk + 1);
        for (qsizetype first = 0; first < keys.size(); first += unlinkChunk) {
            const qsizetype last = qMin(keys.size(), first + unlinkChunk);
            Command unlink;
            unlink.reserve(last - first + 1);
            unlink.append(QByteArrayLiteral("UNLINK"));
            for (qsizetype i = first; i < last; ++i)
                unlink.append(keys.at(i).bytes());
            commands.append(std::move(unlink));
        }
    } else {
        const QByteArray ttl = QByteArray::number(m_ttlMs);
        commands.reserve(keys.size());
        for (const Reply& key : keys) {
            if (m_action == Action::SetTtl)
                commands.append({ QByteArrayLiteral("PEXPIRE"), key.bytes(), ttl });
            else
                commands.append({ QByteArrayLiteral("PERSIST"), key.bytes() });
        }
    }
    ++m_writeBatchesInFlight;
    m_session->executeBatch(
        commands, this, [this](const QList<Reply>& replies) { onWriteReplies(replies); }, Session::Role::Bulk);
}

void BulkKeyJob::onWriteReplies(const QList<Reply>& replies)
{
    --m_writeBatchesInFlight;
    if (m_state != State::Running)
        return;
    // Every answer is counted before an error ends the job, so progress() stays exact.
    const Reply* firstError = nullptr;
    for (const Reply& reply : replies) {
        if (reply.isInteger()) {
            if (m_action == Action::Delete)
                m_affected += reply.integerValue();
            else if (reply.integerValue() == 1)
                ++m_affected;
        } else if (!firstError) {
            firstError = &reply;
        }
    }
    emit progress(m_scanned, m_affected);
    if (firstError) {
        fail(firstError->isError() ? firstError->errorMessage()
                                   : tr("The server answered %1 with something that is not a number.")
                                         .arg(QString::fromLatin1(writeCommandName(m_action))));
        return;
    }
    // SCAN waited for write batches to drain.
    if (!m_cancelRequested && !m_scan->isComplete() && !m_scan->isInFlight())
        scanNextBatch();
    finishIfIdle();
}

void BulkKeyJob::fail(const QString& message)
{
    if (m_state == State::Finished)
        return;
    // Replies still on their way are dropped: the job is over for whoever listens.
    m_state = State::Finished;
    emit failed(message);
}

void BulkKeyJob::finishIfIdle()
{
    if (m_state != State::Running || (m_scan && m_scan->isInFlight()) || m_writeBatchesInFlight > 0)
        return;
    if (!(m_scan && m_scan->isComplete()) && !m_cancelRequested)
        return;
    m_state = State::Finished;
    // A cancel that came after the last step was read skipped nothing.
    emit finished(m_scanned, m_affected, m_cancelRequested && !(m_scan && m_scan->isComplete()));
}

} // namespace vermilion
