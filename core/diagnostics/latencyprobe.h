#pragma once

#include "client/connection.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <array>
#include <memory>

class QTimer;

namespace vermilion {

class Session;

// Round-trip times as seen from this machine, like redis-cli --latency, --latency-history and
// --latency-dist: a PING on a link of the probe's own (so it never queues behind a tool's commands),
// one at a time, every interval. Keeps the extremes, the mean, percentiles (from a log-linear
// histogram, within about 1 %, at any number of samples), a coarse distribution, and one point per
// history interval.
class LatencyStats {
public:
    struct Point {
        QDateTime time; // end of the interval
        double minMs = 0;
        double averageMs = 0;
        double maxMs = 0;
        qint64 samples = 0;
    };
    struct Range {
        double fromMs = 0;
        double toMs = 0; // infinity for the last
        qint64 count = 0;
    };

    void add(double milliseconds);
    void reset();
    qint64 count() const { return m_count; }
    double minMs() const { return m_count ? m_min : 0; }
    double maxMs() const { return m_count ? m_max : 0; }
    double averageMs() const { return m_count ? m_sum / double(m_count) : 0; }
    // p in [0, 100]; 0 without samples.
    double percentileMs(double p) const;
    QList<Range> distribution() const;

private:
    static constexpr int subBuckets = 64; // per power of two: ~1.1 % wide
    static constexpr int powers = 40; // 1 ns .. ~18 minutes
    static int bucketOf(double nanoseconds);
    static double bucketMiddleNs(int bucket);
    std::array<qint64, size_t(subBuckets * powers)> m_buckets {};
    qint64 m_count = 0;
    double m_sum = 0;
    double m_min = 0;
    double m_max = 0;
};

class LatencyProbe : public QObject {
    Q_OBJECT
public:
    // node: on a cluster, which node ("" = the session's default).
    explicit LatencyProbe(Session* session, const QString& node = {}, QObject* parent = nullptr);
    ~LatencyProbe() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    void reset();
    // Milliseconds between one reply and the next PING (redis-cli: 10).
    void setInterval(int milliseconds);
    // One history point per this many milliseconds (redis-cli --latency-history: 15 s).
    void setHistoryInterval(int milliseconds);
    int historyInterval() const { return m_historyIntervalMs; }

    const LatencyStats& total() const { return m_total; }
    const LatencyStats& currentInterval() const { return m_interval; }
    const QList<LatencyStats::Point>& history() const { return m_history; }
    static constexpr int maxHistoryPoints = 2000;
    QString lastError() const { return m_lastError; }

signals:
    // At most every 100 ms while samples come in.
    void updated();
    void historyPoint(const vermilion::LatencyStats::Point& point);
    void errorOccurred(const QString& message);

private:
    void sendNext();
    void onSample(double milliseconds, const QString& error);
    void closeInterval();

    QPointer<Session> m_session;
    QString m_node;
    std::unique_ptr<Connection> m_link;
    QTimer* m_next = nullptr;
    QTimer* m_historyTimer = nullptr;
    QTimer* m_notify = nullptr;
    bool m_running = false;
    bool m_inFlight = false;
    bool m_dirty = false;
    int m_historyIntervalMs = 15000;
    LatencyStats m_total;
    LatencyStats m_interval;
    QList<LatencyStats::Point> m_history;
    QString m_lastError;
    std::shared_ptr<int> m_token = std::make_shared<int>(0);
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::LatencyStats::Point)
