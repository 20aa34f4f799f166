#include "moduletypeeditor.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vermilion::ui {

ModuleTypeEditor::ModuleTypeEditor(Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent)
    : ValueEditor(session, key, type, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Type: %1").arg(QString::fromUtf8(type)));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto* note = new QLabel(tr("This key holds a module type that Vermilion cannot show or edit. Its TTL can "
                               "still be changed, and it can be renamed or deleted from the key browser."));
    note->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(note);
    layout->addStretch();
}

} // namespace vermilion::ui
