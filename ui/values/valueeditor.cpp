#include "valueeditor.h"

#include "conflictdialog.h"
#include "hasheditor.h"
#include "listeditor.h"
#include "moduletypeeditor.h"
#include "seteditor.h"
#include "streameditor.h"
#include "stringeditor.h"
#include "values/editconflict.h"
#include "zseteditor.h"

#include <QFontDatabase>
#include <QMessageBox>

namespace vermilion::ui {

namespace {
ValueEditor::ConfirmationHandler& confirmationHandler()
{
    static ValueEditor::ConfirmationHandler handler;
    return handler;
}
} // namespace

ValueEditor* ValueEditor::create(Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent)
{
    ValueEditor* editor = nullptr;
    if (type == "string")
        editor = new StringEditor(session, key, parent);
    else if (type == "hash")
        editor = new HashEditor(session, key, parent);
    else if (type == "list")
        editor = new ListEditor(session, key, parent);
    else if (type == "set")
        editor = new SetEditor(session, key, parent);
    else if (type == "zset")
        editor = new ZSetEditor(session, key, parent);
    else if (type == "stream")
        editor = new StreamEditor(session, key, parent);
    else
        editor = new ModuleTypeEditor(session, key, type, parent);
    editor->reload();
    return editor;
}

ValueEditor::ValueEditor(Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_key(key)
    , m_type(type)
{
}

void ValueEditor::setConfirmationHandler(ConfirmationHandler handler)
{
    confirmationHandler() = std::move(handler);
}

bool ValueEditor::confirm(const QString& title, const QString& text)
{
    if (confirmationHandler())
        return confirmationHandler()(this, title, text);
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void ValueEditor::resolveConflict(const EditConflict& conflict, const QString& what, std::function<void()> force,
    std::function<void()> keepEditing, const QString& formatId)
{
    auto* dialog = new ConflictDialog(conflict, what, this, formatId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // open(), not exec(): the event loop keeps running (replies, other tabs) while the user decides.
    connect(dialog, &ConflictDialog::chosen, this,
        [this, force = std::move(force), keepEditing = std::move(keepEditing)](ConflictDialog::Choice choice) {
            switch (choice) {
            case ConflictDialog::Choice::OverwriteWithMine:
                if (confirm(tr("Overwrite the server's value"),
                        tr("The value on the server was changed by someone else. Replace it with yours? "
                           "Their change will be lost.")))
                    force();
                else if (keepEditing)
                    keepEditing();
                break;
            case ConflictDialog::Choice::KeepTheirs:
                emit statusMessage(tr("Kept the server's value; your edit was not written."));
                reload();
                break;
            case ConflictDialog::Choice::KeepEditing:
                if (keepEditing)
                    keepEditing();
                break;
            }
        });
    dialog->open();
}

QFont ValueEditor::monospaceFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace vermilion::ui
