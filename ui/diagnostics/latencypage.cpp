#include "latencypage.h"

#include "client/session.h"
#include "diagnostics/latencyevents.h"
#include "diagnostics/latencyprobe.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QTabWidget>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace vermilion::ui {

namespace {
QChartView* makeChart(const QString& title, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    return view;
}

QString ms(double value)
{
    if (value >= 100)
        return QString::number(value, 'f', 0);
    if (value >= 10)
        return QString::number(value, 'f', 1);
    return QString::number(value, 'f', 3);
}

// A range by its upper edge ("0.2" holds the round trips from the edge before up to 0.2 ms), the
// last one "≥1000": short enough for a category axis, which drops labels that do not fit.
QString rangeLabel(double from, double to)
{
    if (std::isinf(to))
        return QStringLiteral("≥%1").arg(from);
    return QString::number(to);
}

// A top for a value axis that leaves room above the largest value, on a round number.
double roundTop(double largest)
{
    if (largest <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(largest)));
    for (double step : { 1.0, 2.0, 4.0, 5.0, 8.0, 10.0 }) { // each splits into 4 round ticks
        if (largest * 1.1 <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

LatencyPage::LatencyPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_events(new LatencyEventsModel(session, this))
    , m_monitorStatus(new QLabel(this))
    , m_enable(new QPushButton(tr("Turn On…"), this))
    , m_threshold(new QSpinBox(this))
    , m_reset(new QPushButton(tr("Reset Events…"), this))
    , m_doctorButton(new QPushButton(tr("Ask the Doctor"), this))
    , m_view(new QTableView(this))
    , m_eventChart(makeChart(tr("History of the selected event (ms)"), this))
    , m_latestChart(makeChart(tr("LATENCY LATEST: latest and worst per event (ms)"), this))
    , m_latestSet(new QBarSet(tr("latest")))
    , m_maxSet(new QBarSet(tr("max")))
    , m_latestAxis(new QBarCategoryAxis)
    , m_latestValue(new QValueAxis)
    , m_eventSeries(new QLineSeries)
    , m_eventTime(new QDateTimeAxis)
    , m_eventValue(new QValueAxis)
    , m_doctor(new QPlainTextEdit(this))
    , m_probeButton(new QPushButton(tr("Start Probe"), this))
    , m_probeReset(new QPushButton(tr("Clear"), this))
    , m_historyInterval(new QComboBox(this))
    , m_probeStatus(new QLabel(this))
    , m_distributionChart(makeChart(tr("Samples by round trip (up to … ms)"), this))
    , m_distributionSet(new QBarSet(tr("samples")))
    , m_distributionAxis(new QBarCategoryAxis)
    , m_distributionValue(new QValueAxis)
    , m_historyChart(makeChart(tr("Round trip over time (ms)"), this))
    , m_historyMin(new QLineSeries)
    , m_historyAverage(new QLineSeries)
    , m_historyMax(new QLineSeries)
    , m_historyTime(new QDateTimeAxis)
    , m_historyValue(new QValueAxis)
    , m_refreshTimer(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);

    // --- The server's monitor
    auto* server = new QGroupBox(tr("The server's latency monitor"), splitter);
    auto* serverLayout = new QVBoxLayout(server);
    auto* serverBar = new QHBoxLayout;
    m_monitorStatus->setWordWrap(true);
    m_monitorStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serverBar->addWidget(m_monitorStatus, 1);
    m_threshold->setRange(1, 60000);
    m_threshold->setValue(100);
    m_threshold->setSuffix(tr(" ms"));
    m_threshold->setAccessibleName(tr("Latency threshold"));
    m_threshold->setToolTip(tr("Events that take at least this long are recorded"));
    serverBar->addWidget(new QLabel(tr("Threshold:"), server));
    serverBar->addWidget(m_threshold);
    serverBar->addWidget(m_enable);
    serverBar->addWidget(m_reset);
    serverBar->addWidget(m_doctorButton);
    serverLayout->addLayout(serverBar);
    auto* serverSplit = new QSplitter(Qt::Horizontal, server);
    m_view->setModel(m_events);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Latency events"));
    serverSplit->addWidget(m_view);
    m_eventChart->chart()->addSeries(m_eventSeries);
    m_eventChart->chart()->legend()->hide();
    m_eventTime->setFormat(QStringLiteral("HH:mm:ss"));
    m_eventChart->chart()->addAxis(m_eventTime, Qt::AlignBottom);
    m_eventChart->chart()->addAxis(m_eventValue, Qt::AlignLeft);
    m_eventSeries->attachAxis(m_eventTime);
    m_eventSeries->attachAxis(m_eventValue);
    m_eventSeries->setPointsVisible(true);
    m_eventValue->setLabelFormat(QStringLiteral("%.0f"));
    m_eventValue->setTickCount(5);
    m_eventValue->setRange(0, 100);
    m_eventTime->setTickCount(4);
    m_eventTime->setRange(QDateTime::currentDateTime().addSecs(-60), QDateTime::currentDateTime());
    // Both charts in one place: the latest of every event, and the history of the selected one.
    auto* charts = new QTabWidget(serverSplit);
    charts->setDocumentMode(true);
    auto* latestSeries = new QBarSeries;
    latestSeries->append(m_latestSet);
    latestSeries->append(m_maxSet);
    m_latestSet->setColor(QColor(0x15, 0x65, 0xc0));
    m_maxSet->setColor(QColor(0xc6, 0x28, 0x28));
    m_latestChart->chart()->addSeries(latestSeries);
    m_latestChart->chart()->addAxis(m_latestAxis, Qt::AlignBottom);
    m_latestChart->chart()->addAxis(m_latestValue, Qt::AlignLeft);
    latestSeries->attachAxis(m_latestAxis);
    latestSeries->attachAxis(m_latestValue);
    m_latestValue->setLabelFormat(QStringLiteral("%.0f"));
    m_latestValue->setTickCount(5);
    m_latestValue->setRange(0, 100);
    charts->addTab(m_latestChart, tr("Latest"));
    charts->addTab(m_eventChart, tr("History"));
    serverSplit->addWidget(charts);
    m_doctor->setReadOnly(true);
    m_doctor->setAccessibleName(tr("Latency doctor"));
    m_doctor->setPlaceholderText(tr("LATENCY DOCTOR's advice appears here."));
    serverSplit->addWidget(m_doctor);
    m_eventChart->setMinimumWidth(280);
    serverSplit->setStretchFactor(0, 3);
    serverSplit->setStretchFactor(1, 4);
    serverSplit->setStretchFactor(2, 3);
    serverSplit->setSizes({ 300, 400, 300 });
    serverLayout->addWidget(serverSplit, 1);
    splitter->addWidget(server);

    // --- The probe from here
    auto* client = new QGroupBox(tr("Round trips from this machine (like redis-cli --latency)"), splitter);
    auto* clientLayout = new QVBoxLayout(client);
    auto* clientBar = new QHBoxLayout;
    m_probeStatus->setWordWrap(true);
    m_probeStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_probeStatus->setAccessibleName(tr("Probe statistics"));
    clientBar->addWidget(m_probeStatus, 1);
    clientBar->addWidget(new QLabel(tr("One point per:"), client));
    m_historyInterval->addItem(tr("1 s"), 1000);
    m_historyInterval->addItem(tr("5 s"), 5000);
    m_historyInterval->addItem(tr("15 s"), 15000);
    m_historyInterval->setCurrentIndex(0);
    m_historyInterval->setAccessibleName(tr("History interval"));
    clientBar->addWidget(m_historyInterval);
    m_probeButton->setToolTip(tr("PING the server on a link of the probe's own, one at a time, 10 ms apart"));
    clientBar->addWidget(m_probeButton);
    clientBar->addWidget(m_probeReset);
    clientLayout->addLayout(clientBar);
    auto* clientSplit = new QSplitter(Qt::Horizontal, client);
    m_distributionChart->chart()->addSeries(new QBarSeries);
    static_cast<QBarSeries*>(m_distributionChart->chart()->series().first())->append(m_distributionSet);
    m_distributionChart->chart()->addAxis(m_distributionAxis, Qt::AlignBottom);
    m_distributionChart->chart()->addAxis(m_distributionValue, Qt::AlignLeft);
    m_distributionChart->chart()->series().first()->attachAxis(m_distributionAxis);
    m_distributionChart->chart()->series().first()->attachAxis(m_distributionValue);
    m_distributionChart->chart()->legend()->hide();
    m_distributionValue->setLabelFormat(QStringLiteral("%.0f"));
    m_distributionValue->setTickCount(5);
    m_distributionValue->setRange(0, 4);
    clientSplit->addWidget(m_distributionChart);
    m_historyMin->setName(tr("min"));
    m_historyAverage->setName(tr("average"));
    m_historyMax->setName(tr("max"));
    m_historyTime->setFormat(QStringLiteral("HH:mm:ss"));
    m_historyTime->setTickCount(5);
    m_historyTime->setRange(QDateTime::currentDateTime().addSecs(-60), QDateTime::currentDateTime());
    m_historyValue->setRange(0, 1);
    m_historyValue->setTickCount(5);
    m_historyChart->chart()->addAxis(m_historyTime, Qt::AlignBottom);
    m_historyChart->chart()->addAxis(m_historyValue, Qt::AlignLeft);
    for (QLineSeries* series : { m_historyMax, m_historyAverage, m_historyMin }) {
        m_historyChart->chart()->addSeries(series);
        series->attachAxis(m_historyTime);
        series->attachAxis(m_historyValue);
    }
    m_historyMax->setColor(QColor(0xc6, 0x28, 0x28));
    m_historyAverage->setColor(QColor(0x15, 0x65, 0xc0));
    m_historyMin->setColor(QColor(0x2e, 0x7d, 0x32));
    clientSplit->addWidget(m_historyChart);
    clientSplit->setStretchFactor(0, 1);
    clientSplit->setStretchFactor(1, 1);
    clientSplit->setSizes({ 500, 500 });
    clientLayout->addWidget(clientSplit, 1);
    splitter->addWidget(client);

    connect(m_events, &LatencyEventsModel::refreshed, this, [this] {
        updateMonitor();
        updateLatestChart();
        m_view->resizeColumnsToContents();
        if (!m_view->selectionModel()->hasSelection() && m_events->rowCount() > 0)
            m_view->selectRow(0);
        else if (m_view->selectionModel()->hasSelection())
            showHistory(m_events->events().value(m_view->selectionModel()->selectedRows().value(0).row()).name);
    });
    connect(m_events, &LatencyEventsModel::errorOccurred, this,
            [this](const QString& message) { m_monitorStatus->setText(tr("LATENCY LATEST failed: %1").arg(message)); });
    connect(m_events, &LatencyEventsModel::settingFinished, this, [this](const QString& error) {
        if (!error.isEmpty())
            m_monitorStatus->setText(tr("Not done: %1").arg(error));
    });
    connect(m_events, &LatencyEventsModel::doctorReady, m_doctor, &QPlainTextEdit::setPlainText);
    connect(m_events, &LatencyEventsModel::historyReady, this,
            [this](const QString&, const QList<LatencyEventsModel::HistorySample>& samples) {
                QList<QPointF> points;
                qint64 largest = 0;
                for (const auto& sample : samples) {
                    points.append(QPointF(double(sample.time.toMSecsSinceEpoch()), double(sample.milliseconds)));
                    largest = qMax(largest, sample.milliseconds);
                }
                m_eventSeries->replace(points);
                if (!samples.isEmpty()) {
                    m_eventTime->setRange(samples.first().time.addSecs(-30), samples.last().time.addSecs(30));
                    m_eventValue->setRange(0, roundTop(double(largest)));
                }
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            showHistory(m_events->events().value(rows.first().row()).name);
    });
    connect(m_enable, &QPushButton::clicked, this, &LatencyPage::askToEnable);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        auto* box = new QMessageBox(QMessageBox::Question, tr("Reset Latency Events"),
                                    tr("Clear every latency event and its history on the server?"),
                                    QMessageBox::Cancel, this);
        box->setInformativeText(tr("LATENCY RESET forgets what the monitor recorded, for every client that reads it."));
        box->addButton(tr("Reset"), QMessageBox::AcceptRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::accepted, m_events, &LatencyEventsModel::resetEvents);
        box->open();
    });
    connect(m_doctorButton, &QPushButton::clicked, m_events, &LatencyEventsModel::requestDoctor);
    connect(m_probeButton, &QPushButton::clicked, this, [this] {
        if (m_probe->isRunning())
            m_probe->stop();
        else
            m_probe->start();
        updateProbe();
    });
    connect(m_probeReset, &QPushButton::clicked, this, [this] { m_probe->reset(); });
    connect(m_historyInterval, &QComboBox::currentIndexChanged, this,
            [this] { m_probe->setHistoryInterval(m_historyInterval->currentData().toInt()); });
    m_refreshTimer->setInterval(5000);
    connect(m_refreshTimer, &QTimer::timeout, m_events, &LatencyEventsModel::refresh);
    makeProbe();
    updateMonitor();
    updateProbe();
}

