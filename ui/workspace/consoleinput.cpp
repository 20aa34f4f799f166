#include "consoleinput.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

namespace vermilion::ui {

ConsoleInput::ConsoleInput(QWidget* parent)
    : QLineEdit(parent)
{
}

void ConsoleInput::setHint(const QString& hint)
{
    if (hint == m_hint)
        return;
    m_hint = hint;
    update();
}

void ConsoleInput::pasteText(const QString& text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = normalised.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.size() <= 1) {
        insert(lines.value(0));
        return;
    }
    // What was typed before the paste is the start of the first line.
    if (!text.isEmpty() && !this->text().isEmpty()) {
        lines.first().prepend(this->text());
        clear();
    }
    emit linesPasted(lines);
}

bool ConsoleInput::event(QEvent* event)
{
    // Tab belongs to completion here, not to focus navigation.
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            emit completionRequested();
            return true;
        }
    }
    return QLineEdit::event(event);
}

void ConsoleInput::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Paste)
        || (event->key() == Qt::Key_Insert && event->modifiers() == Qt::ShiftModifier)) {
        pasteText(QApplication::clipboard()->text());
        return;
    }
    const bool control = event->modifiers() == Qt::ControlModifier;
    if (event->modifiers() == Qt::NoModifier && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        emit historyRequested(event->key() == Qt::Key_Up ? -1 : 1);
        return;
    }
    if (control && event->key() == Qt::Key_R) {
        emit searchRequested();
        return;
    }
    if (control && event->key() == Qt::Key_L) {
        emit clearRequested();
        return;
    }
    // Ctrl+C copies a selection as everywhere; with nothing selected it is the terminal's interrupt.
    if (control && event->key() == Qt::Key_C && !hasSelectedText()) {
        emit interruptRequested();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void ConsoleInput::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu = createStandardContextMenu();
    for (QAction* action : menu->actions()) {
        if (action->objectName() == QLatin1String("edit-paste")) {
            disconnect(action, nullptr, this, nullptr);
            connect(action, &QAction::triggered, this, [this] { pasteText(QApplication::clipboard()->text()); });
        }
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void ConsoleInput::paintEvent(QPaintEvent* event)
{
    QLineEdit::paintEvent(event);
    if (m_hint.isEmpty() || text().isEmpty() || cursorPosition() != text().size() || hasSelectedText())
        return;
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QRect contents = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
    const int start = cursorRect().center().x() + fontMetrics().horizontalAdvance(QLatin1Char(' '));
    const QRect room(start, contents.top(), contents.right() - start, contents.height());
    if (room.width() < fontMetrics().averageCharWidth() * 4)
        return;
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.setFont(font());
    painter.drawText(room, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(m_hint, Qt::ElideRight, room.width()));
}

} // namespace vermilion::ui
