#include "streameditor.h"

#include "elementdialog.h"
#include "util/redistext.h"
#include "client/session.h"
#include "values/streamgroups.h"
#include "values/streammodel.h"
#include "values/streamsearch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vermilion::ui {

StreamEditor::StreamEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "stream", parent)
    , m_model(new StreamModel(session, key, this))
    , m_search(new StreamSearch(session, key, this))
    , m_order(new QComboBox)
    , m_groups(new QTreeWidget)
    , m_ops(new StreamGroupOps(session, key, this))
    , m_pending(new StreamPendingModel(session, key, this))
    , m_pendingView(new QTableView)
    , m_groupStatus(new QLabel)
    , m_pendingConsumer(new QComboBox)
    , m_pendingIdle(new QSpinBox)
    , m_newGroup(new QPushButton(tr("New Group…")))
    , m_setId(new QPushButton(tr("Set ID…")))
    , m_deleteGroup(new QPushButton(tr("Delete Group…")))
    , m_newConsumer(new QPushButton(tr("New Consumer…")))
    , m_deleteConsumer(new QPushButton(tr("Delete Consumer…")))
    , m_ack(new QPushButton(tr("Acknowledge")))
    , m_claim(new QPushButton(tr("Claim…")))
    , m_autoClaim(new QPushButton(tr("Auto-claim…")))
    , m_more(new QPushButton(tr("More")))
{
    setModel(m_model);
    view()->horizontalHeader()->resizeSection(0, 200);
    m_order->addItem(tr("Newest first"));
    m_order->addItem(tr("Oldest first"));
    m_order->setAccessibleName(tr("Order"));
    addToolbarWidget(m_order);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this](int order) {
        m_model->setOrder(order == 0 ? StreamModel::Order::NewestFirst : StreamModel::Order::OldestFirst);
    });
    // Entries are immutable: there is nothing to edit, only to add and delete.
    editAction()->setVisible(false);

    m_groups->setColumnCount(4);
    m_groups->setHeaderLabels({ tr("Group / consumer"), tr("Pending"), tr("Consumers / idle"), tr("Last delivered") });
    m_groups->setAccessibleName(tr("Consumer groups"));
    m_groups->setRootIsDecorated(true);
    m_groups->setUniformRowHeights(true);
    m_groups->header()->resizeSection(0, 200);
    m_groups->header()->resizeSection(1, 90);
    m_groups->header()->resizeSection(2, 150);
    // The groups, their buttons, and the selected group's pending entries.
    auto* groupsBox = new QWidget;
    m_groupsBox = groupsBox;
    auto* groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    auto* groupButtons = new QHBoxLayout;
    for (QPushButton* button : { m_newGroup, m_setId, m_deleteGroup, m_newConsumer, m_deleteConsumer })
        groupButtons->addWidget(button);
    groupButtons->addStretch();
    groupsLayout->addLayout(groupButtons);
    groupsLayout->addWidget(m_groups, 2);
    // The pending part means nothing without a group: it is hidden until the stream has one, and
    // the groups list then takes no more than its one line, leaving the height to the entries.
    m_pendingArea = new QWidget;
    auto* pendingLayout = new QVBoxLayout(m_pendingArea);
    pendingLayout->setContentsMargins(0, 0, 0, 0);
    auto* pendingBar = new QHBoxLayout;
    pendingBar->addWidget(new QLabel(tr("Pending of")));
    m_pendingConsumer->setAccessibleName(tr("Pending consumer filter"));
    m_pendingConsumer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pendingConsumer->setMinimumContentsLength(14);
    m_pendingConsumer->setPlaceholderText(tr("select a group"));
    pendingBar->addWidget(m_pendingConsumer);
    pendingBar->addWidget(new QLabel(tr("idle at least")));
    m_pendingIdle->setRange(0, 86400000);
    m_pendingIdle->setSingleStep(1000);
    m_pendingIdle->setSuffix(tr(" ms"));
    m_pendingIdle->setAccessibleName(tr("Minimum idle time"));
    pendingBar->addWidget(m_pendingIdle);
    pendingBar->addStretch();
    for (QPushButton* button : { m_more, m_ack, m_claim, m_autoClaim })
        pendingBar->addWidget(button);
    pendingLayout->addLayout(pendingBar);
    m_pendingView->setModel(m_pending);
    m_pendingView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pendingView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_pendingView->verticalHeader()->hide();
    m_pendingView->horizontalHeader()->setStretchLastSection(true);
    m_pendingView->setAccessibleName(tr("Pending entries"));
    m_pendingView->verticalHeader()->setDefaultSectionSize(m_pendingView->fontMetrics().height() + 6);
    pendingLayout->addWidget(m_pendingView);
    groupsLayout->addWidget(m_pendingArea, 3);
    m_groupStatus->setWordWrap(true);
    m_groupStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    groupsLayout->addWidget(m_groupStatus);
    splitter()->insertWidget(1, groupsBox);
    splitter()->setStretchFactor(1, 2);
    splitter()->setStretchFactor(2, 1);
    connect(m_model, &StreamModel::infoChanged, this, &StreamEditor::showInfo);
    connect(m_groups, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto [group, consumer] = selectedGroup();
        if (!group.isEmpty() && group != m_pending->group()) {
            // The consumer filter lists the group's consumers.
            const QSignalBlocker blocker(m_pendingConsumer);
            m_pendingConsumer->clear();
            m_pendingConsumer->addItem(tr("every consumer"), QByteArray());
            for (const StreamInfo::Group& info : m_model->info().groups) {
                if (info.name != group)
                    continue;
                for (const StreamInfo::Consumer& member : info.consumerList)
                    m_pendingConsumer->addItem(RedisText::escape(member.name), member.name);
            }
            // With a placeholder text the combo box selects nothing by itself.
            m_pendingConsumer->setCurrentIndex(0);
            showPending(group, {}, m_pendingIdle->value());
        }
        updateGroupButtons();
    });
    const auto refilter = [this] {
        if (!m_pending->group().isEmpty())
            showPending(m_pending->group(), m_pendingConsumer->currentData().toByteArray(), m_pendingIdle->value());
    };
    connect(m_pendingConsumer, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_pendingIdle, &QSpinBox::editingFinished, this, refilter);
    connect(m_pending, &StreamPendingModel::loaded, this, [this] {
        m_more->setEnabled(m_pending->hasMore());
        m_pendingView->resizeColumnsToContents();
        updateGroupButtons();
    });
    connect(m_pending, &StreamPendingModel::errorOccurred, this,
            [this](const QString& message) { m_groupStatus->setText(tr("XPENDING failed: %1").arg(message)); });
    connect(m_pendingView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StreamEditor::updateGroupButtons);
    connect(m_ops, &StreamGroupOps::finished, this, [this](const QString& operation, const QString& error, const QString& detail) {
        m_groupStatus->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
        m_groupStatus->setText(error.isEmpty() ? detail : tr("%1 failed: %2").arg(operation, error));
        m_model->refreshInfo();
        if (!m_pending->group().isEmpty())
            showPending(m_pending->group(), m_pendingConsumer->currentData().toByteArray(), m_pendingIdle->value());
    });
    connect(m_newGroup, &QPushButton::clicked, this, &StreamEditor::askCreateGroup);
    connect(m_setId, &QPushButton::clicked, this, &StreamEditor::askSetId);
    connect(m_deleteGroup, &QPushButton::clicked, this, [this] { deleteGroup(selectedGroup().first); });
    connect(m_newConsumer, &QPushButton::clicked, this, &StreamEditor::askCreateConsumer);
    connect(m_deleteConsumer, &QPushButton::clicked, this, [this] {
        const auto [group, consumer] = selectedGroup();
        deleteConsumer(group, consumer);
    });
    connect(m_ack, &QPushButton::clicked, this, &StreamEditor::acknowledgeSelected);
    connect(m_claim, &QPushButton::clicked, this, &StreamEditor::askClaim);
    connect(m_autoClaim, &QPushButton::clicked, this, &StreamEditor::askClaim);
    connect(m_more, &QPushButton::clicked, m_pending, &StreamPendingModel::loadMore);
    m_autoClaim->setProperty("autoClaim", true);
    updateGroupButtons();

    addFindControls(tr("Find an entry (id, field or value)"));
    connect(m_search, &StreamSearch::progress, this, [this](qint64 looked, qint64 total) {
        setFindStatus(tr("Searching... %1%").arg(total > 0 ? qMin<qint64>(100, looked * 100 / total) : 0));
    });
    connect(m_search, &StreamSearch::notFound, this, [this] { setFindStatus(tr("Not found")); });
    connect(m_search, &StreamSearch::failed, this, [this](const QString& message) {
        setFindStatus({});
        showMessage(message, true);
    });
    connect(m_search, &StreamSearch::found, this, [this](const QByteArray& id, bool wrapped) {
        // The entry may be far down the list: load the pages up to it, then show it.
        m_revealing = id;
        m_revealWrapped = wrapped;
        setFindStatus(tr("Found %1, loading the list up to it...").arg(QString::fromLatin1(id)));
        m_model->reveal(id);
    });
    connect(m_model, &StreamModel::revealed, this, [this](const QByteArray& id, int row) {
        if (id != m_revealing)
            return;
        m_revealing.clear();
        if (row < 0) {
            setFindStatus(tr("%1 is no longer in the stream").arg(QString::fromLatin1(id)));
            return;
        }
        showFoundRow(row);
        const QString where = tr("Found %1").arg(QString::fromLatin1(id));
        setFindStatus(m_revealWrapped ? tr("%1 (wrapped around)").arg(where) : where);
    });
}

