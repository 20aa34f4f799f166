#include "dashboardpanel.h"

#include "client/session.h"
#include "dashboard/clientlistmodel.h"
#include "dashboard/commandstatsmodel.h"
#include "dashboard/infodetails.h"
#include "dashboard/infopoller.h"
#include "dashboard/serverhealth.h"
#include "dashboard/slowlogmodel.h"
#include "dashboardchart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {

    // Holds the value label of a card. QLabel::setText makes its parent's layout compute again, and a
    // layout that did passes that on to every ancestor up to the window: each poll (the uptime changes
    // every second) laid out the whole window and repainted the tab widgets around the dashboard whole,
    // a quarter of the app's CPU time with the dashboard on screen. The holder has no layout, so the
    // chain ends here; it asks for a new layout only when the label wants another size.
    class CardValueHolder : public QWidget {
    public:
        CardValueHolder(QLabel* label, QWidget* parent)
            : QWidget(parent)
            , m_label(label)
            , m_hint(label->sizeHint())
        {
            label->setParent(this);
        }

        void labelChanged()
        {
            const QSize hint = m_label->sizeHint();
            if (hint != m_hint) {
                m_hint = hint;
                updateGeometry();
            }
        }

        QSize sizeHint() const override { return m_label->sizeHint(); }
        QSize minimumSizeHint() const override { return m_label->minimumSizeHint(); }

    protected:
        void resizeEvent(QResizeEvent*) override { m_label->setGeometry(rect()); }

    private:
        QLabel* m_label;
        QSize m_hint;
    };

    // Marks a card value that needs attention, with the reason as its tooltip.
    void setCard(QLabel* label, const QString& text, const QString& attention = QString())
    {
        label->setText(text);
        label->setToolTip(attention);
        // A style sheet set again, even the same one, polishes the label anew: only on a change.
        const QString style = attention.isEmpty() ? QString() : QStringLiteral("color: #c62828; font-weight: bold;");
        if (label->styleSheet() != style)
            label->setStyleSheet(style);
        if (auto* holder = dynamic_cast<CardValueHolder*>(label->parentWidget()))
            holder->labelChanged();
    }

    QTableView* makeTable(QWidget* parent, QSortFilterProxyModel* proxy, const QString& name)
    {
        auto* view = new QTableView(parent);
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setAlternatingRowColors(true);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->setAccessibleName(name);
        return view;
    }
} // namespace

