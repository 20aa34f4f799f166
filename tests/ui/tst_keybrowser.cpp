#include "client/session.h"
#include "keyspace/keybrowserpanel.h"
#include "keyspace/keyspaceloader.h"
#include "keyspace/keytreemodel.h"
#include "redisfixture.h"
#include "server/sandbox.h"
#include "stallwatchdog.h"
#include "uitestsupport.h"
#include "values/valueeditor.h"
#include "values/valuetextview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::KeyBrowserPanel;

class TestKeyBrowser : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Sandbox> m_sandbox;
    ConnectionProfile m_profile;

    // Expands a folder in the view and waits for its rows, built off the UI thread.
    static QModelIndex expand(KeyBrowserPanel& panel, const QString& name, const QModelIndex& parent = {})
    {
        const QModelIndex folder = findRow(panel.model(), name, parent);
        if (!folder.isValid())
            return {};
        panel.tree()->expand(folder);
        if (!QTest::qWaitFor([&] { return panel.model()->rowCount(folder) > 0; }, 10000))
            return {};
        return folder;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sandbox = std::make_unique<Sandbox>();
        QSignalSpy ready(m_sandbox.get(), &Sandbox::ready);
        QSignalSpy failed(m_sandbox.get(), &Sandbox::failed);
        m_sandbox->start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY(failed.isEmpty());
        m_profile = ready.first().first().value<ConnectionProfile>();
    }

    void browsesTheSandbox_data()
    {
        QTest::addColumn<bool>("underTester");
        QTest::addRow("watched for stalls") << false;
        QTest::addRow("under the model tester") << true;
    }

    void browsesTheSandbox()
    {
        QFETCH(bool, underTester);
        Session session(m_profile);
        KeyBrowserPanel panel(&session);
        std::unique_ptr<QAbstractItemModelTester> tester;
        if (underTester) {
            // The tester re-checks the whole tree on every change: seconds of UI-thread work on the
            // sandbox's keyspace that belong to the test, not to the panel. The other row runs the
            // same steps with the stall limit enforced.
            excuseStallsInThisTest("QAbstractItemModelTester checks the whole key tree on every change");
            tester = std::make_unique<QAbstractItemModelTester>(
                panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
        panel.resize(1200, 720);
        session.open();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE_WITH_TIMEOUT(panel.loader()->state(), KeyspaceLoader::State::Finished, 20000);
        panel.model()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(findRow(panel.model(), QStringLiteral("app")).isValid(), 10000);

        for (const char* name : { "big", "bin", "cache", "ttl", "unicode", "noseparator" })
            QVERIFY2(findRow(panel.model(), QString::fromLatin1(name)).isValid(), name);

        const QModelIndex app = expand(panel, QStringLiteral("app"));
        QVERIFY(app.isValid());
        const QModelIndex user = expand(panel, QStringLiteral("user"), app);
        QVERIFY(user.isValid());
        QCOMPARE(panel.model()->rowCount(user), 250);
        QCOMPARE(panel.model()->index(0, 0, user).data().toString(), QStringLiteral("1"));
        QCOMPARE(panel.model()->index(9, 0, user).data().toString(), QStringLiteral("10"));
        const QModelIndex first = expand(panel, QStringLiteral("1"), user);
        const QModelIndex profile = findRow(panel.model(), QStringLiteral("profile"), first);
        QVERIFY(profile.isValid());

        // Details for the rows on screen arrive by themselves.
        QTRY_COMPARE_WITH_TIMEOUT(profile.data(KeyTreeModel::KeyTypeRole).toByteArray(), QByteArray("hash"), 10000);
        QVERIFY2(profile.data(KeyTreeModel::MemoryRole).toLongLong() > 0,
            qPrintable(profile.siblingAtColumn(KeyTreeModel::MemoryColumn).data().toString()));

        panel.tree()->setCurrentIndex(profile);
        QTRY_VERIFY_WITH_TIMEOUT(panel.editor() != nullptr, 10000);
        QCOMPARE(panel.editor()->key(), QByteArray("app:user:1:profile"));
        QCOMPARE(panel.editor()->type(), QByteArray("hash"));
        QVERIFY(panel.headerText().contains(QLatin1String("app:user:1:profile")));
        QVERIFY(panel.headerText().contains(QLatin1String("no expiry")));
        saveScreenshot(&panel, QStringLiteral("key-browser-hash"));

        const QModelIndex sessions = findRow(panel.model(), QStringLiteral("session"), first);
        panel.tree()->expand(sessions);
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount(sessions) == 2, 10000);
        panel.tree()->setCurrentIndex(panel.model()->index(0, 0, sessions));
        QTRY_VERIFY_WITH_TIMEOUT(panel.headerText().contains(QLatin1String("expires in")), 10000);
        saveScreenshot(&panel, QStringLiteral("key-browser-string-with-ttl"));
    }

    void serverFiltersAndQuickFilter()
    {
        Session session(m_profile);
        KeyBrowserPanel panel(&session);
        // Filters reset and refill the model; the tester checks each step (browsesTheSandbox
        // watches the panel's own stalls without it).
        excuseStallsInThisTest("QAbstractItemModelTester checks the whole key tree on every change");
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.open();
        panel.show();
        QTRY_COMPARE_WITH_TIMEOUT(panel.loader()->state(), KeyspaceLoader::State::Finished, 20000);

        auto* type = panel.findChild<QComboBox*>();
        QVERIFY(type);
        for (QComboBox* combo : panel.findChildren<QComboBox*>()) {
            if (combo->accessibleName() == QLatin1String("Key type filter"))
                type = combo;
        }
        type->setCurrentIndex(type->findData(QByteArray("zset")));
        panel.reload();
        QTRY_COMPARE_WITH_TIMEOUT(panel.loader()->state(), KeyspaceLoader::State::Finished, 20000);
        QCOMPARE(panel.loader()->loadedKeys(), 1);

        type->setCurrentIndex(0);
        for (QLineEdit* edit : panel.findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == QLatin1String("Key pattern"))
                edit->setText(QStringLiteral("app:user:2*:profile"));
        }
        panel.reload();
        QTRY_COMPARE_WITH_TIMEOUT(panel.loader()->state(), KeyspaceLoader::State::Finished, 20000);
        QCOMPARE(panel.loader()->loadedKeys(), 62); // users 2, 20-29, 200-250

        panel.model()->setQuickFilter(QStringLiteral("245"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.model()->isBusy() && panel.model()->rowCount() == 1, 10000);
        const QModelIndex app = expand(panel, QStringLiteral("app"));
        const QModelIndex user = expand(panel, QStringLiteral("user"), app);
        QCOMPARE(panel.model()->rowCount(user), 1);
        QCOMPARE(panel.model()->index(0, 0, user).data().toString(), QStringLiteral("245"));
        saveScreenshot(&panel, QStringLiteral("key-browser-filtered"));
    }

    void opensEveryTypeOnSandboxData_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("type");
        QTest::addRow("string") << QStringLiteral("app:json:order:1001") << QByteArray("string");
        QTest::addRow("gzip") << QStringLiteral("fmt:gzip:json") << QByteArray("string");
        QTest::addRow("big-string") << QStringLiteral("big:string:5mb") << QByteArray("string");
        QTest::addRow("hash") << QStringLiteral("big:hash:100k-fields") << QByteArray("hash");
        QTest::addRow("list") << QStringLiteral("big:list:100k-elements") << QByteArray("list");
        QTest::addRow("set") << QStringLiteral("app:feature-flags") << QByteArray("set");
        QTest::addRow("zset") << QStringLiteral("app:leaderboard") << QByteArray("zset");
        QTest::addRow("stream") << QStringLiteral("app:events") << QByteArray("stream");
    }

    void opensEveryTypeOnSandboxData()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, type);
        Session session(m_profile);
        KeyBrowserPanel panel(&session);
        panel.resize(1200, 640);
        session.open();
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.openKeyByName(key);
        QTRY_VERIFY_WITH_TIMEOUT(panel.editor() != nullptr, 10000);
        QCOMPARE(panel.editor()->key(), key.toUtf8());
        QCOMPARE(panel.editor()->type(), type);
        QVERIFY(panel.headerText().startsWith(QString::fromUtf8(type)));
        // The first page (or the text) is on screen before the picture.
        ui::ValueEditor* editor = panel.editor();
        const auto shown = [editor] {
            const QList<QTableView*> tables = editor->findChildren<QTableView*>();
            const QList<QPlainTextEdit*> texts = editor->findChildren<QPlainTextEdit*>();
            const QList<ui::ValueTextView*> viewers = editor->findChildren<ui::ValueTextView*>();
            return std::any_of(tables.cbegin(), tables.cend(), [](QTableView* view) {
                return view->model() && view->model()->rowCount() > 0;
            }) || std::any_of(texts.cbegin(), texts.cend(), [](QPlainTextEdit* text) {
                return text->document()->characterCount() > 1;
            }) || std::any_of(viewers.cbegin(), viewers.cend(), [](ui::ValueTextView* viewer) {
                return viewer->isVisible() && viewer->document() && viewer->document()->size() > 0;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown(), 10000);
        saveScreenshot(&panel, QStringLiteral("key-browser-sandbox-") + QString::fromLatin1(QTest::currentDataTag()));
    }

    void opensBinaryKeyByExactName()
    {
        Session session(m_profile);
        KeyBrowserPanel panel(&session);
        session.open();
        panel.show();
        panel.openKeyByName(QStringLiteral("bin:\\xff\\xfe\\x00key"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.editor() != nullptr, 10000);
        QCOMPARE(panel.editor()->key(), QByteArray("bin:\xff\xfe\x00key", 10));
        QVERIFY(panel.headerText().contains(QLatin1String("bin:\\xff\\xfe\\x00key")));
        saveScreenshot(&panel, QStringLiteral("key-browser-binary"));

        panel.openKeyByName(QStringLiteral("no:such:key"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.editor() == nullptr, 10000);
    }
};

QTEST_MAIN(TestKeyBrowser)
#include "tst_keybrowser.moc"
