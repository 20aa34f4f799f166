#pragma once

#include "client/connection.h"
#include "connectionprofile.h"

#include <QAbstractListModel>
#include <QHash>

namespace vermilion {

// The saved connections (plus a running sandbox) as the connection list shows them, with the live
// state of each one's session.
class ConnectionListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        ProfileIdRole = Qt::UserRole + 1,
        EndpointRole,
        StateRole, // int(Connection::State)
        SandboxRole,
        ReadOnlyRole,
    };

    explicit ConnectionListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setProfiles(const QList<ConnectionProfile>& profiles);
    const QList<ConnectionProfile>& profiles() const { return m_profiles; }
    void addProfile(const ConnectionProfile& profile);
    void updateProfile(const ConnectionProfile& profile);
    void removeProfile(const QUuid& id);
    int rowOf(const QUuid& id) const;
    ConnectionProfile profileAt(int row) const { return m_profiles.value(row); }
    void setState(const QUuid& id, Connection::State state);
    Connection::State stateOf(const QUuid& id) const { return m_states.value(id, Connection::State::Disconnected); }

private:
    QList<ConnectionProfile> m_profiles;
    QHash<QUuid, Connection::State> m_states;
};

} // namespace vermilion
