#include "pubsubpanewidget.h"

#include "messagecolourdelegate.h"
#include "pubsub/globmatch.h"
#include "client/session.h"
#include "pubsub/pubsubpane.h"
#include "ruledelegate.h"
#include "util/redistext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QColorDialog>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    return button;
}
} // namespace

PubSubPaneWidget::PubSubPaneWidget(Session* session, const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_pane(new PubSubPane(session, this))
    , m_title(title)
{
    buildUi();
    connect(session, &Session::stateChanged, this, &PubSubPaneWidget::updateShardedCheck);
    updateShardedCheck();
    connect(m_pane, &PubSubPane::subscriptionsChanged, this, &PubSubPaneWidget::refreshSubscriptions);
    connect(m_pane, &PubSubPane::notificationRequested, this, &PubSubPaneWidget::notificationRequested);
    connect(m_pane, &PubSubPane::logFailed, this,
        [this](const QString& message) { m_stateLabel->setText(message); });
    connect(m_pane->rules(), &HandlerRuleModel::rulesEdited, this, &PubSubPaneWidget::changed);
    connect(m_pane->messages(), &MessageModel::countsChanged, this, &PubSubPaneWidget::updateStatus);
    connect(m_pane->subscriber(), &Subscriber::stateChanged, this, &PubSubPaneWidget::onState);
    refreshSubscriptions();
    updateStatus();
}

PubSubPaneWidget::~PubSubPaneWidget() = default;

void PubSubPaneWidget::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* header = new QHBoxLayout;
    m_titleLabel = new QLabel(this);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->setWordWrap(true);
    auto* closeButton = toolButton(QStringLiteral("\u2715"), tr("Close this pane (its subscriber connection closes)"), this);
    closeButton->setAccessibleName(tr("Close pane"));
    connect(closeButton, &QToolButton::clicked, this, &PubSubPaneWidget::closeRequested);
    header->addWidget(m_titleLabel);
    header->addWidget(m_stateLabel, 1);
    header->addWidget(closeButton);
    layout->addLayout(header);
    setTitle(m_title);

    m_notice = new QFrame(this);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(8, 4, 8, 4);
    m_noticeLabel = new QLabel(m_notice);
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setForegroundRole(QPalette::ToolTipText);
    m_noticeButton = new QPushButton(m_notice);
    connect(m_noticeButton, &QPushButton::clicked, this, [this] {
        if (m_noticeAction)
            m_noticeAction();
    });
    noticeLayout->addWidget(m_noticeLabel, 1);
    noticeLayout->addWidget(m_noticeButton);
    m_notice->hide();
    layout->addWidget(m_notice);

    // Subscriptions.
    auto* subscribeRow = new QHBoxLayout;
    m_subscriptionEdit = new QLineEdit(this);
    m_subscriptionEdit->setPlaceholderText(tr("Channel or pattern (news.*, __keyspace@0__:*) \u2014 Enter to subscribe"));
    m_subscriptionEdit->setAccessibleName(tr("Channel or pattern to subscribe to"));
    m_patternCheck = new QCheckBox(tr("Pattern"), this);
    m_patternCheck->setToolTip(tr("PSUBSCRIBE even without glob characters; text with *, ? or [ is always a pattern"));
    m_shardedCheck = new QCheckBox(tr("Sharded"), this);
    m_shardedCheck->setToolTip(tr("Sharded pub/sub (Redis 7 Cluster): SSUBSCRIBE on the node serving each channel's "
                                  "slot, for messages sent with SPUBLISH. Channels follow their slot through "
                                  "failovers and resharding. No patterns."));
    m_shardedCheck->hide();
    connect(m_shardedCheck, &QCheckBox::toggled, this, &PubSubPaneWidget::setSharded);
    m_everyMasterCheck = new QCheckBox(tr("Every master"), this);
    m_everyMasterCheck->setToolTip(tr("Subscribe on every master of the cluster. Keyspace notifications are each "
                                      "node's own: this is how a pane sees the events of every key. A channel "
                                      "PUBLISHed to the cluster then arrives once per master."));
    m_everyMasterCheck->hide();
    connect(m_everyMasterCheck, &QCheckBox::toggled, this, &PubSubPaneWidget::setEveryMaster);
    auto* subscribeButton = new QPushButton(tr("Subscribe"), this);
    connect(subscribeButton, &QPushButton::clicked, this, &PubSubPaneWidget::addSubscriptionFromEditor);
    connect(m_subscriptionEdit, &QLineEdit::returnPressed, this, &PubSubPaneWidget::addSubscriptionFromEditor);
    subscribeRow->addWidget(m_subscriptionEdit, 1);
    subscribeRow->addWidget(m_patternCheck);
    subscribeRow->addWidget(m_shardedCheck);
    subscribeRow->addWidget(m_everyMasterCheck);
    subscribeRow->addWidget(subscribeButton);
    layout->addLayout(subscribeRow);

    auto* listRow = new QHBoxLayout;
    m_subscriptions = new QListWidget(this);
    m_subscriptions->setAccessibleName(tr("Subscriptions"));
    m_subscriptions->setFlow(QListView::LeftToRight);
    m_subscriptions->setWrapping(true);
    m_subscriptions->setSpacing(2);
    m_subscriptions->setMaximumHeight(fontMetrics().height() * 3 + 8);
    m_subscriptions->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* unsubscribeAction = new QAction(tr("Unsubscribe"), m_subscriptions);
    unsubscribeAction->setShortcut(QKeySequence::Delete);
    unsubscribeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(unsubscribeAction, &QAction::triggered, this, &PubSubPaneWidget::removeSelectedSubscription);
    m_subscriptions->addAction(unsubscribeAction);
    auto* removeButton = toolButton(tr("Unsubscribe"), tr("Unsubscribe from the selected channel or pattern (Del)"), this);
    connect(removeButton, &QToolButton::clicked, this, &PubSubPaneWidget::removeSelectedSubscription);
    listRow->addWidget(m_subscriptions, 1);
    listRow->addWidget(removeButton, 0, Qt::AlignTop);
    layout->addLayout(listRow);

    m_splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(m_splitter, 1);

    // Rules.
    auto* rulesBox = new QWidget(m_splitter);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    auto* rulesBar = new QHBoxLayout;
    auto* rulesLabel = new QLabel(tr("Handler rules: pattern rule, else channel rule, else *"), rulesBox);
    auto* addRuleButton = toolButton(tr("Add rule"), tr("Add a rule for a channel, a pattern or *"), rulesBox);
    auto* removeRuleButton = toolButton(tr("Remove"), tr("Remove the selected rule"), rulesBox);
    auto* upButton = toolButton(tr("Up"), tr("Move the rule up (glob rules are tried in table order)"), rulesBox);
    auto* downButton = toolButton(tr("Down"), tr("Move the rule down"), rulesBox);
    connect(addRuleButton, &QToolButton::clicked, this, &PubSubPaneWidget::addRule);
    connect(removeRuleButton, &QToolButton::clicked, this, &PubSubPaneWidget::removeRule);
    connect(upButton, &QToolButton::clicked, this, [this] { moveRule(-1); });
    connect(downButton, &QToolButton::clicked, this, [this] { moveRule(1); });
    rulesBar->addWidget(rulesLabel, 1);
    rulesBar->addWidget(addRuleButton);
    rulesBar->addWidget(removeRuleButton);
    rulesBar->addWidget(upButton);
    rulesBar->addWidget(downButton);
    rulesLayout->addLayout(rulesBar);
    m_rules = new QTableView(rulesBox);
    m_rules->setAccessibleName(tr("Handler rules"));
    m_rules->setModel(m_pane->rules());
    m_rules->setItemDelegate(new RuleDelegate(m_rules));
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->verticalHeader()->hide();
    m_rules->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_rules->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::SelectedClicked);
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The key keeps room to be read; the table scrolls sideways in a narrow pane.
    m_rules->horizontalHeader()->setSectionResizeMode(HandlerRuleModel::KeyColumn, QHeaderView::Interactive);
    m_rules->setColumnWidth(HandlerRuleModel::KeyColumn, fontMetrics().horizontalAdvance(tr("Channel or pattern")) + 24);
    m_rules->horizontalHeader()->setStretchLastSection(false);
    m_rules->horizontalHeader()->setSectionResizeMode(HandlerRuleModel::LogColumn, QHeaderView::Interactive);
    m_rules->setColumnWidth(HandlerRuleModel::LogColumn, fontMetrics().averageCharWidth() * 10);
    m_rules->horizontalHeader()->setMinimumSectionSize(fontMetrics().averageCharWidth() * 5);
    connect(m_rules, &QTableView::doubleClicked, this, &PubSubPaneWidget::editRuleCell);
    rulesLayout->addWidget(m_rules);

    // Messages.
    auto* messagesBox = new QWidget(m_splitter);
    auto* messagesLayout = new QVBoxLayout(messagesBox);
    messagesLayout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_pauseButton = toolButton(tr("Pause"), tr("Freeze the view; messages keep being received and counted (Ctrl+P)"),
        messagesBox);
    m_pauseButton->setCheckable(true);
    // Shortcuts act on the pane that has the focus: several panes sit in one window.
    auto* pauseShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_P), this);
    pauseShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(pauseShortcut, &QShortcut::activated, this, [this] { setPaused(!m_pane->messages()->isPaused()); });
    connect(m_pauseButton, &QToolButton::toggled, this, &PubSubPaneWidget::setPaused);
    auto* clearButton = toolButton(tr("Clear"), tr("Empty the view and its counters (Ctrl+L)"), messagesBox);
    auto* clearShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    clearShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clearShortcut, &QShortcut::activated, this, [this] { m_pane->messages()->clear(); });
    connect(clearButton, &QToolButton::clicked, this, [this] { m_pane->messages()->clear(); });
    m_search = new QLineEdit(messagesBox);
    m_search->setPlaceholderText(tr("Search channel, pattern or payload"));
    m_search->setAccessibleName(tr("Search messages"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 16);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_pane->messages()->setSearchText(text);
    });
    auto* copyButton = toolButton(tr("Copy"), tr("Copy the selected messages as JSON lines (Ctrl+C)"), messagesBox);
    connect(copyButton, &QToolButton::clicked, this, &PubSubPaneWidget::copySelection);
    auto* exportButton = toolButton(tr("Export\u2026"), tr("Save the shown messages as JSON lines or CSV"), messagesBox);
    connect(exportButton, &QToolButton::clicked, this, &PubSubPaneWidget::chooseExport);
    m_logButton = toolButton(tr("Log to file\u2026"), tr("Append every message of this pane to a JSON-lines file"),
        messagesBox);
    m_logButton->setCheckable(true);
    connect(m_logButton, &QToolButton::clicked, this, &PubSubPaneWidget::chooseLogFile);
    m_capacity = new QSpinBox(messagesBox);
    m_capacity->setRange(100, 5'000'000);
    m_capacity->setSingleStep(10'000);
    m_capacity->setValue(int(m_pane->messages()->capacity()));
    m_capacity->setPrefix(tr("keep "));
    m_capacity->setSuffix(tr(" messages"));
    m_capacity->setGroupSeparatorShown(true);
    m_capacity->setAccessibleName(tr("Messages kept in the view"));
    m_capacity->setToolTip(tr("The view keeps the newest messages; older ones are dropped and counted"));
    connect(m_capacity, &QSpinBox::editingFinished, this, [this] {
        m_pane->messages()->setCapacity(m_capacity->value());
        emit changed();
    });
    bar->addWidget(m_pauseButton);
    bar->addWidget(clearButton);
    bar->addWidget(m_search, 1);
    bar->addWidget(copyButton);
    bar->addWidget(exportButton);
    bar->addWidget(m_logButton);
    bar->addWidget(m_capacity);
    messagesLayout->addLayout(bar);

    auto* messageSplit = new QSplitter(Qt::Vertical, messagesBox);
    m_messages = new QTableView(messageSplit);
    m_messages->setAccessibleName(tr("Messages"));
    m_messages->setModel(m_pane->messages());
    auto* delegate = new MessageColourDelegate(MessageModel::ColourRole, MessageModel::KindRole, m_messages);
    delegate->setNoteKinds({ int(PubSubMessage::Kind::Subscribed), int(PubSubMessage::Kind::Unsubscribed),
        int(PubSubMessage::Kind::PatternSubscribed), int(PubSubMessage::Kind::PatternUnsubscribed),
        int(PubSubMessage::Kind::Gap), int(PubSubMessage::Kind::Error) });
    m_messages->setItemDelegate(delegate);
    m_messages->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_messages->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_messages->setWordWrap(false);
    m_messages->setTextElideMode(Qt::ElideRight);
    m_messages->verticalHeader()->hide();
    m_messages->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_messages->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_messages->horizontalHeader()->setStretchLastSection(false);
    const int charWidth = fontMetrics().averageCharWidth();
    m_messages->setColumnWidth(MessageModel::TimeColumn, fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_messages->setColumnWidth(MessageModel::ChannelColumn, charWidth * 18);
    m_messages->setColumnWidth(MessageModel::PatternColumn, charWidth * 10);
    m_messages->setColumnWidth(MessageModel::SizeColumn, fontMetrics().horizontalAdvance(QStringLiteral("1023 bytes")) + 16);
    m_messages->horizontalHeader()->setSectionResizeMode(MessageModel::PayloadColumn, QHeaderView::Stretch);
    auto* copyAction = new QAction(tr("Copy"), m_messages);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &PubSubPaneWidget::copySelection);
    m_messages->addAction(copyAction);
    m_messages->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_messages->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &PubSubPaneWidget::showSelectedMessage);
    // Follow new messages while the view is scrolled to the end; stay put when the user scrolled up.
    connect(m_messages->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followTail = value >= m_messages->verticalScrollBar()->maximum() - 2;
    });
    connect(m_pane->messages(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_messages->scrollToBottom();
    });
    m_details = new QPlainTextEdit(messageSplit);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Selected message, decoded"));
    m_details->setPlaceholderText(tr("Select a message to see its payload decoded in full."));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    messageSplit->addWidget(m_messages);
    messageSplit->addWidget(m_details);
    messageSplit->setStretchFactor(0, 4);
    messageSplit->setStretchFactor(1, 1);
    messagesLayout->addWidget(messageSplit, 1);

    m_splitter->addWidget(rulesBox);
    m_splitter->addWidget(messagesBox);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    // Room for five rules and the header at first; the user's split is saved with the pane.
    const int rowHeight = fontMetrics().height() + 8;
    m_splitter->setSizes({ rowHeight * 7 + 8, rowHeight * 24 });

    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Pane counters"));
    layout->addWidget(m_status);
}

