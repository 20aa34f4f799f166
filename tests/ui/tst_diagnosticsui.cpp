// The Diagnostics tab under the offscreen platform, against a private redis-server: the latency page
// (the server's events with their history and the doctor's advice, turning the monitor on after a
// confirmation, the probe from this machine) and the configuration page (search, an edit the
// server refuses shown in place, a risky one confirmed, the changes listed, CONFIG REWRITE refused
// without a file), with a screenshot of each.
#include "client/session.h"
#include "diagnostics/aclmodel.h"
#include "diagnostics/aclpage.h"
#include "diagnostics/configmodel.h"
#include "diagnostics/configpage.h"
#include "diagnostics/diagnosticspanel.h"
#include "diagnostics/latencyevents.h"
#include "diagnostics/latencypage.h"
#include "diagnostics/latencyprobe.h"
#include "diagnostics/memorypage.h"
#include "diagnostics/memoryreportmodels.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include "redisfixture.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::AclPage;
using vermilion::ui::ConfigPage;
using vermilion::ui::DiagnosticsPanel;
using vermilion::ui::LatencyPage;
using vermilion::ui::MemoryPage;

class TestDiagnosticsUi : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

    static bool waitConnected(Session& session)
    {
        return QTest::qWaitFor([&] { return session.state() == Connection::State::Connected; }, 10000);
    }


