#include "mainwindow.h"

#include "client/session.h"
#include "connections/connectiondialog.h"
#include "connections/connectionitemdelegate.h"
#include "connections/hostkeyprompt.h"
#include "profiles/connectionlistmodel.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "server/redisserverprocess.h"
#include "server/sandbox.h"
#include "thememanager.h"
#include "keyspace/keybrowserpanel.h"
#include "transfer/transferdialog.h"
#include "workspace/sessionworkspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
std::unique_ptr<QSettings> openSettings(const QString& file)
{
    return file.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(file, QSettings::IniFormat);
}
} // namespace

MainWindow::MainWindow()
    : MainWindow(Options {})
{
}

MainWindow::MainWindow(const Options& options)
    : m_options(options)
    , m_store(std::make_unique<ProfileStore>(options.settingsFile))
    , m_secrets(new SecretStore(
          options.useKeychain ? SecretStore::Backend::Keychain : SecretStore::Backend::MemoryOnly, this))
    , m_model(new ConnectionListModel(this))
    , m_theme(new ThemeManager(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Vermilion"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/vermilion.svg")));
    m_model->setProfiles(m_store->load());
    m_theme->restore();
    // SSH host keys nobody has seen yet are shown to the user before a tunnel logs in.
    m_hostKeys = new HostKeyPrompt(this);
    m_hostKeys->install();
    buildLayout();
    buildActions();
    // A copy goes to one of the connections open here.
    TransferDialog::setOpenSessions([this] {
        QList<Session*> sessions;
        for (const OpenSession& open : std::as_const(m_sessions))
            sessions.append(open.session);
        return sessions;
    });
    restoreLayout();
    updateActions();
    updateStatusBar();
    // Learn now whether a keychain answers, so the connection dialog can say where a password goes.
    m_secrets->probe([](bool) {});
}

MainWindow::~MainWindow()
{
    TransferDialog::setOpenSessions({});
    // Workspaces first: their panels hold the session and use it until they are gone. Then the
    // sessions (their threads), then the sandbox server they talk to.
    for (const OpenSession& open : std::as_const(m_sessions))
        delete open.workspace;
    for (const OpenSession& open : std::as_const(m_sessions))
        delete open.session;
    m_sessions.clear();
    m_sandbox.reset();
}

void MainWindow::buildLayout()
{
    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    auto* side = new QWidget(m_splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 6, 0, 6);
    auto* sideTitle = new QLabel(tr("Connections"), side);
    QFont titleFont = sideTitle->font();
    titleFont.setBold(true);
    sideTitle->setFont(titleFont);
    sideLayout->addWidget(sideTitle);
    m_list = new QListView(side);
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setAccessibleName(tr("Saved connections"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ConnectionItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sideLayout->addWidget(m_list, 1);
    auto* newButton = new QPushButton(tr("New connection..."), side);
    newButton->setAccessibleName(tr("New connection"));
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newConnection);
    sideLayout->addWidget(newButton);
    m_splitter->addWidget(side);

    m_stack = new QStackedWidget(m_splitter);
    m_welcome = new QWidget(m_stack);
    auto* welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch();
    auto* logo = new QLabel(m_welcome);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/vermilion.svg")).pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    welcomeLayout->addWidget(logo);
    auto* welcomeText = new QLabel(tr("<h2>Vermilion</h2><p>Select a connection on the left and press Enter, "
                                      "create a new one, or try everything on a private sandbox server.</p>"),
        m_welcome);
    welcomeText->setAlignment(Qt::AlignCenter);
    welcomeText->setWordWrap(true);
    welcomeLayout->addWidget(welcomeText);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    auto* welcomeNew = new QPushButton(tr("New connection..."), m_welcome);
    auto* welcomeSandbox = new QPushButton(tr("Start sandbox"), m_welcome);
    connect(welcomeNew, &QPushButton::clicked, this, &MainWindow::newConnection);
    connect(welcomeSandbox, &QPushButton::clicked, this, &MainWindow::startSandbox);
    buttons->addWidget(welcomeNew);
    buttons->addWidget(welcomeSandbox);
    buttons->addStretch();
    welcomeLayout->addLayout(buttons);
    welcomeLayout->addStretch();
    m_stack->addWidget(m_welcome);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 210, 1230 });
    setCentralWidget(m_splitter);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onSelectionChanged);
    connect(m_list, &QListView::activated, this,
        [this](const QModelIndex& index) { connectProfile(index.data(ConnectionListModel::ProfileIdRole).toUuid()); });

    m_stateLabel = new QLabel(this);
    m_stateLabel->setAccessibleName(tr("Connection state"));
    m_versionLabel = new QLabel(this);
    m_versionLabel->setAccessibleName(tr("Server version"));
    m_roleLabel = new QLabel(this);
    m_roleLabel->setAccessibleName(tr("Server role"));
    m_dbLabel = new QLabel(this);
    m_dbLabel->setAccessibleName(tr("Selected database"));
    m_latencyLabel = new QLabel(this);
    m_latencyLabel->setAccessibleName(tr("Round-trip latency"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 100);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    for (QLabel* label : { m_stateLabel, m_versionLabel, m_roleLabel, m_dbLabel, m_latencyLabel }) {
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
    }
}

