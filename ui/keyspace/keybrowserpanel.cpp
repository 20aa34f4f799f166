#include "keybrowserpanel.h"

#include "client/session.h"
#include "keyjobdialog.h"
#include "keyspace/keyoperations.h"
#include "keyspace/keypattern.h"
#include "keyspace/keyspaceloader.h"
#include "keyspace/keytreemodel.h"
#include "newkeydialog.h"
#include "transfer/transferdialog.h"
#include "util/redistext.h"
#include "values/keyinfoloader.h"
#include "values/valueeditor.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
constexpr qint64 defaultCap = 1000000;
QElapsedTimer& monotonic()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock;
}
qint64 keyCap()
{
    return QSettings().value(QStringLiteral("keyBrowser/maxKeys"), defaultCap).toLongLong();
}
} // namespace

KeyBrowserPanel::KeyBrowserPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_loader(new KeyspaceLoader(session, session->profile().namespaceSeparator.toUtf8(), this))
    , m_model(new KeyTreeModel(session, this))
{
    setObjectName(QStringLiteral("keyBrowserPanel"));
    // The opened key's facts come from core, one pipeline per key; a newer key drops older replies.
    m_keyInfo = new KeyInfoLoader(session, this);
    connect(m_keyInfo, &KeyInfoLoader::loaded, this, &KeyBrowserPanel::onKeyInfo);
    connect(m_keyInfo, &KeyInfoLoader::failed, this, [this](const QByteArray& key, const QString& message) {
        if (key == m_currentKey)
            showMessage(tr("Cannot open the key: %1").arg(message), true);
    });
    buildLayout();
    buildActions();
    connect(m_loader, &KeyspaceLoader::treeReplaced, m_model, &KeyTreeModel::setTree);
    connect(m_loader, &KeyspaceLoader::treeChanged, m_model, &KeyTreeModel::refresh);
    connect(m_loader, &KeyspaceLoader::progress, this, &KeyBrowserPanel::onProgress);
    connect(m_loader, &KeyspaceLoader::stateChanged, this, &KeyBrowserPanel::onLoaderState);
    connect(m_session, &Session::serverInfoChanged, this, &KeyBrowserPanel::fillDatabases);
    connect(m_session, &Session::clusterTopologyChanged, this, &KeyBrowserPanel::fillDatabases);
    connect(m_session, &Session::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Connected && isVisible() && !m_loadedOnce)
            reload();
    });
    fillDatabases();
}

KeyBrowserPanel::~KeyBrowserPanel() = default;