private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        RedisServerProcess::Options options;
        options.extraArguments = { QStringLiteral("--enable-debug-command"), QStringLiteral("yes") };
        QString error;
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void latencyPage()
    {
        Session session(profileFor(*m_server));
        session.open();
        QVERIFY(waitConnected(session));
        DiagnosticsPanel panel(&session);
        panel.resize(1280, 800);
        panel.show();
        LatencyPage* page = panel.latencyPage();
        QAbstractItemModelTester tester(page->events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(page->monitorText().startsWith(QLatin1String("Off:")));
        // Turning it on asks first, with what it does; cancelled, nothing changes.
        QString asked;
        clickOnNextBox(QStringLiteral("Cancel"), &asked);
        page->enableButton()->click();
        QTRY_VERIFY(!asked.isEmpty());
        QVERIFY(asked.contains(QLatin1String("latency-monitor-threshold")));
        QCOMPARE(awaitReply(session.execute({ "CONFIG", "GET", "latency-monitor-threshold" })).at(1).bytes(), QByteArray("0"));
        clickOnNextBox(QStringLiteral("Set"));
        page->enableButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->monitorText().startsWith(QLatin1String("On:")), 5000);
        // Events made by another client: three slow commands.
        auto other = Session::createLink(profileFor(*m_server), {});
        other->open();
        QVERIFY(waitForState(*other, Connection::State::Connected));
        for (const char* seconds : { "0.15", "0.25", "0.12" })
            QCOMPARE(awaitReply(other->execute({ "DEBUG", "SLEEP", seconds })).bytes(), QByteArray("OK"));
        page->events()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(page->events()->rowCount() >= 1, 5000);
        QTRY_VERIFY(page->eventsView()->selectionModel()->hasSelection());
        QVERIFY(page->events()->events().first().maxMs >= 250);
        QCOMPARE(page->latestBarCount(), page->events()->rowCount()); // LATENCY LATEST as a chart too
        QSignalSpy doctor(page->events(), &LatencyEventsModel::doctorReady);
        page->events()->requestDoctor();
        QVERIFY(doctor.wait(5000));
        QTRY_VERIFY(page->doctorView()->toPlainText().contains(QLatin1String("command")));
        // The probe: statistics, distribution and a point per second.
        page->probeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->probe()->total().count() >= 100, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->historyPointCount() >= 2, 10000);
        QTRY_VERIFY(page->probeText().contains(QLatin1String("p99")));
        QCOMPARE(page->probeButton()->text(), QStringLiteral("Stop Probe"));
        saveScreenshot(&panel, QStringLiteral("diagnostics-latency"));
        page->probeButton()->click();
        QVERIFY(!page->probe()->isRunning());
        QCOMPARE(page->probeButton()->text(), QStringLiteral("Start Probe"));
        // Reset asks first too.
        QString resetAsked;
        clickOnNextBox(QStringLiteral("Reset"), &resetAsked);
        QPushButton* reset = nullptr;
        for (QPushButton* button : page->findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Reset Events…"))
                reset = button;
        }
        QVERIFY(reset && reset->isEnabled());
        reset->click();
        QTRY_VERIFY(resetAsked.contains(QLatin1String("LATENCY RESET")));
        QTRY_COMPARE_WITH_TIMEOUT(page->events()->rowCount(), 0, 5000);
        awaitReply(session.execute({ "CONFIG", "SET", "latency-monitor-threshold", "0" }));
    }

    void configPage()
    {
        Session session(profileFor(*m_server));
        session.open();
        QVERIFY(waitConnected(session));
        DiagnosticsPanel panel(&session);
        panel.resize(1280, 800);
        panel.show();
        panel.pages()->setCurrentWidget(panel.configPage());
        ConfigPage* page = panel.configPage();
        QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 100, 5000);
        // The server has no configuration file: no rewrite, and the reason.
        QTRY_VERIFY(!page->rewriteButton()->isEnabled());
        QVERIFY(page->rewriteButton()->toolTip().contains(QLatin1String("without a configuration file")));
        // Search.
        QTest::keyClicks(page->searchEdit(), QStringLiteral("maxmemory"));
        QTRY_VERIFY(page->view()->model()->rowCount() >= 5 && page->view()->model()->rowCount() < 10);
        // An edit the server refuses: its error, on the row.
        page->requestChange(QStringLiteral("maxmemory-samples"), QStringLiteral("many"));
        QTRY_VERIFY_WITH_TIMEOUT(page->statusText().contains(QLatin1String("refused")), 5000);
        const int samples = page->model()->rowOf(QStringLiteral("maxmemory-samples"));
        QVERIFY(!page->model()->index(samples, ConfigModel::Note).data(ConfigModel::ErrorRole).toString().isEmpty());
        // A risky one asks first; cancelled, nothing is sent.
        QString asked;
        clickOnNextBox(QStringLiteral("Cancel"), &asked);
        page->requestChange(QStringLiteral("maxmemory"), QStringLiteral("64mb"));
        QTRY_VERIFY(!asked.isEmpty());
        QVERIFY(asked.contains(QLatin1String("evict")));
        QCOMPARE(awaitReply(session.execute({ "CONFIG", "GET", "maxmemory" })).at(1).bytes(), QByteArray("0"));
        clickOnNextBox(QStringLiteral("Change"));
        page->requestChange(QStringLiteral("maxmemory"), QStringLiteral("64mb"));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->valueOf(QStringLiteral("maxmemory")), QStringLiteral("67108864"), 5000);
        // An ordinary one through the table's own editor path (setData).
        const int samplesRow = page->model()->rowOf(QStringLiteral("maxmemory-samples"));
        QVERIFY(page->model()->setData(page->model()->index(samplesRow, ConfigModel::Value), QStringLiteral("7")));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->valueOf(QStringLiteral("maxmemory-samples")), QStringLiteral("7"), 5000);
        QTRY_VERIFY(page->changesView()->toPlainText().contains(QStringLiteral("maxmemory: \"0\" → \"67108864\"")));
        QVERIFY(page->changesView()->toPlainText().contains(QStringLiteral("maxmemory-samples: \"5\" → \"7\"")));
        saveScreenshot(&panel, QStringLiteral("diagnostics-config"));
        awaitReply(session.execute({ "CONFIG", "SET", "maxmemory", "0" }));
        awaitReply(session.execute({ "CONFIG", "SET", "maxmemory-samples", "5" }));
    }

    void memoryPage()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.database = 5;
        Session session(profile);
        session.open();
        QVERIFY(waitConnected(session));
        QList<Command> commands;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray n = QByteArray::number(i);
            commands.append({ "SET", "cache:item:" + n, QByteArray(20 + i % 300, 'v'), "EX", QByteArray::number(60 + i * 10) });
            commands.append({ "HSET", "user:" + n, "name", n, "mail", n + "@example.com" });
        }
        Command big { "RPUSH", "queue:big" };
        for (int i = 0; i < 5000; ++i)
            big << "job:" + QByteArray::number(i);
        commands << big;
        for (const Reply& reply : awaitBatch(session.executeBatch(commands), 30000))
            QVERIFY(!reply.isError());
        DiagnosticsPanel panel(&session);
        panel.resize(1280, 820);
        panel.show();
        panel.pages()->setCurrentWidget(panel.memoryPage());
        MemoryPage* page = panel.memoryPage();
        QAbstractItemModelTester types(page->typesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester biggest(page->biggestModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(page->statsBarCount(), 8, 5000);
        QVERIFY(page->statsText().contains(QLatin1String("allocated")));
        QVERIFY(!page->exportButton()->isEnabled()); // nothing to export yet
        page->scanButton()->click();
        QCOMPARE(page->scanButton()->text(), QStringLiteral("Cancel Scan"));
        QTRY_VERIFY_WITH_TIMEOUT(page->hasReport(), 20000);
        QCOMPARE(page->scanButton()->text(), QStringLiteral("Scan for Big Keys"));
        QCOMPARE(page->report().totalKeys, qint64(4001));
        QCOMPARE(page->typesModel()->rowCount(), 3);
        QCOMPARE(page->biggestModel()->index(0, KeyDetailsModel::Key).data().toString(), QStringLiteral("queue:big"));
        QVERIFY(page->hotKeysNote()->text().contains(QLatin1String("LFU")));
        QCOMPARE(page->report().ttl.first().keys, qint64(2001)); // the hashes and the list never expire
        page->results()->setCurrentIndex(1);
        saveScreenshot(&panel, QStringLiteral("diagnostics-memory"));
        // A double click opens the key.
        QSignalSpy open(&panel, &DiagnosticsPanel::openKeyRequested);
        auto* view = qobject_cast<QTableView*>(page->results()->currentWidget());
        QVERIFY(view);
        const QRect cell = view->visualRect(view->model()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center()); // as a real double click starts
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toByteArray(), QByteArray("queue:big"));
        // Export, written off the UI thread.
        QTemporaryDir dir;
        QSignalSpy exported(page, &MemoryPage::exportFinished);
        page->exportTo(dir.filePath(QStringLiteral("bigkeys.json")));
        QVERIFY(exported.wait(5000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile file(dir.filePath(QStringLiteral("bigkeys.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("keys")).toInteger(), qint64(4001));
        exported.clear();
        page->exportTo(QStringLiteral("/nonexistent-directory/bigkeys.csv"));
        QVERIFY(exported.wait(5000));
        QVERIFY(!exported.first().at(1).toString().isEmpty());
        QVERIFY(page->statusText().contains(QLatin1String("Could not write")));
        // Cancel mid-scan: paced, so that there is time to cancel.
        page->pauseBox()->setValue(200);
        page->countBox()->setValue(100);
        page->scanButton()->click();
        QTRY_VERIFY(page->statusText().startsWith(QLatin1String("Scanning")));
        page->scanButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isScanning(), 5000);
        QVERIFY(page->report().cancelled);
        QVERIFY(page->statusText().startsWith(QLatin1String("Cancelled")));
        awaitReply(session.execute({ "FLUSHDB" }));
    }

    void aclPage()
    {
        Session session(profileFor(*m_server));
        session.open();
        QVERIFY(waitConnected(session));
        DiagnosticsPanel panel(&session);
        panel.resize(1280, 820);
        panel.show();
        panel.pages()->setCurrentWidget(panel.aclPage());
        AclPage* page = panel.aclPage();
        QAbstractItemModelTester users(page->users(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(page->users()->rowOf(QStringLiteral("default")) >= 0, 5000);
        QVERIFY(page->statusText().contains(QLatin1String("No ACL file")));
        QVERIFY(!page->saveButton()->isEnabled());
        // A new user, as a user fills the form.
        page->newButton()->click();
        QVERIFY(!page->nameEdit()->isReadOnly());
        page->nameEdit()->setText(QStringLiteral("reporting"));
        page->passwordEdit()->setText(QStringLiteral("typed-secret-123"));
        page->commandsEdit()->setText(QStringLiteral("+@read"));
        page->keysEdit()->setPlainText(QStringLiteral("%R~report:*\n~tmp:*"));
        page->channelsEdit()->setText(QStringLiteral("reports"));
        page->selectorsEdit()->setPlainText(QStringLiteral("(+set ~tmp:*)"));
        page->applyButton()->click();
        // The typed password is gone from the form at once.
        QVERIFY(page->passwordEdit()->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(page->users()->rowOf(QStringLiteral("reporting")) >= 0, 5000);
        const AclUsersModel::User user = page->users()->users().at(page->users()->rowOf(QStringLiteral("reporting")));
        QCOMPARE(user.passwordCount, 1);
        QCOMPARE(user.keys.size(), 2);
        QVERIFY(user.keys.first().read && !user.keys.first().write);
        QCOMPARE(user.selectors.size(), 1);
        QCOMPARE(user.channels, QStringList { QStringLiteral("reports") });
        // Dry run from the page.
        page->selectUser(QStringLiteral("reporting"));
        QTRY_COMPARE(page->dryRunUser()->currentText(), QStringLiteral("reporting"));
        page->dryRunCommand()->setText(QStringLiteral("SET report:1 x"));
        page->dryRunButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->dryRunText().startsWith(QStringLiteral("✖")), 5000);
        page->dryRunCommand()->setText(QStringLiteral("GET report:1"));
        page->dryRunButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->dryRunText().startsWith(QStringLiteral("✔")), 5000);
        page->dryRunCommand()->setText(QStringLiteral("GET \"unbalanced"));
        page->dryRunButton()->click();
        QTRY_VERIFY(!page->dryRunText().startsWith(QStringLiteral("✔")));
        saveScreenshot(&panel, QStringLiteral("diagnostics-acl"));
        // Delete, confirmed.
        page->selectUser(QStringLiteral("reporting"));
        clickOnNextBox(QStringLiteral("Delete"));
        page->deleteButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(page->users()->rowOf(QStringLiteral("reporting")), -1, 5000);
    }

    void readOnlyOffersNoChange()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session session(profile);
        session.open();
        QVERIFY(waitConnected(session));
        DiagnosticsPanel panel(&session);
        panel.show();
        QTRY_VERIFY2(panel.latencyPage()->monitorText().startsWith(QLatin1String("Off:")),
                     qPrintable(panel.latencyPage()->monitorText()));
        QVERIFY(!panel.latencyPage()->enableButton()->isEnabled());
        panel.pages()->setCurrentWidget(panel.configPage());
        QTRY_VERIFY_WITH_TIMEOUT(panel.configPage()->model()->rowCount() > 100, 5000);
        QVERIFY(!panel.configPage()->rewriteButton()->isEnabled());
        const int hz = panel.configPage()->model()->rowOf(QStringLiteral("hz"));
        QVERIFY(!(panel.configPage()->model()->flags(panel.configPage()->model()->index(hz, ConfigModel::Value))
                  & Qt::ItemIsEditable));
        QVERIFY(panel.configPage()->statusText().contains(QLatin1String("Read-only")));
    }
};

QTEST_MAIN(TestDiagnosticsUi)
#include "tst_diagnosticsui.moc"
