// Every tool of a connection, opened on a Redis Cluster (3 masters, 3 replicas) in the offscreen
// platform, with a screenshot of each: the key browser (keys of every master in one tree, no
// database selector), the Cluster tab, the dashboard, Lua, pub/sub, MONITOR, locks, queues, the
// overview and the console (following a redirect).
#include "client/clusterslots.h"
#include "client/session.h"
#include "clusterfixture.h"
#include "dashboard/clusternodesmodel.h"
#include "dashboard/clusterpanel.h"
#include "dashboard/dashboardpanel.h"
#include "dashboard/infopoller.h"
#include "lua/luapanel.h"
#include "lua/scriptrunner.h"
#include "pubsub/monitorgroup.h"
#include "pubsub/monitormodel.h"
#include "pubsub/monitorpanel.h"
#include "pubsub/pubsubpane.h"
#include "pubsub/pubsubpanewidget.h"
#include "pubsub/pubsubpanel.h"
#include "pubsub/messagemodel.h"
#include "workspace/consolepanel.h"
#include "keyspace/keybrowserpanel.h"
#include "keyspace/keyspaceloader.h"
#include "workspace/sessionworkspace.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::ClusterPanel;
using vermilion::ui::KeyBrowserPanel;
using vermilion::ui::SessionWorkspace;
using vermilion::ui::ConsolePanel;
using vermilion::ui::DashboardPanel;
using vermilion::ui::LuaPanel;
using vermilion::ui::MonitorPanel;
using vermilion::ui::PubSubPaneWidget;
using vermilion::ui::PubSubPanel;

