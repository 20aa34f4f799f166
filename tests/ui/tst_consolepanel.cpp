#include "client/session.h"
#include "console/consolesession.h"
#include "dashboard/dashboardpanel.h"
#include "dashboard/infopoller.h"
#include "keyspace/keybrowserpanel.h"
#include "keyspace/keyspaceloader.h"
#include "keyspace/keytreemodel.h"
#include "lua/luapanel.h"
#include "redisfixture.h"
#include "uitestsupport.h"
#include "values/valueeditor.h"
#include "workspace/consoleinput.h"
#include "workspace/consolepanel.h"
#include "workspace/sessionworkspace.h"

#include <QComboBox>
#include <QDirIterator>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::ConsolePanel;
using vermilion::ui::KeyBrowserPanel;
using vermilion::ui::SessionWorkspace;

// The console in a workspace, as a user meets it: what is typed there never reaches another tool.
class TestConsolePanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Connection> m_other;

    Reply other(const Command& argv) { return awaitReply(m_other->execute(argv)); }
    Reply otherIn(int db, const Command& argv)
    {
        other({ "SELECT", QByteArray::number(db) });
        const Reply reply = other(argv);
        other({ "SELECT", "0" });
        return reply;
    }

    // A workspace on a session of the test server, shown, as the main window opens one.
    struct Opened {
        Session session;
        SessionWorkspace workspace;
        explicit Opened(const ConnectionProfile& profile)
            : session(profile)
            , workspace(&session)
        {
            workspace.resize(1280, 800);
            session.open();
            workspace.show();
        }
        ConsolePanel* showConsole()
        {
            workspace.tabs()->setCurrentWidget(workspace.console());
            return workspace.console();
        }
    };

    ConnectionProfile profile() const
    {
        ConnectionProfile p = profileFor(*m_server);
        p.id = QUuid::createUuid();
        return p;
    }

    static QString editorText(KeyBrowserPanel* browser)
    {
        if (!browser->editor())
            return {};
        QStringList texts;
        for (QPlainTextEdit* edit : browser->editor()->findChildren<QPlainTextEdit*>())
            texts.append(edit->toPlainText());
        return texts.join(QLatin1Char('\n'));
    }

    // The key browser reads the database it shows, and deletes there: db 0 holds shared:key and
    // other; db 3 holds its own shared:key, which must survive.
    void browserStillWorksOnItsDatabase(SessionWorkspace& workspace)
    {
        KeyBrowserPanel* browser = workspace.keyBrowser();
        workspace.tabs()->setCurrentWidget(browser);
        browser->reload();
        QTRY_COMPARE_WITH_TIMEOUT(browser->loader()->state(), KeyspaceLoader::State::Finished, 10000);
        QCOMPARE(browser->loader()->loadedKeys(), 2);
        auto* database = browser->findChild<QComboBox*>();
        QVERIFY(database);
        QVERIFY2(database->currentText().startsWith(QLatin1String("db0")), qPrintable(database->currentText()));
        browser->openKeyByName(QStringLiteral("shared:key"));
        QTRY_VERIFY_WITH_TIMEOUT(editorText(browser).contains(QLatin1String("db0")), 10000);
        browser->openKeyByName(QStringLiteral("other"));
        QTRY_VERIFY_WITH_TIMEOUT(editorText(browser).contains(QLatin1String("still here")), 10000);
        // Delete shared:key through the tree, as a user does.
        const QModelIndex folder = findRow(browser->model(), QStringLiteral("shared"));
        QVERIFY(folder.isValid());
        browser->tree()->expand(folder);
        QTRY_VERIFY_WITH_TIMEOUT(browser->model()->rowCount(folder) == 1, 10000);
        browser->tree()->setCurrentIndex(browser->model()->index(0, 0, folder));
        answerNextMessageBox(QMessageBox::Yes);
        browser->deleteSelected();
        QTRY_COMPARE_WITH_TIMEOUT(other({ "EXISTS", "shared:key" }), Reply::integer(0), 10000);
        QCOMPARE(other({ "GET", "other" }), Reply::string("still here"));
        QCOMPARE(otherIn(3, { "GET", "shared:key" }), Reply::string("db3"));
    }

