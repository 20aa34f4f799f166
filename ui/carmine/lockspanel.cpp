#include "lockspanel.h"

#include "carmine/lockactions.h"
#include "carmine/lockeventwatcher.h"
#include "carmine/lockmodel.h"
#include "carmine/lockscanner.h"
#include "carmineproxies.h"
#include "client/session.h"
#include "util/redistext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
const QString settingsGroup = QStringLiteral("carmine/locks/");
}

LocksPanel::LocksPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new LockModel(this))
    , m_scanner(new LockScanner(session, this))
    , m_events(new LockEventWatcher(session, this))
    , m_proxy(new LockFilterProxy(this))
    , m_refreshTimer(new QTimer(this))
{
    setAccessibleName(tr("Lock inspector"));
    m_proxy->setSourceModel(m_model);
    m_model->setTicking(false); // until shown
    m_confirm = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };

    QSettings settings;
    // Toolbar: what is watched, how often, and the quick filter.
    m_patterns = new QLineEdit(this);
    m_patterns->setAccessibleName(tr("Watched key patterns"));
    m_patterns->setToolTip(tr("Key patterns to watch, separated by spaces (SCAN MATCH syntax). Carmine uses "
                              "carmine:lock:*, Zato zato:lock:*; other libraries use other prefixes."));
    m_patterns->setText(
        settings.value(settingsGroup + QStringLiteral("patterns"), QStringLiteral("carmine:lock:* zato:lock:*"))
            .toString());
    m_interval = new QSpinBox(this);
    m_interval->setRange(0, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setSpecialValueText(tr("off"));
    m_interval->setAccessibleName(tr("Refresh interval"));
    m_interval->setToolTip(tr("Seconds between refreshes; off = refresh by hand (F5)."));
    m_interval->setValue(settings.value(settingsGroup + QStringLiteral("interval"), 5).toInt());
    m_expiringSoon = new QSpinBox(this);
    m_expiringSoon->setRange(1, 3600);
    m_expiringSoon->setSuffix(tr(" s"));
    m_expiringSoon->setAccessibleName(tr("Expiring soon threshold"));
    m_expiringSoon->setToolTip(tr("Flag locks with less time left than this."));
    m_expiringSoon->setValue(settings.value(settingsGroup + QStringLiteral("expiringSoon"), 10).toInt());
    m_model->setExpiringSoonMs(qint64(m_expiringSoon->value()) * 1000);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by lock, key or owner (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter locks"));
    m_filter->setClearButtonEnabled(true);

    m_refreshAction = new QAction(tr("Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(tr("Read the locks again now (F5)"));
    m_releaseAction = new QAction(tr("Force release..."), this);
    m_releaseAction->setShortcut(QKeySequence::Delete);
    m_releaseAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_releaseAction->setToolTip(tr("Delete the lock if it still has the owner shown (Del)"));
    m_copyAction = new QAction(tr("Copy owner"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openAction = new QAction(tr("Open key"), this);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_openAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openAction->setToolTip(tr("Show the key in the key browser (Ctrl+Enter, or double-click)"));
    addActions({ m_refreshAction, m_releaseAction, m_copyAction, m_openAction });
    auto* focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QAction::triggered, m_filter, [this] { m_filter->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusFilter);

    const auto button = [this](QAction* action) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(new QLabel(tr("Patterns:"), this));
    toolbar->addWidget(m_patterns, 3);
    toolbar->addWidget(new QLabel(tr("Refresh every"), this));
    toolbar->addWidget(m_interval);
    toolbar->addWidget(new QLabel(tr("Soon under"), this));
    toolbar->addWidget(m_expiringSoon);
    toolbar->addWidget(button(m_refreshAction));
    toolbar->addWidget(m_filter, 2);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Locks"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LockModel::FlagsColumn, Qt::DescendingOrder); // flagged locks first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setColumnWidth(LockModel::NameColumn, 240);
    m_view->setColumnWidth(LockModel::KeyColumn, 300);
    m_view->setColumnWidth(LockModel::OwnerColumn, 290);
    m_view->setColumnWidth(LockModel::TimeLeftColumn, 110);
    const QByteArray header = settings.value(settingsGroup + QStringLiteral("header")).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);

    m_historyTitle = new QLabel(tr("History: select a lock"), this);
    m_history = new QTreeWidget(this);
    m_history->setAccessibleName(tr("Lock history"));
    m_history->setHeaderLabels({ tr("When"), tr("Event"), tr("Owner") });
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setColumnWidth(0, 170);
    m_history->setColumnWidth(1, 100);
    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyTitle);
    historyLayout->addWidget(m_history);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(historyBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    if (!m_splitter->restoreState(settings.value(settingsGroup + QStringLiteral("splitter")).toByteArray()))
        m_splitter->setSizes({ 420, 140 });

    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_live = new QLabel(tr("Live events: checking the server..."), this);
    m_live->setWordWrap(true);
    m_live->setAccessibleName(tr("Live events"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(button(m_copyAction));
    actions->addWidget(button(m_openAction));
    actions->addWidget(button(m_releaseAction));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_live);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    m_message->hide();

    connect(m_refreshAction, &QAction::triggered, this, &LocksPanel::refresh);
    connect(m_releaseAction, &QAction::triggered, this, &LocksPanel::forceReleaseSelected);
    connect(m_copyAction, &QAction::triggered, this, &LocksPanel::copyOwner);
    connect(m_openAction, &QAction::triggered, this, &LocksPanel::openSelectedKey);
    connect(m_view, &QTableView::doubleClicked, this, &LocksPanel::openSelectedKey);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        menu.addAction(m_copyAction);
        menu.addAction(m_openAction);
        menu.addSeparator();
        menu.addAction(m_releaseAction);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_patterns, &QLineEdit::editingFinished, this, [this] {
        applyPatterns();
        saveSettings();
        refresh();
    });
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) {
        setRefreshInterval(seconds);
        saveSettings();
    });
    connect(m_expiringSoon, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_model->setExpiringSoonMs(qint64(seconds) * 1000);
        saveSettings();
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateHistory();
    });
    connect(m_model, &LockModel::historyChanged, this, [this](const QByteArray& key) {
        const int row = selectedSourceRow();
        if (row >= 0 && m_model->lock(row).key == key)
            updateHistory();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LocksPanel::updateActions);
    connect(m_scanner, &LockScanner::finished, this, &LocksPanel::onScanFinished);
    connect(m_scanner, &LockScanner::failed, this, [this](const QString& message) {
        showMessage(message, true);
        m_scanFailed = true;
        m_status->setText(tr("Refresh failed."));
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &LocksPanel::refresh);
    connect(m_events, &LockEventWatcher::keysChanged, this, [this](const QList<QByteArray>& keys) {
        if (keys.isEmpty())
            refresh(); // events were dropped: read everything
        else
            m_scanner->readKeys(keys);
    });
    connect(m_scanner, &LockScanner::keysRead, m_model, &LockModel::updateLocks);
    connect(m_events, &LockEventWatcher::keyGone, m_model, &LockModel::removeLock);
    connect(m_events, &LockEventWatcher::availabilityChanged, this, [this](bool active, const QString& text) {
        m_live->setText(text);
        m_live->setStyleSheet(active ? QString() : QStringLiteral("color: %1;").arg(mutedColor().name()));
    });

    applyPatterns();
    setRefreshInterval(m_interval->value());
    updateActions();
    if (m_session->isReadOnly())
        m_releaseAction->setToolTip(tr("This connection is read-only: locks cannot be released."));
    // Read once the session is up (and again after a reconnect, when someone is looking).
    connect(m_session, &Session::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Connected && (isVisible() || m_model->rowCount() == 0))
            refresh();
    });
    // A session that is connecting queues the commands; one not opened yet would refuse them.
    if (m_session->state() == Connection::State::Connected || m_session->state() == Connection::State::Connecting)
        refresh();
}

LocksPanel::~LocksPanel()
{
    saveSettings();
}

void LocksPanel::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsGroup + QStringLiteral("patterns"), m_patterns->text());
    settings.setValue(settingsGroup + QStringLiteral("interval"), m_interval->value());
    settings.setValue(settingsGroup + QStringLiteral("expiringSoon"), m_expiringSoon->value());
    settings.setValue(settingsGroup + QStringLiteral("header"), m_view->horizontalHeader()->saveState());
    settings.setValue(settingsGroup + QStringLiteral("splitter"), m_splitter->saveState());
}

