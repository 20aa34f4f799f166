#include "queuespanel.h"

#include "carmine/carminequeue.h"
#include "carmine/messagestatus.h"
#include "carmine/queuelistmodel.h"
#include "carmine/queuemessagemodel.h"
#include "carmine/tundraevictedmodel.h"
#include "carmineproxies.h"
#include "client/session.h"
#include "util/redistext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
const QString settingsGroup = QStringLiteral("carmine/queues/");

QTableView* makeTable(QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setAccessibleName(name);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    return view;
}
} // namespace

QueuesPanel::QueuesPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_queues(new QueueListModel(session, this))
    , m_messages(new QueueMessageModel(session, this))
    , m_evicted(new TundraEvictedModel(session, this))
    , m_queueProxy(new QSortFilterProxyModel(this))
    , m_messageProxy(new MessageFilterProxy(this))
    , m_evictedProxy(new EvictedFilterProxy(this))
    , m_refreshTimer(new QTimer(this))
{
    setAccessibleName(tr("Queues"));
    m_confirm = [this](const QString& title, const QString& text) {
        return QMessageBox::warning(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    m_messages->setTicking(false); // until shown
    m_queueProxy->setSourceModel(m_queues);
    m_queueProxy->setSortRole(QueueListModel::SortRole);
    m_messageProxy->setSourceModel(m_messages);
    m_evictedProxy->setSourceModel(m_evicted);
    QSettings settings;

    m_refreshAction = new QAction(tr("Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(tr("Read the queues and the shown messages again (F5)"));
    m_copyAction = new QAction(tr("Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setToolTip(tr("Copy the selected row's id and content (Ctrl+C)"));
    m_openAction = new QAction(tr("Open key"), this);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_openAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openAction->setToolTip(tr("Show the key in the key browser: a Tundra row's key, else the queue's messages hash "
                                "(Ctrl+Enter)"));
    addActions({ m_refreshAction, m_copyAction, m_openAction });
    auto* focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QAction::triggered, this, [this] { m_textFilter->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusFilter);

    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setToolTip(m_refreshAction->toolTip());
    m_interval = new QSpinBox(this);
    m_interval->setRange(0, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setSpecialValueText(tr("off"));
    m_interval->setAccessibleName(tr("Refresh interval"));
    m_interval->setToolTip(tr("Seconds between refreshes of the totals and the first page; off = by hand (F5)."));
    m_interval->setValue(settings.value(settingsGroup + QStringLiteral("interval"), 10).toInt());
    m_status = new QLabel(this);
    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(new QLabel(tr("Carmine queues (carmine:mq:*)"), this));
    toolbar->addStretch(1);
    toolbar->addWidget(m_status);
    toolbar->addWidget(new QLabel(tr("Refresh every"), this));
    toolbar->addWidget(m_interval);
    toolbar->addWidget(refreshButton);

    m_queueView = makeTable(this, tr("Queues"));
    m_queueView->setModel(m_queueProxy);
    m_queueView->sortByColumn(QueueListModel::NameColumn, Qt::AscendingOrder);
    m_queueView->horizontalHeader()->setStretchLastSection(false);
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueListModel::NameColumn, QHeaderView::Stretch);
    for (int c = QueueListModel::LayoutColumn; c < QueueListModel::ColumnCount; ++c)
        m_queueView->setColumnWidth(c,
            c == QueueListModel::DoneColumn             ? 150
                : c == QueueListModel::EoqBackoffColumn ? 110
                                                        : 90);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_queueView);
    m_splitter->addWidget(buildMessagesArea());
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    if (!m_splitter->restoreState(settings.value(settingsGroup + QStringLiteral("splitter")).toByteArray()))
        m_splitter->setSizes({ 150, 550 });

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_message);

    connect(m_refreshAction, &QAction::triggered, this, &QueuesPanel::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &QueuesPanel::refresh);
    connect(m_copyAction, &QAction::triggered, this, &QueuesPanel::copySelection);
    connect(m_openAction, &QAction::triggered, this, &QueuesPanel::openSelectedKey);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) {
        setRefreshInterval(seconds);
        saveSettings();
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &QueuesPanel::refresh);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuesPanel::onQueueSelected);
    connect(m_queues, &QueueListModel::refreshed, this, [this] {
        m_status->setText(tr("%n queue(s)", nullptr, m_queues->rowCount()));
        if (selectedQueue().isEmpty() && m_queueProxy->rowCount() > 0)
            m_queueView->selectRow(0);
        else if (!m_currentQueue.isEmpty() && m_queues->rowOfQueue(m_currentQueue) < 0) {
            m_currentQueue.clear();
            m_messages->setQueue({}, CarmineQueue::Layout::V2);
        }
        updateSummary();
    });
    connect(m_queues, &QueueListModel::queueRefreshed, this, &QueuesPanel::updateSummary);
    connect(m_queues, &QueueListModel::errorOccurred, this, [this](const QString& text) {
        showMessage(text, true);
        m_listFailed = true;
    });
    connect(m_queues, &QueueListModel::refreshed, this, [this] {
        if (m_listFailed) {
            m_listFailed = false;
            showMessage(QString(), false); // the error of an earlier refresh no longer holds
        }
    });
    connect(
        m_messages, &QueueMessageModel::errorOccurred, this, [this](const QString& text) { showMessage(text, true); });
    connect(
        m_evicted, &TundraEvictedModel::errorOccurred, this, [this](const QString& text) { showMessage(text, true); });
    connect(m_messages, &QueueMessageModel::pageLoaded, this, &QueuesPanel::updateSummary);
    connect(m_messages, &QueueMessageModel::contentDecoded, this, &QueuesPanel::updateDetail);
    connect(m_evicted, &TundraEvictedModel::pageLoaded, this, &QueuesPanel::updateSummary);
    connect(m_messages, &QueueMessageModel::loadingChanged, this, [this](bool loading) {
        m_loadMore->setEnabled(!loading && m_messages->canLoadMore());
        m_loadMore->setText(loading ? tr("Loading...") : tr("Load more"));
    });

    setRefreshInterval(m_interval->value());
    if (m_session->isReadOnly())
        m_clear->setToolTip(tr("This connection is read-only: queues cannot be cleared."));
    // Read once the session is up (and again after a reconnect, when someone is looking).
    connect(m_session, &Session::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Connected && (isVisible() || m_queues->rowCount() == 0))
            refresh();
    });
    // A session that is connecting queues the commands; one not opened yet would refuse them.
    if (m_session->state() == Connection::State::Connected || m_session->state() == Connection::State::Connecting)
        refresh();
}

