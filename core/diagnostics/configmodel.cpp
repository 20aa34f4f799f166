#include "configmodel.h"

#include "client/session.h"
#include "server/serverinfo.h"

#include <algorithm>

namespace vermilion {

QString ConfigModel::dangerOf(const QString& name)
{
    // The parameters operators break production with; the texts say what happens at once.
    static const QHash<QString, QString> dangers {
        { QStringLiteral("maxmemory"),
          tr("Lowering it below the memory in use makes the server evict keys (or refuse writes) at once.") },
        { QStringLiteral("maxmemory-policy"), tr("Decides which keys are evicted, or whether writes are refused, when "
                                                 "maxmemory is reached.") },
        { QStringLiteral("save"), tr("Turns RDB snapshots on or off: an empty value means no snapshot, and a restart "
                                     "loses the data set.") },
        { QStringLiteral("appendonly"), tr("Turning it on rewrites the whole data set to a new AOF file (disk and "
                                           "CPU); turning it off stops durability.") },
        { QStringLiteral("appendfsync"), tr("Changes how much data a crash can lose.") },
        { QStringLiteral("bind"), tr("Changes the addresses the server listens on: clients, and this window, may "
                                     "lose the way to it.") },
        { QStringLiteral("port"), tr("Moves the server to another port: every client, this window included, loses it.") },
        { QStringLiteral("protected-mode"), tr("Turning it off exposes a server without a password to the network.") },
        { QStringLiteral("requirepass"), tr("Changes the default user's password: clients that use the old one fail "
                                            "at their next connect.") },
        { QStringLiteral("masterauth"), tr("Replicas that use it lose their link to the master if it is wrong.") },
        { QStringLiteral("replicaof"), tr("Makes this server a replica: its data set is replaced by the master's.") },
        { QStringLiteral("slaveof"), tr("Makes this server a replica: its data set is replaced by the master's.") },
        { QStringLiteral("dir"), tr("Moves where snapshots and the AOF are written.") },
        { QStringLiteral("dbfilename"), tr("Changes the snapshot file's name: the next restart loads another file.") },
        { QStringLiteral("maxclients"), tr("Lowering it refuses new connections beyond the limit.") },
        { QStringLiteral("timeout"), tr("Closes idle clients, connection pools included, after this many seconds.") },
        { QStringLiteral("rename-command"), tr("Hides commands from every client.") },
        { QStringLiteral("cluster-enabled"), tr("Cluster mode cannot change while the server runs.") },
        { QStringLiteral("enable-debug-command"), tr("DEBUG can crash or stall the server.") },
        { QStringLiteral("enable-module-command"), tr("MODULE LOAD runs native code inside the server.") },
        { QStringLiteral("tls-port"), tr("Changes where TLS clients reach the server.") },
        { QStringLiteral("aclfile"), tr("Changes where ACL users are loaded from and saved to.") },
    };
    return dangers.value(name);
}

ConfigModel::ConfigModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void ConfigModel::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    reload();
}

void ConfigModel::reload()
{
    if (!m_session)
        return;
    const JobTracker::Ticket ticket = m_jobs.next();
    m_session->executeOn(m_node, { "CONFIG", "GET", "*" }, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket))
            return;
        if (reply.isError() || !reply.isArray()) {
            m_error = reply.isError() ? reply.errorMessage() : tr("CONFIG GET did not answer a list.");
            emit errorOccurred(m_error);
            return;
        }
        QList<Parameter> parameters;
        const QList<Reply>& items = reply.elements();
        for (qsizetype i = 0; i + 1 < items.size(); i += 2)
            parameters.append({ QString::fromUtf8(items.at(i).bytes()), QString::fromUtf8(items.at(i + 1).bytes()), {} });
        std::sort(parameters.begin(), parameters.end(),
                  [](const Parameter& a, const Parameter& b) { return a.name < b.name; });
        beginResetModel();
        m_parameters = parameters;
        m_rows.clear();
        for (int row = 0; row < m_parameters.size(); ++row)
            m_rows.insert(m_parameters.at(row).name, row);
        endResetModel();
        m_error.clear();
        m_loaded = true;
        emit loaded();
    });
    m_session->executeOn(m_node, { "INFO", "server" }, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket) || !reply.isString())
            return;
        m_configFile = ServerInfo::parse(reply.bytes()).text("config_file");
    });
}

