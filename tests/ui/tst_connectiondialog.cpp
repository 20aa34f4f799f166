#include "connections/connectiondialog.h"
#include "profiles/profilestore.h"
#include "connections/hostkeyprompt.h"
#include "redisfixture.h"
#include "sshfixture.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QMessageBox>
#include <QTabWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::ConnectionDialog;

class TestConnectionDialog : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

    template<typename T> static T* field(QWidget* dialog, const QString& accessibleName)
    {
        for (T* widget : dialog->findChildren<T*>()) {
            if (widget->accessibleName() == accessibleName)
                return widget;
        }
        return nullptr;
    }

    // As a user pastes: through the clipboard, which emits textEdited once.
    static void paste(QLineEdit* edit, const QString& text)
    {
        QApplication::clipboard()->setText(text);
        edit->paste();
    }

    // The Connection tab as a user fills it for the suite's server (ACL user ops).
    void fillTestServer(ConnectionDialog* dialog, const QString& name)
    {
        dialog->hostEdit()->setText(QStringLiteral("127.0.0.1"));
        field<QSpinBox>(dialog, QStringLiteral("Port"))->setValue(m_server->port());
        field<QLineEdit>(dialog, QStringLiteral("Username"))->setText(QStringLiteral("ops"));
        field<QLineEdit>(dialog, QStringLiteral("Password"))->setText(QStringLiteral("s3cret"));
        field<QLineEdit>(dialog, QStringLiteral("Connection name"))->setText(name);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        RedisServerProcess::Options options;
        options.extraArguments = { QStringLiteral("--user"), QStringLiteral("ops"), QStringLiteral("on"),
            QStringLiteral(">s3cret"), QStringLiteral("~*"), QStringLiteral("+@all") };
        m_server = startServer(options, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void urlFillsTheFields()
    {
        ConnectionDialog dialog;
        auto* url = field<QLineEdit>(&dialog, QStringLiteral("Connection URL"));
        QVERIFY(url);
        paste(url, QStringLiteral("rediss://ops:p%40ss@cache.example.com:6380/4"));
        const ConnectionProfile p = dialog.profile();
        QCOMPARE(p.host, QStringLiteral("cache.example.com"));
        QCOMPARE(p.port, quint16(6380));
        QCOMPARE(p.username, QStringLiteral("ops"));
        QCOMPARE(p.password, QStringLiteral("p@ss"));
        QCOMPARE(p.database, 4);
        QVERIFY(p.tls.enabled);
        QVERIFY(p.tls.verifyPeer); // on by default
        QCOMPARE(field<QLineEdit>(&dialog, QStringLiteral("Host"))->text(), QStringLiteral("cache.example.com"));

        // A malformed URL says why and leaves the fields alone.
        url->selectAll();
        paste(url, QStringLiteral("redis://host:99999"));
        QCOMPARE(dialog.profile().host, QStringLiteral("cache.example.com"));
        const QList<QLabel*> labels = dialog.findChildren<QLabel*>();
        const bool explained = std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
            return label->isVisibleTo(label->window()) && label->text().contains(QLatin1String("not a valid URL"));
        });
        QVERIFY(explained);
    }

    void pastingUrlIntoHostWorks()
    {
        ConnectionDialog dialog;
        QLineEdit* host = dialog.hostEdit();
        host->selectAll();
        paste(host, QStringLiteral("redis://10.1.2.3:7001/2"));
        QCOMPARE(dialog.profile().host, QStringLiteral("10.1.2.3"));
        QCOMPARE(dialog.profile().port, quint16(7001));
        QCOMPARE(dialog.profile().database, 2);
    }

    void testButtonReportsVersion()
    {
        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fillTestServer(&dialog, QStringLiteral("Local test server"));
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(dialog.testResult().contains(QLatin1String("Redis 7")), qPrintable(dialog.testResult()));
        QVERIFY(dialog.testButton()->isEnabled());
        dialog.setPasswordStorageNote(QStringLiteral("The password is stored in the system keychain."));
        const QString shot = saveScreenshot(&dialog, QStringLiteral("connection-dialog"));
        QTRY_VERIFY(!QImage(shot).isNull()); // written on the thread pool
    }

    void testButtonReportsPreciseErrors_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("refusedPort");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("wrong password") << QStringLiteral("nope") << false << QStringLiteral("WRONGPASS");
        QTest::addRow("nothing listening") << QStringLiteral("s3cret") << true << QStringLiteral("refused");
    }

    void testButtonReportsPreciseErrors()
    {
        QFETCH(QString, password);
        QFETCH(bool, refusedPort);
        QFETCH(QString, messagePart);
        ConnectionDialog dialog;
        dialog.show();
        dialog.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        field<QSpinBox>(&dialog, QStringLiteral("Port"))
            ->setValue(refusedPort ? RedisServerProcess::findFreePort() : m_server->port());
        field<QLineEdit>(&dialog, QStringLiteral("Username"))->setText(QStringLiteral("ops"));
        field<QLineEdit>(&dialog, QStringLiteral("Password"))->setText(password);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        dialog.startTest();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog.testResult().contains(messagePart), qPrintable(dialog.testResult()));
        saveScreenshot(&dialog,
            QStringLiteral("connection-dialog-error-")
                + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    }

    // The SSH tab as a user fills it, tested through a real sshd: the unknown host key is shown
    // with its fingerprint, and trusting it saves it and lets the test through.
    void sshTunnelTestAsksForTheHostKey()
    {
        SshFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        ui::HostKeyPrompt prompt(nullptr);
        prompt.install();
        const QString knownHosts = sshd.directory() + QStringLiteral("/ui_known_hosts");
        const QString config = sshd.directory() + QStringLiteral("/ui_ssh_config");
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("Host redis-bastion\n  HostName 127.0.0.1\n  Port " + QByteArray::number(sshd.port()) + "\n");
        }
        ConnectionDialog dialog;
        dialog.resize(640, 620);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fillTestServer(&dialog, QStringLiteral("Behind the bastion"));
        for (int i = 0; i < dialog.tabs()->count(); ++i) {
            if (dialog.tabs()->tabText(i) == QLatin1String("SSH"))
                dialog.tabs()->setCurrentIndex(i);
        }
        auto* group = dialog.findChild<QGroupBox*>();
        for (QGroupBox* box : dialog.findChildren<QGroupBox*>()) {
            if (box->title().contains(QLatin1String("SSH")))
                group = box;
        }
        QVERIFY(group);
        group->setChecked(true);
        field<QLineEdit>(&dialog, QStringLiteral("SSH config file"))->setText(config);
        field<QLineEdit>(&dialog, QStringLiteral("SSH host"))->setText(QStringLiteral("redis-bastion"));
        field<QLineEdit>(&dialog, QStringLiteral("SSH user"))->setText(sshd.user());
        field<QLineEdit>(&dialog, QStringLiteral("Private key file"))->setText(sshd.encryptedKey());
        field<QLineEdit>(&dialog, QStringLiteral("Key passphrase"))->setText(SshFixture::passphrase());
        field<QLineEdit>(&dialog, QStringLiteral("Known hosts file"))->setText(knownHosts);
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
            if (box->text().contains(QLatin1String("agent")))
                box->setChecked(false);
        }
        // The route the config gives, before anything connects.
        auto* route = field<QLabel>(&dialog, QStringLiteral("SSH route"));
        QTRY_VERIFY2(route->text().contains(QStringLiteral("127.0.0.1:%1").arg(sshd.port())), qPrintable(route->text()));

        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(prompt.openBoxes().size(), 1, 15000);
        QMessageBox* box = prompt.openBoxes().first();
        QVERIFY2(box->informativeText().contains(sshd.hostKeyFingerprint()), qPrintable(box->informativeText()));
        QCOMPARE(finished.size(), 0); // the tunnel waits for the user
        const QString shot = saveScreenshot(box, QStringLiteral("ssh-host-key-prompt"));
        QTRY_VERIFY(!QImage(shot).isNull());
        auto* trust = box->findChild<QPushButton*>(QStringLiteral("trustHostKey"));
        QVERIFY(trust);
        QTest::mouseClick(trust, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(dialog.testResult().contains(QLatin1String("Redis 7")), qPrintable(dialog.testResult()));
        QFile saved(knownHosts);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains(QByteArray::number(sshd.port())));
        const ConnectionProfile profile = dialog.profile();
        QVERIFY(profile.ssh.enabled);
        QCOMPARE(profile.ssh.host, QStringLiteral("redis-bastion"));
        QCOMPARE(profile.ssh.passphrase, SshFixture::passphrase());
        QVERIFY(!profile.ssh.useAgent);
        const QString dialogShot = saveScreenshot(&dialog, QStringLiteral("connection-dialog-ssh"));
        QTRY_VERIFY(!QImage(dialogShot).isNull());
    }

    void fillSaveReload()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        ConnectionProfile saved;
        {
            ConnectionDialog dialog;
            field<QLineEdit>(&dialog, QStringLiteral("Connection name"))->setText(QStringLiteral("staging"));
            dialog.hostEdit()->setText(QStringLiteral("staging.example.com"));
            field<QSpinBox>(&dialog, QStringLiteral("Port"))->setValue(6390);
            field<QSpinBox>(&dialog, QStringLiteral("Database index"))->setValue(7);
            field<QLineEdit>(&dialog, QStringLiteral("Password"))->setText(QStringLiteral("never-on-disk"));
            field<QSpinBox>(&dialog, QStringLiteral("Command timeout"))->setValue(2500);
            field<QLineEdit>(&dialog, QStringLiteral("Namespace separator"))->setText(QStringLiteral("/"));
            for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
                if (box->text().contains(QLatin1String("Read-only")) || box->text().contains(QLatin1String("replicas")))
                    box->setChecked(true);
            }
            field<QLineEdit>(&dialog, QStringLiteral("More seed nodes"))
                ->setText(QStringLiteral(" node2:7000 ,node3:7000,, "));
            field<QPlainTextEdit>(&dialog, QStringLiteral("Address map"))
                ->setPlainText(QStringLiteral("10.0.0.5:6379 = 127.0.0.1:7001\nnot a mapping\n10.0.0.6:6379=127.0.0.1:7002\n"));
            saved = dialog.profile();
            ProfileStore store(file);
            store.save({ saved });
            store.sync();
        }
        ProfileStore store(file);
        const auto loaded = store.load();
        QCOMPARE(loaded.size(), 1);
        ConnectionDialog reopened;
        reopened.setProfile(loaded.first());
        const ConnectionProfile again = reopened.profile();
        QCOMPARE(again.id, saved.id);
        QCOMPARE(again.name, QStringLiteral("staging"));
        QCOMPARE(again.host, QStringLiteral("staging.example.com"));
        QCOMPARE(again.port, quint16(6390));
        QCOMPARE(again.database, 7);
        QCOMPARE(again.commandTimeoutMs, 2500);
        QCOMPARE(again.namespaceSeparator, QStringLiteral("/"));
        QVERIFY(again.readOnly);
        QCOMPARE(again.clusterSeeds, QStringList({ QStringLiteral("node2:7000"), QStringLiteral("node3:7000") }));
        QCOMPARE(again.clusterAddressMap.size(), 2); // the line without '=' is left out
        QCOMPARE(again.clusterAddressMap.value(QStringLiteral("10.0.0.5:6379")), QStringLiteral("127.0.0.1:7001"));
        QVERIFY(again.clusterScanReplicas);
        QVERIFY(again.password.isEmpty()); // the password lives in the keychain, not the file
    }

    void unixSocketDisablesHost()
    {
        ConnectionDialog dialog;
        auto* transport = field<QComboBox>(&dialog, QStringLiteral("Transport"));
        transport->setCurrentIndex(1);
        QVERIFY(!dialog.hostEdit()->isEnabled());
        field<QLineEdit>(&dialog, QStringLiteral("Socket path"))->setText(QStringLiteral("/tmp/r.sock"));
        QCOMPARE(dialog.profile().socketPath, QStringLiteral("/tmp/r.sock"));
        QVERIFY(!dialog.profile().tls.enabled);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