void PubSubPaneWidget::showNotice(const QString& text, const QString& actionText, std::function<void()> action)
{
    m_noticeLabel->setText(text);
    m_noticeButton->setText(actionText);
    m_noticeButton->setAccessibleName(actionText);
    m_noticeButton->setVisible(!actionText.isEmpty());
    m_noticeAction = std::move(action);
    m_notice->show();
}

void PubSubPaneWidget::hideNotice()
{
    m_notice->hide();
    m_noticeAction = nullptr;
}

QString PubSubPaneWidget::noticeText() const
{
    return m_notice->isVisibleTo(const_cast<PubSubPaneWidget*>(this)) ? m_noticeLabel->text() : QString();
}

void PubSubPaneWidget::setTitle(const QString& title)
{
    m_title = title;
    m_titleLabel->setText(title);
    setAccessibleName(tr("Pub/sub pane %1").arg(title));
}

void PubSubPaneWidget::start()
{
    m_pane->subscriber()->start();
}

void PubSubPaneWidget::setSharded(bool sharded)
{
    m_wantSharded = sharded;
    if (sharded)
        m_wantEveryMaster = false; // one way or the other
    applySharded();
    emit changed();
}

void PubSubPaneWidget::setEveryMaster(bool everyMaster)
{
    m_wantEveryMaster = everyMaster;
    if (everyMaster)
        m_wantSharded = false;
    applySharded();
    emit changed();
}

