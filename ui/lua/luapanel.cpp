#include "luapanel.h"

#include "client/session.h"
#include "lua/commandnames.h"
#include "lua/functionlibrarymodel.h"
#include "lua/luasyntax.h"
#include "lua/namedvariables.h"
#include "lua/replytreemodel.h"
#include "lua/scriptcachemodel.h"
#include "lua/scripterror.h"
#include "lua/scriptlibrarymodel.h"
#include "lua/scriptrunner.h"
#include "luaeditor.h"
#include "util/redistext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace vermilion::ui {

using namespace vermilion::lua;

namespace {
const QString settingsGroup = QStringLiteral("lua/");
constexpr int checkDelayMs = 400;
constexpr qsizetype bigScriptBytes = qsizetype(64) * 1024;
constexpr int immediateInputsBytes = 16 * 1024;
constexpr int inputsDelayMs = 150;
constexpr int variableNameColumn = 0;
constexpr int variableKindColumn = 1;
constexpr int variableValueColumn = 2;

QString settingsKey(const char* name)
{
    return settingsGroup + QLatin1String(name);
}

bool isFunctionLibrary(const QByteArray& code)
{
    return !FunctionLibraryModel::libraryNameOf(code).isEmpty();
}

QPushButton* button(const QString& text, const QString& accessible, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}
} // namespace

LuaPanel::LuaPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_runner(new ScriptRunner(session, this))
    , m_library(new ScriptLibraryModel(this))
    , m_cache(new ScriptCacheModel(session, m_library, this))
    , m_functions(new FunctionLibraryModel(session, this))
    , m_resultModel(new ReplyTreeModel(this))
    , m_checkTimer(new QTimer(this))
    , m_inputsTimer(new QTimer(this))
    , m_elapsedTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("luaPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(buildToolbar());

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setChildrenCollapsible(false);
    m_sidebar = new QTabWidget(m_mainSplitter);
    m_sidebar->setAccessibleName(tr("Scripts, cache and functions"));
    m_sidebar->addTab(buildLibraryTab(), tr("Library"));
    m_sidebar->addTab(buildCacheTab(), tr("Script cache"));
    m_sidebar->addTab(buildFunctionsTab(), tr("Functions"));
    m_mainSplitter->addWidget(m_sidebar);

    m_editorSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_editorSplitter->setChildrenCollapsible(false);
    m_editor = new LuaEditor(m_editorSplitter);
    m_editor->setObjectName(QStringLiteral("luaEditor"));
    m_editor->setAccessibleName(tr("Lua script"));
    m_editorSplitter->addWidget(m_editor);
    m_bottomTabs = new QTabWidget(m_editorSplitter);
    m_bottomTabs->setAccessibleName(tr("Inputs and result"));
    m_bottomTabs->addTab(buildInputsTab(), tr("Inputs"));
    m_compiledView = new LuaEditor(m_bottomTabs);
    m_compiledView->setReadOnly(true);
    m_compiledView->setAccessibleName(tr("Compiled script"));
    auto* compiledPage = new QWidget(m_bottomTabs);
    auto* compiledLayout = new QVBoxLayout(compiledPage);
    m_compiledInputs = new QLabel(compiledPage);
    m_compiledInputs->setWordWrap(true);
    m_compiledInputs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    compiledLayout->addWidget(m_compiledInputs);
    compiledLayout->addWidget(m_compiledView, 1);
    m_bottomTabs->addTab(compiledPage, tr("Compiled"));
    m_bottomTabs->addTab(buildResultTab(), tr("Result"));
    m_editorSplitter->addWidget(m_bottomTabs);
    m_editorSplitter->setStretchFactor(0, 3);
    m_editorSplitter->setStretchFactor(1, 2);
    m_mainSplitter->addWidget(m_editorSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 4);
    layout->addWidget(m_mainSplitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("luaStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Lua status"));
    layout->addWidget(m_status);

    // Shortcuts work anywhere in the panel, the editor included (QScintilla binds none of them).
    auto addShortcut = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    addShortcut(
        tr("Run"), { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }, &LuaPanel::run);
    addShortcut(tr("Run cached"),
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter) },
        &LuaPanel::runCached);
    addShortcut(tr("Save"), { QKeySequence::Save }, [this] { save(); });
    addShortcut(tr("Save as"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S) }, [this] { saveAs(); });

    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(checkDelayMs);
    connect(m_checkTimer, &QTimer::timeout, this, &LuaPanel::checkLocally);
    m_inputsTimer->setSingleShot(true);
    m_inputsTimer->setInterval(inputsDelayMs);
    connect(m_inputsTimer, &QTimer::timeout, this, &LuaPanel::refreshInputs);
    m_elapsedTimer->setInterval(200);
    connect(m_elapsedTimer, &QTimer::timeout, this, [this] {
        if (!m_runner->isRunning() || m_runner->isKilling())
            return;
        const QString running = tr("Running... %1 s.").arg(m_runner->elapsedMs() / 1000.0, 0, 'f', 1);
        if (m_killReason.isEmpty())
            setStatus(running);
        else
            setStatus(tr("%1 %2 Kill it with \"Kill script\" or wait.").arg(running, m_killReason));
    });
    connect(m_editor, &QsciScintilla::textChanged, this, &LuaPanel::onTextChanged);
    connect(m_editor, &QsciScintilla::modificationChanged, this, &LuaPanel::updateTitle);
    connect(m_runner, &ScriptRunner::started, this, &LuaPanel::onStarted);
    connect(m_runner, &ScriptRunner::finished, this, &LuaPanel::onFinished);
    connect(m_runner, &ScriptRunner::killAvailable, this, &LuaPanel::onKillAvailable);
    connect(m_runner, &ScriptRunner::killFinished, this, &LuaPanel::onKillFinished);
    connect(m_library, &ScriptLibraryModel::scriptChangedOnDisk, this, &LuaPanel::onScriptChangedOnDisk);
    connect(m_library, &ScriptLibraryModel::scriptRemovedOnDisk, this, &LuaPanel::onScriptRemovedOnDisk);
    connect(m_session, &Session::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Connected && m_editor->commandNames().isEmpty())
            loadCommandNames();
    });

    restoreSettings();
    updateTitle();
    updateSha();
    updateKeylessNodes();
    setFocusProxy(m_editor);
}

LuaPanel::~LuaPanel() = default;

