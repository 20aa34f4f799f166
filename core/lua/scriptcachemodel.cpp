#include "scriptcachemodel.h"

#include "client/session.h"
#include "namedvariables.h"
#include "scriptlibrarymodel.h"
#include "scriptrunner.h"

namespace vermilion::lua {

ScriptCacheModel::ScriptCacheModel(Session* session, ScriptLibraryModel* library, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_library(library)
{
}

int ScriptCacheModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == name)
            return row;
    }
    return -1;
}

void ScriptCacheModel::refresh()
{
    QList<Row> rows;
    for (const QString& name : m_library->names()) {
        Row row;
        row.name = name;
        if (!m_library->read(name, &row.script))
            continue;
        row.sha1 = scriptSha1(row.script);
        row.usesNamedVariables = !NamedVariables::find(row.script).isEmpty();
        rows.append(row);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    askServer();
}

void ScriptCacheModel::askServer()
{
    const JobTracker::Ticket generation = m_jobs.next();
    if (!m_session)
        return;
    if (m_rows.isEmpty()) {
        emit refreshed();
        return;
    }
    Command argv { "SCRIPT", "EXISTS" };
    for (const Row& row : std::as_const(m_rows))
        argv.append(row.sha1);
    m_session->execute(argv, this, [this, generation](const Reply& reply) {
        if (m_jobs.isStale(generation))
            return;
        if (reply.isError() || !reply.isArray() || reply.size() != m_rows.size()) {
            m_lastError = reply.isError() ? reply.errorMessage() : tr("SCRIPT EXISTS answered something unexpected.");
            emit failed(m_lastError);
            return;
        }
        m_lastError.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_rows[row].cached = reply.at(row).integerValue() == 1 ? Cached::Yes : Cached::No;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, CachedColumn), index(int(m_rows.size()) - 1, CachedColumn));
        emit refreshed();
    });
}

void ScriptCacheModel::loadAll(std::function<void(const QString&)> done)
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        done(tr("This connection is read-only: loading scripts into the server's cache is refused."));
        return;
    }
    if (m_rows.isEmpty()) {
        done(QString());
        return;
    }
    QList<Command> commands;
    for (const Row& row : std::as_const(m_rows))
        commands.append({ "SCRIPT", "LOAD", row.script });
    m_session->executeBatch(
        commands, this,
        [this, done = std::move(done)](const QList<Reply>& replies) {
            QStringList errors;
            for (int i = 0; i < replies.size() && i < m_rows.size(); ++i) {
                if (replies.at(i).isError())
                    errors.append(QStringLiteral("%1: %2").arg(m_rows.at(i).name, replies.at(i).errorMessage()));
            }
            askServer();
            done(errors.join(QLatin1Char('\n')));
        },
        Session::Role::Interactive);
}

void ScriptCacheModel::flush(std::function<void(const QString&)> done)
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        done(tr("This connection is read-only: SCRIPT FLUSH is refused."));
        return;
    }
    m_session->execute({ "SCRIPT", "FLUSH" }, this, [this, done = std::move(done)](const Reply& reply) {
        askServer();
        done(reply.isError() ? reply.errorMessage() : QString());
    });
}

int ScriptCacheModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScriptCacheModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScriptCacheModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case ShaColumn:
            return QString::fromLatin1(row.sha1);
        case CachedColumn:
            return row.cached == Cached::Yes ? tr("cached") : row.cached == Cached::No ? tr("not cached") : tr("?");
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = index.column() == ShaColumn ? QString::fromLatin1(row.sha1) : row.name;
        if (row.usesNamedVariables)
            tip += QLatin1Char('\n')
                + tr("Uses named variables (_:name): the SHA-1 sent depends on the inputs; this is the file's own.");
        return tip;
    }
    if (role == Qt::UserRole && index.column() == CachedColumn)
        return int(row.cached);
    return {};
}

QVariant ScriptCacheModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Script");
    case ShaColumn:
        return tr("SHA-1");
    case CachedColumn:
        return tr("Server cache");
    }
    return {};
}

} // namespace vermilion::lua
