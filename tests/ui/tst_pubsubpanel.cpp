#include "client/connection.h"
#include "client/session.h"
#include "pubsub/channeldiscoverymodel.h"
#include "pubsub/demopublisher.h"
#include "pubsub/pubsubpane.h"
#include "pubsub/pubsubpanewidget.h"
#include "pubsub/pubsubpanel.h"
#include "redisfixture.h"
#include "shell/thememanager.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::PubSubPaneWidget;
using vermilion::ui::PubSubPanel;

class TestPubSubPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    QTemporaryDir m_settingsDir;

    static int confirmedCount(PubSubPaneWidget* pane)
    {
        int confirmed = 0;
        for (const bool on : pane->pane()->channelStates())
            confirmed += on;
        for (const bool on : pane->pane()->patternStates())
            confirmed += on;
        return confirmed;
    }

    static void colourRules(PubSubPaneWidget* pane)
    {
        HandlerRule orders;
        orders.key = "demo:orders";
        orders.colour = QStringLiteral("#2e8b57");
        orders.decoder = QStringLiteral("json");
        HandlerRule sensors;
        sensors.key = "demo:sensor:*";
        sensors.colour = QStringLiteral("#b8860b");
        HandlerRule chat;
        chat.key = "demo:chat";
        chat.colour = QStringLiteral("#3465a4");
        HandlerRule alerts;
        alerts.key = "demo:alerts";
        alerts.colour = QStringLiteral("#d0312d");
        alerts.notify = true;
        HandlerRule star;
        star.key = "*";
        pane->pane()->rules()->setRules({ orders, sensors, chat, alerts, star });
    }

