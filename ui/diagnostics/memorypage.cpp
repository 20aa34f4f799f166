#include "memorypage.h"

#include "client/session.h"
#include "diagnostics/memoryreportmodels.h"
#include "util/posting.h"
#include "util/redistext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QGridLayout>
#include <QProgressBar>
#include <QBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace vermilion::ui {

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    view->setAccessibleName(name);
    return view;
}

QSpinBox* makeSpin(int minimum, int maximum, int value, const QString& suffix, const QString& name, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setAccessibleName(name);
    return box;
}

// A top that leaves room above the largest value and splits into four round ticks.
double roundTop(double largest)
{
    if (largest <= 0)
        return 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(largest)));
    for (double step : { 1.0, 2.0, 4.0, 5.0, 8.0, 10.0 }) {
        if (largest * 1.05 <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

MemoryPage::MemoryPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_stats(new QLabel(this))
    , m_doctor(new QPlainTextEdit(this))
    , m_doctorButton(new QPushButton(tr("Ask the Doctor"), this))
    , m_count(makeSpin(10, 100000, 1000, QString(), tr("SCAN COUNT"), this))
    , m_pause(makeSpin(0, 10000, 0, tr(" ms"), tr("Pause between SCAN steps"), this))
    , m_samples(makeSpin(0, 10000, 5, QString(), tr("MEMORY USAGE samples"), this))
    , m_top(makeSpin(1, 1000, 10, QString(), tr("Keys per type"), this))
    , m_scan(new QPushButton(tr("Scan for Big Keys"), this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_status(new QLabel(this))
    , m_results(new QTabWidget(this))
    , m_types(new TypeTotalsModel(this))
    , m_biggest(new KeyDetailsModel(this))
    , m_mostElements(new KeyDetailsModel(this))
    , m_hottest(new KeyDetailsModel(this))
    , m_hotNote(new QLabel(this))
    , m_ttlChart(new QChartView(new QChart, this))
    , m_ttlSet(new QBarSet(tr("keys")))
    , m_ttlAxis(new QBarCategoryAxis)
    , m_ttlValue(new QValueAxis)
    , m_namespaces(new QTableWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);

    // --- What the server says about its memory
    auto* server = new QGroupBox(tr("The server's memory"), splitter);
    auto* serverLayout = new QHBoxLayout(server);
    auto* statsColumn = new QVBoxLayout;
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statsColumn->addWidget(m_stats);
    // One row per part of MEMORY STATS: name, a bar scaled to the biggest part, and its size.
    m_statsGrid = new QGridLayout;
    m_statsGrid->setColumnStretch(1, 1);
    m_statsGrid->setHorizontalSpacing(8);
    statsColumn->addLayout(m_statsGrid);
    statsColumn->addStretch();
    serverLayout->addLayout(statsColumn, 3);
    auto* doctorColumn = new QVBoxLayout;
    auto* doctorBar = new QHBoxLayout;
    doctorBar->addWidget(new QLabel(tr("MEMORY DOCTOR:"), server));
    doctorBar->addStretch();
    doctorBar->addWidget(m_doctorButton);
    doctorColumn->addLayout(doctorBar);
    m_doctor->setReadOnly(true);
    m_doctor->setAccessibleName(tr("Memory doctor"));
    m_doctor->setPlaceholderText(tr("MEMORY DOCTOR's advice appears here."));
    doctorColumn->addWidget(m_doctor, 1);
    serverLayout->addLayout(doctorColumn, 2);
    splitter->addWidget(server);

    // --- The big-keys scan
    auto* scan = new QGroupBox(tr("Big keys, TTLs and hot keys (a scan of the whole keyspace)"), splitter);
    auto* scanLayout = new QVBoxLayout(scan);
    auto* settings = new QHBoxLayout;
    const auto labelled = [&](const QString& text, QWidget* field, const QString& tip) {
        auto* label = new QLabel(text, scan);
        label->setBuddy(field);
        field->setToolTip(tip);
        settings->addWidget(label);
        settings->addWidget(field);
    };
    labelled(tr("COUNT:"), m_count, tr("Keys asked per SCAN step"));
    labelled(tr("Pause:"), m_pause, tr("Wait between SCAN steps: spares a production server, at the cost of time"));
    labelled(tr("Samples:"), m_samples,
             tr("MEMORY USAGE ... SAMPLES: elements sampled per collection (0 = all: exact, and slow on big keys)"));
    labelled(tr("Top:"), m_top, tr("Keys listed per type"));
    settings->addStretch();
    m_scan->setToolTip(tr("Scan every key (every master of a cluster, or its replicas if the profile says so): TYPE, "
                          "MEMORY USAGE, PTTL and the element count of each"));
    settings->addWidget(m_scan);
    settings->addWidget(m_export);
    scanLayout->addLayout(settings);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Not scanned yet. The scan reads every key once; on a busy production server, set a pause."));
    scanLayout->addWidget(m_status);

    m_results->setDocumentMode(true);
    auto* typesView = makeTable(m_types, m_results, tr("Totals by type"));
    m_results->addTab(typesView, tr("By Type"));
    auto* biggestView = makeTable(m_biggest, m_results, tr("Biggest keys"));
    m_results->addTab(biggestView, tr("Biggest Keys"));
    auto* elementsView = makeTable(m_mostElements, m_results, tr("Keys with the most elements"));
    m_results->addTab(elementsView, tr("Most Elements"));
    QChart* ttlChart = m_ttlChart->chart();
    auto* ttlSeries = new QBarSeries;
    ttlSeries->append(m_ttlSet);
    ttlSeries->setLabelsVisible(true);
    ttlSeries->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    ttlChart->addSeries(ttlSeries);
    ttlChart->addAxis(m_ttlAxis, Qt::AlignBottom);
    ttlChart->addAxis(m_ttlValue, Qt::AlignLeft);
    ttlSeries->attachAxis(m_ttlAxis);
    ttlSeries->attachAxis(m_ttlValue);
    ttlChart->legend()->hide();
    ttlChart->setTitle(tr("Keys by time to live"));
    m_ttlValue->setLabelFormat(QStringLiteral("%.0f"));
    m_ttlValue->setTickCount(5);
    m_ttlChart->setRenderHint(QPainter::Antialiasing);
    m_results->addTab(m_ttlChart, tr("TTL"));
    auto* hot = new QWidget(m_results);
    auto* hotLayout = new QVBoxLayout(hot);
    hotLayout->setContentsMargins(0, 0, 0, 0);
    m_hotNote->setWordWrap(true);
    hotLayout->addWidget(m_hotNote);
    auto* hotView = makeTable(m_hottest, hot, tr("Hot keys"));
    hotLayout->addWidget(hotView, 1);
    m_results->addTab(hot, tr("Hot Keys"));
    m_namespaces->setColumnCount(3);
    m_namespaces->setHorizontalHeaderLabels({ tr("Namespace"), tr("Keys"), tr("Memory") });
    m_namespaces->verticalHeader()->hide();
    m_namespaces->horizontalHeader()->setStretchLastSection(true);
    m_namespaces->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_namespaces->setAccessibleName(tr("Namespaces"));
    m_results->addTab(m_namespaces, tr("Namespaces"));
    scanLayout->addWidget(m_results, 1);
    splitter->addWidget(scan);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    // A key in a result opens in the key browser.
    for (QTableView* view : { biggestView, elementsView, hotView }) {
        connect(view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
            emit openKeyRequested(index.data(KeyDetailsModel::KeyRole).toByteArray());
        });
        view->setToolTip(tr("Double-click a key to open it in the key browser"));
    }
    connect(m_scan, &QPushButton::clicked, this, [this] {
        if (isScanning())
            cancelScan();
        else
            startScan();
    });
    connect(m_export, &QPushButton::clicked, this, &MemoryPage::chooseExport);
    connect(m_doctorButton, &QPushButton::clicked, this, [this] {
        if (!m_session)
            return;
        m_session->executeOn(m_node, { "MEMORY", "DOCTOR" }, this, [this](const Reply& reply) {
            m_doctor->setPlainText(reply.isError() ? tr("MEMORY DOCTOR failed: %1").arg(reply.errorMessage())
                                                   : QString::fromUtf8(reply.bytes()));
        });
    });
    m_export->setEnabled(false);
    m_results->setEnabled(false);
}

void MemoryPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_statsRead)
        refreshStats();
}

