#include "collectionsearch.h"

#include "client/session.h"
#include "util/posting.h"

namespace vermilion {

CollectionSearch::CollectionSearch(Session* session, const QByteArray& key, Kind kind, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_key(key)
    , m_kind(kind)
{
}

void CollectionSearch::find(const QByteArray& needle, qint64 start, qint64 total, bool backward, Qt::CaseSensitivity cs)
{
    cancel();
    m_needle = cs == Qt::CaseInsensitive ? needle.toLower() : needle;
    m_cs = cs;
    m_backward = backward;
    m_total = total;
    m_start = qBound<qint64>(0, start, qMax<qint64>(0, total - 1));
    m_pages.clear();
    m_arrived.clear();
    m_nextPage = 0;
    m_nextToCheck = 0;
    m_looked = 0;
    m_inFlight = 0;
    if (needle.isEmpty() || total <= 0) {
        emit notFound();
        return;
    }
    // The rows in search order, cut into pages that never cross the end of the collection.
    if (!backward) {
        for (qint64 row = m_start; row < total; row += pageSize)
            m_pages.append({ row, qMin(pageSize, total - row), false });
        for (qint64 row = 0; row < m_start; row += pageSize)
            m_pages.append({ row, qMin(pageSize, m_start - row), true });
    } else {
        for (qint64 last = m_start; last >= 0; last -= pageSize)
            m_pages.append({ qMax<qint64>(0, last - pageSize + 1), qMin(pageSize, last + 1), false });
        for (qint64 last = total - 1; last > m_start; last -= pageSize) {
            const qint64 first = qMax(m_start + 1, last - pageSize + 1);
            m_pages.append({ first, last - first + 1, true });
        }
    }
    m_busy = true;
    requestMore();
}

void CollectionSearch::cancel()
{
    m_jobs.next();
    m_busy = false;
    m_arrived.clear();
    m_inFlight = 0;
}

void CollectionSearch::requestMore()
{
    while (m_busy && m_inFlight < pagesInFlight && m_nextPage < m_pages.size()) {
        const qint64 index = m_nextPage++;
        const Page page = m_pages.at(index);
        const QByteArray first = QByteArray::number(page.first);
        const QByteArray last = QByteArray::number(page.first + page.count - 1);
        const Command command = m_kind == Kind::List ? Command { "LRANGE", m_key, first, last }
                                                     : Command { "ZRANGE", m_key, first, last };
        ++m_inFlight;
        const JobTracker::Ticket generation = m_jobs.current();
        m_session->execute(
            command, this,
            [this, generation, index](const Reply& reply) {
                if (m_jobs.isStale(generation))
                    return;
                if (reply.isError()) {
                    m_busy = false;
                    emit failed(reply.errorMessage());
                    return;
                }
                // Matched in the pool, which also lets the page go there: a page of big elements
                // (5000 of them, lowered for a case-insensitive match) is no work for the UI thread.
                runInPoolFor(
                    this,
                    [page = reply, needle = m_needle, cs = m_cs, backward = m_backward] {
                        Looked looked { page.size(), -1 };
                        for (qsizetype k = 0; k < page.size(); ++k) {
                            const qsizetype i = backward ? page.size() - 1 - k : k;
                            const QByteArray element = page.at(i).bytes();
                            if (cs == Qt::CaseInsensitive ? element.toLower().contains(needle)
                                                          : element.contains(needle)) {
                                looked.match = i;
                                break;
                            }
                        }
                        return looked;
                    },
                    [this, generation, index](Looked looked) {
                        if (!m_jobs.isStale(generation))
                            onPage(generation, index, looked);
                    });
            },
            Session::Role::Bulk);
    }
}

void CollectionSearch::onPage(quint64 generation, qint64 index, Looked looked)
{
    --m_inFlight;
    m_arrived.insert(index, looked);
    // Pages are looked at in search order, so the first match reported is the nearest one.
    while (!m_jobs.isStale(generation) && m_arrived.contains(m_nextToCheck)) {
        const Looked page = m_arrived.take(m_nextToCheck);
        const Page& where = m_pages.at(m_nextToCheck);
        ++m_nextToCheck;
        if (page.match >= 0) {
            m_busy = false;
            m_jobs.next(); // drop the pages still in flight
            emit found(where.first + page.match, where.wrapped);
            return;
        }
        m_looked += page.size;
        emit progress(m_looked, m_total);
    }
    if (m_nextToCheck >= m_pages.size()) {
        m_busy = false;
        emit notFound();
        return;
    }
    requestMore();
}

} // namespace vermilion