void LocksPanel::setConfirmation(std::function<bool(const QString&, const QString&)> confirm)
{
    m_confirm = std::move(confirm);
}

void LocksPanel::setPatterns(const QString& patterns)
{
    m_patterns->setText(patterns);
    applyPatterns();
}

void LocksPanel::applyPatterns()
{
    QList<QByteArray> patterns;
    for (const QString& word : m_patterns->text().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        patterns.append(RedisText::unescape(word));
    if (patterns.isEmpty()) {
        showMessage(tr("No pattern to watch: type at least one, e.g. carmine:lock:*"), true);
        patterns = LockScanner::defaultPatterns();
    }
    m_scanner->setPatterns(patterns);
    m_events->setPatterns(m_scanner->patterns());
}

QString LocksPanel::liveText() const
{
    return m_live->text();
}

void LocksPanel::setRefreshInterval(int seconds)
{
    if (m_interval->value() != seconds)
        m_interval->setValue(seconds); // comes back here through valueChanged
    // A tab nobody looks at does not poll: the timer runs while the panel is shown.
    if (seconds <= 0 || !isVisible())
        m_refreshTimer->stop();
    else
        m_refreshTimer->start(seconds * 1000);
}

int LocksPanel::refreshInterval() const
{
    return m_interval->value();
}

void LocksPanel::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void LocksPanel::refresh()
{
    m_status->setText(m_model->rowCount() ? m_status->text() : tr("Reading locks..."));
    m_scanner->scan();
}

void LocksPanel::onScanFinished(const QList<LockEntry>& locks, qint64 elapsedMs)
{
    m_model->setLocks(locks);
    if (m_scanFailed) {
        m_scanFailed = false;
        showMessage(QString(), false); // the error of an earlier refresh no longer holds
    }
    m_lastRefresh = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    int neverExpire = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        neverExpire += (m_model->flags(row) & LockModel::NeverExpires) ? 1 : 0;
    QString text = tr("%n lock(s)", nullptr, m_model->rowCount());
    if (neverExpire > 0)
        text += QStringLiteral(" · ") + tr("%n without expiry", nullptr, neverExpire);
    text += QStringLiteral(" · ") + tr("refreshed at %1 in %2 ms").arg(m_lastRefresh).arg(elapsedMs);
    m_status->setText(text);
    updateActions();
    emit refreshed();
}

int LocksPanel::selectedSourceRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_proxy->mapToSource(rows.first()).row();
}

