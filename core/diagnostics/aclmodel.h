#pragma once

#include "client/reply.h"
#include "util/jobtracker.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <memory>

namespace vermilion {

class Session;

// ACL users as ACL GETUSER describes them, structured: flags, how many passwords (never the hashes
// as text), command rules, key patterns with their read/write permissions, channels and Redis 7
// selectors. Also composes ACL SETUSER from an edit, asks ACL DRYRUN, and reads ACL LOG. Changes
// are refused on a read-only profile; passwords typed into an edit go to the server in the
// command and are kept nowhere.
class AclUsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Enabled, Passwords, Commands, Keys, Channels, Selectors, ColumnCount };

    struct KeyPattern {
        QString pattern; // "app:*"
        bool read = true;
        bool write = true;
        // "~app:*", "%R~cache:*", "%W~log:*"
        QString rule() const;
        static KeyPattern parse(const QString& rule);
        bool operator==(const KeyPattern&) const = default;
    };
    struct Selector {
        QString commands;
        QList<KeyPattern> keys;
        QStringList channels;
        bool operator==(const Selector&) const = default;
    };
    struct User {
        QString name;
        QStringList flags; // on/off, nopass, skip-sanitize-payload, ...
        int passwordCount = 0;
        QString commands; // "-@all +@read -keys"
        QList<KeyPattern> keys;
        QStringList channels; // "news", "*"
        QList<Selector> selectors;
        bool enabled() const { return flags.contains(QStringLiteral("on")); }
        bool noPassword() const { return flags.contains(QStringLiteral("nopass")); }
    };
    // What the editor changes; passwords are used once, in the command, and dropped.
    struct Edit {
        QString name;
        bool enabled = true;
        QStringList addPasswords;
        bool removePasswords = false; // resetpass before the new ones
        bool noPassword = false;
        QString commands; // rules as ACL takes them: "+@read -keys"
        QList<KeyPattern> keys;
        QStringList channels;
        QList<Selector> selectors;
    };

    // GETUSER's reply (RESP2 flat list or map) as a User.
    static User parseUser(const QString& name, const Reply& reply);
    // The ACL SETUSER command that makes the user exactly as the edit says (apart from passwords
    // it does not touch).
    static Command setUserCommand(const Edit& edit);
    // An edit that leaves the user as it is.
    static Edit editOf(const User& user);

    explicit AclUsersModel(Session* session, QObject* parent = nullptr);
    // On a cluster every node has its own users: which one ("" = the session's default).
    void setNode(const QString& node);

    void reload();
    const QList<User>& users() const { return m_users; }
    int rowOf(const QString& name) const;
    QString errorString() const { return m_error; }

    // ACL SETUSER (or DELUSER): finished() follows with the server's error, if any. Refused here
    // on a read-only profile.
    void apply(const Edit& edit);
    void remove(const QString& name);
    // ACL DRYRUN user command...: dryRunFinished() with the server's answer.
    void dryRun(const QString& user, const QList<QByteArray>& command);
    // ACL SAVE / ACL LOAD, only where an ACL file is configured (aclFile()).
    void save();
    void load();
    QString aclFile() const { return m_aclFile; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void errorOccurred(const QString& message);
    void finished(const QString& what, const QString& error);
    void dryRunFinished(const QString& answer, bool allowed);

private:
    bool refuseReadOnly(const QString& what);
    QPointer<Session> m_session;
    QString m_node;
    QList<User> m_users;
    QString m_aclFile;
    QString m_error;
    JobTracker m_jobs;
};

// ACL LOG: denied commands and failed logins, newest first, with reset.
class AclLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Age, Reason, Username, Object, Context, Count, Client, ColumnCount };
    struct Entry {
        qint64 count = 0;
        QString reason; // auth, command, key, channel
        QString context; // toplevel, multi, lua
        QString object; // the command, key or channel
        QString username;
        double ageSeconds = 0;
        QString clientInfo;
    };
    explicit AclLogModel(Session* session, QObject* parent = nullptr);
    void setNode(const QString& node);
    void reload(int count = 128);
    // ACL LOG RESET (confirmed by the caller); refused on a read-only profile.
    void reset();
    const QList<Entry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void errorOccurred(const QString& message);

private:
    QPointer<Session> m_session;
    QString m_node;
    QList<Entry> m_entries;
    JobTracker m_jobs;
};

} // namespace vermilion
