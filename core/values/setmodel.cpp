#include "setmodel.h"

namespace vermilion {

SetModel::SetModel(Session* session, const QByteArray& key, QObject* parent)
    : ScanValueModel(session, key, "set", parent)
{
}

int SetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

QVariant SetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QByteArray& member = rowAt(index.row()).first;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(member);
    case RawRole:
        return member;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant SetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return tr("Member");
}

void SetModel::add(const QByteArray& member)
{
    runGuarded({ "SADD", member }, [this, member](const Reply&) { appendOrUpdate(member, {}); });
}

void SetModel::remove(const QByteArray& member)
{
    runGuarded({ "SREM", member }, [this, member](const Reply&) { removeFirst(member); });
}

} // namespace vermilion