void KeyBrowserPanel::buildLayout()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* bar = new QHBoxLayout;
    m_database = new QComboBox(this);
    m_database->setAccessibleName(tr("Database"));
    m_database->setToolTip(tr("Database (keys from INFO keyspace)"));
    m_database->setMinimumContentsLength(14);
    bar->addWidget(m_database);
    m_pattern = new QLineEdit(this);
    m_pattern->setPlaceholderText(tr("Server filter: glob such as app:user:* (SCAN MATCH)"));
    m_pattern->setAccessibleName(tr("Key pattern"));
    m_pattern->setClearButtonEnabled(true);
    bar->addWidget(m_pattern, 2);
    m_type = new QComboBox(this);
    m_type->addItem(tr("All types"), QByteArray());
    for (const char* type : { "string", "hash", "list", "set", "zset", "stream" })
        m_type->addItem(QString::fromLatin1(type), QByteArray(type));
    m_type->setAccessibleName(tr("Key type filter"));
    m_type->setToolTip(tr("Only keys of this type (SCAN TYPE, Redis 6 and later)"));
    bar->addWidget(m_type);
    auto* scan = new QPushButton(tr("Scan"), this);
    scan->setToolTip(tr("Load the keys again with these filters (F5)"));
    bar->addWidget(scan);
    // How many keys a scan loads before it stops and offers to load more.
    auto* limit = new QToolButton(this);
    limit->setText(tr("Limit"));
    limit->setToolTip(tr("How many keys to load before asking"));
    limit->setAccessibleName(tr("Key limit"));
    limit->setPopupMode(QToolButton::InstantPopup);
    auto* limitMenu = new QMenu(limit);
    auto* limits = new QActionGroup(limitMenu);
    const QLocale locale;
    for (const qint64 value : { qint64(100000), qint64(1000000), qint64(5000000), qint64(20000000), qint64(0) }) {
        QAction* action = limitMenu->addAction(
            value > 0 ? tr("Load at most %1 keys").arg(locale.toString(value)) : tr("Load every key"));
        action->setCheckable(true);
        action->setChecked(value == keyCap());
        limits->addAction(action);
        connect(action, &QAction::triggered, this,
            [value] { QSettings().setValue(QStringLiteral("keyBrowser/maxKeys"), value); });
    }
    limit->setMenu(limitMenu);
    bar->addWidget(limit);
    m_quickFilter = new QLineEdit(this);
    m_quickFilter->setPlaceholderText(tr("Filter loaded keys (Ctrl+F)"));
    m_quickFilter->setAccessibleName(tr("Quick filter"));
    m_quickFilter->setClearButtonEnabled(true);
    bar->addWidget(m_quickFilter, 1);
    m_openKey = new QLineEdit(this);
    m_openKey->setPlaceholderText(tr("Open key by exact name"));
    m_openKey->setAccessibleName(tr("Exact key name"));
    m_openKey->setClearButtonEnabled(true);
    bar->addWidget(m_openKey, 1);
    layout->addLayout(bar);
    connect(scan, &QPushButton::clicked, this, &KeyBrowserPanel::reload);
    connect(m_pattern, &QLineEdit::returnPressed, this, &KeyBrowserPanel::reload);
    connect(m_type, &QComboBox::activated, this, &KeyBrowserPanel::reload);
    connect(m_database, &QComboBox::activated, this, &KeyBrowserPanel::switchDatabase);
    connect(m_openKey, &QLineEdit::returnPressed, this, [this] { openKeyByName(m_openKey->text()); });
    auto* filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(250);
    connect(m_quickFilter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] { m_model->setQuickFilter(m_quickFilter->text()); });

    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setMaximumHeight(fontMetrics().height());
    m_progress->setTextVisible(false);
    m_progressText = new QLabel(this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_loadMore = new QPushButton(tr("Load more"), this);
    m_loadMore->hide();
    m_cancel->hide();
    progressRow->addWidget(m_progressText);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_loadMore);
    progressRow->addWidget(m_cancel);
    layout->addLayout(progressRow);
    connect(m_cancel, &QPushButton::clicked, m_loader, &KeyspaceLoader::cancel);
    connect(m_loadMore, &QPushButton::clicked, this, [this] { m_loader->loadMore(keyCap()); });
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("keyBrowserSplitter"));
    m_tree = new QTreeView(m_splitter);
    m_tree->setObjectName(QStringLiteral("keyTree"));
    m_tree->setAccessibleName(tr("Keys"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(KeyTreeModel::NameColumn, QHeaderView::Stretch);
    // The name gets the room; the detail columns are as narrow as their usual content.
    const QList<QPair<int, QString>> widths { { KeyTreeModel::TypeColumn, QStringLiteral("00,000 keys") },
        { KeyTreeModel::TtlColumn, QStringLiteral("00 h 00 min") },
        { KeyTreeModel::MemoryColumn, QStringLiteral("000.0 KB") } };
    for (const auto& [column, sample] : widths) {
        m_tree->header()->setSectionResizeMode(column, QHeaderView::Interactive);
        m_tree->header()->resizeSection(column, fontMetrics().horizontalAdvance(sample) + 12);
    }
    m_tree->header()->setMinimumSectionSize(40);
    m_splitter->addWidget(m_tree);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &KeyBrowserPanel::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &KeyBrowserPanel::onCurrentChanged);

    auto* right = new QWidget(m_splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    m_keyHeader = new QWidget(right);
    // Two rows, so a long key name never forces the value side wider than the window allows.
    auto* headerRows = new QVBoxLayout(m_keyHeader);
    headerRows->setContentsMargins(0, 0, 0, 0);
    auto* title = new QHBoxLayout;
    auto* header = new QHBoxLayout;
    headerRows->addLayout(title);
    headerRows->addLayout(header);
    m_keyType = new QLabel(m_keyHeader);
    m_keyType->setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; border-radius: 4px; "
                                            "padding: 2px 6px; font-weight: bold; }"));
    m_keyName = new QLabel(m_keyHeader);
    m_keyName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont nameFont = m_keyName->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_keyName->setFont(nameFont);
    m_keyName->setAccessibleName(tr("Key name"));
    m_keyTtl = new QLabel(m_keyHeader);
    m_keyTtl->setAccessibleName(tr("Time to live"));
    m_keySize = new QLabel(m_keyHeader);
    m_keyName->setMinimumWidth(80);
    title->addWidget(m_keyType);
    title->addWidget(m_keyName, 1);
    header->addWidget(m_keySize);
    header->addWidget(m_keyTtl);
    header->addStretch(1);
    auto addButton = [this, header](const QString& text, const QString& tip, auto slot) {
        auto* button = new QToolButton(m_keyHeader);
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        connect(button, &QToolButton::clicked, this, slot);
        header->addWidget(button);
    };
    addButton(tr("Rename"), tr("Rename the key (F2)"), &KeyBrowserPanel::renameCurrent);
    addButton(tr("TTL"), tr("Set or remove the expiry"), &KeyBrowserPanel::setTtlOfSelected);
    addButton(tr("Copy name"), tr("Copy the key name (Ctrl+C)"), &KeyBrowserPanel::copyName);
    addButton(tr("Reload"), tr("Load the value again"), [this] {
        if (!m_currentKey.isEmpty())
            openKey(m_currentKey);
    });
    addButton(tr("Delete"), tr("Delete the key (Delete)"), &KeyBrowserPanel::deleteSelected);
    m_keyHeader->hide();
    rightLayout->addWidget(m_keyHeader);
    m_valueArea = new QStackedWidget(right);
    m_placeholder = new QLabel(tr("Select a key to see its value.\n\nF5 reloads the keys, Ctrl+F filters them, "
                                  "F2 renames, Delete deletes, Ctrl+N creates a key."),
        m_valueArea);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_valueArea->addWidget(m_placeholder);
    rightLayout->addWidget(m_valueArea, 1);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    layout->addWidget(m_splitter, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this,
        [this] { QSettings().setValue(QStringLiteral("keyBrowser/splitter"), m_splitter->saveState()); });

    // New keys are merged into the tree on a timer while a scan runs; the rows on screen ask for
    // their type, TTL and size after scrolling settles.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, m_model, &KeyTreeModel::refresh);
    m_detailsTimer = new QTimer(this);
    m_detailsTimer->setSingleShot(true);
    m_detailsTimer->setInterval(80);
    connect(m_detailsTimer, &QTimer::timeout, this, &KeyBrowserPanel::requestVisibleDetails);
    const auto later = [this] { m_detailsTimer->start(); };
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, this, later);
    connect(m_tree, &QTreeView::expanded, this, later);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, later);
    connect(m_model, &QAbstractItemModel::modelReset, this, later);
    m_ttlTimer = new QTimer(this);
    m_ttlTimer->setInterval(1000);
    connect(m_ttlTimer, &QTimer::timeout, this, &KeyBrowserPanel::updateTtlCountdown);
}

