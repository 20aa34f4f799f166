#include "pubsubpanel.h"

#include "client/session.h"
#include "pubsub/publish.h"
#include "pubsub/channeldiscoverymodel.h"
#include "pubsub/demopublisher.h"
#include "pubsub/keyspacenotifications.h"
#include "pubsub/pubsubpane.h"
#include "pubsubpanewidget.h"
#include "util/redistext.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
constexpr int trayIntervalMs = 3000; // across all panes, on top of each rule's own limit
}

PubSubPanel::PubSubPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_channels(new ChannelDiscoveryModel(this))
    , m_saveTimer(new QTimer(this))
{
    setAccessibleName(tr("Pub/sub"));
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500);
    connect(m_saveTimer, &QTimer::timeout, this, &PubSubPanel::saveState);
    buildUi();
    restoreState();
}

PubSubPanel::~PubSubPanel()
{
    if (m_saveTimer->isActive())
        saveState();
}

void PubSubPanel::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* toolbar = new QHBoxLayout;
    auto* newPane = new QPushButton(tr("New pane"), this);
    newPane->setToolTip(tr("A pane with its own subscriber connection (Ctrl+Shift+N)"));
    auto* newPaneShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    newPaneShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newPaneShortcut, &QShortcut::activated, newPane, &QPushButton::click);
    connect(newPane, &QPushButton::clicked, this, [this] {
        PubSubPaneWidget* pane = addPane();
        pane->start();
    });
    auto* keyspace = new QPushButton(tr("Keyspace notifications"), this);
    auto* keyspaceMenu = new QMenu(keyspace);
    keyspaceMenu->addAction(tr("Events per key (__keyspace@db__:*)"), this, [this] { openKeyspacePane(true); });
    keyspaceMenu->addAction(tr("Keys per event (__keyevent@db__:*)"), this, [this] { openKeyspacePane(false); });
    keyspace->setMenu(keyspaceMenu);
    keyspace->setToolTip(tr("Open a pane on the keyspace notifications of the current database"));
    m_layoutCombo = new QComboBox(this);
    m_layoutCombo->setAccessibleName(tr("Pane layout"));
    m_layoutCombo->addItem(tr("Side by side"));
    m_layoutCombo->addItem(tr("Tabbed"));
    connect(m_layoutCombo, &QComboBox::currentIndexChanged, this,
        [this](int index) { setPaneLayout(index == 0 ? Layout::SideBySide : Layout::Tabbed); });
    m_discoveryButton = new QPushButton(tr("Channels"), this);
    m_discoveryButton->setCheckable(true);
    m_discoveryButton->setToolTip(tr("Show the server's active channels (PUBSUB CHANNELS, NUMSUB, NUMPAT)"));
    connect(m_discoveryButton, &QPushButton::toggled, this, &PubSubPanel::setDiscoveryVisible);
    m_notifyCheck = new QCheckBox(tr("Desktop notifications"), this);
    m_notifyCheck->setChecked(true);
    m_notifyCheck->setToolTip(tr("Show the notifications of rules that ask for them in the system tray (at most one "
                                 "every %n second(s))",
        nullptr, trayIntervalMs / 1000));
    connect(m_notifyCheck, &QCheckBox::toggled, this, &PubSubPanel::scheduleSave);
    m_notificationStatus = new QLabel(this);
    toolbar->addWidget(newPane);
    toolbar->addWidget(keyspace);
    toolbar->addWidget(new QLabel(tr("Layout:"), this));
    toolbar->addWidget(m_layoutCombo);
    toolbar->addWidget(m_discoveryButton);
    toolbar->addWidget(m_notifyCheck);
    toolbar->addWidget(m_notificationStatus, 1);
    layout->addLayout(toolbar);

    m_mainSplit = new QSplitter(Qt::Horizontal, this);
    m_stack = new QStackedWidget(m_mainSplit);
    m_sideBySide = new QSplitter(Qt::Horizontal, m_stack);
    m_sideBySide->setChildrenCollapsible(false);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto* pane = qobject_cast<PubSubPaneWidget*>(m_tabs->widget(index)))
            closePane(pane);
    });
    m_emptyHint = new QLabel(tr("No pane yet. \"New pane\" opens one with its own subscriber connection."), m_stack);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_stack->addWidget(m_sideBySide);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_emptyHint);

    m_discovery = new QWidget(m_mainSplit);
    auto* discoveryLayout = new QVBoxLayout(m_discovery);
    discoveryLayout->setContentsMargins(4, 0, 0, 0);
    auto* discoveryRow = new QHBoxLayout;
    m_discoveryPattern = new QLineEdit(m_discovery);
    m_discoveryPattern->setPlaceholderText(tr("Pattern (empty: all)"));
    m_discoveryPattern->setAccessibleName(tr("Channel pattern"));
    auto* refresh = new QPushButton(tr("Refresh"), m_discovery);
    auto* refreshShortcut = new QShortcut(QKeySequence::Refresh, m_discovery);
    refreshShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshShortcut, &QShortcut::activated, this, &PubSubPanel::refreshChannels);
    connect(refresh, &QPushButton::clicked, this, &PubSubPanel::refreshChannels);
    connect(m_discoveryPattern, &QLineEdit::returnPressed, this, &PubSubPanel::refreshChannels);
    discoveryRow->addWidget(m_discoveryPattern, 1);
    discoveryRow->addWidget(refresh);
    discoveryLayout->addLayout(discoveryRow);
    m_channelView = new QTableView(m_discovery);
    m_channelView->setAccessibleName(tr("Active channels"));
    m_channelView->setModel(m_channels);
    m_channelView->verticalHeader()->hide();
    m_channelView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_channelView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_channelView->horizontalHeader()->setSectionResizeMode(ChannelDiscoveryModel::ChannelColumn, QHeaderView::Stretch);
    m_channelView->horizontalHeader()->setSectionResizeMode(
        ChannelDiscoveryModel::SubscribersColumn, QHeaderView::ResizeToContents);
    m_channelView->setToolTip(tr("Double-click a channel to subscribe to it in the current pane"));
    connect(m_channelView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        PubSubPaneWidget* pane = currentPane();
        if (!pane) {
            pane = addPane();
            pane->start();
        }
        pane->addSubscription(index.data(ChannelDiscoveryModel::ChannelBytesRole).toByteArray(), false);
    });
    discoveryLayout->addWidget(m_channelView, 1);
    m_discoveryStatus = new QLabel(m_discovery);
    m_discoveryStatus->setWordWrap(true);
    discoveryLayout->addWidget(m_discoveryStatus);
    connect(m_channels, &ChannelDiscoveryModel::refreshed, this, [this](int channels, qint64 patterns) {
        m_discoveryStatus->setText(tr("%n active channel(s)", nullptr, channels) + QStringLiteral(" \u00b7 ")
            + tr("%n pattern subscription(s) (NUMPAT)", nullptr, int(patterns)));
    });
    connect(m_channels, &ChannelDiscoveryModel::failed, m_discoveryStatus, &QLabel::setText);
    m_mainSplit->addWidget(m_stack);
    m_mainSplit->addWidget(m_discovery);
    m_mainSplit->setStretchFactor(0, 4);
    m_mainSplit->setStretchFactor(1, 1);
    m_discovery->hide();
    layout->addWidget(m_mainSplit, 1);

    // Publish bar.
    auto* publishRow = new QHBoxLayout;
    m_publishChannel = new QLineEdit(this);
    m_publishChannel->setPlaceholderText(tr("Channel"));
    m_publishChannel->setAccessibleName(tr("Channel to publish on"));
    m_publishPayload = new QLineEdit(this);
    m_publishPayload->setPlaceholderText(tr("Message (\\xff escapes for bytes) \u2014 Ctrl+Enter to publish"));
    m_publishPayload->setAccessibleName(tr("Message to publish"));
    auto* publishButton = new QPushButton(tr("Publish"), this);
    publishButton->setToolTip(tr("PUBLISH the message (Ctrl+Enter)"));
    connect(publishButton, &QPushButton::clicked, this, &PubSubPanel::publishFromBar);
    connect(m_publishPayload, &QLineEdit::returnPressed, this, &PubSubPanel::publishFromBar);
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &PubSubPanel::publishFromBar);
    m_publishResult = new QLabel(this);
    m_publishResult->setAccessibleName(tr("Publish result"));
    m_publishResult->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    publishRow->addWidget(new QLabel(tr("Publish:"), this));
    publishRow->addWidget(m_publishChannel, 1);
    publishRow->addWidget(m_publishPayload, 3);
    m_publishSharded = new QCheckBox(tr("SPUBLISH"), this);
    m_publishSharded->setToolTip(tr("Sharded: SPUBLISH reaches the SSUBSCRIBE subscribers of the channel's shard "
                                    "(sharded panes); PUBLISH reaches classic subscribers on every node."));
    m_publishSharded->setVisible(m_session->isCluster());
    connect(m_session, &Session::stateChanged, m_publishSharded,
            [this] { m_publishSharded->setVisible(m_session->isCluster()); });
    publishRow->addWidget(m_publishSharded);
    publishRow->addWidget(publishButton);
    publishRow->addWidget(m_publishResult);
    layout->addLayout(publishRow);
    if (m_session->isReadOnly()) {
        publishButton->setToolTip(tr("This connection is read-only: publishing is refused."));
    }
    rearrange();
}

