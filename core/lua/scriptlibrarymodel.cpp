#include "scriptlibrarymodel.h"

#include "keyspace/naturalcompare.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace vermilion::lua {

namespace {
const QLatin1String suffix(".lua");
}

ScriptLibraryModel::ScriptLibraryModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ScriptLibraryModel::rescan);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ScriptLibraryModel::onFileChanged);
}

ScriptLibraryModel::~ScriptLibraryModel() = default;

QString ScriptLibraryModel::defaultFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share/vermilion");
    return QDir(base).filePath(QStringLiteral("lua"));
}

int ScriptLibraryModel::installExamples(const QString& folder)
{
    const QDir examples(QStringLiteral(":/lua"));
    if (QFileInfo::exists(folder) || !examples.exists() || !QDir().mkpath(folder))
        return 0;
    int copied = 0;
    const QStringList files = examples.entryList({ QStringLiteral("*.lua") }, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString target = QDir(folder).filePath(file);
        if (QFile::copy(examples.filePath(file), target)) {
            // Resource files are read-only; the user's copies are theirs to edit.
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            ++copied;
        }
    }
    return copied;
}

QString ScriptLibraryModel::scriptNameForFile(const QString& fileName)
{
    if (!fileName.endsWith(suffix) || fileName.startsWith(QLatin1Char('.')))
        return {};
    return fileName.left(fileName.size() - suffix.size());
}

bool ScriptLibraryModel::isValidName(const QString& name, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (name.trimmed().isEmpty())
        return fail(tr("A script needs a name."));
    if (name != name.trimmed())
        return fail(tr("A script name cannot start or end with spaces."));
    if (name.startsWith(QLatin1Char('.')))
        return fail(tr("A script name cannot start with a dot (the file would be hidden)."));
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name.contains(QChar(0)))
        return fail(tr(R"(A script name cannot contain '/', '\' or NUL: it is a file name.)"));
    if (name.endsWith(suffix))
        return fail(tr("Leave out \".lua\": the file name gets it."));
    if (name.size() > 200)
        return fail(tr("A script name is limited to 200 characters."));
    return true;
}

