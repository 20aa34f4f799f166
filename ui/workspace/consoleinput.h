#pragma once

#include <QLineEdit>
#include <QStringList>

namespace vermilion::ui {

// The console's command line: the argument hint drawn after the text in the placeholder colour (as
// redis-cli shows it), and the keys a terminal user expects reported as signals: Up/Down walk the
// history, Tab completes, Ctrl+R searches, Ctrl+L clears, Ctrl+C stops (when nothing is selected),
// and a paste of several lines goes out as one pipeline instead of being squeezed into one line.
class ConsoleInput : public QLineEdit {
    Q_OBJECT
public:
    explicit ConsoleInput(QWidget* parent = nullptr);

    void setHint(const QString& hint);
    QRect caretRect() const { return cursorRect(); }
    QString hint() const { return m_hint; }
    // Pastes text as the user would: several lines become linesPasted(), one line is inserted.
    void pasteText(const QString& text);

signals:
    void historyRequested(int step); // -1 older, +1 newer
    void completionRequested();
    void searchRequested();
    void clearRequested();
    void interruptRequested();
    void linesPasted(const QStringList& lines);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    QString m_hint;
};

} // namespace vermilion::ui
