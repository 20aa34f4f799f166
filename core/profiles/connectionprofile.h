#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QMetaType>
#include <QStringList>
#include <QString>
#include <QUuid>

namespace vermilion {

struct TlsOptions {
    bool enabled = false;
    QString caFile; // PEM; empty = the system's trusted CAs
    QString certificateFile; // client certificate (PEM), optional
    QString keyFile; // client private key (PEM), optional
    QString serverName; // SNI and the name verified; empty = the host
    bool verifyPeer = true;

    bool operator==(const TlsOptions&) const = default;
};

// An SSH tunnel in front of every link of the profile. host may be a Host alias of ~/.ssh/config,
// whose HostName, User, Port, IdentityFile and ProxyJump then apply; what is set here wins. The
// password and passphrase are carried in memory only, like the Redis password.
struct SshOptions {
    bool enabled = false;
    QString host;
    int port = 0; // 0: from ~/.ssh/config, else 22
    QString user; // empty: from ~/.ssh/config, else the local user
    QString identityFile; // empty: the config's IdentityFile, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa
    bool useAgent = true;
    QString agentSocket; // empty: $SSH_AUTH_SOCK
    QString password;
    QString passphrase;
    QString configFile; // empty: ~/.ssh/config
    QString knownHostsFile; // empty: the config's UserKnownHostsFile, else ~/.ssh/known_hosts
    int keepAliveSeconds = 0; // 0: the config's ServerAliveInterval, else 30

    bool operator==(const SshOptions&) const = default;
};

// Everything needed to reach one server, as the user saved it. The password is carried in memory
// only: ProfileStore never writes it to the settings file (SecretStore keeps it).
struct ConnectionProfile {
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)
public:
    QUuid id;
    QString name;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    QString socketPath; // when set, a Unix socket is used instead of host and port
    QString username; // ACL user; empty = "default"
    QString password;
    int database = 0;
    TlsOptions tls;
    int connectTimeoutMs = 5000;
    int commandTimeoutMs = 10000;
    bool readOnly = false;
    QString namespaceSeparator = QStringLiteral(":");
    bool sandbox = false; // a private server started by the app: never saved
    // Redis Cluster (found out at connect from INFO's cluster_enabled): more nodes to start from
    // ("host:port") when host:port does not answer; announced node addresses mapped to ones this
    // machine can reach ("10.0.0.5:6379" -> "127.0.0.1:7001", for NAT, containers and tunnels);
    // and whether whole-keyspace scans read from replicas (READONLY) to spare the masters.
    QStringList clusterSeeds;
    QMap<QString, QString> clusterAddressMap;
    bool clusterScanReplicas = false;
    // Redis Sentinel: when sentinels is not empty, host and port are not used. The session asks
    // these sentinels ("host:port") in turn for the master of sentinelMaster, follows its failovers,
    // and (read-only profiles, sentinelReadReplica) may read from a replica of the group instead.
    // The sentinels have their own ACL user, password (kept like password: never in the settings
    // file) and TLS settings.
    QStringList sentinels;
    QString sentinelMaster;
    QString sentinelUsername;
    QString sentinelPassword;
    TlsOptions sentinelTls;
    bool sentinelReadReplica = false;
    SshOptions ssh;

    bool usesUnixSocket() const { return !socketPath.isEmpty(); }
    bool usesSentinel() const { return !sentinels.isEmpty(); }
    bool usesSsh() const { return ssh.enabled && !ssh.host.isEmpty(); }
    // "host:port" or the socket path, for messages.
    QString endpoint() const;
    // A name to show when the user gave none.
    QString displayName() const;

    // Parses redis://, rediss://, unix:// (and redis+unix://) and Sentinel URLs:
    //   redis[s]://[[user][:password]@]host[:port][/db][?db=N]
    //   unix://[[user][:password]@]/path/to.sock[?db=N]
    //   redis[s]+sentinel://[[user][:password]@]host[:port][,host[:port]...]/master[/db]
    //       [?sentinel_username=U&sentinel_password=P]   (sentinel port 26379 by default; the user
    //       and password are the data nodes'; rediss+ uses TLS for the sentinels and the nodes)
    // Returns false with a translated message in *error when the URL is malformed.
    static bool fromUrl(const QString& url, ConnectionProfile* profile, QString* error);
    // The profile as a URL, without the password unless asked for.
    QString toUrl(bool withPassword = false) const;

    bool operator==(const ConnectionProfile&) const = default;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::ConnectionProfile)