QueuesPanel::~QueuesPanel()
{
    saveSettings();
}

QWidget* QueuesPanel::buildMessagesArea()
{
    QSettings settings;
    auto* area = new QWidget(this);
    m_statusFilter = new QComboBox(area);
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("Every status"), -1);
    for (int s = int(MessageStatus::Queued); s < messageStatusCount; ++s)
        m_statusFilter->addItem(MessageStatusText::keyword(MessageStatus(s)), s);
    m_textFilter = new QLineEdit(area);
    m_textFilter->setPlaceholderText(tr("Filter by id or content (Ctrl+F)"));
    m_textFilter->setAccessibleName(tr("Filter messages"));
    m_textFilter->setClearButtonEnabled(true);
    m_loadMore = new QPushButton(tr("Load more"), area);
    m_loadMore->setToolTip(tr("Read the next page of messages (HSCAN)"));
    m_clear = new QPushButton(tr("Clear queue..."), area);
    m_clear->setToolTip(tr("Delete every key of this queue, as Carmine's clear-queues does"));
    m_summary = new QLabel(area);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(new QLabel(tr("Status:"), area));
    bar->addWidget(m_statusFilter);
    bar->addWidget(m_textFilter, 1);
    bar->addWidget(m_loadMore);
    bar->addWidget(m_clear);

    m_messageView = makeTable(area, tr("Messages"));
    m_messageView->setModel(m_messageProxy);
    m_messageView->sortByColumn(-1, Qt::AscendingOrder);
    const QList<int> widths { 270, 150, 70, 95, 95, 80, 220, 110, 100, 80 };
    const auto applyWidths = [this, widths] {
        for (int c = 0; c < widths.size() && c < m_messages->columnCount(); ++c)
            m_messageView->setColumnWidth(c, widths.at(c));
        // A Tundra message's content is its own key name (the mid): the key's state matters more.
        m_messageView->setColumnHidden(QueueMessageModel::ContentColumn, m_messages->isTundra());
        if (m_messages->isTundra())
            m_messageView->setColumnWidth(QueueMessageModel::MidColumn, 200);
    };
    applyWidths();
    connect(m_messages, &QAbstractItemModel::modelReset, this, applyWidths);

    m_detail = new QPlainTextEdit(area);
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("Message content"));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a message to see its content as EDN."));

    m_messageSplitter = new QSplitter(Qt::Horizontal, area);
    auto* left = new QSplitter(Qt::Vertical, m_messageSplitter);
    left->addWidget(m_messageView);
    left->addWidget(buildTundraArea());
    m_messageSplitter->addWidget(left);
    m_messageSplitter->addWidget(m_detail);
    m_messageSplitter->setStretchFactor(0, 3);
    m_messageSplitter->setStretchFactor(1, 1);
    if (!m_messageSplitter->restoreState(
            settings.value(settingsGroup + QStringLiteral("messageSplitter")).toByteArray()))
        m_messageSplitter->setSizes({ 900, 300 });

    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_messageSplitter, 1);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
        [this] { m_messageProxy->setStatusFilter(m_statusFilter->currentData().toInt()); });
    connect(m_textFilter, &QLineEdit::textChanged, m_messageProxy, &MessageFilterProxy::setTextFilter);
    connect(m_loadMore, &QPushButton::clicked, m_messages, &QueueMessageModel::loadMore);
    connect(m_clear, &QPushButton::clicked, this, &QueuesPanel::clearSelectedQueue);
    connect(m_messageView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QueuesPanel::updateDetail);
    connect(m_messageView, &QTableView::doubleClicked, this, &QueuesPanel::openSelectedKey);
    connect(m_messageView, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        menu.addAction(m_copyAction);
        menu.addAction(m_openAction);
        menu.exec(m_messageView->viewport()->mapToGlobal(pos));
    });
    return area;
}

