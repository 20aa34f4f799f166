#include "profiles/connectionlistmodel.h"
#include "profiles/connectionprofile.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;

class TestProfiles : public QObject {
    Q_OBJECT
private slots:
    void parsesUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("db");
        QTest::addColumn<bool>("tls");
        QTest::addRow("host only") << QStringLiteral("redis://example.com") << QStringLiteral("example.com") << 6379
                                   << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << 0 << false;
        QTest::addRow("port and db") << QStringLiteral("redis://10.0.0.5:6380/3") << QStringLiteral("10.0.0.5") << 6380
                                     << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << 3 << false;
        QTest::addRow("password only") << QStringLiteral("redis://:s3cret@host") << QStringLiteral("host") << 6379
                                       << QStringLiteral("") << QStringLiteral("") << QStringLiteral("s3cret") << 0
                                       << false;
        QTest::addRow("acl user") << QStringLiteral("redis://alice:pa%40ss@host:7000/2") << QStringLiteral("host")
                                  << 7000 << QStringLiteral("") << QStringLiteral("alice") << QStringLiteral("pa@ss")
                                  << 2 << false;
        QTest::addRow("tls") << QStringLiteral("rediss://cache.example.com:6380") << QStringLiteral("cache.example.com")
                             << 6380 << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << 0 << true;
        QTest::addRow("ipv6") << QStringLiteral("redis://[::1]:6379") << QStringLiteral("::1") << 6379
                              << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << 0 << false;
        QTest::addRow("db in query") << QStringLiteral("redis://host?db=5") << QStringLiteral("host") << 6379
                                     << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << 5 << false;
        QTest::addRow("trailing slash") << QStringLiteral("redis://host:1234/") << QStringLiteral("host") << 1234
                                        << QStringLiteral("") << QStringLiteral("") << QStringLiteral("") << 0 << false;
        QTest::addRow("unix socket") << QStringLiteral("unix:///run/redis/redis.sock?db=1")
                                     << QStringLiteral("127.0.0.1") << 6379 << QStringLiteral("/run/redis/redis.sock")
                                     << QStringLiteral("") << QStringLiteral("") << 1 << false;
        QTest::addRow("unix socket with password")
            << QStringLiteral("unix://:pw@/tmp/r.sock") << QStringLiteral("127.0.0.1") << 6379
            << QStringLiteral("/tmp/r.sock") << QStringLiteral("") << QStringLiteral("pw") << 0 << false;
        QTest::addRow("uppercase scheme")
            << QStringLiteral("REDIS://Host:1") << QStringLiteral("host") << 1 << QStringLiteral("")
            << QStringLiteral("") << QStringLiteral("") << 0 << false;
        QTest::addRow("surrounding spaces")
            << QStringLiteral("  redis://h:2  ") << QStringLiteral("h") << 2 << QStringLiteral("") << QStringLiteral("")
            << QStringLiteral("") << 0 << false;
    }

    void parsesUrls()
    {
        QFETCH(QString, url);
        ConnectionProfile profile;
        QString error;
        QVERIFY2(ConnectionProfile::fromUrl(url, &profile, &error), qPrintable(error));
        QTEST(profile.host, "host");
        QTEST(int(profile.port), "port");
        QTEST(profile.socketPath, "socket");
        QTEST(profile.username, "user");
        QTEST(profile.password, "password");
        QTEST(profile.database, "db");
        QTEST(profile.tls.enabled, "tls");
        // And back: the URL we write parses to the same endpoint.
        ConnectionProfile again;
        QVERIFY(ConnectionProfile::fromUrl(profile.toUrl(true), &again, &error));
        QCOMPARE(again.endpoint(), profile.endpoint());
        QCOMPARE(again.database, profile.database);
        QCOMPARE(again.password, profile.password);
    }

    void rejectsMalformedUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("empty") << QStringLiteral("") << QStringLiteral("empty");
        QTest::addRow("no scheme") << QStringLiteral("localhost:6379") << QStringLiteral("scheme");
        QTest::addRow("http") << QStringLiteral("http://host") << QStringLiteral("Unsupported scheme");
        QTest::addRow("no host") << QStringLiteral("redis://") << QStringLiteral("no host");
        QTest::addRow("port not a number") << QStringLiteral("redis://host:abc") << QStringLiteral("not a valid URL");
        QTest::addRow("port too big") << QStringLiteral("redis://host:70000") << QStringLiteral("not a valid URL");
        QTest::addRow("port zero") << QStringLiteral("redis://host:0") << QStringLiteral("port");
        QTest::addRow("db not a number") << QStringLiteral("redis://host/abc") << QStringLiteral("database");
        QTest::addRow("negative db") << QStringLiteral("redis://host?db=-1") << QStringLiteral("database");
        QTest::addRow("unix without path") << QStringLiteral("unix://") << QStringLiteral("socket path");
        QTest::addRow("unix with host") << QStringLiteral("unix://host/tmp/s.sock") << QStringLiteral("takes no host");
        QTest::addRow("spaces inside") << QStringLiteral("redis://ho st") << QStringLiteral("not a valid URL");
        // The message goes to the terminal and a dialog: the password in the URL must not.
        QTest::addRow("bad port, password") << QStringLiteral("redis://alice:hunter2-secret@host:abc")
                                           << QStringLiteral("not a valid URL");
        QTest::addRow("bad host, password") << QStringLiteral("redis://alice:hunter2-secret@ho st:6379")
                                           << QStringLiteral("not a valid URL");
        QTest::addRow("bad db, password") << QStringLiteral("redis://:hunter2-secret@host/abc")
                                         << QStringLiteral("database");
    }

    void rejectsMalformedUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, messagePart);
        ConnectionProfile profile;
        profile.host = QStringLiteral("unchanged");
        QString error;
        QVERIFY(!ConnectionProfile::fromUrl(url, &profile, &error));
        QVERIFY2(error.contains(messagePart, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("hunter2")), qPrintable(error));
        QCOMPARE(profile.host, QStringLiteral("unchanged")); // a failed parse changes nothing
    }

    void parsesSentinelUrls()
    {
        ConnectionProfile profile;
        QString error;
        QVERIFY2(ConnectionProfile::fromUrl(
                     QStringLiteral("redis+sentinel://app:pa%40ss@s1.example.com:26380,[::1],10.0.0.9/my%20group/3"
                                    "?sentinel_username=watch&sentinel_password=s%26cret"),
                     &profile, &error),
                 qPrintable(error));
        QVERIFY(profile.usesSentinel());
        QCOMPARE(profile.sentinels, (QStringList { QStringLiteral("s1.example.com:26380"), QStringLiteral("[::1]:26379"),
                                                   QStringLiteral("10.0.0.9:26379") }));
        QCOMPARE(profile.sentinelMaster, QStringLiteral("my group"));
        QCOMPARE(profile.database, 3);
        QCOMPARE(profile.username, QStringLiteral("app"));
        QCOMPARE(profile.password, QStringLiteral("pa@ss"));
        QCOMPARE(profile.sentinelUsername, QStringLiteral("watch"));
        QCOMPARE(profile.sentinelPassword, QStringLiteral("s&cret"));
        QVERIFY(!profile.tls.enabled);
        QCOMPARE(profile.name, QStringLiteral("my group"));
        // Written back: the same profile; without passwords unless asked for.
        ConnectionProfile again;
        QVERIFY2(ConnectionProfile::fromUrl(profile.toUrl(true), &again, &error), qPrintable(error));
        again.name = profile.name;
        QCOMPARE(again, profile);
        QVERIFY(!profile.toUrl().contains(QLatin1String("pa%40ss")));
        QVERIFY(!profile.toUrl().contains(QLatin1String("cret")));
        QVERIFY(ConnectionProfile::fromUrl(QStringLiteral("rediss+sentinel://h/m"), &again, &error));
        QVERIFY(again.tls.enabled && again.sentinelTls.enabled);
        QCOMPARE(again.sentinels, QStringList { QStringLiteral("h:26379") });
        QCOMPARE(again.database, 0);
        // Mistakes are named.
        const auto rejects = [](const QString& url, const QString& part) {
            ConnectionProfile p;
            p.host = QStringLiteral("unchanged");
            QString message;
            if (ConnectionProfile::fromUrl(url, &p, &message))
                return false;
            return message.contains(part) && p.host == QStringLiteral("unchanged") && !message.contains(QLatin1String("hunter2"));
        };
        QVERIFY(rejects(QStringLiteral("redis+sentinel://h:26379"), QStringLiteral("no master group")));
        QVERIFY(rejects(QStringLiteral("redis+sentinel://:hunter2@/m"), QStringLiteral("names no sentinel")));
        QVERIFY(rejects(QStringLiteral("redis+sentinel://h:99999/m"), QStringLiteral("port from 1 to 65535")));
        QVERIFY(rejects(QStringLiteral("redis+sentinel://h/m/x"), QStringLiteral("database")));
        QVERIFY(rejects(QStringLiteral("redis+sentinel://h/m/1/2"), QStringLiteral("/master or /master/db")));
        QVERIFY(rejects(QStringLiteral("redis+sentinel://[::1/m"), QStringLiteral("closing bracket")));
        // Found by fuzz_admin: a host with a ']' inside, which could not be written back.
        QVERIFY(rejects(QStringLiteral("redis+sentinel://a]b:c:1/m"), QStringLiteral("cannot have")));
        QVERIFY(rejects(QStringLiteral("redis+sentinel://bad\thost:1/m"), QStringLiteral("cannot have")));
    }

    void storeRoundTripsWithoutPasswords()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        ConnectionProfile a;
        a.id = QUuid::createUuid();
        a.name = QStringLiteral("production");
        a.host = QStringLiteral("db.example.com");
        a.port = 6380;
        a.username = QStringLiteral("ops");
        a.password = QStringLiteral("top-secret-password");
        a.database = 4;
        a.tls = { true, QStringLiteral("/ca.pem"), QStringLiteral("/c.pem"), QStringLiteral("/k.pem"),
            QStringLiteral("db.internal"), false };
        a.connectTimeoutMs = 1234;
        a.commandTimeoutMs = 5678;
        a.readOnly = true;
        a.namespaceSeparator = QStringLiteral("/");
        a.clusterSeeds = { QStringLiteral("db2.example.com:6380"), QStringLiteral("db3.example.com:6380") };
        a.clusterAddressMap = { { QStringLiteral("10.0.0.5:6379"), QStringLiteral("127.0.0.1:7001") } };
        a.clusterScanReplicas = true;
        a.sentinels = { QStringLiteral("s1:26379"), QStringLiteral("s2:26380") };
        a.sentinelMaster = QStringLiteral("orders");
        a.sentinelUsername = QStringLiteral("watcher");
        a.sentinelPassword = QStringLiteral("sentinel-secret-password");
        a.sentinelTls = { true, QStringLiteral("/sca.pem"), QString(), QString(), QStringLiteral("sentinel.internal"), true };
        a.sentinelReadReplica = true;
        a.ssh.enabled = true;
        a.ssh.host = QStringLiteral("bastion-alias");
        a.ssh.port = 2222;
        a.ssh.user = QStringLiteral("ops");
        a.ssh.identityFile = QStringLiteral("~/.ssh/id_work");
        a.ssh.useAgent = false;
        a.ssh.agentSocket = QStringLiteral("/run/agent.sock");
        a.ssh.password = QStringLiteral("ssh-secret-password");
        a.ssh.passphrase = QStringLiteral("ssh-secret-passphrase");
        a.ssh.configFile = QStringLiteral("/etc/vermilion/ssh_config");
        a.ssh.knownHostsFile = QStringLiteral("/etc/vermilion/known_hosts");
        a.ssh.keepAliveSeconds = 15;
        ConnectionProfile b;
        b.id = QUuid::createUuid();
        b.socketPath = QStringLiteral("/run/redis.sock");
        ConnectionProfile sandbox;
        sandbox.id = QUuid::createUuid();
        sandbox.sandbox = true;
        {
            ProfileStore store(file);
            store.save({ a, b, sandbox });
            store.sync();
        }
        ProfileStore store(file);
        const QList<ConnectionProfile> loaded = store.load();
        QCOMPARE(loaded.size(), 2); // the sandbox is never saved
        ConnectionProfile expected = a;
        expected.password.clear();
        expected.sentinelPassword.clear();
        expected.ssh.password.clear();
        expected.ssh.passphrase.clear();
        QCOMPARE(loaded.at(0), expected);
        QCOMPARE(loaded.at(1), b);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray written = raw.readAll();
        QVERIFY(!written.contains("top-secret-password"));
        QVERIFY(!written.contains("sentinel-secret-password"));
        QVERIFY(!written.contains("ssh-secret"));
    }

    void memorySecretsSayTheyAreNotKept()
    {
        SecretStore store(SecretStore::Backend::MemoryOnly);
        const QUuid id = QUuid::createUuid();
        bool persisted = true;
        QString message;
        store.writePassword(id, QStringLiteral("pw"), [&](bool p, const QString& m) {
            persisted = p;
            message = m;
        });
        QVERIFY(!persisted);
        QVERIFY(message.contains(QLatin1String("this run only")));
        QString read;
        bool found = false;
        store.readPassword(id, [&](const QString& password, bool f) {
            read = password;
            found = f;
        });
        QVERIFY(found);
        QCOMPARE(read, QStringLiteral("pw"));
        // The sentinels' password is a secret of its own.
        store.writePassword(id, QStringLiteral("spw"), [](bool, const QString&) {}, SecretStore::Secret::SentinelPassword);
        store.readPassword(id, [&](const QString& password, bool) { read = password; });
        QCOMPARE(read, QStringLiteral("pw"));
        store.readPassword(id, [&](const QString& password, bool) { read = password; }, SecretStore::Secret::SentinelPassword);
        QCOMPARE(read, QStringLiteral("spw"));
        store.writePassword(id, QStringLiteral("sshpw"), [](bool, const QString&) {}, SecretStore::Secret::SshPassword);
        store.writePassword(id, QStringLiteral("phrase"), [](bool, const QString&) {}, SecretStore::Secret::SshPassphrase);
        store.readPassword(id, [&](const QString& password, bool) { read = password; }, SecretStore::Secret::SshPassword);
        QCOMPARE(read, QStringLiteral("sshpw"));
        store.readPassword(id, [&](const QString& password, bool) { read = password; }, SecretStore::Secret::SshPassphrase);
        QCOMPARE(read, QStringLiteral("phrase"));
        store.removePassword(id); // every secret of the profile
        store.readPassword(id, [&](const QString&, bool f) { found = f; });
        QVERIFY(!found);
        store.readPassword(id, [&](const QString&, bool f) { found = f; }, SecretStore::Secret::SentinelPassword);
        QVERIFY(!found);
        store.readPassword(id, [&](const QString&, bool f) { found = f; }, SecretStore::Secret::SshPassphrase);
        QVERIFY(!found);
    }

    void listModel()
    {
        ConnectionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConnectionProfile a;
        a.id = QUuid::createUuid();
        a.name = QStringLiteral("a");
        ConnectionProfile b;
        b.id = QUuid::createUuid();
        b.host = QStringLiteral("b.example");
        b.port = 1;
        model.setProfiles({ a });
        model.addProfile(b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("b.example:1"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setState(b.id, Connection::State::Connected);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1).data(ConnectionListModel::StateRole).toInt(), int(Connection::State::Connected));
        b.name = QStringLiteral("renamed");
        model.updateProfile(b);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("renamed"));
        model.removeProfile(a.id);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(b.id), 0);
        QCOMPARE(model.rowOf(a.id), -1);
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
