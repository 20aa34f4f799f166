// Every tool of a connection, opened on a Redis Cluster (3 masters, 3 replicas) in the offscreen
// platform, with a screenshot of each: the key browser (keys of every master in one tree, no
// database selector), the Cluster tab, the dashboard, Lua, pub/sub, MONITOR, locks, queues, the
// overview and the console (following a redirect).
#include "client/clusterslots.h"
#include "client/session.h"
#include "clusterfixture.h"
#include "dashboard/clusternodesmodel.h"
#include "dashboard/clusterpanel.h"
#include "keyspace/keybrowserpanel.h"
#include "keyspace/keyspaceloader.h"
#include "workspace/sessionworkspace.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::ClusterPanel;
using vermilion::ui::KeyBrowserPanel;
using vermilion::ui::SessionWorkspace;

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
};

QTEST_MAIN(TestClusterUi)
#include "tst_clusterui.moc"