void MainWindow::buildActions()
{
    auto make = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction = make(tr("&New Connection..."), QKeySequence::New, &MainWindow::newConnection);
    m_openUrlAction = make(tr("Connect to &URL..."), QKeySequence(Qt::CTRL | Qt::Key_L), &MainWindow::openUrlDialog);
    m_sandboxAction
        = make(tr("Start &Sandbox"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &MainWindow::startSandbox);
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, &QWidget::close);
    m_connectAction
        = make(tr("&Connect"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { connectProfile(currentId()); });
    m_disconnectAction
        = make(tr("&Disconnect"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), &MainWindow::disconnectCurrent);
    m_editAction = make(tr("&Edit Connection..."), QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::editConnection);
    m_duplicateAction = make(tr("D&uplicate Connection"), QKeySequence(), &MainWindow::duplicateConnection);
    m_deleteAction = make(tr("De&lete Connection..."), QKeySequence::Delete, &MainWindow::deleteConnection);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(m_deleteAction);
    m_refreshAction = make(tr("&Refresh Server Info"), QKeySequence::Refresh, &MainWindow::refreshCurrent);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openUrlAction);
    file->addAction(m_sandboxAction);
    file->addSeparator();
    // Moving data, for the current connection's key browser (scoped to its selection).
    const auto transfer = [this](TransferDialog::Mode mode) {
        if (SessionWorkspace* workspace = currentWorkspace(); workspace && workspace->keyBrowser())
            workspace->keyBrowser()->openTransfer(mode);
    };
    m_exportAction = file->addAction(tr("&Export Keys..."), this, [transfer] { transfer(TransferDialog::Mode::Export); });
    m_importAction = file->addAction(tr("&Import Keys..."), this, [transfer] { transfer(TransferDialog::Mode::Import); });
    m_copyAction = file->addAction(
        tr("&Copy Keys to Another Connection..."), this, [transfer] { transfer(TransferDialog::Mode::Copy); });
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* connection = menuBar()->addMenu(tr("&Connection"));
    for (QAction* action : { m_connectAction, m_disconnectAction, m_refreshAction })
        connection->addAction(action);
    connection->addSeparator();
    for (QAction* action : { m_editAction, m_duplicateAction, m_deleteAction })
        connection->addAction(action);
    m_list->insertActions(m_deleteAction, { m_connectAction, m_disconnectAction, m_editAction, m_duplicateAction });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QMenu* themes = view->addMenu(tr("&Theme"));
    auto* group = new QActionGroup(this);
    const QList<QPair<QString, ThemeManager::Mode>> modes { { tr("Follow the &Desktop"), ThemeManager::Mode::System },
        { tr("&Light"), ThemeManager::Mode::Light }, { tr("D&ark"), ThemeManager::Mode::Dark } };
    for (const auto& [text, mode] : modes) {
        QAction* action = themes->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_theme->mode() == mode);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] { m_theme->setMode(mode); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Vermilion"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_connectAction);
    toolbar->addAction(m_disconnectAction);
    toolbar->addSeparator();
    toolbar->addAction(m_sandboxAction);
    for (QAction* action : toolbar->actions()) {
        if (!action->shortcut().isEmpty())
            action->setToolTip(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("..."))
                + QStringLiteral(" (") + action->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
    }
}

