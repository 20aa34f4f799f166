#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// The members of Tundra's carmine:tundra:evictable set (keys replicated to the secondary datastore),
// a page at a time with SSCAN, each with whether the key still exists in Redis and its PTTL. A
// member missing from Redis was evicted and is restorable by the application's ensure-ks.
class TundraEvictedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, InRedisColumn, PttlColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole, KeyRole, MissingRole };
    struct Row {
        QByteArray key;
        bool exists = false;
        qint64 pttlMs = -2;
    };

    explicit TundraEvictedModel(Session* session, QObject* parent = nullptr);

    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    void reload();
    void loadMore();
    bool canLoadMore() const { return m_cursor != "0"; }
    bool isLoading() const { return m_loading; }
    qint64 totalMembers() const { return m_total; }
    int missingCount() const { return m_missing; }
    const Row& row(int i) const { return m_rows.at(i); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void pageLoaded();
    void errorOccurred(const QString& message);

private:
    void scanPage(quint64 generation, const QByteArray& cursor, QList<QByteArray> collected, bool replace);
    void readKeys(quint64 generation, const QByteArray& cursor, const QList<QByteArray>& keys, bool replace);

    Session* m_session;
    QList<Row> m_rows;
    QByteArray m_cursor = "0";
    int m_pageSize = 500;
    qint64 m_total = 0;
    int m_missing = 0;
    JobTracker m_jobs;
    bool m_loading = false;
};

} // namespace vermilion
