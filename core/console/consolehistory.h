#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace vermilion {

// The console's command history of one connection profile, kept in the settings file. Lines that
// carry a secret are never kept, not even in memory: AUTH, HELLO ... AUTH, ACL SETUSER, CONFIG SET of
// a password or replication user, MIGRATE ... AUTH/AUTH2 (redis-cli's rules, and a few more
// password parameters). History of other profiles is not shown.
class ConsoleHistory {
public:
    static constexpr int maxLines = 500;

    // An empty id keeps the history in memory only (the sandbox, a profile never saved).
    explicit ConsoleHistory(const QUuid& profile);

    static bool isSensitive(const QList<QByteArray>& argv);
    // Earlier versions kept one history for every profile, secrets included: removed on sight.
    static void removeLegacyHistory();

    // Adds a line the user ran (argv: the line split into arguments); secrets are not kept.
    // Returns false when the line was left out for that reason. save = false defers writing the
    // settings file to a later save() (a paste of thousands of lines writes it once).
    bool add(const QString& line, const QList<QByteArray>& argv, bool save = true);
    void save();
    const QStringList& lines() const { return m_lines; }
    // The newest line before index `before` that contains text (case-insensitive), or -1.
    int searchBackward(const QString& text, int before) const;
    void clear();

private:
    QString key() const;
    void tidy();

    QUuid m_profile;
    QStringList m_lines;
};

} // namespace vermilion
