#include "streameditor.h"

#include "elementdialog.h"
#include "util/redistext.h"
#include "values/streammodel.h"
#include "values/streamsearch.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>

namespace vermilion::ui {

StreamEditor::StreamEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "stream", parent)
    , m_model(new StreamModel(session, key, this))
    , m_search(new StreamSearch(session, key, this))
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

void StreamEditor::showInfo(const StreamInfo& info)
{
    m_groups->clear();
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
