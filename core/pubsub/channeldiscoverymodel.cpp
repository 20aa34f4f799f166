#include "channeldiscoverymodel.h"

#include "client/session.h"
#include "util/redistext.h"

#include <QLocale>
#include <algorithm>

namespace vermilion {

ChannelDiscoveryModel::ChannelDiscoveryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int ChannelDiscoveryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChannelDiscoveryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelDiscoveryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == ChannelBytesRole)
        return row.channel;
    if (role == Qt::TextAlignmentRole && index.column() == SubscribersColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == ChannelColumn)
        return RedisText::escape(row.channel);
    if (index.column() == SubscribersColumn)
        return row.subscribers < 0 ? tr("...") : QLocale().toString(row.subscribers);
    return {};
}

QVariant ChannelDiscoveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == ChannelColumn ? tr("Channel") : tr("Subscribers");
}

void ChannelDiscoveryModel::refresh(Session* session, const QByteArray& pattern)
{
    const JobTracker::Ticket generation = m_jobs.next();
    m_busy = true;
    Command channels { "PUBSUB", "CHANNELS" };
    if (!pattern.isEmpty())
        channels.append(pattern);
    session->executeBatch(
        { channels, { "PUBSUB", "NUMPAT" } }, this,
        [this, session, generation](const QList<Reply>& replies) {
            if (m_jobs.isStale(generation))
                return;
            const Reply& list = replies.at(0);
            if (list.isError() || replies.at(1).isError()) {
                m_busy = false;
                emit failed(tr("Cannot list the channels: %1")
                                .arg((list.isError() ? list : replies.at(1)).errorMessage()));
                return;
            }
            beginResetModel();
            m_rows.clear();
            for (const Reply& element : list.elements())
                m_rows.append({ element.bytes(), -1 });
            std::sort(m_rows.begin(), m_rows.end(),
                [](const Row& a, const Row& b) { return a.channel < b.channel; });
            m_numPat = replies.at(1).integerValue();
            endResetModel();
            if (m_rows.isEmpty()) {
                m_busy = false;
                emit refreshed(0, m_numPat);
                return;
            }
            // NUMSUB in batches, so a server with a million channels answers in pieces.
            QList<Command> numsub;
            constexpr qsizetype batch = 500;
            for (qsizetype start = 0; start < m_rows.size(); start += batch) {
                Command command { "PUBSUB", "NUMSUB" };
                for (qsizetype i = start; i < qMin(m_rows.size(), start + batch); ++i)
                    command.append(m_rows.at(i).channel);
                numsub.append(command);
            }
            session->executeBatch(
                numsub, this,
                [this, generation](const QList<Reply>& counts) {
                    if (m_jobs.isStale(generation))
                        return;
                    m_busy = false;
                    qsizetype row = 0;
                    for (const Reply& reply : counts) {
                        if (reply.isError()) {
                            emit failed(tr("Cannot count the subscribers: %1").arg(reply.errorMessage()));
                            return;
                        }
                        const QList<Reply>& pairs = reply.elements();
                        for (qsizetype i = 0; i + 1 < pairs.size() && row < m_rows.size(); i += 2, ++row)
                            m_rows[row].subscribers = pairs.at(i + 1).integerValue();
                    }
                    if (!m_rows.isEmpty())
                        emit dataChanged(index(0, SubscribersColumn), index(int(m_rows.size()) - 1, SubscribersColumn));
                    emit refreshed(int(m_rows.size()), m_numPat);
                },
                Session::Role::Interactive);
        },
        Session::Role::Interactive);
}

} // namespace vermilion