private slots:
    void initTestCase()
    {
        QString error;
        RedisServerProcess::Options options;
        options.extraArguments = fullAccessUser(QStringLiteral("alice"), QStringLiteral("wonderland"));
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_other = std::make_unique<Connection>(profileFor(*m_server));
        m_other->open();
        QVERIFY(waitForState(*m_other, Connection::State::Connected));
    }

    void init()
    {
        QCOMPARE(other({ "FLUSHALL" }), Reply::status("OK"));
        QCOMPARE(other({ "SET", "shared:key", "db0" }), Reply::status("OK"));
        QCOMPARE(other({ "SET", "other", "still here" }), Reply::status("OK"));
        QCOMPARE(otherIn(3, { "SET", "shared:key", "db3" }), Reply::status("OK"));
    }

    void stateChangingCommandsStayInTheConsole_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addRow("SELECT") << "SELECT 3";
        QTest::addRow("MULTI") << "MULTI";
        QTest::addRow("WATCH") << "WATCH shared:key";
        QTest::addRow("SUBSCRIBE") << "SUBSCRIBE news";
        QTest::addRow("PSUBSCRIBE") << "PSUBSCRIBE news.*";
        QTest::addRow("SSUBSCRIBE") << "SSUBSCRIBE news";
        QTest::addRow("MONITOR") << "MONITOR";
        QTest::addRow("AUTH") << "AUTH alice wonderland";
        QTest::addRow("HELLO AUTH") << "HELLO 2 AUTH alice wonderland";
        QTest::addRow("HELLO 3") << "HELLO 3";
        QTest::addRow("CLIENT TRACKING") << "CLIENT TRACKING ON";
        QTest::addRow("CLIENT REPLY OFF") << "CLIENT REPLY OFF";
        QTest::addRow("CLIENT SETNAME") << "CLIENT SETNAME mine";
        QTest::addRow("READONLY") << "READONLY";
        QTest::addRow("RESET") << "RESET";
        QTest::addRow("QUIT") << "QUIT";
    }

    void stateChangingCommandsStayInTheConsole()
    {
        QFETCH(QString, line);
        Opened opened(profile());
        SessionWorkspace& workspace = opened.workspace;
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        ConsolePanel* console = workspace.console();
        workspace.tabs()->setCurrentWidget(console);
        console->input()->setText(line);
        QTest::keyClick(console->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(console->console()->pending() == 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(console->isOutputIdle(), 10000);
        browserStillWorksOnItsDatabase(workspace);
        // The console kept its own state: SELECT moved it, MULTI left it in a transaction.
        if (line.startsWith(QLatin1String("SELECT")))
            QCOMPARE(console->console()->database(), 3);
        if (line == QLatin1String("MULTI"))
            QVERIFY(console->console()->inTransaction());
        if (console->console()->isStreaming()) {
            workspace.tabs()->setCurrentWidget(console);
            console->input()->setFocus();
            QTest::keyClick(console->input(), Qt::Key_C, Qt::ControlModifier);
            QVERIFY(!console->console()->isStreaming());
        }
    }

    void transactionAndSubscribeWhileOtherToolsWork()
    {
        Opened opened(profile());
        Session& session = opened.session;
        SessionWorkspace& workspace = opened.workspace;
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        ConsolePanel* console = workspace.console();
        workspace.tabs()->setCurrentWidget(console);
        QVERIFY(console->run(QStringLiteral("MULTI")));
        QTRY_VERIFY_WITH_TIMEOUT(console->console()->inTransaction(), 10000);
        QVERIFY(console->run(QStringLiteral("SET shared:key from-console")));
        QTRY_VERIFY_WITH_TIMEOUT(console->transcript().contains(QLatin1String("QUEUED")), 10000);
        QVERIFY(console->transcript().contains(QLatin1String("(TX)>")));
        // The dashboard polls and the Lua tool runs while the console holds a transaction.
        // Built when its tab is first shown.
        QVERIFY(!workspace.findChild<ui::DashboardPanel*>());
        auto* dashboard = qobject_cast<ui::DashboardPanel*>(workspace.tool(QStringLiteral("Dashboard")));
        QVERIFY(dashboard);
        workspace.tabs()->setCurrentWidget(dashboard->parentWidget());
        QSignalSpy sampled(dashboard->poller(), &InfoPoller::sampled);
        QVERIFY(sampled.wait(10000));
        browserStillWorksOnItsDatabase(workspace);
        QCOMPARE(other({ "SET", "shared:key", "db0" }), Reply::status("OK"));
        QVERIFY(console->run(QStringLiteral("EXEC")));
        QTRY_VERIFY_WITH_TIMEOUT(!console->console()->inTransaction(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(other({ "GET", "shared:key" }), Reply::string("from-console"), 10000);
        QCOMPARE(otherIn(3, { "GET", "shared:key" }), Reply::string("db3"));

        workspace.tabs()->setCurrentWidget(console);
        QVERIFY(console->run(QStringLiteral("SUBSCRIBE news")));
        QTRY_VERIFY_WITH_TIMEOUT(console->transcript().contains(QLatin1String("\"subscribe\"")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT((other({ "PUBLISH", "news", "extra extra" }),
                                     console->transcript().contains(QLatin1String("\"extra extra\""))),
            10000);
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&workspace, QStringLiteral("console-subscribe"))));
        QCOMPARE(other({ "SET", "shared:key", "db0" }), Reply::status("OK"));
        browserStillWorksOnItsDatabase(workspace);
        auto* lua = workspace.luaPanel();
        QVERIFY(lua);
        QCOMPARE(awaitReply(session.execute({ "EVAL", "return redis.call('GET', KEYS[1])", "1", "other" })),
            Reply::string("still here"));
        workspace.tabs()->setCurrentWidget(console);
        console->console()->interrupt();
        QVERIFY(!console->console()->isStreaming());
    }

    void completionHintsHelpAndHistory()
    {
        Opened opened(profile());
        SessionWorkspace& workspace = opened.workspace;
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        // Keys loaded in the browser complete in the console.
        KeyBrowserPanel* browser = workspace.keyBrowser();
        browser->reload();
        QTRY_COMPARE_WITH_TIMEOUT(browser->loader()->state(), KeyspaceLoader::State::Finished, 10000);
        ConsolePanel* console = workspace.console();
        workspace.tabs()->setCurrentWidget(console);
        QSignalSpy docs(console->console(), &ConsoleSession::docsLoaded);
        QVERIFY(docs.wait(10000));
        ui::ConsoleInput* input = console->input();
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("hgeta"));
        QTest::keyClick(input, Qt::Key_Tab);
        QCOMPARE(input->text(), QStringLiteral("HGETALL "));
        QCOMPARE(input->hint(), QStringLiteral("key"));
        input->clear();
        QTest::keyClicks(input, QStringLiteral("GET sh"));
        QCOMPARE(console->completionsForInput(), QStringList { QStringLiteral("shared:") });
        QTest::keyClick(input, Qt::Key_Tab);
        QCOMPARE(input->text(), QStringLiteral("GET shared:"));
        QTest::keyClick(input, Qt::Key_Tab);
        QCOMPARE(input->text(), QStringLiteral("GET shared:key "));
        input->clear();
        QTest::keyClicks(input, QStringLiteral("SET k "));
        QVERIFY2(input->hint().startsWith(QLatin1String("value [NX | XX]")), qPrintable(input->hint()));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&workspace, QStringLiteral("console-hint"))));
        input->clear();
        QVERIFY(console->run(QStringLiteral("HELP SET")));
        QTRY_VERIFY(console->transcript().contains(QLatin1String("summary: Set the string value of a key")));
        // History: Up brings back the last line; Ctrl+R finds an older one.
        QVERIFY(console->run(QStringLiteral("GET other")));
        QVERIFY(console->run(QStringLiteral("PING")));
        QTRY_VERIFY(console->isOutputIdle());
        QTest::keyClick(input, Qt::Key_Up);
        QCOMPARE(input->text(), QStringLiteral("PING"));
        QTest::keyClick(input, Qt::Key_Up);
        QCOMPARE(input->text(), QStringLiteral("GET other"));
        input->clear();
        QTest::keyClick(input, Qt::Key_R, Qt::ControlModifier);
        auto* search = console->findChild<QLineEdit*>(QString(), Qt::FindChildrenRecursively);
        for (QLineEdit* edit : console->findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == QLatin1String("History search"))
                search = edit;
        }
        QVERIFY(search && search->isVisible());
        QTest::keyClicks(search, QStringLiteral("HELP"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(input->text(), QStringLiteral("HELP SET"));
        // Ctrl+L clears.
        QTest::keyClick(input, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(console->transcript(), QString());
    }

    void pasteRunsAsOnePipeline()
    {
        Opened opened(profile());
        SessionWorkspace& workspace = opened.workspace;
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        ConsolePanel* console = workspace.console();
        workspace.tabs()->setCurrentWidget(console);
        QStringList lines;
        for (int i = 0; i < 2000; ++i)
            lines.append(QStringLiteral("SET paste:%1 v%1").arg(i));
        lines.append(QStringLiteral("INCR other"));
        lines.append(QStringLiteral("GET paste:1999"));
        console->paste(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        QTRY_VERIFY_WITH_TIMEOUT(console->isOutputIdle(), 30000);
        QCOMPARE(other({ "DBSIZE" }), Reply::integer(2002));
        const QStringList transcript = console->transcript().split(QLatin1Char('\n'));
        // Every reply under its own line, errors marked.
        const int incr = int(transcript.indexOf(QRegularExpression(QStringLiteral(".*> INCR other$"))));
        QVERIFY(incr > 0);
        QVERIFY2(transcript.value(incr + 1).startsWith(QLatin1String("(error) ERR value is not an integer")),
            qPrintable(transcript.value(incr + 1)));
        QCOMPARE(transcript.value(incr + 3), QStringLiteral("\"v1999\""));
        QCOMPARE(transcript.count(QStringLiteral("OK")), 2000);
    }

    void noSecretReachesTheDisk()
    {
        const QString settingsDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        {
            Session session(profile());
            SessionWorkspace workspace(&session);
            session.open();
            workspace.show();
            ConsolePanel* console = workspace.console();
            workspace.tabs()->setCurrentWidget(console);
            const QStringList secretLines {
                QStringLiteral("AUTH alice wonderland"),
                QStringLiteral("HELLO 2 AUTH alice wonderland"),
                QStringLiteral("ACL SETUSER bob on >hunter2-bob ~* +@all"),
                QStringLiteral("CONFIG SET masteruser hunter2-user"),
                QStringLiteral("MIGRATE 127.0.0.1 1 k 0 10 AUTH hunter2-migrate"),
            };
            for (const QString& line : secretLines)
                console->run(line);
            QTRY_VERIFY_WITH_TIMEOUT(console->isOutputIdle(), 10000);
            QTemporaryDir exportDir;
            const QString exported = exportDir.filePath(QStringLiteral("transcript.txt"));
            QVERIFY(console->exportTranscript(exported));
            QFile file(exported);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            QVERIFY(text.contains("AUTH"));
            for (const char* secret : { "wonderland", "hunter2" })
                QVERIFY2(!text.contains(secret), text.constData());
        }
        QSettings().sync();
        // Every file under the settings and data folders of this (isolated) home.
        int files = 0;
        for (const QString& root :
            { settingsDir, QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation), QDir::homePath() }) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                ++files;
                const QByteArray content = file.readAll();
                for (const char* secret : { "wonderland", "hunter2" })
                    QVERIFY2(!content.contains(secret), qPrintable(file.fileName()));
            }
        }
        QVERIFY(files > 0); // the history was written somewhere we looked
    }
};

QTEST_MAIN(TestConsolePanel)
#include "tst_consolepanel.moc"