private slots:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("VermilionTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_pubsubpanel"));
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void twoPanesWithRulesAndLiveMessages()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.id = QUuid::createUuid();
        Session session(profile);
        session.open();
        PubSubPanel panel(&session);
        panel.resize(1500, 900);
        QCOMPARE(panel.panes().size(), 1); // a fresh profile starts with one pane
        PubSubPaneWidget* first = panel.panes().at(0);
        QAbstractItemModelTester messagesTester(first->pane()->messages());
        QAbstractItemModelTester rulesTester(first->pane()->rules());
        colourRules(first);
        first->addSubscription("demo:*", true);
        PubSubPaneWidget* second = panel.addPane(QStringLiteral("Orders only"));
        QAbstractItemModelTester secondTester(second->pane()->messages());
        HandlerRule orders;
        orders.key = "demo:orders";
        orders.colour = QStringLiteral("#8a5cb8");
        orders.decoder = QStringLiteral("json");
        second->pane()->rules()->addRule(orders);
        second->addSubscription("demo:orders", false);
        second->start();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE_WITH_TIMEOUT(confirmedCount(first) + confirmedCount(second), 2, 10000);

        DemoPublisher demo(profile);
        demo.setInterval(40);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(first->pane()->receivedMessages() >= 40 && second->pane()->receivedMessages() >= 10, 15000);
        demo.stop();
        // Rules counted and coloured what they took.
        HandlerRuleModel* rules = first->pane()->rules();
        QVERIFY(rules->messages(rules->findRule("demo:orders")) > 0);
        QVERIFY(rules->messages(rules->findRule("demo:sensor:*")) > 0);
        QCOMPARE(rules->messages(rules->findRule("*")), 0);
        bool sawOrderColour = false;
        for (int row = 0; row < first->pane()->messages()->rowCount(); ++row) {
            const QModelIndex index = first->pane()->messages()->index(row, 0);
            if (index.data(MessageModel::ChannelBytesRole).toByteArray() == "demo:orders")
                sawOrderColour = index.data(MessageModel::ColourRole).toString() == QStringLiteral("#2e8b57");
        }
        QVERIFY(sawOrderColour);
        // The second pane only ever saw orders.
        for (int row = 0; row < second->pane()->messages()->rowCount(); ++row) {
            const QModelIndex index = second->pane()->messages()->index(row, 0);
            if (index.data(MessageModel::KindRole).toInt() == int(PubSubMessage::Kind::Message))
                QCOMPARE(index.data(MessageModel::ChannelBytesRole).toByteArray(), QByteArray("demo:orders"));
        }
        // The publish bar reports how many subscribers got the message: both panes.
        panel.publish("demo:orders", "{\"id\":-1,\"product\":\"by hand\"}");
        QTRY_VERIFY_WITH_TIMEOUT(panel.publishResultText().startsWith(QStringLiteral("Received by 2 subscriber")), 10000);
        // Select a JSON message to show the decoded details.
        QTableView* view = first->messageView();
        QTRY_VERIFY_WITH_TIMEOUT(first->pane()->messages()->rowCount() > 0, 5000);
        for (int row = first->pane()->messages()->rowCount() - 1; row >= 0; --row) {
            if (first->pane()->messages()->index(row, 0).data(MessageModel::ChannelBytesRole).toByteArray() == "demo:orders") {
                view->setCurrentIndex(first->pane()->messages()->index(row, MessageModel::PayloadColumn));
                break;
            }
        }
        QVERIFY(first->statusText().contains(QStringLiteral("received")));
        // Channel discovery lists the demo channels with their subscriber counts.
        panel.setDiscoveryVisible(true);
        QTRY_VERIFY_WITH_TIMEOUT(panel.channelModel()->rowCount() >= 1 && !panel.channelModel()->isBusy(), 10000);
        int ordersRow = -1;
        for (int row = 0; row < panel.channelModel()->rowCount(); ++row) {
            if (panel.channelModel()->channel(row) == "demo:orders")
                ordersRow = row;
        }
        QVERIFY(ordersRow >= 0);
        QCOMPARE(panel.channelModel()->subscribers(ordersRow), 1); // the second pane; the first uses a pattern
        QVERIFY(panel.channelModel()->patternSubscriptions() >= 1);
        QString path = saveScreenshot(&panel, QStringLiteral("pubsub-two-panes"));
        QTRY_VERIFY(!QImage(path).isNull()); // written on the thread pool

        // Dark palette: the rule colours stay readable.
        const QPalette original = qApp->palette();
        qApp->setPalette(ui::ThemeManager::darkPalette());
        path = saveScreenshot(&panel, QStringLiteral("pubsub-two-panes-dark"));
        qApp->setPalette(original);

        // Tabbed layout keeps the panes and their history.
        const qint64 before = first->pane()->receivedMessages();
        panel.setPaneLayout(PubSubPanel::Layout::Tabbed);
        QCOMPARE(panel.panes().size(), 2);
        QCOMPARE(first->pane()->receivedMessages(), before);
        saveScreenshot(&panel, QStringLiteral("pubsub-tabbed"));

        // Everything is saved per profile and comes back.
        panel.saveState();
        PubSubPanel restored(&session);
        // Nothing connects before the tool is shown.
        QCOMPARE(restored.panes().at(0)->pane()->subscriber()->isStarted(), false);
        restored.show();
        QCOMPARE(restored.panes().at(0)->pane()->subscriber()->isStarted(), true);
        QCOMPARE(restored.paneLayout(), PubSubPanel::Layout::Tabbed);
        QCOMPARE(restored.panes().size(), 2);
        QCOMPARE(restored.panes().at(1)->title(), QStringLiteral("Orders only"));
        QCOMPARE(restored.panes().at(0)->pane()->rules()->rowCount(), 5);
        QCOMPARE(restored.panes().at(0)->pane()->rules()->rule(0).colour, QStringLiteral("#2e8b57"));
        QVERIFY(restored.panes().at(0)->pane()->patternStates().contains("demo:*"));
        QTRY_COMPARE_WITH_TIMEOUT(confirmedCount(restored.panes().at(0)), 1, 10000);
    }

    void keyspacePaneOffersToEnable()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.id = QUuid::createUuid();
        Session session(profile);
        session.open();
        Connection admin(profile);
        admin.open();
        awaitReply(admin.execute({ "CONFIG", "SET", "notify-keyspace-events", "" }));
        PubSubPanel panel(&session);
        panel.resize(1200, 800);
        PubSubPaneWidget* pane = panel.openKeyspacePane(true, 0);
        QTRY_VERIFY_WITH_TIMEOUT(pane->noticeText().contains(QStringLiteral("off")), 10000);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        saveScreenshot(&panel, QStringLiteral("pubsub-keyspace-off"));
        // Enabled (as the confirmed dialog would), the pane comes alive.
        awaitReply(admin.execute({ "CONFIG", "SET", "notify-keyspace-events", "KEA" }));
        QTRY_COMPARE_WITH_TIMEOUT(confirmedCount(pane), 1, 10000);
        awaitReply(admin.execute({ "SET", "watched", "1" }));
        QTRY_VERIFY_WITH_TIMEOUT(pane->pane()->receivedMessages() >= 1, 10000);
        const MessageModel* messages = pane->pane()->messages();
        QCOMPARE(messages->index(messages->rowCount() - 1, MessageModel::ChannelColumn).data().toString(),
            QStringLiteral("__keyspace@0__:watched"));
        QCOMPARE(messages->index(messages->rowCount() - 1, MessageModel::PayloadColumn).data().toString(),
            QStringLiteral("set"));
        awaitReply(admin.execute({ "CONFIG", "SET", "notify-keyspace-events", "" }));
    }

    void readOnlyRefusesPublishAndConfigSet()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.id = QUuid::createUuid();
        profile.readOnly = true;
        Session session(profile);
        session.open();
        PubSubPanel panel(&session);
        panel.publish("demo:orders", "x");
        QVERIFY(panel.publishResultText().contains(QStringLiteral("read-only")));
        PubSubPaneWidget* pane = panel.openKeyspacePane(false, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->noticeText().isEmpty(), 10000);
        // The notice's button runs the read-only refusal instead of asking to CONFIG SET.
        const auto buttons = pane->findChildren<QPushButton*>();
        QPushButton* enable = nullptr;
        for (QPushButton* button : buttons) {
            if (button->text().startsWith(QStringLiteral("Enable")))
                enable = button;
        }
        QVERIFY(enable);
        enable->click();
        QVERIFY(pane->noticeText().contains(QStringLiteral("read-only")));
    }
};

QTEST_MAIN(TestPubSubPanel)
#include "tst_pubsubpanel.moc"
