// The Sentinel parts of the UI under the offscreen platform, against a private Sentinel setup
// (one master, two replicas, three sentinels): the connection dialog's Sentinel tab and its Test,
// and the Sentinel tab of a session's workspace (the master group, its events, and SENTINEL
// FAILOVER, confirmed, and refused on a read-only profile), with a screenshot of each.
#include "client/sentinelwatcher.h"
#include "client/session.h"
#include "connections/connectiondialog.h"
#include "dashboard/sentinelgroupmodel.h"
#include "dashboard/sentinelpanel.h"
#include "sentinelfixture.h"
#include "uitestsupport.h"
#include "workspace/sessionworkspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::ConnectionDialog;
using vermilion::ui::SentinelPanel;

class TestSentinelUi : public QObject {
    Q_OBJECT
private:
    SentinelFixture m_fixture;

    template<typename T> static T* field(QWidget* dialog, const QString& accessibleName)
    {
        for (T* widget : dialog->findChildren<T*>()) {
            if (widget->accessibleName() == accessibleName)
                return widget;
        }
        return nullptr;
    }

    static bool waitConnected(Session& session)
    {
        return QTest::qWaitFor([&] { return session.state() == Connection::State::Connected; }, 15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
    }

    void dialogFillsTestsAndValidatesSentinel()
    {
        ConnectionDialog dialog;
        dialog.resize(620, 560);
        // A Sentinel URL picks the transport and fills the tab.
        QVERIFY(dialog.applyUrl(QStringLiteral("redis+sentinel://%1/mymaster?sentinel_password=")
                                    .arg(m_fixture.sentinelAddresses().join(QLatin1Char(',')))));
        QCOMPARE(dialog.transportBox()->currentIndex(), 2);
        QVERIFY(!dialog.hostEdit()->isEnabled());
        QCOMPARE(field<QLineEdit>(&dialog, QStringLiteral("Master group name"))->text(), QStringLiteral("mymaster"));
        // Read from a replica is offered only with Read-only.
        QCheckBox* replica = nullptr;
        QCheckBox* readOnly = nullptr;
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
            if (box->text().contains(QLatin1String("replica of the group")))
                replica = box;
            if (box->text().contains(QLatin1String("Read-only")))
                readOnly = box;
        }
        QVERIFY(replica && readOnly);
        QVERIFY(!replica->isEnabled());
        readOnly->setChecked(true);
        QVERIFY(replica->isEnabled());
        readOnly->setChecked(false);
        // Test: the master as Sentinel names it.
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        dialog.testButton()->click();
        QVERIFY(finished.wait(15000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(QStringLiteral("the master of \"mymaster\" at 127.0.0.1:%1")
                                                  .arg(m_fixture.agreedMasterPort())),
                 qPrintable(dialog.testResult()));
        dialog.tabs()->setCurrentIndex(dialog.tabs()->count() - 1);
        dialog.show();
        saveScreenshot(&dialog, QStringLiteral("sentinel-dialog"));
        // A group the sentinels do not know: said plainly.
        field<QLineEdit>(&dialog, QStringLiteral("Master group name"))->setText(QStringLiteral("nope"));
        finished.clear();
        dialog.testButton()->click();
        QVERIFY(finished.wait(15000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog.testResult().contains(QStringLiteral("knows no master group named \"nope\"")),
                 qPrintable(dialog.testResult()));
        // Saving is refused without sentinels or with a bad one.
        field<QLineEdit>(&dialog, QStringLiteral("Sentinels"))->setText(QStringLiteral("host:99999"));
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY2(dialog.testResult().contains(QStringLiteral("host:port")), qPrintable(dialog.testResult()));
        // A sentinel without a port gets Sentinel's own.
        field<QLineEdit>(&dialog, QStringLiteral("Sentinels"))->setText(QStringLiteral("s1, s2:26380"));
        QCOMPARE(dialog.profile().sentinels, (QStringList { QStringLiteral("s1:26379"), QStringLiteral("s2:26380") }));
        // Another transport drops the sentinels from the profile.
        dialog.transportBox()->setCurrentIndex(0);
        QVERIFY(!dialog.profile().usesSentinel());
    }

    void workspaceShowsTheGroup()
    {
        Session session(m_fixture.profile());
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        ui::SessionWorkspace workspace(&session);
        workspace.resize(1280, 760);
        workspace.show();
        auto* tabs = workspace.findChild<QTabWidget*>();
        QVERIFY(tabs);
        int sentinelTab = -1;
        QTRY_VERIFY([&] {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->tabText(i) == QLatin1String("Sentinel"))
                    sentinelTab = i;
            }
            return sentinelTab >= 0;
        }());
        tabs->setCurrentIndex(sentinelTab);
        auto* panel = workspace.findChild<SentinelPanel*>();
        QVERIFY(panel);
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The master, both replicas and all three sentinels.
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 6, 10000);
        const auto roles = [&] {
            QStringList list;
            for (int row = 0; row < panel->model()->rowCount(); ++row)
                list << panel->model()->index(row, SentinelGroupModel::Role).data().toString();
            return list;
        }();
        QCOMPARE(roles, (QStringList { QStringLiteral("master"), QStringLiteral("replica"), QStringLiteral("replica"),
                                       QStringLiteral("sentinel"), QStringLiteral("sentinel"), QStringLiteral("sentinel") }));
        QCOMPARE(panel->model()->index(0, SentinelGroupModel::Address).data().toString(),
                 QStringLiteral("127.0.0.1:%1").arg(m_fixture.agreedMasterPort()));
        QTRY_VERIFY(panel->summaryText().contains(QStringLiteral("quorum 2 of 3 sentinels")));
        QVERIFY2(panel->summaryText().contains(QStringLiteral("Quorum check: OK")), qPrintable(panel->summaryText()));
        QVERIFY(panel->failoverButton()->isEnabled());
        // The replicas' lag, from the master's INFO.
        QTRY_VERIFY(panel->model()->index(1, SentinelGroupModel::Lag).data().toString().contains(QLatin1String("behind")));
        QVERIFY(panel->events()->count() >= 1); // where the session found the master

