#pragma once

#include "lockentry.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

class QTimer;

namespace vermilion {

// What happened to a lock, as refreshes and keyspace events saw it.
struct LockEvent {
    enum class Kind { Observed, Acquired, Released, Expired };
    qint64 atEpochMs = 0;
    Kind kind = Kind::Observed;
    QByteArray owner;
    static QString kindName(Kind kind);
};

// The lock table: one row per lock key, merged in place on each refresh so that selection and
// sorting survive. Time left is a live countdown from the PTTL the server gave and the local clock
// since; a timer repaints that column. Per lock it keeps a short history of acquisitions (a new key
// or a new owner), releases and expiries (a key gone before or after its time ran out, or told by
// a keyspace event).
class LockModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KeyColumn, OwnerColumn, TimeLeftColumn, FlagsColumn, ColumnCount };
    enum Flag { NeverExpires = 1, ExpiringSoon = 2, Expired = 4, NotAString = 8 };
    enum Role { SortRole = Qt::UserRole, KeyRole, OwnerRole, FlagsRole, TimeLeftRole };
    static constexpr int maxHistoryPerLock = 50;
    static constexpr int maxLocksWithHistory = 2000;

    explicit LockModel(QObject* parent = nullptr);

    // A full refresh: rows are added, updated and removed to match.
    void setLocks(const QList<LockEntry>& locks);
    // Some keys re-read after events: a pttl of -2 removes the row (as a release).
    void updateLocks(const QList<LockEntry>& locks);
    // A keyspace event said the key is gone.
    void removeLock(const QByteArray& key, LockEvent::Kind why);

    void setExpiringSoonMs(qint64 ms);
    qint64 expiringSoonMs() const { return m_expiringSoonMs; }
    // Pauses the countdown repaint (e.g. while the panel is hidden).
    void setTicking(bool ticking);
    bool isTicking() const;

    const LockEntry& lock(int row) const { return m_rows.at(row).entry; }
    int rowOfKey(const QByteArray& key) const;
    // Milliseconds left now: -1 = never expires; 0 once it should have expired.
    qint64 timeLeftMs(int row) const;
    int flags(int row) const;
    QList<LockEvent> history(const QByteArray& key) const { return m_history.value(key); }
    static QString formatDuration(qint64 ms);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void historyChanged(const QByteArray& key);

private:
    struct Row {
        LockEntry entry;
        qint64 deadline = -1; // on m_clock, -1 = never
    };
    Row makeRow(const LockEntry& entry) const;
    void addEvent(const QByteArray& key, LockEvent::Kind kind, const QByteArray& owner);
    void removeRows(QList<int> rows);
    void rebuildIndex();
    void tick();

    QList<Row> m_rows;
    QHash<QByteArray, int> m_index;
    QHash<QByteArray, QList<LockEvent>> m_history;
    QElapsedTimer m_clock;
    QTimer* m_timer;
    qint64 m_expiringSoonMs = 5000;
    bool m_firstRefresh = true;
};

} // namespace vermilion