void StreamEditor::findElement(const QString& text, bool backward)
{
    if (text.isEmpty())
        return;
    cancelFind();
    // Down the list is towards older entries when the newest come first.
    const bool newestFirst = m_model->order() == StreamModel::Order::NewestFirst;
    const StreamSearch::Direction direction = newestFirst != backward ? StreamSearch::Direction::Older
                                                                      : StreamSearch::Direction::Newer;
    const int row = currentRow();
    const QByteArray from = row >= 0 && row < m_model->rowCount() ? m_model->entryAt(row).id : QByteArray();
    setFindStatus(tr("Searching..."));
    m_search->find(RedisText::unescape(text), from, direction, m_model->info().length);
}

bool StreamEditor::isFinding() const
{
    return m_search->isBusy() || !m_revealing.isEmpty();
}

void StreamEditor::cancelFind()
{
    m_search->cancel();
    m_revealing.clear();
}

void StreamEditor::reload()
{
    cancelFind();
    TableEditor::reload();
    m_model->refreshInfo();
}

void StreamEditor::fitGroupsBox(bool hasGroups)
{
    if (m_sizedForGroups == hasGroups)
        return;
    m_sizedForGroups = hasGroups;
    m_pendingArea->setVisible(hasGroups);
    m_groups->setMaximumHeight(hasGroups ? QWIDGETSIZE_MAX
                                         : m_groups->header()->sizeHint().height() + m_groups->fontMetrics().height() * 2
                + 2 * m_groups->frameWidth());
    m_groupsBox->layout()->invalidate();
    m_groupsBox->setMaximumHeight(hasGroups ? QWIDGETSIZE_MAX : m_groupsBox->layout()->sizeHint().height());
    // The splitter keeps the height it gave the box: the entries take what the box no longer
    // needs, and give a third back when groups appear.
    QList<int> sizes = splitter()->sizes();
    if (sizes.size() < 2)
        return;
    const int total = sizes.at(0) + sizes.at(1);
    const int wanted = hasGroups ? qMax(total / 3, sizes.at(1)) : qMin(sizes.at(1), m_groupsBox->maximumHeight());
    sizes[1] = wanted;
    sizes[0] = total - wanted;
    splitter()->setSizes(sizes);
}