PubSubPaneWidget* PubSubPanel::addPane(const QString& title)
{
    ++m_paneCounter;
    auto* pane
        = new PubSubPaneWidget(m_session, title.isEmpty() ? tr("Pane %1").arg(m_paneCounter) : title, this);
    m_panes.append(pane);
    connect(pane, &PubSubPaneWidget::closeRequested, this, [this, pane] { closePane(pane); });
    connect(pane, &PubSubPaneWidget::changed, this, &PubSubPanel::scheduleSave);
    connect(pane, &PubSubPaneWidget::notificationRequested, this, &PubSubPanel::onNotification);
    rearrange();
    if (m_layout == Layout::Tabbed)
        m_tabs->setCurrentWidget(pane);
    scheduleSave();
    return pane;
}

void PubSubPanel::closePane(PubSubPaneWidget* pane)
{
    if (!m_panes.removeOne(pane))
        return;
    pane->hide();
    pane->setParent(nullptr);
    pane->deleteLater();
    rearrange();
    scheduleSave();
}

PubSubPaneWidget* PubSubPanel::currentPane() const
{
    if (m_panes.isEmpty())
        return nullptr;
    if (m_layout == Layout::Tabbed)
        return qobject_cast<PubSubPaneWidget*>(m_tabs->currentWidget());
    for (PubSubPaneWidget* pane : m_panes) {
        if (pane->isAncestorOf(QApplication::focusWidget()))
            return pane;
    }
    return m_panes.first();
}

