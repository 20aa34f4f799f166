#include "sessionworkspace.h"

#include "carmine/lockspanel.h"
#include "carmine/queuespanel.h"
#include "client/session.h"
#include "consolepanel.h"
#include "dashboard/clusterpanel.h"
#include "dashboard/sentinelpanel.h"
#include "diagnostics/diagnosticspanel.h"
#include "dashboard/dashboardpanel.h"
#include "keyspace/keybrowserpanel.h"
#include "keyspace/keytreemodel.h"
#include "keyspace/namespacetree.h"
#include "lua/luapanel.h"
#include "overviewpanel.h"
#include "pubsub/monitorpanel.h"
#include "pubsub/pubsubpanel.h"
#include "transfer/transferdialog.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QMessageBox>
#include <QVBoxLayout>

namespace vermilion::ui {

SessionWorkspace::SessionWorkspace(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("sessionWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setAutoFillBackground(true);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setAccessibleName(tr("Connection status"));
    m_retry = new QPushButton(tr("&Retry"), m_banner);
    m_edit = new QPushButton(tr("&Edit connection..."), m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_retry);
    bannerLayout->addWidget(m_edit);
    layout->addWidget(m_banner);
    connect(m_retry, &QPushButton::clicked, m_session, &Session::open);
    connect(m_edit, &QPushButton::clicked, this, &SessionWorkspace::editRequested);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Tools"));
    m_keyBrowser = new KeyBrowserPanel(session, m_tabs);
    m_overview = new OverviewPanel(session, m_tabs);
    m_console = new ConsolePanel(session, m_tabs);
    m_tabs->addTab(m_keyBrowser, tr("Keys"));
    // The console completes key names from the tree the key browser has loaded.
    m_console->setKeyCompletions(
        [browser = QPointer<KeyBrowserPanel>(m_keyBrowser)](QByteArrayView prefix, qsizetype limit) {
            const auto tree = browser ? browser->model()->tree() : nullptr;
            return tree ? tree->completeKey(prefix, limit) : QList<QByteArray>();
        });
    // The other tools are built the first time their tab is shown: opening a connection then
    // costs the key browser, not eight panels (and a hidden dashboard polls nothing).
    addLazyTab(tr("Dashboard"), [this] { return new DashboardPanel(m_session); });
    addLazyTab(tr("Diagnostics"), [this] {
        auto* diagnostics = new DiagnosticsPanel(m_session);
        connect(diagnostics, &DiagnosticsPanel::openKeyRequested, this, &SessionWorkspace::openKey);
        return diagnostics;
    });
    addLazyTab(tr("Lua"), [this] {
        m_lua = new LuaPanel(m_session);
        return m_lua.data();
    });
    addLazyTab(tr("Pub/Sub"), [this] { return new PubSubPanel(m_session); });
    addLazyTab(tr("Monitor"), [this] { return new MonitorPanel(m_session); });
    addLazyTab(tr("Locks"), [this] {
        auto* locks = new LocksPanel(m_session);
        connect(locks, &LocksPanel::openKeyRequested, this, &SessionWorkspace::openKey);
        return locks;
    });
    addLazyTab(tr("Queues"), [this] {
        auto* queues = new QueuesPanel(m_session);
        connect(queues, &QueuesPanel::openKeyRequested, this, &SessionWorkspace::openKey);
        return queues;
    });
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_console, tr("Console"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SessionWorkspace::ensureTool);

    connect(m_session, &Session::stateChanged, this, &SessionWorkspace::onStateChanged);
    onStateChanged(m_session->state(), QString());
}

void SessionWorkspace::addLazyTab(const QString& title, std::function<QWidget*()> create)
{
    auto* holder = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    m_lazyTools.insert(holder, std::move(create));
    m_tabs->addTab(holder, title);
}

QWidget* SessionWorkspace::ensureTool(int index)
{
    QWidget* holder = m_tabs->widget(index);
    if (QWidget* built = m_builtTools.value(holder))
        return built;
    const auto it = m_lazyTools.find(holder);
    if (it == m_lazyTools.end())
        return holder; // built with the workspace
    const std::function<QWidget*()> create = std::move(it.value());
    m_lazyTools.erase(it);
    QWidget* tool = create();
    holder->layout()->addWidget(tool);
    m_builtTools.insert(holder, tool);
    return tool;
}

QWidget* SessionWorkspace::tool(const QString& title)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabText(i) == title)
            return ensureTool(i);
    }
    return nullptr;
}

