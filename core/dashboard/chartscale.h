#pragma once

#include <QString>
#include <QStringList>

namespace vermilion {

// What the values of a dashboard chart measure; it decides the units the chart speaks in.
enum class Quantity {
    Bytes, // B, KB, MB, GB, TB (1024 per step)
    BytesPerSecond, // B/s, KB/s, MB/s...
    Count, // whole things (keys, clients): 950, 12k, 10M, 3G (1000 per step), never a tick below 1
    Rate, // the same ladder for things per second, where fractions below 1 mean something
    Percent, // never scaled
};

// A unit of a quantity: a raw value (bytes, keys) divided by `divisor` is the number shown, followed
// by `suffix` (" GB", "k", "%", or nothing for counts below 1000).
struct ChartUnit {
    double divisor = 1;
    QString suffix;

    // The raw value in this unit with a fixed number of decimals: "1.5 GB", "12k", "40%".
    QString format(double value, int decimals) const;
    bool operator==(const ChartUnit&) const = default;
};

// The largest unit in which `value` is at least 1; values past the last unit (1024 TB, 1000 G) stay
// in it.
ChartUnit chartUnit(double value, Quantity quantity);

// A raw value in its own unit with three significant digits at most, trailing zeros dropped:
// "1.5 GB", "10M", "3", "99.5%".
QString formatQuantity(double value, Quantity quantity);

// A value axis from 0 to a round top at or above the largest value, whose labels stay short at any
// magnitude: the unit is chosen so that no label needs more than three digits before the point, and
// the ticks are 1, 2, 2.5 or 5 times a power of ten of that unit (2.5 only from 25 up, so that no
// quarter ticks appear), at most maxIntervals of them.
struct AxisScale {
    static constexpr int maxIntervals = 5;

    double top = 10; // raw units
    int intervals = 5; // ticks minus one
    int decimals = 0; // in every label
    ChartUnit unit;

    // Values on the chart are raw values divided by unit.divisor, so the axis ends at topShown().
    double topShown() const { return top / unit.divisor; }
    // The printf format Qt Charts expands for every tick ("%.1f GB", "%.0fk", "%.0f%%").
    QString labelFormat() const;
    // Every tick label from the bottom up, as labelFormat() gives them.
    QStringList labels() const;
    bool operator==(const AxisScale&) const = default;
};

// The axis for values from 0 up to `maximum` (raw units), with at most `maxIntervals` intervals (fewer
// when a chart is too short to label more ticks). Nothing to show (0, negative, NaN) gives 0 to 10 of
// the plain unit rather than tiny fractions.
AxisScale axisScale(double maximum, Quantity quantity, int maxIntervals = AxisScale::maxIntervals);

} // namespace vermilion