void PubSubPaneWidget::applySharded()
{
    const auto showMode = [this] {
        const QSignalBlocker blockSharded(m_shardedCheck);
        const QSignalBlocker blockEvery(m_everyMasterCheck);
        m_shardedCheck->setChecked(m_wantSharded);
        m_everyMasterCheck->setChecked(m_wantEveryMaster);
    };
    showMode();
    if (!m_session->isCluster())
        return; // applied once the session says it is a cluster
    QString error;
    if (m_wantSharded && !m_pane->patternStates().isEmpty()) {
        // Refused before the pane leaves the mode it is in.
        m_wantSharded = false;
        m_wantEveryMaster = m_pane->isEveryMaster();
        showMode();
        showNotice(tr("Sharded pub/sub has no patterns: unsubscribe from the patterns first."));
        return;
    }
    // Out of the old mode first, then into the new one.
    const bool ok = (m_wantSharded ? m_pane->setEveryMaster(false, &error) && m_pane->setSharded(true, &error)
                                   : m_pane->setSharded(false, &error) && m_pane->setEveryMaster(m_wantEveryMaster, &error));
    if (!ok) {
        m_wantSharded = m_pane->isSharded();
        m_wantEveryMaster = m_pane->isEveryMaster();
        showMode();
        showNotice(error);
        return;
    }
    m_patternCheck->setEnabled(!m_wantSharded);
    m_subscriptionEdit->setPlaceholderText(m_wantSharded
            ? tr("Shard channel (orders:{eu}) \u2014 Enter to SSUBSCRIBE on the node of its slot")
            : tr("Channel or pattern (news.*, __keyspace@0__:*) \u2014 Enter to subscribe"));
    refreshSubscriptions();
}

