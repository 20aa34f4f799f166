#include "seteditor.h"

#include "elementdialog.h"
#include "util/redistext.h"
#include "values/setmodel.h"

namespace vermilion::ui {

SetEditor::SetEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "set", parent)
    , m_model(new SetModel(session, key, this))
{
    setModel(m_model);
    addSearchField([this](const QByteArray& pattern) { m_model->setMatchPattern(pattern); });
    // A member is its own identity: "editing" one is removing it and adding another, which the user
    // does explicitly so both steps are visible.
    editAction()->setVisible(false);
}

void SetEditor::addMember(const QByteArray& member)
{
    m_model->add(member);
}

void SetEditor::removeMember(const QByteArray& member)
{
    m_model->remove(member);
}

void SetEditor::addElement()
{
    ElementDialog dialog(tr("Add a member"), {}, this);
    const int member = dialog.addInput(tr("Member"), {}, true);
    if (dialog.exec() == QDialog::Accepted)
        addMember(dialog.bytes(member));
}

void SetEditor::editElement(int row)
{
    Q_UNUSED(row);
    emit statusMessage(tr("Set members cannot be changed in place: add the new member, then remove the old one."));
}

void SetEditor::removeElement(int row)
{
    const QByteArray member = m_model->memberAt(row);
    if (confirm(tr("Remove a member"), tr("Remove \"%1\" from this set?").arg(RedisText::escape(member))))
        removeMember(member);
}

} // namespace vermilion::ui
