#include "redisfixture.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProcess>
#include <QThread>
#include <QTimer>

namespace vermilion::test {

namespace {
bool runOpenssl(const QString& directory, const QStringList& arguments, QString* error)
{
    QProcess openssl;
    openssl.setWorkingDirectory(directory);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(openssl.readAll()));
        return false;
    }
    return true;
}

template<typename T> bool waitFinished(const QFuture<T>& future, int timeoutMs)
{
    if (future.isFinished())
        return true;
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}
} // namespace

TlsMaterial generateTlsMaterial(const QString& directory)
{
    TlsMaterial tls;
    tls.directory = directory;
    QDir dir(directory);
    tls.caCertificate = dir.filePath(QStringLiteral("ca.crt"));
    tls.serverCertificate = dir.filePath(QStringLiteral("server.crt"));
    tls.serverKey = dir.filePath(QStringLiteral("server.key"));
    QFile extensions(dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)) {
        tls.error = QStringLiteral("cannot write %1").arg(extensions.fileName());
        return tls;
    }
    extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    const QList<QStringList> steps {
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
            QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=Vermilion Test CA") },
        { QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
            QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost") },
        { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
            QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
            QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.crt"),
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext") },
    };
    for (const QStringList& step : steps) {
        if (!runOpenssl(directory, step, &tls.error))
            return tls;
    }
    tls.valid = true;
    return tls;
}

std::unique_ptr<RedisServerProcess> startServer(const RedisServerProcess::Options& options, QString* error)
{
    // A port picked free can be taken by someone else before redis binds it: try a few.
    QString failure;
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto server = std::make_unique<RedisServerProcess>(options, nullptr);
        if (server->startAndWait(15000, &failure))
            return server;
        if (!failure.contains(QLatin1String("in use")))
            break;
    }
    if (error)
        *error = failure;
    return nullptr;
}

ConnectionProfile profileFor(const RedisServerProcess& server)
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid();
    profile.name = QStringLiteral("test");
    profile.host = QStringLiteral("127.0.0.1");
    profile.port = server.port();
    profile.connectTimeoutMs = 5000;
    profile.commandTimeoutMs = 10000;
    return profile;
}

Reply awaitReply(QFuture<Reply> future, int timeoutMs)
{
    if (!waitFinished(future, timeoutMs))
        return Reply::error("test: no reply in time", Reply::ErrorKind::Timeout);
    return future.result();
}

QList<Reply> awaitBatch(QFuture<QList<Reply>> future, int timeoutMs)
{
    if (!waitFinished(future, timeoutMs))
        return {};
    return future.result();
}

void runEventLoop(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitForState(const Connection& connection, Connection::State state, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (connection.state() != state && !deadline.hasExpired()) {
        QEventLoop loop;
        QObject::connect(&connection, &Connection::stateChanged, &loop, &QEventLoop::quit);
        QTimer::singleShot(qMax<qint64>(1, qMin<qint64>(deadline.remainingTime(), 100)), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return connection.state() == state;
}

} // namespace vermilion::test
