#include "listeditor.h"

#include "elementdialog.h"
#include "values/listmodel.h"

#include <QAction>

namespace vermilion::ui {

ListEditor::ListEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "list", parent)
    , m_model(new ListModel(session, key, this))
{
    setModel(m_model);
    addFindField(CollectionSearch::Kind::List);
    addAction()->setText(tr("Push tail"));
    auto* pushHeadAction = new QAction(tr("Push head"), this);
    connect(pushHeadAction, &QAction::triggered, this, [this] { askAndPush(true); });
    auto* insertBefore = new QAction(tr("Insert before"), this);
    connect(insertBefore, &QAction::triggered, this, [this] { askAndInsert(true); });
    auto* insertAfter = new QAction(tr("Insert after"), this);
    connect(insertAfter, &QAction::triggered, this, [this] { askAndInsert(false); });
    for (QAction* action : { pushHeadAction, insertBefore, insertAfter })
        addToolbarAction(action);
}

bool ListEditor::shownValue(qint64 index, QByteArray* value)
{
    if (index < 0 || index >= m_model->rowCount() || !m_model->valueAt(int(index), value)) {
        showMessage(tr("The element at index %1 is not loaded yet.").arg(index), true);
        return false;
    }
    return true;
}

void ListEditor::setElement(qint64 index, const QByteArray& newValue)
{
    QByteArray shown;
    if (shownValue(index, &shown))
        m_model->setValue(index, shown, newValue);
}

void ListEditor::pushHead(const QByteArray& value)
{
    m_model->pushHead(value);
}

void ListEditor::pushTail(const QByteArray& value)
{
    m_model->pushTail(value);
}

void ListEditor::insertNextTo(qint64 index, bool before, const QByteArray& value)
{
    QByteArray pivot;
    if (shownValue(index, &pivot))
        m_model->insert(index, pivot, before, value);
}

void ListEditor::removeElementAt(qint64 index)
{
    QByteArray shown;
    if (shownValue(index, &shown))
        m_model->removeAt(index, shown);
}

void ListEditor::askAndPush(bool head)
{
    ElementDialog dialog(head ? tr("Push at the head") : tr("Push at the tail"), {}, this);
    const int value = dialog.addInput(tr("Value"), {}, true);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (head)
        pushHead(dialog.bytes(value));
    else
        pushTail(dialog.bytes(value));
}

void ListEditor::askAndInsert(bool before)
{
    const int row = currentRow();
    if (row < 0) {
        showMessage(tr("Select the element to insert next to."), true);
        return;
    }
    ElementDialog dialog(
        before ? tr("Insert before index %1").arg(row) : tr("Insert after index %1").arg(row), {}, this);
    const int value = dialog.addInput(tr("Value"), {}, true);
    if (dialog.exec() == QDialog::Accepted)
        insertNextTo(row, before, dialog.bytes(value));
}

void ListEditor::addElement()
{
    askAndPush(false);
}

void ListEditor::editElement(int row)
{
    QByteArray shown;
    if (!shownValue(row, &shown))
        return;
    ElementDialog dialog(tr("Edit index %1").arg(row), {}, this);
    const int value = dialog.addInput(tr("Value"), shown, true);
    if (dialog.exec() == QDialog::Accepted)
        m_model->setValue(row, shown, dialog.bytes(value));
}

void ListEditor::removeElement(int row)
{
    QByteArray shown;
    if (shownValue(row, &shown)
        && confirm(tr("Remove an element"), tr("Remove the element at index %1 from this list?").arg(row)))
        m_model->removeAt(row, shown);
}

void ListEditor::forceEdit(const EditConflict& conflict)
{
    switch (conflict.operation) {
    case EditConflict::Operation::SetListItem:
        m_model->setValue(conflict.index, conflict.shown, conflict.mine, EditMode::Force);
        break;
    case EditConflict::Operation::InsertListItem:
        m_model->insert(conflict.index, conflict.shown, conflict.before, conflict.mine, EditMode::Force);
        break;
    case EditConflict::Operation::RemoveListItem:
        m_model->removeAt(conflict.index, conflict.shown, EditMode::Force);
        break;
    default:
        break;
    }
}

void ListEditor::editAgain(const EditConflict& conflict)
{
    if (conflict.operation != EditConflict::Operation::SetListItem || !conflict.theirsExists)
        return;
    ElementDialog dialog(tr("Edit index %1").arg(conflict.index), {}, this);
    const int value = dialog.addInput(tr("Value"), conflict.mine, true);
    if (dialog.exec() == QDialog::Accepted)
        m_model->setValue(conflict.index, conflict.theirs, dialog.bytes(value));
}

} // namespace vermilion::ui
