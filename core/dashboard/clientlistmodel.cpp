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
    m_session->executeOnEach(m_session->allNodes(), { "CLIENT", "LIST" }, this,
                             m_jobs.guard([this](const QList<Session::NodeReply>& replies) {
        QList<Client> merged;
        QStringList errors;
        for (const Session::NodeReply& answer : replies) {
            if (answer.reply.isError()) {
                errors << (answer.node.isEmpty() ? answer.reply.errorMessage()
                                                 : answer.node + QStringLiteral(": ") + answer.reply.errorMessage());
                continue;
            }
            QList<Client> clients = parse(answer.reply.bytes());
            for (Client& client : clients)
                client.node = answer.node;
            merged.append(clients);
        }
        if (errors.size() < replies.size() || replies.isEmpty()) {
            setClients(merged);
            emit refreshed();
        }
        if (!errors.isEmpty())
            emit errorOccurred(errors.join(QLatin1Char('\n')));
    }));
}

void ClientListModel::kill(qint64 id, const QString& node)
{
    m_session->executeOn(node, { "CLIENT", "KILL", "ID", QByteArray::number(id) }, this, [this, id](const Reply& reply) {
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
    if (index.column() == NodeColumn)
        return client.node;
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
    case NodeColumn:
        return tr("Node");
    default:
        return {};
    }
}

} // namespace vermilion