void StreamEditor::showInfo(const StreamInfo& info)
{
    const auto [selectedName, selectedConsumer] = selectedGroup();
    const QSignalBlocker blocker(m_groups);
    m_groups->clear();
    fitGroupsBox(!info.groups.isEmpty());
    if (info.groups.isEmpty()) {
        auto* none
            = new QTreeWidgetItem(m_groups, { tr("No consumer groups (%n entries)", nullptr, int(info.length)) });
        none->setDisabled(true);
        none->setFirstColumnSpanned(true); // the sentence is wider than the first column
        return;
    }
    for (const StreamInfo::Group& group : info.groups) {
        auto* item = new QTreeWidgetItem(m_groups,
            { RedisText::escape(group.name), QString::number(group.pending),
                tr("%n consumers", nullptr, int(group.consumers)), QString::fromLatin1(group.lastDeliveredId) });
        item->setData(0, Qt::UserRole, group.name);
        for (const StreamInfo::Consumer& consumer : group.consumerList) {
            auto* child = new QTreeWidgetItem(item,
                { RedisText::escape(consumer.name), QString::number(consumer.pending),
                    tr("idle %1 s").arg(double(consumer.idleMs) / 1000.0, 0, 'f', 1), {} });
            child->setData(0, Qt::UserRole, consumer.name);
        }
        item->setExpanded(true);
        if (group.name == selectedName) {
            QTreeWidgetItem* select = item;
            for (int i = 0; i < item->childCount(); ++i) {
                if (item->child(i)->data(0, Qt::UserRole).toByteArray() == selectedConsumer)
                    select = item->child(i);
            }
            select->setSelected(true);
        }
    }
    updateGroupButtons();
}

