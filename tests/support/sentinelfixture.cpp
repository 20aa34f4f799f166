#include "sentinelfixture.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

namespace vermilion::test {


SentinelFixture::~SentinelFixture()
{
    for (auto& sentinel : m_sentinels)
        sentinel->stop();
    for (auto& server : m_servers)
        server->stop();
}

bool SentinelFixture::start(const Options& options, QString* error)
{
    m_options = options;
    QString failure;
    auto master = startServer({}, &failure);
    if (!master) {
        if (error)
            *error = QStringLiteral("master: %1").arg(failure);
        return false;
    }
    const quint16 masterPort = master->port();
    m_servers.push_back(std::move(master));
    for (int i = 0; i < options.replicas; ++i) {
        RedisServerProcess::Options replica;
        replica.extraArguments = { QStringLiteral("--replicaof"), QStringLiteral("127.0.0.1"),
                                   QString::number(masterPort) };
        auto server = startServer(replica, &failure);
        if (!server) {
            if (error)
                *error = QStringLiteral("replica %1: %2").arg(i).arg(failure);
            return false;
        }
        m_servers.push_back(std::move(server));
    }
    for (int i = 0; i < options.sentinels; ++i) {
        const QString path = m_configs.filePath(QStringLiteral("sentinel-%1.conf").arg(i));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        QByteArray config;
        config += "sentinel monitor " + options.masterName.toUtf8() + " 127.0.0.1 " + QByteArray::number(masterPort)
            + " 2\n";
        config += "sentinel down-after-milliseconds " + options.masterName.toUtf8() + ' '
            + QByteArray::number(options.downAfterMs) + '\n';
        config += "sentinel failover-timeout " + options.masterName.toUtf8() + ' '
            + QByteArray::number(options.failoverTimeoutMs) + '\n';
        config += "sentinel parallel-syncs " + options.masterName.toUtf8() + " 2\n";
        if (!options.sentinelPassword.isEmpty()) {
            config += "requirepass " + options.sentinelPassword.toUtf8() + '\n';
            config += "sentinel sentinel-pass " + options.sentinelPassword.toUtf8() + '\n';
        }
        file.write(config);
        file.close();
        RedisServerProcess::Options sentinel;
        sentinel.configFile = path;
        sentinel.sentinel = true;
        auto process = startServer(sentinel, &failure);
        if (!process) {
            if (error)
                *error = QStringLiteral("sentinel %1: %2").arg(i).arg(failure);
            return false;
        }
        m_sentinels.push_back(std::move(process));
    }
    return waitUntilSettled(30000, error);
}

QStringList SentinelFixture::sentinelAddresses() const
{
    QStringList addresses;
    for (const auto& sentinel : m_sentinels)
        addresses << QStringLiteral("127.0.0.1:%1").arg(sentinel->port());
    return addresses;
}

ConnectionProfile SentinelFixture::profile() const
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("test sentinel");
    profile.sentinels = sentinelAddresses();
    profile.sentinelMaster = m_options.masterName;
    profile.sentinelPassword = m_options.sentinelPassword;
    profile.host = QStringLiteral("127.0.0.1");
    profile.port = m_sentinels.empty() ? 0 : m_sentinels.front()->port();
    profile.connectTimeoutMs = 2000;
    return profile;
}

QByteArray SentinelFixture::cli(quint16 port, const QStringList& arguments, QString* error, int timeoutMs) const
{
    bool isSentinel = false;
    for (const auto& sentinel : m_sentinels)
        isSentinel = isSentinel || sentinel->port() == port;
    QProcess process;
    QStringList all { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port) };
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (isSentinel && !m_options.sentinelPassword.isEmpty())
        environment.insert(QStringLiteral("REDISCLI_AUTH"), m_options.sentinelPassword);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("redis-cli"), all + arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("redis-cli %1 failed: %2").arg(arguments.join(QLatin1Char(' ')),
                                                                 QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    if (error)
        error->clear();
    return process.readAllStandardOutput();
}

quint16 SentinelFixture::agreedMasterPort() const
{
    quint16 agreed = 0;
    for (const auto& sentinel : m_sentinels) {
        if (!sentinel->isRunning())
            continue;
        const QList<QByteArray> lines
            = cli(sentinel->port(), { QStringLiteral("SENTINEL"), QStringLiteral("GET-MASTER-ADDR-BY-NAME"),
                                      m_options.masterName })
                  .trimmed()
                  .split('\n');
        if (lines.size() != 2)
            return 0;
        const quint16 port = quint16(lines.at(1).trimmed().toUInt());
        if (agreed != 0 && port != agreed)
            return 0;
        agreed = port;
    }
    return agreed;
}

bool SentinelFixture::waitUntilSettled(int timeoutMs, QString* error) const
{
    QDeadlineTimer deadline(timeoutMs);
    QString last;
    while (!deadline.hasExpired()) {
        bool settled = true;
        for (const auto& sentinel : m_sentinels) {
            const QByteArray master = cli(sentinel->port(),
                                          { QStringLiteral("SENTINEL"), QStringLiteral("MASTER"), m_options.masterName },
                                          &last);
            const QList<QByteArray> lines = master.split('\n');
            QByteArray replicas, others;
            for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
                if (lines.at(i).trimmed() == "num-slaves")
                    replicas = lines.at(i + 1).trimmed();
                if (lines.at(i).trimmed() == "num-other-sentinels")
                    others = lines.at(i + 1).trimmed();
            }
            if (replicas.toInt() < m_options.replicas || others.toInt() < m_options.sentinels - 1) {
                settled = false;
                last = QStringLiteral("sentinel %1 knows %2 replicas and %3 other sentinels")
                           .arg(sentinel->port())
                           .arg(QString::fromUtf8(replicas), QString::fromUtf8(others));
                break;
            }
        }
        // And every sentinel sees every replica linked to the master (it learns it from the
        // replica's INFO, every few seconds).
        for (const auto& sentinel : m_sentinels) {
            if (!settled)
                break;
            const QByteArray replicas = cli(sentinel->port(),
                                            { QStringLiteral("SENTINEL"), QStringLiteral("REPLICAS"), m_options.masterName },
                                            &last);
            if (replicas.count("master-link-status\nok") < m_options.replicas) {
                settled = false;
                last = QStringLiteral("sentinel %1 does not see every replica in sync yet").arg(sentinel->port());
            }
        }
        if (settled)
            return true;
        runEventLoop(100);
    }
    if (error)
        *error = QStringLiteral("the sentinels did not settle: %1").arg(last);
    return false;
}

} // namespace vermilion::test
