#include "dashboardchart.h"

#include "dashboard/history.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QTextDocument>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace vermilion::ui {

namespace {
    // Room above the highest point, so that a line at its maximum does not run along the top edge.
    constexpr double headroom = 1.02;
} // namespace

QColor DashboardChart::paletteColor(int index)
{
    // Ten hues far enough apart to tell lines of one chart apart, none too pale for a white plot.
    static const std::array<QColor, 10> colors {
        QColor(0x1f, 0x77, 0xb4), QColor(0xe6, 0x7e, 0x00), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
        QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x5f, 0x5f, 0x5f),
        QColor(0xa8, 0xa9, 0x1e), QColor(0x17, 0xa8, 0xb8),
    };
    return colors[size_t(index) % colors.size()];
}

DashboardChart::DashboardChart(const QString& title, Quantity quantity, QWidget* parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QDateTimeAxis(this))
    , m_valueAxis(new QValueAxis(this))
    , m_quantity(quantity)
    , m_timeFormat(QStringLiteral("HH:mm:ss"))
{
    setObjectName(QStringLiteral("dashboardChart"));
    setAccessibleName(title);
    QChart* c = chart();
    c->setTitle(title);
    // Animations would redraw for a second after every poll: the opposite of cheap.
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->setMargins(QMargins(4, 4, 4, 4));
    m_timeAxis->setFormat(m_timeFormat);
    m_timeAxis->setTickCount(4);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    // Labels in the unit of the values from the start.
    m_scale = axisScale(0, quantity);
    m_valueAxis->setLabelFormat(m_scale.labelFormat());
    m_valueAxis->setTickCount(m_scale.intervals + 1);
    m_valueAxis->setRange(0, m_scale.topShown());
    connect(m_valueAxis, &QValueAxis::labelsTruncatedChanged, this, &DashboardChart::onLabelsTruncated);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(180);
}

void DashboardChart::setFixedTop(double top)
{
    m_fixedTop = top;
    if (top > 0)
        applyScale(axisScale(top, m_quantity));
}

void DashboardChart::setLegendReversed(bool reversed) { chart()->legend()->setReverseMarkers(reversed); }

void DashboardChart::addSeries(const QString& name, Extractor extractor, LineStyle style)
{
    auto* series = new QLineSeries(this);
    series->setName(name);
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    // Set after addSeries, which gives the series the theme's pen.
    QPen pen(style.color.isValid() ? style.color : paletteColor(m_paletteNext++));
    pen.setWidthF(style.width);
    pen.setStyle(style.style);
    series->setPen(pen);
    connect(series, &QLineSeries::hovered, this,
            [this, name](const QPointF& point, bool state) { showHover(point, state, name); });
    m_lines.append({ series, std::move(extractor) });
    // An axis measured while no line was attached to it keeps its empty size (the time labels of the
    // keys chart, whose lines come later, stayed hidden): measured again with the first line.
    if (m_lines.size() == 1) {
        m_timeAxis->setFormat(QString());
        m_timeAxis->setFormat(m_timeFormat);
        m_valueAxis->setLabelFormat(QString());
        m_valueAxis->setLabelFormat(m_scale.labelFormat());
    }
}

bool DashboardChart::isOnScreen() const
{
    // The view's own region is covered by its viewport; the viewport's is empty once scrolled away.
    return isVisible() && !viewport()->visibleRegion().isEmpty();
}

void DashboardChart::refresh(const History& history, qint64 windowSeconds, bool evenOffScreen)
{
    m_history = &history;
    m_windowSeconds = windowSeconds;
    if (history.isEmpty())
        return;
    if (!evenOffScreen && !isOnScreen()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const qint64 end = history.last().timeMs;
    const qint64 start = end - windowSeconds * 1000;
    const qsizetype first = history.firstIndexFrom(start);
    const qsizetype count = history.size() - first;
    const qsizetype bucket = qMax<qsizetype>(1, (count + maxPoints - 1) / maxPoints);
    double maximum = 0;
    QList<QList<QPointF>> lines;
    lines.reserve(m_lines.size());
    for (const Line& line : std::as_const(m_lines)) {
        QList<QPointF>& points = lines.emplace_back();
        points.reserve(count / bucket + 1);
        for (qsizetype from = first; from < history.size(); from += bucket) {
            const qsizetype to = qMin(history.size(), from + bucket);
            double sum = 0;
            int valid = 0;
            for (qsizetype i = from; i < to; ++i) {
                const float value = line.extractor(history.at(i));
                if (Sample::has(value)) {
                    sum += double(value);
                    ++valid;
                }
            }
            // No point where there is no data (a reset, a missing field): a gap says it honestly.
            if (valid > 0) {
                const double y = sum / valid;
                points.append(QPointF(double(history.at(to - 1).timeMs), y));
                maximum = std::max(maximum, y);
            }
        }
    }

    // Every change below lays out each line again. Emptied first, the lines cost nothing while the
    // axes move, and are laid out once each with their new points.
    for (const Line& line : std::as_const(m_lines)) {
        if (line.series->count() > 0)
            line.series->clear();
    }
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(start), QDateTime::fromMSecsSinceEpoch(end));
    const QString timeFormat = windowSeconds > 3600 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss");
    if (timeFormat != m_timeFormat) {
        m_timeFormat = timeFormat;
        m_timeAxis->setFormat(timeFormat);
    }
    const double top = m_fixedTop > 0 ? m_fixedTop : maximum * headroom;
    const AxisScale scale = axisScale(top, m_quantity, labelledIntervals());
    if (scale != m_scale)
        applyScale(scale);
    const double divisor = m_scale.unit.divisor;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        QList<QPointF>& points = lines[i];
        if (divisor != 1) {
            for (QPointF& point : points)
                point.setY(point.y() / divisor);
        }
        if (!points.isEmpty())
            m_lines[i].series->replace(points);
    }
}