QWidget* LuaPanel::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_run = button(tr("&Run"), tr("Run script with EVAL"), bar);
    m_run->setToolTip(tr("Send the script with EVAL (Ctrl+Enter)"));
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runCached = button(tr("Run &cached"), tr("Run script with EVALSHA"), bar);
    m_runCached->setToolTip(tr("EVALSHA of the script's SHA-1; the full text follows with EVAL only if the "
                               "server answers NOSCRIPT (Ctrl+Shift+Enter)"));
    m_kill = button(tr("&Kill script"), tr("Kill the running script"), bar);
    m_kill->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_kill->setToolTip(tr("SCRIPT KILL (FUNCTION KILL for a function), sent on a separate connection"));
    m_kill->setVisible(false);
    m_scriptTitle = new QLabel(bar);
    m_scriptTitle->setAccessibleName(tr("Script name"));
    m_sha = new QLabel(bar);
    m_sha->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sha->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sha->setAccessibleName(tr("SHA-1 of the compiled script"));
    m_copySha = new QToolButton(bar);
    m_copySha->setText(tr("Copy"));
    m_copySha->setToolTip(tr("Copy the SHA-1"));
    m_copySha->setAccessibleName(tr("Copy SHA-1"));
    m_readOnlyBadge = new QLabel(tr("Read-only: EVAL_RO / EVALSHA_RO / FCALL_RO"), bar);
    m_readOnlyBadge->setToolTip(tr("This connection is read-only: scripts run with the read-only commands, "
                                   "and loading, flushing and deleting are refused."));
    m_readOnlyBadge->setVisible(m_session->isReadOnly());
    QPalette badge = m_readOnlyBadge->palette();
    badge.setColor(QPalette::WindowText, QColor(0xb2, 0x6b, 0x00));
    m_readOnlyBadge->setPalette(badge);
    // On a cluster a script with keys runs where its keys are; one without keys runs on the node
    // chosen here, or the panel asks at each run.
    m_keylessLabel = new QLabel(tr("&Key-less on"), bar);
    m_keylessNode = new QComboBox(bar);
    m_keylessNode->setAccessibleName(tr("Node for scripts without keys"));
    m_keylessNode->setToolTip(tr("Where a script without KEYS runs on a cluster. Scripts with keys run on the node "
                                 "serving them."));
    m_keylessNode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keylessLabel->setBuddy(m_keylessNode);
    m_keylessLabel->hide();
    m_keylessNode->hide();
    connect(m_session, &Session::clusterTopologyChanged, this, &LuaPanel::updateKeylessNodes);
    connect(m_session, &Session::stateChanged, this, &LuaPanel::updateKeylessNodes);
    row->addWidget(m_run);
    row->addWidget(m_runCached);
    row->addWidget(m_kill);
    row->addSpacing(12);
    row->addWidget(m_keylessLabel);
    row->addWidget(m_keylessNode);
    row->addSpacing(12);
    row->addWidget(m_scriptTitle, 1);
    row->addWidget(m_readOnlyBadge);
    row->addWidget(new QLabel(tr("SHA-1:"), bar));
    row->addWidget(m_sha);
    row->addWidget(m_copySha);
    connect(m_run, &QPushButton::clicked, this, &LuaPanel::run);
    connect(m_runCached, &QPushButton::clicked, this, &LuaPanel::runCached);
    connect(m_kill, &QPushButton::clicked, this, &LuaPanel::killScript);
    connect(m_copySha, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(shaText());
        setStatus(tr("SHA-1 copied."));
    });
    return bar;
}

QWidget* LuaPanel::buildLibraryTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_folderLabel = new QLabel(page);
    m_folderLabel->setWordWrap(true);
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folderLabel->setAccessibleName(tr("Library folder"));
    layout->addWidget(m_folderLabel);
    m_libraryView = new QListView(page);
    m_libraryView->setModel(m_library);
    m_libraryView->setAccessibleName(tr("Scripts in the library"));
    m_libraryView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_libraryView->setUniformItemSizes(true);
    layout->addWidget(m_libraryView, 1);
    auto* buttons = new QGridLayout;
    auto* newButton = button(tr("&New"), tr("New script"), page);
    auto* saveButton = button(tr("&Save"), tr("Save script"), page);
    auto* saveAsButton = button(tr("Save &as..."), tr("Save script as"), page);
    auto* renameButton = button(tr("Rena&me..."), tr("Rename script"), page);
    auto* deleteButton = button(tr("&Delete..."), tr("Delete script"), page);
    auto* folderButton = button(tr("&Folder..."), tr("Open another library folder"), page);
    folderButton->setToolTip(tr("Open any folder of .lua files, e.g. Zato's config/repo/lua/user"));
    buttons->addWidget(newButton, 0, 0);
    buttons->addWidget(saveButton, 0, 1);
    buttons->addWidget(saveAsButton, 0, 2);
    buttons->addWidget(renameButton, 1, 0);
    buttons->addWidget(deleteButton, 1, 1);
    buttons->addWidget(folderButton, 1, 2);
    layout->addLayout(buttons);
    connect(newButton, &QPushButton::clicked, this, &LuaPanel::newScript);
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(saveAsButton, &QPushButton::clicked, this, [this] { saveAs(); });
    connect(renameButton, &QPushButton::clicked, this, &LuaPanel::renameScript);
    connect(deleteButton, &QPushButton::clicked, this, &LuaPanel::deleteScript);
    connect(folderButton, &QPushButton::clicked, this, &LuaPanel::chooseFolder);
    connect(m_libraryView, &QListView::activated, this, &LuaPanel::onLibraryActivated);
    connect(m_libraryView, &QListView::clicked, this, &LuaPanel::onLibraryActivated);
    return page;
}

