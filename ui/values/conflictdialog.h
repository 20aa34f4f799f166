#pragma once

#include <QDialog>

namespace vermilion {
struct EditConflict;
}

namespace vermilion::ui {

// "Your value" and "Current value on the server" side by side, after an edit was refused because
// the server's value changed. Nothing is lost whichever button is pressed: the editor keeps the
// user's text unless they chose the server's value.
class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { OverwriteWithMine, KeepTheirs, KeepEditing };
    ConflictDialog(const vermilion::EditConflict& conflict, const QString& what, QWidget* parent = nullptr);

signals:
    void chosen(vermilion::ui::ConflictDialog::Choice choice);
};

} // namespace vermilion::ui
