#include "messagecolourdelegate.h"

#include <QColor>
#include <QPalette>

namespace vermilion::ui {

MessageColourDelegate::MessageColourDelegate(int colourRole, int kindRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_colourRole(colourRole)
    , m_kindRole(kindRole)
{
}

void MessageColourDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_kindRole >= 0 && m_noteKinds.contains(index.data(m_kindRole).toInt())) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        option->backgroundBrush = option->palette.alternateBase();
        return;
    }
    if (m_colourRole < 0)
        return;
    const QString name = index.data(m_colourRole).toString();
    if (name.isEmpty())
        return;
    QColor colour = QColor::fromString(name);
    if (!colour.isValid())
        return;
    // Keep the chosen hue readable on the palette's base (light or dark theme).
    const QColor base = option->palette.color(QPalette::Base);
    const bool darkBase = base.lightness() < 128;
    if (darkBase && colour.lightness() < 110)
        colour = colour.lighter(180);
    else if (!darkBase && colour.lightness() > 190)
        colour = colour.darker(170);
    option->palette.setColor(QPalette::Text, colour);
}

} // namespace vermilion::ui