QWidget* LuaPanel::buildCacheTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_cacheView = new QTableView(page);
    m_cacheView->setModel(m_cache);
    m_cacheView->setAccessibleName(tr("Script cache"));
    m_cacheView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cacheView->verticalHeader()->setVisible(false);
    m_cacheView->horizontalHeader()->setSectionResizeMode(ScriptCacheModel::NameColumn, QHeaderView::ResizeToContents);
    m_cacheView->horizontalHeader()->setSectionResizeMode(ScriptCacheModel::ShaColumn, QHeaderView::Stretch);
    m_cacheView->horizontalHeader()->setSectionResizeMode(
        ScriptCacheModel::CachedColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_cacheView, 1);
    m_cacheStatus = new QLabel(page);
    m_cacheStatus->setWordWrap(true);
    layout->addWidget(m_cacheStatus);
    auto* row = new QHBoxLayout;
    auto* refresh = button(tr("Refres&h"), tr("Refresh script cache"), page);
    auto* loadAll = button(tr("&Load all"), tr("Load all scripts into the server cache"), page);
    loadAll->setToolTip(tr("SCRIPT LOAD of every script in the library"));
    auto* flush = button(tr("F&lush..."), tr("Flush the server's script cache"), page);
    flush->setToolTip(tr("SCRIPT FLUSH: the server forgets every cached script"));
    row->addWidget(refresh);
    row->addWidget(loadAll);
    row->addWidget(flush);
    layout->addLayout(row);
    connect(refresh, &QPushButton::clicked, m_cache, &ScriptCacheModel::refresh);
    connect(loadAll, &QPushButton::clicked, this, &LuaPanel::loadAllScripts);
    connect(flush, &QPushButton::clicked, this, &LuaPanel::flushScripts);
    connect(m_cache, &ScriptCacheModel::failed, this, [this](const QString& message) {
        m_cacheStatus->setText(tr("Cannot read the script cache: %1").arg(message));
    });
    connect(m_cache, &ScriptCacheModel::refreshed, this, [this] {
        int cached = 0;
        for (int row = 0; row < m_cache->rowCount(); ++row)
            cached += m_cache->cachedAt(row) == ScriptCacheModel::Cached::Yes ? 1 : 0;
        m_cacheStatus->setText(
            tr("%1 of %2 library scripts are in the server's cache.").arg(cached).arg(m_cache->rowCount()));
    });
    connect(m_cacheView, &QTableView::doubleClicked, this,
        [this](const QModelIndex& index) { openScript(m_cache->nameAt(index.row())); });
    return page;
}

QWidget* LuaPanel::buildFunctionsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_functionView = new QTreeView(page);
    m_functionView->setModel(m_functions);
    m_functionView->setAccessibleName(tr("Function libraries"));
    m_functionView->setUniformRowHeights(true);
    m_functionView->header()->setSectionResizeMode(FunctionLibraryModel::NameColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_functionView, 1);
    m_functionStatus = new QLabel(page);
    m_functionStatus->setWordWrap(true);
    layout->addWidget(m_functionStatus);
    m_functionReadOnly = new QCheckBox(tr("Call with FCALL_R&O"), page);
    m_functionReadOnly->setToolTip(tr("For functions flagged no-writes; always on for a read-only connection"));
    m_functionReadOnly->setChecked(m_session->isReadOnly());
    m_functionReadOnly->setEnabled(!m_session->isReadOnly());
    layout->addWidget(m_functionReadOnly);
    auto* buttons = new QGridLayout;
    auto* refresh = button(tr("Refres&h"), tr("Refresh function libraries"), page);
    auto* open = button(tr("&Open code"), tr("Open the library's code in the editor"), page);
    auto* load = button(tr("Load &editor"), tr("Load the editor's code as a function library"), page);
    load->setToolTip(tr("FUNCTION LOAD [REPLACE] of the editor's text (it must start with #!lua name=<library>)"));
    auto* call = button(tr("&Call"), tr("Call the selected function"), page);
    call->setToolTip(tr("FCALL of the selected function with the inputs of the Inputs tab"));
    auto* remove = button(tr("&Delete..."), tr("Delete the selected function library"), page);
    buttons->addWidget(refresh, 0, 0);
    buttons->addWidget(open, 0, 1);
    buttons->addWidget(load, 0, 2);
    buttons->addWidget(call, 1, 0);
    buttons->addWidget(remove, 1, 1);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, m_functions, &FunctionLibraryModel::refresh);
    connect(open, &QPushButton::clicked, this, &LuaPanel::openFunctionCode);
    connect(load, &QPushButton::clicked, this, &LuaPanel::loadFunctionLibrary);
    connect(call, &QPushButton::clicked, this, &LuaPanel::callFunction);
    connect(remove, &QPushButton::clicked, this, &LuaPanel::deleteFunctionLibrary);
    connect(m_functions, &FunctionLibraryModel::failed, this,
        [this](const QString& message) { m_functionStatus->setText(tr("Cannot list functions: %1").arg(message)); });
    connect(m_functions, &FunctionLibraryModel::refreshed, this, [this] {
        m_functionView->expandAll();
        int count = 0;
        for (const FunctionLibrary& library : m_functions->libraries())
            count += int(library.functions.size());
        m_functionStatus->setText(tr("%1 libraries, %2 functions.").arg(m_functions->libraries().size()).arg(count));
    });
    connect(m_functionView, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_functions->functionAt(index).isEmpty())
            openFunctionCode();
        else
            callFunction();
    });
    connect(m_sidebar, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            m_cache->refresh();
        else if (index == 2)
            m_functions->refresh();
        QSettings().setValue(settingsKey("sidebarTab"), index);
    });
    return page;
}

QTableWidget* LuaPanel::buildListEditor(QWidget* parent, const QString& title, QWidget** box)
{
    auto* group = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(group);
    auto* table = new QTableWidget(0, 1, group);
    table->setAccessibleName(title);
    table->setHorizontalHeaderLabels({ tr("Value") });
    table->horizontalHeader()->setStretchLastSection(true);
    table->setToolTip(tr(R"(Values are bytes; type binary as redis-cli does: \xff, \n, \")"));
    layout->addWidget(table, 1);
    auto* row = new QHBoxLayout;
    auto* add = new QToolButton(group);
    add->setText(tr("+"));
    add->setToolTip(tr("Add a value"));
    add->setAccessibleName(tr("Add to %1").arg(title));
    auto* remove = new QToolButton(group);
    remove->setText(tr("-"));
    remove->setToolTip(tr("Remove the selected value"));
    remove->setAccessibleName(tr("Remove from %1").arg(title));
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    layout->addLayout(row);
    connect(add, &QToolButton::clicked, this, [table] {
        table->insertRow(table->rowCount());
        table->setItem(table->rowCount() - 1, 0, new QTableWidgetItem);
        table->editItem(table->item(table->rowCount() - 1, 0));
    });
    connect(remove, &QToolButton::clicked, this, [table] {
        const int row = table->currentRow();
        if (row >= 0)
            table->removeRow(row);
    });
    connect(table, &QTableWidget::itemChanged, this, &LuaPanel::updateSha);
    connect(table->model(), &QAbstractItemModel::rowsRemoved, this, &LuaPanel::updateSha);
    *box = group;
    return table;
}

