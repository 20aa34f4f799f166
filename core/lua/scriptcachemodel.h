#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <functional>
#include "util/jobtracker.h"

namespace vermilion {
class Session;
}

namespace vermilion::lua {

class ScriptLibraryModel;

// The library's scripts with their SHA-1 (of the file as it is, the way Zato loads them) and
// whether the server's script cache holds each (SCRIPT EXISTS). Load all (SCRIPT LOAD) and flush
// (SCRIPT FLUSH) change the server and are refused for a read-only profile.
class ScriptCacheModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ShaColumn, CachedColumn, ColumnCount };
    enum class Cached { Unknown, Yes, No };

    ScriptCacheModel(Session* session, ScriptLibraryModel* library, QObject* parent = nullptr);

    // Re-reads the library's files and asks the server about their SHA-1s.
    void refresh();
    // Each callback gets an empty string on success, or what went wrong.
    void loadAll(std::function<void(const QString& error)> done);
    void flush(std::function<void(const QString& error)> done);

    QString nameAt(int row) const { return m_rows.value(row).name; }
    QByteArray shaAt(int row) const { return m_rows.value(row).sha1; }
    Cached cachedAt(int row) const { return m_rows.value(row).cached; }
    int rowOf(const QString& name) const;
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void failed(const QString& message);

private:
    struct Row {
        QString name;
        QByteArray sha1;
        QByteArray script;
        Cached cached = Cached::Unknown;
        bool usesNamedVariables = false;
    };
    void askServer();

    QPointer<Session> m_session;
    ScriptLibraryModel* m_library;
    QList<Row> m_rows;
    JobTracker m_jobs;
    QString m_lastError;
};

} // namespace vermilion::lua