void KeyBrowserPanel::buildActions()
{
    auto add = [this](const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(QKeySequence::Refresh, &KeyBrowserPanel::reload);
    add(QKeySequence::Find, [this] {
        m_quickFilter->setFocus();
        m_quickFilter->selectAll();
    });
    add(QKeySequence(Qt::CTRL | Qt::Key_N), &KeyBrowserPanel::newKey);
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), [this] { openTransfer(TransferDialog::Mode::Export); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] { openTransfer(TransferDialog::Mode::Import); });
    // On the tree only, so that editing text elsewhere keeps its own keys.
    for (const auto& [shortcut, slot] : std::initializer_list<std::pair<QKeySequence, void (KeyBrowserPanel::*)()>> {
             { QKeySequence(Qt::Key_F2), &KeyBrowserPanel::renameCurrent },
             { QKeySequence::Delete, &KeyBrowserPanel::deleteSelected },
             { QKeySequence::Copy, &KeyBrowserPanel::copyName } }) {
        auto* action = new QAction(m_tree);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_tree->addAction(action);
    }
}

void KeyBrowserPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_splitterPlaced) {
        // Placed once the window's layout has given the panel its real width: the saved split, or
        // about 2:3.
        m_splitterPlaced = true;
        QTimer::singleShot(0, this, [this] {
            if (!m_splitter->restoreState(QSettings().value(QStringLiteral("keyBrowser/splitter")).toByteArray()))
                m_splitter->setSizes({ m_splitter->width() * 2 / 5, m_splitter->width() * 3 / 5 });
        });
    }
    if (!m_loadedOnce && m_session->state() == Connection::State::Connected)
        reload();
}

void KeyBrowserPanel::reload()
{
    m_loadedOnce = true;
    ScanOptions options;
    options.match = RedisText::unescape(m_pattern->text().trimmed());
    options.type = m_type->currentData().toByteArray();
    options.cap = keyCap();
    m_model->forgetAllDetails();
    m_loader->start(options);
}

