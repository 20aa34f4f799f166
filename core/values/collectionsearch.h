#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// Finds the next element of a list or sorted set that contains a piece of text, for the editors'
// Find: pages of pageSize elements are read by position (LRANGE, ZRANGE) on the session's bulk
// link, a few in flight, from a start row onwards and round the end once. Matching is on the raw
// bytes (a sorted set's members), case-insensitive for ASCII unless asked otherwise. Nothing is
// kept but the page being looked at, so searching a million elements costs a page of memory.
class CollectionSearch : public QObject {
    Q_OBJECT
public:
    enum class Kind { List, SortedSet };
    static constexpr qint64 pageSize = 5000;
    static constexpr int pagesInFlight = 4;

    CollectionSearch(Session* session, const QByteArray& key, Kind kind, QObject* parent = nullptr);

    // Looks at rows start, start+1, ... (backward: start, start-1, ...) of total, wrapping once.
    void find(const QByteArray& needle, qint64 start, qint64 total, bool backward = false,
        Qt::CaseSensitivity cs = Qt::CaseInsensitive);
    void cancel();
    bool isBusy() const { return m_busy; }

signals:
    void found(qint64 row, bool wrapped);
    void notFound();
    void progress(qint64 looked, qint64 total);
    void failed(const QString& message);

private:
    struct Page {
        qint64 first = 0; // first row
        qint64 count = 0;
        bool wrapped = false; // past the end (or the start, backwards)
    };
    // A page looked at (in the pool: elements may be big): its size, and the offset of its first
    // match in search order, or -1.
    struct Looked {
        qint64 size = 0;
        qint64 match = -1;
    };
    void requestMore();
    void onPage(quint64 generation, qint64 index, Looked looked);

    Session* m_session;
    QByteArray m_key;
    Kind m_kind;
    QByteArray m_needle;
    Qt::CaseSensitivity m_cs = Qt::CaseInsensitive;
    bool m_backward = false;
    qint64 m_start = 0;
    qint64 m_total = 0;
    QList<Page> m_pages; // in search order
    qint64 m_nextPage = 0; // the next page index to ask for
    qint64 m_looked = 0;
    qint64 m_nextToCheck = 0; // pages are checked in order, whatever order they arrive in
    QHash<qint64, Looked> m_arrived;
    int m_inFlight = 0;
    bool m_busy = false;
    JobTracker m_jobs;
};

} // namespace vermilion
