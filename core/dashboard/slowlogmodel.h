#pragma once

#include "client/reply.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// SLOWLOG GET as a table, read and reset through the session. Qt::UserRole holds raw values for sorting.
// On a cluster every node's log is read and merged, newest first, with the node in NodeColumn.
class SlowlogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Entry {
        qint64 id = 0;
        qint64 timeSeconds = 0;
        qint64 durationUsec = 0;
        QList<QByteArray> arguments;
        QByteArray clientAddress; // Redis 4 and later
        QByteArray clientName;
        QString node; // cluster: the node whose log it is
    };
    enum Column { IdColumn, TimeColumn, DurationColumn, CommandColumn, ClientColumn, NodeColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit SlowlogModel(Session* session, QObject* parent = nullptr);

    static QList<Entry> parse(const Reply& reply);
    void setEntries(const QList<Entry>& entries);
    const QList<Entry>& entries() const { return m_entries; }

    void refresh(int count = 128);
    // SLOWLOG RESET (on every node of a cluster); the caller confirms first. Read-only profiles are
    // refused by the connection.
    void reset();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void errorOccurred(const QString& message);

private:
    Session* m_session;
    QList<Entry> m_entries;
    JobTracker m_jobs;
};

} // namespace vermilion