void KeyBrowserPanel::onProgress(qint64 loaded, qint64 total)
{
    const QLocale locale;
    if (total > 0 && m_loader->options().match.isEmpty() && m_loader->options().type.isEmpty()) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qMin<qint64>(1000, loaded * 1000 / total)));
        m_progressText->setText(tr("%1 of %2 keys").arg(locale.toString(loaded), locale.toString(total)));
        // On a cluster: how far each node's cursor is.
        const QList<NodeScanProgress> nodes = m_loader->nodeProgress();
        if (nodes.size() > 1) {
            m_progressText->setText(m_progressText->text() + tr(" from %n node(s)", nullptr, int(nodes.size())));
            QStringList lines;
            for (const NodeScanProgress& node : nodes)
                lines.append(tr("%1: %2 keys%3")
                                 .arg(node.node, locale.toString(node.keys),
                                      node.finished ? tr(" (done)") : QString()));
            m_progressText->setToolTip(lines.join(QLatin1Char('\n')));
        } else {
            m_progressText->setToolTip(QString());
        }
    } else {
        // With a filter the share of the db that matches is unknown until the end.
        m_progress->setRange(0, 0);
        m_progressText->setText(total >= 0
                ? tr("%1 keys matching, %2 in the db").arg(locale.toString(loaded), locale.toString(total))
                : tr("%1 keys").arg(locale.toString(loaded)));
    }
}

void KeyBrowserPanel::onLoaderState()
{
    const auto state = m_loader->state();
    const bool loading = state == KeyspaceLoader::State::Loading;
    m_cancel->setVisible(loading);
    m_progress->setVisible(loading);
    m_loadMore->setVisible(state == KeyspaceLoader::State::CapReached);
    if (loading) {
        m_refreshTimer->start();
        m_message->hide();
    } else {
        m_refreshTimer->stop();
        m_model->refresh();
        m_detailsTimer->start();
    }
    const QLocale locale;
    switch (state) {
    case KeyspaceLoader::State::CapReached:
        showMessage(tr("Showing the first %1 keys of %2. Load more, or narrow the server filter; any key can also be "
                       "opened by its exact name.")
                        .arg(locale.toString(m_loader->loadedKeys()), locale.toString(m_loader->databaseSize())));
        break;
    case KeyspaceLoader::State::Cancelled:
        showMessage(tr("Loading stopped: %1 keys loaded.").arg(locale.toString(m_loader->loadedKeys())));
        break;
    case KeyspaceLoader::State::Failed:
        showMessage(m_loader->errorString(), true);
        break;
    case KeyspaceLoader::State::Finished:
        m_progressText->setText(tr("%1 keys").arg(locale.toString(m_loader->loadedKeys())));
        break;
    default:
        break;
    }
}

void KeyBrowserPanel::showMessage(const QString& message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #d32f2f;") : QString());
    m_message->setVisible(!message.isEmpty());
}

void KeyBrowserPanel::requestVisibleDetails()
{
    // Only the rows on screen: walk down the viewport a row at a time.
    QModelIndexList visible;
    const int height = m_tree->viewport()->height();
    QModelIndex index = m_tree->indexAt(QPoint(1, 1));
    while (index.isValid() && visible.size() < 500) {
        const QRect rect = m_tree->visualRect(index);
        if (rect.top() > height)
            break;
        visible.append(index);
        index = m_tree->indexBelow(index);
    }
    m_model->requestDetails(visible);
}

void KeyBrowserPanel::fillDatabases()
{
    // A cluster has only database 0: no selector; the loader's total is the masters' DBSIZE.
    m_database->setVisible(!m_session->isCluster());
    if (m_session->isCluster())
        return;
    const QList<KeyspaceEntry> keyspace = m_session->serverInfo().keyspace();
    int highest = qMax(15, m_session->database());
    for (const KeyspaceEntry& entry : keyspace)
        highest = qMax(highest, entry.database);
    const QLocale locale;
    m_database->clear();
    for (int db = 0; db <= highest; ++db) {
        qint64 keys = 0;
        for (const KeyspaceEntry& entry : keyspace) {
            if (entry.database == db)
                keys = entry.keys;
        }
        m_database->addItem(tr("db%1 (%2)").arg(db).arg(locale.toString(keys)), db);
    }
    m_database->setCurrentIndex(m_session->database());
}

void KeyBrowserPanel::switchDatabase(int index)
{
    const int database = m_database->itemData(index).toInt();
    if (database == m_session->database())
        return;
    m_session->selectDatabase(database, this, [this](const Reply& reply) {
        if (reply.isError()) {
            showMessage(tr("Cannot switch the database: %1").arg(reply.errorMessage()), true);
            m_database->setCurrentIndex(m_session->database());
            return;
        }
        closeEditor();
        reload();
    });
}