std::pair<QByteArray, QByteArray> StreamEditor::selectedGroup() const
{
    const QList<QTreeWidgetItem*> items = m_groups->selectedItems();
    if (items.isEmpty() || items.first()->isDisabled())
        return {};
    QTreeWidgetItem* item = items.first();
    if (item->parent())
        return { item->parent()->data(0, Qt::UserRole).toByteArray(), item->data(0, Qt::UserRole).toByteArray() };
    return { item->data(0, Qt::UserRole).toByteArray(), {} };
}

QString StreamEditor::groupStatus() const { return m_groupStatus->text(); }

void StreamEditor::updateGroupButtons()
{
    const bool readOnly = !session() || session()->isReadOnly();
    const auto [group, consumer] = selectedGroup();
    const bool pendingSelected = m_pendingView->selectionModel()->hasSelection();
    m_newGroup->setEnabled(!readOnly);
    m_setId->setEnabled(!readOnly && !group.isEmpty());
    m_deleteGroup->setEnabled(!readOnly && !group.isEmpty() && consumer.isEmpty());
    m_newConsumer->setEnabled(!readOnly && !group.isEmpty());
    m_deleteConsumer->setEnabled(!readOnly && !consumer.isEmpty());
    m_ack->setEnabled(!readOnly && pendingSelected);
    m_claim->setEnabled(!readOnly && pendingSelected);
    m_autoClaim->setEnabled(!readOnly && !m_pending->group().isEmpty());
    if (readOnly) {
        for (QPushButton* button : { m_newGroup, m_setId, m_deleteGroup, m_newConsumer, m_deleteConsumer, m_ack, m_claim, m_autoClaim })
            button->setToolTip(tr("This profile is read-only."));
    }
}

void StreamEditor::createGroup(const QByteArray& group, const QByteArray& startId, bool makeStream)
{
    m_ops->createGroup(group, startId, makeStream);
}

