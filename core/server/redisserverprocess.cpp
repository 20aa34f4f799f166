#include "redisserverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>
#include <sys/prctl.h>

namespace vermilion {

namespace {
constexpr int maxLogLines = 40;
constexpr int gracefulStopMs = 3000;
} // namespace

RedisServerProcess::RedisServerProcess(QObject* parent)
    : RedisServerProcess(Options {}, parent)
{
}

RedisServerProcess::RedisServerProcess(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_port(options.port)
{
}

RedisServerProcess::~RedisServerProcess()
{
    stop();
}

bool RedisServerProcess::isAvailable(const QString& executable)
{
    return !QStandardPaths::findExecutable(executable).isEmpty();
}

quint16 RedisServerProcess::findFreePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString RedisServerProcess::directory() const
{
    return m_directory ? m_directory->path() : QString();
}

QString RedisServerProcess::socketPath() const
{
    return m_options.unixSocket && m_directory ? m_directory->filePath(QStringLiteral("redis.sock")) : QString();
}

bool RedisServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}
qint64 RedisServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QStringList RedisServerProcess::arguments() const
{
    QStringList args;
    if (!m_options.configFile.isEmpty())
        args << m_options.configFile;
    if (m_options.sentinel) {
        args << QStringLiteral("--sentinel") << QStringLiteral("--bind") << QStringLiteral("127.0.0.1")
             << QStringLiteral("--daemonize") << QStringLiteral("no") << QStringLiteral("--logfile") << QString()
             << QStringLiteral("--dir") << m_directory->path() << QStringLiteral("--port") << QString::number(m_port);
        args += m_options.extraArguments;
        return args;
    }
    args += QStringList {
        QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1"),
        QStringLiteral("--save"),
        QString(),
        QStringLiteral("--appendonly"),
        QStringLiteral("no"),
        QStringLiteral("--daemonize"),
        QStringLiteral("no"),
        QStringLiteral("--logfile"),
        QString(),
        QStringLiteral("--dir"),
        m_directory->path(),
        QStringLiteral("--dbfilename"),
        QStringLiteral("sandbox.rdb"),
    };
    if (m_options.tlsCertificateFile.isEmpty()) {
        args << QStringLiteral("--port") << QString::number(m_port);
    } else {
        args << QStringLiteral("--port") << QStringLiteral("0") << QStringLiteral("--tls-port")
             << QString::number(m_port) << QStringLiteral("--tls-cert-file") << m_options.tlsCertificateFile
             << QStringLiteral("--tls-key-file") << m_options.tlsKeyFile;
        if (!m_options.tlsCaFile.isEmpty())
            args << QStringLiteral("--tls-ca-cert-file") << m_options.tlsCaFile;
        args << QStringLiteral("--tls-auth-clients") << QStringLiteral("optional");
    }
    if (m_options.unixSocket)
        args << QStringLiteral("--unixsocket") << socketPath() << QStringLiteral("--unixsocketperm")
             << QStringLiteral("700");
    args += m_options.extraArguments;
    return args;
}

void RedisServerProcess::start()
{
    if (isRunning())
        return;
    if (!m_directory) {
        m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/vermilion-redis-XXXXXX"));
        if (!m_directory->isValid()) {
            emit failed(tr("Cannot create a temporary directory for redis-server: %1").arg(m_directory->errorString()));
            return;
        }
    }
    const QString executable = QStandardPaths::findExecutable(m_options.executable);
    if (executable.isEmpty()) {
        emit failed(tr("%1 was not found in PATH. Install Redis (on Debian: apt-get install redis-server).")
                        .arg(m_options.executable));
        return;
    }
    if (m_port == 0)
        m_port = findFreePort();
    if (m_port == 0) {
        emit failed(tr("No free TCP port on 127.0.0.1 for redis-server."));
        return;
    }
    m_ready = false;
    m_log.clear();
    m_partialLine.clear();
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_directory->path());
    m_process->setChildProcessModifier([] {
        // Runs in the child between fork and exec: die with the parent, never linger as an orphan.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(m_process, &QProcess::readyRead, this, &RedisServerProcess::onOutput);
    connect(m_process, &QProcess::finished, this, &RedisServerProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("redis-server could not be started: %1").arg(m_process->errorString()));
    });
    m_process->start(executable, arguments());
}

void RedisServerProcess::onOutput()
{
    m_partialLine += m_process->readAll();
    qsizetype newline = 0;
    while ((newline = m_partialLine.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partialLine.left(newline)).trimmed();
        m_partialLine.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        m_log.append(line);
        if (m_log.size() > maxLogLines)
            m_log.removeFirst();
        // A sentinel says no "Ready": it is ready once it monitors its master.
        if (!m_ready
            && line.contains(m_options.sentinel ? QLatin1String("+monitor master") : QLatin1String("Ready to accept connections"))) {
            m_ready = true;
            emit ready();
        }
    }
}

void RedisServerProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    onOutput();
    if (!m_ready) {
        // The last log lines carry redis-server's own reason ("Address already in use", a bad option...).
        QStringList reasons;
        for (const QString& line : std::as_const(m_log)) {
            if (line.contains(QLatin1Char('#')) || line.contains(QLatin1String("FATAL"))
                || line.contains(QLatin1String("Bad directive")) || line.contains(QLatin1String("Failed")))
                reasons.append(line);
        }
        emit failed(tr("redis-server exited before it was ready (%1 %2). %3")
                        .arg(status == QProcess::CrashExit ? tr("crashed, signal") : tr("exit code"))
                        .arg(exitCode)
                        .arg(reasons.isEmpty() ? m_log.join(QLatin1Char(' ')) : reasons.join(QLatin1Char(' '))));
    }
    m_ready = false;
    emit exited();
}

bool RedisServerProcess::startAndWait(int timeoutMs, QString* error)
{
    QEventLoop loop;
    QString failure;
    bool ok = false;
    auto readyConnection = connect(this, &RedisServerProcess::ready, &loop, [&] {
        ok = true;
        loop.quit();
    });
    auto failedConnection = connect(this, &RedisServerProcess::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        failure = tr("redis-server did not become ready within %1 ms.").arg(timeoutMs);
        loop.quit();
    });
    start();
    if (!ok && failure.isEmpty())
        loop.exec();
    disconnect(readyConnection);
    disconnect(failedConnection);
    if (!ok && error)
        *error = failure;
    return ok;
}

void RedisServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        resume(); // a stopped process cannot act on SIGTERM
        m_process->terminate();
        if (!m_process->waitForFinished(gracefulStopMs)) {
            m_process->kill();
            m_process->waitForFinished(gracefulStopMs);
        }
    }
}

void RedisServerProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(gracefulStopMs);
}

void RedisServerProcess::pause()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGSTOP);
}

void RedisServerProcess::resume()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGCONT);
}

} // namespace vermilion
