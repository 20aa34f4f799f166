#pragma once

#include "carminequeue.h"
#include "messagestatus.h"

#include <QAbstractTableModel>
#include "util/jobtracker.h"

class QTimer;

namespace vermilion {

class Session;

// The messages of one Carmine queue, a page at a time: HSCAN over the messages hash (never a full
// HGETALL), then, pipelined for the page, the server's TIME and what Carmine keeps per mid (lock
// and backoff expiries, attempts, enqueue time, done and requeue membership). Status, lock left and
// backoff left are derived with the server's clock (its offset from ours is taken at each read), and
// kept live by a timer. Content is decoded from Nippy to EDN off the UI thread. For a Tundra queue
// (tundra:*), where a mid is a Redis key name, each row also says whether that key still exists,
// its PTTL and whether it is in carmine:tundra:evictable.
class QueueMessageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        MidColumn,
        StatusColumn,
        AttemptsColumn,
        BackoffColumn,
        LockColumn,
        AgeColumn,
        ContentColumn,
        KeyExistsColumn, // Tundra queues only, from here on
        KeyPttlColumn,
        EvictableColumn,
        TundraColumnCount
    };
    enum Role { SortRole = Qt::UserRole, StatusRole, MidRole, ContentTextRole, DecodeErrorRole };

    struct Message {
        QByteArray mid;
        QByteArray content;
        QString edn; // decoded content, empty until decoded or when decoding failed
        QString decodeError;
        bool decoded = false;
        MessageState state;
        bool keyExists = false; // Tundra
        qint64 keyPttlMs = -2;
        bool evictable = false;
    };

    explicit QueueMessageModel(Session* session, QObject* parent = nullptr);

    // Forgets the rows and reads the first page of another queue.
    void setQueue(const QByteArray& queue, CarmineQueue::Layout layout);
    QByteArray queue() const { return m_queue; }
    CarmineQueue::Layout layout() const { return m_layout; }
    // The status rules of the queue's layout: v1 for Carmine 2.4-3.2, v2 otherwise.
    MessageRules rules() const
    {
        return m_layout == CarmineQueue::Layout::V1 ? MessageRules::V1 : MessageRules::V2;
    }
    bool isTundra() const { return m_tundra; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    int pageSize() const { return m_pageSize; }
    // Reads the first page again (rows are replaced).
    void reload();
    void loadMore();
    bool canLoadMore() const { return !m_queue.isEmpty() && m_cursor != "0"; }
    bool isLoading() const { return m_loading; }
    // The server's clock now, estimated from the last TIME and the local clock since.
    qint64 serverNowMs() const;
    // Server epoch ms minus this machine's, from the last TIME (0 before the first page).
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    MessageStatus status(int row) const;
    const Message& message(int row) const { return m_rows.at(row); }
    int countWithStatus(MessageStatus status) const;
    void setTicking(bool ticking);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void pageLoaded(int rows);
    void contentDecoded();
    void loadingChanged(bool loading);
    void errorOccurred(const QString& message);

private:
    void scanPage(quint64 generation, const QByteArray& cursor, QList<QPair<QByteArray, QByteArray>> collected);
    void readDetails(quint64 generation, const QByteArray& cursor, const QList<QPair<QByteArray, QByteArray>>& page);
    void decodeContents(quint64 rowsEpoch, int firstRow, QList<QByteArray> contents);
    void setLoading(bool loading);
    void tick();

    Session* m_session;
    QByteArray m_queue;
    CarmineQueue::Layout m_layout = CarmineQueue::Layout::V2;
    bool m_tundra = false;
    QList<Message> m_rows;
    QByteArray m_cursor = "0";
    int m_pageSize = 500;
    JobTracker m_jobs;
    quint64 m_rowsEpoch = 0; // moves at each reset, so decodes of replaced rows are dropped
    bool m_loading = false;
    bool m_replaceOnNextPage = false;
    qint64 m_clockOffsetMs = 0; // server epoch ms - local epoch ms
    QTimer* m_timer;
};

} // namespace vermilion