void StreamEditor::setGroupId(const QByteArray& group, const QByteArray& id)
{
    m_ops->setId(group, id);
}

void StreamEditor::deleteGroup(const QByteArray& group)
{
    if (group.isEmpty())
        return;
    qint64 pending = 0;
    for (const StreamInfo::Group& info : m_model->info().groups) {
        if (info.name == group)
            pending = info.pending;
    }
    if (confirm(tr("Delete a consumer group"),
                tr("Delete the group %1? Its consumers and its %2 pending entries go with it; the entries stay in the "
                   "stream.")
                    .arg(RedisText::escape(group))
                    .arg(pending)))
        m_ops->destroyGroup(group);
}

void StreamEditor::createConsumer(const QByteArray& group, const QByteArray& consumer)
{
    m_ops->createConsumer(group, consumer);
}

void StreamEditor::deleteConsumer(const QByteArray& group, const QByteArray& consumer)
{
    if (group.isEmpty() || consumer.isEmpty())
        return;
    if (confirm(tr("Delete a consumer"),
                tr("Delete the consumer %1 of %2? Its pending entries are dropped from the group: nobody will be "
                   "asked to process them again.")
                    .arg(RedisText::escape(consumer), RedisText::escape(group))))
        m_ops->deleteConsumer(group, consumer);
}

void StreamEditor::showPending(const QByteArray& group, const QByteArray& consumer, qint64 minIdleMs)
{
    m_pending->load(group, consumer, minIdleMs);
}

void StreamEditor::acknowledgeSelected()
{
    QList<QByteArray> ids;
    for (const QModelIndex& row : m_pendingView->selectionModel()->selectedRows())
        ids.append(m_pending->entries().at(row.row()).id);
    if (ids.isEmpty())
        return;
    if (confirm(tr("Acknowledge"), tr("Acknowledge the selected entries (%n) as processed by group %1 (XACK)?", nullptr, int(ids.size()))
                                       .arg(RedisText::escape(m_pending->group()))))
        m_ops->acknowledge(m_pending->group(), ids);
}

void StreamEditor::claimSelected(const QByteArray& consumer, qint64 minIdleMs)
{
    QList<QByteArray> ids;
    for (const QModelIndex& row : m_pendingView->selectionModel()->selectedRows())
        ids.append(m_pending->entries().at(row.row()).id);
    if (!ids.isEmpty() && !consumer.isEmpty())
        m_ops->claim(m_pending->group(), consumer, minIdleMs, ids);
}

void StreamEditor::autoClaim(const QByteArray& consumer, qint64 minIdleMs)
{
    if (!m_pending->group().isEmpty() && !consumer.isEmpty())
        m_ops->autoClaim(m_pending->group(), consumer, minIdleMs);
}

void StreamEditor::askCreateGroup()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New Consumer Group"));
    auto* form = new QFormLayout(&dialog);
    auto* name = new QLineEdit(&dialog);
    name->setAccessibleName(tr("Group name"));
    form->addRow(tr("&Name:"), name);
    auto* start = new QComboBox(&dialog);
    start->setEditable(true);
    start->addItem(tr("$ (only entries added from now on)"), QByteArray("$"));
    start->addItem(tr("0 (every entry in the stream)"), QByteArray("0"));
    start->setToolTip(tr("The last id the group has seen: $, 0, or an entry id such as 1700000000000-0"));
    form->addRow(tr("&Start after:"), start);
    auto* makeStream = new QCheckBox(tr("Create the stream if it does not exist (MKSTREAM)"), &dialog);
    form->addRow(QString(), makeStream);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || name->text().trimmed().isEmpty())
        return;
    const QByteArray id = start->currentIndex() >= 0 && start->currentText() == start->itemText(start->currentIndex())
        ? start->currentData().toByteArray()
        : start->currentText().trimmed().toLatin1();
    createGroup(RedisText::unescape(name->text().trimmed()), id, makeStream->isChecked());
}

