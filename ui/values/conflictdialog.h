#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace vermilion {
struct EditConflict;
struct ValueDiff;
class ValueDiffer;
} // namespace vermilion

namespace vermilion::ui {

class ValueTextView;

// "Your value" and "Current value on the server" side by side, after an edit was refused because
// the server's value changed, with the lines that differ marked. Both sides are escaped and
// compared on the thread pool (a conflict on a 100 MB value never blocks the window), shown in
// paged views, and F7 / Shift+F7 step through the differences. Nothing is lost whichever button is
// pressed: the editor keeps the user's text unless they chose the server's value.
class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { OverwriteWithMine, KeepTheirs, KeepEditing };
    // formatId: the format the value is edited in; both sides are decoded with it for the
    // comparison (bytes that do not decode are compared escaped). Empty: escaped bytes.
    ConflictDialog(const vermilion::EditConflict& conflict, const QString& what, QWidget* parent = nullptr,
        const QString& formatId = {});

    ValueTextView* mineView() const { return m_mine; }
    ValueTextView* theirsView() const { return m_theirs; }
    bool isComparing() const;
    QString summary() const;
    int differenceCount() const;
    int currentDifference() const { return m_current; }
    void showDifference(int index);

signals:
    void chosen(vermilion::ui::ConflictDialog::Choice choice);
    void compared();

private:
    void onCompared(const vermilion::ValueDiff& diff);

    vermilion::ValueDiffer* m_differ;
    ValueTextView* m_mine;
    ValueTextView* m_theirs;
    QLabel* m_summary;
    QPushButton* m_previous;
    QPushButton* m_next;
    QList<QPair<qint64, qint64>> m_differences; // first line of each difference: mine, theirs
    int m_current = -1;
};

} // namespace vermilion::ui