void MainWindow::restoreLayout()
{
    auto settings = openSettings(m_options.settingsFile);
    if (!restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1440, 860);
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings->value(QStringLiteral("window/splitter")).toByteArray());
    const QUuid last = QUuid::fromString(settings->value(QStringLiteral("window/lastConnection")).toString());
    if (m_model->rowOf(last) >= 0)
        selectProfile(last);
    else if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
}

void MainWindow::saveLayout()
{
    auto settings = openSettings(m_options.settingsFile);
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    const QUuid id = currentId();
    const int row = m_model->rowOf(id);
    if (row >= 0 && !m_model->profileAt(row).sandbox)
        settings->setValue(QStringLiteral("window/lastConnection"), id.toString());
}

void MainWindow::saveProfiles()
{
    m_store->save(m_model->profiles());
    m_store->sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    for (const OpenSession& open : std::as_const(m_sessions)) {
        if (!open.workspace->confirmClose()) {
            event->ignore();
            return;
        }
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

QUuid MainWindow::currentId() const
{
    return m_list->currentIndex().data(ConnectionListModel::ProfileIdRole).toUuid();
}

void MainWindow::selectProfile(const QUuid& id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

Session* MainWindow::sessionFor(const QUuid& id) const
{
    return m_sessions.value(id).session;
}

SessionWorkspace* MainWindow::currentWorkspace() const
{
    return m_sessions.value(currentId()).workspace;
}

void MainWindow::onSelectionChanged()
{
    const OpenSession open = m_sessions.value(currentId());
    m_stack->setCurrentWidget(open.workspace ? static_cast<QWidget*>(open.workspace) : m_welcome);
    updateActions();
    updateStatusBar();
}

void MainWindow::updateActions()
{
    const QUuid id = currentId();
    const bool selected = !id.isNull();
    const Session* session = sessionFor(id);
    const bool sandbox = selected && m_model->profileAt(m_model->rowOf(id)).sandbox;
    const bool live = session && session->state() != Connection::State::Disconnected
        && session->state() != Connection::State::Failed;
    m_connectAction->setEnabled(selected && !(session && session->state() == Connection::State::Connected));
    m_disconnectAction->setEnabled(live);
    m_refreshAction->setEnabled(session && session->state() == Connection::State::Connected);
    for (QAction* action : { m_exportAction, m_importAction, m_copyAction })
        action->setEnabled(session && session->state() == Connection::State::Connected);
    m_editAction->setEnabled(selected && !sandbox);
    m_duplicateAction->setEnabled(selected && !sandbox);
    m_deleteAction->setEnabled(selected && !sandbox);
}

void MainWindow::updateStatusBar()
{
    const Session* session = sessionFor(currentId());
    const QList<QLabel*> details { m_versionLabel, m_roleLabel, m_dbLabel, m_latencyLabel };
    if (!session) {
        m_stateLabel->setText(currentId().isNull() ? tr("No connection selected") : tr("Not connected"));
        for (QLabel* label : details)
            label->clear();
        return;
    }
    const Connection::State state = session->state();
    const QColor color = ConnectionItemDelegate::stateColor(int(state));
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                              .arg(color.name(), Connection::stateName(state).toHtmlEscaped()));
    m_stateLabel->setToolTip(
        state == Connection::State::Connected ? session->profile().endpoint() : session->lastError());
    const ServerInfo& info = session->serverInfo();
    const bool connected = state == Connection::State::Connected;
    m_versionLabel->setText(connected && !info.version().isEmpty() ? tr("Redis %1").arg(info.version()) : QString());
    const QString role = session->isCluster()
        ? tr("cluster · %n master(s)", nullptr, int(session->masterNodes().size()))
        : info.role();
    m_roleLabel->setText(connected && !role.isEmpty()
            ? role + (session->isReadOnly() ? tr(" · read-only") : QString())
            : QString());
    m_dbLabel->setText(connected && !session->isCluster() ? tr("db%1").arg(session->database()) : QString());
    m_latencyLabel->setText(connected && session->latencyMs() >= 0
            ? tr("%1 ms").arg(session->latencyMs(), 0, 'f', session->latencyMs() < 10 ? 2 : 0)
            : QString());
    m_latencyLabel->setToolTip(tr("Round-trip time of PING on the interactive connection"));
}

MainWindow::OpenSession MainWindow::ensureSession(const ConnectionProfile& profile)
{
    auto it = m_sessions.find(profile.id);
    if (it != m_sessions.end())
        return *it;
    OpenSession open;
    open.session = new Session(profile);
    open.workspace = new SessionWorkspace(open.session, m_stack);
    m_stack->addWidget(open.workspace);
    const QUuid id = profile.id;
    connect(open.session, &Session::stateChanged, this, [this, id](Connection::State state, const QString& message) {
        m_model->setState(id, state);
        if (id == currentId()) {
            updateActions();
            updateStatusBar();
            if (state == Connection::State::Connected && !message.isEmpty())
                statusBar()->showMessage(message, 5000);
        }
    });
    connect(open.session, &Session::serverInfoChanged, this, [this, id] {
        if (id == currentId())
            updateStatusBar();
    });
    connect(open.session, &Session::latencyChanged, this, [this, id] {
        if (id == currentId())
            updateStatusBar();
    });
    connect(open.workspace, &SessionWorkspace::editRequested, this, [this, id] {
        selectProfile(id);
        editConnection();
    });
    m_sessions.insert(profile.id, open);
    return open;
}

void MainWindow::closeSession(const QUuid& id)
{
    const OpenSession open = m_sessions.take(id);
    if (!open.session)
        return;
    m_stack->removeWidget(open.workspace);
    delete open.workspace;
    delete open.session;
    m_model->setState(id, Connection::State::Disconnected);
}

void MainWindow::connectProfile(const QUuid& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    selectProfile(id);
    if (Session* session = sessionFor(id)) {
        if (session->state() != Connection::State::Connected && session->state() != Connection::State::Connecting)
            session->open();
        onSelectionChanged();
        return;
    }
    const ConnectionProfile profile = m_model->profileAt(row);
    auto start = [this](const ConnectionProfile& withPassword) {
        const OpenSession open = ensureSession(withPassword);
        open.session->open();
        onSelectionChanged();
        open.workspace->tabs()->currentWidget()->setFocus();
    };
    if (profile.sandbox || !profile.password.isEmpty()) {
        start(profile);
        return;
    }
    readSecrets(profile, [this, start](const ConnectionProfile& withPassword) {
        if (m_model->rowOf(withPassword.id) < 0 || sessionFor(withPassword.id))
            return;
        start(withPassword);
    });
}

void MainWindow::disconnectCurrent()
{
    if (Session* session = sessionFor(currentId()))
        session->close();
    updateActions();
    updateStatusBar();
}

void MainWindow::refreshCurrent()
{
    if (Session* session = sessionFor(currentId()))
        session->refreshServerInfo();
}

bool MainWindow::editProfile(ConnectionProfile* profile, const QString& title)
{
    ConnectionDialog dialog(this);
    dialog.setWindowTitle(title);
    dialog.setProfile(*profile);
    if (!m_secrets->keychainUsable())
        dialog.setPasswordStorageNote(tr("No system keychain is available (%1): a password is kept for this run "
                                         "only and asked again next time.")
                                          .arg(m_secrets->keychainProblem()));
    else
        dialog.setPasswordStorageNote(tr("The password is stored in the system keychain, never in the settings file."));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *profile = dialog.profile();
    return true;
}

void MainWindow::storePassword(const ConnectionProfile& profile)
{
    m_secrets->writePassword(profile.id, profile.password, [this](bool persisted, const QString& message) {
        if (!persisted)
            statusBar()->showMessage(message, 15000);
    });
    // The sentinels' password is an entry of its own (an empty one removes it).
    m_secrets->writePassword(
        profile.id, profile.sentinelPassword, [this](bool persisted, const QString& message) {
            if (!persisted)
                statusBar()->showMessage(message, 15000);
        },
        SecretStore::Secret::SentinelPassword);
    // So are the SSH password and the key's passphrase.
    const auto report = [this](bool persisted, const QString& message) {
        if (!persisted)
            statusBar()->showMessage(message, 15000);
    };
    m_secrets->writePassword(profile.id, profile.ssh.password, report, SecretStore::Secret::SshPassword);
    m_secrets->writePassword(profile.id, profile.ssh.passphrase, report, SecretStore::Secret::SshPassphrase);
}

void MainWindow::readSecrets(const ConnectionProfile& profile, std::function<void(const ConnectionProfile&)> done)
{
    // Every secret of the profile, one keychain entry after the other; one already in hand (given
    // on the command line) wins.
    struct Step {
        SecretStore::Secret secret;
        QString& (*field)(ConnectionProfile&);
    };
    static const Step steps[] = {
        { SecretStore::Secret::Password, [](ConnectionProfile& p) -> QString& { return p.password; } },
        { SecretStore::Secret::SentinelPassword, [](ConnectionProfile& p) -> QString& { return p.sentinelPassword; } },
        { SecretStore::Secret::SshPassword, [](ConnectionProfile& p) -> QString& { return p.ssh.password; } },
        { SecretStore::Secret::SshPassphrase, [](ConnectionProfile& p) -> QString& { return p.ssh.passphrase; } },
    };
    auto result = std::make_shared<ConnectionProfile>(profile);
    auto next = std::make_shared<std::function<void(size_t)>>();
    std::weak_ptr<std::function<void(size_t)>> weakNext = next;
    *next = [this, result, weakNext, done = std::move(done)](size_t index) {
        if (index == std::size(steps)) {
            done(*result);
            return;
        }
        auto self = weakNext.lock(); // held by the read on its way
        m_secrets->readPassword(
            result->id,
            [result, self, index](const QString& value, bool) {
                QString& field = steps[index].field(*result);
                if (field.isEmpty())
                    field = value;
                (*self)(index + 1);
            },
            steps[index].secret);
    };
    (*next)(0);
}

void MainWindow::newConnection()
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid();
    if (!editProfile(&profile, tr("New Connection")))
        return;
    storePassword(profile);
    ConnectionProfile saved = profile;
    m_model->addProfile(saved);
    saveProfiles();
    connectProfile(profile.id);
}

void MainWindow::editConnection()
{
    const QUuid id = currentId();
    const int row = m_model->rowOf(id);
    if (row < 0 || m_model->profileAt(row).sandbox)
        return;
    readSecrets(m_model->profileAt(row), [this, id](const ConnectionProfile& withSecrets) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            return;
        ConnectionProfile profile = m_model->profileAt(row);
        profile.password = withSecrets.password;
        profile.sentinelPassword = withSecrets.sentinelPassword;
        profile.ssh.password = withSecrets.ssh.password;
        profile.ssh.passphrase = withSecrets.ssh.passphrase;
        if (!editProfile(&profile, tr("Edit Connection")))
            return;
        storePassword(profile);
        m_model->updateProfile(profile);
        saveProfiles();
        // A session keeps the settings it was opened with: reopen with the new ones (unless the user
        // keeps it open for unsaved work in one of its tools).
        const bool wasOpen = sessionFor(id) != nullptr;
        if (wasOpen && !m_sessions.value(id).workspace->confirmClose()) {
            onSelectionChanged();
            return;
        }
        closeSession(id);
        if (wasOpen)
            connectProfile(id);
        onSelectionChanged();
    });
}

