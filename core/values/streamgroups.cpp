#include "streamgroups.h"

#include "client/session.h"

namespace vermilion {

StreamGroupOps::StreamGroupOps(Session* session, const QByteArray& key, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_key(key)
{
}

void StreamGroupOps::run(const QString& operation, const Command& argv, std::function<QString(const Reply&)> describe)
{
    if (!m_session) {
        emit finished(operation, tr("The connection is closed."), {});
        return;
    }
    if (m_session->isReadOnly()) {
        emit finished(operation, tr("This profile is read-only: %1 is not sent.").arg(operation), {});
        return;
    }
    m_session->execute(argv, this, [this, operation, describe = std::move(describe)](const Reply& reply) {
        if (reply.isError())
            emit finished(operation, reply.errorMessage(), {});
        else
            emit finished(operation, {}, describe(reply));
    });
}

void StreamGroupOps::createGroup(const QByteArray& group, const QByteArray& startId, bool makeStream)
{
    Command argv { "XGROUP", "CREATE", m_key, group, startId.isEmpty() ? QByteArray("$") : startId };
    if (makeStream)
        argv << "MKSTREAM";
    run(QStringLiteral("XGROUP CREATE"), argv, [group](const Reply&) {
        return tr("Group %1 created.").arg(QString::fromUtf8(group));
    });
}

void StreamGroupOps::setId(const QByteArray& group, const QByteArray& id)
{
    run(QStringLiteral("XGROUP SETID"), { "XGROUP", "SETID", m_key, group, id }, [group, id](const Reply&) {
        return tr("Group %1 now delivers after %2.").arg(QString::fromUtf8(group), QString::fromLatin1(id));
    });
}

void StreamGroupOps::destroyGroup(const QByteArray& group)
{
    run(QStringLiteral("XGROUP DESTROY"), { "XGROUP", "DESTROY", m_key, group }, [group](const Reply& reply) {
        return reply.integerValue() == 1 ? tr("Group %1 deleted.").arg(QString::fromUtf8(group))
                                         : tr("There was no group %1.").arg(QString::fromUtf8(group));
    });
}

void StreamGroupOps::createConsumer(const QByteArray& group, const QByteArray& consumer)
{
    run(QStringLiteral("XGROUP CREATECONSUMER"), { "XGROUP", "CREATECONSUMER", m_key, group, consumer },
        [consumer](const Reply& reply) {
            return reply.integerValue() == 1 ? tr("Consumer %1 created.").arg(QString::fromUtf8(consumer))
                                             : tr("Consumer %1 already existed.").arg(QString::fromUtf8(consumer));
        });
}

void StreamGroupOps::deleteConsumer(const QByteArray& group, const QByteArray& consumer)
{
    run(QStringLiteral("XGROUP DELCONSUMER"), { "XGROUP", "DELCONSUMER", m_key, group, consumer },
        [consumer](const Reply& reply) {
            return tr("Consumer %1 deleted, and its pending entries with it (%2).")
                .arg(QString::fromUtf8(consumer))
                .arg(reply.integerValue());
        });
}

void StreamGroupOps::acknowledge(const QByteArray& group, const QList<QByteArray>& ids)
{
    Command argv { "XACK", m_key, group };
    argv.append(ids);
    const qsizetype asked = ids.size();
    run(QStringLiteral("XACK"), argv, [asked](const Reply& reply) {
        return tr("Acknowledged: %1 of %2.").arg(reply.integerValue()).arg(asked);
    });
}

void StreamGroupOps::claim(const QByteArray& group, const QByteArray& consumer, qint64 minIdleMs,
                           const QList<QByteArray>& ids, bool justId)
{
    Command argv { "XCLAIM", m_key, group, consumer, QByteArray::number(qMax<qint64>(0, minIdleMs)) };
    argv.append(ids);
    if (justId)
        argv << "JUSTID";
    const qsizetype asked = ids.size();
    run(QStringLiteral("XCLAIM"), argv, [consumer, asked](const Reply& reply) {
        const qsizetype claimed = reply.isArray() ? reply.size() : 0;
        return tr("%1 of %2 claimed by %3 (the others were not idle long enough or are gone).")
            .arg(claimed)
            .arg(asked)
            .arg(QString::fromUtf8(consumer));
    });
}

void StreamGroupOps::autoClaim(const QByteArray& group, const QByteArray& consumer, qint64 minIdleMs, int count)
{
    run(QStringLiteral("XAUTOCLAIM"),
        { "XAUTOCLAIM", m_key, group, consumer, QByteArray::number(qMax<qint64>(0, minIdleMs)), "0-0", "COUNT",
          QByteArray::number(qMax(1, count)), "JUSTID" },
        [consumer](const Reply& reply) {
            // [next start id, claimed ids, deleted ids (Redis 7)]
            const qsizetype claimed = reply.isArray() && reply.size() >= 2 && reply.at(1).isArray() ? reply.at(1).size() : 0;
            return tr("Claimed by %1: %2.").arg(QString::fromUtf8(consumer)).arg(claimed);
        });
}

StreamPendingModel::StreamPendingModel(Session* session, const QByteArray& key, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_key(key)
{
}

void StreamPendingModel::load(const QByteArray& group, const QByteArray& consumer, qint64 minIdleMs)
{
    m_group = group;
    m_consumer = consumer;
    m_minIdleMs = qMax<qint64>(0, minIdleMs);
    beginResetModel();
    m_entries.clear();
    m_hasMore = false;
    endResetModel();
    m_jobs.next();
    readPage("-");
}

void StreamPendingModel::loadMore()
{
    if (!m_hasMore || m_entries.isEmpty())
        return;
    readPage("(" + m_entries.last().id);
}

void StreamPendingModel::readPage(const QByteArray& start)
{
    if (!m_session || m_group.isEmpty())
        return;
    Command argv { "XPENDING", m_key, m_group };
    if (m_minIdleMs > 0)
        argv << "IDLE" << QByteArray::number(m_minIdleMs);
    argv << start << "+" << QByteArray::number(pageSize);
    if (!m_consumer.isEmpty())
        argv << m_consumer;
    const JobTracker::Ticket ticket = m_jobs.current();
    m_session->execute(argv, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket))
            return;
        if (reply.isError() || !reply.isArray()) {
            emit errorOccurred(reply.isError() ? reply.errorMessage() : tr("XPENDING did not answer a list."));
            return;
        }
        QList<Entry> page;
        for (const Reply& item : reply.elements()) {
            // [id, consumer, idle ms, deliveries]
            if (!item.isArray() || item.size() < 4)
                continue;
            page.append({ item.at(0).bytes(), item.at(1).bytes(), item.at(2).integerValue(), item.at(3).integerValue() });
        }
        m_hasMore = page.size() == pageSize;
        if (!page.isEmpty()) {
            beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.size() - 1));
            m_entries += page;
            endInsertRows();
        }
        emit loaded();
    });
}

int StreamPendingModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }
int StreamPendingModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StreamPendingModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry& entry = m_entries.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= Idle)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return QString::fromLatin1(entry.id);
    case Consumer:
        return QString::fromUtf8(entry.consumer);
    case Idle:
        return entry.idleMs < 60000 ? tr("%1 s").arg(QString::number(double(entry.idleMs) / 1000.0, 'f', 1))
                                    : tr("%1 min").arg(entry.idleMs / 60000);
    case Deliveries:
        return entry.deliveries;
    }
    return {};
}

QVariant StreamPendingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Entry");
    case Consumer:
        return tr("Consumer");
    case Idle:
        return tr("Idle");
    case Deliveries:
        return tr("Deliveries");
    }
    return {};
}

} // namespace vermilion