void PubSubPanel::setPaneLayout(Layout layout)
{
    if (m_layout == layout)
        return;
    m_layout = layout;
    m_layoutCombo->setCurrentIndex(layout == Layout::SideBySide ? 0 : 1);
    rearrange();
    scheduleSave();
}

void PubSubPanel::rearrange()
{
    // Panes move between the splitter and the tabs without being recreated: they keep their
    // connection and history.
    for (PubSubPaneWidget* pane : std::as_const(m_panes)) {
        if (m_layout == Layout::SideBySide && pane->parentWidget() != m_sideBySide) {
            const int tab = m_tabs->indexOf(pane);
            if (tab >= 0)
                m_tabs->removeTab(tab);
            m_sideBySide->addWidget(pane);
        } else if (m_layout == Layout::Tabbed && m_tabs->indexOf(pane) < 0) {
            m_tabs->addTab(pane, pane->title());
        }
        // The tab widget shows only its current page.
        if (m_layout == Layout::SideBySide)
            pane->show();
    }
    if (m_panes.isEmpty())
        m_stack->setCurrentWidget(m_emptyHint);
    else
        m_stack->setCurrentWidget(m_layout == Layout::SideBySide ? static_cast<QWidget*>(m_sideBySide) : m_tabs);
}

void PubSubPanel::setDiscoveryVisible(bool visible)
{
    m_discovery->setVisible(visible);
    if (visible && m_discovery->width() < 280) {
        const int total = qMax(m_mainSplit->width(), 900);
        const int side = qMin(340, total / 3);
        m_mainSplit->setSizes({ total - side, side });
    }
    if (m_discoveryButton->isChecked() != visible)
        m_discoveryButton->setChecked(visible);
    if (visible)
        refreshChannels();
    scheduleSave();
}