DashboardPanel::DashboardPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_poller(new InfoPoller(session, this))
    , m_commandStats(new CommandStatsModel(this))
    , m_slowlog(new SlowlogModel(session, this))
    , m_clients(new ClientListModel(session, this))
{
    setObjectName(QStringLiteral("dashboardPanel"));
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Poll every"), this));
    m_interval = new QSpinBox(this);
    m_interval->setRange(1, 60);
    m_interval->setValue(1);
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccessibleName(tr("Poll interval"));
    bar->addWidget(m_interval);
    m_pauseHidden = new QCheckBox(tr("&Pause while hidden"), this);
    m_pauseHidden->setChecked(true);
    bar->addWidget(m_pauseHidden);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Window"), this));
    m_window = new QComboBox(this);
    m_window->addItem(tr("5 minutes"), 300);
    m_window->addItem(tr("1 hour"), 3600);
    m_window->addItem(tr("24 hours"), 86400);
    m_window->setAccessibleName(tr("Chart window"));
    bar->addWidget(m_window);
    // A cluster has a chart per node, or the sum of its masters; hidden on a single server.
    bar->addSpacing(12);
    m_nodeLabel = new QLabel(tr("&Node"), this);
    m_nodePicker = new QComboBox(this);
    m_nodePicker->setAccessibleName(tr("Node"));
    m_nodePicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_nodeLabel->setBuddy(m_nodePicker);
    m_nodeLabel->hide();
    m_nodePicker->hide();
    bar->addWidget(m_nodeLabel);
    bar->addWidget(m_nodePicker);
    bar->addStretch(1);
    auto* exportPng = new QPushButton(tr("Export chart as &PNG..."), this);
    auto* exportCsvButton = new QPushButton(tr("Export history as &CSV..."), this);
    bar->addWidget(exportPng);
    bar->addWidget(exportCsvButton);
    layout->addLayout(bar);

    m_infoError = new QLabel(this);
    m_infoError->setWordWrap(true);
    m_infoError->hide();
    layout->addWidget(m_infoError);

    auto* cards = new QGroupBox(tr("Server"), this);
    m_cardsBox = cards;
    auto* grid = new QGridLayout(cards);
    m_version = addCard(grid, 0, tr("Version"));
    m_mode = addCard(grid, 1, tr("Mode"));
    m_role = addCard(grid, 2, tr("Role"));
    m_uptime = addCard(grid, 3, tr("Uptime"));
    m_persistence = addCard(grid, 4, tr("Persistence"));
    m_fragmentation = addCard(grid, 5, tr("Fragmentation"));
    m_policy = addCard(grid, 6, tr("Maxmemory policy"));
    m_connections = addCard(grid, 7, tr("Connections"));
    layout->addWidget(cards);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildCharts(), tr("Charts"));
    m_tabs->addTab(buildInfoTab(), tr("INFO"));
    m_tabs->addTab(buildCommandsTab(), tr("Command statistics"));
    m_tabs->addTab(buildSlowlogTab(), tr("Slow log"));
    m_tabs->addTab(buildClientsTab(), tr("Clients"));
    layout->addWidget(m_tabs, 1);

    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) { m_poller->setInterval(seconds * 1000); });
    connect(m_pauseHidden, &QCheckBox::toggled, this, [this](bool pause) {
        if (!pause)
            m_poller->start();
        else if (!isVisible())
            m_poller->stop();
    });
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWindowSeconds(m_window->itemData(index).toLongLong()); });
    connect(exportPng, &QPushButton::clicked, this, &DashboardPanel::exportChart);
    connect(exportCsvButton, &QPushButton::clicked, this, &DashboardPanel::exportCsv);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DashboardPanel::onTabChanged);
    connect(m_poller, &InfoPoller::sampled, this, &DashboardPanel::onSample);
    connect(m_poller, &InfoPoller::infoChanged, this, &DashboardPanel::onInfo);
    connect(m_poller, &InfoPoller::failed, this, &DashboardPanel::onInfoFailed);
    connect(m_poller, &InfoPoller::viewChanged, this, &DashboardPanel::onViewChanged);
    connect(m_nodePicker, &QComboBox::activated, this,
            [this](int index) { m_poller->setView(m_nodePicker->itemData(index).toString()); });
    connect(m_session, &Session::clusterTopologyChanged, this, &DashboardPanel::updateNodeColumns);
    connect(m_session, &Session::stateChanged, this, &DashboardPanel::updateNodeColumns);
    updateNodeColumns();
}

void DashboardPanel::onViewChanged()
{
    // The picker lists what the poller polls: the sum, then each node with its role.
    const QStringList nodes = m_poller->nodes();
    const bool cluster = !nodes.isEmpty();
    m_nodeLabel->setVisible(cluster);
    m_nodePicker->setVisible(cluster);
    m_nodePicker->blockSignals(true);
    m_nodePicker->clear();
    if (cluster) {
        m_nodePicker->addItem(tr("All masters (sum)"), QString());
        for (const QString& node : nodes) {
            const QString role = m_session->nodeRole(node);
            m_nodePicker->addItem(role.isEmpty() ? node : tr("%1 (%2)").arg(node, role), node);
        }
        m_nodePicker->setCurrentIndex(qMax(0, m_nodePicker->findData(m_poller->view())));
    }
    m_nodePicker->blockSignals(false);
    if (!cluster)
        m_cardsBox->setTitle(tr("Server"));
    else if (m_poller->view().isEmpty())
        m_cardsBox->setTitle(tr("Server %1 (the first master; the charts add up every master)").arg(nodes.first()));
    else
        m_cardsBox->setTitle(tr("Server %1").arg(m_poller->view()));
    // Everything drawn so far belongs to the old view.
    for (DashboardChart* chart : std::as_const(m_charts))
        chart->refresh(m_poller->history(), m_windowSeconds, true);
    updateCards(m_poller->lastInfo());
    if (m_tabs->currentIndex() == 1)
        updateInfoTree(m_poller->lastInfo());
    if (m_tabs->currentIndex() == 2)
        m_commandStats->setStats(InfoDetails::commandStats(m_poller->lastInfo()));
}

void DashboardPanel::updateNodeColumns()
{
    // The node column only means something on a cluster; there it comes first.
    const bool cluster = m_session->isCluster();
    m_slowlogView->setColumnHidden(SlowlogModel::NodeColumn, !cluster);
    m_clientView->setColumnHidden(ClientListModel::NodeColumn, !cluster);
    if (cluster) {
        m_slowlogView->horizontalHeader()->moveSection(
            m_slowlogView->horizontalHeader()->visualIndex(SlowlogModel::NodeColumn), 0);
        m_clientView->horizontalHeader()->moveSection(
            m_clientView->horizontalHeader()->visualIndex(ClientListModel::NodeColumn), 0);
    }
}

