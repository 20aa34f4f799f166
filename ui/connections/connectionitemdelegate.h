#pragma once

#include <QStyledItemDelegate>

namespace vermilion::ui {

// Paints a connection as two lines (name, endpoint) with a dot for its live state.
class ConnectionItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    static QColor stateColor(int state);
};

} // namespace vermilion::ui
