#include "conflictdialog.h"

#include "util/redistext.h"
#include "values/editconflict.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>

namespace vermilion::ui {

namespace {
QPlainTextEdit* sideView(const QString& text, const QString& accessibleName)
{
    auto* view = new QPlainTextEdit(text);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setAccessibleName(accessibleName);
    return view;
}
} // namespace

ConflictDialog::ConflictDialog(const EditConflict& conflict, const QString& what, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("The value changed on the server"));
    auto* layout = new QGridLayout(this);
    auto* explanation = new QLabel(tr("%1 was changed by someone else after you opened it, so your edit was not "
                                      "written. Compare both values and choose which one to keep.")
                                       .arg(what));
    explanation->setWordWrap(true);
    layout->addWidget(explanation, 0, 0, 1, 2);

    const bool removal = conflict.operation == EditConflict::Operation::RemoveField
        || conflict.operation == EditConflict::Operation::RemoveListItem;
    const QString mine = removal ? tr("(remove it)") : RedisText::escape(conflict.mine);
    QString theirs = conflict.theirsExists ? RedisText::escape(conflict.theirs) : tr("(it no longer exists)");
    if (conflict.theirsSize > conflict.theirs.size())
        theirs += QLatin1Char('\n')
            + tr("(only the first %1 of %2 are shown)")
                  .arg(QLocale().formattedDataSize(conflict.theirs.size()),
                      QLocale().formattedDataSize(conflict.theirsSize));
    layout->addWidget(new QLabel(tr("Your value")), 1, 0);
    layout->addWidget(new QLabel(tr("Current value on the server")), 1, 1);
    layout->addWidget(sideView(mine, tr("Your value")), 2, 0);
    layout->addWidget(sideView(theirs, tr("Current value on the server")), 2, 1);

    auto* buttons = new QDialogButtonBox;
    QPushButton* overwrite = buttons->addButton(tr("Overwrite with mine"), QDialogButtonBox::DestructiveRole);
    QPushButton* keepTheirs = buttons->addButton(tr("Keep theirs (reload)"), QDialogButtonBox::ResetRole);
    QPushButton* keepEditing = buttons->addButton(tr("Cancel (keep editing)"), QDialogButtonBox::RejectRole);
    keepEditing->setDefault(true);
    layout->addWidget(buttons, 3, 0, 1, 2);
    connect(overwrite, &QPushButton::clicked, this, [this] {
        accept();
        emit chosen(Choice::OverwriteWithMine);
    });
    connect(keepTheirs, &QPushButton::clicked, this, [this] {
        accept();
        emit chosen(Choice::KeepTheirs);
    });
    connect(keepEditing, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] { emit chosen(Choice::KeepEditing); });
    resize(720, 360);
}

} // namespace vermilion::ui
