#pragma once

#include "values/valuedocument.h"

#include <QAbstractScrollArea>
#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace vermilion {
class DocumentSearch;
}

namespace vermilion::ui {

// A read-only view of a ValueDocument that paints only the lines and columns on screen, so a
// 100 MiB value scrolls, selects and copies as fast as a short one. Line numbers in a gutter for
// text; a hex dump carries its own offsets. Keys: arrows, Page Up/Down, Home/End (Ctrl for the
// whole document), Shift to select, Ctrl+A, Ctrl+C; Ctrl+F asks for the find bar.
class ValueTextView : public QAbstractScrollArea {
    Q_OBJECT
public:
    // Copies beyond this many characters are refused with a message: the clipboard is no place
    // for them (Save to file is).
    static constexpr qint64 copyLimit = qint64(32) * 1024 * 1024;

    explicit ValueTextView(QWidget* parent = nullptr);

    void setDocument(std::shared_ptr<const ValueDocument> document);
    std::shared_ptr<const ValueDocument> document() const { return m_document; }
    void clear();

    DocumentPosition cursorPosition() const { return m_cursor; }
    DocumentPosition selectionStart() const { return qMin(m_anchor, m_cursor); }
    DocumentPosition selectionEnd() const { return qMax(m_anchor, m_cursor); }
    bool hasSelection() const { return m_anchor != m_cursor; }
    void setSelection(DocumentPosition from, DocumentPosition to);
    void selectAll();
    QString selectedText() const; // empty above copyLimit
    void copy();
    void ensureVisible(DocumentPosition position);
    // Lines drawn on a tinted background (a diff's changed lines): [first, first + count). A range
    // of no lines marks the gap before `first` with a bar (lines the other side has and this lacks).
    struct LineMark {
        qint64 first = 0;
        qint64 count = 0;
    };
    void setLineMarks(QList<LineMark> marks, const QColor& color);
    // Scrolls so that this line is near the top, and puts the cursor there.
    void showLine(qint64 line);
    qint64 firstVisibleLine() const;
    int visibleLineCount() const;

signals:
    void findRequested();
    void message(const QString& text);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateScrollBars();
    void moveCursor(DocumentPosition position, bool select);
    DocumentPosition positionAt(const QPoint& point) const;
    DocumentPosition clamp(DocumentPosition position) const;
    int gutterWidth() const;
    int lineHeight() const;
    int characterWidth() const;

    std::shared_ptr<const ValueDocument> m_document;
    DocumentPosition m_anchor;
    DocumentPosition m_cursor;
    bool m_gutter = true;
    QList<LineMark> m_marks; // sorted by first
    QColor m_markColor;
};

// The find bar under a ValueTextView: searches on a worker, so a miss in 100 MiB never blocks.
// Enter finds the next, Shift+Enter the previous, Escape closes.
class ValueFindBar : public QWidget {
    Q_OBJECT
public:
    explicit ValueFindBar(ValueTextView* view, QWidget* parent = nullptr);

    void activate(); // shows the bar and focuses the field
    void findNext();
    void findPrevious();
    void setNeedle(const QString& text);
    QString status() const;
    bool isSearching() const;

signals:
    void finished(bool found);

private:
    void find(bool backward);

    ValueTextView* m_view;
    QLineEdit* m_field;
    QCheckBox* m_matchCase;
    QLabel* m_status;
    vermilion::DocumentSearch* m_search;
};

} // namespace vermilion::ui
