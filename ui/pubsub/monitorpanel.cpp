#include "monitorpanel.h"

#include "client/session.h"
#include "messagecolourdelegate.h"
#include "pubsub/monitorgroup.h"
#include "pubsub/monitormodel.h"
#include "util/redistext.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vermilion::ui {

MonitorPanel::MonitorPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_monitor(new MonitorGroup(session, this))
    , m_model(new MonitorModel(this))
    , m_filterTimer(new QTimer(this))
{
    setAccessibleName(tr("Monitor"));
    connect(m_monitor, &MonitorGroup::linesReceived, m_model, &MonitorModel::add);
    connect(m_monitor, &MonitorGroup::stateChanged, this, &MonitorPanel::onState);
    connect(m_model, &MonitorModel::countsChanged, this, &MonitorPanel::updateStatus);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filterTimer, &QTimer::timeout, this, &MonitorPanel::applyFilter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setAutoFillBackground(true);
    m_warning->setBackgroundRole(QPalette::ToolTipBase);
    m_warning->setForegroundRole(QPalette::ToolTipText);
    m_warning->setMargin(6);
    m_warning->setText(tr("<b>MONITOR costs the server throughput.</b> The server sends every command it runs, from "
                          "every client, to this connection: a busy server can lose half of its throughput or more "
                          "while MONITOR runs. Start it for short investigations and stop it when done."));
    m_warning->setAccessibleName(tr("MONITOR warning"));
    layout->addWidget(m_warning);

    auto* controls = new QHBoxLayout;
    m_startButton = new QPushButton(tr("Start MONITOR"), this);
    m_startButton->setToolTip(tr("Open a MONITOR connection (F5)"));
    {
        // Only while the panel (a tab among others) has the focus.
        auto* shortcut = new QShortcut(QKeySequence(Qt::Key_F5), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { start(); });
    }
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setToolTip(tr("Close the MONITOR connection (Shift+F5); what was captured stays"));
    {
        // Only while the panel (a tab among others) has the focus.
        auto* shortcut = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { stop(); });
    }
    m_stopButton->setEnabled(false);
    connect(m_startButton, &QPushButton::clicked, this, &MonitorPanel::start);
    connect(m_stopButton, &QPushButton::clicked, this, &MonitorPanel::stop);
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the view; lines keep being received and counted (Ctrl+P)"));
    {
        // Only while the panel (a tab among others) has the focus.
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_P), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { m_pauseButton->toggle(); });
    }
    connect(m_pauseButton, &QToolButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    });
    auto* clear = new QToolButton(this);
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Empty the view (Ctrl+L)"));
    {
        // Only while the panel (a tab among others) has the focus.
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { m_model->clear(); });
    }
    connect(clear, &QToolButton::clicked, m_model, &MonitorModel::clear);
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export\u2026"));
    exportButton->setToolTip(tr("Save the shown lines as JSON lines or CSV"));
    connect(exportButton, &QToolButton::clicked, this, &MonitorPanel::chooseExport);
    m_capacity = new QSpinBox(this);
    m_capacity->setRange(100, 5'000'000);
    m_capacity->setSingleStep(10'000);
    m_capacity->setValue(int(m_model->capacity()));
    m_capacity->setPrefix(tr("keep "));
    m_capacity->setSuffix(tr(" lines"));
    m_capacity->setGroupSeparatorShown(true);
    m_capacity->setAccessibleName(tr("Lines kept"));
    connect(m_capacity, &QSpinBox::editingFinished, this, [this] {
        m_model->setCapacity(m_capacity->value());
        saveSettings();
    });
    // Cluster: which nodes to watch; hidden on a single server.
    m_nodesButton = new QToolButton(this);
    m_nodesButton->setPopupMode(QToolButton::InstantPopup);
    m_nodesButton->setAccessibleName(tr("Nodes to monitor"));
    m_nodesButton->setToolTip(tr("The nodes whose commands are shown, merged by server time. Each costs its server "
                                 "throughput while MONITOR runs."));
    m_nodesButton->setMenu(new QMenu(m_nodesButton));
    m_nodesButton->hide();
    connect(m_session, &Session::clusterTopologyChanged, this, &MonitorPanel::updateNodes);
    connect(m_session, &Session::stateChanged, this, &MonitorPanel::updateNodes);
    m_rate = new QLabel(this);
    m_rate->setAccessibleName(tr("Commands per second"));
    QFont rateFont = m_rate->font();
    rateFont.setBold(true);
    m_rate->setFont(rateFont);
    m_state = new QLabel(this);
    controls->addWidget(m_startButton);
    controls->addWidget(m_stopButton);
    controls->addWidget(m_pauseButton);
    controls->addWidget(clear);
    controls->addWidget(exportButton);
    controls->addWidget(m_nodesButton);
    controls->addWidget(m_capacity);
    controls->addWidget(m_rate);
    controls->addWidget(m_state, 1);
    layout->addLayout(controls);

    auto* filters = new QHBoxLayout;
    m_commands = new QLineEdit(this);
    m_commands->setPlaceholderText(tr("Commands: get, set, hget"));
    m_commands->setAccessibleName(tr("Filter by command"));
    m_keyPattern = new QLineEdit(this);
    m_keyPattern->setPlaceholderText(tr("Key pattern: user:*"));
    m_keyPattern->setAccessibleName(tr("Filter by key pattern"));
    m_keyPattern->setToolTip(tr("A Redis glob matched against every argument after the command"));
    m_client = new QLineEdit(this);
    m_client->setPlaceholderText(tr("Client: 10.0.0.5, unix, lua"));
    m_client->setAccessibleName(tr("Filter by client"));
    m_database = new QSpinBox(this);
    m_database->setRange(-1, 9999);
    m_database->setValue(-1);
    m_database->setSpecialValueText(tr("any db"));
    m_database->setPrefix(tr("db "));
    m_database->setAccessibleName(tr("Filter by database"));
    for (QLineEdit* edit : { m_commands, m_keyPattern, m_client }) {
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    }
    connect(m_database, &QSpinBox::valueChanged, m_filterTimer, qOverload<>(&QTimer::start));
    filters->addWidget(new QLabel(tr("Filter:"), this));
    filters->addWidget(m_commands, 2);
    filters->addWidget(m_keyPattern, 2);
    filters->addWidget(m_client, 2);
    filters->addWidget(m_database);
    layout->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setAccessibleName(tr("Monitored commands"));
    m_view->setModel(m_model);
    auto* delegate = new MessageColourDelegate(-1, MonitorModel::SourceRole, m_view);
    delegate->setNoteKinds({ int(MonitorLine::Source::Gap), int(MonitorLine::Source::Unparsed) });
    m_view->setItemDelegate(delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    const int charWidth = fontMetrics().averageCharWidth();
    m_view->setColumnWidth(MonitorModel::TimeColumn, fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.0000")) + 16);
    m_view->setColumnWidth(MonitorModel::DatabaseColumn, charWidth * 5);
    m_view->setColumnWidth(MonitorModel::ClientColumn, charWidth * 22);
    m_view->setColumnWidth(MonitorModel::CommandColumn, charWidth * 14);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_followTail = value >= m_view->verticalScrollBar()->maximum() - 2; });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    layout->addWidget(m_status);
    restoreSettings();
    updateStatus();
    updateNodes();
    m_state->setText(tr("Stopped"));
}