bool ScriptLibraryModel::setFolder(const QString& folder, QString* error)
{
    const QString path = QDir::cleanPath(QDir(folder).absolutePath());
    if (!QDir().mkpath(path)) {
        if (error)
            *error = tr("Cannot create or open the folder %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    beginResetModel();
    m_folder = path;
    m_names.clear();
    m_knownContent.clear();
    endResetModel();
    m_watcher->addPath(m_folder);
    rescan();
    emit folderChanged(m_folder);
    return true;
}

QString ScriptLibraryModel::pathOf(const QString& name) const
{
    return QDir(m_folder).filePath(name + suffix);
}

void ScriptLibraryModel::rescan()
{
    rescanFolder(true);
}

void ScriptLibraryModel::rescanFolder(bool announceRemovals)
{
    if (m_folder.isEmpty())
        return;
    QStringList found;
    const QFileInfoList entries = QDir(m_folder).entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        const QString name = scriptNameForFile(entry.fileName());
        if (!name.isEmpty())
            found.append(name);
    }
    std::sort(found.begin(), found.end(),
        [](const QString& a, const QString& b) { return naturalLess(a.toUtf8(), b.toUtf8()); });

    const QStringList before = m_names;
    // Removals first (from the bottom), then insertions in order: views keep selection and scroll.
    for (int row = int(m_names.size()) - 1; row >= 0; --row) {
        if (!found.contains(m_names.at(row))) {
            const QString gone = m_names.at(row);
            beginRemoveRows({}, row, row);
            m_names.removeAt(row);
            endRemoveRows();
            m_knownContent.remove(gone);
            if (announceRemovals)
                emit scriptRemovedOnDisk(gone);
        }
    }
    for (int row = 0; row < found.size(); ++row) {
        if (row < m_names.size() && m_names.at(row) == found.at(row))
            continue;
        beginInsertRows({}, row, row);
        m_names.insert(row, found.at(row));
        endInsertRows();
    }
    Q_ASSERT(m_names == found);
    watchFiles();
}

void ScriptLibraryModel::watchFiles()
{
    QStringList wanted;
    for (const QString& name : std::as_const(m_names))
        wanted.append(pathOf(name));
    const QStringList watched = m_watcher->files();
    QStringList add;
    for (const QString& path : std::as_const(wanted)) {
        if (!watched.contains(path))
            add.append(path);
    }
    QStringList drop;
    for (const QString& path : watched) {
        if (!wanted.contains(path))
            drop.append(path);
    }
    if (!drop.isEmpty())
        m_watcher->removePaths(drop);
    if (!add.isEmpty())
        m_watcher->addPaths(add);
}

void ScriptLibraryModel::onFileChanged(const QString& path)
{
    const QFileInfo info(path);
    const QString name = scriptNameForFile(info.fileName());
    if (name.isEmpty())
        return;
    if (!info.exists()) {
        // Replaced by an atomic save (rename over it) or deleted: the folder scan tells which.
        rescan();
        return;
    }
    // An atomic replace drops the file from the watcher: watch it again.
    if (!m_watcher->files().contains(path))
        m_watcher->addPath(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray content = file.readAll();
    const auto known = m_knownContent.constFind(name);
    if (known != m_knownContent.constEnd() && *known == content)
        return; // our own write, or no real change
    m_knownContent.insert(name, content);
    emit scriptChangedOnDisk(name);
}

bool ScriptLibraryModel::read(const QString& name, QByteArray* content, QString* error) const
{
    QFile file(pathOf(name));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    *content = file.readAll();
    m_knownContent.insert(name, *content);
    return true;
}

bool ScriptLibraryModel::write(const QString& name, const QByteArray& content, QString* error)
{
    if (!isValidName(name, error))
        return false;
    if (m_folder.isEmpty()) {
        if (error)
            *error = tr("No library folder is open.");
        return false;
    }
    QSaveFile file(pathOf(name));
    m_knownContent.insert(name, content);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    if (!m_names.contains(name))
        rescanFolder(false);
    else
        watchFiles();
    return true;
}

bool ScriptLibraryModel::create(const QString& name, const QByteArray& content, QString* error)
{
    if (!isValidName(name, error))
        return false;
    if (QFileInfo::exists(pathOf(name))) {
        if (error)
            *error = tr("A script named \"%1\" already exists.").arg(name);
        return false;
    }
    return write(name, content, error);
}

bool ScriptLibraryModel::rename(const QString& from, const QString& to, QString* error)
{
    if (!isValidName(to, error))
        return false;
    if (from == to)
        return true;
    if (QFileInfo::exists(pathOf(to))) {
        if (error)
            *error = tr("A script named \"%1\" already exists.").arg(to);
        return false;
    }
    if (!QFile::rename(pathOf(from), pathOf(to))) {
        if (error)
            *error = tr("Cannot rename \"%1\" to \"%2\".").arg(from, to);
        return false;
    }
    if (m_knownContent.contains(from))
        m_knownContent.insert(to, m_knownContent.take(from));
    rescanFolder(false);
    return true;
}

bool ScriptLibraryModel::remove(const QString& name, QString* error)
{
    QFile file(pathOf(name));
    if (!file.remove()) {
        if (error)
            *error = tr("Cannot delete %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    m_knownContent.remove(name);
    rescanFolder(false);
    return true;
}

int ScriptLibraryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant ScriptLibraryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& name = m_names.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole:
        return name;
    case Qt::ToolTipRole:
    case PathRole:
        return QDir::toNativeSeparators(pathOf(name));
    default:
        return {};
    }
}

QHash<int, QByteArray> ScriptLibraryModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(NameRole, "name");
    roles.insert(PathRole, "path");
    return roles;
}

} // namespace vermilion::lua
