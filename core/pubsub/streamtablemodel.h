#pragma once

#include <QAbstractTableModel>
#include <deque>
#include <vector>

namespace vermilion {

// A table over a bounded ring of rows that arrive as a stream (pub/sub messages, MONITOR lines).
// The ring keeps the newest capacity() rows: older ones are dropped and counted, never the
// connection. Rows arrive in batches (one insert per batch, one removal at the front for what the
// ring evicted). A filter (accepts()) picks the rows the view shows; pausing freezes the view while
// rows keep arriving into a bounded hold that is applied on resume.
template<typename Row> class StreamTableModel : public QAbstractTableModel {
public:
    explicit StreamTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent)
    {
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (parent.isValid())
            return 0;
        return int(m_filtered ? m_visible.size() : m_rows.size());
    }

    qsizetype capacity() const { return m_capacity; }
    void setCapacity(qsizetype capacity)
    {
        m_capacity = qMax<qsizetype>(1, capacity);
        if (qsizetype(m_rows.size()) > m_capacity)
            evict(qsizetype(m_rows.size()) - m_capacity);
        while (qsizetype(m_held.size()) > m_capacity) {
            m_held.pop_front();
            ++m_dropped;
        }
        countsUpdated();
    }

    // Rows taken in since the last clear(), dropped ones included.
    qint64 received() const { return m_received; }
    // Rows that fell out of the ring (or out of the hold while paused).
    qint64 dropped() const { return m_dropped; }
    // Rows in the ring (shown or not).
    qsizetype stored() const { return qsizetype(m_rows.size()); }
    qsizetype held() const { return qsizetype(m_held.size()); }
    bool isPaused() const { return m_paused; }

    void setPaused(bool paused)
    {
        if (m_paused == paused)
            return;
        m_paused = paused;
        if (!paused && !m_held.empty()) {
            std::vector<Row> held(std::make_move_iterator(m_held.begin()), std::make_move_iterator(m_held.end()));
            m_held.clear();
            apply(std::move(held));
        }
        countsUpdated();
    }

    void append(std::vector<Row>&& rows)
    {
        if (rows.empty())
            return;
        m_received += qint64(rows.size());
        if (m_paused) {
            for (Row& row : rows) {
                if (qsizetype(m_held.size()) >= m_capacity) {
                    m_held.pop_front();
                    ++m_dropped;
                }
                m_held.push_back(std::move(row));
            }
        } else {
            apply(std::move(rows));
        }
        countsUpdated();
    }

    void clear()
    {
        beginResetModel();
        m_rows.clear();
        m_visible.clear();
        m_held.clear();
        m_firstSeq = 0;
        m_received = 0;
        m_dropped = 0;
        endResetModel();
        countsUpdated();
    }

    // The row shown at a view row.
    const Row& rowAt(int viewRow) const
    {
        return m_filtered ? m_rows[size_t(m_visible[size_t(viewRow)] - m_firstSeq)] : m_rows[size_t(viewRow)];
    }
    // Every stored row shown by the filter, oldest first.
    template<typename F> void forEachShown(F&& f) const
    {
        for (int row = 0; row < rowCount(); ++row)
            f(rowAt(row));
    }

protected:
    virtual bool accepts(const Row& row) const = 0;
    // Whether accepts() can refuse anything (false: every row shows, the fast path).
    virtual bool filterActive() const = 0;
    // Called after counters changed (subclasses emit a signal).
    virtual void countsUpdated() { }

    // Subclasses call this after their filter changed.
    void refilter()
    {
        beginResetModel();
        m_filtered = filterActive();
        m_visible.clear();
        if (m_filtered) {
            for (size_t i = 0; i < m_rows.size(); ++i) {
                if (accepts(m_rows[i]))
                    m_visible.push_back(m_firstSeq + qint64(i));
            }
        }
        endResetModel();
    }

private:
    void evict(qsizetype count)
    {
        if (count <= 0)
            return;
        const qint64 newFirst = m_firstSeq + count;
        int shownGone = 0;
        if (m_filtered) {
            while (size_t(shownGone) < m_visible.size() && m_visible[size_t(shownGone)] < newFirst)
                ++shownGone;
        } else {
            shownGone = int(count);
        }
        if (shownGone > 0)
            beginRemoveRows({}, 0, shownGone - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + count);
        if (m_filtered)
            m_visible.erase(m_visible.begin(), m_visible.begin() + shownGone);
        m_firstSeq = newFirst;
        m_dropped += count;
        if (shownGone > 0)
            endRemoveRows();
    }

    void apply(std::vector<Row>&& rows)
    {
        size_t skip = 0;
        if (qsizetype(rows.size()) > m_capacity) {
            // More than the ring holds: the oldest of the batch never make it in.
            skip = rows.size() - size_t(m_capacity);
            m_dropped += qint64(skip);
        }
        const qsizetype incoming = qsizetype(rows.size() - skip);
        evict(qsizetype(m_rows.size()) + incoming - m_capacity);
        const qint64 firstNewSeq = m_firstSeq + qint64(m_rows.size());
        int shown = int(incoming);
        std::vector<qint64> newVisible;
        if (m_filtered) {
            for (size_t i = skip; i < rows.size(); ++i) {
                if (accepts(rows[i]))
                    newVisible.push_back(firstNewSeq + qint64(i - skip));
            }
            shown = int(newVisible.size());
        }
        const int first = rowCount();
        if (shown > 0)
            beginInsertRows({}, first, first + shown - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin() + qsizetype(skip)),
            std::make_move_iterator(rows.end()));
        if (m_filtered)
            m_visible.insert(m_visible.end(), newVisible.begin(), newVisible.end());
        if (shown > 0)
            endInsertRows();
    }

    std::deque<Row> m_rows;
    std::deque<qint64> m_visible; // sequence numbers of shown rows (filter active only)
    std::deque<Row> m_held; // arrived while paused
    qint64 m_firstSeq = 0; // sequence number of m_rows.front()
    qsizetype m_capacity = 100'000;
    qint64 m_received = 0;
    qint64 m_dropped = 0;
    bool m_paused = false;
    bool m_filtered = false;
};

} // namespace vermilion