DashboardPanel::~DashboardPanel() = default;

QLabel* DashboardPanel::addCard(QGridLayout* grid, int index, const QString& caption)
{
    auto* name = new QLabel(caption + QLatin1Char(':'), this);
    QPalette dim = name->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    name->setPalette(dim);
    auto* value = new QLabel(tr("no data"), this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const int row = index % 4;
    const int column = index / 4 * 2;
    grid->addWidget(name, row, column);
    grid->addWidget(new CardValueHolder(value, this), row, column + 1);
    grid->setColumnStretch(column + 1, 1);
    return value;
}

QWidget* DashboardPanel::buildCharts()
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* page = new QWidget(scroll);
    auto* grid = new QGridLayout(page);
    const auto add = [this, grid, page](const QString& title, Quantity quantity) {
        auto* chart = new DashboardChart(title, quantity, page);
        grid->addWidget(chart, int(m_charts.size()) / 2, int(m_charts.size()) % 2);
        m_charts.append(chart);
        return chart;
    };
    using Style = DashboardChart::LineStyle;
    DashboardChart* chart = add(tr("Commands per second"), Quantity::Rate);
    chart->addSeries(tr("commands/s"), [](const Sample& s) { return s.commandsPerSecond; });
    chart = add(tr("Memory"), Quantity::Bytes);
    // Drawn from the back to the front, so that the memory in use (often equal to the peak, close to
    // RSS) is always on top; the legend lists the lines the other way round, "used" first.
    chart->setLegendReversed(true);
    chart->addSeries(tr("maxmemory"), [](const Sample& s) { return s.maxMemory; },
                     Style { DashboardChart::paletteColor(3), Qt::DashLine, 2 });
    chart->addSeries(tr("peak"), [](const Sample& s) { return s.peakMemory; },
                     Style { DashboardChart::paletteColor(2), Qt::DashLine, 2 });
    chart->addSeries(tr("RSS"), [](const Sample& s) { return s.rssMemory; },
                     Style { DashboardChart::paletteColor(1) });
    chart->addSeries(tr("used"), [](const Sample& s) { return s.usedMemory; },
                     Style { DashboardChart::paletteColor(0) });
    chart = add(tr("Clients"), Quantity::Count);
    chart->addSeries(tr("connected"), [](const Sample& s) { return s.connectedClients; });
    chart->addSeries(tr("blocked"), [](const Sample& s) { return s.blockedClients; });
    chart = add(tr("Keyspace hit ratio"), Quantity::Percent);
    chart->setFixedTop(100);
    chart->addSeries(tr("hits"), [](const Sample& s) { return s.hitRatioPercent; });
    chart = add(tr("Network"), Quantity::BytesPerSecond);
    chart->addSeries(tr("in"), [](const Sample& s) { return s.networkInPerSecond; });
    chart->addSeries(tr("out"), [](const Sample& s) { return s.networkOutPerSecond; });
    chart = add(tr("CPU (% of one core)"), Quantity::Percent);
    chart->addSeries(tr("user + system"), [](const Sample& s) { return s.cpuPercent; });
    // One line per database with keys (and one for its keys with an expiry), added as they appear.
    m_keysChart = add(tr("Keys per database"), Quantity::Count);
    chart = add(tr("Expired and evicted keys per second"), Quantity::Rate);
    chart->addSeries(tr("expired"), [](const Sample& s) { return s.expiredPerSecond; });
    chart->addSeries(tr("evicted"), [](const Sample& s) { return s.evictedPerSecond; });
    scroll->setWidget(page);
    return scroll;
}

QWidget* DashboardPanel::buildInfoTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_infoSearch = new QLineEdit(page);
    m_infoSearch->setPlaceholderText(tr("Search fields and values"));
    m_infoSearch->setClearButtonEnabled(true);
    layout->addWidget(m_infoSearch);
    m_infoTree = new QTreeWidget(page);
    m_infoTree->setColumnCount(2);
    m_infoTree->setHeaderLabels({ tr("Field"), tr("Value") });
    m_infoTree->setUniformRowHeights(true);
    m_infoTree->setAccessibleName(tr("INFO by section"));
    layout->addWidget(m_infoTree, 1);
    connect(m_infoSearch, &QLineEdit::textChanged, this, [this] { updateInfoTree(m_poller->lastInfo()); });
    return page;
}