QStringList MonitorPanel::nodes() const
{
    if (!m_session->isCluster())
        return {};
    const QStringList all = m_session->allNodes();
    QStringList chosen;
    for (const QString& node : m_chosenNodes) {
        if (all.contains(node))
            chosen << node;
    }
    return chosen.isEmpty() ? m_session->masterNodes() : chosen;
}

void MonitorPanel::setNodes(const QStringList& nodes)
{
    m_chosenNodes = nodes;
    saveSettings();
    updateNodes();
    if (m_monitor->isRunning()) {
        // Watching other nodes means other links: MONITOR starts again on the new choice.
        stop();
        start();
    }
}

void MonitorPanel::updateNodes()
{
    const bool cluster = m_session->isCluster();
    m_nodesButton->setVisible(cluster);
    m_view->setColumnHidden(MonitorModel::NodeColumn, !cluster);
    if (!cluster)
        return;
    // The node right after the time; the arguments keep the room that is left (last section).
    QHeaderView* header = m_view->horizontalHeader();
    if (header->visualIndex(MonitorModel::NodeColumn) == header->count() - 1) {
        header->moveSection(header->visualIndex(MonitorModel::NodeColumn), 1);
        m_view->setColumnWidth(MonitorModel::NodeColumn,
                               fontMetrics().horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + 16);
    }
    const QStringList chosen = nodes();
    const QStringList masters = m_session->masterNodes();
    m_nodesButton->setText(chosen == masters ? tr("Nodes: all masters")
                                             : tr("Nodes: %n chosen", nullptr, int(chosen.size())));
    QMenu* menu = m_nodesButton->menu();
    menu->clear();
    menu->addAction(tr("All masters"), this, [this] { setNodes({}); });
    menu->addAction(tr("All nodes"), this, [this] { setNodes(m_session->allNodes()); });
    menu->addSeparator();
    for (const QString& node : m_session->allNodes()) {
        QAction* action = menu->addAction(tr("%1 (%2)").arg(node, m_session->nodeRole(node)));
        action->setCheckable(true);
        action->setChecked(chosen.contains(node));
        connect(action, &QAction::toggled, this, [this, node](bool on) {
            QStringList next = nodes();
            if (on && !next.contains(node))
                next << node;
            else if (!on)
                next.removeAll(node);
            // None left means the default: every master.
            setNodes(next);
        });
    }
}