QWidget* LuaPanel::buildInputsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QHBoxLayout(page);
    auto* variablesBox = new QGroupBox(tr("Named variables (_:name)"), page);
    auto* variablesLayout = new QVBoxLayout(variablesBox);
    m_variables = new QTableWidget(0, 3, variablesBox);
    m_variables->setAccessibleName(tr("Named variables"));
    m_variables->setHorizontalHeaderLabels({ tr("Name"), tr("Key?"), tr("Value") });
    m_variables->horizontalHeader()->setSectionResizeMode(variableNameColumn, QHeaderView::ResizeToContents);
    m_variables->horizontalHeader()->setSectionResizeMode(variableKindColumn, QHeaderView::ResizeToContents);
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->verticalHeader()->setVisible(false);
    m_variables->setToolTip(tr("Every _:name of the script, as Carmine writes them. Tick \"Key?\" for key "
                               "variables: they become KEYS[i], the others ARGV[i], numbered in this order; longer "
                               "names are replaced first."));
    variablesLayout->addWidget(m_variables, 1);
    auto* hint = new QLabel(tr("Named variables take the first KEYS / ARGV indexes; the lists follow."), variablesBox);
    hint->setWordWrap(true);
    variablesLayout->addWidget(hint);
    layout->addWidget(variablesBox, 3);
    QWidget* keysBox = nullptr;
    QWidget* argumentsBox = nullptr;
    m_keys = buildListEditor(page, tr("KEYS"), &keysBox);
    m_arguments = buildListEditor(page, tr("ARGV"), &argumentsBox);
    layout->addWidget(keysBox, 2);
    layout->addWidget(argumentsBox, 2);
    connect(m_variables, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_updatingVariables)
            return;
        const QByteArray name = m_variables->item(item->row(), variableNameColumn)->text().toUtf8();
        const bool isKey = m_variables->item(item->row(), variableKindColumn)->checkState() == Qt::Checked;
        const QTableWidgetItem* value = m_variables->item(item->row(), variableValueColumn);
        m_rememberedVariables.insert(name, { isKey, value ? value->text() : QString() });
        if (item->column() == variableKindColumn)
            refreshVariables(); // renumber
        updateSha();
    });
    return page;
}

QWidget* LuaPanel::buildResultTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_resultInfo = new QLabel(tr("Run a script to see its result here."), page);
    m_resultInfo->setWordWrap(true);
    m_resultInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultInfo->setAccessibleName(tr("Result summary"));
    layout->addWidget(m_resultInfo);
    m_resultSplitter = new QSplitter(Qt::Horizontal, page);
    m_resultView = new QTreeView(m_resultSplitter);
    m_resultView->setModel(m_resultModel);
    m_resultView->setAccessibleName(tr("Result tree"));
    m_resultView->setUniformRowHeights(true);
    m_resultView->header()->setStretchLastSection(false);
    m_resultView->header()->setSectionResizeMode(ReplyTreeModel::ValueColumn, QHeaderView::Stretch);
    m_resultView->header()->setSectionResizeMode(ReplyTreeModel::TypeColumn, QHeaderView::ResizeToContents);
    m_raw = new QPlainTextEdit(m_resultSplitter);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Raw result"));
    m_raw->setPlaceholderText(tr("The reply as redis-cli prints it"));
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_resultSplitter->addWidget(m_resultView);
    m_resultSplitter->addWidget(m_raw);
    m_resultSplitter->setStretchFactor(0, 3);
    m_resultSplitter->setStretchFactor(1, 2);
    layout->addWidget(m_resultSplitter, 1);
    return page;
}

void LuaPanel::restoreSettings()
{
    QSettings settings;
    QString folder = settings.value(settingsKey("libraryFolder")).toString();
    QString error;
    if (folder.isEmpty() || !m_library->setFolder(folder, &error)) {
        ScriptLibraryModel::installExamples(ScriptLibraryModel::defaultFolder()); // first run only
        if (!m_library->setFolder(ScriptLibraryModel::defaultFolder(), &error))
            setStatus(error, true);
    }
    m_folderLabel->setText(QDir::toNativeSeparators(m_library->folder()));
    m_folderLabel->setToolTip(m_folderLabel->text());
    const QString last = settings.value(settingsKey("lastScript")).toString();
    if (!last.isEmpty() && m_library->contains(last))
        openScript(last);
    m_sidebar->setCurrentIndex(qBound(0, settings.value(settingsKey("sidebarTab"), 0).toInt(), 2));
}

void LuaPanel::saveLayout()
{
    if (!m_layoutRestored)
        return;
    QSettings settings;
    settings.setValue(settingsKey("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(settingsKey("editorSplitter"), m_editorSplitter->saveState());
    settings.setValue(settingsKey("resultSplitter"), m_resultSplitter->saveState());
}

void LuaPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_layoutRestored) {
        m_layoutRestored = true;
        QSettings settings;
        // Placed once the panel has its real size; the user's split wins when there is one.
        if (!m_mainSplitter->restoreState(settings.value(settingsKey("mainSplitter")).toByteArray()))
            m_mainSplitter->setSizes({ qMax(320, width() / 4), width() - qMax(320, width() / 4) });
        if (!m_editorSplitter->restoreState(settings.value(settingsKey("editorSplitter")).toByteArray()))
            m_editorSplitter->setSizes({ height() * 3 / 5, height() * 2 / 5 });
        if (!m_resultSplitter->restoreState(settings.value(settingsKey("resultSplitter")).toByteArray()))
            m_resultSplitter->setSizes({ width() * 2 / 5, width() * 2 / 5 });
        connect(m_mainSplitter, &QSplitter::splitterMoved, this, &LuaPanel::saveLayout);
        connect(m_editorSplitter, &QSplitter::splitterMoved, this, &LuaPanel::saveLayout);
        connect(m_resultSplitter, &QSplitter::splitterMoved, this, &LuaPanel::saveLayout);
    }
    if (!m_commandsRequested && m_session->state() == Connection::State::Connected)
        loadCommandNames();
}

void LuaPanel::loadCommandNames()
{
    m_commandsRequested = true;
    lua::loadCommandNames(m_session, this, [this](const QStringList& names) {
        if (!names.isEmpty())
            m_editor->setCommandNames(names);
    });
}

