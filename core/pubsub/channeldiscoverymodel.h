#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// The server's active channels: PUBSUB CHANNELS [pattern], their subscriber counts (PUBSUB NUMSUB,
// asked in batches) and the number of pattern subscriptions (PUBSUB NUMPAT).
class ChannelDiscoveryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ChannelColumn, SubscribersColumn, ColumnCount };
    enum Role { ChannelBytesRole = Qt::UserRole + 1 };

    explicit ChannelDiscoveryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh(Session* session, const QByteArray& pattern = {});
    bool isBusy() const { return m_busy; }
    qint64 patternSubscriptions() const { return m_numPat; }
    QByteArray channel(int row) const { return m_rows.at(row).channel; }
    qint64 subscribers(int row) const { return m_rows.at(row).subscribers; }

signals:
    void refreshed(int channels, qint64 patternSubscriptions);
    void failed(const QString& message);

private:
    struct Row {
        QByteArray channel;
        qint64 subscribers = -1;
    };
    QList<Row> m_rows;
    qint64 m_numPat = 0;
    JobTracker m_jobs;
    bool m_busy = false;
};

} // namespace vermilion