void KeyBrowserPanel::onCurrentChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || current.data(KeyTreeModel::IsFolderRole).toBool())
        return;
    openKey(current.data(KeyTreeModel::KeyRole).toByteArray());
}

void KeyBrowserPanel::openKeyByName(const QString& typedName)
{
    if (typedName.isEmpty())
        return;
    openKey(RedisText::unescape(typedName));
}

void KeyBrowserPanel::openKey(const QByteArray& key)
{
    m_currentKey = key;
    m_keyInfo->load(key);
}

void KeyBrowserPanel::onKeyInfo(const KeyInfo& info)
{
    const QByteArray& key = info.key;
    if (key != m_currentKey)
        return;
    if (!info.exists) {
        closeEditor();
        showMessage(tr("There is no key named %1 (any more).").arg(RedisText::escape(key, RedisText::Quoting::IfNeeded)),
                    true);
        m_loader->applyChanges({}, { key });
        return;
    }
    m_message->hide();
    showKeyHeader(key, info.type, info.ttlMs, info.memoryBytes);
    closeEditor();
    m_editor = ValueEditor::create(m_session, key, info.type, m_valueArea);
    m_valueArea->addWidget(m_editor);
    m_valueArea->setCurrentWidget(m_editor);
    connect(m_editor, &ValueEditor::statusMessage, this, [this](const QString& message) { showMessage(message, false); });
    connect(m_editor, &ValueEditor::keyModified, this, [this](const QByteArray& changed) {
        m_model->forgetDetails(changed);
        m_detailsTimer->start();
    });
    connect(m_editor, &ValueEditor::keyVanished, this, [this](const QByteArray& gone) {
        showMessage(tr("The key %1 was deleted or changed type while it was open.")
                        .arg(RedisText::escape(gone, RedisText::Quoting::IfNeeded)),
                    true);
        m_loader->applyChanges({}, { gone });
    });
}

void KeyBrowserPanel::closeEditor()
{
    if (m_editor) {
        m_valueArea->removeWidget(m_editor);
        m_editor->deleteLater();
    }
    m_valueArea->setCurrentWidget(m_placeholder);
}

void KeyBrowserPanel::showKeyHeader(const QByteArray& key, const QByteArray& type, qint64 ttlMs, qint64 size)
{
    m_keyHeader->show();
    m_keyName->setText(RedisText::escape(key, RedisText::Quoting::IfNeeded));
    m_keyName->setToolTip(m_keyName->text());
    m_keyType->setText(QString::fromUtf8(type));
    m_keySize->setText(size > 0 ? tr("%1 in memory").arg(KeyTreeModel::formatBytes(size)) : QString());
    m_ttlDeadlineMs = ttlMs >= 0 ? monotonic().elapsed() + ttlMs : -1;
    updateTtlCountdown();
    if (m_ttlDeadlineMs >= 0)
        m_ttlTimer->start();
    else
        m_ttlTimer->stop();
}

void KeyBrowserPanel::updateTtlCountdown()
{
    if (m_ttlDeadlineMs < 0) {
        m_keyTtl->setText(tr("no expiry"));
        return;
    }
    const qint64 left = m_ttlDeadlineMs - monotonic().elapsed();
    if (left <= 0) {
        m_keyTtl->setText(tr("expired"));
        m_ttlTimer->stop();
        return;
    }
    m_keyTtl->setText(tr("expires in %1").arg(KeyTreeModel::formatTtl(left)));
}

QString KeyBrowserPanel::headerText() const
{
    return m_keyHeader->isVisible()
        ? m_keyType->text() + QLatin1Char(' ') + m_keyName->text() + QLatin1Char(' ') + m_keyTtl->text()
        : QString();
}

QList<QByteArray> KeyBrowserPanel::selectedKeys() const
{
    QList<QByteArray> keys;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (!index.data(KeyTreeModel::IsFolderRole).toBool())
            keys.append(index.data(KeyTreeModel::KeyRole).toByteArray());
    }
    if (keys.isEmpty() && !m_currentKey.isEmpty() && !m_tree->selectionModel()->hasSelection())
        keys.append(m_currentKey);
    return keys;
}

QByteArray KeyBrowserPanel::selectedFolderPrefix(bool* isFolder) const
{
    const QModelIndex current = m_tree->currentIndex();
    *isFolder = current.isValid() && current.data(KeyTreeModel::IsFolderRole).toBool();
    return *isFolder ? current.data(KeyTreeModel::KeyRole).toByteArray() : QByteArray();
}