bool ConfigModel::setValue(const QString& name, const QString& value)
{
    const int row = rowOf(name);
    if (!m_session || row < 0)
        return false;
    if (m_session->isReadOnly()) {
        m_parameters[row].error = tr("This profile is read-only: CONFIG SET is not sent.");
        const QModelIndex changed = index(row, Value);
        emit dataChanged(changed, index(row, Note));
        emit changeFinished(name, m_parameters.at(row).error);
        return false;
    }
    const QString before = m_parameters.at(row).value;
    m_session->executeOn(m_node, { "CONFIG", "SET", name.toUtf8(), value.toUtf8() }, this,
                         [this, name, before](const Reply& reply) {
                             const int row = rowOf(name);
                             if (row < 0)
                                 return;
                             if (reply.isError()) {
                                 m_parameters[row].error = reply.errorMessage();
                                 emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
                                 emit changeFinished(name, m_parameters.at(row).error);
                                 return;
                             }
                             m_parameters[row].error.clear();
                             QHash<QString, QString>& first = m_firstValues[m_node];
                             if (!first.contains(name)) {
                                 first.insert(name, before);
                                 m_changeOrder[m_node].append(name);
                             }
                             readBack(name);
                         });
    return true;
}

void ConfigModel::readBack(const QString& name)
{
    // The server's own form of the new value ("1mb" is kept as "1048576").
    m_session->executeOn(m_node, { "CONFIG", "GET", name.toUtf8() }, this, [this, name](const Reply& reply) {
        const int row = rowOf(name);
        if (row < 0)
            return;
        if (reply.isArray() && reply.size() == 2)
            m_parameters[row].value = QString::fromUtf8(reply.at(1).bytes());
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        emit changeFinished(name, QString());
    });
}

QList<ConfigModel::Change> ConfigModel::changes() const
{
    QList<Change> result;
    const QHash<QString, QString> first = m_firstValues.value(m_node);
    for (const QString& name : m_changeOrder.value(m_node)) {
        const QString now = valueOf(name);
        if (now != first.value(name))
            result.append({ name, first.value(name), now });
    }
    return result;
}

void ConfigModel::rewrite()
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        emit rewriteFinished(tr("This profile is read-only: CONFIG REWRITE is not sent."));
        return;
    }
    if (m_loaded && m_configFile.isEmpty()) {
        emit rewriteFinished(tr("The server runs without a configuration file (it was started with its settings on "
                                "the command line), so there is nothing CONFIG REWRITE could write to."));
        return;
    }
    m_session->executeOn(m_node, { "CONFIG", "REWRITE" }, this, [this](const Reply& reply) {
        emit rewriteFinished(reply.isError() ? reply.errorMessage() : QString());
    });
}

int ConfigModel::rowOf(const QString& name) const { return m_rows.value(name, -1); }

QString ConfigModel::valueOf(const QString& name) const
{
    const int row = rowOf(name);
    return row < 0 ? QString() : m_parameters.at(row).value;
}

int ConfigModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_parameters.size()); }

int ConfigModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ConfigModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_parameters.size())
        return {};
    const Parameter& parameter = m_parameters.at(index.row());
    const QString danger = dangerOf(parameter.name);
    const QHash<QString, QString> first = m_firstValues.value(m_node);
    const bool changed = first.contains(parameter.name) && first.value(parameter.name) != parameter.value;
    switch (role) {
    case ErrorRole:
        return parameter.error;
    case DangerRole:
        return danger;
    case ChangedRole:
        return changed;
    case Qt::ToolTipRole:
        if (!parameter.error.isEmpty())
            return tr("The server refused the last value: %1").arg(parameter.error);
        if (changed)
            return tr("Changed in this window; it was \"%1\".").arg(first.value(parameter.name));
        return danger.isEmpty() ? QVariant() : QVariant(danger);
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return parameter.name;
        case Value:
            return parameter.value;
        case Note:
            if (role == Qt::EditRole)
                return {};
            if (!parameter.error.isEmpty())
                return tr("✖ %1").arg(parameter.error);
            if (changed)
                return tr("changed (was \"%1\")").arg(first.value(parameter.name));
            return danger.isEmpty() ? QString() : tr("⚠ risky on a live server");
        }
        return {};
    }
    return {};
}

bool ConfigModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Value || role != Qt::EditRole)
        return false;
    const Parameter& parameter = m_parameters.at(index.row());
    if (value.toString() == parameter.value)
        return false;
    // The value changes once the server accepted it; setData itself reports only that it was sent.
    return setValue(parameter.name, value.toString());
}

Qt::ItemFlags ConfigModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Value && m_session && !m_session->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ConfigModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Parameter");
    case Value:
        return tr("Value");
    case Note:
        return tr("Note");
    }
    return {};
}

} // namespace vermilion
