// The export, import and copy dialog under the offscreen platform, against a private redis-server:
// export of a folder to a file, a dry run and an import of it into another database (the Replace
// policy confirmed first), a copy between two open connections, and a read-only connection that
// offers only the dry run; with a screenshot of each.
#include "client/session.h"
#include "keyspace/keybrowserpanel.h"
#include "redisfixture.h"
#include "transfer/transferdialog.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace vermilion;
using namespace vermilion::test;
using namespace vermilion::transfer;
using vermilion::ui::TransferDialog;

class TestTransferUi : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    QTemporaryDir m_dir;

    std::unique_ptr<Session> open(int database, bool readOnly = false)
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.database = database;
        profile.readOnly = readOnly;
        profile.name = readOnly ? QStringLiteral("staging (read-only)") : QStringLiteral("db%1").arg(database);
        auto session = std::make_unique<Session>(profile);
        session->open();
        return session;
    }
    static bool waitConnected(Session& session)
    {
        return QTest::qWaitFor([&] { return session.state() == Connection::State::Connected; }, 10000);
    }
    static bool waitDone(TransferDialog& dialog, QSignalSpy& finished)
    {
        return QTest::qWaitFor([&] { return !finished.isEmpty() && !dialog.isRunning(); }, 60000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        auto seed = open(0);
        QVERIFY(waitConnected(*seed));
        QList<Command> commands;
        for (int i = 0; i < 300; ++i) {
            commands.append({ "SET", "app:user:" + QByteArray::number(i), "name-" + QByteArray::number(i) });
            commands.append({ "HSET", "app:profile:" + QByteArray::number(i), "age", QByteArray::number(i) });
        }
        commands.append({ "RPUSH", "other:list", "a", "b" });
        for (const Reply& reply : awaitBatch(seed->executeBatch(commands)))
            QVERIFY(!reply.isError());
    }

    void exportThenImport()
    {
        auto source = open(0);
        auto target = open(1);
        QVERIFY(waitConnected(*source));
        QVERIFY(waitConnected(*target));
        const QString path = m_dir.filePath(QStringLiteral("users.jsonl"));

        // Export the folder app:user:* as JSON lines.
        KeyScope folder;
        folder.match = "app:user:*";
        auto* exporter = new TransferDialog(TransferDialog::Mode::Export, source.get(), folder, QStringLiteral("app:user"));
        exporter->setFormat(Format::JsonLines);
        exporter->setFileName(path);
        exporter->show();
        QVERIFY(QTest::qWaitForWindowExposed(exporter));
        QVERIFY(exporter->findChild<QPushButton*>()->isEnabled());
        QSignalSpy exported(exporter, &TransferDialog::finished);
        exporter->run();
        QVERIFY(waitDone(*exporter, exported));
        QCOMPARE(exporter->summary().keys, 300);
        QVERIFY2(exporter->statusText().startsWith(QLatin1String("300 key(s) exported")), qPrintable(exporter->statusText()));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(exporter, QStringLiteral("transfer-export"))));
        exporter->close();

        // Import it: a dry run first, then Replace, which asks before it writes.
        QVERIFY(awaitReply(target->execute({ "SET", "app:user:7", "old" })).isStatus());
        auto* importer = new TransferDialog(TransferDialog::Mode::Import, target.get(), {}, {});
        importer->setFileName(path);
        importer->setPolicy(ConflictPolicy::Replace);
        importer->show();
        QVERIFY(QTest::qWaitForWindowExposed(importer));
        QCOMPARE(importer->findChild<QComboBox*>(QString(), Qt::FindChildrenRecursively)->currentText().isEmpty(), false);
        QSignalSpy imported(importer, &TransferDialog::finished);
        importer->run(true);
        QVERIFY(waitDone(*importer, imported));
        QCOMPARE(importer->summary().created, 299);
        QCOMPARE(importer->summary().replaced, 1);
        QVERIFY2(importer->statusText().contains(QLatin1String("Dry run, nothing written")), qPrintable(importer->statusText()));
        QCOMPARE(awaitReply(target->execute({ "DBSIZE" })).integerValue(), 1);
        imported.clear();
        QString question;
        clickOnNextBox(QStringLiteral("Replace"), &question);
        importer->run(false);
        QVERIFY(waitDone(*importer, imported));
        QVERIFY2(question.contains(QLatin1String("will be overwritten")), qPrintable(question));
        QCOMPARE(importer->summary().replaced, 1);
        QCOMPARE(importer->summary().created, 299);
        QCOMPARE(awaitReply(target->execute({ "GET", "app:user:7" })).bytes(), QByteArray("name-7"));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(importer, QStringLiteral("transfer-import"))));
        importer->close();
        QVERIFY(awaitReply(target->execute({ "FLUSHDB" })).isStatus());
    }

    void copyBetweenConnections()
    {
        auto source = open(0);
        auto target = open(2);
        QVERIFY(waitConnected(*source));
        QVERIFY(waitConnected(*target));
        TransferDialog::setOpenSessions([&] { return QList<Session*> { source.get(), target.get() }; });
        // The selection of the key browser: two keys.
        KeyScope selection;
        selection.keys = { "app:user:1", "other:list" };
        auto* copier = new TransferDialog(TransferDialog::Mode::Copy, source.get(), selection, {});
        copier->setTarget(target.get());
        copier->show();
        QVERIFY(QTest::qWaitForWindowExposed(copier));
        auto* selected = copier->findChild<QRadioButton*>();
        QVERIFY(selected->isChecked());
        QVERIFY(selected->text().contains(QLatin1String("2 selected")));
        QSignalSpy copied(copier, &TransferDialog::finished);
        copier->run();
        QVERIFY(waitDone(*copier, copied));
        QCOMPARE(copier->summary().keys, 2);
        QCOMPARE(awaitReply(target->execute({ "LRANGE", "other:list", "0", "-1" })).size(), 2);
        qInfo("screenshot: %s", qPrintable(saveScreenshot(copier, QStringLiteral("transfer-copy"))));
        copier->close();
        TransferDialog::setOpenSessions({});
    }

    void readOnlyOffersOnlyTheDryRun()
    {
        auto readOnly = open(1, true);
        QVERIFY(waitConnected(*readOnly));
        const QString path = m_dir.filePath(QStringLiteral("users.jsonl"));
        auto* importer = new TransferDialog(TransferDialog::Mode::Import, readOnly.get(), {}, {});
        importer->setFileName(path);
        importer->show();
        QVERIFY(QTest::qWaitForWindowExposed(importer));
        QPushButton* importButton = nullptr;
        QPushButton* dryRun = nullptr;
        for (QPushButton* button : importer->findChildren<QPushButton*>()) {
            if (button->text() == QLatin1String("&Import"))
                importButton = button;
            if (button->text() == QLatin1String("&Dry Run"))
                dryRun = button;
        }
        QVERIFY(importButton && dryRun);
        QVERIFY(!importButton->isEnabled());
        QVERIFY(dryRun->isEnabled());
        QVERIFY(importer->statusText().contains(QLatin1String("read-only")));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(importer, QStringLiteral("transfer-import-read-only"))));
        importer->close();
    }
};

QTEST_MAIN(TestTransferUi)
#include "tst_transferui.moc"