MonitorPanel::~MonitorPanel()
{
    saveSettings();
}

bool MonitorPanel::isRunning() const
{
    return m_monitor->isRunning();
}

void MonitorPanel::start()
{
    if (m_monitor->isRunning())
        return;
    m_monitor->setNodes(nodes());
    m_monitor->start();
    m_startButton->setEnabled(false);
    m_stopButton->setEnabled(true);
}

void MonitorPanel::stop()
{
    if (!m_monitor->isRunning())
        return;
    m_monitor->stop();
    m_startButton->setEnabled(true);
    m_stopButton->setEnabled(false);
    m_state->setText(tr("Stopped"));
}

void MonitorPanel::onState(Connection::State state, const QString& message, const QString& node)
{
    if (!m_monitor->isRunning())
        return;
    const QStringList watched = m_monitor->watched();
    if (m_monitor->state() == Connection::State::Connected) {
        m_state->setText(watched.size() > 1 ? tr("Monitoring %n nodes", nullptr, int(watched.size()))
                                            : tr("Monitoring %1").arg(node.isEmpty() ? m_session->profile().endpoint() : node));
        m_state->setToolTip(watched.join(QLatin1Char('\n')));
    } else {
        const QString text = message.isEmpty() ? Connection::stateName(state) : message;
        m_state->setText(node.isEmpty() ? text : tr("%1: %2").arg(node, text));
    }
    // One node failing does not stop the others; the buttons only follow a single server's link.
    if (state == Connection::State::Failed && watched.size() <= 1) {
        m_startButton->setEnabled(true);
        m_stopButton->setEnabled(false);
    }
}

void MonitorPanel::setFilterText(const QString& commands, const QString& keyPattern, const QString& client, int database)
{
    m_commands->setText(commands);
    m_keyPattern->setText(keyPattern);
    m_client->setText(client);
    m_database->setValue(database);
    applyFilter();
}

void MonitorPanel::applyFilter()
{
    m_filterTimer->stop();
    MonitorModel::Filter filter;
    filter.commands = MonitorModel::parseCommandList(m_commands->text());
    filter.keyPattern = RedisText::unescape(m_keyPattern->text().trimmed());
    filter.client = m_client->text().trimmed();
    filter.database = m_database->value();
    m_model->setFilter(filter);
    saveSettings();
}

