#include "chartscale.h"

#include <cmath>

namespace vermilion {

namespace {
    struct Ladder {
        double base;
        QStringList suffixes; // one per step up the ladder, from the plain unit
    };

    const Ladder& ladderFor(Quantity quantity)
    {
        static const Ladder bytes { 1024.0, { QStringLiteral(" B"), QStringLiteral(" KB"), QStringLiteral(" MB"),
                                              QStringLiteral(" GB"), QStringLiteral(" TB") } };
        static const Ladder bytesPerSecond { 1024.0, { QStringLiteral(" B/s"), QStringLiteral(" KB/s"),
                                                       QStringLiteral(" MB/s"), QStringLiteral(" GB/s"),
                                                       QStringLiteral(" TB/s") } };
        static const Ladder counts { 1000.0,
                                     { QString(), QStringLiteral("k"), QStringLiteral("M"), QStringLiteral("G") } };
        static const Ladder percent { 1.0, { QStringLiteral("%") } };
        switch (quantity) {
        case Quantity::Bytes:
            return bytes;
        case Quantity::BytesPerSecond:
            return bytesPerSecond;
        case Quantity::Count:
        case Quantity::Rate:
            return counts;
        case Quantity::Percent:
            break;
        }
        return percent;
    }

    ChartUnit unitAt(const Ladder& ladder, int level)
    {
        return { std::pow(ladder.base, level), ladder.suffixes.at(level) };
    }

    int levelFor(const Ladder& ladder, double value)
    {
        int level = 0;
        while (level + 1 < ladder.suffixes.size() && std::abs(value) >= std::pow(ladder.base, level + 1))
            ++level;
        return level;
    }

    QString withoutTrailingZeros(QString number)
    {
        if (number.contains(QLatin1Char('.'))) {
            while (number.endsWith(QLatin1Char('0')))
                number.chop(1);
            if (number.endsWith(QLatin1Char('.')))
                number.chop(1);
        }
        return number;
    }
} // namespace

QString ChartUnit::format(double value, int decimals) const
{
    return QString::number(value / divisor, 'f', decimals) + suffix;
}

ChartUnit chartUnit(double value, Quantity quantity)
{
    const Ladder& ladder = ladderFor(quantity);
    return unitAt(ladder, std::isfinite(value) ? levelFor(ladder, value) : 0);
}

QString formatQuantity(double value, Quantity quantity)
{
    const ChartUnit unit = chartUnit(value, quantity);
    const double shown = std::abs(value / unit.divisor);
    const int decimals = shown >= 100 ? 0 : shown >= 10 ? 1 : 2;
    return withoutTrailingZeros(QString::number(value / unit.divisor, 'f', decimals)) + unit.suffix;
}

QString AxisScale::labelFormat() const
{
    QString escaped = unit.suffix;
    escaped.replace(QLatin1Char('%'), QLatin1String("%%"));
    return QStringLiteral("%.") + QString::number(decimals) + QLatin1Char('f') + escaped;
}

QStringList AxisScale::labels() const
{
    QStringList labels;
    for (int i = 0; i <= intervals; ++i)
        labels << unit.format(top * i / intervals, decimals);
    return labels;
}

AxisScale axisScale(double maximum, Quantity quantity, int maxIntervals)
{
    maxIntervals = qBound(1, maxIntervals, AxisScale::maxIntervals);
    const Ladder& ladder = ladderFor(quantity);
    const double target = std::isfinite(maximum) && maximum > 0 ? maximum : 10.0;
    AxisScale scale;
    for (int level = levelFor(ladder, target);; ++level) {
        const ChartUnit unit = unitAt(ladder, level);
        const double shown = target / unit.divisor;
        // The smallest round step that reaches the target in maxIntervals steps.
        const double least = shown / maxIntervals;
        int exponent = int(std::floor(std::log10(least)));
        double step = 0;
        for (const double mantissa : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
            const double candidate = mantissa * std::pow(10.0, exponent);
            if (mantissa == 2.5 && candidate < 25)
                continue;
            if (candidate >= least * (1 - 1e-9)) {
                step = candidate;
                if (mantissa == 10.0)
                    ++exponent;
                break;
            }
        }
        if (quantity == Quantity::Count && level == 0 && step < 1) {
            step = 1;
            exponent = 0;
        }
        const int intervals = qMax(1, int(std::ceil(shown / step - 1e-9)));
        const double topShown = intervals * step;
        // Four digits before the point make the widest labels: the next unit up says it in fewer.
        if (topShown >= 1000 && level + 1 < ladder.suffixes.size())
            continue;
        scale.top = topShown * unit.divisor;
        scale.intervals = intervals;
        scale.decimals = qMax(0, -exponent);
        scale.unit = unit;
        return scale;
    }
}

} // namespace vermilion
