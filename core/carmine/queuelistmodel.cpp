#include "queuelistmodel.h"

#include "client/session.h"
#include "keyspace/naturalcompare.h"
#include "lockmodel.h"
#include "util/redistext.h"

#include <algorithm>

namespace vermilion {

QueueListModel::QueueListModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

bool QueueListModel::readOnlyScripts() const
{
    // EVAL_RO came with Redis 7; before it a read-only profile refuses the counting script.
    return m_session->serverInfo().version().section(QLatin1Char('.'), 0, 0).toInt() >= 7;
}

void QueueListModel::refresh()
{
    m_jobs.next();
    m_busy = true;
    m_found.clear();
    KeyspaceScan::Options options;
    options.match = CarmineQueue::discoveryPattern();
    const JobTracker::Ticket generation = m_jobs.current();
    // A new refresh replaces the scan: the older one's replies are dropped with it.
    m_scan = std::make_unique<KeyspaceScan>(
        m_session, this, options,
        [this, generation](const Reply& page, const QString&) {
            if (m_jobs.isStale(generation))
                return;
            for (const Reply& key : page.elements()) {
                const QByteArray name = CarmineQueue::queueNameFromMessagesKey(key.bytes());
                if (!name.isEmpty() && !m_found.contains(name))
                    m_found.append(name);
            }
            if (!m_scan->isComplete())
                m_scan->requestMore();
            else if (!m_scan->isInFlight())
                readTotals(generation);
        },
        [this, generation](const QString& message) {
            if (m_jobs.isStale(generation))
                return;
            m_busy = false;
            emit errorOccurred(tr("Looking for queues failed: %1").arg(message));
        });
    m_scan->requestMore();
}

void QueueListModel::readTotals(quint64 generation)
{
    QList<QByteArray> names = m_found;
    std::sort(
        names.begin(), names.end(), [](const QByteArray& a, const QByteArray& b) { return naturalCompare(a, b) < 0; });
    if (names.isEmpty()) {
        setRows({});
        m_busy = false;
        emit refreshed();
        return;
    }
    QList<Command> commands;
    const bool ro = readOnlyScripts();
    for (const QByteArray& name : std::as_const(names))
        commands += CarmineQueue::totalsCommands(name, ro, m_scriptCountLimit);
    m_session->executeBatch(commands, this, [this, generation, names](const QList<Reply>& replies) {
        if (m_jobs.isStale(generation))
            return;
        m_busy = false;
        if (!replies.isEmpty() && replies.first().isClientError()) {
            emit errorOccurred(tr("Reading queue totals failed: %1").arg(replies.first().errorMessage()));
            return;
        }
        const qsizetype per = replies.size() / names.size();
        QList<CarmineQueue::Totals> rows;
        for (qsizetype i = 0; i < names.size(); ++i) {
            rows.append(CarmineQueue::parseTotals(names.at(i), replies.mid(i * per, per)));
            carryCounts(rows.last());
        }
        setRows(rows);
        emit refreshed();
        for (const CarmineQueue::Totals& totals : std::as_const(rows)) {
            if (totals.countsPending)
                startCounting(totals);
        }
    });
}

void QueueListModel::refreshQueue(const QByteArray& name)
{
    m_session->executeBatch(
        CarmineQueue::totalsCommands(name, readOnlyScripts()), this, [this, name](const QList<Reply>& replies) {
            if (!replies.isEmpty() && replies.first().isClientError()) {
                emit errorOccurred(tr("Reading the totals of %1 failed: %2")
                                       .arg(RedisText::escape(name), replies.first().errorMessage()));
                return;
            }
            CarmineQueue::Totals totals = CarmineQueue::parseTotals(name, replies);
            carryCounts(totals);
            const int row = rowOfQueue(name);
            if (totals.messages == 0 && totals.error.isEmpty() && row >= 0) {
                // Cleared or drained and collected: the queue is gone.
                beginRemoveRows({}, row, row);
                m_rows.remove(row);
                endRemoveRows();
            } else if (row >= 0) {
                m_rows[row] = totals;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            } else if (totals.messages > 0) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
                m_rows.append(totals);
                endInsertRows();
            }
            emit queueRefreshed(name);
            if (totals.countsPending && rowOfQueue(name) >= 0)
                startCounting(totals);
        });
}

struct QueueListModel::LargeCount {
    QByteArray queue;
    qint64 now = 0;
    quint64 generation = 0;
    qint64 locked = 0;
    qint64 backoff = 0;
};

void QueueListModel::carryCounts(CarmineQueue::Totals& fresh) const
{
    const int row = rowOfQueue(fresh.name);
    if (!fresh.countsPending || row < 0 || m_rows.at(row).locked < 0)
        return;
    fresh.locked = m_rows.at(row).locked;
    fresh.inBackoff = m_rows.at(row).inBackoff;
}

void QueueListModel::startCounting(const CarmineQueue::Totals& totals)
{
    auto count = std::make_shared<LargeCount>();
    count->queue = totals.name;
    count->now = totals.serverTimeMs;
    count->generation = ++m_nextCount;
    m_countGeneration.insert(totals.name, count->generation);
    countPage(count, true, "0");
}

