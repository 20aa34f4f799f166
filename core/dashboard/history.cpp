#include "history.h"

#include <QDateTime>

namespace vermilion {

History::History(qsizetype capacity)
    : m_capacity(qMax<qsizetype>(1, capacity))
{
    // Address space only: the pages are touched as samples arrive.
    m_samples.reserve(size_t(m_capacity));
}

void History::append(const Sample& sample)
{
    const qsizetype cap = capacity();
    if (m_size < cap) {
        const size_t slot = size_t((m_start + m_size) % cap);
        if (slot < m_samples.size())
            m_samples[slot] = sample;
        else
            m_samples.push_back(sample);
        ++m_size;
    } else {
        m_samples[size_t(m_start)] = sample;
        m_start = (m_start + 1) % cap;
    }
}

void History::clear()
{
    m_start = 0;
    m_size = 0;
}

const Sample& History::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_size);
    return m_samples[size_t((m_start + index) % capacity())];
}

qsizetype History::firstIndexFrom(qint64 timeMs) const
{
    // Samples are appended in time order, so a binary search over the logical order works.
    qsizetype low = 0;
    qsizetype high = m_size;
    while (low < high) {
        const qsizetype middle = (low + high) / 2;
        if (at(middle).timeMs < timeMs)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

QByteArray History::toCsv() const
{
    QByteArray csv = "time,commands_per_sec,used_memory,used_memory_rss,used_memory_peak,maxmemory,"
                     "connected_clients,blocked_clients,hit_ratio_percent,net_input_bytes_per_sec,"
                     "net_output_bytes_per_sec,cpu_percent,keys,expires,expired_keys_per_sec,"
                     "evicted_keys_per_sec\n";
    csv.reserve(csv.size() + m_size * 120);
    const auto cell = [&csv](float value) {
        csv += ',';
        if (Sample::has(value))
            csv += QByteArray::number(double(value), 'g', 9);
    };
    for (qsizetype i = 0; i < m_size; ++i) {
        const Sample& s = at(i);
        csv += QDateTime::fromMSecsSinceEpoch(s.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
        for (float value : { s.commandsPerSecond, s.usedMemory, s.rssMemory, s.peakMemory, s.maxMemory,
                             s.connectedClients, s.blockedClients, s.hitRatioPercent, s.networkInPerSecond,
                             s.networkOutPerSecond, s.cpuPercent, s.keys, s.expires, s.expiredPerSecond,
                             s.evictedPerSecond })
            cell(value);
        csv += '\n';
    }
    return csv;
}

} // namespace vermilion
