#include "carmine/carmineproxies.h"
#include "carmine/messagestatus.h"
#include "carmine/queuelistmodel.h"
#include "carmine/queuemessagemodel.h"
#include "carmine/queuespanel.h"
#include "carmine/tundraevictedmodel.h"
#include "client/session.h"
#include "redisfixture.h"
#include "server/demoseeder.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::QueuesPanel;

class TestQueuesPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;

    Reply run(const Command& command) { return awaitReply(m_session->execute(command)); }

    bool open(QueuesPanel& panel, const QByteArray& queue)
    {
        if (!QTest::qWaitFor([&] { return panel.selectQueue(queue); }, 10000))
            return false;
        return QTest::qWaitFor(
            [&] {
                QueueMessageModel* m = panel.messageModel();
                if (m->queue() != queue || m->isLoading() || m->rowCount() == 0)
                    return false;
                for (int i = 0; i < m->rowCount(); ++i) {
                    if (!m->message(i).decoded)
                        return false;
                }
                return true;
            },
            10000);
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
        DemoSeeder seeder(m_session.get());
        seeder.addDataset(QStringLiteral("queues"), &DemoSeeder::carmineQueues);
        QSignalSpy finished(&seeder, &DemoSeeder::finished);
        seeder.start();
        QVERIFY(finished.wait(30000));
    }

    void queuesAndMessages()
    {
        QueuesPanel panel(m_session.get());
        QAbstractItemModelTester queues(panel.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester messages(panel.messageModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxy(panel.messageProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setRefreshInterval(0);
        panel.resize(1400, 860);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE_WITH_TIMEOUT(panel.queueModel()->rowCount(), 3, 10000);
        const CarmineQueue::Totals& emails = panel.queueModel()->totals(panel.queueModel()->rowOfQueue("emails"));
        QCOMPARE(emails.layout, CarmineQueue::Layout::V2);
        QCOMPARE(emails.messages, 11);
        QCOMPARE(emails.ready, 2); // two new messages
        QCOMPARE(emails.inCircle, 9);
        QCOMPARE(emails.locked, 2);
        QCOMPARE(emails.done, 3);
        QCOMPARE(emails.requeue, 2);
        const CarmineQueue::Totals& legacy = panel.queueModel()->totals(panel.queueModel()->rowOfQueue("legacy-jobs"));
        QCOMPARE(legacy.layout, CarmineQueue::Layout::V1);
        QCOMPARE(legacy.dryRuns, 3);
        QVERIFY(legacy.eoqBackoffMs > 0);

        QVERIFY(open(panel, "emails"));
        QVERIFY(!panel.isTundraViewShown());
        QCOMPARE(panel.messageModel()->rowCount(), 11);
        for (int s = int(MessageStatus::Queued); s < messageStatusCount; ++s)
            QVERIFY2(panel.messageModel()->countWithStatus(MessageStatus(s)) > 0,
                qPrintable(MessageStatusText::keyword(MessageStatus(s))));
        panel.setStatusFilter(int(MessageStatus::Locked));
        QCOMPARE(panel.messageProxy()->rowCount(), 1);
        panel.setStatusFilter(-1);
        QCOMPARE(panel.messageProxy()->rowCount(), 11);
        // The big message was LZ4-compressed by the seeder, as Nippy does above 8 KiB.
        bool sawBig = false;
        for (int i = 0; i < panel.messageModel()->rowCount(); ++i) {
            const auto& m = panel.messageModel()->message(i);
            QVERIFY2(m.decodeError.isEmpty(), qPrintable(m.decodeError));
            if (m.content.at(5) == '\x08') {
                sawBig = true;
                QVERIFY(m.edn.contains(QLatin1String(":monthly-statement")));
            }
        }
        QVERIFY(sawBig);
        panel.messageView()->sortByColumn(QueueMessageModel::StatusColumn, Qt::AscendingOrder);
        panel.messageView()->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(panel.contentText().contains(QLatin1String(":template")), 5000);
        QVERIFY(panel.summaryText().contains(QLatin1String("11")));
        // Statuses by the server's clock, said in the summary; the same machine here, so no skew.
        QVERIFY(panel.summaryText().contains(QLatin1String("statuses by the server's clock")));
        QVERIFY(!panel.summaryText().contains(QLatin1String("this machine's clock")));
        QVERIFY(panel.summaryToolTip().contains(QLatin1String("Carmine's workers decide with their own machine's clock")));
        QCOMPARE(QueuesPanel::clockText(900), QStringLiteral("statuses by the server's clock"));
        QCOMPARE(QueuesPanel::clockText(2500),
            QStringLiteral("statuses by the server's clock · this machine's clock is 2.5 s behind the server's"));
        QCOMPARE(QueuesPanel::clockText(-1500),
            QStringLiteral("statuses by the server's clock · this machine's clock is 1.5 s ahead of the server's"));
        QCOMPARE(panel.messageModel()->data(panel.messageModel()->index(0, QueueMessageModel::AttemptsColumn),
                     Qt::ToolTipRole).toString().contains(QLatin1String("handler run")), true);
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("queues-panel"))));

        QVERIFY(open(panel, "legacy-jobs"));
        QCOMPARE(panel.messageModel()->layout(), CarmineQueue::Layout::V1);
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("queues-panel-v1"))));
    }

    void tundraView()
    {
        QueuesPanel panel(m_session.get());
        QAbstractItemModelTester evicted(panel.evictedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester evictedProxy(
            panel.evictedProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setRefreshInterval(0);
        panel.resize(1400, 860);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(open(panel, "tundra:default"));
        QVERIFY(panel.isTundraViewShown());
        QueueMessageModel* model = panel.messageModel();
        QVERIFY(model->isTundra());
        int missing = 0;
        int evictable = 0;
        for (int i = 0; i < model->rowCount(); ++i) {
            missing += model->message(i).keyExists ? 0 : 1;
            evictable += model->message(i).evictable ? 1 : 0;
        }
        QCOMPARE(model->rowCount(), 10);
        // Tundra retries while attempt <= nattempts (tundra.clj): up to 4 runs with the default 3.
        QVERIFY(model->data(model->index(0, QueueMessageModel::AttemptsColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("(3 by default, so up to 4 runs)")));
        QCOMPARE(missing, 2); // tundra:user:4 and :8
        QCOMPARE(evictable, 5);
        // Evictable keys missing from Redis: tundra:archive:2021..2025 (2026 is still cached).
        QTRY_COMPARE_WITH_TIMEOUT(panel.evictedModel()->totalMembers(), 11, 10000);
        QCOMPARE(panel.evictedModel()->missingCount(), 5);
        QCOMPARE(panel.evictedProxy()->rowCount(), 5);
        QVERIFY(panel.summaryText().contains(QLatin1String("5 missing")));
        QSignalSpy openKey(&panel, &QueuesPanel::openKeyRequested);
        panel.messageView()->selectRow(0);
        panel.openSelectedKey();
        QCOMPARE(openKey.size(), 1);
        QVERIFY(openKey.first().first().toByteArray().startsWith("tundra:user:"));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("queues-tundra"))));
    }

    void clearQueue()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session readOnly(profile);
        readOnly.open();
        {
            QueuesPanel panel(&readOnly);
            panel.setRefreshInterval(0);
            bool asked = false;
            panel.setConfirmation([&](const QString&, const QString&) { return asked = true; });
            QVERIFY(open(panel, "legacy-jobs"));
            QSignalSpy cleared(&panel, &QueuesPanel::clearFinished);
            panel.clearSelectedQueue();
            QCOMPARE(cleared.size(), 1);
            QVERIFY(!cleared.first().first().toBool());
            QVERIFY(!asked);
            QVERIFY(panel.messageText().contains(QLatin1String("read-only")));
        }
        QCOMPARE(run({ "EXISTS", "carmine:mq:legacy-jobs:messages" }).integerValue(), 1);

        QueuesPanel panel(m_session.get());
        panel.setRefreshInterval(0);
        QString question;
        panel.setConfirmation([&](const QString&, const QString& text) {
            question = text;
            return true;
        });
        QVERIFY(open(panel, "legacy-jobs"));
        QSignalSpy cleared(&panel, &QueuesPanel::clearFinished);
        panel.clearSelectedQueue();
        QVERIFY(cleared.wait(10000));
        QVERIFY(cleared.first().first().toBool());
        QVERIFY(question.contains(QLatin1String("10 message")));
        QCOMPARE(run({ "EXISTS", "carmine:mq:legacy-jobs:messages", "carmine:mq:legacy-jobs:eoq-backoff?",
                         "carmine:mq:legacy-jobs:mid-circle", "carmine:mq:legacy-jobs:done" })
                     .integerValue(),
            0);
        QCOMPARE(run({ "EXISTS", "carmine:mq:emails:messages" }).integerValue(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(panel.queueModel()->rowCount(), 2, 10000);
    }
};

QTEST_MAIN(TestQueuesPanel)
#include "tst_queuespanel.moc"
