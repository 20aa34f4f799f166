#include "client/connection.h"
#include "client/session.h"
#include "pubsub/monitorgroup.h"
#include "pubsub/monitormodel.h"
#include "pubsub/monitorpanel.h"
#include "redisfixture.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::MonitorPanel;

class TestMonitorPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("VermilionTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_monitorpanel"));
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void monitorsFiltersAndStops()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.id = QUuid::createUuid();
        Session session(profile);
        session.open();
        MonitorPanel panel(&session);
        QAbstractItemModelTester tester(panel.model());
        panel.resize(1300, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!panel.isRunning());
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.monitor()->state(), Connection::State::Connected, 10000);
        Connection client(profile);
        client.open();
        QTRY_VERIFY_WITH_TIMEOUT((awaitReply(client.execute({ "PING" })), panel.model()->rowCount() > 0), 10000);
        QList<Command> commands;
        for (int i = 0; i < 40; ++i) {
            commands.append(Command { "SET", "user:" + QByteArray::number(i), "v" + QByteArray::number(i) });
            commands.append(Command { "HSET", "session:" + QByteArray::number(i), "field", QByteArray("\x00\xff", 2) });
        }
        commands.append(Command { "EVAL", "return redis.call('get', KEYS[1])", "1", "user:1" });
        awaitBatch(client.executeBatch(commands));
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() >= 82, 10000);
        saveScreenshot(&panel, QStringLiteral("monitor-live"));
        panel.setFilterText(QStringLiteral("set"), QStringLiteral("user:*"), QString(), 0);
        QCOMPARE(panel.model()->rowCount(), 40);
        panel.setFilterText(QString(), QString(), QStringLiteral("lua"), -1);
        QCOMPARE(panel.model()->rowCount(), 1);
        QCOMPARE(panel.model()->index(0, MonitorModel::CommandColumn).data().toString(), QStringLiteral("GET"));
        panel.setFilterText(QStringLiteral("hset"), QString(), QString(), -1);
        QCOMPARE(panel.model()->index(0, MonitorModel::ArgumentsColumn).data().toString(),
            QStringLiteral("session:0 field \"\\x00\\xff\""));
        saveScreenshot(&panel, QStringLiteral("monitor-filtered"));
        QVERIFY(panel.statusText().contains(QStringLiteral("shown")));
        panel.stop();
        QTRY_COMPARE_WITH_TIMEOUT(panel.monitor()->state(), Connection::State::Disconnected, 10000);
        const int rows = panel.model()->rowCount();
        awaitReply(client.execute({ "HSET", "after", "stop", "1" }));
        QCOMPARE(panel.model()->rowCount(), rows);
    }
};

QTEST_MAIN(TestMonitorPanel)
#include "tst_monitorpanel.moc"