void LuaPanel::setStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(
        QPalette::WindowText, isError ? QColor(0xd7, 0x3a, 0x49) : QApplication::palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

QString LuaPanel::statusText() const
{
    return m_status->text();
}

bool LuaPanel::isModified() const
{
    return m_editor->isModified();
}

void LuaPanel::setScriptText(const QString& text)
{
    m_loadingText = true;
    m_editor->setText(text);
    m_loadingText = false;
    m_editor->clearError();
    onTextChanged();
}

void LuaPanel::updateTitle()
{
    QString name = m_currentName.isEmpty() ? tr("Untitled script") : m_currentName;
    if (m_editor->isModified())
        name += QStringLiteral(" *");
    m_scriptTitle->setText(name);
    m_scriptTitle->setToolTip(m_currentName.isEmpty() ? tr("Not saved in the library yet")
                                                      : QDir::toNativeSeparators(m_library->pathOf(m_currentName)));
}

void LuaPanel::onTextChanged()
{
    // Inputs, SHA-1 and the compiled view follow every keystroke while that is cheap; for a big
    // script they follow a moment after typing pauses (and at once when it runs).
    if (m_editor->length() < immediateInputsBytes) {
        m_inputsTimer->stop();
        refreshInputs();
    } else {
        m_inputsTimer->start();
    }
    m_checkTimer->start();
}

void LuaPanel::refreshInputs()
{
    refreshVariables();
    updateSha();
}

void LuaPanel::flushPendingInputs()
{
    if (m_inputsTimer->isActive()) {
        m_inputsTimer->stop();
        refreshInputs();
    }
}

// One row per "_:name" of the script, in order of first appearance; what the user chose for a
// name is kept while it disappears from the text and comes back.
void LuaPanel::refreshVariables()
{
    const QList<QByteArray> names = NamedVariables::find(m_editor->text().toUtf8());
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const QByteArray name = m_variables->item(row, variableNameColumn)->text().toUtf8();
        m_rememberedVariables.insert(name,
            { m_variables->item(row, variableKindColumn)->checkState() == Qt::Checked,
                m_variables->item(row, variableValueColumn)->text() });
    }
    m_updatingVariables = true;
    m_variables->setRowCount(int(names.size()));
    int keyIndex = 0;
    int argumentIndex = 0;
    for (int row = 0; row < names.size(); ++row) {
        const QByteArray& name = names.at(row);
        const QString lowerName = QString::fromUtf8(name).toLower();
        const auto remembered
            = m_rememberedVariables.value(name, { lowerName.contains(QLatin1String("key")), QString() });
        auto* nameItem = new QTableWidgetItem(QString::fromUtf8(name));
        nameItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        nameItem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        const bool isKey = remembered.first;
        auto* kindItem = new QTableWidgetItem(
            isKey ? QStringLiteral("KEYS[%1]").arg(++keyIndex) : QStringLiteral("ARGV[%1]").arg(++argumentIndex));
        kindItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        kindItem->setCheckState(isKey ? Qt::Checked : Qt::Unchecked);
        kindItem->setToolTip(tr("Ticked: a key (KEYS); not ticked: an argument (ARGV)"));
        auto* valueItem = new QTableWidgetItem(remembered.second);
        m_variables->setItem(row, variableNameColumn, nameItem);
        m_variables->setItem(row, variableKindColumn, kindItem);
        m_variables->setItem(row, variableValueColumn, valueItem);
    }
    m_updatingVariables = false;
}

void LuaPanel::setVariable(const QByteArray& name, bool isKey, const QString& value)
{
    m_rememberedVariables.insert(name, { isKey, value });
    // Drop the table's copy so the remembered choice wins.
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        if (m_variables->item(row, variableNameColumn)->text().toUtf8() == name) {
            m_updatingVariables = true;
            m_variables->item(row, variableKindColumn)->setCheckState(isKey ? Qt::Checked : Qt::Unchecked);
            m_variables->item(row, variableValueColumn)->setText(value);
            m_updatingVariables = false;
        }
    }
    refreshVariables();
    updateSha();
}

QList<QByteArray> LuaPanel::variableNames() const
{
    QList<QByteArray> names;
    for (int row = 0; row < m_variables->rowCount(); ++row)
        names.append(m_variables->item(row, variableNameColumn)->text().toUtf8());
    return names;
}

void LuaPanel::setKeys(const QStringList& keys)
{
    m_keys->setRowCount(0);
    for (const QString& key : keys) {
        m_keys->insertRow(m_keys->rowCount());
        m_keys->setItem(m_keys->rowCount() - 1, 0, new QTableWidgetItem(key));
    }
    updateSha();
}

void LuaPanel::setArguments(const QStringList& arguments)
{
    m_arguments->setRowCount(0);
    for (const QString& argument : arguments) {
        m_arguments->insertRow(m_arguments->rowCount());
        m_arguments->setItem(m_arguments->rowCount() - 1, 0, new QTableWidgetItem(argument));
    }
    updateSha();
}

QList<QByteArray> LuaPanel::listValues(QTableWidget* table) const
{
    QList<QByteArray> values;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem* item = table->item(row, 0);
        values.append(RedisText::unescape(item ? item->text() : QString()));
    }
    return values;
}

CompiledScript LuaPanel::compile() const
{
    QList<ScriptVariable> variables;
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        ScriptVariable variable;
        variable.name = m_variables->item(row, variableNameColumn)->text().toUtf8();
        variable.kind = m_variables->item(row, variableKindColumn)->checkState() == Qt::Checked
            ? ScriptVariable::Kind::Key
            : ScriptVariable::Kind::Argument;
        variable.value = RedisText::unescape(m_variables->item(row, variableValueColumn)->text());
        variables.append(variable);
    }
    return NamedVariables::compile(m_editor->text().toUtf8(), variables, listValues(m_keys), listValues(m_arguments));
}

QString LuaPanel::compiledText() const
{
    return m_compiledView->text();
}

QString LuaPanel::shaText() const
{
    return m_sha->text();
}

void LuaPanel::updateSha()
{
    if (m_updatingVariables)
        return;
    const CompiledScript compiled = compile();
    m_sha->setText(QString::fromLatin1(scriptSha1(compiled.script)));
    m_compiledView->setText(QString::fromUtf8(compiled.script));
    QStringList keys;
    for (const QByteArray& key : compiled.keys)
        keys.append(RedisText::escape(key, RedisText::Quoting::Always));
    QStringList arguments;
    for (const QByteArray& argument : compiled.arguments)
        arguments.append(RedisText::escape(argument, RedisText::Quoting::Always));
    m_compiledInputs->setText(tr("KEYS: %1\nARGV: %2")
                                  .arg(keys.isEmpty() ? tr("(none)") : keys.join(QStringLiteral(", ")),
                                      arguments.isEmpty() ? tr("(none)") : arguments.join(QStringLiteral(", "))));
}

void LuaPanel::checkLocally()
{
    flushPendingInputs();
    const QByteArray text = compile().script;
    const JobTracker::Ticket generation = m_checkJobs.next();
    auto check
        = [text] { return isFunctionLibrary(text) ? LuaSyntax::checkFunctionLibrary(text) : LuaSyntax::check(text); };
    // Parsing is a matter of microseconds for a usual script; a very big one is parsed on a
    // worker thread so that typing never waits for it.
    if (text.size() < bigScriptBytes) {
        applyLocalCheck(generation, check());
        return;
    }
    QPointer<LuaPanel> self(this);
    QThreadPool::globalInstance()->start([self, generation, check] {
        const std::optional<ScriptError> error = check();
        QMetaObject::invokeMethod(qApp, [self, generation, error] {
            if (self)
                self->applyLocalCheck(generation, error);
        });
    });
}

