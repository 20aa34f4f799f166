#pragma once

#include "dashboard/chartscale.h"
#include "dashboard/sample.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPen>
#include <QString>

#include <functional>

class QLineSeries;
class QDateTimeAxis;
class QValueAxis;

namespace vermilion {
class History;
}

namespace vermilion::ui {

// How a line of a DashboardChart looks. Lines without a colour take the next colour of the chart's own
// palette, so that no two lines of a chart share one.
struct ChartLineStyle {
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    qreal width = 2;
};

// One live chart of the dashboard: a few series drawn from the History over a time window. Points are
// replaced in one batch per refresh, and at most maxPoints per series are drawn (wider windows are
// averaged into buckets), so a 24-hour window costs no more to draw than a 5-minute one. The value
// axis speaks in a unit chosen from the values (KB, MB, GB; k, M) with round ticks, so its labels stay
// short at any magnitude. A chart that is not on screen (scrolled away) is not redrawn; it catches up
// from the history the moment it is painted again.
class DashboardChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int maxPoints = 1000;
    using Extractor = std::function<float(const Sample&)>;

    using LineStyle = ChartLineStyle;
    // The palette, in order: distinct hues that read on the light chart background.
    static QColor paletteColor(int index);

    DashboardChart(const QString& title, Quantity quantity, QWidget* parent = nullptr);
    // The value axis always ends at `top` (raw units): 100 for a ratio in percent. 0 scales to the data.
    void setFixedTop(double top);
    // List the lines in the legend from the last added to the first; with lines added from the back
    // to the front, the legend then starts with the line drawn on top.
    void setLegendReversed(bool reversed);

    // Each line is drawn over the lines added before it.
    void addSeries(const QString& name, Extractor extractor, LineStyle style = {});
    // Redraws from the history: the last windowSeconds seconds up to the newest sample. Off screen, it
    // only remembers that the chart is out of date, unless told to draw anyway (for an export).
    void refresh(const History& history, qint64 windowSeconds, bool evenOffScreen = false);
    // Out of date: refreshed while off screen, not redrawn yet.
    bool isStale() const { return m_stale; }
    // Lines on the chart; charts with a line per database gain them as databases appear.
    int seriesCount() const;
    // Points currently drawn by a series, 0 for a series that does not exist (yet).
    qsizetype pointCount(int series) const;
    QString seriesName(int series) const;
    QPen seriesPen(int series) const;
    QString title() const;
    Quantity quantity() const { return m_quantity; }
    // The value axis as it is drawn: its unit, top and ticks.
    const AxisScale& scale() const { return m_scale; }
    QValueAxis* valueAxis() const { return m_valueAxis; }
    QDateTimeAxis* timeAxis() const { return m_timeAxis; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    bool isOnScreen() const;
    // How many intervals the value axis can label at the chart's current height.
    int labelledIntervals() const;
    // Refreshes an out-of-date chart from the history on the next turn of the event loop.
    void catchUpLater();
    void onLabelsTruncated(bool truncated);
    void applyScale(const AxisScale& scale);
    void showHover(const QPointF& point, bool state, const QString& name);

    struct Line {
        QLineSeries* series;
        Extractor extractor;
    };
    QList<Line> m_lines;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_valueAxis;
    Quantity m_quantity;
    AxisScale m_scale;
    double m_fixedTop = 0;
    int m_paletteNext = 0;
    int m_intervalCap = AxisScale::maxIntervals;
    mutable qreal m_labelHeight = 0;
    QString m_timeFormat;
    // Where a chart that was off screen catches up from.
    const History* m_history = nullptr;
    qint64 m_windowSeconds = 0;
    bool m_stale = false;
    bool m_catchUpQueued = false;
    bool m_truncationCheckQueued = false;
};

} // namespace vermilion::ui
