#pragma once

#include "client/reply.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <functional>
#include "util/jobtracker.h"

namespace vermilion {
class Session;
}

namespace vermilion::lua {

struct FunctionInfo {
    QByteArray name;
    QByteArray description;
    QList<QByteArray> flags; // "no-writes", "allow-oom"...
};

struct FunctionLibrary {
    QByteArray name;
    QByteArray engine;
    QByteArray code;
    QList<FunctionInfo> functions;
};

// The server's Redis 7 function libraries (FUNCTION LIST WITHCODE) as a tree: libraries, and their
// functions beneath. FUNCTION LOAD [REPLACE] and FUNCTION DELETE change the server and are refused
// for a read-only profile.
class FunctionLibraryModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, ColumnCount };

    explicit FunctionLibraryModel(Session* session, QObject* parent = nullptr);

    // Parses a FUNCTION LIST reply (RESP2 flat maps); false when it has another shape.
    static bool parse(const Reply& reply, QList<FunctionLibrary>* libraries);
    // The library name of a "#!lua name=<name>" first line, empty if none.
    static QByteArray libraryNameOf(const QByteArray& code);

    void refresh();
    const QList<FunctionLibrary>& libraries() const { return m_libraries; }
    const FunctionLibrary* library(const QByteArray& name) const;
    // Callbacks get the server's reply (an error reply when refused or failed).
    void load(const QByteArray& code, bool replace, std::function<void(const Reply&)> done);
    void remove(const QByteArray& library, std::function<void(const Reply&)> done);

    // For a row: the library's name and, for a function row, the function's.
    QByteArray libraryAt(const QModelIndex& index) const;
    QByteArray functionAt(const QModelIndex& index) const;
    QString lastError() const { return m_lastError; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void failed(const QString& message);

private:
    static constexpr quintptr libraryRow = ~quintptr(0);
    QPointer<Session> m_session;
    QList<FunctionLibrary> m_libraries;
    JobTracker m_jobs;
    QString m_lastError;
};

} // namespace vermilion::lua
