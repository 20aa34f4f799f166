#pragma once

#include "client/reply.h"
#include "util/jobtracker.h"

#include <QByteArray>
#include <QObject>

namespace vermilion {

class Session;

// Finds the next entry of a stream whose id, a field name or a value contains a piece of text, for
// the stream editor's Find. A stream is read by id, not by position, so pages follow one another:
// each XRANGE / XREVRANGE starts after the last id of the page before (an exclusive range), on the
// session's bulk link. From the entry after `from` to the end of the stream in the chosen direction,
// then round from the other end back to `from`. Matching is on the raw bytes, case-insensitive for
// ASCII unless asked otherwise. Only the page being looked at is kept.
class StreamSearch : public QObject {
    Q_OBJECT
public:
    static constexpr int pageSize = 2000;
    // Older: towards smaller ids (down the newest-first list); Newer: towards bigger ids.
    enum class Direction { Older, Newer };

    StreamSearch(Session* session, const QByteArray& key, QObject* parent = nullptr);

    // from: the id to start after (the selected entry), or empty to start at the end the direction
    // starts from. total: XLEN, for progress.
    void find(const QByteArray& needle, const QByteArray& from, Direction direction, qint64 total,
        Qt::CaseSensitivity cs = Qt::CaseInsensitive);
    void cancel();
    bool isBusy() const { return m_busy; }

    // Whether an entry matches (exposed for tests).
    static bool matches(const QByteArray& id, const QList<QByteArray>& fieldsAndValues, const QByteArray& needle,
        Qt::CaseSensitivity cs);

signals:
    void found(const QByteArray& id, bool wrapped);
    void notFound();
    void progress(qint64 looked, qint64 total);
    void failed(const QString& message);

private:
    // A page looked at (in the pool: entries may hold big values).
    struct Looked {
        QByteArray match; // the first matching entry's id, or empty
        QByteArray last; // the last id looked at before it (or in the page), or empty
        qsizetype size = 0;
    };
    static Looked lookAt(const Reply& page, const QByteArray& needle, Qt::CaseSensitivity cs);
    void requestPage();
    void onPage(const Looked& looked);

    Session* m_session;
    QByteArray m_key;
    QByteArray m_needle;
    Qt::CaseSensitivity m_cs = Qt::CaseInsensitive;
    Direction m_direction = Direction::Older;
    QByteArray m_from; // where the search started (exclusive), empty = an end of the stream
    QByteArray m_after; // the last id looked at, empty = none yet on this pass
    bool m_wrapped = false;
    bool m_busy = false;
    qint64 m_total = 0;
    qint64 m_looked = 0;
    JobTracker m_jobs;
};

} // namespace vermilion
