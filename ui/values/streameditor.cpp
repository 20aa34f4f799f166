#include "streameditor.h"

#include "elementdialog.h"
#include "util/redistext.h"
#include "values/streammodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>

namespace vermilion::ui {

StreamEditor::StreamEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "stream", parent)
    , m_model(new StreamModel(session, key, this))
    , m_order(new QComboBox)
    , m_groups(new QTreeWidget)
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
    splitter()->insertWidget(1, m_groups);
    splitter()->setStretchFactor(1, 1);
    splitter()->setStretchFactor(2, 1);
    connect(m_model, &StreamModel::infoChanged, this, &StreamEditor::showInfo);
}

void StreamEditor::reload()
{
    TableEditor::reload();
    m_model->refreshInfo();
}

void StreamEditor::showInfo(const StreamInfo& info)
{
    m_groups->clear();
    if (info.groups.isEmpty()) {
        auto* none
            = new QTreeWidgetItem(m_groups, { tr("No consumer groups (%n entries)", nullptr, int(info.length)) });
        none->setDisabled(true);
        return;
    }
    for (const StreamInfo::Group& group : info.groups) {
        auto* item = new QTreeWidgetItem(m_groups,
            { RedisText::escape(group.name), QString::number(group.pending),
                tr("%n consumers", nullptr, int(group.consumers)), QString::fromLatin1(group.lastDeliveredId) });
        for (const StreamInfo::Consumer& consumer : group.consumerList) {
            new QTreeWidgetItem(item,
                { RedisText::escape(consumer.name), QString::number(consumer.pending),
                    tr("idle %1 s").arg(double(consumer.idleMs) / 1000.0, 0, 'f', 1), {} });
        }
        item->setExpanded(true);
    }
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