QWidget* QueuesPanel::buildTundraArea()
{
    m_tundraBox = new QGroupBox(tr("Tundra: evictable keys (carmine:tundra:evictable)"), this);
    m_tundraSummary = new QLabel(m_tundraBox);
    m_tundraSummary->setWordWrap(true);
    m_missingOnly = new QCheckBox(tr("Only keys missing from Redis"), m_tundraBox);
    m_missingOnly->setChecked(true);
    m_missingOnly->setToolTip(tr("Evicted keys: replicated to the datastore, gone from Redis, restorable by the "
                                 "application's ensure-ks."));
    m_evictedMore = new QPushButton(tr("Load more"), m_tundraBox);
    m_evictedView = makeTable(m_tundraBox, tr("Evictable keys"));
    m_evictedView->setModel(m_evictedProxy);
    m_evictedView->sortByColumn(TundraEvictedModel::KeyColumn, Qt::AscendingOrder);
    m_evictedView->setColumnWidth(TundraEvictedModel::KeyColumn, 320);
    m_evictedView->setColumnWidth(TundraEvictedModel::InRedisColumn, 160);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_tundraSummary, 1);
    bar->addWidget(m_missingOnly);
    bar->addWidget(m_evictedMore);
    auto* layout = new QVBoxLayout(m_tundraBox);
    layout->addLayout(bar);
    layout->addWidget(m_evictedView, 1);
    m_tundraBox->hide();
    connect(m_missingOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_evictedProxy->setMissingOnly(on);
        updateSummary();
    });
    connect(m_evictedMore, &QPushButton::clicked, m_evicted, &TundraEvictedModel::loadMore);
    connect(m_evictedView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit openKeyRequested(m_evictedProxy->data(index, TundraEvictedModel::KeyRole).toByteArray());
    });
    return m_tundraBox;
}

QString QueuesPanel::clockText(qint64 offsetMs)
{
    // Statuses use the server's clock (TIME): a neutral choice, but not what Carmine's workers use,
    // so say so, and show how far this machine's clock is off when that is over a second.
    QString clock = tr("statuses by the server's clock");
    if (qAbs(offsetMs) > 1000)
        clock += QStringLiteral(" · ")
            + (offsetMs > 0 ? tr("this machine's clock is %1 s behind the server's")
                            : tr("this machine's clock is %1 s ahead of the server's"))
                  .arg(QLocale().toString(double(qAbs(offsetMs)) / 1000.0, 'f', 1));
    return clock;
}

