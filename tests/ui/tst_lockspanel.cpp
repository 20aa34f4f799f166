#include "carmine/carmineproxies.h"
#include "carmine/demolocks.h"
#include "carmine/lockeventwatcher.h"
#include "carmine/lockmodel.h"
#include "carmine/lockspanel.h"
#include "client/session.h"
#include "redisfixture.h"
#include "server/demoseeder.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::LocksPanel;

class TestLocksPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;

    Reply run(const Command& command) { return awaitReply(m_session->execute(command)); }

    static QPalette darkPalette()
    {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1d));
        p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x29));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x2b, 0x2e, 0x33));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc9));
        p.setColor(QPalette::HighlightedText, Qt::white);
        return p;
    }

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QCoreApplication::setOrganizationName(QStringLiteral("vermilion-tests"));
        QSettings().remove(QStringLiteral("carmine")); // every run starts from the defaults
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
        // The sandbox's demo data, and its lock-renewal timer.
        DemoSeeder seeder(m_session.get());
        seeder.addDataset(QStringLiteral("locks"), &DemoSeeder::carmineLocks);
        QSignalSpy finished(&seeder, &DemoSeeder::finished);
        seeder.start();
        QVERIFY(finished.wait(30000));
    }

    void showsSandboxLocks()
    {
        DemoLocks demo(profileFor(*m_server));
        demo.start(300);
        LocksPanel panel(m_session.get());
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(panel.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setRefreshInterval(1);
        panel.resize(1280, 720);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // 16 Carmine and 3 Zato locks from the seeder, and the demo workers' locks when held.
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() >= 19, 10000);
        const int eternal = panel.model()->rowOfKey("carmine:lock:billing/invoice-run");
        QVERIFY(eternal >= 0);
        QVERIFY(panel.model()->flags(eternal) & LockModel::NeverExpires);
        const QModelIndex flagged = panel.proxy()->mapFromSource(panel.model()->index(eternal, LockModel::FlagsColumn));
        QCOMPARE(panel.proxy()->data(flagged, Qt::ForegroundRole).value<QColor>(), ui::dangerColor());
        // Flagged locks sort first by default.
        QCOMPARE(panel.proxy()->data(panel.proxy()->index(0, LockModel::KeyColumn)).toString(),
            QStringLiteral("carmine:lock:billing/invoice-run"));
        QVERIFY(panel.model()->rowOfKey("zato:lock:server:scheduler:cleanup") >= 0);
        QCOMPARE(panel.model()->lock(panel.model()->rowOfKey("zato:lock:server:scheduler:cleanup")).name,
            QByteArray("server:scheduler:cleanup"));
        // The renewal timer produces acquisitions and releases in the history.
        const QByteArray worker = "carmine:lock:workers/thumbnails";
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->history(worker).size() >= 3, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.selectKey(worker), 5000);
        QVERIFY(panel.statusText().contains(QLatin1String("without expiry")));
        demo.stop();
        // A row with history, so the red flag of the lock without expiry shows unselected.
        if (!panel.selectKey(worker))
            QVERIFY(panel.selectKey("carmine:lock:workers/mailer") || panel.selectKey("carmine:lock:cache/warmup"));
        panel.view()->scrollToTop();
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("locks-panel"))));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("locks-panel-dark"))));
        QApplication::setPalette(light);

        // Quick filter.
        panel.setFilterText(QStringLiteral("zato"));
        QCOMPARE(panel.proxy()->rowCount(), 3);
        panel.setFilterText({});
    }

    void actions()
    {
        // No live events here: the race below needs a panel that still shows the old owner.
        run({ "CONFIG", "SET", "notify-keyspace-events", "" });
        LocksPanel panel(m_session.get());
        panel.setRefreshInterval(0);
        panel.resize(1100, 600);
        panel.show();
        QSignalSpy refreshed(&panel, &LocksPanel::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, 10000);
        QStringList questions;
        panel.setConfirmation([&](const QString&, const QString& text) {
            questions << text;
            return true;
        });

        // Copy owner and open key.
        const QByteArray key = "carmine:lock:search/reindex-shard-3";
        QVERIFY(panel.selectKey(key));
        const QByteArray owner = run({ "GET", key }).bytes();
        panel.copyOwner();
        QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(owner));
        QSignalSpy open(&panel, &LocksPanel::openKeyRequested);
        panel.openSelectedKey();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toByteArray(), key);

        // Force release, confirmed, with the owner shown in the question.
        QSignalSpy released(&panel, &LocksPanel::forceReleaseFinished);
        panel.forceReleaseSelected();
        QVERIFY(released.wait(10000));
        QVERIFY(released.first().first().toBool());
        QVERIFY(!questions.isEmpty());
        QVERIFY(questions.last().contains(QString::fromUtf8(owner)));
        QCOMPARE(run({ "EXISTS", key }).integerValue(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 10000); // the refresh after a release is done

        // The race: someone else takes the lock between the refresh and the click.
        const QByteArray raced = "carmine:lock:jobs/nightly-report";
        QVERIFY(panel.selectKey(raced));
        run({ "SET", raced, "new-owner-after-refresh", "PX", "60000" });
        released.clear();
        panel.forceReleaseSelected();
        QVERIFY(released.wait(10000));
        QVERIFY(!released.first().first().toBool());
        QVERIFY2(panel.messageText().contains(QLatin1String("owner changed")), qPrintable(panel.messageText()));
        QCOMPARE(run({ "GET", raced }).bytes(), QByteArray("new-owner-after-refresh"));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("locks-panel-owner-changed"))));

        // Declining the confirmation sends nothing.
        panel.setConfirmation([](const QString&, const QString&) { return false; });
        QTRY_VERIFY_WITH_TIMEOUT(panel.selectKey(raced), 10000);
        released.clear();
        panel.forceReleaseSelected();
        QCOMPARE(released.size(), 0);
        QCOMPARE(run({ "EXISTS", raced }).integerValue(), 1);
    }

    void liveEventsWithoutRefresh()
    {
        run({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
        LocksPanel panel(m_session.get());
        panel.setRefreshInterval(0);
        QSignalSpy refreshed(&panel, &LocksPanel::refreshed);
        panel.show(); // live events start when the panel is first shown
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.liveText().contains(QLatin1String("Live")), 10000);
        const QByteArray key = "carmine:lock:live/event";
        QTRY_VERIFY_WITH_TIMEOUT(
            (run({ "SET", key, "owner-live", "PX", "60000" }), panel.model()->rowOfKey(key) >= 0), 10000);
        QCOMPARE(panel.model()->lock(panel.model()->rowOfKey(key)).owner, QByteArray("owner-live"));
        run({ "DEL", key });
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowOfKey(key) < 0, 5000);
        QVERIFY(!panel.model()->history(key).isEmpty());
        QCOMPARE(panel.model()->history(key).last().kind, LockEvent::Kind::Released);
        QCOMPARE(refreshed.size(), 1); // all of it without a refresh
        run({ "CONFIG", "SET", "notify-keyspace-events", "" });
    }

    void readOnlyRefuses()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session readOnly(profile);
        readOnly.open();
        LocksPanel panel(&readOnly);
        panel.setRefreshInterval(0);
        bool asked = false;
        panel.setConfirmation([&](const QString&, const QString&) { return asked = true; });
        QSignalSpy refreshed(&panel, &LocksPanel::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, 10000);
        const QByteArray key = "carmine:lock:billing/invoice-run";
        QVERIFY(panel.selectKey(key));
        QSignalSpy released(&panel, &LocksPanel::forceReleaseFinished);
        panel.forceReleaseSelected();
        QCOMPARE(released.size(), 1);
        QVERIFY(!asked);
        QVERIFY(panel.messageText().contains(QLatin1String("read-only")));
        QCOMPARE(run({ "EXISTS", key }).integerValue(), 1);
    }
};

QTEST_MAIN(TestLocksPanel)
#include "tst_lockspanel.moc"
