#pragma once

#include <QStyledItemDelegate>

namespace vermilion::ui {

// Paints stream rows in the colour their rule chose (a "#rrggbb" string under colourRole), and
// marks rows of a given kind (gaps, errors, confirmations) in italics on a muted background.
class MessageColourDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    MessageColourDelegate(int colourRole, int kindRole, QObject* parent = nullptr);
    // Rows whose kindRole value is in `kinds` are drawn as notes rather than data.
    void setNoteKinds(const QList<int>& kinds) { m_noteKinds = kinds; }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    int m_colourRole;
    int m_kindRole;
    QList<int> m_noteKinds;
};

} // namespace vermilion::ui
