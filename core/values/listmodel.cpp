#include "listmodel.h"

#include "valuescripts.h"

#include <limits>

namespace vermilion {

ListModel::ListModel(Session* session, const QByteArray& key, QObject* parent)
    : PagedValueModel(session, key, "list", parent)
{
}

int ListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == IndexColumn) {
        if (role == Qt::DisplayRole)
            return index.row();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const Row* row = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row ? displayText(row->first) : placeholderText();
    case RawRole:
        return row ? QVariant(row->first) : QVariant();
    case LoadedRole:
        return row != nullptr;
    default:
        return {};
    }
}

QVariant ListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == IndexColumn ? tr("Index") : tr("Value");
}

bool ListModel::valueAt(int row, QByteArray* value) const
{
    const Row* loaded = rowAt(row);
    if (loaded && value)
        *value = loaded->first;
    return loaded != nullptr;
}

Command ListModel::countCommand() const
{
    return { "LLEN", key() };
}

Command ListModel::pageCommand(qint64 start, int count) const
{
    return { "LRANGE", key(), QByteArray::number(start), QByteArray::number(start + count - 1) };
}

QList<PagedValueModel::Row> ListModel::parsePage(const Reply& reply) const
{
    QList<Row> rows;
    rows.reserve(reply.size());
    for (const Reply& element : reply.elements())
        rows.append({ element.bytes(), {} });
    return rows;
}

void ListModel::setValue(qint64 index, const QByteArray& shownValue, const QByteArray& newValue, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::SetListItem;
    conflict.index = index;
    conflict.shown = shownValue;
    conflict.mine = newValue;
    runEdit(ValueScripts::listSet(),
        { ValueScripts::modeArgument(mode), QByteArray::number(index), shownValue, newValue }, conflict,
        [this, index, newValue](const Reply&) {
            if (index <= std::numeric_limits<int>::max())
                replaceRow(int(index), { newValue, {} });
        });
}

void ListModel::pushHead(const QByteArray& value)
{
    // Every index shifts: read the list again.
    runGuarded({ "LPUSH", value }, [this](const Reply&) { reload(); });
}

void ListModel::pushTail(const QByteArray& value)
{
    runGuarded({ "RPUSH", value }, [this](const Reply&) { reload(); });
}

void ListModel::insert(qint64 index, const QByteArray& pivotValue, bool before, const QByteArray& value, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::InsertListItem;
    conflict.index = index;
    conflict.before = before;
    conflict.shown = pivotValue;
    conflict.mine = value;
    runEdit(ValueScripts::listInsert(),
        { ValueScripts::modeArgument(mode), QByteArray::number(index), pivotValue,
            before ? QByteArray("BEFORE") : QByteArray("AFTER"), value, ValueScripts::tombstone() },
        conflict, [this](const Reply&) { reload(); });
}

void ListModel::removeAt(qint64 index, const QByteArray& expectedValue, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::RemoveListItem;
    conflict.index = index;
    conflict.shown = expectedValue;
    runEdit(ValueScripts::listRemove(),
        { ValueScripts::modeArgument(mode), QByteArray::number(index), expectedValue, ValueScripts::tombstone() },
        conflict, [this](const Reply&) { reload(); });
}

} // namespace vermilion