QWidget* DashboardPanel::buildCommandsTab()
{
    m_commandProxy = new QSortFilterProxyModel(this);
    m_commandProxy->setSourceModel(m_commandStats);
    m_commandProxy->setSortRole(CommandStatsModel::SortRole);
    QTableView* view = makeTable(this, m_commandProxy, tr("Command statistics"));
    view->sortByColumn(CommandStatsModel::CallsColumn, Qt::DescendingOrder);
    return view;
}

QWidget* DashboardPanel::buildSlowlogTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* bar = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("&Refresh"), page);
    auto* reset = new QPushButton(tr("Re&set slow log..."), page);
    m_slowlogMessage = new QLabel(page);
    m_slowlogMessage->setWordWrap(true);
    bar->addWidget(refresh);
    bar->addWidget(reset);
    bar->addWidget(m_slowlogMessage, 1);
    layout->addLayout(bar);
    m_slowlogProxy = new QSortFilterProxyModel(this);
    m_slowlogProxy->setSourceModel(m_slowlog);
    m_slowlogProxy->setSortRole(SlowlogModel::SortRole);
    m_slowlogView = makeTable(page, m_slowlogProxy, tr("Slow log"));
    // Newest first; on a cluster ids are per node, so time orders the merged log.
    m_slowlogView->sortByColumn(SlowlogModel::TimeColumn, Qt::DescendingOrder);
    // One line per entry; the command takes the room that is left, the rest fit their text.
    m_slowlogView->setWordWrap(false);
    m_slowlogView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_slowlogView->horizontalHeader()->setStretchLastSection(false);
    m_slowlogView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_slowlogView->horizontalHeader()->setSectionResizeMode(SlowlogModel::CommandColumn, QHeaderView::Stretch);
    m_slowlogView->setColumnWidth(SlowlogModel::IdColumn, fontMetrics().horizontalAdvance(QStringLiteral("0000000")) + 16);
    m_slowlogView->setColumnWidth(SlowlogModel::TimeColumn,
                                  fontMetrics().horizontalAdvance(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)) + 24);
    m_slowlogView->setColumnWidth(SlowlogModel::DurationColumn, fontMetrics().horizontalAdvance(QStringLiteral("000,000 µs")) + 16);
    m_slowlogView->setColumnWidth(SlowlogModel::ClientColumn, fontMetrics().horizontalAdvance(QStringLiteral("127.0.0.1:65535 (vermilion:dashboard)")) + 16);
    m_slowlogView->setColumnWidth(SlowlogModel::NodeColumn, fontMetrics().horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + 16);
    layout->addWidget(m_slowlogView, 1);
    connect(refresh, &QPushButton::clicked, m_slowlog, [this] { m_slowlog->refresh(); });
    connect(reset, &QPushButton::clicked, this, &DashboardPanel::resetSlowlog);
    connect(m_slowlog, &SlowlogModel::errorOccurred, this, [this](const QString& message) {
        m_slowlogMessage->setText(tr("The slow log is not available: %1").arg(message));
    });
    connect(m_slowlog, &SlowlogModel::refreshed, this, [this] {
        m_slowlogMessage->setText(tr("%n entries", nullptr, m_slowlog->rowCount()));
    });
    return page;
}

QWidget* DashboardPanel::buildClientsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* bar = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("R&efresh"), page);
    auto* kill = new QPushButton(tr("&Kill client..."), page);
    m_clientsMessage = new QLabel(page);
    m_clientsMessage->setWordWrap(true);
    bar->addWidget(refresh);
    bar->addWidget(kill);
    bar->addWidget(m_clientsMessage, 1);
    layout->addLayout(bar);
    m_clientProxy = new QSortFilterProxyModel(this);
    m_clientProxy->setSourceModel(m_clients);
    m_clientProxy->setSortRole(ClientListModel::SortRole);
    m_clientView = makeTable(page, m_clientProxy, tr("Clients"));
    m_clientView->setColumnWidth(ClientListModel::NodeColumn, fontMetrics().horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + 16);
    layout->addWidget(m_clientView, 1);
    connect(refresh, &QPushButton::clicked, m_clients, [this] { m_clients->refresh(); });
    connect(kill, &QPushButton::clicked, this, &DashboardPanel::killSelectedClient);
    connect(m_clients, &ClientListModel::errorOccurred, this,
            [this](const QString& message) { m_clientsMessage->setText(tr("Refused: %1").arg(message)); });
    connect(m_clients, &ClientListModel::refreshed, this, [this] {
        m_clientsMessage->setText(tr("%n clients", nullptr, m_clients->rowCount()));
    });
    return page;
}

