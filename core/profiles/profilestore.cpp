#include "profilestore.h"

#include <QSettings>

namespace vermilion {

namespace {
const QString group = QStringLiteral("connections");

// TLS settings under a prefix ("tls/", "sentinel/tls/").
TlsOptions readTls(const QSettings& settings, const QString& prefix)
{
    TlsOptions tls;
    tls.enabled = settings.value(prefix + QStringLiteral("enabled"), false).toBool();
    tls.caFile = settings.value(prefix + QStringLiteral("caFile")).toString();
    tls.certificateFile = settings.value(prefix + QStringLiteral("certificateFile")).toString();
    tls.keyFile = settings.value(prefix + QStringLiteral("keyFile")).toString();
    tls.serverName = settings.value(prefix + QStringLiteral("serverName")).toString();
    tls.verifyPeer = settings.value(prefix + QStringLiteral("verifyPeer"), true).toBool();
    return tls;
}

void writeTls(QSettings& settings, const QString& prefix, const TlsOptions& tls)
{
    settings.setValue(prefix + QStringLiteral("enabled"), tls.enabled);
    settings.setValue(prefix + QStringLiteral("caFile"), tls.caFile);
    settings.setValue(prefix + QStringLiteral("certificateFile"), tls.certificateFile);
    settings.setValue(prefix + QStringLiteral("keyFile"), tls.keyFile);
    settings.setValue(prefix + QStringLiteral("serverName"), tls.serverName);
    settings.setValue(prefix + QStringLiteral("verifyPeer"), tls.verifyPeer);
}
} // namespace

ProfileStore::ProfileStore(const QString& settingsFile)
    : m_settings(settingsFile.isEmpty() ? std::make_unique<QSettings>()
                                        : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QList<ConnectionProfile> ProfileStore::load() const
{
    QList<ConnectionProfile> profiles;
    const int count = m_settings->beginReadArray(group);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p;
        p.id = QUuid::fromString(m_settings->value(QStringLiteral("id")).toString());
        if (p.id.isNull())
            p.id = QUuid::createUuid();
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.host = m_settings->value(QStringLiteral("host"), p.host).toString();
        p.port = quint16(m_settings->value(QStringLiteral("port"), p.port).toUInt());
        p.socketPath = m_settings->value(QStringLiteral("socketPath")).toString();
        p.username = m_settings->value(QStringLiteral("username")).toString();
        p.database = m_settings->value(QStringLiteral("database"), 0).toInt();
        p.tls = readTls(*m_settings, QStringLiteral("tls/"));
        p.connectTimeoutMs = m_settings->value(QStringLiteral("connectTimeoutMs"), p.connectTimeoutMs).toInt();
        p.commandTimeoutMs = m_settings->value(QStringLiteral("commandTimeoutMs"), p.commandTimeoutMs).toInt();
        p.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
        p.namespaceSeparator = m_settings->value(QStringLiteral("namespaceSeparator"), p.namespaceSeparator).toString();
        p.clusterSeeds = m_settings->value(QStringLiteral("clusterSeeds")).toStringList();
        const QStringList addressMap = m_settings->value(QStringLiteral("clusterAddressMap")).toStringList();
        for (const QString& entry : addressMap) {
            const qsizetype arrow = entry.indexOf(QLatin1Char('='));
            if (arrow > 0)
                p.clusterAddressMap.insert(entry.left(arrow).trimmed(), entry.mid(arrow + 1).trimmed());
        }
        p.clusterScanReplicas = m_settings->value(QStringLiteral("clusterScanReplicas"), false).toBool();
        p.sentinels = m_settings->value(QStringLiteral("sentinel/addresses")).toStringList();
        p.sentinelMaster = m_settings->value(QStringLiteral("sentinel/master")).toString();
        p.sentinelUsername = m_settings->value(QStringLiteral("sentinel/username")).toString();
        p.sentinelReadReplica = m_settings->value(QStringLiteral("sentinel/readReplica"), false).toBool();
        p.sentinelTls = readTls(*m_settings, QStringLiteral("sentinel/tls/"));
        p.ssh.enabled = m_settings->value(QStringLiteral("ssh/enabled"), false).toBool();
        p.ssh.host = m_settings->value(QStringLiteral("ssh/host")).toString();
        p.ssh.port = m_settings->value(QStringLiteral("ssh/port"), 0).toInt();
        p.ssh.user = m_settings->value(QStringLiteral("ssh/user")).toString();
        p.ssh.identityFile = m_settings->value(QStringLiteral("ssh/identityFile")).toString();
        p.ssh.useAgent = m_settings->value(QStringLiteral("ssh/useAgent"), true).toBool();
        p.ssh.agentSocket = m_settings->value(QStringLiteral("ssh/agentSocket")).toString();
        p.ssh.configFile = m_settings->value(QStringLiteral("ssh/configFile")).toString();
        p.ssh.knownHostsFile = m_settings->value(QStringLiteral("ssh/knownHostsFile")).toString();
        p.ssh.keepAliveSeconds = m_settings->value(QStringLiteral("ssh/keepAliveSeconds"), 0).toInt();
        profiles.append(p);
    }
    m_settings->endArray();
    return profiles;
}

void ProfileStore::save(const QList<ConnectionProfile>& profiles)
{
    m_settings->remove(group);
    m_settings->beginWriteArray(group);
    int index = 0;
    for (const ConnectionProfile& p : profiles) {
        if (p.sandbox)
            continue; // a sandbox lives as long as the app
        m_settings->setArrayIndex(index++);
        m_settings->setValue(QStringLiteral("id"), p.id.toString());
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("host"), p.host);
        m_settings->setValue(QStringLiteral("port"), p.port);
        m_settings->setValue(QStringLiteral("socketPath"), p.socketPath);
        m_settings->setValue(QStringLiteral("username"), p.username);
        m_settings->setValue(QStringLiteral("database"), p.database);
        writeTls(*m_settings, QStringLiteral("tls/"), p.tls);
        m_settings->setValue(QStringLiteral("connectTimeoutMs"), p.connectTimeoutMs);
        m_settings->setValue(QStringLiteral("commandTimeoutMs"), p.commandTimeoutMs);
        m_settings->setValue(QStringLiteral("readOnly"), p.readOnly);
        m_settings->setValue(QStringLiteral("namespaceSeparator"), p.namespaceSeparator);
        m_settings->setValue(QStringLiteral("clusterSeeds"), p.clusterSeeds);
        QStringList addressMap;
        for (auto it = p.clusterAddressMap.cbegin(); it != p.clusterAddressMap.cend(); ++it)
            addressMap.append(it.key() + QLatin1Char('=') + it.value());
        m_settings->setValue(QStringLiteral("clusterAddressMap"), addressMap);
        m_settings->setValue(QStringLiteral("clusterScanReplicas"), p.clusterScanReplicas);
        // The sentinels' password is a secret like the data nodes' one: SecretStore keeps it.
        m_settings->setValue(QStringLiteral("sentinel/addresses"), p.sentinels);
        m_settings->setValue(QStringLiteral("sentinel/master"), p.sentinelMaster);
        m_settings->setValue(QStringLiteral("sentinel/username"), p.sentinelUsername);
        m_settings->setValue(QStringLiteral("sentinel/readReplica"), p.sentinelReadReplica);
        writeTls(*m_settings, QStringLiteral("sentinel/tls/"), p.sentinelTls);
        // The SSH password and key passphrase are secrets too: SecretStore keeps them.
        m_settings->setValue(QStringLiteral("ssh/enabled"), p.ssh.enabled);
        m_settings->setValue(QStringLiteral("ssh/host"), p.ssh.host);
        m_settings->setValue(QStringLiteral("ssh/port"), p.ssh.port);
        m_settings->setValue(QStringLiteral("ssh/user"), p.ssh.user);
        m_settings->setValue(QStringLiteral("ssh/identityFile"), p.ssh.identityFile);
        m_settings->setValue(QStringLiteral("ssh/useAgent"), p.ssh.useAgent);
        m_settings->setValue(QStringLiteral("ssh/agentSocket"), p.ssh.agentSocket);
        m_settings->setValue(QStringLiteral("ssh/configFile"), p.ssh.configFile);
        m_settings->setValue(QStringLiteral("ssh/knownHostsFile"), p.ssh.knownHostsFile);
        m_settings->setValue(QStringLiteral("ssh/keepAliveSeconds"), p.ssh.keepAliveSeconds);
    }
    m_settings->endArray();
}

void ProfileStore::sync()
{
    m_settings->sync();
}

} // namespace vermilion
