#pragma once

#include <QHash>
#include <QObject>
#include <QUuid>
#include <functional>

namespace vermilion {

// Passwords of saved connections. They go to the system keychain (QtKeychain: Secret Service,
// KWallet, macOS Keychain, Windows Credential Store) and never to the settings file. Where no
// keychain service answers, a password is kept in memory for this run only, and callers are told
// so they can say it to the user.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keychain, MemoryOnly };
    // The secrets a profile can have, each its own keychain entry.
    enum class Secret { Password, SentinelPassword, SshPassword, SshPassphrase };

    explicit SecretStore(Backend backend = Backend::Keychain, QObject* parent = nullptr);

    // persisted is false when the password lives only in memory; message explains why.
    using WriteCallback = std::function<void(bool persisted, const QString& message)>;
    using ReadCallback = std::function<void(const QString& password, bool found)>;

    void writePassword(const QUuid& profile, const QString& password, WriteCallback done,
                       Secret secret = Secret::Password);
    void readPassword(const QUuid& profile, ReadCallback done, Secret secret = Secret::Password);
    // Removes every secret of the profile.
    void removePassword(const QUuid& profile);
    // Asks the keychain for an entry that does not exist, to learn early whether a service answers;
    // done(usable) follows.
    void probe(std::function<void(bool usable)> done);

    // False once a keychain call failed for want of a service: then memory is used directly.
    bool keychainUsable() const { return m_backend == Backend::Keychain && m_keychainUsable; }
    QString keychainProblem() const { return m_keychainProblem; }

private:
    static QString keyFor(const QUuid& profile, Secret secret);
    void removeSecret(const QUuid& profile, Secret secret);

    Backend m_backend;
    bool m_keychainUsable = true;
    QString m_keychainProblem;
    QHash<QString, QString> m_memory; // by keyFor()
};

} // namespace vermilion
