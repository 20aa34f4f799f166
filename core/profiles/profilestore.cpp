#include "profilestore.h"

#include <QSettings>

namespace vermilion {

namespace {
const QString group = QStringLiteral("connections");
}

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
        p.tls.enabled = m_settings->value(QStringLiteral("tls/enabled"), false).toBool();
        p.tls.caFile = m_settings->value(QStringLiteral("tls/caFile")).toString();
        p.tls.certificateFile = m_settings->value(QStringLiteral("tls/certificateFile")).toString();
        p.tls.keyFile = m_settings->value(QStringLiteral("tls/keyFile")).toString();
        p.tls.serverName = m_settings->value(QStringLiteral("tls/serverName")).toString();
        p.tls.verifyPeer = m_settings->value(QStringLiteral("tls/verifyPeer"), true).toBool();
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
        p.sentinelTls.enabled = m_settings->value(QStringLiteral("sentinel/tls/enabled"), false).toBool();
        p.sentinelTls.caFile = m_settings->value(QStringLiteral("sentinel/tls/caFile")).toString();
        p.sentinelTls.certificateFile = m_settings->value(QStringLiteral("sentinel/tls/certificateFile")).toString();
        p.sentinelTls.keyFile = m_settings->value(QStringLiteral("sentinel/tls/keyFile")).toString();
        p.sentinelTls.serverName = m_settings->value(QStringLiteral("sentinel/tls/serverName")).toString();
        p.sentinelTls.verifyPeer = m_settings->value(QStringLiteral("sentinel/tls/verifyPeer"), true).toBool();
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
        m_settings->setValue(QStringLiteral("tls/enabled"), p.tls.enabled);
        m_settings->setValue(QStringLiteral("tls/caFile"), p.tls.caFile);
        m_settings->setValue(QStringLiteral("tls/certificateFile"), p.tls.certificateFile);
        m_settings->setValue(QStringLiteral("tls/keyFile"), p.tls.keyFile);
        m_settings->setValue(QStringLiteral("tls/serverName"), p.tls.serverName);
        m_settings->setValue(QStringLiteral("tls/verifyPeer"), p.tls.verifyPeer);
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
        m_settings->setValue(QStringLiteral("sentinel/tls/enabled"), p.sentinelTls.enabled);
        m_settings->setValue(QStringLiteral("sentinel/tls/caFile"), p.sentinelTls.caFile);
        m_settings->setValue(QStringLiteral("sentinel/tls/certificateFile"), p.sentinelTls.certificateFile);
        m_settings->setValue(QStringLiteral("sentinel/tls/keyFile"), p.sentinelTls.keyFile);
        m_settings->setValue(QStringLiteral("sentinel/tls/serverName"), p.sentinelTls.serverName);
        m_settings->setValue(QStringLiteral("sentinel/tls/verifyPeer"), p.sentinelTls.verifyPeer);
    }
    m_settings->endArray();
}

void ProfileStore::sync()
{
    m_settings->sync();
}

} // namespace vermilion
