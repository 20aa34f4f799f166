#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>

class QFileSystemWatcher;

namespace vermilion::lua {

// A folder of Lua scripts as Zato keeps them: every regular file whose name ends in ".lua" is a
// script named after the file without that suffix ("mylib.check_if_exists.lua" is
// "mylib.check_if_exists"); other files, hidden files and folders are ignored. Changes made on disk
// by other programs are picked up through a QFileSystemWatcher: rows follow the folder, and
// scriptChangedOnDisk() tells an editor that its file changed under it. Pure data, no widgets.
class ScriptLibraryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { NameRole = Qt::UserRole + 1, PathRole };

    explicit ScriptLibraryModel(QObject* parent = nullptr);
    ~ScriptLibraryModel() override;

    // <app data>/lua, created when first used.
    static QString defaultFolder();
    // Copies the example scripts bundled with the app (resource folder :/lua) into a folder that
    // does not exist yet, so that a new user's library is not empty. Returns how many were copied;
    // an existing folder is never touched.
    static int installExamples(const QString& folder);
    // The script name of a file name, or an empty string when the file is not a script.
    static QString scriptNameForFile(const QString& fileName);
    // Whether a name can be a script's (non-empty, no path separators, not hidden...); *error says why not.
    static bool isValidName(const QString& name, QString* error = nullptr);

    bool setFolder(const QString& folder, QString* error = nullptr);
    QString folder() const { return m_folder; }
    QStringList names() const { return m_names; }
    bool contains(const QString& name) const { return m_names.contains(name); }
    int rowOf(const QString& name) const { return int(m_names.indexOf(name)); }
    QString pathOf(const QString& name) const;

    // File operations; each returns false with a translated message in *error.
    bool read(const QString& name, QByteArray* content, QString* error = nullptr) const;
    // Writes atomically; creates the script when it does not exist.
    bool write(const QString& name, const QByteArray& content, QString* error = nullptr);
    // Fails when the name is taken: nothing is overwritten silently.
    bool create(const QString& name, const QByteArray& content, QString* error = nullptr);
    bool rename(const QString& from, const QString& to, QString* error = nullptr);
    bool remove(const QString& name, QString* error = nullptr);
    // Re-reads the folder now (the watcher does it by itself).
    void rescan();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // The file of a script was changed by another program (not by write()).
    void scriptChangedOnDisk(const QString& name);
    void scriptRemovedOnDisk(const QString& name);
    void folderChanged(const QString& folder);

private:
    void rescanFolder(bool announceRemovals);
    void onFileChanged(const QString& path);
    void watchFiles();

    QString m_folder;
    QStringList m_names; // naturally sorted
    QFileSystemWatcher* m_watcher;
    // What this model last wrote or read, per name, to tell our own writes from other programs'.
    mutable QHash<QString, QByteArray> m_knownContent;
};

} // namespace vermilion::lua
