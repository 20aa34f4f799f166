#include "clientlistmodel.h"

#include "client/session.h"

#include <QLocale>

namespace vermilion {

ClientListModel::ClientListModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

QList<ClientListModel::Client> ClientListModel::parse(const QByteArray& text)
{
    QList<Client> result;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        Client client;
        // Fields are "key=value" separated by single spaces; values have no spaces except that a
        // name could not hold one, so a split on spaces is safe.
        for (const QByteArray& part : line.split(' ')) {
            const qsizetype equals = part.indexOf('=');
            if (equals > 0)
                client.fields.insert(part.left(equals), part.mid(equals + 1));
        }
        bool ok = false;
        client.id = client.fields.value("id").toLongLong(&ok);
        if (ok)
            result.append(client);
    }
    return result;
}

void ClientListModel::setClients(const QList<Client>& clients)
{
    beginResetModel();
    m_clients = clients;
    endResetModel();
}

void ClientListModel::refresh()
{
    const quint64 generation = ++m_generation;
    m_session->execute({ "CLIENT", "LIST" }, this, [this, generation](const Reply& reply) {
        if (generation != m_generation)
            return;
        if (reply.isError()) {
            emit errorOccurred(reply.errorMessage());
            return;
        }
        setClients(parse(reply.bytes()));
        emit refreshed();
    });
}

void ClientListModel::kill(qint64 id)
{
    m_session->execute({ "CLIENT", "KILL", "ID", QByteArray::number(id) }, this, [this, id](const Reply& reply) {
        if (reply.isError()) {
            emit errorOccurred(reply.errorMessage());
            return;
        }
        emit killed(id);
        refresh();
    });
}

int ClientListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_clients.size()); }

int ClientListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClientListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Client& client = m_clients.at(index.row());
    const bool numeric = index.column() == IdColumn || index.column() == AgeColumn || index.column() == IdleColumn
        || index.column() == DatabaseColumn;
    if (role == Qt::TextAlignmentRole)
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    static const char* const keys[] = { "id", "addr", "name", "age", "idle", "db", "cmd", "flags" };
    const QByteArray value = client.fields.value(keys[index.column()]);
    if (numeric && role == SortRole)
        return value.toLongLong();
    return QString::fromUtf8(value);
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case AddressColumn:
        return tr("Address");
    case NameColumn:
        return tr("Name");
    case AgeColumn:
        return tr("Age (s)");
    case IdleColumn:
        return tr("Idle (s)");
    case DatabaseColumn:
        return tr("Database");
    case CommandColumn:
        return tr("Last command");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

} // namespace vermilion