void MemoryPage::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    m_doctor->clear();
    if (isVisible())
        refreshStats();
    else
        m_statsRead = false;
}

QString MemoryPage::statusText() const { return m_status->text(); }
QString MemoryPage::statsText() const { return m_stats->text(); }
int MemoryPage::statsBarCount() const { return m_statsBars; }

void MemoryPage::refreshStats()
{
    if (!m_session)
        return;
    m_statsRead = true;
    m_session->executeOn(m_node, { "MEMORY", "STATS" }, this, [this](const Reply& reply) {
        if (reply.isError() || !reply.isArray()) {
            m_stats->setText(tr("MEMORY STATS failed: %1").arg(reply.isError() ? reply.errorMessage() : QString()));
            return;
        }
        QHash<QString, qint64> values;
        double fragmentation = 0;
        double datasetPercent = 0;
        const QList<Reply>& items = reply.elements();
        for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
            const QString name = QString::fromUtf8(items.at(i).bytes());
            const Reply& value = items.at(i + 1);
            if (value.isInteger())
                values.insert(name, value.integerValue());
            else if (name == QLatin1String("fragmentation"))
                fragmentation = value.bytes().toDouble();
            else if (name == QLatin1String("dataset.percentage"))
                datasetPercent = value.bytes().toDouble();
        }
        const qint64 clients = values.value(QStringLiteral("clients.normal")) + values.value(QStringLiteral("clients.slaves"));
        const qint64 scripts = values.value(QStringLiteral("lua.caches")) + values.value(QStringLiteral("functions.caches"));
        const qint64 known = values.value(QStringLiteral("startup.allocated")) + clients
            + values.value(QStringLiteral("replication.backlog")) + values.value(QStringLiteral("aof.buffer")) + scripts;
        const qint64 keyOverhead = qMax<qint64>(0, values.value(QStringLiteral("overhead.total")) - known);
        // Drawn from the bottom up: the biggest part of memory usually first in reading order.
        const QList<std::pair<QString, qint64>> parts {
            { tr("Fragmentation"), qMax<qint64>(0, values.value(QStringLiteral("fragmentation.bytes"))) },
            { tr("Scripts"), scripts },
            { tr("AOF buffer"), values.value(QStringLiteral("aof.buffer")) },
            { tr("Replication backlog"), values.value(QStringLiteral("replication.backlog")) },
            { tr("Clients"), clients },
            { tr("Startup"), values.value(QStringLiteral("startup.allocated")) },
            { tr("Key overhead"), keyOverhead },
            { tr("Dataset"), values.value(QStringLiteral("dataset.bytes")) },
        };
        qint64 largest = 1;
        for (const auto& part : parts)
            largest = std::max(largest, part.second);
        while (QLayoutItem* item = m_statsGrid->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        m_statsBars = 0;
        // Biggest first.
        QList<std::pair<QString, qint64>> sorted = parts;
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        int row = 0;
        for (const auto& [name, bytes] : sorted) {
            auto* label = new QLabel(name, this);
            auto* bar = new QProgressBar(this);
            bar->setRange(0, 1000);
            bar->setValue(int(1000.0 * double(bytes) / double(largest)));
            bar->setTextVisible(false);
            bar->setMaximumHeight(label->sizeHint().height() - 2);
            bar->setAccessibleName(name);
            auto* size = new QLabel(KeyDetailsModel::bytesText(bytes), this);
            size->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_statsGrid->addWidget(label, row, 0);
            m_statsGrid->addWidget(bar, row, 1);
            m_statsGrid->addWidget(size, row, 2);
            ++row;
            ++m_statsBars;
        }
        if (m_session && !m_session->isCluster())
            m_expectedKeys = values.value(QStringLiteral("keys.count"));
        m_stats->setText(tr("%1 allocated (peak %2) · dataset %3 % of it · %4 keys · fragmentation %5")
                             .arg(KeyDetailsModel::bytesText(values.value(QStringLiteral("total.allocated"))),
                                  KeyDetailsModel::bytesText(values.value(QStringLiteral("peak.allocated"))),
                                  QString::number(datasetPercent, 'f', 1),
                                  QLocale().toString(values.value(QStringLiteral("keys.count"))),
                                  QString::number(fragmentation, 'f', 2)));
    });
}

