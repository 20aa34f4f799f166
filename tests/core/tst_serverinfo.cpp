#include "server/serverinfo.h"

#include <QTest>

using namespace vermilion;

class TestServerInfo : public QObject {
    Q_OBJECT
private slots:
    void parsesSectionsAndKeyspace()
    {
        const QByteArray text
            = "# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n\r\n"
              "# Replication\r\nrole:master\r\nconnected_slaves:0\r\n"
              "odd line without colon\r\n  spaced_field :  42  \r\n"
              "# Keyspace\r\ndb0:keys=12,expires=3,avg_ttl=1000\r\ndb15:keys=1,expires=0,avg_ttl=0\r\n";
        const ServerInfo info = ServerInfo::parse(text);
        QCOMPARE(info.version(), QStringLiteral("7.0.15"));
        QCOMPARE(info.role(), QStringLiteral("master"));
        QCOMPARE(info.mode(), QStringLiteral("standalone"));
        QCOMPARE(info.integer("spaced_field"), 42);
        QCOMPARE(info.sections().size(), 3);
        QCOMPARE(info.sections().at(1).name, QByteArray("replication"));
        const auto keyspace = info.keyspace();
        QCOMPARE(keyspace.size(), 2);
        QCOMPARE(keyspace.at(0).database, 0);
        QCOMPARE(keyspace.at(0).keys, 12);
        QCOMPARE(keyspace.at(0).expires, 3);
        QCOMPARE(keyspace.at(0).averageTtlMs, 1000);
        QCOMPARE(keyspace.at(1).database, 15);
        QCOMPARE(info.integer("missing", -7), -7);
        QVERIFY(!info.contains("missing"));
    }

    void emptyInput()
    {
        const ServerInfo info = ServerInfo::parse(QByteArray());
        QVERIFY(info.sections().isEmpty());
        QVERIFY(info.keyspace().isEmpty());
        QVERIFY(info.version().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerInfo)
#include "tst_serverinfo.moc"
