#include "valuetextview.h"

#include <algorithm>

#include "valueeditor.h"
#include "values/valuerenderer.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QToolButton>

namespace vermilion::ui {

namespace {
constexpr int margin = 4;
}

ValueTextView::ValueTextView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setFont(ValueEditor::monospaceFont());
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setAccessibleName(tr("Value"));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

void ValueTextView::setDocument(std::shared_ptr<const ValueDocument> document)
{
    m_document = std::move(document);
    m_gutter = !dynamic_cast<const HexDocument*>(m_document.get());
    m_anchor = m_cursor = {};
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void ValueTextView::clear()
{
    setDocument(nullptr);
}

int ValueTextView::lineHeight() const
{
    return qMax(1, fontMetrics().lineSpacing());
}

int ValueTextView::characterWidth() const
{
    return qMax(1, fontMetrics().horizontalAdvance(QLatin1Char('M')));
}

int ValueTextView::gutterWidth() const
{
    if (!m_gutter || !m_document)
        return 0;
    const int digits = int(QString::number(m_document->lineCount()).size());
    return characterWidth() * (digits + 1) + margin;
}

int ValueTextView::visibleLineCount() const
{
    return qMax(1, viewport()->height() / lineHeight());
}

qint64 ValueTextView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

void ValueTextView::updateScrollBars()
{
    const qint64 lines = m_document ? m_document->lineCount() : 0;
    const int page = visibleLineCount();
    verticalScrollBar()->setRange(0, int(qBound<qint64>(0, lines - page + 1, qint64(INT_MAX))));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(1);
    const int columns = qMax(1, (viewport()->width() - gutterWidth() - margin) / characterWidth());
    const qint64 longest = m_document ? m_document->longestLine() : 0;
    horizontalScrollBar()->setRange(0, int(qBound<qint64>(0, longest - columns + 2, qint64(INT_MAX))));
    horizontalScrollBar()->setPageStep(columns);
    horizontalScrollBar()->setSingleStep(4);
}

void ValueTextView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void ValueTextView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

void ValueTextView::setLineMarks(QList<LineMark> marks, const QColor& color)
{
    std::sort(marks.begin(), marks.end(), [](const LineMark& a, const LineMark& b) { return a.first < b.first; });
    m_marks = std::move(marks);
    m_markColor = color;
    viewport()->update();
}

void ValueTextView::showLine(qint64 line)
{
    if (!m_document)
        return;
    line = qBound<qint64>(0, line, m_document->lineCount() - 1);
    m_anchor = m_cursor = DocumentPosition { line, 0 };
    verticalScrollBar()->setValue(int(qMax<qint64>(0, line - 2)));
    viewport()->update();
}

void ValueTextView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    if (!m_document)
        return;
    const QPalette& palette = this->palette();
    const int height = lineHeight();
    const int width = characterWidth();
    const int ascent = fontMetrics().ascent();
    const int gutter = gutterWidth();
    const qint64 first = firstVisibleLine();
    const qint64 firstColumn = horizontalScrollBar()->value();
    const int columns = (viewport()->width() - gutter) / width + 2;
    const qint64 last = qMin(m_document->lineCount() - 1, first + visibleLineCount());
    const DocumentPosition from = selectionStart();
    const DocumentPosition to = selectionEnd();
    const int textLeft = gutter + margin;
    if (gutter > 0)
        painter.fillRect(0, 0, gutter, viewport()->height(), palette.color(QPalette::AlternateBase));
    if (!m_marks.isEmpty()) {
        // The marks that reach into the lines on screen: found by binary search, so a diff of
        // thousands of hunks costs nothing per paint.
        auto it = std::lower_bound(m_marks.cbegin(), m_marks.cend(), first,
            [](const LineMark& mark, qint64 line) { return mark.first + qMax<qint64>(mark.count, 1) <= line; });
        for (; it != m_marks.cend() && it->first <= last + 1; ++it) {
            if (it->count == 0) {
                const int y = int(it->first - first) * height;
                painter.fillRect(gutter, y - 1, viewport()->width() - gutter, 3, m_markColor.darker(130));
                continue;
            }
            const qint64 top = qMax(it->first, first);
            const qint64 bottom = qMin(it->first + it->count - 1, last);
            if (bottom >= top)
                painter.fillRect(gutter, int(top - first) * height, viewport()->width() - gutter,
                    int(bottom - top + 1) * height, m_markColor);
        }
    }
    for (qint64 line = first; line <= last; ++line) {
        const int y = int(line - first) * height;
        if (hasSelection() && line >= from.line && line <= to.line) {
            const qint64 start = line == from.line ? from.column : 0;
            const qint64 end = line == to.line ? to.column : m_document->lineLength(line) + 1;
            const qint64 left = qMax(start, firstColumn);
            const qint64 right = qMin(end, firstColumn + columns);
            if (right > left)
                painter.fillRect(textLeft + int(left - firstColumn) * width, y, int(right - left) * width, height,
                    palette.color(QPalette::Highlight));
        }
        if (gutter > 0) {
            painter.setPen(palette.color(QPalette::PlaceholderText));
            const QString number = QString::number(line + 1);
            painter.drawText(gutter - margin - int(number.size()) * width, y + ascent, number);
        }
        QString text = m_document->line(line, firstColumn, columns);
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(textLeft, y + ascent, text);
        if (hasSelection() && line >= from.line && line <= to.line) {
            // Selected characters again, in the highlighted text colour, clipped to the selection.
            const qint64 start = line == from.line ? from.column : 0;
            const qint64 end = line == to.line ? to.column : m_document->lineLength(line);
            const qint64 left = qMax(start, firstColumn);
            const qint64 right = qMin(end, firstColumn + columns);
            if (right > left) {
                painter.save();
                painter.setClipRect(textLeft + int(left - firstColumn) * width, y, int(right - left) * width, height);
                painter.setPen(palette.color(QPalette::HighlightedText));
                painter.drawText(textLeft, y + ascent, text);
                painter.restore();
            }
        }
    }
    if (hasFocus() && m_cursor.line >= first && m_cursor.line <= last && m_cursor.column >= firstColumn) {
        const int x = textLeft + int(m_cursor.column - firstColumn) * width;
        painter.fillRect(x, int(m_cursor.line - first) * height, 1, height, palette.color(QPalette::Text));
    }
}

DocumentPosition ValueTextView::clamp(DocumentPosition position) const
{
    if (!m_document)
        return {};
    position.line = qBound<qint64>(0, position.line, m_document->lineCount() - 1);
    position.column = qBound<qint64>(0, position.column, m_document->lineLength(position.line));
    return position;
}

DocumentPosition ValueTextView::positionAt(const QPoint& point) const
{
    const qint64 line = firstVisibleLine() + point.y() / lineHeight();
    const int x = point.x() - gutterWidth() - margin;
    const qint64 column = horizontalScrollBar()->value() + (x + characterWidth() / 2) / characterWidth();
    return clamp({ line, qMax<qint64>(0, column) });
}

void ValueTextView::ensureVisible(DocumentPosition position)
{
    QScrollBar* vertical = verticalScrollBar();
    const int page = visibleLineCount();
    if (position.line < vertical->value())
        vertical->setValue(int(position.line));
    else if (position.line >= vertical->value() + page)
        vertical->setValue(int(position.line - page + 1));
    QScrollBar* horizontal = horizontalScrollBar();
    const int columns = horizontal->pageStep();
    if (position.column < horizontal->value())
        horizontal->setValue(int(qMax<qint64>(0, position.column - 4)));
    else if (position.column >= horizontal->value() + columns - 1)
        horizontal->setValue(int(position.column - columns + 4));
}

void ValueTextView::moveCursor(DocumentPosition position, bool select)
{
    m_cursor = clamp(position);
    if (!select)
        m_anchor = m_cursor;
    ensureVisible(m_cursor);
    viewport()->update();
}

void ValueTextView::setSelection(DocumentPosition from, DocumentPosition to)
{
    m_anchor = clamp(from);
    m_cursor = clamp(to);
    ensureVisible(m_anchor);
    ensureVisible(m_cursor);
    viewport()->update();
}

void ValueTextView::selectAll()
{
    if (!m_document)
        return;
    const qint64 last = m_document->lineCount() - 1;
    m_anchor = {};
    m_cursor = { last, m_document->lineLength(last) };
    viewport()->update();
}

QString ValueTextView::selectedText() const
{
    if (!m_document || !hasSelection())
        return {};
    return m_document->text(selectionStart(), selectionEnd(), copyLimit);
}

void ValueTextView::copy()
{
    if (!hasSelection())
        return;
    const QString text = selectedText();
    if (text.isEmpty()) {
        emit message(tr("The selection is too big for the clipboard (over %1 characters): use Save to file instead.")
                         .arg(QLocale().toString(copyLimit)));
        return;
    }
    QApplication::clipboard()->setText(text);
    emit message(tr("Copied %n character(s).", nullptr, int(qMin<qsizetype>(text.size(), INT_MAX))));
}

bool ValueTextView::event(QEvent* event)
{
    // The view's own Copy, Select All and Find win over window shortcuts on the same keys (the
    // key browser's Ctrl+F filters keys) while the view has the focus.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key == QKeySequence::Copy || key == QKeySequence::SelectAll || key == QKeySequence::Find) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void ValueTextView::keyPressEvent(QKeyEvent* event)
{
    if (!m_document) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (event == QKeySequence::Find) {
        emit findRequested();
        return;
    }
    const bool select = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    DocumentPosition position = m_cursor;
    const qint64 last = m_document->lineCount() - 1;
    switch (event->key()) {
    case Qt::Key_Left:
        if (position.column > 0)
            --position.column;
        else if (position.line > 0)
            position = { position.line - 1, m_document->lineLength(position.line - 1) };
        break;
    case Qt::Key_Right:
        if (position.column < m_document->lineLength(position.line))
            ++position.column;
        else if (position.line < last)
            position = { position.line + 1, 0 };
        break;
    case Qt::Key_Up:
        --position.line;
        break;
    case Qt::Key_Down:
        ++position.line;
        break;
    case Qt::Key_PageUp:
        position.line -= visibleLineCount();
        break;
    case Qt::Key_PageDown:
        position.line += visibleLineCount();
        break;
    case Qt::Key_Home:
        position = control ? DocumentPosition {} : DocumentPosition { position.line, 0 };
        break;
    case Qt::Key_End:
        position = control ? DocumentPosition { last, m_document->lineLength(last) }
                           : DocumentPosition { position.line, m_document->lineLength(position.line) };
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    moveCursor(position, select);
}

void ValueTextView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_document) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    moveCursor(positionAt(event->position().toPoint()), event->modifiers() & Qt::ShiftModifier);
}

void ValueTextView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_document)
        return;
    moveCursor(positionAt(event->position().toPoint()), true);
}