        // SENTINEL FAILOVER, after the confirmation: the group changes and the tab shows it.
        const quint16 before = m_fixture.agreedMasterPort();
        QString asked;
        answerNextMessageBox(QMessageBox::Cancel, &asked); // first: cancelled, nothing is sent
        panel->failoverButton()->click();
        QTRY_VERIFY(!asked.isEmpty());
        QVERIFY(asked.contains(QStringLiteral("\"mymaster\"")));
        QCOMPARE(m_fixture.agreedMasterPort(), before);
        // Then accepted: the box's own Fail Over button.
        auto clickFailOver = std::make_shared<std::function<void(int)>>();
        *clickFailOver = [clickFailOver](int triesLeft) {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                for (QAbstractButton* button : box->buttons()) {
                    if (button->text() == QLatin1String("Fail Over"))
                        button->click();
                }
                return;
            }
            if (triesLeft > 0)
                QTimer::singleShot(20, [clickFailOver, triesLeft] { (*clickFailOver)(triesLeft - 1); });
        };
        QTimer::singleShot(0, [clickFailOver] { (*clickFailOver)(250); });
        panel->failoverButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(session.currentServer() != QStringLiteral("127.0.0.1:%1").arg(before), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->index(0, SentinelGroupModel::Address).data().toString()
                                     == session.currentServer(),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->summaryText().contains(QLatin1String("no failover running")), 20000);
        bool switched = false;
        for (int i = 0; i < panel->events()->count(); ++i)
            switched = switched || panel->events()->item(i)->text().contains(QLatin1String("+switch-master"));
        QVERIFY(switched);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Connected, 5000);
        // The old master comes back into the group as a replica of the new one (and the answering
        // sentinel has its links to the new master's group up again).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (panel->model()->instances().isEmpty() || panel->model()->instances().first().isDown())
                    return false;
                for (int row = 0; row < panel->model()->rowCount(); ++row) {
                    if (panel->model()->index(row, SentinelGroupModel::Role).data().toString() == QLatin1String("replica")
                        && panel->model()->index(row, SentinelGroupModel::Address).data().toString()
                            == QStringLiteral("127.0.0.1:%1").arg(before))
                        return true;
                }
                return false;
            }(),
            20000);
        saveScreenshot(&workspace, QStringLiteral("sentinel-group"));
    }

    void readOnlyRefusesFailover()
    {
        ConnectionProfile profile = m_fixture.profile();
        profile.readOnly = true;
        Session session(profile);
        session.open();
        QVERIFY2(waitConnected(session), qPrintable(session.lastError()));
        SentinelPanel panel(&session);
        QVERIFY(!panel.failoverButton()->isEnabled());
        QVERIFY(panel.failoverButton()->toolTip().contains(QLatin1String("read-only")));
        // And the model refuses too, whatever calls it.
        QSignalSpy finished(panel.model(), &SentinelGroupModel::failoverFinished);
        panel.model()->failOver();
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(0).toString().contains(QLatin1String("read-only")));
    }
};

QTEST_MAIN(TestSentinelUi)
#include "tst_sentinelui.moc"
