#pragma once

#include "valuemodel.h"

#include <QHash>
#include <QList>
#include <QSet>

class QTimer;

namespace vermilion {

// A model whose size is known up front (LLEN, ZCARD, ZCOUNT) and whose rows are read by position
// (LRANGE, ZRANGE) only when a view asks for them: data() on a row not loaded yet answers
// "Loading..." and queues its page; the queue is flushed by a zero-delay timer so one scroll step
// becomes one pipeline of page requests. At most maxCachedPages pages are kept: scrolling through a
// million elements drops the pages farthest from the last one loaded and reads them again if needed.
class PagedValueModel : public ValueModel {
    Q_OBJECT
public:
    static constexpr int pageSize = 500;
    static constexpr int maxCachedPages = 200;

    using ValueModel::ValueModel;

    void reload() override;
    int rowCount(const QModelIndex& parent = {}) const override;
    qint64 totalCount() const { return m_count; }
    bool isRowLoaded(int row) const;
    // Queues the pages holding these rows (views do this through data(); tests and exports call it).
    void requestRows(int first, int last) const;
    int cachedPageCount() const { return int(m_pages.size()); }

protected:
    struct Row {
        QByteArray first; // list element, zset member
        QByteArray second; // zset score
    };
    virtual Command countCommand() const = 0;
    virtual Command pageCommand(qint64 start, int count) const = 0;
    virtual QList<Row> parsePage(const Reply& reply) const = 0;

    // The row, or null when its page is not loaded (the page is then queued).
    const Row* rowAt(int row) const;
    void replaceRow(int row, const Row& value);

private:
    void flushRequests();

    qint64 m_count = 0;
    QHash<int, QList<Row>> m_pages;
    mutable QSet<int> m_wanted;
    QSet<int> m_inFlight;
    QTimer* m_flushTimer = nullptr;
};

} // namespace vermilion