void MemoryPage::startScan()
{
    if (!m_session || m_analysis)
        return;
    refreshStats(); // and the key count the progress is measured against
    m_analysis = new MemoryAnalysis(m_session, QByteArray(), m_session->profile().namespaceSeparator.toUtf8(), 1, this);
    MemoryAnalysis::Options options;
    options.count = m_count->value();
    options.pauseMs = m_pause->value();
    options.samples = m_samples->value();
    options.topPerType = m_top->value();
    options.details = true;
    m_analysis->setOptions(options);
    m_analysis->setBiggestKeyLimit(0);
    connect(m_analysis, &MemoryAnalysis::progress, this, [this](qint64 scanned) {
        const QLocale locale;
        // DBSIZE (from MEMORY STATS) is known on a single server: the share done.
        m_status->setText(m_expectedKeys > 0
                              ? tr("Scanning: %1 of about %2 keys (%3 %)...")
                                    .arg(locale.toString(scanned), locale.toString(m_expectedKeys))
                                    .arg(qMin<qint64>(100, 100 * scanned / m_expectedKeys))
                              : tr("Scanning: %1 keys so far...").arg(locale.toString(scanned)));
    });
    connect(m_analysis, &MemoryAnalysis::finished, this, [this](const MemoryReport& report) {
        m_analysis->deleteLater();
        m_analysis = nullptr;
        showReport(report);
    });
    connect(m_analysis, &MemoryAnalysis::failed, this, [this](const QString& message) {
        m_analysis->deleteLater();
        m_analysis = nullptr;
        m_scan->setText(tr("Scan for Big Keys"));
        m_status->setText(tr("The scan failed: %1").arg(message));
    });
    m_scan->setText(tr("Cancel Scan"));
    m_status->setText(tr("Scanning..."));
    m_analysis->start();
}