LatencyPage::~LatencyPage() = default;

void LatencyPage::makeProbe()
{
    const bool wasRunning = m_probe && m_probe->isRunning();
    m_probe = std::make_unique<LatencyProbe>(m_session, m_node);
    m_probe->setHistoryInterval(m_historyInterval->currentData().toInt());
    connect(m_probe.get(), &LatencyProbe::updated, this, &LatencyPage::updateProbe);
    connect(m_probe.get(), &LatencyProbe::historyPoint, this, &LatencyPage::updateProbe);
    connect(m_probe.get(), &LatencyProbe::errorOccurred, this, &LatencyPage::updateProbe);
    if (wasRunning)
        m_probe->start();
}

void LatencyPage::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    m_events->setNode(node);
    makeProbe(); // a probe's link goes to one node
    updateProbe();
}

void LatencyPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_events->refresh();
    m_refreshTimer->start();
}

void LatencyPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_refreshTimer->stop();
}

QString LatencyPage::monitorText() const { return m_monitorStatus->text(); }
QString LatencyPage::probeText() const { return m_probeStatus->text(); }
int LatencyPage::historyPointCount() const { return int(m_historyAverage->count()); }
int LatencyPage::latestBarCount() const { return int(m_maxSet->count()); }

void LatencyPage::updateLatestChart()
{
    QStringList names;
    QList<qreal> latest;
    QList<qreal> worst;
    qint64 largest = 0;
    for (const LatencyEventsModel::EventRow& row : m_events->events()) {
        names << row.name;
        latest << qreal(row.latestMs);
        worst << qreal(row.maxMs);
        largest = qMax(largest, row.maxMs);
    }
    QChart* chart = m_latestChart->chart();
    QAbstractSeries* series = chart->series().first();
    series->detachAxis(m_latestAxis);
    chart->removeAxis(m_latestAxis);
    delete m_latestAxis;
    m_latestAxis = new QBarCategoryAxis;
    m_latestAxis->append(names);
    chart->addAxis(m_latestAxis, Qt::AlignBottom);
    series->attachAxis(m_latestAxis);
    m_latestSet->remove(0, m_latestSet->count());
    m_latestSet->append(latest);
    m_maxSet->remove(0, m_maxSet->count());
    m_maxSet->append(worst);
    m_latestValue->setRange(0, qMax(4.0, roundTop(double(largest))));
}