void DashboardPanel::setWindowSeconds(qint64 seconds)
{
    m_windowSeconds = seconds;
    const int index = m_window->findData(seconds);
    if (index >= 0 && index != m_window->currentIndex())
        m_window->setCurrentIndex(index);
    refreshCharts(true);
}

void DashboardPanel::setPauseWhenHidden(bool pause) { m_pauseHidden->setChecked(pause); }

QString DashboardPanel::infoErrorText() const { return m_infoError->isVisible() ? m_infoError->text() : QString(); }

QString DashboardPanel::slowlogMessage() const { return m_slowlogMessage->text(); }

QString DashboardPanel::clientsMessage() const { return m_clientsMessage->text(); }

void DashboardPanel::showSection(const QString& name)
{
    static const QStringList names { QStringLiteral("charts"), QStringLiteral("info"), QStringLiteral("commands"),
                                     QStringLiteral("slowlog"), QStringLiteral("clients") };
    const int index = int(names.indexOf(name));
    if (index >= 0)
        m_tabs->setCurrentIndex(index);
}

void DashboardPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_poller->start();
    refreshCharts(true);
}

void DashboardPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (m_pauseHidden->isChecked())
        m_poller->stop();
}

void DashboardPanel::onSample(const Sample& sample)
{
    bool linesAdded = false;
    for (int db = 0; db < Sample::trackedDatabases; ++db) {
        if (!Sample::has(sample.databaseKeys[size_t(db)]) || m_databasesCharted.contains(db))
            continue;
        m_databasesCharted.insert(db);
        // A colour per database; its keys with an expiry in a darker shade of it, dashed.
        const QColor color = DashboardChart::paletteColor(int(m_databasesCharted.size()) - 1);
        m_keysChart->addSeries(tr("db%1 keys").arg(db), [db](const Sample& s) { return s.databaseKeys[size_t(db)]; },
                               { color });
        m_keysChart->addSeries(tr("db%1 with expiry").arg(db),
                               [db](const Sample& s) { return s.databaseExpires[size_t(db)]; },
                               { color.darker(160), Qt::DashLine, 2 });
        linesAdded = true;
    }
    // A line that just appeared is drawn at once, not after the next throttled redraw.
    refreshCharts(linesAdded);
}

void DashboardPanel::refreshCharts(bool force)
{
    // Hidden charts are not redrawn at all; showing them again redraws once from the history.
    if (!isVisible() || m_tabs->currentIndex() != 0)
        return;
    // A 24-hour window at 1000 points moves by one point every 86 s: redrawing it every second would
    // draw the same picture.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 step = qMax<qint64>(m_interval->value() * 1000, m_windowSeconds * 1000 / DashboardChart::maxPoints);
    if (!force && now - m_lastChartRefreshMs < step - 50)
        return;
    m_lastChartRefreshMs = now;
    for (DashboardChart* chart : std::as_const(m_charts))
        chart->refresh(m_poller->history(), m_windowSeconds);
}

void DashboardPanel::onInfo(const ServerInfo& info)
{
    m_infoError->hide();
    updateCards(info);
    if (!isVisible())
        return;
    const int tab = m_tabs->currentIndex();
    if (tab == 1 && m_infoSearch->text().isEmpty() && ++m_pollsSinceTables % 5 == 0)
        updateInfoTree(info);
    if (tab == 2)
        m_commandStats->setStats(InfoDetails::commandStats(info));
}

void DashboardPanel::onInfoFailed(const QString& message)
{
    m_infoError->setText(tr("INFO is not available (%1), so charts and cards cannot update. The other tables "
                            "still work.")
                             .arg(message));
    m_infoError->show();
}

void DashboardPanel::updateCards(const ServerInfo& info)
{
    const auto orNoData = [](const QString& text) { return text.isEmpty() ? tr("no data") : text; };
    setCard(m_version, orNoData(info.version()));
    QString mode = info.mode();
    if (mode.isEmpty() && info.contains("cluster_enabled"))
        mode = info.integer("cluster_enabled") == 1 ? QStringLiteral("cluster") : QStringLiteral("standalone");
    setCard(m_mode, orNoData(mode));
    // The same facts and warnings as the overview's (ServerHealth, in core).
    const auto show = [](QLabel* card, const ServerHealth::Finding& finding) {
        setCard(card, finding.text, finding.attention);
        if (!finding.detail.isEmpty())
            card->setToolTip(finding.attention.isEmpty() ? finding.detail : finding.attention + QLatin1Char('\n') + finding.detail);
    };
    show(m_role, ServerHealth::role(info));
    setCard(m_uptime, info.contains("uptime_in_seconds") ? ServerHealth::duration(info.integer("uptime_in_seconds")) : tr("no data"));
    show(m_persistence, ServerHealth::persistence(info));
    show(m_fragmentation, ServerHealth::fragmentation(info));
    show(m_policy, ServerHealth::evictionPolicy(info));
    show(m_connections, ServerHealth::connections(info));
}

