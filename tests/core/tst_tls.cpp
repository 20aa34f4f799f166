#include "client/connection.h"
#include "redisfixture.h"

#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;

class TestTls : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TlsMaterial m_tls;
    std::unique_ptr<RedisServerProcess> m_server;

    ConnectionProfile tlsProfile() const
    {
        ConnectionProfile p = profileFor(*m_server);
        p.tls.enabled = true;
        p.tls.caFile = m_tls.caCertificate;
        p.connectTimeoutMs = 5000;
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt was built without a TLS backend");
        m_tls = generateTlsMaterial(m_dir.path());
        QVERIFY2(m_tls.valid, qPrintable(m_tls.error));
        RedisServerProcess::Options options;
        options.tlsCertificateFile = m_tls.serverCertificate;
        options.tlsKeyFile = m_tls.serverKey;
        options.tlsCaFile = m_tls.caCertificate;
        QString error;
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void rightCaIsAccepted()
    {
        Connection connection(tlsProfile());
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
        QCOMPARE(connection.state(), Connection::State::Connected);
    }

    void localhostNameIsAccepted()
    {
        ConnectionProfile p = tlsProfile();
        p.host = QStringLiteral("localhost");
        Connection connection(p);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void wrongHostNameIsRefused()
    {
        ConnectionProfile p = tlsProfile();
        p.tls.serverName = QStringLiteral("wrong.example.com");
        Connection connection(p);
        connection.open();
        const Reply reply = awaitReply(connection.execute({ "PING" }));
        QVERIFY(reply.isClientError());
        QVERIFY(waitForState(connection, Connection::State::Failed));
        const QString error = connection.lastError();
        QVERIFY2(error.contains(QLatin1String("TLS")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("host name"), Qt::CaseInsensitive), qPrintable(error));
    }

    void unknownCaIsRefused()
    {
        ConnectionProfile p = tlsProfile();
        p.tls.caFile.clear(); // the system's CAs do not know our test CA
        Connection connection(p);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Failed));
        QVERIFY2(connection.lastError().contains(QLatin1String("TLS")), qPrintable(connection.lastError()));
    }

    void verificationCanBeTurnedOff()
    {
        ConnectionProfile p = tlsProfile();
        p.tls.caFile.clear();
        p.tls.serverName = QStringLiteral("wrong.example.com");
        p.tls.verifyPeer = false;
        Connection connection(p);
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "PING" })), Reply::status("PONG"));
    }

    void plainClientOnTlsPortFailsClearly()
    {
        ConnectionProfile p = tlsProfile();
        p.tls.enabled = false;
        p.connectTimeoutMs = 1500;
        Connection connection(p);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Failed, 5000));
        const QString error = connection.lastError();
        QVERIFY2(
            error.contains(QLatin1String("TLS")) || error.contains(QLatin1String("Redis server")), qPrintable(error));
    }

    void missingCaFileIsReported()
    {
        ConnectionProfile p = tlsProfile();
        p.tls.caFile = m_dir.filePath(QStringLiteral("does-not-exist.pem"));
        Connection connection(p);
        connection.open();
        QVERIFY(waitForState(connection, Connection::State::Failed));
        QVERIFY2(
            connection.lastError().contains(QLatin1String("does-not-exist.pem")), qPrintable(connection.lastError()));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
