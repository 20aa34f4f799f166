#include "sshfixture.h"

#include "redisfixture.h"
#include "server/redisserverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpSocket>

#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vermilion::test {

namespace {

// Every process below pid (sshd forks a monitor per connection, which forks the session).
QList<qint64> descendants(qint64 pid)
{
    QMap<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        bool ok = false;
        const qint64 child = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(child);
    }
    QList<qint64> out;
    QList<qint64> queue { pid };
    while (!queue.isEmpty()) {
        const qint64 next = queue.takeFirst();
        for (qint64 child : children.value(next)) {
            out.append(child);
            queue.append(child);
        }
    }
    return out;
}

} // namespace

QString findProgram(const QString& name)
{
    const QString found = QStandardPaths::findExecutable(name);
    if (!found.isEmpty())
        return found;
    return QStandardPaths::findExecutable(name, { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin") });
}

SshFixture::SshFixture()
{
    if (const passwd* entry = getpwuid(getuid()))
        m_user = QString::fromLocal8Bit(entry->pw_name);
}

SshFixture::~SshFixture()
{
    kill();
    if (m_agent) {
        m_agent->kill();
        m_agent->waitForFinished(5000);
    }
    if (!m_createdUser.isEmpty()) {
        QString ignored;
        run(QStringLiteral("userdel"), { m_createdUser }, &ignored);
    }
}

QString SshFixture::createPasswordUser(const QString& password, QString* error)
{
    if (geteuid() != 0) {
        *error = QStringLiteral("making a local account for the password login needs root");
        return {};
    }
    const QString name = QStringLiteral("vermilion-sshpw");
    if (!getpwnam(name.toLocal8Bit().constData())
        && !run(QStringLiteral("useradd"),
            { QStringLiteral("-M"), QStringLiteral("-N"), QStringLiteral("-d"), QStringLiteral("/nonexistent"),
                QStringLiteral("-s"), QStringLiteral("/bin/sh"), name },
            error))
        return {};
    m_createdUser = name;
    if (!run(QStringLiteral("chpasswd"), {}, error, (name + QLatin1Char(':') + password + QLatin1Char('\n')).toUtf8()))
        return {};
    return name;
}

bool SshFixture::run(const QString& program, const QStringList& arguments, QString* error, const QByteArray& input,
    const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(environment);
    const QString path = findProgram(program);
    if (path.isEmpty()) {
        *error = QStringLiteral("%1 is not installed (Debian: openssh-server, openssh-client)").arg(program);
        return false;
    }
    process.start(path, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3")
                     .arg(program, arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool SshFixture::start(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString dir = m_dir.path();
    const auto keygen = [&](const QString& name, const QString& passphrase) {
        return run(QStringLiteral("ssh-keygen"),
            { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), passphrase,
                QStringLiteral("-C"), name, QStringLiteral("-f"), dir + QLatin1Char('/') + name },
            error);
    };
    if (!keygen(QStringLiteral("host_ed25519"), QString()) || !keygen(QStringLiteral("id_plain"), QString())
        || !keygen(QStringLiteral("id_secret"), passphrase()) || !keygen(QStringLiteral("id_stranger"), QString()))
        return false;
    const auto readFile = [](const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QFile authorized(dir + QLatin1String("/authorized_keys"));
    if (!authorized.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write authorized_keys");
        return false;
    }
    authorized.write(readFile(dir + QLatin1String("/id_plain.pub")) + readFile(dir + QLatin1String("/id_secret.pub")));
    authorized.close();
    const QList<QByteArray> hostFields = readFile(dir + QLatin1String("/host_ed25519.pub")).trimmed().split(' ');
    m_hostPublicKey = hostFields.value(0) + ' ' + hostFields.value(1);

    QProcess keygenList;
    keygenList.start(findProgram(QStringLiteral("ssh-keygen")),
        { QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
            dir + QLatin1String("/host_ed25519.pub") });
    keygenList.waitForFinished(10000);
    m_fingerprint = QString::fromLatin1(keygenList.readAllStandardOutput().split(' ').value(1));

    m_port = RedisServerProcess::findFreePort();
    QByteArray config;
    config += "Port " + QByteArray::number(m_port) + "\n";
    config += "ListenAddress 127.0.0.1\n";
    config += "HostKey " + QFile::encodeName(dir) + "/host_ed25519\n";
    config += "PidFile " + QFile::encodeName(dir) + "/sshd.pid\n";
    config += "AuthorizedKeysFile " + QFile::encodeName(dir) + "/authorized_keys\n";
    config += "StrictModes no\nUsePAM no\nPasswordAuthentication yes\nKbdInteractiveAuthentication no\n";
    config += "PubkeyAuthentication yes\nPermitRootLogin yes\nAllowTcpForwarding yes\n";
    config += "AllowStreamLocalForwarding yes\nAllowAgentForwarding no\nX11Forwarding no\n";
    config += "MaxSessions 200\nMaxStartups 100\nLogLevel VERBOSE\n";
    QFile configFile(dir + QLatin1String("/sshd_config"));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config) != config.size()) {
        *error = QStringLiteral("cannot write sshd_config");
        return false;
    }
    configFile.close();
    // sshd started as root drops privileges into this directory (systemd makes it at boot).
    if (geteuid() == 0 && !QFileInfo::exists(QStringLiteral("/run/sshd"))) {
        ::mkdir("/run/sshd", 0755);
    }
    return launch(error);
}

bool SshFixture::launch(QString* error)
{
    const QString sshd = findProgram(QStringLiteral("sshd"));
    if (sshd.isEmpty()) {
        *error = QStringLiteral("sshd is not installed (Debian: openssh-server)");
        return false;
    }
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setProcessChannelMode(QProcess::MergedChannels);
    m_sshd->setStandardOutputFile(m_dir.filePath(QStringLiteral("sshd.log")), QIODevice::Append);
    m_sshd->start(sshd, { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), m_dir.filePath(QStringLiteral("sshd_config")) });
    if (!m_sshd->waitForStarted(10000)) {
        *error = QStringLiteral("sshd did not start: %1").arg(m_sshd->errorString());
        return false;
    }
    // Ready when its port answers with an SSH banner.
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_sshd->state() != QProcess::Running)
            break;
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (probe.waitForConnected(200) && probe.waitForReadyRead(2000) && probe.readAll().startsWith("SSH-"))
            return true;
        runEventLoop(50);
    }
    *error = QStringLiteral("sshd did not answer on port %1: %2").arg(m_port).arg(QString::fromLocal8Bit(log()));
    return false;
}