void PubSubPanel::refreshChannels()
{
    m_discoveryStatus->setText(tr("Asking the server\u2026"));
    m_channels->refresh(m_session, RedisText::unescape(m_discoveryPattern->text().trimmed()));
}

void PubSubPanel::publishFromBar()
{
    const QString channel = m_publishChannel->text();
    if (channel.isEmpty()) {
        m_publishResult->setText(tr("Type a channel first."));
        m_publishChannel->setFocus();
        return;
    }
    publish(RedisText::unescape(channel), RedisText::unescape(m_publishPayload->text()));
}

void PubSubPanel::publish(const QByteArray& channel, const QByteArray& payload)
{
    if (m_session->isReadOnly()) {
        m_publishResult->setText(tr("Refused: this connection is read-only, so nothing is published."));
        return;
    }
    m_publishResult->setText(tr("Publishing\u2026"));
    publishMessage(m_session, channel, payload, m_publishSharded->isChecked(), this,
                   [this, channel](qint64 receivers, const QString& error) {
                       if (!error.isEmpty()) {
                           m_publishResult->setText(tr("Not published: %1").arg(error));
                           return;
                       }
                       m_publishResult->setText(tr("Received by %n subscriber(s)", nullptr, int(receivers))
                                                + QStringLiteral(" \u00b7 ") + RedisText::escape(channel));
                   });
}

QString PubSubPanel::publishResultText() const
{
    return m_publishResult->text();
}

PubSubPaneWidget* PubSubPanel::openKeyspacePane(bool keyspace, int database)
{
    const int db = database >= 0 ? database : m_session->database();
    const QByteArray pattern
        = keyspace ? KeyspaceNotifications::keyspacePattern(db) : KeyspaceNotifications::keyeventPattern(db);
    PubSubPaneWidget* pane = addPane(keyspace ? tr("Keyspace db %1").arg(db) : tr("Key events db %1").arg(db));
    HandlerRule rule;
    rule.key = pattern;
    rule.colour = keyspace ? QStringLiteral("#2a7ab0") : QStringLiteral("#8a5cb8");
    rule.decoder = QStringLiteral("text");
    pane->pane()->rules()->addRule(rule);
    // Keyspace events are each node's own: on a cluster the pane listens on every master.
    if (m_session->isCluster())
        pane->setEveryMaster(true);
    pane->addSubscription(pattern, true);
    pane->start();
    checkKeyspaceEvents(pane, keyspace);
    return pane;
}