LuaPanel* SessionWorkspace::luaPanel()
{
    if (!m_lua)
        tool(tr("Lua"));
    return m_lua;
}

void SessionWorkspace::openKey(const QByteArray& key)
{
    m_tabs->setCurrentWidget(m_keyBrowser);
    m_keyBrowser->openKey(key);
}

bool SessionWorkspace::confirmClose()
{
    // An export, import or copy still running through this connection (from any window's dialog)
    // would lose its link: it is stopped by the user first, in its own dialog.
    if (TransferDialog::isSessionInUse(m_session)) {
        QMessageBox::information(this, tr("A Job Is Running"),
            tr("An export, import or copy is still using %1. Stop it in its window, or let it finish, "
               "before closing this connection.")
                .arg(m_session->profile().displayName()));
        return false;
    }
    return !m_lua || m_lua->confirmClose();
}

QString SessionWorkspace::bannerText() const
{
    return m_banner->isVisible() ? m_bannerText->text() : QString();
}

void SessionWorkspace::onStateChanged(Connection::State state, const QString& message)
{
    QColor background;
    QString text = message;
    bool canRetry = false;
    switch (state) {
    case Connection::State::Connected:
        // Say that it is back for a moment only when it was lost before.
        m_banner->setVisible(false);
        // A cluster gets its own tab, next to the dashboard, the first time the session finds one.
        if (m_session->isCluster() && !tool(tr("Cluster"))) {
            auto* holder = new QWidget(m_tabs);
            auto* layout = new QVBoxLayout(holder);
            layout->setContentsMargins(0, 0, 0, 0);
            m_lazyTools.insert(holder, [this] { return new ClusterPanel(m_session); });
            m_tabs->insertTab(2, holder, tr("Cluster"));
        }
        // A Sentinel session gets the master group's view in the same place.
        if (m_session->isSentinel() && !tool(tr("Sentinel"))) {
            auto* holder = new QWidget(m_tabs);
            auto* layout = new QVBoxLayout(holder);
            layout->setContentsMargins(0, 0, 0, 0);
            m_lazyTools.insert(holder, [this] { return new SentinelPanel(m_session); });
            m_tabs->insertTab(2, holder, tr("Sentinel"));
        }
        return;
    case Connection::State::Connecting:
        background = QColor(0xff, 0xf4, 0xd6);
        if (text.isEmpty())
            text = tr("Connecting to %1...").arg(m_session->profile().endpoint());
        break;
    case Connection::State::Reconnecting:
        background = QColor(0xff, 0xe9, 0xc7);
        text = tr("Connection lost: %1").arg(message);
        canRetry = true;
        break;
    case Connection::State::Failed:
        background = QColor(0xfd, 0xde, 0xdc);
        text = tr("Cannot connect: %1").arg(message.isEmpty() ? m_session->lastError() : message);
        canRetry = true;
        break;
    case Connection::State::Disconnected:
        background = QColor(0xec, 0xec, 0xef);
        text = tr("Disconnected.");
        canRetry = true;
        break;
    }
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, QColor(0x1d, 0x1d, 0x1f));
    m_banner->setPalette(palette);
    m_bannerText->setPalette(palette);
    m_bannerText->setText(text);
    m_retry->setText(state == Connection::State::Reconnecting ? tr("&Retry now") : tr("&Retry"));
    m_retry->setVisible(canRetry);
    m_edit->setVisible(state == Connection::State::Failed);
    m_banner->setVisible(true);
}

} // namespace vermilion::ui