void LuaPanel::applyLocalCheck(quint64 generation, const std::optional<ScriptError>& error)
{
    if (m_checkJobs.isStale(generation))
        return; // the text changed since: a newer check follows
    if (error && error->hasLine()) {
        showLocalError(*error, false);
    } else if (m_editor->errorLine() > 0) {
        // Whatever was marked (locally or by the server) belongs to an older text.
        m_editor->clearError();
        if (!m_runner->isRunning())
            setStatus(QString());
    }
}

void LuaPanel::showLocalError(const ScriptError& error, bool moveCursor)
{
    m_editor->showError(error.line, error.message, moveCursor);
    setStatus(tr("Syntax error on line %1: %2").arg(error.line).arg(error.message), true);
}

bool LuaPanel::chooseKeylessNode(ScriptRequest& request)
{
    if (m_session->isCluster() && request.keys.isEmpty() && request.node.isEmpty()) {
        request.node = m_keylessNode->currentData().toString();
        if (request.node.isEmpty()) {
            // No keys to route by: the user says where. Asked with a menu at the Run button, which
            // keeps the event loop free (no nested dialog loop while replies arrive).
            auto* menu = new QMenu(this);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->setObjectName(QStringLiteral("keylessNodeMenu"));
            const QString title = tr("The script has no keys: run it on");
            menu->addSection(title);
            // Wide enough for its title: a section header does not widen a menu by itself.
            menu->setMinimumWidth(menu->fontMetrics().horizontalAdvance(title) + 48);
            for (const QString& node : m_session->allNodes()) {
                menu->addAction(tr("%1 (%2)").arg(node, m_session->nodeRole(node)), this, [this, request, node] {
                    ScriptRequest chosen = request;
                    chosen.node = node;
                    if (!m_runner->isRunning())
                        m_runner->run(chosen);
                });
            }
            setStatus(tr("The script has no keys: choose the node it runs on (or set one under \"Key-less on\")."));
            menu->popup(m_run->mapToGlobal(QPoint(0, m_run->height())));
            return false;
        }
    }
    return true;
}

void LuaPanel::updateKeylessNodes()
{
    const bool cluster = m_session->isCluster();
    m_keylessLabel->setVisible(cluster);
    m_keylessNode->setVisible(cluster);
    if (!cluster)
        return;
    const QString current = m_keylessNode->currentData().toString();
    m_keylessNode->clear();
    m_keylessNode->addItem(tr("Ask at each run"), QString());
    for (const QString& node : m_session->allNodes())
        m_keylessNode->addItem(tr("%1 (%2)").arg(node, m_session->nodeRole(node)), node);
    m_keylessNode->setCurrentIndex(qMax(0, m_keylessNode->findData(current)));
}

void LuaPanel::run()
{
    ScriptRequest request;
    request.mode = ScriptRequest::Mode::Eval;
    start(request);
}

void LuaPanel::runCached()
{
    ScriptRequest request;
    request.mode = ScriptRequest::Mode::EvalCached;
    start(request);
}

void LuaPanel::start(const ScriptRequest& base)
{
    if (m_runner->isRunning()) {
        setStatus(tr("A script is still running: wait for it or kill it."), true);
        return;
    }
    flushPendingInputs();
    ScriptRequest request = base;
    const CompiledScript compiled = compile();
    request.keys = compiled.keys;
    request.arguments = compiled.arguments;
    if (request.mode == ScriptRequest::Mode::Function) {
        if (chooseKeylessNode(request))
            m_runner->run(request);
        return;
    }
    if (compiled.script.trimmed().isEmpty()) {
        setStatus(tr("The script is empty."), true);
        return;
    }
    if (isFunctionLibrary(compiled.script)) {
        setStatus(tr("This is a function library (#!lua name=...): load it from the Functions tab, then call its "
                     "functions."),
            true);
        return;
    }
    // Compiled locally first: a syntax error is shown at once and nothing is sent.
    if (const auto error = LuaSyntax::check(compiled.script)) {
        showLocalError(*error, true);
        setStatus(tr("Not sent: syntax error on line %1: %2").arg(error->line).arg(error->message), true);
        return;
    }
    m_editor->clearError();
    request.script = compiled.script;
    if (!chooseKeylessNode(request))
        return;
    m_runner->run(request);
}

void LuaPanel::callFunction()
{
    const QModelIndex current = m_functionView->currentIndex();
    const QByteArray function = m_functions->functionAt(current);
    if (function.isEmpty()) {
        setStatus(tr("Select a function in the Functions tab to call it."), true);
        return;
    }
    ScriptRequest request;
    request.mode = ScriptRequest::Mode::Function;
    request.function = function;
    request.readOnlyVariant = m_functionReadOnly->isChecked();
    start(request);
}

void LuaPanel::onStarted()
{
    m_run->setEnabled(false);
    m_runCached->setEnabled(false);
    m_kill->setVisible(false);
    m_kill->setEnabled(true);
    m_killReason.clear();
    m_elapsedTimer->start();
    setStatus(tr("Running..."));
}

void LuaPanel::onKillAvailable(const QString& reason)
{
    m_killReason = reason;
    m_kill->setVisible(true);
    m_kill->setEnabled(true);
    setStatus(tr("%1 Kill it with \"Kill script\" or wait.").arg(reason));
}

void LuaPanel::killScript()
{
    if (!m_runner->isRunning())
        return;
    m_kill->setEnabled(false);
    setStatus(tr("Asking the server to kill the script..."));
    m_runner->kill();
}

void LuaPanel::onKillFinished(bool succeeded, const QString& message)
{
    m_kill->setEnabled(!succeeded && m_runner->isRunning());
    // The killed script's own error (with its line) may have arrived first: it says more.
    if (succeeded && !m_runner->isRunning())
        return;
    setStatus(message, !succeeded);
}

QString LuaPanel::rawResult() const
{
    return m_raw->toPlainText();
}

QString LuaPanel::resultSummary() const
{
    return m_resultSummary;
}