void PubSubPanel::checkKeyspaceEvents(PubSubPaneWidget* pane, bool keyspace)
{
    QPointer<PubSubPaneWidget> guard(pane);
    KeyspaceNotifications::readFlags(m_session, this, [this, guard, keyspace](const QString& flags, const QString& error) {
        if (!guard)
            return;
        if (!error.isEmpty()) {
            guard->showNotice(tr("Cannot read notify-keyspace-events (%1): if notifications are off on the server, "
                                 "this pane stays empty.")
                                  .arg(error));
            return;
        }
        const bool on = keyspace ? KeyspaceNotifications::deliversKeyspace(flags) : KeyspaceNotifications::deliversKeyevent(flags);
        if (on) {
            guard->hideNotice();
            return;
        }
        guard->showNotice(KeyspaceNotifications::describe(flags) + QLatin1Char(' ')
                              + tr("This pane receives nothing until the server sends %1 notifications.")
                                    .arg(keyspace ? QStringLiteral("keyspace") : QStringLiteral("keyevent")),
                          tr("Enable\u2026"), [this, guard, keyspace] {
                              if (guard)
                                  enableKeyspaceEvents(guard, keyspace);
                          });
    });
}

void PubSubPanel::enableKeyspaceEvents(PubSubPaneWidget* pane, bool keyspace)
{
    if (m_session->isReadOnly()) {
        pane->showNotice(tr("This connection is read-only: CONFIG SET is refused. Enable notifications on the server "
                            "another way (notify-keyspace-events in redis.conf) or use a profile that may write."));
        return;
    }
    QPointer<PubSubPaneWidget> guard(pane);
    KeyspaceNotifications::readFlags(m_session, this, [this, guard, keyspace](const QString& current, const QString&) {
        if (!guard)
            return;
        const QString flags = KeyspaceNotifications::flagsEnablingAll(current, keyspace, !keyspace);
        const QString where = m_session->isCluster()
            ? tr("every master of %1 (%n nodes)", nullptr, int(m_session->masterNodes().size())).arg(m_session->profile().displayName())
            : m_session->profile().displayName();
        // Asked without a nested event loop: this runs in a reply callback.
        auto* box = new QMessageBox(QMessageBox::Question, tr("Enable keyspace notifications"),
                                    tr("Run CONFIG SET notify-keyspace-events %1 on %2?\n\nThe server then publishes an "
                                       "event for every change of every key, to every client that subscribes. This "
                                       "costs the server some CPU on write-heavy workloads and lasts until the server "
                                       "restarts (or CONFIG REWRITE).")
                                        .arg(flags, where),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, guard, keyspace, flags](int answer) {
            if (answer != QMessageBox::Yes || !guard)
                return;
            KeyspaceNotifications::setFlags(m_session, flags, this, [this, guard, keyspace](const QString& error) {
                if (!guard)
                    return;
                if (!error.isEmpty()) {
                    guard->showNotice(tr("The server refused CONFIG SET: %1").arg(error));
                    return;
                }
                checkKeyspaceEvents(guard, keyspace);
            });
        });
        box->open();
    });
}

void PubSubPanel::onNotification(const QString& title, const QString& text)
{
    if (!m_notifyCheck->isChecked())
        return;
    if (m_lastTrayMessage.isValid() && m_lastTrayMessage.elapsed() < trayIntervalMs) {
        ++m_trayHeldBack;
        m_notificationStatus->setText(tr("%n notification(s) held back by the rate limit", nullptr, m_trayHeldBack));
        return;
    }
    m_lastTrayMessage.start();
    QString body = text;
    if (m_trayHeldBack > 0)
        body += QLatin1Char('\n') + tr("(%n more held back)", nullptr, m_trayHeldBack);
    m_trayHeldBack = 0;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon().isNull() ? qApp->windowIcon() : windowIcon(), this);
            if (m_tray->icon().isNull())
                m_tray->setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
            m_tray->setToolTip(tr("Vermilion pub/sub notifications"));
            m_tray->show();
        }
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 5000);
        m_notificationStatus->setText(tr("Last notification: %1").arg(title));
    } else {
        // No tray on this desktop: say it where the user is looking.
        m_notificationStatus->setText(title + QStringLiteral(": ") + body.section(QLatin1Char('\n'), 0, 0));
    }
    emit notificationShown(title, body);
}

