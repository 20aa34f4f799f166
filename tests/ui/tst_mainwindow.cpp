#include "client/session.h"
#include "profiles/connectionlistmodel.h"
#include "redisfixture.h"
#include "lua/luaeditor.h"
#include "lua/luapanel.h"
#include "shell/mainwindow.h"
#include "shell/thememanager.h"
#include "uitestsupport.h"
#include "workspace/consolepanel.h"
#include "workspace/overviewpanel.h"
#include "workspace/sessionworkspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    QTemporaryDir m_dir;

    MainWindow::Options options() const
    {
        MainWindow::Options o;
        o.settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
        o.useKeychain = false;
        return o;
    }

    static QString statusText(MainWindow& window)
    {
        QStringList parts;
        for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
            parts << label->text();
        return parts.join(QLatin1Char(' '));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void opensUrlShowsStatusAndPersists()
    {
        const QString url = QStringLiteral("redis://127.0.0.1:%1/2").arg(m_server->port());
        QUuid id;
        {
            MainWindow window(options());
            QAbstractItemModelTester tester(
                window.connectionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            window.resize(1100, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QString error;
            QVERIFY2(window.openUrl(url, &error), qPrintable(error));
            QCOMPARE(window.connectionModel()->rowCount(), 1);
            id = window.connectionModel()->profileAt(0).id;
            Session* session = window.sessionFor(id);
            QVERIFY(session);
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), Connection::State::Connected, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(statusText(window).contains(QLatin1String("Redis 7")), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(statusText(window).contains(QLatin1String(" ms")), 10000);
            QVERIFY(statusText(window).contains(QLatin1String("db2")));
            QVERIFY(statusText(window).contains(QLatin1String("master")));
            QCOMPARE(window.connectionModel()->index(0).data(ConnectionListModel::StateRole).toInt(),
                int(Connection::State::Connected));

            // The console runs commands on the session, binary-safe, and shows replies as redis-cli.
            ui::SessionWorkspace* workspace = window.currentWorkspace();
            QVERIFY(workspace);
            workspace->tabs()->setCurrentWidget(workspace->console());
            QVERIFY(workspace->console()->run(QStringLiteral("SET \"greeting:\\xff\" \"hello world\"")));
            QVERIFY(workspace->console()->run(QStringLiteral("GET \"greeting:\\xff\"")));
            QVERIFY(workspace->console()->run(QStringLiteral("HSET app:user:1 name Ada lang en")));
            QVERIFY(workspace->console()->run(QStringLiteral("HGETALL app:user:1")));
            QTRY_VERIFY_WITH_TIMEOUT(workspace->console()->transcript().contains(QLatin1String("2) \"Ada\"")), 5000);
            QVERIFY(workspace->console()->transcript().contains(QLatin1String("\"hello world\"")));
            QVERIFY(!workspace->console()->run(QStringLiteral("GET \"unbalanced")));
            QTRY_VERIFY(workspace->console()->transcript().contains(QLatin1String("Unbalanced quotes")));
            saveScreenshot(&window, QStringLiteral("main-window-console"));
            workspace->tabs()->setCurrentWidget(workspace->overview());
            auto* keyspace = workspace->overview()->findChild<QTableWidget*>();
            QVERIFY(keyspace);
            QTRY_VERIFY_WITH_TIMEOUT(keyspace->rowCount() > 0, 10000);
            QCOMPARE(keyspace->item(0, 0)->text(), QStringLiteral("db2"));
            QCOMPARE(keyspace->item(0, 1)->text(), QStringLiteral("2"));
            saveScreenshot(&window, QStringLiteral("main-window-overview"));
            window.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->setSizes({ 300, 800 });
            window.close();
        }
        // A new window finds the connection, the selection and the splitter again.
        MainWindow again(options());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.connectionModel()->rowCount(), 1);
        QCOMPARE(again.connectionModel()->profileAt(0).id, id);
        QCOMPARE(again.connectionModel()->profileAt(0).database, 2);
        auto* list = again.findChild<QListView*>(QStringLiteral("connectionList"));
        QCOMPARE(list->currentIndex().row(), 0);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes().first(), 300);
    }

    void lostServerIsReportedAndComesBack()
    {
        QString error;
        auto server = startServer({}, &error);
        QVERIFY2(server, qPrintable(error));
        MainWindow::Options o = options();
        o.settingsFile = m_dir.filePath(QStringLiteral("lost.ini"));
        MainWindow window(o);
        window.resize(1000, 600);
        window.show();
        QVERIFY(window.openUrl(QStringLiteral("redis://127.0.0.1:%1").arg(server->port())));
        Session* session = window.sessionFor(window.connectionModel()->profileAt(0).id);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Connection::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!session->serverInfo().version().isEmpty(), 10000);
        server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.currentWorkspace()->bannerText().contains(QLatin1String("Connection lost")), 10000);
        QVERIFY(window.currentWorkspace()->bannerText().contains(QLatin1String("Reconnecting in")));
        saveScreenshot(&window, QStringLiteral("main-window-connection-lost"));
        QVERIFY2(server->startAndWait(10000, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Connection::State::Connected, 40000);
        QTRY_VERIFY_WITH_TIMEOUT(window.currentWorkspace()->bannerText().isEmpty(), 5000);
    }

    void unsavedLuaWorkIsAskedAboutOnClose()
    {
        MainWindow::Options o = options();
        o.settingsFile = m_dir.filePath(QStringLiteral("unsaved.ini"));
        MainWindow window(o);
        window.resize(1000, 600);
        window.show();
        QVERIFY(window.openUrl(QStringLiteral("redis://127.0.0.1:%1").arg(m_server->port())));
        auto* lua = window.currentWorkspace()->luaPanel();
        QVERIFY(lua);
        window.currentWorkspace()->tabs()->setCurrentWidget(lua);
        lua->editor()->setFocus();
        QTest::keyClicks(lua->editor(), QStringLiteral("return 1"));

        // Cancel keeps the window and the text.
        QString question;
        answerNextMessageBox(QMessageBox::Cancel, &question);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QVERIFY(question.contains(QLatin1String("Untitled")) || question.contains(QLatin1String("unsaved")));
        QCOMPARE(lua->editor()->text(), QStringLiteral("return 1"));

        // Discard lets it close.
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
    }

    void themesSwitch()
    {
        MainWindow::Options o = options();
        o.settingsFile = m_dir.filePath(QStringLiteral("theme.ini"));
        MainWindow window(o);
        window.themeManager()->setMode(ui::ThemeManager::Mode::Dark);
        QVERIFY(ui::ThemeManager::isDark());
        window.resize(900, 500);
        saveScreenshot(&window, QStringLiteral("main-window-dark-welcome"));
        window.themeManager()->setMode(ui::ThemeManager::Mode::Light);
        QVERIFY(!ui::ThemeManager::isDark());
        window.themeManager()->setMode(ui::ThemeManager::Mode::System);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