void PubSubPaneWidget::updateShardedCheck()
{
    const bool cluster = m_session->isCluster();
    m_shardedCheck->setVisible(cluster);
    m_everyMasterCheck->setVisible(cluster);
    if (cluster && (m_wantSharded != m_pane->isSharded() || m_wantEveryMaster != m_pane->isEveryMaster()))
        applySharded();
}

void PubSubPaneWidget::addSubscription(const QByteArray& name, bool asPattern)
{
    if (name.isEmpty())
        return;
    if (m_pane->isSharded() && (asPattern || Glob::isPattern(name))) {
        // Shard channel names may hold glob characters: they are channels, never patterns.
        if (asPattern) {
            showNotice(tr("Sharded pub/sub has no patterns: %1 was not subscribed.").arg(RedisText::escape(name)));
            return;
        }
        m_pane->subscribe(name);
        emit changed();
        return;
    }
    if (asPattern || Glob::isPattern(name))
        m_pane->psubscribe(name);
    else
        m_pane->subscribe(name);
    emit changed();
}

void PubSubPaneWidget::addSubscriptionFromEditor()
{
    const QString text = m_subscriptionEdit->text().trimmed();
    if (text.isEmpty()) {
        m_stateLabel->setText(tr("Type a channel name or a pattern first."));
        return;
    }
    // Names are typed as redis-cli shows them: \xff and friends become bytes.
    addSubscription(RedisText::unescape(text), m_patternCheck->isChecked());
    m_subscriptionEdit->clear();
}

