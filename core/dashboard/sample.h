#pragma once

#include <QtGlobal>

#include <array>
#include <cmath>
#include <limits>

namespace vermilion {

// One poll of the dashboard, reduced to what the charts draw. Floats, not doubles: 24 hours at one
// sample a second must stay small (see History), and a chart has no use for more precision. A value
// the server did not report, or a rate that cannot be computed (first poll, counter reset), is NaN.
struct Sample {
    static constexpr float noData = std::numeric_limits<float>::quiet_NaN();
    static constexpr std::array<float, 16> filled()
    {
        std::array<float, 16> values {};
        values.fill(noData);
        return values;
    }
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
    // Per database, for the first 16 databases (Redis's default count); others only in the totals.
    static constexpr int trackedDatabases = 16;
    std::array<float, trackedDatabases> databaseKeys = filled();
    std::array<float, trackedDatabases> databaseExpires = filled();
    float expiredPerSecond = noData;
    float evictedPerSecond = noData;
};

} // namespace vermilion
