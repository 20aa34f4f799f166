#include "hasheditor.h"

#include "elementdialog.h"
#include "util/redistext.h"
#include "values/hashmodel.h"

namespace vermilion::ui {

HashEditor::HashEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "hash", parent)
    , m_model(new HashModel(session, key, this))
{
    setModel(m_model);
    addSearchField([this](const QByteArray& pattern) { m_model->setMatchPattern(pattern); });
}

void HashEditor::setFieldValue(const QByteArray& field, const QByteArray& newValue)
{
    const int row = m_model->rowOfField(field);
    if (row < 0) {
        showMessage(tr("The field \"%1\" is not loaded.").arg(RedisText::escape(field)), true);
        return;
    }
    m_model->setValue(field, m_model->valueAt(row), newValue);
}

void HashEditor::addField(const QByteArray& field, const QByteArray& value)
{
    m_model->addField(field, value);
}

void HashEditor::removeField(const QByteArray& field)
{
    const int row = m_model->rowOfField(field);
    if (row >= 0)
        m_model->removeField(field, m_model->valueAt(row));
}

void HashEditor::addElement()
{
    ElementDialog dialog(tr("Add a field"), {}, this);
    const int field = dialog.addInput(tr("Field"), {});
    const int value = dialog.addInput(tr("Value"), {}, true);
    if (dialog.exec() == QDialog::Accepted)
        addField(dialog.bytes(field), dialog.bytes(value));
}

void HashEditor::openEditDialog(const QByteArray& field, const QByteArray& shown, const QByteArray& text)
{
    ElementDialog dialog(tr("Edit a field"), {}, this);
    dialog.addInput(tr("Field"), field, false, true);
    const int value = dialog.addInput(tr("Value"), text, true);
    if (dialog.exec() == QDialog::Accepted)
        m_model->setValue(field, shown, dialog.bytes(value));
}

void HashEditor::editElement(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        openEditDialog(m_model->fieldAt(row), m_model->valueAt(row), m_model->valueAt(row));
}

void HashEditor::removeElement(int row)
{
    const QByteArray field = m_model->fieldAt(row);
    if (confirm(tr("Remove a field"), tr("Remove the field \"%1\" from this hash?").arg(RedisText::escape(field))))
        m_model->removeField(field, m_model->valueAt(row));
}

void HashEditor::forceEdit(const EditConflict& conflict)
{
    switch (conflict.operation) {
    case EditConflict::Operation::SetField:
        m_model->setValue(conflict.item, conflict.shown, conflict.mine, EditMode::Force);
        break;
    case EditConflict::Operation::AddField:
        m_model->addField(conflict.item, conflict.mine, EditMode::Force);
        break;
    case EditConflict::Operation::RemoveField:
        m_model->removeField(conflict.item, conflict.shown, EditMode::Force);
        break;
    default:
        break;
    }
}

void HashEditor::editAgain(const EditConflict& conflict)
{
    // Against the server's current value this time, so saving again is not the same conflict.
    if (conflict.operation == EditConflict::Operation::SetField)
        openEditDialog(conflict.item, conflict.theirs, conflict.mine);
}

} // namespace vermilion::ui