void PubSubPaneWidget::removeSelectedSubscription()
{
    QListWidgetItem* item = m_subscriptions->currentItem();
    if (!item) {
        m_stateLabel->setText(tr("Select a subscription to remove."));
        return;
    }
    const QByteArray name = item->data(Qt::UserRole).toByteArray();
    if (item->data(Qt::UserRole + 1).toBool())
        m_pane->punsubscribe(name);
    else
        m_pane->unsubscribe(name);
    emit changed();
}

void PubSubPaneWidget::refreshSubscriptions()
{
    m_subscriptions->clear();
    const auto add = [this](const QByteArray& name, bool confirmed, bool pattern) {
        const QString node = pattern || !m_pane->isSharded() ? QString() : m_pane->subscriber()->nodeOf(name);
        const QString text = RedisText::escape(name) + (pattern ? tr(" (pattern)") : QString())
            + (node.isEmpty() ? QString() : tr(" @ %1").arg(node))
            + (confirmed ? QStringLiteral("  \u2713") : QStringLiteral("  \u2026"));
        auto* item = new QListWidgetItem(text, m_subscriptions);
        item->setData(Qt::UserRole, name);
        item->setData(Qt::UserRole + 1, pattern);
        item->setToolTip((confirmed ? tr("Confirmed by the server") : tr("Waiting for the server's confirmation"))
                         + (node.isEmpty() ? QString() : QLatin1Char('\n') + tr("Shard channel, on %1").arg(node)));
    };
    for (auto it = m_pane->channelStates().cbegin(); it != m_pane->channelStates().cend(); ++it)
        add(it.key(), it.value(), false);
    for (auto it = m_pane->patternStates().cbegin(); it != m_pane->patternStates().cend(); ++it)
        add(it.key(), it.value(), true);
    if (m_subscriptions->count() == 0) {
        auto* hint = new QListWidgetItem(tr("No subscriptions yet: type a channel or pattern above."), m_subscriptions);
        hint->setFlags(Qt::NoItemFlags);
    }
}

