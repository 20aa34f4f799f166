#include "commandstatsmodel.h"

#include <QLocale>

namespace vermilion {

CommandStatsModel::CommandStatsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CommandStatsModel::setStats(const QList<InfoDetails::CommandStat>& stats)
{
    // Same commands in the same order (the common case at each poll): update cells in place, so
    // that the view keeps its selection and scroll position.
    bool sameRows = stats.size() == m_stats.size();
    for (qsizetype i = 0; sameRows && i < stats.size(); ++i)
        sameRows = stats.at(i).command == m_stats.at(i).command;
    if (sameRows) {
        m_stats = stats;
        if (!m_stats.isEmpty())
            emit dataChanged(index(0, CallsColumn), index(int(m_stats.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_stats = stats;
    endResetModel();
}

int CommandStatsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_stats.size()); }

int CommandStatsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CommandStatsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InfoDetails::CommandStat& stat = m_stats.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == CommandColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    const QLocale locale;
    const auto optional = [&](qint64 value) -> QVariant {
        if (value < 0)
            return display ? QVariant(tr("no data")) : QVariant(qint64(-1));
        return display ? QVariant(locale.toString(value)) : QVariant(value);
    };
    switch (index.column()) {
    case CommandColumn:
        return QString::fromUtf8(stat.command);
    case CallsColumn:
        return display ? QVariant(locale.toString(stat.calls)) : QVariant(stat.calls);
    case TotalColumn:
        return display ? QVariant(locale.toString(stat.totalUsec / 1000.0, 'f', 1)) : QVariant(stat.totalUsec);
    case PerCallColumn:
        return display ? QVariant(locale.toString(stat.usecPerCall, 'f', 2)) : QVariant(stat.usecPerCall);
    case RejectedColumn:
        return optional(stat.rejectedCalls);
    case FailedColumn:
        return optional(stat.failedCalls);
    default:
        return {};
    }
}

QVariant CommandStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CommandColumn:
        return tr("Command");
    case CallsColumn:
        return tr("Calls");
    case TotalColumn:
        return tr("Total (ms)");
    case PerCallColumn:
        return tr("Per call (µs)");
    case RejectedColumn:
        return tr("Rejected");
    case FailedColumn:
        return tr("Failed");
    default:
        return {};
    }
}

} // namespace vermilion