void MainWindow::duplicateConnection()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0)
        return;
    ConnectionProfile copy = m_model->profileAt(row);
    copy.id = QUuid::createUuid();
    copy.name = tr("%1 (copy)").arg(copy.displayName());
    readSecrets(m_model->profileAt(row), [this, copy](const ConnectionProfile& withSecrets) mutable {
        copy.password = withSecrets.password;
        copy.sentinelPassword = withSecrets.sentinelPassword;
        copy.ssh.password = withSecrets.ssh.password;
        copy.ssh.passphrase = withSecrets.ssh.passphrase;
        storePassword(copy);
        copy.password.clear();
        copy.sentinelPassword.clear();
        copy.ssh.password.clear();
        copy.ssh.passphrase.clear();
        m_model->addProfile(copy);
        saveProfiles();
        selectProfile(copy.id);
    });
}

void MainWindow::deleteConnection()
{
    const QUuid id = currentId();
    const int row = m_model->rowOf(id);
    if (row < 0 || m_model->profileAt(row).sandbox)
        return;
    const ConnectionProfile profile = m_model->profileAt(row);
    const auto answer = QMessageBox::question(this, tr("Delete Connection"),
        tr("Delete the connection \"%1\" (%2)? Its saved password is removed from the keychain too. The server "
           "and its data are not touched.")
            .arg(profile.displayName(), profile.endpoint()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (SessionWorkspace* workspace = m_sessions.value(id).workspace; workspace && !workspace->confirmClose())
        return;
    closeSession(id);
    m_secrets->removePassword(id);
    m_model->removeProfile(id);
    saveProfiles();
    onSelectionChanged();
}

bool MainWindow::openUrl(const QString& url, QString* error, const QString& sshHost)
{
    ConnectionProfile profile;
    QString problem;
    if (!ConnectionProfile::fromUrl(url, &profile, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    if (!sshHost.trimmed().isEmpty()) {
        // [user@]host[:port], or a Host alias of ~/.ssh/config.
        QString host = sshHost.trimmed();
        const qsizetype at = host.lastIndexOf(QLatin1Char('@'));
        if (at > 0) {
            profile.ssh.user = host.left(at);
            host = host.mid(at + 1);
        }
        const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !host.startsWith(QLatin1Char('['))) {
            bool ok = false;
            const int port = host.mid(colon + 1).toInt(&ok);
            if (!ok || port <= 0 || port > 65535) {
                if (error)
                    *error = tr("The SSH host \"%1\" has no valid port.").arg(sshHost);
                return false;
            }
            profile.ssh.port = port;
            host = host.left(colon);
        }
        profile.ssh.enabled = true;
        profile.ssh.host = host;
    }
    // Reuse a saved connection to the same place rather than piling up copies.
    for (const ConnectionProfile& existing : m_model->profiles()) {
        if (!existing.sandbox && existing.endpoint() == profile.endpoint() && existing.sentinels == profile.sentinels
            && existing.database == profile.database
            && existing.username == profile.username && existing.tls.enabled == profile.tls.enabled
            && existing.ssh.enabled == profile.ssh.enabled
            && (!profile.ssh.enabled
                || (existing.ssh.host == profile.ssh.host && existing.ssh.port == profile.ssh.port
                    && existing.ssh.user == profile.ssh.user))) {
            // Only the secrets the URL gives replace the saved ones.
            const auto report = [this](bool persisted, const QString& message) {
                if (!persisted)
                    statusBar()->showMessage(message, 15000);
            };
            if (!profile.password.isEmpty())
                m_secrets->writePassword(existing.id, profile.password, report);
            if (!profile.sentinelPassword.isEmpty())
                m_secrets->writePassword(existing.id, profile.sentinelPassword, report,
                                         SecretStore::Secret::SentinelPassword);
            connectProfile(existing.id);
            return true;
        }
    }
    profile.id = QUuid::createUuid();
    storePassword(profile);
    ConnectionProfile saved = profile;
    saved.password.clear();
    saved.sentinelPassword.clear();
    m_model->addProfile(saved);
    saveProfiles();
    // The password is known now: connect with it without a keychain round trip.
    selectProfile(profile.id);
    const OpenSession open = ensureSession(profile);
    open.session->open();
    onSelectionChanged();
    return true;
}

void MainWindow::openUrlDialog()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Connect to URL"),
        tr("redis://[user[:password]@]host[:port][/db], rediss://... or "
           "unix:///path/to/redis.sock"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || url.trimmed().isEmpty())
        return;
    QString error;
    if (!openUrl(url, &error))
        QMessageBox::warning(this, tr("Connect to URL"), error);
}

void MainWindow::startSandbox()
{
    if (m_sandbox) {
        const ConnectionProfile profile = m_sandbox->profile();
        if (m_model->rowOf(profile.id) >= 0)
            connectProfile(profile.id);
        return;
    }
    if (!RedisServerProcess::isAvailable()) {
        QMessageBox::warning(this, tr("Sandbox"),
            tr("The sandbox needs redis-server, which is not in PATH. Install it (on Debian: "
               "apt-get install redis-server) and try again."));
        return;
    }
    m_sandbox = std::make_unique<Sandbox>();
    m_sandboxAction->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    connect(m_sandbox.get(), &Sandbox::progress, this, [this](const QString& message, int percent) {
        m_progress->setValue(percent);
        statusBar()->showMessage(message);
    });
    connect(m_sandbox.get(), &Sandbox::ready, this, [this](const ConnectionProfile& profile) {
        m_progress->hide();
        statusBar()->showMessage(tr("Sandbox ready on %1.").arg(profile.endpoint()), 8000);
        qInfo(
            "Sandbox ready on %s (redis-server pid %lld)", qPrintable(profile.endpoint()), m_sandbox->server()->pid());
        m_model->addProfile(profile);
        m_sandboxAction->setEnabled(true);
        connectProfile(profile.id);
    });
    connect(m_sandbox.get(), &Sandbox::failed, this, [this](const QString& message) {
        m_progress->hide();
        statusBar()->showMessage(message);
        m_sandboxAction->setEnabled(true);
        qWarning("%s", qPrintable(message));
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Sandbox"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        // Let the user try again from scratch.
        QMetaObject::invokeMethod(
            this, [this] { m_sandbox.reset(); }, Qt::QueuedConnection);
    });
    m_sandbox->start();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Vermilion"),
        tr("<h3>Vermilion %1</h3><p>A native desktop administration tool for Redis.</p>"
           "<p>Built with Qt %2 and hiredis.</p>"
           "<p>Vermilion's own source code is under the MIT licence. This program links Qt Charts and "
           "QScintilla, which are licensed under the GNU GPL version 3, so the program as distributed "
           "is covered by the terms of the GPL version 3. The licences of every library it uses are "
           "listed in /usr/share/doc/vermilion/copyright.</p>")
            .arg(QStringLiteral(VERMILION_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace vermilion::ui