void KeyBrowserPanel::newKey()
{
    bool isFolder = false;
    const QByteArray folder = selectedFolderPrefix(&isFolder);
    const QString suggestion
        = isFolder ? RedisText::escape(folder + m_session->profile().namespaceSeparator.toUtf8()) : QString();
    NewKeyDialog dialog(suggestion, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QByteArray key = dialog.key();
    KeyOperations::create(m_session, key, dialog.type(), dialog.arguments(), dialog.ttlMs(), this,
        [this, key](KeyOperations::Outcome outcome, const QString& message) {
            if (outcome != KeyOperations::Outcome::Done) {
                showMessage(tr("The key was not created: %1").arg(message), true);
                return;
            }
            m_loader->applyChanges({ key }, {});
            openKey(key);
        });
}

void KeyBrowserPanel::renameCurrent()
{
    const QList<QByteArray> keys = selectedKeys();
    if (keys.size() != 1)
        return;
    const QByteArray from = keys.first();
    bool ok = false;
    const QString typed = QInputDialog::getText(this, tr("Rename Key"),
        tr("New name for %1 (binary bytes as \\xHH):").arg(RedisText::escape(from, RedisText::Quoting::IfNeeded)),
        QLineEdit::Normal, RedisText::escape(from), &ok);
    if (!ok || typed.isEmpty())
        return;
    const QByteArray to = RedisText::unescape(typed);
    if (to == from)
        return;
    auto finish = [this, from, to](KeyOperations::Outcome outcome, const QString& message) {
        if (outcome == KeyOperations::Outcome::Done) {
            m_loader->applyChanges({ to }, { from });
            openKey(to);
            return;
        }
        if (outcome != KeyOperations::Outcome::TargetExists) {
            showMessage(tr("The key was not renamed: %1").arg(message), true);
            return;
        }
        // Never overwrite silently. Asked without a nested event loop: this runs in a reply callback,
        // and a modal loop here would deliver later replies before the rest of this batch.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Replace Key?"),
            tr("A key named %1 exists already. Replace it with %2? Its current value is lost.")
                .arg(RedisText::escape(to, RedisText::Quoting::IfNeeded),
                    RedisText::escape(from, RedisText::Quoting::IfNeeded)),
            QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, from, to](int answer) {
            if (answer != QMessageBox::Yes)
                return;
            KeyOperations::rename(
                m_session, from, to, true, this, [this, from, to](KeyOperations::Outcome result, const QString& text) {
                    if (result != KeyOperations::Outcome::Done) {
                        showMessage(tr("The key was not renamed: %1").arg(text), true);
                        return;
                    }
                    m_loader->applyChanges({ to }, { from });
                    openKey(to);
                });
        });
        box->open();
    };
    KeyOperations::rename(m_session, from, to, false, this, finish);
}