void LatencyPage::updateMonitor()
{
    const bool readOnly = !m_session || m_session->isReadOnly();
    const int threshold = m_events->threshold();
    if (threshold < 0)
        m_monitorStatus->setText(tr("Reading the monitor's settings..."));
    else if (threshold == 0)
        m_monitorStatus->setText(
            tr("Off: latency-monitor-threshold is 0, so the server records no events.")
            + (m_events->rowCount() > 0 ? QLatin1Char(' ') + tr("%n recorded earlier.", nullptr, m_events->rowCount())
                                        : QString()));
    else
        m_monitorStatus->setText(tr("On: the server records every event that takes %1 ms or more. %n event type(s) "
                                    "recorded.", nullptr, m_events->rowCount())
                                     .arg(threshold));
    m_enable->setText(threshold > 0 ? tr("Change…") : tr("Turn On…"));
    if (threshold > 0)
        m_threshold->setValue(threshold);
    m_enable->setEnabled(!readOnly);
    m_reset->setEnabled(!readOnly && m_events->rowCount() > 0);
    m_enable->setToolTip(readOnly ? tr("This profile is read-only: the threshold is not changed.")
                                  : tr("Set latency-monitor-threshold (CONFIG SET)"));
}

void LatencyPage::askToEnable()
{
    if (!m_session || m_session->isReadOnly())
        return;
    const int value = m_threshold->value();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Latency Monitor"),
                                tr("Record every event that takes %1 ms or more?").arg(value), QMessageBox::Cancel, this);
    box->setInformativeText(tr("This sets latency-monitor-threshold to %1 on the server (CONFIG SET; not written to "
                               "its configuration file). The monitor costs next to nothing: the server notes the "
                               "time of slow commands, forks, AOF writes and expiry cycles, keeping 160 samples per "
                               "event. A threshold too low fills the history with noise; 0 turns it off.")
                                .arg(value));
    box->addButton(tr("Set"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, value] { m_events->setThreshold(value); });
    box->open();
}

