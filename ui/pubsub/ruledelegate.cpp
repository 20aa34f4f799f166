#include "ruledelegate.h"

#include "formats/valueformat.h"
#include "pubsub/handlerrulemodel.h"

#include <QComboBox>
#include <QPainter>
#include <QPixmap>

namespace vermilion::ui {

RuleDelegate::RuleDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QString RuleDelegate::decoderName(const QString& id)
{
    if (id.isEmpty() || id == QLatin1String("auto"))
        return tr("Automatic");
    if (const auto* format = formats::FormatRegistry::instance().find(id))
        return format->name();
    return id;
}

QWidget* RuleDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != HandlerRuleModel::DecoderColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Payload decoder"));
    combo->addItem(decoderName(QStringLiteral("auto")), QStringLiteral("auto"));
    const QList<const formats::ValueFormat*> all = formats::FormatRegistry::instance().all();
    for (const formats::ValueFormat* format : all)
        combo->addItem(format->name(), format->id());
    return combo;
}

void RuleDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const int found = combo->findData(index.data(Qt::EditRole).toString());
        combo->setCurrentIndex(qMax(0, found));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void RuleDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData().toString());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void RuleDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == HandlerRuleModel::DecoderColumn) {
        option->text = decoderName(index.data(Qt::EditRole).toString());
    } else if (index.column() == HandlerRuleModel::ColourColumn) {
        const QColor colour = QColor::fromString(index.data(Qt::EditRole).toString());
        if (colour.isValid()) {
            QPixmap swatch(14, 14);
            swatch.fill(colour);
            QPainter painter(&swatch);
            painter.setPen(option->palette.color(QPalette::Mid));
            painter.drawRect(0, 0, 13, 13);
            option->icon = QIcon(swatch);
            option->features |= QStyleOptionViewItem::HasDecoration;
        } else {
            option->text = tr("default");
        }
    }
}

} // namespace vermilion::ui
