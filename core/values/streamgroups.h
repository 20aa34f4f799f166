#pragma once

#include "client/reply.h"
#include "util/jobtracker.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace vermilion {

class Session;

// Consumer-group administration of one stream: XGROUP CREATE (with MKSTREAM and a start id),
// SETID, DESTROY, CREATECONSUMER and DELCONSUMER, XACK, XCLAIM and XAUTOCLAIM. Each operation
// answers once through finished() with the server's error, if any, and a line for the user.
// Changes are refused here on a read-only profile.
class StreamGroupOps : public QObject {
    Q_OBJECT
public:
    StreamGroupOps(Session* session, const QByteArray& key, QObject* parent = nullptr);

    void createGroup(const QByteArray& group, const QByteArray& startId, bool makeStream);
    void setId(const QByteArray& group, const QByteArray& id);
    void destroyGroup(const QByteArray& group);
    void createConsumer(const QByteArray& group, const QByteArray& consumer);
    void deleteConsumer(const QByteArray& group, const QByteArray& consumer);
    void acknowledge(const QByteArray& group, const QList<QByteArray>& ids);
    // XCLAIM ids to consumer if idle at least minIdleMs (JUSTID: the delivery count stays).
    void claim(const QByteArray& group, const QByteArray& consumer, qint64 minIdleMs, const QList<QByteArray>& ids,
               bool justId = true);
    // XAUTOCLAIM from start: up to count entries idle at least minIdleMs.
    void autoClaim(const QByteArray& group, const QByteArray& consumer, qint64 minIdleMs, int count = 100);

signals:
    void finished(const QString& operation, const QString& error, const QString& detail);

private:
    void run(const QString& operation, const Command& argv, std::function<QString(const Reply&)> describe);
    QPointer<Session> m_session;
    QByteArray m_key;
};

// XPENDING of one group, the extended form: id, consumer, idle time and delivery count, filtered by
// consumer and minimum idle time (IDLE), read page by page (loadMore) from the oldest.
class StreamPendingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Consumer, Idle, Deliveries, ColumnCount };
    struct Entry {
        QByteArray id;
        QByteArray consumer;
        qint64 idleMs = 0;
        qint64 deliveries = 0;
    };
    StreamPendingModel(Session* session, const QByteArray& key, QObject* parent = nullptr);

    // Starts over with a group and a filter (consumer empty = all; minIdleMs 0 = any).
    void load(const QByteArray& group, const QByteArray& consumer = {}, qint64 minIdleMs = 0);
    void loadMore();
    bool hasMore() const { return m_hasMore; }
    const QList<Entry>& entries() const { return m_entries; }
    QByteArray group() const { return m_group; }
    static constexpr int pageSize = 200;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void errorOccurred(const QString& message);

private:
    void readPage(const QByteArray& start);
    QPointer<Session> m_session;
    QByteArray m_key;
    QByteArray m_group;
    QByteArray m_consumer;
    qint64 m_minIdleMs = 0;
    QList<Entry> m_entries;
    bool m_hasMore = false;
    JobTracker m_jobs;
};

} // namespace vermilion
