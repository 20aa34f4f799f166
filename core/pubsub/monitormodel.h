#pragma once

#include "monitor.h"
#include "streamtablemodel.h"

#include <QElapsedTimer>

class QIODevice;
class QTimer;

namespace vermilion {

// MONITOR lines in a bounded ring (100,000 by default), filtered by command, key pattern (Redis
// glob on any argument after the command), client and database, with commands per second.
class MonitorModel : public StreamTableModel<MonitorLine> {
    Q_OBJECT
public:
    // NodeColumn: the node on a cluster (the view hides it on a single server).
    enum Column { TimeColumn, DatabaseColumn, ClientColumn, CommandColumn, ArgumentsColumn, NodeColumn, ColumnCount };
    enum Role { SourceRole = Qt::UserRole + 1 };

    explicit MonitorModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void add(const MonitorBatch& batch);

    struct Filter {
        QList<QByteArray> commands; // upper case; empty = all
        QByteArray keyPattern; // glob; empty = all
        QString client; // substring of the client or of its node; empty = all
        int database = -1; // -1 = all
        bool operator==(const Filter&) const = default;
    };
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }
    // "get, set hget" -> {"GET", "SET", "HGET"}
    static QList<QByteArray> parseCommandList(const QString& text);

    // Lines per second over the last second (all lines, before the filter).
    double commandsPerSecond() const { return m_rate; }
    qint64 droppedBeforeModel() const { return m_droppedBefore; }

    bool exportJsonLines(QIODevice* device) const;
    bool exportCsv(QIODevice* device) const;
    static QString argumentsText(const MonitorLine& line);

signals:
    void countsChanged();

protected:
    bool accepts(const MonitorLine& line) const override;
    bool filterActive() const override;
    void countsUpdated() override { emit countsChanged(); }

private:
    void updateRate();

    Filter m_filter;
    double m_rate = 0;
    qint64 m_lastCount = 0;
    qint64 m_droppedBefore = 0;
    QTimer* m_rateTimer = nullptr;
    QElapsedTimer m_rateClock;
};

} // namespace vermilion
