#include "conflictdialog.h"

#include "valuetextview.h"
#include "values/editconflict.h"
#include "values/valuediff.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace vermilion::ui {

ConflictDialog::ConflictDialog(const EditConflict& conflict, const QString& what, QWidget* parent, const QString& formatId)
    : QDialog(parent)
    , m_differ(new ValueDiffer(this))
    , m_mine(new ValueTextView)
    , m_theirs(new ValueTextView)
    , m_summary(new QLabel)
    , m_previous(new QPushButton(tr("Previous difference")))
    , m_next(new QPushButton(tr("Next difference")))
{
    setWindowTitle(tr("The value changed on the server"));
    auto* layout = new QGridLayout(this);
    auto* explanation = new QLabel(tr("%1 was changed by someone else after you opened it, so your edit was not "
                                      "written. Compare both values and choose which one to keep.")
                                       .arg(what));
    explanation->setWordWrap(true);
    layout->addWidget(explanation, 0, 0, 1, 2);

    // The sides are escaped and compared on the pool; only the sentences are made here.
    DiffSide mine { conflict.mine, {}, {}, formatId };
    if (conflict.operation == EditConflict::Operation::RemoveField
        || conflict.operation == EditConflict::Operation::RemoveListItem)
        mine.placeholder = tr("(remove it)");
    DiffSide theirs { conflict.theirs, {}, {}, formatId };
    if (!conflict.theirsExists)
        theirs.placeholder = tr("(it no longer exists)");
    else if (conflict.theirsSize > conflict.theirs.size()) {
        theirs.prefix = true;
        theirs.note = tr("(only the first %1 of %2 are shown)")
                          .arg(QLocale().formattedDataSize(conflict.theirs.size()),
                              QLocale().formattedDataSize(conflict.theirsSize));
    }

    m_mine->setAccessibleName(tr("Your value"));
    m_theirs->setAccessibleName(tr("Current value on the server"));
    layout->addWidget(new QLabel(tr("Your value")), 1, 0);
    layout->addWidget(new QLabel(tr("Current value on the server")), 1, 1);
    layout->addWidget(m_mine, 2, 0);
    layout->addWidget(m_theirs, 2, 1);

    auto* navigation = new QHBoxLayout;
    m_summary->setAccessibleName(tr("Differences"));
    navigation->addWidget(m_summary, 1);
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    m_previous->setToolTip(tr("Previous difference (Shift+F7)"));
    m_next->setToolTip(tr("Next difference (F7)"));
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    m_previous->setAutoDefault(false);
    m_next->setAutoDefault(false);
    navigation->addWidget(m_previous);
    navigation->addWidget(m_next);
    layout->addLayout(navigation, 3, 0, 1, 2);
    connect(m_previous, &QPushButton::clicked, this, [this] { showDifference(m_current - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showDifference(m_current + 1); });

    auto* buttons = new QDialogButtonBox;
    QPushButton* overwrite = buttons->addButton(tr("Overwrite with mine"), QDialogButtonBox::DestructiveRole);
    QPushButton* keepTheirs = buttons->addButton(tr("Keep theirs (reload)"), QDialogButtonBox::ResetRole);
    QPushButton* keepEditing = buttons->addButton(tr("Cancel (keep editing)"), QDialogButtonBox::RejectRole);
    keepEditing->setDefault(true);
    layout->addWidget(buttons, 4, 0, 1, 2);
    layout->setRowStretch(2, 1);
    connect(overwrite, &QPushButton::clicked, this, [this] {
        accept();
        emit chosen(Choice::OverwriteWithMine);
    });
    connect(keepTheirs, &QPushButton::clicked, this, [this] {
        accept();
        emit chosen(Choice::KeepTheirs);
    });
    connect(keepEditing, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] {
        m_differ->cancel();
        emit chosen(Choice::KeepEditing);
    });

    // The buttons work at once; the comparison says it is running only when it takes a while.
    connect(m_differ, &ValueDiffer::finished, this, &ConflictDialog::onCompared);
    QTimer::singleShot(200, this, [this] {
        if (m_differ->isBusy())
            m_summary->setText(tr("Comparing the two values..."));
    });
    m_differ->start(std::move(mine), std::move(theirs));
    resize(860, 460);
}

bool ConflictDialog::isComparing() const
{
    return m_differ->isBusy();
}

QString ConflictDialog::summary() const
{
    return m_summary->text();
}

int ConflictDialog::differenceCount() const
{
    return int(m_differences.size());
}

void ConflictDialog::onCompared(const ValueDiff& diff)
{
    m_mine->setDocument(diff.mine);
    m_theirs->setDocument(diff.theirs);
    QList<ValueTextView::LineMark> mineMarks;
    QList<ValueTextView::LineMark> theirsMarks;
    m_differences.clear();
    for (const DiffHunk& hunk : diff.hunks) {
        mineMarks.append({ hunk.mineFirst, hunk.mineCount });
        theirsMarks.append({ hunk.theirsFirst, hunk.theirsCount });
        m_differences.append({ hunk.mineFirst, hunk.theirsFirst });
    }
    // Red for what yours has, green for what the server has, pale enough to read text on.
    m_mine->setLineMarks(mineMarks, QColor(255, 214, 214));
    m_theirs->setLineMarks(theirsMarks, QColor(208, 244, 208));
    if (m_differences.isEmpty())
        m_summary->setText(tr("The two values are the same."));
    else if (diff.approximate)
        m_summary->setText(tr("The values differ in too many places to follow line by line: the changed part is "
                              "marked as one block."));
    else
        m_summary->setText(tr("%n differing place(s)", nullptr, int(m_differences.size())));
    m_current = -1;
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    if (!m_differences.isEmpty())
        showDifference(0);
    emit compared();
}

void ConflictDialog::showDifference(int index)
{
    if (index < 0 || index >= m_differences.size())
        return;
    m_current = index;
    m_mine->showLine(m_differences.at(index).first);
    m_theirs->showLine(m_differences.at(index).second);
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < m_differences.size());
    if (m_differences.size() > 1)
        m_summary->setText(tr("Difference %1 of %2").arg(index + 1).arg(m_differences.size()));
}

} // namespace vermilion::ui
