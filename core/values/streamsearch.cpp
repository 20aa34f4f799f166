#include "streamsearch.h"

#include "client/session.h"

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
            for (const Reply& entry : reply.elements()) {
                if (!entry.isArray() || entry.size() != 2)
                    continue;
                const QByteArray id = entry.at(0).bytes();
                QList<QByteArray> parts;
                parts.reserve(entry.at(1).size());
                for (const Reply& part : entry.at(1).elements())
                    parts.append(part.bytes());
                if (matches(id, parts, m_needle, m_cs)) {
                    m_busy = false;
                    m_jobs.next();
                    emit found(id, m_wrapped);
                    return;
                }
                m_after = id;
            }
            m_looked += reply.size();
            emit progress(m_looked, m_total);
            if (reply.size() < pageSize) {
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
        },
        Session::Role::Bulk);
}

} // namespace vermilion