void ValueTextView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    QAction* copyAction = menu.addAction(tr("Copy"), this, &ValueTextView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(hasSelection());
    QAction* all = menu.addAction(tr("Select All"), this, &ValueTextView::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    QAction* find = menu.addAction(tr("Find..."), this, &ValueTextView::findRequested);
    find->setShortcut(QKeySequence::Find);
    menu.exec(event->globalPos());
}

ValueFindBar::ValueFindBar(ValueTextView* view, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
    , m_field(new QLineEdit)
    , m_matchCase(new QCheckBox(tr("Match case")))
    , m_status(new QLabel)
    , m_search(new DocumentSearch(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    m_field->setPlaceholderText(tr("Find in the value (hex: bytes like de ad be ef)"));
    m_field->setAccessibleName(tr("Find"));
    m_field->setClearButtonEnabled(true);
    auto* previous = new QToolButton;
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous (Shift+Enter)"));
    auto* next = new QToolButton;
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next (Enter)"));
    auto* close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Escape)"));
    layout->addWidget(new QLabel(tr("Find:")));
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_status);
    layout->addWidget(close);
    connect(previous, &QToolButton::clicked, this, &ValueFindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &ValueFindBar::findNext);
    connect(close, &QToolButton::clicked, this, [this] {
        m_search->cancel();
        hide();
        m_view->setFocus();
    });
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (QApplication::keyboardModifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
    });
    connect(m_field, &QLineEdit::textEdited, this, [this] { m_status->clear(); });
    connect(m_view, &ValueTextView::findRequested, this, &ValueFindBar::activate);
    connect(m_search, &DocumentSearch::found, this, [this](const DocumentMatch& match, bool wrapped) {
        if (match.found) {
            m_view->setSelection(match.from, match.to);
            m_status->setText(wrapped ? tr("Wrapped around") : QString());
        } else {
            m_status->setText(tr("Not found"));
        }
        emit finished(match.found);
    });
    auto* escape = new QAction(this);
    escape->setShortcut(Qt::Key_Escape);
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, close, &QToolButton::click);
    addAction(escape);
    hide();
}

void ValueFindBar::activate()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void ValueFindBar::setNeedle(const QString& text)
{
    m_field->setText(text);
}

QString ValueFindBar::status() const
{
    return m_status->text();
}

bool ValueFindBar::isSearching() const
{
    return m_search->isBusy();
}

void ValueFindBar::findNext()
{
    find(false);
}

void ValueFindBar::findPrevious()
{
    find(true);
}

void ValueFindBar::find(bool backward)
{
    if (m_field->text().isEmpty() || !m_view->document())
        return;
    m_status->setText(tr("Searching..."));
    const DocumentPosition start = backward ? m_view->selectionStart() : m_view->selectionEnd();
    m_search->find(m_view->document(), m_field->text(), start, backward,
        m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive);
}

} // namespace vermilion::ui