void KeyBrowserPanel::deleteSelected()
{
    bool isFolder = false;
    selectedFolderPrefix(&isFolder);
    if (isFolder && m_tree->selectionModel()->selectedRows().size() <= 1) {
        bulkOnFolder(true);
        return;
    }
    const QList<QByteArray> keys = selectedKeys();
    if (keys.isEmpty())
        return;
    const QString what = keys.size() == 1 ? RedisText::escape(keys.first(), RedisText::Quoting::IfNeeded)
                                          : tr("%1 keys").arg(keys.size());
    const auto answer = QMessageBox::warning(this, tr("Delete"),
        tr("Delete %1 from %2? This cannot be undone.").arg(what, m_session->profile().displayName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    for (const QByteArray& key : keys) {
        KeyOperations::remove(
            m_session, key, this, [this, key](KeyOperations::Outcome outcome, const QString& message) {
                if (outcome == KeyOperations::Outcome::Failed) {
                    showMessage(tr("Not deleted: %1").arg(message), true);
                    return;
                }
                m_loader->applyChanges({}, { key });
                if (key == m_currentKey) {
                    closeEditor();
                    m_keyHeader->hide();
                    m_currentKey.clear();
                }
            });
    }
}

void KeyBrowserPanel::setTtlOfSelected()
{
    bool isFolder = false;
    selectedFolderPrefix(&isFolder);
    if (isFolder) {
        bulkOnFolder(false);
        return;
    }
    const QList<QByteArray> keys = selectedKeys();
    if (keys.isEmpty())
        return;
    bool ok = false;
    const int seconds = QInputDialog::getInt(this, tr("Time to Live"),
        tr("Expire %1 after how many seconds? 0 removes the expiry.")
            .arg(keys.size() == 1 ? RedisText::escape(keys.first(), RedisText::Quoting::IfNeeded)
                                  : tr("%1 keys").arg(keys.size())),
        3600, 0, 2000000000, 60, &ok);
    if (!ok)
        return;
    for (const QByteArray& key : keys) {
        KeyOperations::setTtl(m_session, key, qint64(seconds) * 1000, this,
            [this, key](KeyOperations::Outcome outcome, const QString& message) {
                if (outcome != KeyOperations::Outcome::Done)
                    showMessage(tr("TTL not changed: %1").arg(message), true);
                m_model->forgetDetails(key);
                m_detailsTimer->start();
                if (key == m_currentKey)
                    openKey(key);
            });
    }
}

TransferDialog* KeyBrowserPanel::openTransfer(TransferDialog::Mode mode)
{
    // The scope the dialog offers first: selected keys, else the selected folder, else the
    // server filter's pattern; the whole database is always a choice.
    transfer::KeyScope scope;
    QString scopeText;
    bool isFolder = false;
    const QByteArray prefix = selectedFolderPrefix(&isFolder);
    const QByteArray separator = m_session->profile().namespaceSeparator.toUtf8();
    if (isFolder) {
        scope.match = KeyPattern::folderPattern(prefix, separator);
        scopeText = tr("the folder %1").arg(RedisText::escape(prefix + separator, RedisText::Quoting::IfNeeded));
    } else {
        scope.keys = selectedKeys();
        scope.match = RedisText::unescape(m_pattern->text().trimmed());
    }
    auto* dialog = new TransferDialog(mode, m_session, scope, scopeText, this);
    connect(dialog, &TransferDialog::keysChanged, this, &KeyBrowserPanel::reload);
    dialog->show();
    return dialog;
}

void KeyBrowserPanel::bulkOnFolder(bool deleteKeys)
{
    bool isFolder = false;
    const QByteArray prefix = selectedFolderPrefix(&isFolder);
    if (!isFolder)
        return;
    const QByteArray separator = m_session->profile().namespaceSeparator.toUtf8();
    const QByteArray pattern = KeyPattern::folderPattern(prefix, separator);
    const QString scope = tr("the folder %1").arg(RedisText::escape(prefix + separator, RedisText::Quoting::IfNeeded));
    KeyJobDialog::Kind kind = KeyJobDialog::Kind::Delete;
    qint64 ttlMs = 0;
    if (!deleteKeys) {
        bool ok = false;
        const int seconds = QInputDialog::getInt(this, tr("Time to Live"),
            tr("Expire every key of %1 after how many seconds? 0 removes the "
               "expiry.")
                .arg(scope),
            3600, 0, 2000000000, 60, &ok);
        if (!ok)
            return;
        ttlMs = qint64(seconds) * 1000;
        kind = seconds > 0 ? KeyJobDialog::Kind::SetTtl : KeyJobDialog::Kind::RemoveTtl;
    }
    KeyJobDialog dialog(m_session, kind, pattern, scope, this);
    dialog.setTtlMs(ttlMs);
    dialog.start();
    dialog.exec();
    if (dialog.changedKeys()) {
        if (deleteKeys)
            reload(); // many keys went: start over rather than patch the tree key by key
        else
            m_model->forgetAllDetails();
    }
}

void KeyBrowserPanel::copyName()
{
    const QList<QByteArray> keys = selectedKeys();
    QStringList names;
    for (const QByteArray& key : keys)
        names << RedisText::escape(key, RedisText::Quoting::IfNeeded);
    if (names.isEmpty()) {
        bool isFolder = false;
        const QByteArray prefix = selectedFolderPrefix(&isFolder);
        if (isFolder)
            names << RedisText::escape(prefix, RedisText::Quoting::IfNeeded);
    }
    if (!names.isEmpty())
        QApplication::clipboard()->setText(names.join(QLatin1Char('\n')));
}

void KeyBrowserPanel::analyzeMemory()
{
    bool isFolder = false;
    const QByteArray prefix = selectedFolderPrefix(&isFolder);
    const QByteArray separator = m_session->profile().namespaceSeparator.toUtf8();
    const QByteArray pattern = isFolder ? KeyPattern::folderPattern(prefix, separator) : QByteArray("*");
    const QString scope = isFolder ? tr("the folder %1").arg(RedisText::escape(prefix + separator))
                                   : tr("database %1").arg(m_session->database());
    KeyJobDialog dialog(m_session, KeyJobDialog::Kind::Memory, pattern, scope, this);
    dialog.setSeparator(separator);
    dialog.start();
    dialog.exec();
}

void KeyBrowserPanel::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_tree->indexAt(position);
    const bool folder = index.isValid() && index.data(KeyTreeModel::IsFolderRole).toBool();
    QMenu menu(this);
    if (index.isValid() && !folder) {
        menu.addAction(tr("Open"), this, [this, index] { openKey(index.data(KeyTreeModel::KeyRole).toByteArray()); });
        menu.addAction(tr("Rename..."), QKeySequence(Qt::Key_F2), this, &KeyBrowserPanel::renameCurrent);
        menu.addAction(tr("Set TTL..."), this, &KeyBrowserPanel::setTtlOfSelected);
        menu.addAction(tr("Copy Name"), QKeySequence::Copy, this, &KeyBrowserPanel::copyName);
        menu.addSeparator();
        menu.addAction(tr("Delete..."), QKeySequence::Delete, this, &KeyBrowserPanel::deleteSelected);
    } else if (folder) {
        menu.addAction(tr("New Key in Folder..."), QKeySequence(Qt::CTRL | Qt::Key_N), this, &KeyBrowserPanel::newKey);
        menu.addAction(tr("Copy Prefix"), QKeySequence::Copy, this, &KeyBrowserPanel::copyName);
        menu.addAction(tr("Analyze Memory of Folder..."), this, &KeyBrowserPanel::analyzeMemory);
        menu.addAction(tr("Set TTL on Folder..."), this, [this] { bulkOnFolder(false); });
        menu.addSeparator();
        menu.addAction(tr("Delete Folder..."), this, [this] { bulkOnFolder(true); });
    } else {
        menu.addAction(tr("New Key..."), QKeySequence(Qt::CTRL | Qt::Key_N), this, &KeyBrowserPanel::newKey);
    }
    const QByteArray pattern = RedisText::unescape(m_pattern->text().trimmed());
    if (!pattern.isEmpty()) {
        // The server filter doubles as the scope of bulk work.
        const QString scope = tr("the keys matching %1").arg(m_pattern->text().trimmed());
        menu.addSeparator();
        menu.addAction(tr("Delete Keys Matching the Pattern..."), this, [this, pattern, scope] {
            KeyJobDialog dialog(m_session, KeyJobDialog::Kind::Delete, pattern, scope, this);
            dialog.start();
            dialog.exec();
            if (dialog.changedKeys())
                reload();
        });
        menu.addAction(tr("Set TTL on Keys Matching the Pattern..."), this, [this, pattern, scope] {
            bool ok = false;
            const int seconds = QInputDialog::getInt(this, tr("Time to Live"),
                tr("Expire %1 after how many seconds? 0 removes the expiry.").arg(scope), 3600, 0, 2000000000, 60, &ok);
            if (!ok)
                return;
            KeyJobDialog dialog(m_session, seconds > 0 ? KeyJobDialog::Kind::SetTtl : KeyJobDialog::Kind::RemoveTtl,
                pattern, scope, this);
            dialog.setTtlMs(qint64(seconds) * 1000);
            dialog.start();
            dialog.exec();
            m_model->forgetAllDetails();
        });
        menu.addAction(tr("Analyze Memory of Keys Matching the Pattern..."), this, [this, pattern, scope] {
            KeyJobDialog dialog(m_session, KeyJobDialog::Kind::Memory, pattern, scope, this);
            dialog.setSeparator(m_session->profile().namespaceSeparator.toUtf8());
            dialog.start();
            dialog.exec();
        });
    }
    // Moving data: what is selected (keys, a folder, the pattern in the server filter) or everything.
    menu.addSeparator();
    QMenu* transfer = menu.addMenu(tr("Export, Import, Copy"));
    transfer->addAction(tr("Export..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), this,
        [this] { openTransfer(TransferDialog::Mode::Export); });
    transfer->addAction(tr("Copy to Another Connection..."), this, [this] { openTransfer(TransferDialog::Mode::Copy); });
    transfer->addAction(tr("Import into This Database..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this,
        [this] { openTransfer(TransferDialog::Mode::Import); });
    menu.addSeparator();
    menu.addAction(tr("Analyze Memory of Database..."), this, [this] {
        m_tree->clearSelection();
        m_tree->setCurrentIndex(QModelIndex());
        analyzeMemory();
    });
    menu.addAction(tr("Reload Keys"), QKeySequence::Refresh, this, &KeyBrowserPanel::reload);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace vermilion::ui
