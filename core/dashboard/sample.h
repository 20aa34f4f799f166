#pragma once

#include <QtGlobal>

#include <cmath>
#include <limits>

namespace vermilion {

// One poll of the dashboard, reduced to what the charts draw. Floats, not doubles: 24 hours at one
// sample a second must stay small (see History), and a chart has no use for more precision. A value
// the server did not report, or a rate that cannot be computed (first poll, counter reset), is NaN.
struct Sample {
    static constexpr float noData = std::numeric_limits<float>::quiet_NaN();
    static bool has(float value) { return !std::isnan(value); }

    qint64 timeMs = 0; // milliseconds since the epoch
    float commandsPerSecond = noData;
    float usedMemory = noData;
    float rssMemory = noData;
    float peakMemory = noData;
    float maxMemory = noData; // NaN when no limit is set
    float connectedClients = noData;
    float blockedClients = noData;
    float hitRatioPercent = noData;
    float networkInPerSecond = noData; // bytes
    float networkOutPerSecond = noData;
    float cpuPercent = noData; // of one core, user + system
    float keys = noData; // all databases
    float expires = noData;
    float expiredPerSecond = noData;
    float evictedPerSecond = noData;
};

} // namespace vermilion
