#include "connectionlistmodel.h"

namespace vermilion {

ConnectionListModel::ConnectionListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int ConnectionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ConnectionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile& profile = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return profile.displayName();
    case Qt::ToolTipRole: {
        QString tip = profile.toUrl();
        if (profile.usesSsh())
            tip += QLatin1Char('\n') + tr("Through an SSH tunnel to %1.").arg(profile.ssh.host);
        if (profile.readOnly)
            tip += QLatin1Char('\n') + tr("Read-only: write commands are refused.");
        if (profile.sandbox)
            tip += QLatin1Char('\n') + tr("Sandbox: a private server with demo data, gone when the app exits.");
        tip += QLatin1Char('\n') + Connection::stateName(stateOf(profile.id));
        return tip;
    }
    case ProfileIdRole:
        return profile.id;
    case EndpointRole:
        return profile.usesSsh() ? tr("%1 via %2").arg(profile.endpoint(), profile.ssh.host) : profile.endpoint();
    case StateRole:
        return int(stateOf(profile.id));
    case SandboxRole:
        return profile.sandbox;
    case ReadOnlyRole:
        return profile.readOnly;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(ProfileIdRole, "profileId");
    names.insert(EndpointRole, "endpoint");
    names.insert(StateRole, "state");
    names.insert(SandboxRole, "sandbox");
    names.insert(ReadOnlyRole, "readOnly");
    return names;
}

void ConnectionListModel::setProfiles(const QList<ConnectionProfile>& profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

void ConnectionListModel::addProfile(const ConnectionProfile& profile)
{
    const int row = int(m_profiles.size());
    beginInsertRows(QModelIndex(), row, row);
    m_profiles.append(profile);
    endInsertRows();
}

void ConnectionListModel::updateProfile(const ConnectionProfile& profile)
{
    const int row = rowOf(profile.id);
    if (row < 0)
        return;
    m_profiles[row] = profile;
    emit dataChanged(index(row), index(row));
}

void ConnectionListModel::removeProfile(const QUuid& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_profiles.removeAt(row);
    m_states.remove(id);
    endRemoveRows();
}

int ConnectionListModel::rowOf(const QUuid& id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

void ConnectionListModel::setState(const QUuid& id, Connection::State state)
{
    m_states.insert(id, state);
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row), index(row), { StateRole, Qt::ToolTipRole });
}

} // namespace vermilion
