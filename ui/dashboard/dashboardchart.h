#pragma once

#include "dashboard/sample.h"

#include <QChartView>
#include <QList>
#include <QString>

#include <functional>

class QLineSeries;
class QDateTimeAxis;
class QValueAxis;

namespace vermilion {
class History;
}

namespace vermilion::ui {

// One live chart of the dashboard: a few series drawn from the History over a time window. Points are
// replaced in one batch per refresh, and at most maxPoints per series are drawn (wider windows are
// averaged into buckets), so a 24-hour window costs no more to draw than a 5-minute one.
class DashboardChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int maxPoints = 1000;
    using Extractor = std::function<float(const Sample&)>;

    DashboardChart(const QString& title, const QString& unit, QWidget* parent = nullptr);
    // Decimals on the value axis (0 unless the values are small); call before the first update.
    void setDecimals(int decimals);

    void addSeries(const QString& name, Extractor extractor);
    // Redraws from the history: the last windowSeconds seconds up to the newest sample.
    void refresh(const History& history, qint64 windowSeconds);
    // Lines on the chart; charts with a line per database gain them as databases appear.
    int seriesCount() const;
    // Points currently drawn by a series, 0 for a series that does not exist (yet).
    qsizetype pointCount(int series) const;
    QString title() const;

private:
    void showHover(const QPointF& point, bool state, const QString& name);

    struct Line {
        QLineSeries* series;
        Extractor extractor;
    };
    QList<Line> m_lines;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_valueAxis;
    QString m_unit;
};

} // namespace vermilion::ui
