#pragma once

#include "profiles/connectionprofile.h"

#include <QDialog>
#include <memory>
#include "util/jobtracker.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace vermilion {
class Connection;
class Session;
}

namespace vermilion::ui {

// Creates or edits a connection profile. "Test" connects with what is in the fields, off the UI
// thread, and answers with the server version or the precise error.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    void setProfile(const ConnectionProfile& profile);
    ConnectionProfile profile() const;
    // Shown under the password: where the password will be kept.
    void setPasswordStorageNote(const QString& note);

    // Fills the fields from a redis://, rediss://, unix:// or redis+sentinel:// URL; false (and a
    // message) if malformed.
    bool applyUrl(const QString& url);
    void startTest();
    QString testResult() const;
    bool isTesting() const;

    // For tests and accessibility tools.
    QLineEdit* hostEdit() const { return m_host; }
    QComboBox* transportBox() const { return m_transport; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* testButton() const { return m_testButton; }

    void accept() override;

signals:
    void testFinished(bool ok, const QString& message);

private:
    void updateEnabledFields();
    void makeSecretField(QLineEdit* edit);
    // What ~/.ssh/config makes of the SSH host: "user@host:port via jump".
    void updateSshResolved();
    void showTestResult(bool ok, const QString& message);
    void finishTest(bool ok, const QString& message);
    QLineEdit* fileField(QWidget* parent, const QString& caption, QWidget** row);
    struct TlsFields {
        QGroupBox* group = nullptr;
        QLineEdit* caFile = nullptr;
        QLineEdit* certificateFile = nullptr;
        QLineEdit* keyFile = nullptr;
        QLineEdit* serverName = nullptr;
        QCheckBox* verifyPeer = nullptr;
    };
    TlsFields makeTlsFields(QWidget* parent, const QString& title, const QString& namePrefix,
                            const QString& serverPlaceholder, const QString& verifyText);

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_urlError = nullptr;
    QComboBox* m_transport = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_socketPath = nullptr;
    QWidget* m_socketRow = nullptr;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_passwordNote = nullptr;
    QSpinBox* m_database = nullptr;
    QGroupBox* m_tlsGroup = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_certificateFile = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QLineEdit* m_serverName = nullptr;
    QCheckBox* m_verifyPeer = nullptr;
    QSpinBox* m_connectTimeout = nullptr;
    QSpinBox* m_commandTimeout = nullptr;
    QCheckBox* m_readOnly = nullptr;
    QLineEdit* m_separator = nullptr;
    QLineEdit* m_clusterSeeds = nullptr;
    QPlainTextEdit* m_clusterAddressMap = nullptr;
    QCheckBox* m_clusterScanReplicas = nullptr;
    QWidget* m_sentinelPage = nullptr;
    QLineEdit* m_sentinels = nullptr;
    QLineEdit* m_sentinelMaster = nullptr;
    QLineEdit* m_sentinelUsername = nullptr;
    QLineEdit* m_sentinelPassword = nullptr;
    QGroupBox* m_sentinelTlsGroup = nullptr;
    QLineEdit* m_sentinelCaFile = nullptr;
    QLineEdit* m_sentinelCertificateFile = nullptr;
    QLineEdit* m_sentinelKeyFile = nullptr;
    QLineEdit* m_sentinelServerName = nullptr;
    QCheckBox* m_sentinelVerifyPeer = nullptr;
    QCheckBox* m_sentinelReadReplica = nullptr;
    QGroupBox* m_sshGroup = nullptr;
    QLineEdit* m_sshHost = nullptr;
    QSpinBox* m_sshPort = nullptr;
    QLineEdit* m_sshUser = nullptr;
    QLineEdit* m_sshKey = nullptr;
    QLineEdit* m_sshPassphrase = nullptr;
    QLineEdit* m_sshPassword = nullptr;
    QCheckBox* m_sshAgent = nullptr;
    QLineEdit* m_sshKnownHosts = nullptr;
    QLineEdit* m_sshConfig = nullptr;
    QSpinBox* m_sshKeepAlive = nullptr;
    QLabel* m_sshResolved = nullptr;
    QTimer* m_sshRouteTimer = nullptr;
    QLabel* m_testResult = nullptr;
    QPushButton* m_testButton = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    ConnectionProfile m_base; // keeps the id and whatever the form does not show
    std::unique_ptr<Connection> m_testConnection;
    std::unique_ptr<Session> m_testSession; // a Sentinel profile is tested as a session opens it
    QString m_lastTestMessage;
    QString m_hostBeforeEdit;
    JobTracker m_testJobs;
};

} // namespace vermilion::ui
