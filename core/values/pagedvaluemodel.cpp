#include "pagedvaluemodel.h"

#include <QTimer>
#include <algorithm>
#include <limits>

namespace vermilion {

void PagedValueModel::reload()
{
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setSingleShot(true);
        m_flushTimer->setInterval(0);
        connect(m_flushTimer, &QTimer::timeout, this, &PagedValueModel::flushRequests);
    }
    const quint64 current = startGeneration();
    m_wanted.clear();
    m_inFlight.clear();
    setLoading(true);
    // The count and the first page travel in one pipeline, so the first rows need one round trip.
    fetch({ countCommand(), pageCommand(0, pageSize) }, [this, current](const QList<Reply>& replies) {
        Q_ASSERT(current == generation());
        beginResetModel();
        m_pages.clear();
        m_count = qMax<qint64>(0, replies.at(0).toInteger());
        if (m_count > 0)
            m_pages.insert(0, parsePage(replies.at(1)));
        endResetModel();
        setLoading(false);
    });
}

int PagedValueModel::rowCount(const QModelIndex& parent) const
{
    // A view's row count is an int; a key with more than 2^31 elements shows the first 2^31.
    return parent.isValid() ? 0 : int(qMin<qint64>(m_count, std::numeric_limits<int>::max()));
}

bool PagedValueModel::isRowLoaded(int row) const
{
    const auto page = m_pages.constFind(row / pageSize);
    return page != m_pages.constEnd() && row % pageSize < page->size();
}

void PagedValueModel::requestRows(int first, int last) const
{
    if (first < 0 || last < first)
        return;
    for (int page = first / pageSize; page <= last / pageSize; ++page) {
        if (!m_pages.contains(page) && !m_inFlight.contains(page))
            m_wanted.insert(page);
    }
    if (!m_wanted.isEmpty() && m_flushTimer && !m_flushTimer->isActive())
        m_flushTimer->start();
}

const PagedValueModel::Row* PagedValueModel::rowAt(int row) const
{
    const auto page = m_pages.constFind(row / pageSize);
    if (page == m_pages.constEnd()) {
        requestRows(row, row);
        return nullptr;
    }
    // The key shrank since it was counted: the row has no element any more.
    if (row % pageSize >= page->size())
        return nullptr;
    return &page->at(row % pageSize);
}

void PagedValueModel::replaceRow(int row, const Row& value)
{
    auto page = m_pages.find(row / pageSize);
    if (page == m_pages.end() || row % pageSize >= page->size())
        return;
    (*page)[row % pageSize] = value;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void PagedValueModel::flushRequests()
{
    if (m_wanted.isEmpty())
        return;
    QList<int> pages(m_wanted.cbegin(), m_wanted.cend());
    m_wanted.clear();
    std::sort(pages.begin(), pages.end());
    QList<Command> commands;
    for (int page : pages) {
        m_inFlight.insert(page);
        commands.append(pageCommand(qint64(page) * pageSize, pageSize));
    }
    setLoading(true);
    fetch(commands, [this, pages](const QList<Reply>& replies) {
        for (qsizetype i = 0; i < pages.size(); ++i) {
            const int page = pages.at(i);
            m_inFlight.remove(page);
            m_pages.insert(page, parsePage(replies.at(i)));
            while (m_pages.size() > maxCachedPages) {
                // Drop the page farthest from the one just read: it is the least likely to be on screen.
                int farthest = page;
                for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
                    if (qAbs(it.key() - page) > qAbs(farthest - page))
                        farthest = it.key();
                }
                m_pages.remove(farthest);
            }
            const int first = page * pageSize;
            const int last = int(qMin<qint64>(m_count, qint64(first) + pageSize)) - 1;
            if (last >= first)
                emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        }
        if (m_inFlight.isEmpty())
            setLoading(false);
    });
}

} // namespace vermilion