void DashboardPanel::updateInfoTree(const ServerInfo& info)
{
    const QString filter = m_infoSearch->text();
    m_infoTree->setUpdatesEnabled(false);
    m_infoTree->clear();
    for (const ServerInfo::Section& section : info.sections()) {
        auto* top = new QTreeWidgetItem(m_infoTree, { QString::fromUtf8(section.name) });
        for (const ServerInfo::Field& field : section.fields) {
            const QString name = QString::fromUtf8(field.name);
            const QString value = QString::fromUtf8(field.value);
            if (!filter.isEmpty() && !name.contains(filter, Qt::CaseInsensitive)
                && !value.contains(filter, Qt::CaseInsensitive))
                continue;
            new QTreeWidgetItem(top, { name, value });
        }
        if (top->childCount() == 0 && !filter.isEmpty())
            delete top;
        else
            top->setExpanded(true);
    }
    m_infoTree->resizeColumnToContents(0);
    m_infoTree->setUpdatesEnabled(true);
}

void DashboardPanel::onTabChanged(int index)
{
    switch (index) {
    case 0:
        refreshCharts(true);
        break;
    case 1:
        updateInfoTree(m_poller->lastInfo());
        break;
    case 2:
        m_commandStats->setStats(InfoDetails::commandStats(m_poller->lastInfo()));
        break;
    case 3:
        m_slowlog->refresh();
        break;
    case 4:
        m_clients->refresh();
        break;
    default:
        break;
    }
}

void DashboardPanel::exportChart()
{
    QStringList titles;
    for (DashboardChart* chart : std::as_const(m_charts))
        titles << chart->title();
    bool ok = false;
    const QString title = QInputDialog::getItem(this, tr("Export chart"), tr("Chart:"), titles, 0, false, &ok);
    if (!ok)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as PNG"), QString(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    DashboardChart* chart = m_charts.at(titles.indexOf(title));
    // A chart scrolled out of view has not been drawn since: up to date first.
    chart->refresh(m_poller->history(), m_windowSeconds, true);
    if (!chart->grab().save(path, "PNG"))
        QMessageBox::warning(this, tr("Export chart"), tr("Could not write %1.").arg(path));
}

void DashboardPanel::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history as CSV"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(m_poller->history().toCsv()) < 0)
        QMessageBox::warning(this, tr("Export history"), tr("Could not write %1: %2").arg(path, file.errorString()));
}

void DashboardPanel::resetSlowlog()
{
    if (QMessageBox::question(this, tr("Reset slow log"),
                              m_session->isCluster()
                                  ? tr("Delete every slow log entry on all %n nodes of the cluster? Other users of "
                                       "these servers lose them too.",
                                       nullptr, int(m_session->allNodes().size()))
                                  : tr("Delete every slow log entry on the server? Other users of this server lose "
                                       "them too."))
        != QMessageBox::Yes)
        return;
    m_slowlog->reset();
}

void DashboardPanel::killSelectedClient()
{
    const QModelIndex current = m_clientView->currentIndex();
    if (!current.isValid()) {
        m_clientsMessage->setText(tr("Select a client to kill first."));
        return;
    }
    const QModelIndex source = m_clientProxy->mapToSource(current);
    const ClientListModel::Client& client = m_clients->clients().at(source.row());
    if (QMessageBox::question(this, tr("Kill client"),
                              client.node.isEmpty()
                                  ? tr("Close the connection of client %1 (%2)?")
                                        .arg(client.id)
                                        .arg(QString::fromUtf8(client.fields.value("addr")))
                                  : tr("Close the connection of client %1 (%2) on node %3?")
                                        .arg(client.id)
                                        .arg(QString::fromUtf8(client.fields.value("addr")), client.node))
        != QMessageBox::Yes)
        return;
    m_clients->kill(client.id, client.node);
}

} // namespace vermilion::ui