void StreamEditor::askSetId()
{
    const QByteArray group = selectedGroup().first;
    ElementDialog dialog(tr("Set the group's last id"),
                         tr("Entries after this id are delivered next: $ for new entries only, 0 for the whole stream "
                            "again, or an entry id."),
                         this);
    const int input = dialog.addInput(tr("Last id"), "$");
    if (dialog.exec() == QDialog::Accepted && !dialog.bytes(input).isEmpty())
        setGroupId(group, dialog.bytes(input));
}

void StreamEditor::askCreateConsumer()
{
    const QByteArray group = selectedGroup().first;
    ElementDialog dialog(tr("New consumer"), tr("A consumer of %1 with no pending entries yet.").arg(RedisText::escape(group)), this);
    const int input = dialog.addInput(tr("Name"), {});
    if (dialog.exec() == QDialog::Accepted && !dialog.bytes(input).isEmpty())
        createConsumer(group, dialog.bytes(input));
}

void StreamEditor::askClaim()
{
    const bool automatic = sender() && sender()->property("autoClaim").toBool();
    QDialog dialog(this);
    dialog.setWindowTitle(automatic ? tr("Auto-claim (XAUTOCLAIM)") : tr("Claim (XCLAIM)"));
    auto* form = new QFormLayout(&dialog);
    auto* consumer = new QComboBox(&dialog);
    consumer->setEditable(true);
    for (const StreamInfo::Group& info : m_model->info().groups) {
        if (info.name != m_pending->group())
            continue;
        for (const StreamInfo::Consumer& member : info.consumerList)
            consumer->addItem(RedisText::escape(member.name));
    }
    form->addRow(tr("To &consumer:"), consumer);
    auto* idle = new QSpinBox(&dialog);
    idle->setRange(0, 86400000);
    idle->setSingleStep(1000);
    idle->setValue(m_pendingIdle->value());
    idle->setSuffix(tr(" ms"));
    form->addRow(tr("Only if idle at least:"), idle);
    form->addRow(new QLabel(automatic ? tr("Up to 100 entries of the group, oldest first, that have been idle that long.")
                                      : tr("The selected entries; a consumer that does not exist yet is created."),
                            &dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || consumer->currentText().trimmed().isEmpty())
        return;
    const QByteArray name = RedisText::unescape(consumer->currentText().trimmed());
    if (automatic)
        autoClaim(name, idle->value());
    else
        claimSelected(name, idle->value());
}

void StreamEditor::addEntry(const QList<QPair<QByteArray, QByteArray>>& fields)
{
    m_model->addEntry(fields);
}

void StreamEditor::removeEntry(const QByteArray& id)
{
    m_model->removeEntry(id);
}

void StreamEditor::addElement()
{
    ElementDialog dialog(tr("Add an entry"),
        tr("One field and its value per line, separated by a space; quote them as in redis-cli "
           "when they contain spaces. The ID is chosen by the server."),
        this);
    const int input = dialog.addInput(tr("Fields"), {}, true);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<QPair<QByteArray, QByteArray>> fields;
    const QStringList lines = dialog.text(input).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        QList<QByteArray> words;
        QString error;
        if (!RedisText::splitArguments(line, &words, &error) || words.size() != 2) {
            showMessage(error.isEmpty() ? tr("Each line needs a field and a value: %1").arg(line) : error, true);
            return;
        }
        fields.append({ words.at(0), words.at(1) });
    }
    addEntry(fields);
}

void StreamEditor::editElement(int row)
{
    Q_UNUSED(row);
    emit statusMessage(tr("Stream entries cannot be changed; add a new entry instead."));
}

void StreamEditor::removeElement(int row)
{
    const QByteArray id = m_model->entryAt(row).id;
    if (confirm(tr("Delete an entry"), tr("Delete the entry %1 from this stream?").arg(QString::fromLatin1(id))))
        removeEntry(id);
}

} // namespace vermilion::ui