void LuaPanel::onFinished(const ScriptResult& result)
{
    m_elapsedTimer->stop();
    m_run->setEnabled(true);
    m_runCached->setEnabled(true);
    m_kill->setVisible(false);

    m_resultModel->setReply(result.reply);
    if (m_resultModel->nodeCount() <= 500)
        m_resultView->expandAll();
    else
        m_resultView->expandToDepth(0);
    Reply::DisplayLimits limits;
    limits.maxStringBytes = qsizetype(64) * 1024;
    limits.maxElements = 10000;
    m_raw->setPlainText(result.reply.toDisplayString(limits));

    QString command = QString::fromLatin1(result.command);
    if (result.fellBackToEval)
        command = tr("%1 (the server answered NOSCRIPT to EVALSHA, so the text was sent)").arg(command);
    if (m_session->isCluster())
        command = tr("%1 on %2").arg(command, result.node.isEmpty() ? m_session->profile().endpoint() : result.node);
    m_resultSummary = tr("%1 in %2 ms").arg(command).arg(result.milliseconds, 0, 'f', 2);
    m_resultInfo->setText(m_resultSummary);
    m_bottomTabs->setCurrentIndex(2);

    if (result.error) {
        const ScriptError& error = *result.error;
        if (error.hasLine()) {
            m_editor->showError(error.line, error.message, true);
            setStatus(tr("Error on line %1: %2").arg(error.line).arg(error.message), true);
        } else {
            setStatus(error.message, true);
        }
    } else {
        setStatus(tr("Done: %1").arg(m_resultSummary));
    }
    if (result.command.startsWith("EVAL") && m_sidebar->currentIndex() == 1)
        m_cache->refresh();
    emit resultShown();
}

// --- library ---------------------------------------------------------------------------------

bool LuaPanel::openFolder(const QString& folder)
{
    if (!maybeSave(tr("open another folder")))
        return false;
    QString error;
    if (!m_library->setFolder(folder, &error)) {
        setStatus(error, true);
        return false;
    }
    QSettings().setValue(settingsKey("libraryFolder"), m_library->folder());
    m_folderLabel->setText(QDir::toNativeSeparators(m_library->folder()));
    m_folderLabel->setToolTip(m_folderLabel->text());
    // The open script belongs to the old folder and is saved (or was discarded): start afresh.
    m_currentName.clear();
    setScriptText(QString());
    m_editor->setModified(false);
    updateTitle();
    QSettings().remove(settingsKey("lastScript"));
    m_cache->refresh();
    setStatus(
        tr("Library: %1 (%2 scripts)").arg(QDir::toNativeSeparators(m_library->folder())).arg(m_library->rowCount()));
    return true;
}

void LuaPanel::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a library folder"), m_library->folder());
    if (!folder.isEmpty())
        openFolder(folder);
}

bool LuaPanel::maybeSave(const QString& action)
{
    if (!m_editor->isModified())
        return true;
    const QString name = m_currentName.isEmpty() ? tr("The untitled script") : tr("\"%1\"").arg(m_currentName);
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them before you %2?").arg(name, action),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool LuaPanel::confirmClose()
{
    return maybeSave(tr("close"));
}

bool LuaPanel::openScript(const QString& name)
{
    if (name.isEmpty())
        return false;
    if (name == m_currentName && !m_editor->isModified())
        return true;
    if (!maybeSave(tr("open \"%1\"").arg(name)))
        return false;
    QByteArray content;
    QString error;
    if (!m_library->read(name, &content, &error)) {
        setStatus(error, true);
        return false;
    }
    m_currentName = name;
    setScriptText(QString::fromUtf8(content));
    m_editor->setModified(false);
    updateTitle();
    const int row = m_library->rowOf(name);
    if (row >= 0)
        m_libraryView->setCurrentIndex(m_library->index(row));
    QSettings().setValue(settingsKey("lastScript"), name);
    setStatus(tr("Opened %1.").arg(name));
    return true;
}

void LuaPanel::onLibraryActivated(const QModelIndex& index)
{
    const QString name = index.data(ScriptLibraryModel::NameRole).toString();
    if (name != m_currentName && !openScript(name)) {
        // Cancelled: keep showing where the user really is.
        const int row = m_library->rowOf(m_currentName);
        m_libraryView->setCurrentIndex(row >= 0 ? m_library->index(row) : QModelIndex());
    }
}

bool LuaPanel::askName(const QString& title, const QString& initial, QString* name)
{
    QString proposal = initial;
    for (;;) {
        bool ok = false;
        proposal = QInputDialog::getText(this, title,
            tr("Script name (the file is <name>.lua in %1):").arg(QDir::toNativeSeparators(m_library->folder())),
            QLineEdit::Normal, proposal, &ok);
        if (!ok)
            return false;
        QString error;
        if (ScriptLibraryModel::isValidName(proposal, &error)) {
            *name = proposal;
            return true;
        }
        QMessageBox::warning(this, title, error);
    }
}

bool LuaPanel::save()
{
    if (m_currentName.isEmpty())
        return saveAs();
    QString error;
    if (!m_library->write(m_currentName, m_editor->text().toUtf8(), &error)) {
        setStatus(error, true);
        QMessageBox::warning(this, tr("Save script"), error);
        return false;
    }
    m_editor->setModified(false);
    updateTitle();
    QSettings().setValue(settingsKey("lastScript"), m_currentName);
    setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(m_library->pathOf(m_currentName))));
    if (m_sidebar->currentIndex() == 1)
        m_cache->refresh();
    return true;
}

