#include "connectionitemdelegate.h"

#include "client/connection.h"
#include "profiles/connectionlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace vermilion::ui {

QColor ConnectionItemDelegate::stateColor(int state)
{
    switch (Connection::State(state)) {
    case Connection::State::Connected:
        return QColor(0x2e, 0xa0, 0x43);
    case Connection::State::Connecting:
    case Connection::State::Reconnecting:
        return QColor(0xe0, 0x9b, 0x1a);
    case Connection::State::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case Connection::State::Disconnected:
        break;
    }
    return QColor(0x9e, 0x9e, 0xa6);
}

QSize ConnectionItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics metrics(option.font);
    return { 200, metrics.height() * 2 + 14 };
}

void ConnectionItemDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(10, 6, -8, -6);
    const int dot = 9;
    painter->setPen(Qt::NoPen);
    painter->setBrush(stateColor(index.data(ConnectionListModel::StateRole).toInt()));
    painter->drawEllipse(QRect(r.left(), r.top() + (QFontMetrics(option.font).height() - dot) / 2, dot, dot));

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = textColor;
    secondary.setAlphaF(0.65f);

    QFont nameFont = option.font;
    nameFont.setBold(true);
    const QFontMetrics nameMetrics(nameFont);
    const QRect textRect = r.adjusted(dot + 8, 0, 0, 0);
    QString name = index.data(Qt::DisplayRole).toString();
    QString badge;
    if (index.data(ConnectionListModel::SandboxRole).toBool())
        badge = tr("sandbox");
    else if (index.data(ConnectionListModel::ReadOnlyRole).toBool())
        badge = tr("read-only");
    painter->setFont(nameFont);
    painter->setPen(textColor);
    const int badgeWidth = badge.isEmpty() ? 0 : QFontMetrics(option.font).horizontalAdvance(badge) + 12;
    const QString elided = nameMetrics.elidedText(name, Qt::ElideRight, textRect.width() - badgeWidth);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignTop, elided);
    if (!badge.isEmpty()) {
        QFont badgeFont = option.font;
        badgeFont.setPointSizeF(option.font.pointSizeF() * 0.85);
        painter->setFont(badgeFont);
        const QRect badgeRect(textRect.left() + nameMetrics.horizontalAdvance(elided) + 6, textRect.top() + 1,
            QFontMetrics(badgeFont).horizontalAdvance(badge) + 10, nameMetrics.height() - 2);
        QColor fill = QColor(0xc6, 0x28, 0x28);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badgeRect, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(badgeRect, Qt::AlignCenter, badge);
    }
    painter->setFont(option.font);
    painter->setPen(secondary);
    const QString endpoint = index.data(ConnectionListModel::EndpointRole).toString();
    painter->drawText(textRect.adjusted(0, nameMetrics.height() + 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
        QFontMetrics(option.font).elidedText(endpoint, Qt::ElideMiddle, textRect.width()));
    painter->restore();
}

} // namespace vermilion::ui
