#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace vermilion::test {

// A private OpenSSH server (Debian's sshd) on a free loopback port, for the user running the
// tests, with a host key and user keys made for the run: one key without a passphrase (in
// authorized_keys), one with a passphrase (also in authorized_keys), and one that is not
// authorized. Forwarding (TCP and Unix sockets) is allowed; passwords are not.
//
// Nothing of the user's own ~/.ssh is read: the files a test needs (an ssh config with a Host
// alias for this server, a known_hosts that trusts it) are written in the fixture's directory.
class SshFixture {
public:
    SshFixture();
    ~SshFixture();

    bool start(QString* error);
    // Kills sshd and every session process it forked (a server that dies mid-session).
    void kill();
    // Stops (SIGSTOP) or resumes every sshd process: a server that goes silent without closing
    // anything, as behind a dead network path.
    void freeze(bool frozen);
    // Starts it again on the same port with the same host key.
    bool restart(QString* error);
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString directory() const { return m_dir.path(); }
    QString user() const { return m_user; }
    QString key() const { return m_dir.filePath(QStringLiteral("id_plain")); }
    QString encryptedKey() const { return m_dir.filePath(QStringLiteral("id_secret")); }
    QString unauthorizedKey() const { return m_dir.filePath(QStringLiteral("id_stranger")); }
    static QString passphrase() { return QStringLiteral("correct horse battery"); }
    // "SHA256:..." of the host key, as ssh-keygen -l prints it.
    QString hostKeyFingerprint() const { return m_fingerprint; }
    // A known_hosts line that trusts this server ("[127.0.0.1]:port ssh-ed25519 AAAA...").
    QByteArray knownHostsLine() const;
    // The lines sshd wrote to its log so far.
    QByteArray log() const;

    // A local account that logs in with a password only (made with useradd, removed with the
    // fixture): only root can make one, so elsewhere it is empty with *error saying why.
    QString createPasswordUser(const QString& password, QString* error);

    // ssh-agent holding key(); its socket, or empty with *error.
    QString startAgent(QString* error);

private:
    bool launch(QString* error);
    bool run(const QString& program, const QStringList& arguments, QString* error, const QByteArray& input = {},
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_user;
    QString m_fingerprint;
    QByteArray m_hostPublicKey;
    std::unique_ptr<QProcess> m_sshd;
    std::unique_ptr<QProcess> m_agent;
    QString m_createdUser;
};

// Where Debian installs a program that may not be on the PATH of a normal user (/usr/sbin/sshd).
QString findProgram(const QString& name);

} // namespace vermilion::test
