#include "lockmodel.h"

#include "util/redistext.h"

#include <QTimer>
#include <algorithm>
#include <limits>

namespace vermilion {

QString LockEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Observed:
        return LockModel::tr("held");
    case Kind::Acquired:
        return LockModel::tr("acquired");
    case Kind::Released:
        return LockModel::tr("released");
    case Kind::Expired:
        return LockModel::tr("expired");
    }
    return {};
}

LockModel::LockModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
{
    m_clock.start();
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &LockModel::tick);
    m_timer->start();
}

void LockModel::setTicking(bool ticking)
{
    if (ticking && !m_timer->isActive())
        m_timer->start();
    else if (!ticking)
        m_timer->stop();
}

bool LockModel::isTicking() const
{
    return m_timer->isActive();
}

void LockModel::setExpiringSoonMs(qint64 ms)
{
    m_expiringSoonMs = qMax<qint64>(0, ms);
    tick();
}

LockModel::Row LockModel::makeRow(const LockEntry& entry) const
{
    Row row;
    row.entry = entry;
    row.deadline = entry.pttlMs >= 0 ? m_clock.elapsed() + entry.pttlMs : -1;
    return row;
}

void LockModel::addEvent(const QByteArray& key, LockEvent::Kind kind, const QByteArray& owner)
{
    if (!m_history.contains(key) && m_history.size() >= maxLocksWithHistory)
        m_history.erase(m_history.begin()); // forget some old lock rather than grow without end
    QList<LockEvent>& events = m_history[key];
    events.append({ QDateTime::currentMSecsSinceEpoch(), kind, owner });
    if (events.size() > maxHistoryPerLock)
        events.remove(0, events.size() - maxHistoryPerLock);
    emit historyChanged(key);
}

void LockModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).entry.key, i);
}

int LockModel::rowOfKey(const QByteArray& key) const
{
    return m_index.value(key, -1);
}

void LockModel::removeRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // From the end, in contiguous runs, so the indexes before a run stay valid.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        int last = rows.at(i);
        int first = last;
        while (i > 0 && rows.at(i - 1) == first - 1) {
            --i;
            --first;
        }
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        --i;
    }
    rebuildIndex();
}

void LockModel::setLocks(const QList<LockEntry>& locks)
{
    const bool first = m_firstRefresh;
    m_firstRefresh = false;
    QHash<QByteArray, int> incoming;
    incoming.reserve(locks.size());
    for (int i = 0; i < locks.size(); ++i)
        incoming.insert(locks.at(i).key, i);

    QList<int> gone;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row& existing = m_rows.at(row);
        if (!incoming.contains(existing.entry.key)) {
            const qint64 left = timeLeftMs(row);
            addEvent(existing.entry.key,
                left >= 0 && left <= 250 ? LockEvent::Kind::Expired : LockEvent::Kind::Released, existing.entry.owner);
            gone.append(row);
        }
    }
    removeRows(gone);

    QList<Row> added;
    for (const LockEntry& entry : locks) {
        const int row = rowOfKey(entry.key);
        if (row < 0) {
            added.append(makeRow(entry));
            addEvent(entry.key, first ? LockEvent::Kind::Observed : LockEvent::Kind::Acquired, entry.owner);
            continue;
        }
        Row& existing = m_rows[row];
        const bool ownerChanged = existing.entry.owner != entry.owner;
        if (ownerChanged)
            addEvent(entry.key, LockEvent::Kind::Acquired, entry.owner);
        existing = makeRow(entry);
        if (ownerChanged)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, TimeLeftColumn), index(int(m_rows.size()) - 1, FlagsColumn));
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        for (Row& row : added) {
            m_index.insert(row.entry.key, int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
}

void LockModel::updateLocks(const QList<LockEntry>& locks)
{
    for (const LockEntry& entry : locks) {
        const int row = rowOfKey(entry.key);
        if (entry.pttlMs == -2) {
            if (row >= 0)
                removeLock(entry.key, LockEvent::Kind::Released);
            continue;
        }
        if (row < 0) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_index.insert(entry.key, int(m_rows.size()));
            m_rows.append(makeRow(entry));
            endInsertRows();
            addEvent(entry.key, LockEvent::Kind::Acquired, entry.owner);
            continue;
        }
        if (m_rows.at(row).entry.owner != entry.owner)
            addEvent(entry.key, LockEvent::Kind::Acquired, entry.owner);
        m_rows[row] = makeRow(entry);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void LockModel::removeLock(const QByteArray& key, LockEvent::Kind why)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    addEvent(key, why, m_rows.at(row).entry.owner);
    removeRows({ row });
}

qint64 LockModel::timeLeftMs(int row) const
{
    const Row& r = m_rows.at(row);
    if (r.deadline < 0)
        return -1;
    return qMax<qint64>(0, r.deadline - m_clock.elapsed());
}

int LockModel::flags(int row) const
{
    int result = 0;
    const qint64 left = timeLeftMs(row);
    if (m_rows.at(row).entry.pttlMs == -1)
        result |= NeverExpires;
    else if (left == 0)
        result |= Expired;
    else if (left <= m_expiringSoonMs)
        result |= ExpiringSoon;
    if (!m_rows.at(row).entry.isString)
        result |= NotAString;
    return result;
}

QString LockModel::formatDuration(qint64 ms)
{
    if (ms < 0)
        return tr("never");
    if (ms < 10000)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

void LockModel::tick()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, TimeLeftColumn), index(int(m_rows.size()) - 1, FlagsColumn),
            { Qt::DisplayRole, SortRole, FlagsRole, TimeLeftRole, Qt::ToolTipRole });
}

int LockModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LockModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LockModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LockEntry& entry = m_rows.at(index.row()).entry;
    switch (role) {
    case KeyRole:
        return entry.key;
    case OwnerRole:
        return entry.owner;
    case FlagsRole:
        return flags(index.row());
    case TimeLeftRole:
        return timeLeftMs(index.row());
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole: {
        switch (index.column()) {
        case NameColumn:
            return RedisText::escape(entry.name);
        case KeyColumn:
            return RedisText::escape(entry.key);
        case OwnerColumn:
            if (!entry.isString)
                return role == SortRole ? QString() : tr("(not a string)");
            return RedisText::escape(entry.owner);
        case TimeLeftColumn: {
            const qint64 left = timeLeftMs(index.row());
            if (role == SortRole)
                return left < 0 ? std::numeric_limits<qint64>::max() : left;
            if (role == Qt::ToolTipRole)
                return left < 0
                    ? tr("PTTL -1: this lock never expires.")
                    : tr("%n ms left at the last refresh.", nullptr, int(qMin<qint64>(entry.pttlMs, INT_MAX)));
            return left == 0 ? tr("expired") : formatDuration(left);
        }
        case FlagsColumn: {
            const int f = flags(index.row());
            if (role == SortRole) // the most serious first when sorted descending
                return (f & NotAString) ? 4 : (f & NeverExpires) ? 3 : (f & Expired) ? 2 : (f & ExpiringSoon) ? 1 : 0;
            QStringList words;
            if (f & NeverExpires)
                words << (role == Qt::ToolTipRole ? tr("Never expires (PTTL -1): its holder set no timeout, so it is "
                                                       "only released by hand. A bug in the holder.")
                                                  : tr("never expires"));
            if (f & ExpiringSoon)
                words << tr("expiring soon");
            if (f & Expired)
                words << tr("expired, not yet refreshed");
            if (f & NotAString)
                words << tr("not a string: not written by a lock library");
            return words.join(QStringLiteral(", "));
        }
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant LockModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Lock");
    case KeyColumn:
        return tr("Key");
    case OwnerColumn:
        return tr("Owner");
    case TimeLeftColumn:
        return tr("Time left");
    case FlagsColumn:
        return tr("Flags");
    }
    return {};
}

} // namespace vermilion