void DashboardChart::applyScale(const AxisScale& scale)
{
    if (scale.intervals != m_scale.intervals)
        m_valueAxis->setTickCount(scale.intervals + 1);
    m_valueAxis->setRange(0, scale.topShown());
    // Qt Charts keeps the label width it measured last, and a new range alone does not always make it
    // measure again (not while the chart has no geometry yet, for one): wider labels were then cut to
    // "...". A new label format always does, so the format is set anew, the same one included.
    m_valueAxis->setLabelFormat(QString());
    m_valueAxis->setLabelFormat(scale.labelFormat());
    m_scale = scale;
}

int DashboardChart::labelledIntervals() const
{
    // Qt Charts gives each tick label of a vertical axis the axis height divided by the number of
    // ticks, less 4 pixels above and below, and cuts any label taller than that to "...". Its axis
    // reaches down to the bottom of the time axis under the plot (one label and 5 pixels).
    const qreal plotBottom = chart()->plotArea().bottom();
    if (plotBottom <= 0)
        return m_intervalCap; // not laid out yet: measured again once it is
    if (m_labelHeight <= 0) {
        // Measured as Qt Charts measures its labels: a text document with a half-pixel margin.
        QTextDocument document;
        document.setDocumentMargin(0.5);
        document.setDefaultFont(m_valueAxis->labelsFont());
        document.setPlainText(QStringLiteral("0"));
        m_labelHeight = document.size().height();
    }
    const int ticks = int((plotBottom + m_labelHeight + 5) / (m_labelHeight + 8));
    return std::clamp(ticks - 1, 1, m_intervalCap);
}

void DashboardChart::catchUpLater()
{
    if (m_catchUpQueued || !m_history)
        return;
    m_catchUpQueued = true;
    // On the next turn of the event loop: never while painting, and after a resize is laid out.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_catchUpQueued = false;
            if (m_stale && m_history)
                refresh(*m_history, m_windowSeconds);
        },
        Qt::QueuedConnection);
}

void DashboardChart::paintEvent(QPaintEvent* event)
{
    QChartView::paintEvent(event);
    // Scrolled back into view with old lines: drawn again from the history.
    if (m_stale)
        catchUpLater();
}

void DashboardChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    // A new height may label more or fewer ticks.
    m_intervalCap = AxisScale::maxIntervals;
    m_stale = true;
    catchUpLater();
}

void DashboardChart::onLabelsTruncated(bool truncated)
{
    // A new range is labelled once with the old label width before Qt Charts lays the axis out again,
    // so labels can be cut for a moment: only labels still cut on the next turn of the event loop
    // count. Then the estimate of labelledIntervals() was wrong (a font, a style): fewer ticks until the
    // next resize.
    if (!truncated || m_truncationCheckQueued)
        return;
    m_truncationCheckQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_truncationCheckQueued = false;
            if (!m_valueAxis->labelsTruncated() || m_scale.intervals <= 1)
                return;
            m_intervalCap = m_scale.intervals - 1;
            m_stale = true;
            catchUpLater();
        },
        Qt::QueuedConnection);
}

int DashboardChart::seriesCount() const { return int(m_lines.size()); }

qsizetype DashboardChart::pointCount(int series) const
{
    // Some charts add their lines as data appears (keys per database): none may exist yet.
    return series >= 0 && series < m_lines.size() ? m_lines.at(series).series->count() : 0;
}

QString DashboardChart::seriesName(int series) const
{
    return series >= 0 && series < m_lines.size() ? m_lines.at(series).series->name() : QString();
}

QPen DashboardChart::seriesPen(int series) const
{
    return series >= 0 && series < m_lines.size() ? m_lines.at(series).series->pen() : QPen();
}

QString DashboardChart::title() const { return chart()->title(); }

void DashboardChart::showHover(const QPointF& point, bool state, const QString& name)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QString time = QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(point.x())).time(),
                                            QStringLiteral("HH:mm:ss"));
    QToolTip::showText(QCursor::pos(),
                       tr("%1 at %2: %3").arg(name, time, formatQuantity(point.y() * m_scale.unit.divisor, m_quantity)),
                       this);
}

} // namespace vermilion::ui
