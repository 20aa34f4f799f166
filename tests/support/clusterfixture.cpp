#include "clusterfixture.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

namespace vermilion::test {


ClusterFixture::~ClusterFixture()
{
    for (auto& node : m_nodes)
        node->stop();
}

bool ClusterFixture::start(int masters, int replicasPerMaster, QString* error)
{
    QString failure;
    const int count = masters * (1 + replicasPerMaster);
    m_replicaCount = masters * replicasPerMaster;
    for (int i = 0; i < count; ++i) {
        RedisServerProcess::Options options;
        // A generous node timeout: a loaded CI machine must not make the cluster fail a node over
        // behind a test's back. The cluster bus gets a free port of its own (cluster-port, Redis
        // 7): port + 10000 may be taken or out of range.
        options.extraArguments = { QStringLiteral("--cluster-enabled"), QStringLiteral("yes"),
            QStringLiteral("--cluster-config-file"), QStringLiteral("nodes.conf"),
            QStringLiteral("--cluster-node-timeout"), QStringLiteral("15000"), QStringLiteral("--cluster-port"),
            QString::number(RedisServerProcess::findFreePort()) };
        auto node = startServer(options, &failure);
        if (!node) {
            if (error)
                *error = QStringLiteral("cluster node %1: %2").arg(i).arg(failure);
            return false;
        }
        m_nodes.push_back(std::move(node));
    }
    QStringList create { QStringLiteral("--cluster"), QStringLiteral("create") };
    for (const auto& node : m_nodes)
        create << QStringLiteral("127.0.0.1:%1").arg(node->port());
    create << QStringLiteral("--cluster-replicas") << QString::number(replicasPerMaster)
           << QStringLiteral("--cluster-yes");
    cli(0, create, &failure, 120000);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return false;
    }
    return waitUntilHealthy(60000, error);
}

ConnectionProfile ClusterFixture::profile() const
{
    ConnectionProfile profile = profileFor(*m_nodes.front());
    profile.name = QStringLiteral("test cluster");
    return profile;
}

QByteArray ClusterFixture::cli(int index, const QStringList& arguments, QString* error, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QStringList all { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
        QString::number(m_nodes.at(size_t(index))->port()) };
    // redis-cli --cluster takes the address as its own argument and ignores -h/-p.
    all << arguments;
    process.start(QStringLiteral("redis-cli"), all);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("redis-cli %1 failed: %2 %3")
                         .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(process.readAllStandardOutput()),
                             QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    if (error)
        error->clear();
    return process.readAllStandardOutput();
}

bool ClusterFixture::waitUntilHealthy(int timeoutMs, QString* error) const
{
    QDeadlineTimer deadline(timeoutMs);
    QString last;
    while (!deadline.hasExpired()) {
        bool healthy = true;
        int asked = -1;
        for (int i = 0; i < int(m_nodes.size()) && healthy; ++i) {
            if (!m_nodes.at(size_t(i))->isRunning())
                continue;
            asked = asked < 0 ? i : asked;
            const QByteArray info = cli(i, { QStringLiteral("CLUSTER"), QStringLiteral("INFO") }, &last, 5000);
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_ok:16384")) {
                healthy = false;
                last = QStringLiteral("node %1: %2").arg(i).arg(QString::fromUtf8(info.left(200)));
                continue;
            }
            // Every node must know every replica as one (a node joins as a master without slots
            // and becomes a replica a moment later).
            const QByteArray nodes = cli(i, { QStringLiteral("CLUSTER"), QStringLiteral("NODES") }, &last, 5000);
            const int replicas = int(nodes.count("slave"));
            if (replicas < m_replicaCount || nodes.contains(",fail")) {
                healthy = false;
                last = QStringLiteral("node %1 sees %2 of %3 replicas: %4")
                           .arg(i)
                           .arg(replicas)
                           .arg(m_replicaCount)
                           .arg(QString::fromUtf8(nodes));
            }
        }
        if (healthy && asked >= 0) {
            // Every node must see the same owners: a new map spreads by gossip.
            const QByteArray check = cli(asked,
                { QStringLiteral("--cluster"), QStringLiteral("check"),
                    QStringLiteral("127.0.0.1:%1").arg(m_nodes.at(size_t(asked))->port()) },
                &last, 10000);
            if (check.contains("All nodes agree about slots configuration") && check.contains("All 16384 slots covered")
                && !check.contains("[ERR]") && !check.contains("[WARNING]"))
                return true;
            last = QString::fromUtf8(check.right(400));
        }
        runEventLoop(100);
    }
    if (error)
        *error = QStringLiteral("the cluster did not become healthy: %1").arg(last);
    return false;
}

int ClusterFixture::indexOfPort(quint16 port) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i)->port() == port)
            return int(i);
    }
    return -1;
}

} // namespace vermilion::test