QString PubSubPanel::settingsGroup() const
{
    const ConnectionProfile& profile = m_session->profile();
    const QString id = profile.sandbox || profile.id.isNull() ? QStringLiteral("sandbox")
                                                              : profile.id.toString(QUuid::WithoutBraces);
    return QStringLiteral("pubsub/") + id;
}

void PubSubPanel::scheduleSave()
{
    if (!m_restoring)
        m_saveTimer->start();
}

void PubSubPanel::saveState()
{
    m_saveTimer->stop();
    QJsonObject state;
    state.insert(
        QStringLiteral("layout"), m_layout == Layout::Tabbed ? QStringLiteral("tabbed") : QStringLiteral("side"));
    state.insert(QStringLiteral("notifications"), m_notifyCheck->isChecked());
    state.insert(QStringLiteral("discovery"), m_discoveryButton->isChecked());
    QJsonArray panes;
    for (const PubSubPaneWidget* pane : std::as_const(m_panes))
        panes.append(pane->toJson());
    state.insert(QStringLiteral("panes"), panes);
    state.insert(QStringLiteral("split"), QString::fromLatin1(m_sideBySide->saveState().toBase64()));
    QSettings settings;
    settings.setValue(settingsGroup() + QStringLiteral("/state"), QJsonDocument(state).toJson(QJsonDocument::Compact));
}

void PubSubPanel::restoreState()
{
    m_restoring = true;
    QSettings settings;
    const QByteArray saved = settings.value(settingsGroup() + QStringLiteral("/state")).toByteArray();
    const QJsonObject state = QJsonDocument::fromJson(saved).object();
    if (state.isEmpty()) {
        createDefaultPanes();
    } else {
        setPaneLayout(state.value(QStringLiteral("layout")).toString() == QLatin1String("tabbed") ? Layout::Tabbed
                                                                                                  : Layout::SideBySide);
        m_notifyCheck->setChecked(state.value(QStringLiteral("notifications")).toBool(true));
        const QJsonArray panes = state.value(QStringLiteral("panes")).toArray();
        for (const QJsonValue& value : panes) {
            PubSubPaneWidget* pane = addPane();
            pane->restore(value.toObject());
            if (m_layout == Layout::Tabbed)
                m_tabs->setTabText(m_tabs->indexOf(pane), pane->title());
        }
        m_sideBySide->restoreState(QByteArray::fromBase64(state.value(QStringLiteral("split")).toString().toLatin1()));
        if (state.value(QStringLiteral("discovery")).toBool())
            setDiscoveryVisible(true);
    }
    m_restoring = false;
}

void PubSubPanel::createDefaultPanes()
{
    PubSubPaneWidget* pane = addPane();
    HandlerRule star;
    star.key = "*";
    if (m_session->profile().sandbox) {
        // The sandbox's demo publisher: a pane that comes alive at once, with rules to look at.
        pane->setTitle(tr("Demo channels"));
        HandlerRule orders;
        orders.key = "demo:orders";
        orders.colour = QStringLiteral("#2e8b57");
        orders.decoder = QStringLiteral("json");
        HandlerRule sensors;
        sensors.key = "demo:sensor:*";
        sensors.colour = QStringLiteral("#b8860b");
        sensors.decoder = QStringLiteral("hex");
        HandlerRule alerts;
        alerts.key = "demo:alerts";
        alerts.colour = QStringLiteral("#d0312d");
        alerts.notify = true;
        alerts.notifyIntervalSeconds = 30;
        pane->pane()->rules()->setRules({ orders, sensors, alerts, star });
        pane->addSubscription("demo:*", true);
    } else {
        pane->pane()->rules()->addRule(star);
    }
}

void PubSubPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    for (PubSubPaneWidget* pane : std::as_const(m_panes)) {
        if (!pane->pane()->subscriber()->isStarted())
            pane->start();
    }
}

} // namespace vermilion::ui