void PubSubPaneWidget::onState(Connection::State state, const QString& message)
{
    if (state == Connection::State::Connected && m_pane->isEveryMaster())
        m_stateLabel->setText(tr("Listening (on every master: %n node(s))", nullptr, int(m_pane->subscriber()->shardNodes().size())));
    else if (state == Connection::State::Connected && m_pane->isSharded())
        m_stateLabel->setText(tr("Listening (sharded, on %n node(s))", nullptr, int(m_pane->subscriber()->shardNodes().size())));
    else if (state == Connection::State::Connected)
        m_stateLabel->setText(tr("Listening"));
    else
        m_stateLabel->setText(message.isEmpty() ? Connection::stateName(state) : message);
}

QString PubSubPaneWidget::statusText() const
{
    const MessageModel* model = m_pane->messages();
    const QLocale locale;
    QString text = tr("%1 received \u00b7 %2 shown \u00b7 %3 dropped")
                       .arg(locale.toString(m_pane->receivedMessages()), locale.toString(model->rowCount()),
                           locale.toString(m_pane->droppedMessages()));
    if (model->isPaused())
        text += tr(" \u00b7 paused, %1 waiting").arg(locale.toString(model->held()));
    if (!model->searchText().isEmpty())
        text += tr(" \u00b7 filtered");
    if (!m_pane->logFile().isEmpty())
        text += tr(" \u00b7 logging to %1").arg(m_pane->logFile());
    return text;
}

void PubSubPaneWidget::updateStatus()
{
    m_status->setText(statusText());
}

void PubSubPaneWidget::setPaused(bool paused)
{
    m_pane->messages()->setPaused(paused);
    if (m_pauseButton->isChecked() != paused)
        m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    updateStatus();
}

