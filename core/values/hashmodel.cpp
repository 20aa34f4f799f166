#include "hashmodel.h"

#include "valuescripts.h"

namespace vermilion {

HashModel::HashModel(Session* session, const QByteArray& key, QObject* parent)
    : ScanValueModel(session, key, "hash", parent)
{
}

int HashModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HashModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rowAt(index.row());
    const QByteArray& bytes = index.column() == FieldColumn ? row.first : row.second;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(bytes);
    case Qt::ToolTipRole:
        return bytes.size() > displayLimit ? tr("%n bytes", nullptr, int(bytes.size())) : QVariant();
    case RawRole:
        return bytes;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant HashModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == FieldColumn ? tr("Field") : tr("Value");
}

void HashModel::setValue(
    const QByteArray& field, const QByteArray& shownValue, const QByteArray& newValue, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::SetField;
    conflict.item = field;
    conflict.shown = shownValue;
    conflict.mine = newValue;
    runEdit(ValueScripts::hashEdit(),
        { ValueScripts::modeArgument(mode), field, "present", shownValue, "set", newValue }, conflict,
        [this, field, newValue](const Reply&) { appendOrUpdate(field, newValue); });
}

void HashModel::addField(const QByteArray& field, const QByteArray& value, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::AddField;
    conflict.item = field;
    conflict.mine = value;
    runEdit(ValueScripts::hashEdit(), { ValueScripts::modeArgument(mode), field, "absent", {}, "set", value }, conflict,
        [this, field, value](const Reply&) { appendOrUpdate(field, value); });
}

void HashModel::removeField(const QByteArray& field, const QByteArray& shownValue, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::RemoveField;
    conflict.item = field;
    conflict.shown = shownValue;
    runEdit(ValueScripts::hashEdit(), { ValueScripts::modeArgument(mode), field, "present", shownValue, "del", {} },
        conflict, [this, field](const Reply&) { removeFirst(field); });
}

} // namespace vermilion
