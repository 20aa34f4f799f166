#include "tundraevictedmodel.h"

#include "carminequeue.h"
#include "client/session.h"
#include "lockmodel.h"
#include "util/redistext.h"

namespace vermilion {

TundraEvictedModel::TundraEvictedModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void TundraEvictedModel::reload()
{
    m_jobs.next();
    m_loading = true;
    scanPage(m_jobs.current(), "0", {}, true);
}

void TundraEvictedModel::loadMore()
{
    if (!canLoadMore() || m_loading)
        return;
    m_jobs.next();
    m_loading = true;
    scanPage(m_jobs.current(), m_cursor, {}, false);
}

void TundraEvictedModel::scanPage(
    quint64 generation, const QByteArray& cursor, QList<QByteArray> collected, bool replace)
{
    m_session->execute(
        { "SSCAN", CarmineQueue::tundraEvictableKey(), cursor, "COUNT", QByteArray::number(m_pageSize) }, this,
        [this, generation, replace, collected = std::move(collected)](const Reply& reply) mutable {
            if (m_jobs.isStale(generation))
                return;
            if (reply.isError() || !reply.isArray() || reply.size() != 2) {
                m_loading = false;
                emit errorOccurred(tr("Reading carmine:tundra:evictable failed: %1")
                                       .arg(reply.isError() ? reply.errorMessage() : tr("unexpected reply")));
                return;
            }
            for (const Reply& member : reply.at(1).elements())
                collected.append(member.bytes());
            const QByteArray next = reply.at(0).bytes();
            if (next != "0" && collected.size() < m_pageSize)
                scanPage(generation, next, std::move(collected), replace);
            else
                readKeys(generation, next, collected, replace);
        },
        Session::Role::Bulk);
}

void TundraEvictedModel::readKeys(
    quint64 generation, const QByteArray& cursor, const QList<QByteArray>& keys, bool replace)
{
    QList<Command> commands { { "SCARD", CarmineQueue::tundraEvictableKey() } };
    for (const QByteArray& key : keys) {
        commands.append({ "EXISTS", key });
        commands.append({ "PTTL", key });
    }
    m_session->executeBatch(commands, this, [this, generation, cursor, keys, replace](const QList<Reply>& replies) {
        if (m_jobs.isStale(generation))
            return;
        m_loading = false;
        if (!replies.isEmpty() && replies.first().isError()) {
            emit errorOccurred(tr("Reading carmine:tundra:evictable failed: %1").arg(replies.first().errorMessage()));
            return;
        }
        m_total = replies.value(0).integerValue();
        QList<Row> rows;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            Row row;
            row.key = keys.at(i);
            row.exists = replies.value(1 + 2 * i).integerValue() == 1;
            row.pttlMs = replies.value(2 + 2 * i).integerValue();
            rows.append(row);
        }
        m_cursor = cursor;
        if (replace) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
        } else if (!rows.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
            m_rows += std::move(rows);
            endInsertRows();
        }
        m_missing = 0;
        for (const Row& row : std::as_const(m_rows))
            m_missing += row.exists ? 0 : 1;
        emit pageLoaded();
    });
}

int TundraEvictedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TundraEvictedModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TundraEvictedModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index.row());
    if (role == KeyRole)
        return r.key;
    if (role == MissingRole)
        return !r.exists;
    if (role == Qt::ToolTipRole && index.column() == InRedisColumn)
        return r.exists ? tr("Still in Redis.")
                        : tr("Evicted from Redis; the application's ensure-ks restores it from the datastore.");
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case KeyColumn:
        return RedisText::escape(r.key);
    case InRedisColumn:
        if (sort)
            return r.exists;
        return r.exists ? tr("yes") : tr("missing (evicted)");
    case PttlColumn:
        if (sort)
            return r.pttlMs;
        if (!r.exists)
            return QStringLiteral("—");
        return r.pttlMs == -1 ? tr("no expiry") : LockModel::formatDuration(r.pttlMs);
    }
    return {};
}

QVariant TundraEvictedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Evictable key");
    case InRedisColumn:
        return tr("In Redis");
    case PttlColumn:
        return tr("PTTL");
    }
    return {};
}

} // namespace vermilion
