#include "functionlibrarymodel.h"

#include "client/session.h"

#include <algorithm>

namespace vermilion::lua {

namespace {
// RESP2 sends maps as flat [key, value, key, value...] arrays.
Reply field(const Reply& map, const QByteArray& key)
{
    if (!map.isArray())
        return Reply::nil();
    for (qsizetype i = 0; i + 1 < map.size(); i += 2) {
        if (map.at(i).isString() || map.at(i).isStatus()) {
            if (map.at(i).bytes() == key)
                return map.at(i + 1);
        }
    }
    return Reply::nil();
}

Reply refusal(const QString& what)
{
    return Reply::error(FunctionLibraryModel::tr("This connection is read-only: %1 is refused.").arg(what).toUtf8(),
        Reply::ErrorKind::ReadOnly);
}
} // namespace

FunctionLibraryModel::FunctionLibraryModel(Session* session, QObject* parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
}

bool FunctionLibraryModel::parse(const Reply& reply, QList<FunctionLibrary>* libraries)
{
    libraries->clear();
    if (!reply.isArray())
        return false;
    for (const Reply& entry : reply.elements()) {
        if (!entry.isArray())
            return false;
        FunctionLibrary library;
        library.name = field(entry, "library_name").bytes();
        library.engine = field(entry, "engine").bytes();
        library.code = field(entry, "library_code").bytes();
        for (const Reply& function : field(entry, "functions").elements()) {
            FunctionInfo info;
            info.name = field(function, "name").bytes();
            info.description = field(function, "description").bytes();
            for (const Reply& flag : field(function, "flags").elements())
                info.flags.append(flag.bytes());
            library.functions.append(info);
        }
        // The server keeps both in hash tables: sort so that rows do not move between refreshes.
        std::sort(library.functions.begin(), library.functions.end(),
            [](const FunctionInfo& a, const FunctionInfo& b) { return a.name < b.name; });
        libraries->append(library);
    }
    std::sort(libraries->begin(), libraries->end(),
        [](const FunctionLibrary& a, const FunctionLibrary& b) { return a.name < b.name; });
    return true;
}

QByteArray FunctionLibraryModel::libraryNameOf(const QByteArray& code)
{
    if (!code.startsWith("#!"))
        return {};
    const QByteArray firstLine = code.left(code.indexOf('\n') < 0 ? code.size() : code.indexOf('\n'));
    for (const QByteArray& part : firstLine.split(' ')) {
        if (part.startsWith("name="))
            return part.mid(5).trimmed();
    }
    return {};
}

void FunctionLibraryModel::refresh()
{
    if (!m_session)
        return;
    const JobTracker::Ticket generation = m_jobs.next();
    m_session->execute({ "FUNCTION", "LIST", "WITHCODE" }, this, [this, generation](const Reply& reply) {
        if (m_jobs.isStale(generation))
            return;
        QList<FunctionLibrary> libraries;
        if (reply.isError() || !parse(reply, &libraries)) {
            m_lastError = reply.isError() ? reply.errorMessage() : tr("FUNCTION LIST answered something unexpected.");
            emit failed(m_lastError);
            return;
        }
        m_lastError.clear();
        beginResetModel();
        m_libraries = libraries;
        endResetModel();
        emit refreshed();
    });
}

const FunctionLibrary* FunctionLibraryModel::library(const QByteArray& name) const
{
    for (const FunctionLibrary& library : m_libraries) {
        if (library.name == name)
            return &library;
    }
    return nullptr;
}

void FunctionLibraryModel::load(const QByteArray& code, bool replace, std::function<void(const Reply&)> done)
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        done(refusal(QStringLiteral("FUNCTION LOAD")));
        return;
    }
    Command argv { "FUNCTION", "LOAD" };
    if (replace)
        argv.append("REPLACE");
    argv.append(code);
    m_session->execute(argv, this, [this, done = std::move(done)](const Reply& reply) {
        done(reply);
        refresh();
    });
}

void FunctionLibraryModel::remove(const QByteArray& library, std::function<void(const Reply&)> done)
{
    if (!m_session)
        return;
    if (m_session->isReadOnly()) {
        done(refusal(QStringLiteral("FUNCTION DELETE")));
        return;
    }
    m_session->execute({ "FUNCTION", "DELETE", library }, this, [this, done = std::move(done)](const Reply& reply) {
        done(reply);
        refresh();
    });
}

QByteArray FunctionLibraryModel::libraryAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    const int row = index.internalId() == libraryRow ? index.row() : int(index.internalId());
    return m_libraries.value(row).name;
}

QByteArray FunctionLibraryModel::functionAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == libraryRow)
        return {};
    return m_libraries.value(int(index.internalId())).functions.value(index.row()).name;
}

QModelIndex FunctionLibraryModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_libraries.size() ? createIndex(row, column, libraryRow) : QModelIndex();
    if (parent.internalId() != libraryRow || parent.row() >= m_libraries.size())
        return {};
    if (row >= m_libraries.at(parent.row()).functions.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex FunctionLibraryModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == libraryRow)
        return {};
    return createIndex(int(child.internalId()), 0, libraryRow);
}

int FunctionLibraryModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_libraries.size());
    if (parent.column() != 0 || parent.internalId() != libraryRow)
        return 0;
    return int(m_libraries.at(parent.row()).functions.size());
}

int FunctionLibraryModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant FunctionLibraryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    if (index.internalId() == libraryRow) {
        const FunctionLibrary& library = m_libraries.at(index.row());
        if (index.column() == NameColumn)
            return QString::fromUtf8(library.name);
        const QString engine = QString::fromUtf8(library.engine);
        return library.functions.size() == 1 ? tr("%1 library, 1 function").arg(engine)
                                             : tr("%1 library, %2 functions").arg(engine).arg(library.functions.size());
    }
    const FunctionInfo& function = m_libraries.at(int(index.internalId())).functions.at(index.row());
    if (index.column() == NameColumn)
        return QString::fromUtf8(function.name);
    QStringList parts;
    if (!function.flags.isEmpty()) {
        QStringList flags;
        for (const QByteArray& flag : function.flags)
            flags.append(QString::fromUtf8(flag));
        parts.append(flags.join(QStringLiteral(", ")));
    }
    if (!function.description.isEmpty())
        parts.append(QString::fromUtf8(function.description));
    return parts.join(QStringLiteral(" - "));
}

QVariant FunctionLibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Library / function") : tr("Details");
}

} // namespace vermilion::lua
