#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// CLIENT LIST as a table, with CLIENT KILL through the session. Qt::UserRole holds raw values for sorting.
// On a cluster every node's clients are listed, with the node in NodeColumn; a kill goes to that node.
class ClientListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Client {
        qint64 id = 0;
        QHash<QByteArray, QByteArray> fields; // every field the server sent, newer ones included
        QString node; // cluster: the node the client is connected to
    };
    enum Column { IdColumn, AddressColumn, NameColumn, AgeColumn, IdleColumn, DatabaseColumn, CommandColumn,
                  FlagsColumn, NodeColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit ClientListModel(Session* session, QObject* parent = nullptr);

    static QList<Client> parse(const QByteArray& text);
    void setClients(const QList<Client>& clients);
    const QList<Client>& clients() const { return m_clients; }

    void refresh();
    // CLIENT KILL ID; the caller confirms first. Read-only profiles are refused by the connection.
    // node: the client's node on a cluster (Client::node).
    void kill(qint64 id, const QString& node = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void killed(qint64 id);
    void errorOccurred(const QString& message);

private:
    Session* m_session;
    QList<Client> m_clients;
    JobTracker m_jobs;
};

} // namespace vermilion
