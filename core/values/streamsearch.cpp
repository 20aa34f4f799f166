#include "streamsearch.h"

#include "client/session.h"
#include "util/posting.h"

namespace vermilion {

StreamSearch::StreamSearch(Session* session, const QByteArray& key, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_key(key)
{
}

bool StreamSearch::matches(
    const QByteArray& id, const QList<QByteArray>& fieldsAndValues, const QByteArray& needle, Qt::CaseSensitivity cs)
{
    auto contains = [&](const QByteArray& bytes) {
        return cs == Qt::CaseInsensitive ? bytes.toLower().contains(needle) : bytes.contains(needle);
    };
    if (contains(id))
        return true;
    for (const QByteArray& part : fieldsAndValues) {
        if (contains(part))
            return true;
    }
    return false;
}

void StreamSearch::find(
    const QByteArray& needle, const QByteArray& from, Direction direction, qint64 total, Qt::CaseSensitivity cs)
{
    cancel();
    m_needle = cs == Qt::CaseInsensitive ? needle.toLower() : needle;
    m_cs = cs;
    m_direction = direction;
    m_from = from;
    m_after = from;
    m_wrapped = false;
    m_total = total;
    m_looked = 0;
    if (needle.isEmpty()) {
        emit notFound();
        return;
    }
    m_busy = true;
    requestPage();
}

void StreamSearch::cancel()
{
    m_jobs.next();
    m_busy = false;
}

void StreamSearch::requestPage()
{
    // First pass: after m_from to the end. Second pass (wrapped): from the other end up to m_from,
    // which is looked at last.
    const bool older = m_direction == Direction::Older;
    const QByteArray start = m_after.isEmpty() ? QByteArray(older ? "+" : "-") : "(" + m_after;
    const QByteArray end = m_wrapped && !m_from.isEmpty() ? m_from : QByteArray(older ? "-" : "+");
    const Command command { older ? "XREVRANGE" : "XRANGE", m_key, start, end, "COUNT", QByteArray::number(pageSize) };
    const JobTracker::Ticket generation = m_jobs.current();
    m_session->execute(
        command, this,
        [this, generation](const Reply& reply) {
            if (m_jobs.isStale(generation))
                return;
            if (reply.isError()) {
                m_busy = false;
                emit failed(reply.errorMessage());
                return;
            }
            // Matched in the pool, which also lets the page go there.
            runInPoolFor(
                this, [page = reply, needle = m_needle, cs = m_cs] { return lookAt(page, needle, cs); },
                [this, generation](const Looked& looked) {
                    if (!m_jobs.isStale(generation))
                        onPage(looked);
                });
        },
        Session::Role::Bulk);
}

StreamSearch::Looked StreamSearch::lookAt(const Reply& page, const QByteArray& needle, Qt::CaseSensitivity cs)
{
    Looked looked;
    looked.size = page.size();
    for (const Reply& entry : page.elements()) {
        if (!entry.isArray() || entry.size() != 2)
            continue;
        const QByteArray id = entry.at(0).bytes();
        QList<QByteArray> parts;
        parts.reserve(entry.at(1).size());
        for (const Reply& part : entry.at(1).elements())
            parts.append(part.bytes());
        if (matches(id, parts, needle, cs)) {
            looked.match = id;
            return looked;
        }
        looked.last = id;
    }
    return looked;
}

void StreamSearch::onPage(const Looked& looked)
{
    if (!looked.match.isEmpty()) {
        m_busy = false;
        m_jobs.next();
        emit found(looked.match, m_wrapped);
        return;
    }
    if (!looked.last.isEmpty())
        m_after = looked.last;
    m_looked += looked.size;
    emit progress(m_looked, m_total);
    if (looked.size < pageSize) {
        // The end of this pass.
        if (m_wrapped || m_from.isEmpty()) {
            m_busy = false;
            emit notFound();
            return;
        }
        m_wrapped = true;
        m_after.clear();
    }
    requestPage();
}

} // namespace vermilion