void QueuesPanel::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsGroup + QStringLiteral("interval"), m_interval->value());
    settings.setValue(settingsGroup + QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(settingsGroup + QStringLiteral("messageSplitter"), m_messageSplitter->saveState());
}

void QueuesPanel::setConfirmation(std::function<bool(const QString&, const QString&)> confirm)
{
    m_confirm = std::move(confirm);
}

void QueuesPanel::setRefreshInterval(int seconds)
{
    if (m_interval->value() != seconds)
        m_interval->setValue(seconds);
    if (seconds <= 0 || !isVisible())
        m_refreshTimer->stop();
    else
        m_refreshTimer->start(seconds * 1000);
}

void QueuesPanel::setStatusFilter(int status)
{
    const int index = m_statusFilter->findData(status);
    if (index >= 0)
        m_statusFilter->setCurrentIndex(index);
}

void QueuesPanel::refresh()
{
    m_queues->refresh();
    if (!m_currentQueue.isEmpty()) {
        // The first page is read again; pages loaded further stay until the user reloads.
        if (m_messages->rowCount() <= m_messages->pageSize())
            m_messages->reload();
        if (m_messages->isTundra())
            m_evicted->reload();
    }
}

QByteArray QueuesPanel::selectedQueue() const
{
    const QModelIndexList rows = m_queueView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QByteArray() : m_queueProxy->data(rows.first(), QueueListModel::NameRole).toByteArray();
}

bool QueuesPanel::selectQueue(const QByteArray& name)
{
    const int row = m_queues->rowOfQueue(name);
    if (row < 0)
        return false;
    m_queueView->selectRow(m_queueProxy->mapFromSource(m_queues->index(row, 0)).row());
    return true;
}

bool QueuesPanel::isTundraViewShown() const
{
    return !m_tundraBox->isHidden();
}

void QueuesPanel::onQueueSelected()
{
    const QByteArray name = selectedQueue();
    if (name.isEmpty() || name == m_currentQueue)
        return;
    m_currentQueue = name;
    const int row = m_queues->rowOfQueue(name);
    m_messages->setQueue(name, row >= 0 ? m_queues->totals(row).layout : CarmineQueue::Layout::V2);
    m_detail->clear();
    const bool tundra = CarmineQueue::isTundra(name);
    m_tundraBox->setVisible(tundra);
    if (tundra)
        m_evicted->reload();
    updateSummary();
}

void QueuesPanel::updateSummary()
{
    const int row = m_queues->rowOfQueue(m_currentQueue);
    if (m_currentQueue.isEmpty() || row < 0) {
        m_summary->setText(m_queues->rowCount() ? tr("Select a queue.") : tr("No Carmine queue on this database."));
        m_clear->setEnabled(false);
        m_loadMore->setEnabled(false);
        return;
    }
    const CarmineQueue::Totals& t = m_queues->totals(row);
    m_clear->setEnabled(true);
    m_loadMore->setEnabled(!m_messages->isLoading() && m_messages->canLoadMore());
    const QString clock = clockText(m_messages->clockOffsetMs());
    m_summary->setText(tr("<b>%1</b> · %2 · showing %3 of %4 message(s) · %5")
                           .arg(RedisText::escape(t.name).toHtmlEscaped(), CarmineQueue::layoutName(t.layout))
                           .arg(m_messages->rowCount())
                           .arg(t.messages)
                           .arg(clock.toHtmlEscaped()));
    m_summary->setToolTip(tr("Lock, backoff and status are worked out with the Redis server's clock (TIME), the "
                             "same for everyone who looks. Carmine's workers decide with their own machine's clock: "
                             "a worker whose clock is ahead of or behind the server's sees a lock or backoff end "
                             "earlier or later than shown here, and may disagree about a status near that moment."));
    if (m_messages->isTundra()) {
        int missing = 0;
        int evictable = 0;
        for (int i = 0; i < m_messages->rowCount(); ++i) {
            missing += m_messages->message(i).keyExists ? 0 : 1;
            evictable += m_messages->message(i).evictable ? 1 : 0;
        }
        m_tundraSummary->setText(tr("Dirty keys shown: %1, missing from Redis: %2, evictable: %3. Evictable set: %4 "
                                    "member(s), %5 read, %6 missing from Redis (evicted, restorable by ensure-ks).")
                                     .arg(m_messages->rowCount())
                                     .arg(missing)
                                     .arg(evictable)
                                     .arg(m_evicted->totalMembers())
                                     .arg(m_evicted->rowCount())
                                     .arg(m_evicted->missingCount()));
        m_evictedMore->setEnabled(m_evicted->canLoadMore());
    }
}