void SshFixture::kill()
{
    if (!m_sshd)
        return;
    const qint64 pid = m_sshd->processId();
    if (pid > 0) {
        // Sessions first, then the listener: nothing of the server is left.
        const QList<qint64> children = descendants(pid);
        ::kill(pid_t(pid), SIGKILL);
        for (qint64 child : children)
            ::kill(pid_t(child), SIGKILL);
    }
    m_sshd->waitForFinished(5000);
    m_sshd.reset();
}

void SshFixture::freeze(bool frozen)
{
    if (!m_sshd || m_sshd->processId() <= 0)
        return;
    const qint64 pid = m_sshd->processId();
    QList<qint64> all = descendants(pid);
    all.prepend(pid);
    for (qint64 process : all)
        ::kill(pid_t(process), frozen ? SIGSTOP : SIGCONT);
}

bool SshFixture::restart(QString* error)
{
    kill();
    return launch(error);
}

bool SshFixture::isRunning() const
{
    return m_sshd && m_sshd->state() == QProcess::Running;
}

QByteArray SshFixture::knownHostsLine() const
{
    return "[127.0.0.1]:" + QByteArray::number(m_port) + ' ' + m_hostPublicKey + '\n';
}

QByteArray SshFixture::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("sshd.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString SshFixture::startAgent(QString* error)
{
    const QString socket = m_dir.filePath(QStringLiteral("agent.sock"));
    const QString agent = findProgram(QStringLiteral("ssh-agent"));
    if (agent.isEmpty()) {
        *error = QStringLiteral("ssh-agent is not installed (Debian: openssh-client)");
        return {};
    }
    m_agent = std::make_unique<QProcess>();
    m_agent->setProcessChannelMode(QProcess::MergedChannels);
    m_agent->start(agent, { QStringLiteral("-D"), QStringLiteral("-a"), socket });
    if (!m_agent->waitForStarted(10000)) {
        *error = QStringLiteral("ssh-agent did not start: %1").arg(m_agent->errorString());
        return {};
    }
    QDeadlineTimer deadline(10000);
    while (!QFileInfo::exists(socket) && !deadline.hasExpired() && m_agent->state() == QProcess::Running)
        runEventLoop(20);
    if (!QFileInfo::exists(socket)) {
        *error = QStringLiteral("ssh-agent made no socket: %1").arg(QString::fromLocal8Bit(m_agent->readAll()));
        return {};
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
    if (!run(QStringLiteral("ssh-add"), { key() }, error, {}, environment))
        return {};
    return socket;
}

} // namespace vermilion::test