bool LuaPanel::saveAs()
{
    QString name;
    if (!askName(tr("Save script as"), m_currentName, &name))
        return false;
    if (m_library->contains(name) && name != m_currentName) {
        if (QMessageBox::question(this, tr("Save script as"), tr("A script named \"%1\" exists. Replace it?").arg(name),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes)
            return false;
    }
    const QString previous = m_currentName;
    m_currentName = name;
    if (!save()) {
        m_currentName = previous;
        updateTitle();
        return false;
    }
    const int row = m_library->rowOf(name);
    if (row >= 0)
        m_libraryView->setCurrentIndex(m_library->index(row));
    return true;
}

void LuaPanel::newScript()
{
    if (!maybeSave(tr("start a new script")))
        return;
    m_currentName.clear();
    setScriptText(QString());
    m_editor->setModified(false);
    updateTitle();
    m_libraryView->clearSelection();
    m_editor->setFocus();
}

void LuaPanel::renameScript()
{
    QString from = m_libraryView->currentIndex().data(ScriptLibraryModel::NameRole).toString();
    if (from.isEmpty())
        from = m_currentName;
    if (from.isEmpty()) {
        setStatus(tr("Select a script to rename."), true);
        return;
    }
    QString to;
    if (!askName(tr("Rename script"), from, &to) || to == from)
        return;
    QString error;
    if (!m_library->rename(from, to, &error)) {
        setStatus(error, true);
        QMessageBox::warning(this, tr("Rename script"), error);
        return;
    }
    if (m_currentName == from) {
        m_currentName = to;
        QSettings().setValue(settingsKey("lastScript"), to);
        updateTitle();
    }
    const int row = m_library->rowOf(to);
    if (row >= 0)
        m_libraryView->setCurrentIndex(m_library->index(row));
    setStatus(tr("Renamed %1 to %2.").arg(from, to));
}

void LuaPanel::deleteScript()
{
    QString name = m_libraryView->currentIndex().data(ScriptLibraryModel::NameRole).toString();
    if (name.isEmpty())
        name = m_currentName;
    if (name.isEmpty()) {
        setStatus(tr("Select a script to delete."), true);
        return;
    }
    if (QMessageBox::question(this, tr("Delete script"),
            tr("Delete the script \"%1\" (%2)? This cannot be undone.")
                .arg(name, QDir::toNativeSeparators(m_library->pathOf(name))),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    QString error;
    if (!m_library->remove(name, &error)) {
        setStatus(error, true);
        return;
    }
    if (name == m_currentName) {
        // The text stays in the editor, unsaved, until the user lets it go.
        m_currentName.clear();
        m_editor->setModified(!m_editor->text().isEmpty());
        updateTitle();
    }
    setStatus(tr("Deleted %1.").arg(name));
}

void LuaPanel::onScriptChangedOnDisk(const QString& name)
{
    if (name != m_currentName)
        return;
    if (m_editor->isModified()) {
        const auto answer = QMessageBox::question(this, tr("Script changed on disk"),
            tr("\"%1\" was changed by another program. Reload it and lose your edits?").arg(name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            setStatus(tr("\"%1\" changed on disk; your edits are kept (saving overwrites the file).").arg(name));
            return;
        }
    }
    QByteArray content;
    QString error;
    if (!m_library->read(name, &content, &error)) {
        setStatus(error, true);
        return;
    }
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    setScriptText(QString::fromUtf8(content));
    m_editor->setModified(false);
    m_editor->setCursorPosition(qMin(line, qMax(0, m_editor->lines() - 1)), 0);
    updateTitle();
    setStatus(tr("Reloaded \"%1\": it was changed on disk.").arg(name));
}

void LuaPanel::onScriptRemovedOnDisk(const QString& name)
{
    if (name != m_currentName)
        return;
    m_currentName.clear();
    m_editor->setModified(true);
    updateTitle();
    setStatus(tr("\"%1\" was deleted or renamed on disk; the text is kept here: save it to keep it.").arg(name), true);
}

// --- script cache ----------------------------------------------------------------------------

void LuaPanel::loadAllScripts()
{
    m_cacheStatus->setText(tr("Loading..."));
    m_cache->loadAll([this](const QString& error) {
        if (!error.isEmpty())
            m_cacheStatus->setText(error);
    });
}

void LuaPanel::flushScripts()
{
    if (m_session->isReadOnly()) {
        m_cacheStatus->setText(tr("This connection is read-only: SCRIPT FLUSH is refused."));
        return;
    }
    if (QMessageBox::question(this, tr("Flush script cache"),
            tr("Remove every script from the server's cache (SCRIPT FLUSH)? Clients that use EVALSHA will get "
               "NOSCRIPT until they load their scripts again."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    m_cache->flush([this](const QString& error) {
        if (!error.isEmpty())
            m_cacheStatus->setText(error);
    });
}

// --- functions -------------------------------------------------------------------------------

void LuaPanel::openFunctionCode()
{
    const QByteArray name = m_functions->libraryAt(m_functionView->currentIndex());
    const FunctionLibrary* library = m_functions->library(name);
    if (!library) {
        setStatus(tr("Select a function library to open its code."), true);
        return;
    }
    if (!maybeSave(tr("open the library \"%1\"").arg(QString::fromUtf8(name))))
        return;
    m_currentName.clear();
    setScriptText(QString::fromUtf8(library->code));
    m_editor->setModified(false);
    updateTitle();
    setStatus(tr(R"(Opened the code of the function library "%1". Edit it and press "Load editor" to replace it.)")
                  .arg(QString::fromUtf8(name)));
}

void LuaPanel::loadFunctionLibrary()
{
    const QByteArray code = m_editor->text().toUtf8();
    const QByteArray name = FunctionLibraryModel::libraryNameOf(code);
    if (name.isEmpty()) {
        m_functionStatus->setText(tr("A function library starts with a line like: #!lua name=mylib"));
        setStatus(m_functionStatus->text(), true);
        return;
    }
    if (const auto error = LuaSyntax::checkFunctionLibrary(code)) {
        showLocalError(*error, true);
        return;
    }
    if (m_session->isReadOnly()) {
        setStatus(tr("This connection is read-only: FUNCTION LOAD is refused."), true);
        return;
    }
    const bool exists = m_functions->library(name) != nullptr;
    if (exists
        && QMessageBox::question(this, tr("Replace function library"),
               tr("Replace the library \"%1\" on the server with the editor's code (FUNCTION LOAD REPLACE)?")
                   .arg(QString::fromUtf8(name)),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes)
        return;
    m_functions->load(code, exists, [this, name](const Reply& reply) {
        if (reply.isError()) {
            const ScriptError error = ScriptErrors::parse(reply.bytes());
            if (error.hasLine())
                m_editor->showError(error.line, error.message, true);
            setStatus(reply.errorKind() == Reply::ErrorKind::Server ? error.message : reply.errorMessage(), true);
            return;
        }
        setStatus(tr("Loaded the function library \"%1\".").arg(QString::fromUtf8(name)));
    });
}

void LuaPanel::deleteFunctionLibrary()
{
    const QByteArray name = m_functions->libraryAt(m_functionView->currentIndex());
    if (name.isEmpty()) {
        setStatus(tr("Select a function library to delete."), true);
        return;
    }
    if (m_session->isReadOnly()) {
        setStatus(tr("This connection is read-only: FUNCTION DELETE is refused."), true);
        return;
    }
    if (QMessageBox::question(this, tr("Delete function library"),
            tr("Delete the library \"%1\" and all its functions from the server (FUNCTION DELETE)?")
                .arg(QString::fromUtf8(name)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    m_functions->remove(name, [this, name](const Reply& reply) {
        if (reply.isError())
            setStatus(reply.errorMessage(), true);
        else
            setStatus(tr("Deleted the function library \"%1\".").arg(QString::fromUtf8(name)));
    });
}

} // namespace vermilion::ui
