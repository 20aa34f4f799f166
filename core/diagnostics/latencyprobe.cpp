#include "latencyprobe.h"

#include "client/session.h"
#include "util/posting.h"

#include <QTimer>

#include <chrono>
#include <cmath>
#include <limits>

namespace vermilion {

int LatencyStats::bucketOf(double nanoseconds)
{
    if (nanoseconds < 1)
        return 0;
    int exponent = 0;
    const double mantissa = std::frexp(nanoseconds, &exponent); // [0.5, 1)
    const int power = exponent - 1; // nanoseconds in [2^power, 2^(power+1))
    if (power >= powers)
        return subBuckets * powers - 1;
    const int sub = int((mantissa * 2.0 - 1.0) * subBuckets);
    return power * subBuckets + qBound(0, sub, subBuckets - 1);
}

double LatencyStats::bucketMiddleNs(int bucket)
{
    const int power = bucket / subBuckets;
    const int sub = bucket % subBuckets;
    return std::ldexp(1.0 + (double(sub) + 0.5) / subBuckets, power);
}

void LatencyStats::add(double milliseconds)
{
    if (m_count == 0) {
        m_min = milliseconds;
        m_max = milliseconds;
    } else {
        m_min = std::min(m_min, milliseconds);
        m_max = std::max(m_max, milliseconds);
    }
    ++m_count;
    m_sum += milliseconds;
    ++m_buckets[size_t(bucketOf(milliseconds * 1e6))];
}

void LatencyStats::reset() { *this = LatencyStats(); }

double LatencyStats::percentileMs(double p) const
{
    if (m_count == 0)
        return 0;
    if (p <= 0)
        return m_min;
    if (p >= 100)
        return m_max;
    // The smallest value with at least p % of the samples at or below it.
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(p / 100.0 * double(m_count))));
    qint64 seen = 0;
    for (size_t bucket = 0; bucket < m_buckets.size(); ++bucket) {
        seen += m_buckets[bucket];
        if (seen >= rank)
            return std::clamp(bucketMiddleNs(int(bucket)) / 1e6, m_min, m_max);
    }
    return m_max;
}

QList<LatencyStats::Range> LatencyStats::distribution() const
{
    // The ranges redis-cli --latency-dist speaks of, in milliseconds.
    static const double edges[] = { 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 250, 500, 1000 };
    QList<Range> ranges;
    double from = 0;
    for (double edge : edges) {
        ranges.append({ from, edge, 0 });
        from = edge;
    }
    ranges.append({ from, std::numeric_limits<double>::infinity(), 0 });
    for (size_t bucket = 0; bucket < m_buckets.size(); ++bucket) {
        if (m_buckets[bucket] == 0)
            continue;
        const double ms = bucketMiddleNs(int(bucket)) / 1e6;
        for (Range& range : ranges) {
            if (ms < range.toMs) {
                range.count += m_buckets[bucket];
                break;
            }
        }
    }
    return ranges;
}

LatencyProbe::LatencyProbe(Session* session, const QString& node, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_node(node)
    , m_next(new QTimer(this))
    , m_historyTimer(new QTimer(this))
    , m_notify(new QTimer(this))
{
    qRegisterMetaType<LatencyStats::Point>();
    m_next->setSingleShot(true);
    m_next->setInterval(10);
    connect(m_next, &QTimer::timeout, this, &LatencyProbe::sendNext);
    m_historyTimer->setInterval(m_historyIntervalMs);
    connect(m_historyTimer, &QTimer::timeout, this, &LatencyProbe::closeInterval);
    m_notify->setInterval(100);
    connect(m_notify, &QTimer::timeout, this, [this] {
        if (m_dirty) {
            m_dirty = false;
            emit updated();
        }
    });
}

LatencyProbe::~LatencyProbe()
{
    m_token.reset();
}

void LatencyProbe::setInterval(int milliseconds) { m_next->setInterval(qMax(0, milliseconds)); }

void LatencyProbe::setHistoryInterval(int milliseconds)
{
    m_historyIntervalMs = qMax(100, milliseconds);
    m_historyTimer->setInterval(m_historyIntervalMs);
}

void LatencyProbe::start()
{
    if (m_running || !m_session)
        return;
    m_running = true;
    if (!m_link) {
        m_link = m_session->createOwnLink("vermilion:latency", {}, m_node);
        // The first PING goes once the link is up: the connect itself is not a round trip.
        connect(m_link.get(), &Connection::stateChanged, this, [this](Connection::State state) {
            if (state == Connection::State::Connected && m_running && !m_inFlight)
                sendNext();
        });
        m_link->open();
    }
    m_historyTimer->start();
    m_notify->start();
    sendNext();
}

void LatencyProbe::stop()
{
    m_running = false;
    m_next->stop();
    m_historyTimer->stop();
    m_notify->stop();
    if (m_dirty) {
        m_dirty = false;
        emit updated();
    }
}

void LatencyProbe::reset()
{
    m_total.reset();
    m_interval.reset();
    m_history.clear();
    m_lastError.clear();
    if (m_running)
        m_historyTimer->start(); // the next interval starts now
    emit updated();
}

void LatencyProbe::sendNext()
{
    if (!m_running || m_inFlight || !m_link || m_link->state() != Connection::State::Connected)
        return; // not up (yet): the link's stateChanged sends the next one
    m_inFlight = true;
    // Timed in the link's own thread, from just before the PING is queued to the moment its reply is
    // parsed: the UI thread's own delays never count.
    const auto sent = std::chrono::steady_clock::now();
    QPointer<LatencyProbe> guard(this);
    QThread* thread = this->thread();
    std::weak_ptr<int> token = m_token;
    m_link->executeDirect({ "PING" }, [sent, guard, thread, token](Reply&& reply) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
        const QString error = reply.isError() ? reply.errorMessage() : QString();
        postToThread(thread, [guard, token, ms, error] {
            if (guard && !token.expired())
                guard->onSample(ms, error);
        });
    });
}

void LatencyProbe::onSample(double milliseconds, const QString& error)
{
    m_inFlight = false;
    if (!error.isEmpty()) {
        m_lastError = error;
        emit errorOccurred(error);
        if (m_running)
            m_next->start(500); // the link is down: try again a little later
        return;
    }
    m_total.add(milliseconds);
    m_interval.add(milliseconds);
    m_dirty = true;
    if (m_running)
        m_next->start();
}

void LatencyProbe::closeInterval()
{
    if (m_interval.count() == 0)
        return;
    LatencyStats::Point point { QDateTime::currentDateTime(), m_interval.minMs(), m_interval.averageMs(),
                                m_interval.maxMs(), m_interval.count() };
    m_history.append(point);
    if (m_history.size() > maxHistoryPoints)
        m_history.remove(0, m_history.size() - maxHistoryPoints);
    m_interval.reset();
    emit historyPoint(point);
}

} // namespace vermilion
