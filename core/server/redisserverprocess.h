#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <memory>

class QTemporaryDir;

namespace vermilion {

// A private redis-server from PATH: loopback only, no persistence, a temporary directory, and a
// free port chosen at start. Used by the sandbox and by the test fixtures and benchmarks. The child
// is told to die with the process that started it (PR_SET_PDEATHSIG), so even a killed app leaves no
// orphan server behind.
class RedisServerProcess : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString executable = QStringLiteral("redis-server");
        quint16 port = 0; // 0 = pick a free one
        bool unixSocket = false; // also listen on a socket in the temporary directory
        // TLS: when certificateFile is set the server listens with TLS on port() and plain TCP is off.
        QString tlsCertificateFile;
        QString tlsKeyFile;
        QString tlsCaFile;
        QStringList extraArguments; // e.g. {"--requirepass", "secret"}
        // A configuration file given before every other argument (Sentinel needs one it can rewrite).
        QString configFile;
        // Sentinel mode (redis-server --sentinel, the program Debian's redis-sentinel runs).
        bool sentinel = false;
    };

    explicit RedisServerProcess(QObject* parent = nullptr);
    RedisServerProcess(const Options& options, QObject* parent);
    ~RedisServerProcess() override;

    // Starts without waiting; ready() or failed() follows.
    void start();
    // Starts and waits (tests, benchmarks, never the UI thread). Returns false with *error filled.
    bool startAndWait(int timeoutMs = 10000, QString* error = nullptr);
    // Stops gracefully (SIGTERM, then SIGKILL after a grace period) and waits for the exit.
    void stop();
    // Kills at once (fault tests); restart with startAndWait() on the same port.
    void kill();
    void pause(); // SIGSTOP
    void resume(); // SIGCONT

    bool isRunning() const;
    qint64 pid() const;
    quint16 port() const { return m_port; }
    QString socketPath() const;
    QString directory() const;
    QString lastLog() const { return m_log.join(QLatin1Char('\n')); }

    static bool isAvailable(const QString& executable = QStringLiteral("redis-server"));
    static quint16 findFreePort();

signals:
    void ready();
    void failed(const QString& message);
    void exited();

private:
    void onOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    QStringList arguments() const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_directory;
    QProcess* m_process = nullptr;
    quint16 m_port = 0;
    bool m_ready = false;
    QStringList m_log;
    QByteArray m_partialLine;
};

} // namespace vermilion