void PubSubPaneWidget::addRule()
{
    HandlerRule rule;
    // A sensible first key: the selected message's channel, else "*" when there is none yet.
    const QModelIndex current = m_messages->currentIndex();
    QByteArray key = current.isValid() ? current.data(MessageModel::ChannelBytesRole).toByteArray() : QByteArray();
    if (key.isEmpty() || m_pane->rules()->findRule(key) >= 0)
        key = m_pane->rules()->findRule("*") < 0 ? QByteArray("*") : QByteArray();
    if (key.isEmpty()) {
        for (int i = 1; key.isEmpty(); ++i) {
            const QByteArray candidate = "channel" + QByteArray::number(i);
            if (m_pane->rules()->findRule(candidate) < 0)
                key = candidate;
        }
    }
    rule.key = key;
    const int row = m_pane->rules()->addRule(rule);
    m_rules->setCurrentIndex(m_pane->rules()->index(row, HandlerRuleModel::KeyColumn));
    m_rules->edit(m_rules->currentIndex());
}

void PubSubPaneWidget::removeRule()
{
    const QModelIndex current = m_rules->currentIndex();
    if (!current.isValid()) {
        m_stateLabel->setText(tr("Select a rule to remove."));
        return;
    }
    m_pane->rules()->removeRule(current.row());
}

void PubSubPaneWidget::moveRule(int delta)
{
    const QModelIndex current = m_rules->currentIndex();
    if (!current.isValid())
        return;
    const int to = current.row() + delta;
    if (to < 0 || to >= m_pane->rules()->rowCount())
        return;
    m_pane->rules()->moveRule(current.row(), to);
    m_rules->setCurrentIndex(m_pane->rules()->index(to, current.column()));
}

