#pragma once

#include <QList>
#include <QMutex>
#include <mutex>
#include <QObject>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

namespace vermilion {

// Decoded messages on their way from a decode thread (the producer) to the thread that shows them
// (the consumer), kept as the chunks the producer made: both sides hold the lock only to move whole
// chunks, never per message. At most limit() items wait; beyond, the oldest waiting ones are
// dropped and counted.
template<typename T> class HandOverQueue {
public:
    void setLimit(qsizetype limit)
    {
        std::vector<Chunk> shed; // freed outside the lock
        QMutexLocker lock(&m_mutex);
        m_limit = qMax<qsizetype>(1, limit);
        shedLocked(&shed);
        lock.unlock();
    }
    qsizetype limit() const
    {
        QMutexLocker lock(&m_mutex);
        return m_limit;
    }

    // Producer. skipped: items the producer dropped itself (counted with the others).
    void append(std::vector<T>&& items, qint64 skipped = 0)
    {
        if (items.empty() && skipped == 0)
            return;
        std::vector<Chunk> shed; // freed outside the lock
        QMutexLocker lock(&m_mutex);
        m_dropped += skipped;
        if (items.empty())
            return;
        m_count += qsizetype(items.size());
        m_chunks.push_back(Chunk { std::move(items), 0 });
        shedLocked(&shed);
        lock.unlock();
    }

    // Consumer: at most maxCount items in arrival order; *dropped gets what was dropped since the
    // last call, *more whether others wait.
    QList<T> take(qsizetype maxCount, qint64* dropped, bool* more)
    {
        {
            QMutexLocker lock(&m_mutex);
            while (m_stagedCount < maxCount && !m_chunks.empty()) {
                Chunk& chunk = m_chunks.front();
                const qsizetype left = qsizetype(chunk.items.size() - chunk.first);
                m_count -= left;
                m_stagedCount += left;
                m_staged.push_back(std::move(chunk));
                m_chunks.pop_front();
            }
            *dropped = std::exchange(m_dropped, 0);
            *more = !m_chunks.empty();
        }
        QList<T> out;
        out.reserve(qMin(maxCount, m_stagedCount));
        while (out.size() < maxCount && !m_staged.empty()) {
            Chunk& chunk = m_staged.front();
            while (out.size() < maxCount && chunk.first < chunk.items.size())
                out.append(std::move(chunk.items[chunk.first++]));
            if (chunk.first == chunk.items.size())
                m_staged.pop_front();
        }
        m_stagedCount -= out.size();
        *more = *more || m_stagedCount > 0;
        return out;
    }

private:
    struct Chunk {
        std::vector<T> items;
        size_t first = 0; // items before it were taken or dropped
    };

    void shedLocked(std::vector<Chunk>* shedChunks)
    {
        while (m_count > m_limit && !m_chunks.empty()) {
            Chunk& chunk = m_chunks.front();
            const qsizetype left = qsizetype(chunk.items.size() - chunk.first);
            const qsizetype shed = qMin(left, m_count - m_limit);
            if (shed == left) {
                shedChunks->push_back(std::move(chunk));
                m_chunks.pop_front();
            } else {
                for (qsizetype i = 0; i < shed; ++i)
                    chunk.items[chunk.first++] = T {};
            }
            m_count -= shed;
            m_dropped += shed;
        }
    }

    mutable std::mutex m_mutex;
    std::deque<Chunk> m_chunks; // guarded by m_mutex
    qsizetype m_count = 0; // items waiting in m_chunks; guarded
    qsizetype m_limit = 2'000'000; // guarded
    qint64 m_dropped = 0; // guarded
    // Consumer only: chunks taken out under the lock, handed over piece by piece.
    std::deque<Chunk> m_staged;
    qsizetype m_stagedCount = 0;
};

// One bounded batch from the queue for the receiving (UI) thread, so that each hand-over stays
// short. When more wait, `again` runs once more through the receiver's event loop, after the events
// that queued meanwhile; *scheduled (the receiver's flag) keeps that to one pending call.
template <typename T>
QList<T> takeBatch(HandOverQueue<T>& queue, qint64* dropped, QObject* receiver, bool* scheduled,
    const std::function<void()>& again)
{
    constexpr qsizetype maxBatch = 8192;
    bool more = false;
    QList<T> items = queue.take(maxBatch, dropped, &more);
    if (more && !*scheduled) {
        *scheduled = true;
        QMetaObject::invokeMethod(
            receiver,
            [scheduled, again] {
                *scheduled = false;
                again();
            },
            Qt::QueuedConnection);
    }
    return items;
}

} // namespace vermilion
