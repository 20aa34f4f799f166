#include "dashboardchart.h"

#include "dashboard/history.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace vermilion::ui {

DashboardChart::DashboardChart(const QString& title, const QString& unit, QWidget* parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QDateTimeAxis(this))
    , m_valueAxis(new QValueAxis(this))
    , m_unit(unit)
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
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(4);
    // Plain numbers ("150000", not "1.5e+05"); fixed from the start, since Qt Charts keeps the
    // label width it measured first.
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setRange(0, 100); // the first labels measured must be as wide as later ones
    m_valueAxis->setMin(0);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(180);
}

void DashboardChart::addSeries(const QString& name, Extractor extractor)
{
    auto* series = new QLineSeries(this);
    series->setName(name);
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    connect(series, &QLineSeries::hovered, this,
            [this, name](const QPointF& point, bool state) { showHover(point, state, name); });
    m_lines.append({ series, std::move(extractor) });
}

void DashboardChart::refresh(const History& history, qint64 windowSeconds)
{
    if (history.isEmpty())
        return;
    const qint64 end = history.last().timeMs;
    const qint64 start = end - windowSeconds * 1000;
    const qsizetype first = history.firstIndexFrom(start);
    const qsizetype count = history.size() - first;
    const qsizetype bucket = qMax<qsizetype>(1, (count + maxPoints - 1) / maxPoints);
    double maximum = 0;
    for (Line& line : m_lines) {
        QList<QPointF> points;
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
        line.series->replace(points);
    }
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(start), QDateTime::fromMSecsSinceEpoch(end));
    m_timeAxis->setFormat(windowSeconds > 3600 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
    // No values yet (or all zero): a plain 0-10 scale rather than tiny fractions.
    m_valueAxis->setRange(0, maximum > 0 ? maximum * 1.1 : 10);
    if (maximum > 0)
        m_valueAxis->applyNiceNumbers();
}

void DashboardChart::setDecimals(int decimals)
{
    m_valueAxis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QLatin1Char('f'));
}

int DashboardChart::seriesCount() const { return int(m_lines.size()); }

qsizetype DashboardChart::pointCount(int series) const
{
    // Some charts add their lines as data appears (keys per database): none may exist yet.
    return series >= 0 && series < m_lines.size() ? m_lines.at(series).series->count() : 0;
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
                       tr("%1 at %2: %3 %4").arg(name, time, QLocale().toString(point.y(), 'g', 4), m_unit), this);
}

} // namespace vermilion::ui