void MemoryPage::cancelScan()
{
    if (m_analysis)
        m_analysis->cancel();
}

void MemoryPage::showReport(const MemoryReport& report)
{
    m_report = report;
    m_hasReport = true;
    m_scan->setText(tr("Scan for Big Keys"));
    m_export->setEnabled(true);
    m_results->setEnabled(true);
    const QLocale locale;
    m_status->setText((report.cancelled ? tr("Cancelled after %1 keys (%2) in %3 s: the numbers cover that part only.")
                                        : tr("%1 keys, %2, scanned in %3 s."))
                          .arg(locale.toString(report.totalKeys), KeyDetailsModel::bytesText(report.totalBytes),
                               QString::number(report.seconds, 'f', 1)));
    m_types->setReport(report);
    QList<MemoryReport::KeyDetail> biggest;
    QList<MemoryReport::KeyDetail> mostElements;
    for (const MemoryReport::TypeTotal& type : report.types) {
        biggest += type.biggestByBytes;
        mostElements += type.biggestByElements;
    }
    std::sort(biggest.begin(), biggest.end(), [](const auto& a, const auto& b) { return a.bytes > b.bytes; });
    std::sort(mostElements.begin(), mostElements.end(), [](const auto& a, const auto& b) { return a.elements > b.elements; });
    m_biggest->setKeys(biggest);
    m_mostElements->setKeys(mostElements);
    m_hottest->setKeys(report.hottest);
    m_hotNote->setText(report.hotKeysNote.isEmpty()
                           ? tr("The keys read most often (OBJECT FREQ, the LFU counter of policy %1).").arg(report.evictionPolicy)
                           : report.hotKeysNote);
    QStringList categories;
    QList<qreal> counts;
    qint64 largest = 0;
    for (const MemoryReport::TtlRange& range : report.ttl) {
        categories << range.label;
        counts << qreal(range.keys);
        largest = qMax(largest, range.keys);
    }
    QChart* chart = m_ttlChart->chart();
    QAbstractSeries* series = chart->series().first();
    series->detachAxis(m_ttlAxis);
    chart->removeAxis(m_ttlAxis);
    delete m_ttlAxis;
    m_ttlAxis = new QBarCategoryAxis;
    m_ttlAxis->append(categories);
    chart->addAxis(m_ttlAxis, Qt::AlignBottom);
    series->attachAxis(m_ttlAxis);
    m_ttlSet->remove(0, m_ttlSet->count());
    m_ttlSet->append(counts);
    m_ttlValue->setRange(0, roundTop(double(largest)));
    // Namespaces: the 1000 biggest (a keyspace of random names has as many namespaces as keys).
    const qsizetype shown = qMin<qsizetype>(report.namespaces.size(), 1000);
    m_namespaces->setRowCount(int(shown));
    for (qsizetype row = 0; row < shown; ++row) {
        const MemoryReport::NamespaceTotal& total = report.namespaces.at(row);
        m_namespaces->setItem(int(row), 0, new QTableWidgetItem(total.displayName()));
        auto* keys = new QTableWidgetItem(locale.toString(total.keys));
        keys->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_namespaces->setItem(int(row), 1, keys);
        m_namespaces->setItem(int(row), 2, new QTableWidgetItem(KeyDetailsModel::bytesText(total.bytes)));
    }
    m_namespaces->resizeColumnsToContents();
    // The node column only on a cluster; LFU counters only under an LFU policy.
    const bool cluster = m_session && m_session->isCluster();
    for (QTableView* view : findChildren<QTableView*>()) {
        if (view == m_namespaces)
            continue;
        if (qobject_cast<KeyDetailsModel*>(view->model())) {
            view->setColumnHidden(KeyDetailsModel::Node, !cluster);
            view->setColumnHidden(KeyDetailsModel::Frequency, report.hottest.isEmpty());
        }
        view->resizeColumnsToContents();
    }
}

void MemoryPage::chooseExport()
{
    if (!m_hasReport)
        return;
    auto* dialog = new QFileDialog(this, tr("Export Big Keys Report"), QString(),
                                   tr("JSON (*.json);;CSV (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("bigkeys.json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &MemoryPage::exportTo);
    dialog->open();
}

void MemoryPage::exportTo(const QString& fileName)
{
    if (!m_hasReport)
        return;
    m_status->setText(tr("Writing %1...").arg(fileName));
    QPointer<MemoryPage> guard(this);
    QThread* thread = this->thread();
    runInPool([report = m_report, fileName, guard, thread] {
        const QByteArray bytes = fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
            ? MemoryReportExport::toJson(report)
            : MemoryReportExport::toCsv(report);
        QSaveFile file(fileName);
        QString error;
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            error = file.errorString();
        postToThread(thread, [guard, fileName, error] {
            if (!guard)
                return;
            guard->m_status->setText(error.isEmpty() ? tr("Exported to %1.").arg(fileName)
                                                     : tr("Could not write %1: %2").arg(fileName, error));
            emit guard->exportFinished(fileName, error);
        });
    });
}

} // namespace vermilion::ui
