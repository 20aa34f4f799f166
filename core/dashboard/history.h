#pragma once

#include "sample.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace vermilion {

// The samples of a dashboard while the app runs: a ring buffer of fixed capacity, so that a dashboard
// left open for days costs the same as one left open for a day. The buffer is reserved at once but
// filled as samples arrive: a fresh dashboard does not write 17 MB of empty samples (which took the
// UI thread tens of milliseconds in page faults every time a workspace was built).
class History {
public:
    static constexpr qsizetype defaultCapacity = 86400; // 24 hours at one poll a second

    explicit History(qsizetype capacity = defaultCapacity);

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Bytes held by the buffer, whatever its fill.
    qsizetype memoryBytes() const { return capacity() * qsizetype(sizeof(Sample)); }

    void append(const Sample& sample);
    void clear();
    // 0 is the oldest sample kept.
    const Sample& at(qsizetype index) const;
    const Sample& last() const { return at(m_size - 1); }
    // Index of the first sample at or after timeMs (size() when none).
    qsizetype firstIndexFrom(qint64 timeMs) const;

    // All kept samples as CSV with a header line; missing values are empty cells.
    QByteArray toCsv() const;

private:
    std::vector<Sample> m_samples;
    qsizetype m_capacity;
    qsizetype m_start = 0;
    qsizetype m_size = 0;
};

} // namespace vermilion