void QueueListModel::countPage(std::shared_ptr<LargeCount> count, bool locks, const QByteArray& cursor)
{
    const QByteArray key = CarmineQueue::key(count->queue, locks ? "locks" : "backoffs");
    m_session->execute(
        { "HSCAN", key, cursor, "COUNT", "1000" }, this,
        [this, count, locks](const Reply& reply) {
            if (m_countGeneration.value(count->queue) != count->generation)
                return;
            if (reply.isError() || !reply.isArray() || reply.size() != 2) {
                m_countGeneration.remove(count->queue);
                emit errorOccurred(tr("Counting the locks of %1 failed: %2")
                                       .arg(RedisText::escape(count->queue),
                                           reply.isError() ? reply.errorMessage() : tr("unexpected reply")));
                return;
            }
            const QByteArray next = reply.at(0).bytes();
            const QList<Reply>& fields = reply.at(1).elements();
            QList<QByteArray> candidates;
            for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
                if (count->now < fields.at(i + 1).toInteger()) {
                    if (locks)
                        candidates.append(fields.at(i).bytes());
                    else
                        ++count->backoff;
                }
            }
            const auto proceed = [this, count, locks, next] {
                if (next != "0")
                    countPage(count, locks, next);
                else if (locks)
                    countPage(count, false, "0");
                else
                    finishCount(*count);
            };
            if (candidates.isEmpty()) {
                proceed();
                return;
            }
            // A done message is not locked, whatever its lock says (Carmine's status rules).
            QList<Command> membership;
            const QByteArray done = CarmineQueue::key(count->queue, "done");
            for (const QByteArray& mid : std::as_const(candidates))
                membership.append({ "SISMEMBER", done, mid });
            m_session->executeBatch(membership, this, [this, count, proceed](const QList<Reply>& replies) {
                if (m_countGeneration.value(count->queue) != count->generation)
                    return;
                for (const Reply& member : replies)
                    count->locked += member.isInteger() && member.integerValue() == 0 ? 1 : 0;
                proceed();
            });
        },
        Session::Role::Bulk);
}

void QueueListModel::finishCount(const LargeCount& count)
{
    m_countGeneration.remove(count.queue);
    const int row = rowOfQueue(count.queue);
    if (row < 0)
        return;
    m_rows[row].locked = count.locked;
    m_rows[row].inBackoff = count.backoff;
    m_rows[row].countsPending = false;
    emit dataChanged(index(row, LockedColumn), index(row, BackoffColumn));
    emit countsFinished(count.queue);
}

void QueueListModel::setRows(QList<CarmineQueue::Totals> rows)
{
    bool sameNames = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameNames && i < rows.size(); ++i)
        sameNames = rows.at(i).name == m_rows.at(i).name;
    if (sameNames) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int QueueListModel::rowOfQueue(const QByteArray& name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return i;
    }
    return -1;
}

int QueueListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CarmineQueue::Totals& t = m_rows.at(index.row());
    if (role == NameRole)
        return t.name;
    if (role == Qt::TextAlignmentRole)
        return index.column() >= MessagesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole) {
        if (!t.error.isEmpty())
            return t.error;
        if ((index.column() == LockedColumn || index.column() == BackoffColumn) && t.countsPending)
            return tr("Counting with HSCAN: the queue has too many locks and backoffs for a quick script.");
        if ((index.column() == LockedColumn || index.column() == BackoffColumn) && t.locked < 0)
            return tr("Counting needs a script; this server or profile refused it.");
        if (index.column() == RequeueColumn)
            return tr("Members of \"requeue\" plus fields of \"messages-rq\".");
        if (index.column() == EoqBackoffColumn)
            return tr("v1 only: the queue-wide polling backoff set when a worker found no work.");
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    const auto count = [sort](qint64 n) -> QVariant {
        if (sort)
            return n;
        return n < 0 ? QStringLiteral("—") : QString::number(n);
    };
    switch (index.column()) {
    case NameColumn:
        return RedisText::escape(t.name);
    case LayoutColumn:
        switch (t.layout) {
        case CarmineQueue::Layout::V2:
            return QStringLiteral("v2");
        case CarmineQueue::Layout::V1:
            return QStringLiteral("v1");
        case CarmineQueue::Layout::Pre24:
            return QStringLiteral("2.0-2.3");
        case CarmineQueue::Layout::Unknown:
            break;
        }
        return QStringLiteral("?");
    case MessagesColumn:
        return count(t.messages);
    case ReadyColumn:
        if (t.layout == CarmineQueue::Layout::V1)
            return sort ? QVariant(qint64(-1)) : QVariant(QStringLiteral("—"));
        return count(t.ready);
    case CircleColumn:
        return count(t.inCircle);
    case LockedColumn:
        if (t.locked < 0 && t.countsPending && !sort)
            return tr("counting…");
        return count(t.locked);
    case BackoffColumn:
        if (t.inBackoff < 0 && t.countsPending && !sort)
            return tr("counting…");
        return count(t.inBackoff);
    case DoneColumn:
        return count(t.done);
    case RequeueColumn:
        return count(t.requeue);
    case DryRunsColumn:
        return count(t.dryRuns);
    case EoqBackoffColumn:
        if (sort)
            return t.eoqBackoffMs;
        if (t.layout == CarmineQueue::Layout::V2)
            return QStringLiteral("—");
        if (t.eoqBackoffMs == -2)
            return tr("none");
        return LockModel::formatDuration(t.eoqBackoffMs);
    }
    return {};
}

QVariant QueueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Queue");
    case LayoutColumn:
        return tr("Layout");
    case MessagesColumn:
        return tr("Messages");
    case ReadyColumn:
        return tr("Ready");
    case CircleColumn:
        return tr("In circle");
    case LockedColumn:
        return tr("Locked");
    case BackoffColumn:
        return tr("In backoff");
    case DoneColumn:
        return tr("Done (awaiting GC)");
    case RequeueColumn:
        return tr("Requeue");
    case DryRunsColumn:
        return tr("Dry runs");
    case EoqBackoffColumn:
        return tr("EOQ backoff");
    }
    return {};
}

} // namespace vermilion