void LatencyPage::showHistory(const QString& event)
{
    if (!event.isEmpty())
        m_events->requestHistory(event);
}

void LatencyPage::updateProbe()
{
    const LatencyStats& total = m_probe->total();
    m_probeButton->setText(m_probe->isRunning() ? tr("Stop Probe") : tr("Start Probe"));
    QString text;
    if (total.count() == 0) {
        text = m_probe->isRunning() ? tr("Waiting for the first reply...") : tr("Not running.");
    } else {
        text = tr("%1 samples · min %2 · avg %3 · max %4 ms\np50 %5 · p90 %6 · p99 %7 · p99.9 %8 ms")
                   .arg(total.count())
                   .arg(ms(total.minMs()), ms(total.averageMs()), ms(total.maxMs()), ms(total.percentileMs(50)),
                        ms(total.percentileMs(90)), ms(total.percentileMs(99)), ms(total.percentileMs(99.9)));
    }
    if (!m_probe->lastError().isEmpty())
        text += QLatin1Char('\n') + tr("Last error: %1").arg(m_probe->lastError());
    m_probeStatus->setText(text);

    // Distribution: the ranges from the first that has samples to the last that has.
    const QList<LatencyStats::Range> ranges = total.distribution();
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        if (ranges.at(i).count > 0) {
            first = first < 0 ? i : first;
            last = i;
        }
    }
    QStringList categories;
    QList<qreal> counts;
    qint64 largest = 0;
    if (first >= 0) {
        for (qsizetype i = first; i <= last; ++i) {
            categories << rangeLabel(ranges.at(i).fromMs, ranges.at(i).toMs);
            counts << qreal(ranges.at(i).count);
            largest = qMax(largest, ranges.at(i).count);
        }
    }
    if (categories != m_distributionAxis->categories()) {
        // A new axis with the new ranges: an attached category axis that is cleared and refilled
        // does not lay its labels out again.
        QChart* chart = m_distributionChart->chart();
        QAbstractSeries* series = chart->series().first();
        series->detachAxis(m_distributionAxis);
        chart->removeAxis(m_distributionAxis);
        delete m_distributionAxis;
        m_distributionAxis = new QBarCategoryAxis;
        m_distributionAxis->append(categories);
        chart->addAxis(m_distributionAxis, Qt::AlignBottom);
        series->attachAxis(m_distributionAxis);
    }
    if (m_distributionSet->count() != counts.size()) {
        m_distributionSet->remove(0, m_distributionSet->count());
        m_distributionSet->append(counts);
    } else {
        for (qsizetype i = 0; i < counts.size(); ++i)
            m_distributionSet->replace(int(i), counts.at(i));
    }
    // At least 0..4, so that an empty or nearly empty chart has whole-number ticks.
    m_distributionValue->setRange(0, qMax(4.0, roundTop(double(largest))));

    // History: one point per interval.
    QList<QPointF> minimum;
    QList<QPointF> average;
    QList<QPointF> maximum;
    double top = 0;
    for (const LatencyStats::Point& point : m_probe->history()) {
        const double x = double(point.time.toMSecsSinceEpoch());
        minimum.append({ x, point.minMs });
        average.append({ x, point.averageMs });
        maximum.append({ x, point.maxMs });
        top = qMax(top, point.maxMs);
    }
    m_historyMin->replace(minimum);
    m_historyAverage->replace(average);
    m_historyMax->replace(maximum);
    if (!m_probe->history().isEmpty()) {
        const QDateTime from = m_probe->history().first().time;
        const QDateTime to = m_probe->history().last().time;
        m_historyTime->setRange(from.addMSecs(-m_probe->historyInterval()), to.addMSecs(m_probe->historyInterval()));
        m_historyValue->setRange(0, roundTop(top));
    }
}

} // namespace vermilion::ui