bool LocksPanel::selectKey(const QByteArray& key)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows | QItemSelectionModel::Current);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void LocksPanel::updateActions()
{
    const bool selected = selectedSourceRow() >= 0;
    m_releaseAction->setEnabled(selected);
    m_copyAction->setEnabled(selected);
    m_openAction->setEnabled(selected);
}

void LocksPanel::updateHistory()
{
    m_history->clear();
    const int row = selectedSourceRow();
    if (row < 0) {
        m_historyTitle->setText(tr("History: select a lock"));
        return;
    }
    const LockEntry& lock = m_model->lock(row);
    m_historyTitle->setText(tr("History of %1 (since this panel opened)").arg(RedisText::escape(lock.name)));
    const QList<LockEvent> events = m_model->history(lock.key);
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(
            0, QDateTime::fromMSecsSinceEpoch(it->atEpochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        item->setText(1, LockEvent::kindName(it->kind));
        item->setText(2, RedisText::escape(it->owner));
    }
}

void LocksPanel::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(dangerColor().name()) : QString());
    m_message->setVisible(!text.isEmpty());
}

QString LocksPanel::messageText() const
{
    return m_message->text();
}

QString LocksPanel::statusText() const
{
    return m_status->text();
}

void LocksPanel::copyOwner()
{
    const int row = selectedSourceRow();
    if (row < 0)
        return;
    const LockEntry& lock = m_model->lock(row);
    QApplication::clipboard()->setText(RedisText::escape(lock.owner));
    showMessage(tr("Owner of %1 copied.").arg(RedisText::escape(lock.name)), false);
}

void LocksPanel::openSelectedKey()
{
    const int row = selectedSourceRow();
    if (row >= 0)
        emit openKeyRequested(m_model->lock(row).key);
}

void LocksPanel::forceReleaseSelected()
{
    const int row = selectedSourceRow();
    if (row < 0)
        return;
    const LockEntry lock = m_model->lock(row);
    if (m_session->isReadOnly()) {
        const QString text
            = tr("This connection is read-only: lock %1 was not released.").arg(RedisText::escape(lock.name));
        showMessage(text, true);
        emit forceReleaseFinished(false, text);
        return;
    }
    if (!lock.isString) {
        showMessage(tr("%1 is not a string: it is not a lock as Carmine writes one, so it is not released here.")
                        .arg(RedisText::escape(lock.key)),
            true);
        return;
    }
    const QString question
        = tr("Force release lock %1?\n\nKey: %2\nOwner shown: %3\n\nThe key is deleted only if it still has this "
             "owner. The holder may still be working: releasing its lock lets another worker in.")
              .arg(RedisText::escape(lock.name), RedisText::escape(lock.key), RedisText::escape(lock.owner));
    if (!m_confirm(tr("Force release"), question))
        return;
    LockActions::forceRelease(m_session, lock.key, lock.owner, this,
        [this, key = lock.key](LockActions::Outcome outcome, const QString& message) {
            const bool released = outcome == LockActions::Outcome::Released;
            showMessage(message, !released);
            if (released)
                m_model->removeLock(key, LockEvent::Kind::Released);
            emit forceReleaseFinished(released, message);
            refresh();
        });
}

void LocksPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_model->setTicking(true);
    // The subscriber connection opens the first time the inspector is looked at.
    m_events->start();
    if (m_interval->value() > 0 && !m_refreshTimer->isActive()) {
        m_refreshTimer->start(m_interval->value() * 1000);
        refresh();
    }
}

void LocksPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    // A hidden tab costs nothing: no countdown repaint, no polling.
    m_model->setTicking(false);
    m_refreshTimer->stop();
}

} // namespace vermilion::ui