class TestClusterUi : public QObject {
    Q_OBJECT
private:
    ClusterFixture m_cluster;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(3, 1, &error), qPrintable(error));
    }

    void everyToolOpensOnTheCluster()
    {
        Session seeder(m_cluster.profile());
        seeder.open();
        QTRY_VERIFY_WITH_TIMEOUT(seeder.state() == Connection::State::Connected, 15000);
        QList<Command> sets;
        for (int i = 0; i < 3000; ++i)
            sets.append({ "SET", "shop:user:" + QByteArray::number(i % 40) + ":cart:" + QByteArray::number(i), "1" });
        sets.append({ "HSET", "shop:config", "currency", "EUR" });
        for (const Reply& reply : awaitBatch(seeder.executeBatch(sets), 60000))
            QVERIFY(!reply.isError());

        Session session(m_cluster.profile());
        SessionWorkspace workspace(&session);
        workspace.resize(1400, 860);
        session.open();
        workspace.show();
        QTRY_VERIFY_WITH_TIMEOUT(session.state() == Connection::State::Connected, 15000);
        QVERIFY(session.isCluster());

        // Keys: every master's keys in one tree; a cluster has no database to choose.
        auto* browser = workspace.findChild<KeyBrowserPanel*>();
        QVERIFY(browser);
        QTRY_COMPARE_WITH_TIMEOUT(browser->loader()->state(), KeyspaceLoader::State::Finished, 30000);
        QCOMPARE(browser->loader()->loadedKeys(), qint64(3001));
        QCOMPARE(browser->loader()->databaseSize(), qint64(3001));
        for (auto* combo : browser->findChildren<QComboBox*>()) {
            if (combo->accessibleName() == QStringLiteral("Database"))
                QVERIFY(!combo->isVisible());
        }
        saveScreenshot(&workspace, QStringLiteral("cluster-keys"));

        // The Cluster tab appears for a cluster, next to the dashboard.
        QTabWidget* tabs = workspace.tabs();
        int clusterTab = -1;
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QStringLiteral("Cluster"))
                clusterTab = i;
        }
        QVERIFY(clusterTab >= 0);
        tabs->setCurrentIndex(clusterTab);
        auto* cluster = workspace.findChild<ClusterPanel*>();
        QVERIFY(cluster);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->model()->rowCount(), 6, 10000);
        saveScreenshot(&workspace, QStringLiteral("cluster-nodes"));

        // Every other tool opens and shows without an error banner.
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            QVERIFY2(tabs->currentWidget()->isVisible(), qPrintable(tabs->tabText(i)));
            saveScreenshot(&workspace, QStringLiteral("cluster-tab-") + tabs->tabText(i).toLower().remove(QLatin1Char('/')));
        }
        QVERIFY(workspace.bannerText().isEmpty());
    }

    // Where a tool runs on a cluster is the user's choice: the dashboard's node picker (one node or
    // the masters' sum), the console's target, the Lua panel's node for key-less scripts, and the
    // nodes MONITOR watches (merged, with a node column).
    void toolsLetTheUserPickNodes()
    {
        Session session(m_cluster.profile());
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.state() == Connection::State::Connected, 15000);
        const QStringList nodes = session.allNodes();
        const QStringList masters = session.masterNodes();
        QCOMPARE(nodes.size(), 6);

        DashboardPanel dashboard(&session);
        dashboard.resize(1300, 800);
        dashboard.poller()->setInterval(200);
        dashboard.show();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.nodePicker()->count(), 7, 10000);
        QVERIFY(dashboard.nodePicker()->isVisible());
        QCOMPARE(dashboard.nodePicker()->itemData(0).toString(), QString());
        const int replicaItem = dashboard.nodePicker()->findData(nodes.at(1));
        QVERIFY(replicaItem > 0);
        dashboard.nodePicker()->setCurrentIndex(replicaItem);
        emit dashboard.nodePicker()->activated(replicaItem);
        QCOMPARE(dashboard.poller()->view(), nodes.at(1));
        QVERIFY(dashboard.findChild<QGroupBox*>()->title().contains(nodes.at(1)));
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.poller()->lastInfo().role() == QStringLiteral("slave"), 10000);
        saveScreenshot(&dashboard, QStringLiteral("cluster-dashboard-node"));
        dashboard.hide();

        ConsolePanel console(&session);
        console.show();
        QComboBox* target = nullptr;
        for (auto* combo : console.findChildren<QComboBox*>()) {
            if (combo->accessibleName() == QStringLiteral("Run on"))
                target = combo;
        }
        QVERIFY(target);
        QVERIFY(target->isVisible());
        QCOMPARE(target->count(), 3 + 6);
        const int mastersItem = target->findData(QByteArray("@masters"));
        target->setCurrentIndex(mastersItem);
        emit target->activated(mastersItem);
        QCOMPARE(console.console()->target().kind, ConsoleSession::TargetKind::Masters);
        // Typed, the console's target follows in the picker.
        QVERIFY(console.console()->run(QLatin1Char('@') + nodes.at(2)));
        QCOMPARE(target->currentData().toByteArray(), QByteArray('@' + nodes.at(2).toUtf8()));
        console.hide();

        LuaPanel lua(&session);
        lua.resize(1300, 800);
        lua.show();
        QTRY_VERIFY_WITH_TIMEOUT(lua.keylessNodePicker()->isVisible(), 5000);
        // Asked first when no node is chosen: a menu of nodes, and nothing runs until one is picked.
        lua.setScriptText(QStringLiteral("return redis.call('INFO', 'server')"));
        lua.run();
        QMenu* ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((ask = lua.findChild<QMenu*>(QStringLiteral("keylessNodeMenu"))) != nullptr, 5000);
        QVERIFY(!lua.runner()->isRunning());
        QList<QAction*> choices;
        for (QAction* action : ask->actions()) {
            if (!action->isSeparator() && action->text().contains(masters.at(1)))
                choices << action;
        }
        QCOMPARE(choices.size(), 1);
        QSignalSpy shown(&lua, &LuaPanel::resultShown);
        choices.first()->trigger();
        ask->close();
        QVERIFY(shown.wait(10000));
        QVERIFY2(lua.rawResult().contains(QStringLiteral("tcp_port:") + masters.at(1).section(QLatin1Char(':'), -1)),
                 qPrintable(lua.rawResult().left(400)));
        // A chosen node: it runs there at once.
        lua.keylessNodePicker()->setCurrentIndex(lua.keylessNodePicker()->findData(masters.at(2)));
        lua.run();
        QVERIFY(shown.wait(10000));
        QVERIFY(lua.rawResult().contains(QStringLiteral("tcp_port:") + masters.at(2).section(QLatin1Char(':'), -1)));
        QVERIFY2(lua.resultSummary().contains(QStringLiteral(" on ") + masters.at(2)), qPrintable(lua.resultSummary()));
        saveScreenshot(&lua, QStringLiteral("cluster-lua-keyless"));
        lua.hide();

        MonitorPanel monitor(&session);
        monitor.resize(1300, 700);
        monitor.show();
        QCOMPARE(monitor.nodes(), masters);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.monitor()->state(), Connection::State::Connected, 10000);
        QCOMPARE(monitor.monitor()->watched(), masters);
        // A command on each master: all three show up, each under its node.
        QList<Session::NodeReply> pinged;
        session.executeOnEach(masters, { "ECHO", "monitored" }, this,
                              [&](const QList<Session::NodeReply>& replies) { pinged = replies; });
        QTRY_COMPARE_WITH_TIMEOUT(pinged.size(), 3, 10000);
        QSet<QString> seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                seen.clear();
                for (int row = 0; row < monitor.model()->rowCount(); ++row) {
                    if (monitor.model()->index(row, MonitorModel::CommandColumn).data().toString() == QStringLiteral("ECHO"))
                        seen.insert(monitor.model()->index(row, MonitorModel::NodeColumn).data().toString());
                }
                return seen.size() == 3;
            }(),
            10000);
        QCOMPARE(seen, QSet<QString>(masters.begin(), masters.end()));
        QVERIFY(!monitor.view()->isColumnHidden(MonitorModel::NodeColumn));
        saveScreenshot(&monitor, QStringLiteral("cluster-monitor"));
        monitor.stop();
        monitor.hide();

        // A pub/sub pane in sharded mode: SSUBSCRIBE where each channel's slot is, SPUBLISH arrives.
        PubSubPaneWidget pane(&session, QStringLiteral("Shards"));
        pane.resize(1300, 700);
        pane.show();
        QVERIFY(pane.shardedCheck()->isVisible());
        pane.addSubscription("orders:*", true);
        pane.shardedCheck()->setChecked(true); // refused: a pattern is there
        QVERIFY(!pane.pane()->isSharded());
        QVERIFY(!pane.shardedCheck()->isChecked());
        QVERIFY(pane.noticeText().contains(QStringLiteral("no patterns")));
        pane.pane()->punsubscribe("orders:*");
        pane.shardedCheck()->setChecked(true);
        QVERIFY(pane.pane()->isSharded());
        pane.addSubscription("orders:{eu}", false);
        pane.addSubscription("orders:{us}", false);
        pane.start();
        QTRY_VERIFY_WITH_TIMEOUT(pane.pane()->channelStates().value("orders:{eu}")
                                     && pane.pane()->channelStates().value("orders:{us}"),
                                 10000);
        QVERIFY(awaitReply(session.execute({ "SPUBLISH", "orders:{eu}", "{\"id\":1}" })).toInteger() == 1);
        QVERIFY(awaitReply(session.execute({ "SPUBLISH", "orders:{us}", "{\"id\":2}" })).toInteger() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(pane.pane()->receivedMessages(), qint64(2), 10000);
        // The mode is part of the pane's saved set-up.
        QVERIFY(pane.toJson().value(QStringLiteral("sharded")).toBool());
        saveScreenshot(&pane, QStringLiteral("cluster-pubsub-sharded"));
        pane.hide();

        // A keyspace pane listens on every master: notifications are each node's own.
        PubSubPanel panel(&session);
        panel.resize(1300, 700);
        panel.show();
        PubSubPaneWidget* keyspace = panel.openKeyspacePane(true, 0);
        QVERIFY(keyspace->pane()->isEveryMaster());
        QVERIFY(keyspace->everyMasterCheck()->isChecked());
        QCOMPARE(keyspace->pane()->subscriber()->shardNodes(), masters);
    }
};

QTEST_MAIN(TestClusterUi)
#include "tst_clusterui.moc"