void PubSubPaneWidget::editRuleCell(const QModelIndex& index)
{
    HandlerRuleModel* rules = m_pane->rules();
    if (index.column() == HandlerRuleModel::ColourColumn) {
        auto* dialog = new QColorDialog(QColor::fromString(index.data(Qt::EditRole).toString()), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Colour for %1").arg(index.siblingAtColumn(0).data().toString()));
        const QPersistentModelIndex target(index);
        connect(dialog, &QColorDialog::colorSelected, this, [rules, target](const QColor& colour) {
            if (target.isValid())
                rules->setData(target, colour.name());
        });
        dialog->open();
    } else if (index.column() == HandlerRuleModel::LogColumn) {
        const QPersistentModelIndex target(index);
        auto* dialog = new QFileDialog(this, tr("Append this rule's messages to"), index.data(Qt::EditRole).toString(),
            tr("JSON lines (*.jsonl);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setOption(QFileDialog::DontConfirmOverwrite); // appended to, never overwritten
        dialog->setDefaultSuffix(QStringLiteral("jsonl"));
        connect(dialog, &QFileDialog::fileSelected, this, [rules, target](const QString& path) {
            if (target.isValid())
                rules->setData(target, path);
        });
        dialog->open();
    }
}

void PubSubPaneWidget::chooseLogFile()
{
    if (!m_pane->logFile().isEmpty()) {
        m_pane->setLogFile({});
        m_logButton->setChecked(false);
        updateStatus();
        emit changed();
        return;
    }
    m_logButton->setChecked(false);
    auto* dialog = new QFileDialog(this, tr("Append every message of this pane to"), QString(),
        tr("JSON lines (*.jsonl);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    dialog->setDefaultSuffix(QStringLiteral("jsonl"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        QString error;
        if (!m_pane->setLogFile(path, &error)) {
            QMessageBox::warning(this, tr("Log file"), error);
            return;
        }
        m_logButton->setChecked(true);
        updateStatus();
        emit changed();
    });
    dialog->open();
}

void PubSubPaneWidget::chooseExport()
{
    auto* dialog = new QFileDialog(this, tr("Export messages"), QString(),
        tr("JSON lines (*.jsonl);;CSV (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString& path) {
        const bool csv = dialog->selectedNameFilter().contains(QLatin1String("csv"))
            || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
        exportTo(path, csv);
    });
    dialog->open();
}

void PubSubPaneWidget::exportTo(const QString& path, bool csv)
{
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok)
        ok = csv ? m_pane->messages()->exportCsv(&file) : m_pane->messages()->exportJsonLines(&file);
    if (ok)
        ok = file.commit();
    if (!ok)
        QMessageBox::warning(this, tr("Export messages"), tr("Cannot write %1: %2").arg(path, file.errorString()));
    else
        m_stateLabel->setText(tr("Exported %n message(s) to %1.", nullptr, m_pane->messages()->rowCount()).arg(path));
}

void PubSubPaneWidget::copySelection()
{
    QModelIndexList rows = m_messages->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QByteArray text;
    for (const QModelIndex& index : std::as_const(rows))
        text += QJsonDocument(MessageModel::toJson(m_pane->messages()->rowAt(index.row()))).toJson(QJsonDocument::Compact)
            + '\n';
    if (text.isEmpty()) {
        m_stateLabel->setText(tr("Select messages to copy."));
        return;
    }
    QApplication::clipboard()->setText(QString::fromUtf8(text));
    m_stateLabel->setText(tr("Copied %n message(s) as JSON lines.", nullptr, int(rows.size())));
}

void PubSubPaneWidget::showSelectedMessage()
{
    const QModelIndex current = m_messages->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(current.data(MessageModel::DecodedRole).toString());
}

QJsonObject PubSubPaneWidget::toJson() const
{
    QJsonObject state;
    state.insert(QStringLiteral("title"), m_title);
    QJsonArray channels;
    for (const QByteArray& channel : m_pane->channelStates().keys())
        channels.append(RedisText::escape(channel));
    QJsonArray patterns;
    for (const QByteArray& pattern : m_pane->patternStates().keys())
        patterns.append(RedisText::escape(pattern));
    state.insert(QStringLiteral("channels"), channels);
    state.insert(QStringLiteral("patterns"), patterns);
    state.insert(QStringLiteral("sharded"), m_wantSharded);
    state.insert(QStringLiteral("everyMaster"), m_wantEveryMaster);
    state.insert(QStringLiteral("rules"), QJsonDocument::fromJson(m_pane->rules()->toJson()).array());
    state.insert(QStringLiteral("capacity"), qint64(m_pane->messages()->capacity()));
    state.insert(QStringLiteral("split"), QString::fromLatin1(m_splitter->saveState().toBase64()));
    state.insert(QStringLiteral("messageColumns"),
        QString::fromLatin1(m_messages->horizontalHeader()->saveState().toBase64()));
    return state;
}

void PubSubPaneWidget::restore(const QJsonObject& state)
{
    if (state.contains(QStringLiteral("title")))
        setTitle(state.value(QStringLiteral("title")).toString());
    QList<HandlerRule> rules;
    const QJsonArray ruleArray = state.value(QStringLiteral("rules")).toArray();
    for (const QJsonValue& value : ruleArray)
        rules.append(HandlerRule::fromJson(value.toObject()));
    m_pane->rules()->setRules(rules);
    const qint64 capacity = state.value(QStringLiteral("capacity")).toInteger(100'000);
    m_pane->messages()->setCapacity(capacity);
    m_capacity->setValue(int(capacity));
    if (state.value(QStringLiteral("sharded")).toBool())
        setSharded(true);
    else if (state.value(QStringLiteral("everyMaster")).toBool())
        setEveryMaster(true);
    const QJsonArray channels = state.value(QStringLiteral("channels")).toArray();
    for (const QJsonValue& value : channels)
        m_pane->subscribe(RedisText::unescape(value.toString()));
    const QJsonArray patterns = state.value(QStringLiteral("patterns")).toArray();
    for (const QJsonValue& value : patterns)
        m_pane->psubscribe(RedisText::unescape(value.toString()));
    m_splitter->restoreState(QByteArray::fromBase64(state.value(QStringLiteral("split")).toString().toLatin1()));
    const QByteArray columns = QByteArray::fromBase64(state.value(QStringLiteral("messageColumns")).toString().toLatin1());
    if (!columns.isEmpty())
        m_messages->horizontalHeader()->restoreState(columns);
    refreshSubscriptions();
}

} // namespace vermilion::ui