QString MonitorPanel::statusText() const
{
    const QLocale locale;
    QString text = tr("%1 lines received \u00b7 %2 shown \u00b7 %3 dropped")
                       .arg(locale.toString(m_model->received() + m_model->droppedBeforeModel()),
                           locale.toString(m_model->rowCount()),
                           locale.toString(m_model->dropped() + m_model->droppedBeforeModel()));
    if (m_model->isPaused())
        text += tr(" \u00b7 paused, %1 waiting").arg(locale.toString(m_model->held()));
    return text;
}

void MonitorPanel::updateStatus()
{
    m_status->setText(statusText());
    m_rate->setText(tr("%1 commands/s").arg(QLocale().toString(m_model->commandsPerSecond(), 'f', 0)));
}

void MonitorPanel::chooseExport()
{
    auto* dialog = new QFileDialog(this, tr("Export MONITOR lines"), QString(), tr("JSON lines (*.jsonl);;CSV (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString& path) {
        exportTo(path,
            dialog->selectedNameFilter().contains(QLatin1String("csv"))
                || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive));
    });
    dialog->open();
}

void MonitorPanel::exportTo(const QString& path, bool csv)
{
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok)
        ok = csv ? m_model->exportCsv(&file) : m_model->exportJsonLines(&file);
    if (ok)
        ok = file.commit();
    if (!ok)
        QMessageBox::warning(this, tr("Export MONITOR lines"), tr("Cannot write %1: %2").arg(path, file.errorString()));
}

QString MonitorPanel::settingsKey(const QString& name) const
{
    const ConnectionProfile& profile = m_session->profile();
    const QString id = profile.sandbox || profile.id.isNull() ? QStringLiteral("sandbox")
                                                               : profile.id.toString(QUuid::WithoutBraces);
    return QStringLiteral("monitor/") + id + QLatin1Char('/') + name;
}

void MonitorPanel::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsKey(QStringLiteral("commands")), m_commands->text());
    settings.setValue(settingsKey(QStringLiteral("keyPattern")), m_keyPattern->text());
    settings.setValue(settingsKey(QStringLiteral("client")), m_client->text());
    settings.setValue(settingsKey(QStringLiteral("database")), m_database->value());
    settings.setValue(settingsKey(QStringLiteral("capacity")), m_capacity->value());
    settings.setValue(settingsKey(QStringLiteral("columns")), m_view->horizontalHeader()->saveState());
    settings.setValue(settingsKey(QStringLiteral("nodes")), m_chosenNodes);
}

void MonitorPanel::restoreSettings()
{
    QSettings settings;
    const QSignalBlocker blockCommands(m_commands);
    const QSignalBlocker blockKeys(m_keyPattern);
    const QSignalBlocker blockClient(m_client);
    const QSignalBlocker blockDb(m_database);
    m_commands->setText(settings.value(settingsKey(QStringLiteral("commands"))).toString());
    m_keyPattern->setText(settings.value(settingsKey(QStringLiteral("keyPattern"))).toString());
    m_client->setText(settings.value(settingsKey(QStringLiteral("client"))).toString());
    m_database->setValue(settings.value(settingsKey(QStringLiteral("database")), -1).toInt());
    const int capacity = settings.value(settingsKey(QStringLiteral("capacity")), 100'000).toInt();
    m_capacity->setValue(capacity);
    m_model->setCapacity(capacity);
    m_chosenNodes = settings.value(settingsKey(QStringLiteral("nodes"))).toStringList();
    const QByteArray columns = settings.value(settingsKey(QStringLiteral("columns"))).toByteArray();
    if (!columns.isEmpty())
        m_view->horizontalHeader()->restoreState(columns);
    MonitorModel::Filter filter;
    filter.commands = MonitorModel::parseCommandList(m_commands->text());
    filter.keyPattern = RedisText::unescape(m_keyPattern->text().trimmed());
    filter.client = m_client->text().trimmed();
    filter.database = m_database->value();
    m_model->setFilter(filter);
}

} // namespace vermilion::ui
