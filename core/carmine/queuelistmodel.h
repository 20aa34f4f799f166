#pragma once

#include "carminequeue.h"
#include "client/keyspacescan.h"

#include <QAbstractTableModel>
#include <QHash>
#include <memory>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// Every Carmine queue on the server (found by SCAN MATCH carmine:mq:*:messages on the bulk
// connection) with its layout and totals, read in one pipeline. Qt::UserRole gives raw numbers for
// sorting.
class QueueListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        LayoutColumn,
        MessagesColumn,
        ReadyColumn,
        CircleColumn,
        LockedColumn,
        BackoffColumn,
        DoneColumn,
        RequeueColumn,
        DryRunsColumn,
        EoqBackoffColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int NameRole = Qt::UserRole + 1;

    explicit QueueListModel(Session* session, QObject* parent = nullptr);

    void refresh();
    // Re-reads the totals of one queue (adds it if new).
    void refreshQueue(const QByteArray& name);
    bool isRefreshing() const { return m_busy; }
    const CarmineQueue::Totals& totals(int row) const { return m_rows.at(row); }
    // Above this many lock + backoff entries in a queue, they are counted with HSCAN (for tests).
    void setScriptCountLimit(int entries) { m_scriptCountLimit = entries; }
    int rowOfQueue(const QByteArray& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void queueRefreshed(const QByteArray& name);
    // The locked and in-backoff counts of a big queue, counted with HSCAN, are in.
    void countsFinished(const QByteArray& name);
    void errorOccurred(const QString& message);

private:
    void readTotals(quint64 generation);
    bool readOnlyScripts() const;
    void setRows(QList<CarmineQueue::Totals> rows);
    struct LargeCount;
    // Keeps the last known counts of a queue being counted again, so the columns do not flicker.
    void carryCounts(CarmineQueue::Totals& fresh) const;
    void startCounting(const CarmineQueue::Totals& totals);
    void countPage(std::shared_ptr<LargeCount> count, bool locks, const QByteArray& cursor);
    void finishCount(const LargeCount& count);

    Session* m_session;
    QList<CarmineQueue::Totals> m_rows;
    QList<QByteArray> m_found;
    JobTracker m_jobs;
    std::unique_ptr<KeyspaceScan> m_scan; // one cursor per node
    bool m_busy = false;
    int m_scriptCountLimit = CarmineQueue::scriptCountLimit;
    QHash<QByteArray, quint64> m_countGeneration;
    quint64 m_nextCount = 0;
};

} // namespace vermilion
