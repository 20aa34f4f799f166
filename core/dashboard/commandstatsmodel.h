#pragma once

#include "infodetails.h"

#include <QAbstractTableModel>

namespace vermilion {

// INFO commandstats as a table. Qt::UserRole holds the raw number of each cell, for sorting.
class CommandStatsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CommandColumn, CallsColumn, TotalColumn, PerCallColumn, RejectedColumn, FailedColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit CommandStatsModel(QObject* parent = nullptr);

    void setStats(const QList<InfoDetails::CommandStat>& stats);
    const QList<InfoDetails::CommandStat>& stats() const { return m_stats; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<InfoDetails::CommandStat> m_stats;
};

} // namespace vermilion
