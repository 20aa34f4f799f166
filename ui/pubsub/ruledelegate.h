#pragma once

#include <QStyledItemDelegate>

namespace vermilion::ui {

// Edits a handler-rule row: the decoder as a list of the registered value formats, the colour as
// a swatch (picked with a colour dialog by the pane).
class RuleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit RuleDelegate(QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    static QString decoderName(const QString& id);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace vermilion::ui