void QueuesPanel::updateDetail()
{
    const QModelIndex current = m_messageView->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QModelIndex mid = current.siblingAtColumn(QueueMessageModel::MidColumn);
    const QString error = m_messageProxy->data(mid, QueueMessageModel::DecodeErrorRole).toString();
    QString text = m_messageProxy->data(mid, QueueMessageModel::ContentTextRole).toString();
    if (!error.isEmpty())
        text = QStringLiteral(";; ") + error + QStringLiteral("\n") + text;
    if (m_detail->toPlainText() != text)
        m_detail->setPlainText(text);
}

void QueuesPanel::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(dangerColor().name()) : QString());
    m_message->setVisible(!text.isEmpty());
}

QString QueuesPanel::messageText() const
{
    return m_message->text();
}

QString QueuesPanel::summaryText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_tundraSummary->text();
}

QString QueuesPanel::summaryToolTip() const
{
    return m_summary->toolTip();
}

QString QueuesPanel::contentText() const
{
    return m_detail->toPlainText();
}

void QueuesPanel::copySelection()
{
    const QModelIndex current = m_messageView->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex mid = current.siblingAtColumn(QueueMessageModel::MidColumn);
    QApplication::clipboard()->setText(m_messageProxy->data(mid, Qt::DisplayRole).toString() + QLatin1Char('\t')
        + m_messageProxy->data(mid, QueueMessageModel::ContentTextRole).toString());
    showMessage(tr("Message copied."), false);
}

void QueuesPanel::openSelectedKey()
{
    const QModelIndex current = m_messageView->currentIndex();
    if (m_messages->isTundra() && current.isValid()) {
        emit openKeyRequested(
            m_messageProxy->data(current.siblingAtColumn(QueueMessageModel::MidColumn), QueueMessageModel::MidRole)
                .toByteArray());
        return;
    }
    if (!m_currentQueue.isEmpty())
        emit openKeyRequested(CarmineQueue::key(m_currentQueue, "messages"));
}

void QueuesPanel::clearSelectedQueue()
{
    const QByteArray queue = m_currentQueue;
    if (queue.isEmpty())
        return;
    const QString shown = RedisText::escape(queue);
    if (m_session->isReadOnly()) {
        const QString text = tr("This connection is read-only: queue %1 was not cleared.").arg(shown);
        showMessage(text, true);
        emit clearFinished(false, text);
        return;
    }
    const int row = m_queues->rowOfQueue(queue);
    const qint64 messages = row >= 0 ? m_queues->totals(row).messages : 0;
    const QString question
        = tr("Clear queue %1?\n\nEvery key of this queue (carmine:mq:%1:*, as Carmine's clear-queues "
             "lists them) is deleted, with its %n message(s), including locked ones that workers "
             "are handling now. This cannot be undone.",
            nullptr, int(messages))
              .arg(shown);
    if (!m_confirm(tr("Clear queue"), question))
        return;
    CarmineQueue::clear(m_session, queue, this, [this, queue](bool ok, const QString& message) {
        showMessage(message, !ok);
        if (ok) {
            m_currentQueue.clear();
            m_messages->setQueue({}, CarmineQueue::Layout::V2);
            m_queues->refresh();
        }
        emit clearFinished(ok, message);
    });
}

void QueuesPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_messages->setTicking(true);
    if (m_interval->value() > 0 && !m_refreshTimer->isActive()) {
        m_refreshTimer->start(m_interval->value() * 1000);
        refresh();
    }
}

void QueuesPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_messages->setTicking(false);
    m_refreshTimer->stop();
}

} // namespace vermilion::ui
