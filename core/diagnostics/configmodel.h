#pragma once

#include "util/jobtracker.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace vermilion {

class Session;

// Every CONFIG parameter of one server (one node of a cluster), with its value, as CONFIG GET *
// answers. Values are edited in place: CONFIG SET validates them on the server, whose error stays on
// the row until the next edit; the value shown after a change is the server's own form of it (read
// back). What was changed in this window is kept (first value, current value) for a diff, and
// CONFIG REWRITE is offered where the server has a configuration file. Parameters that are risky to
// change on a live server carry a warning. A read-only profile shows everything and changes
// nothing.
class ConfigModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Value, Note, ColumnCount };
    enum { ErrorRole = Qt::UserRole + 1, DangerRole, ChangedRole };

    struct Change {
        QString name;
        QString before; // the value when this window first read it
        QString after;
    };

    // Why changing this parameter on a live server is risky ("" when it is not).
    static QString dangerOf(const QString& name);

    explicit ConfigModel(Session* session, QObject* parent = nullptr);

    // node: on a cluster, which node ("" = the session's default).
    void setNode(const QString& node);
    QString node() const { return m_node; }
    void reload();
    // CONFIG SET name value; changeFinished() follows (with the server's error if any).
    bool setValue(const QString& name, const QString& value);
    // The changes made through this model (per node), in the order made.
    QList<Change> changes() const;
    // CONFIG REWRITE, once the caller confirmed it; rewriteFinished() follows. Refused here, with
    // the reason, on a read-only profile or where the server has no configuration file.
    void rewrite();
    // The server's configuration file (INFO server config_file), "" when it runs without one.
    QString configFile() const { return m_configFile; }
    bool isLoaded() const { return m_loaded; }
    QString errorString() const { return m_error; }
    int rowOf(const QString& name) const;
    QString valueOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void errorOccurred(const QString& message);
    void changeFinished(const QString& name, const QString& error);
    void rewriteFinished(const QString& error);

private:
    struct Parameter {
        QString name;
        QString value;
        QString error; // the server's answer to the last failed CONFIG SET
    };
    void readBack(const QString& name);

    QPointer<Session> m_session;
    QString m_node;
    QList<Parameter> m_parameters;
    QHash<QString, int> m_rows;
    // Per node: first value seen before a change, and the order of changes.
    QHash<QString, QHash<QString, QString>> m_firstValues;
    QHash<QString, QStringList> m_changeOrder;
    QString m_configFile;
    bool m_loaded = false;
    QString m_error;
    JobTracker m_jobs;
};

} // namespace vermilion
