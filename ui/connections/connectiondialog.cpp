#include "connectiondialog.h"

#include "client/connection.h"
#include "client/sentinelwatcher.h"
#include "client/session.h"
#include "server/serverinfo.h"
#include "ssh/sshtunnel.h"

#include <QCheckBox>
#include <algorithm>
#include <QComboBox>
#include <QDir>
#include <QRegularExpression>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vermilion::ui {

// A password field with a "Show" toggle at its end.
void ConnectionDialog::makeSecretField(QLineEdit* edit)
{
    edit->setEchoMode(QLineEdit::Password);
    auto* reveal = edit->addAction(QIcon(), QLineEdit::TrailingPosition);
    reveal->setText(tr("Show"));
    reveal->setToolTip(tr("Show or hide what is typed"));
    reveal->setCheckable(true);
    connect(reveal, &QAction::toggled, edit,
        [edit](bool shown) { edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
}

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connection"));
    setObjectName(QStringLiteral("connectionDialog"));
    auto* layout = new QVBoxLayout(this);

    // A URL fills everything else: the quickest way in for most users.
    auto* urlRow = new QHBoxLayout;
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("Paste a redis://, rediss://, unix:// or redis+sentinel:// URL to fill the fields"));
    m_url->setAccessibleName(tr("Connection URL"));
    m_url->setClearButtonEnabled(true);
    urlRow->addWidget(new QLabel(tr("URL:"), this));
    urlRow->addWidget(m_url, 1);
    layout->addLayout(urlRow);
    m_urlError = new QLabel(this);
    m_urlError->setWordWrap(true);
    m_urlError->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_urlError->hide();
    layout->addWidget(m_urlError);
    connect(m_url, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.trimmed().isEmpty()) {
            m_urlError->hide();
            return;
        }
        applyUrl(text);
    });

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // --- Connection
    auto* general = new QWidget(m_tabs);
    auto* form = new QFormLayout(general);
    m_name = new QLineEdit(general);
    m_name->setPlaceholderText(tr("e.g. Production cache"));
    m_name->setAccessibleName(tr("Connection name"));
    form->addRow(tr("&Name:"), m_name);
    m_transport = new QComboBox(general);
    m_transport->addItem(tr("TCP (host and port)"));
    m_transport->addItem(tr("Unix socket"));
    m_transport->addItem(tr("Sentinel (a master group)"));
    m_transport->setAccessibleName(tr("Transport"));
    form->addRow(tr("&Transport:"), m_transport);
    auto* hostRow = new QWidget(general);
    auto* hostLayout = new QHBoxLayout(hostRow);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    m_host = new QLineEdit(hostRow);
    m_host->setAccessibleName(tr("Host"));
    m_host->setPlaceholderText(tr("host name or IP address"));
    m_port = new QSpinBox(hostRow);
    m_port->setRange(1, 65535);
    m_port->setAccessibleName(tr("Port"));
    hostLayout->addWidget(m_host, 1);
    hostLayout->addWidget(new QLabel(tr("Port:"), hostRow));
    hostLayout->addWidget(m_port);
    form->addRow(tr("&Host:"), hostRow);
    // Pasting a URL into the host field works too (a paste, not typing: every keystroke of a URL
    // being typed would otherwise rewrite the fields under the cursor).
    connect(m_host, &QLineEdit::textEdited, this, [this](const QString& text) {
        const bool pasted = text.size() - m_hostBeforeEdit.size() > 1;
        m_hostBeforeEdit = text;
        if (pasted && text.contains(QLatin1String("://")))
            applyUrl(text);
    });
    m_socketPath = fileField(general, tr("Choose the Redis socket"), &m_socketRow);
    m_socketPath->setAccessibleName(tr("Socket path"));
    m_socketPath->setPlaceholderText(QStringLiteral("/run/redis/redis-server.sock"));
    form->addRow(tr("&Socket:"), m_socketRow);
    m_username = new QLineEdit(general);
    m_username->setPlaceholderText(tr("default"));
    m_username->setAccessibleName(tr("Username"));
    form->addRow(tr("&Username:"), m_username);
    m_password = new QLineEdit(general);
    m_password->setAccessibleName(tr("Password"));
    makeSecretField(m_password);
    form->addRow(tr("&Password:"), m_password);
    m_passwordNote = new QLabel(general);
    m_passwordNote->setWordWrap(true);
    m_passwordNote->hide();
    form->addRow(QString(), m_passwordNote);
    m_database = new QSpinBox(general);
    m_database->setRange(0, 1000000);
    m_database->setAccessibleName(tr("Database index"));
    form->addRow(tr("&Database:"), m_database);
    m_tabs->addTab(general, tr("Connection"));

    // --- TLS
    auto* security = new QWidget(m_tabs);
    auto* securityLayout = new QVBoxLayout(security);
    const TlsFields tls = makeTlsFields(security, tr("Use &TLS"), QString(), tr("the host name"),
                                        tr("&Verify the server certificate and host name"));
    m_tlsGroup = tls.group;
    m_caFile = tls.caFile;
    m_certificateFile = tls.certificateFile;
    m_keyFile = tls.keyFile;
    m_serverName = tls.serverName;
    m_verifyPeer = tls.verifyPeer;
    m_verifyPeer->setToolTip(tr("Turning this off accepts any certificate: anyone on the path can read and change "
                                "the traffic."));
    securityLayout->addWidget(m_tlsGroup);
    securityLayout->addStretch();
    m_tabs->addTab(security, tr("TLS"));

    // --- Advanced
    auto* advanced = new QWidget(m_tabs);
    auto* advancedForm = new QFormLayout(advanced);
    m_connectTimeout = new QSpinBox(advanced);
    m_connectTimeout->setRange(100, 600000);
    m_connectTimeout->setSingleStep(500);
    m_connectTimeout->setSuffix(tr(" ms"));
    m_connectTimeout->setAccessibleName(tr("Connect timeout"));
    advancedForm->addRow(tr("Connect timeout:"), m_connectTimeout);
    m_commandTimeout = new QSpinBox(advanced);
    m_commandTimeout->setRange(100, 3600000);
    m_commandTimeout->setSingleStep(1000);
    m_commandTimeout->setSuffix(tr(" ms"));
    m_commandTimeout->setAccessibleName(tr("Command timeout"));
    advancedForm->addRow(tr("Command timeout:"), m_commandTimeout);
    m_readOnly = new QCheckBox(tr("&Read-only: refuse every command that changes data"), advanced);
    m_readOnly->setToolTip(tr("Commands are classified with the server's own COMMAND flags; write commands "
                              "are refused before they are sent."));
    advancedForm->addRow(QString(), m_readOnly);
    m_separator = new QLineEdit(advanced);
    m_separator->setMaxLength(8);
    m_separator->setAccessibleName(tr("Namespace separator"));
    m_separator->setToolTip(tr("Groups keys into folders in the key browser: app:user:1 with \":\"."));
    advancedForm->addRow(tr("Namespace separator:"), m_separator);
    m_tabs->addTab(advanced, tr("Advanced"));

    // Redis Cluster: found out at connect; these only matter when the server is one.
    auto* cluster = new QWidget(m_tabs);
    auto* clusterForm = new QFormLayout(cluster);
    m_clusterSeeds = new QLineEdit(cluster);
    m_clusterSeeds->setAccessibleName(tr("More seed nodes"));
    m_clusterSeeds->setPlaceholderText(tr("host:port, host:port"));
    m_clusterSeeds->setToolTip(tr("Other nodes of the cluster, asked for its slot map when the nodes the session "
                                  "knows do not answer."));
    clusterForm->addRow(tr("More &seed nodes:"), m_clusterSeeds);
    m_clusterAddressMap = new QPlainTextEdit(cluster);
    m_clusterAddressMap->setAccessibleName(tr("Address map"));
    m_clusterAddressMap->setPlaceholderText(tr("One per line: announced=reachable, e.g.\n10.0.0.5:6379=127.0.0.1:7001"));
    m_clusterAddressMap->setToolTip(tr("Nodes may announce addresses this machine cannot reach (NAT, containers, "
                                       "tunnels): each announced host:port is reached at the address after '='."));
    m_clusterAddressMap->setTabChangesFocus(true);
    clusterForm->addRow(tr("&Address map:"), m_clusterAddressMap);
    m_clusterScanReplicas = new QCheckBox(tr("Scan &replicas for whole-keyspace jobs (spares the masters)"), cluster);
    clusterForm->addRow(QString(), m_clusterScanReplicas);
    m_tabs->addTab(cluster, tr("Cluster"));

    // Redis Sentinel: the transport "Sentinel" asks these for the group's master and follows it.
    m_sentinelPage = new QWidget(m_tabs);
    auto* sentinelLayout = new QVBoxLayout(m_sentinelPage);
    auto* sentinelForm = new QFormLayout;
    m_sentinels = new QLineEdit(m_sentinelPage);
    m_sentinels->setAccessibleName(tr("Sentinels"));
    m_sentinels->setPlaceholderText(tr("host:26379, host:26379, host:26379"));
    m_sentinels->setToolTip(tr("Asked in turn for the master's address; every one of them is listened to for "
                               "failovers."));
    sentinelForm->addRow(tr("&Sentinels:"), m_sentinels);
    m_sentinelMaster = new QLineEdit(m_sentinelPage);
    m_sentinelMaster->setAccessibleName(tr("Master group name"));
    m_sentinelMaster->setPlaceholderText(tr("mymaster"));
    sentinelForm->addRow(tr("&Master group:"), m_sentinelMaster);
    m_sentinelUsername = new QLineEdit(m_sentinelPage);
    m_sentinelUsername->setAccessibleName(tr("Sentinel username"));
    m_sentinelUsername->setPlaceholderText(tr("default"));
    sentinelForm->addRow(tr("Sentinel &user:"), m_sentinelUsername);
    m_sentinelPassword = new QLineEdit(m_sentinelPage);
    m_sentinelPassword->setAccessibleName(tr("Sentinel password"));
    m_sentinelPassword->setToolTip(tr("The sentinels' own password (requirepass or ACL user of the sentinels), "
                                      "kept in the system keychain like the server password."));
    makeSecretField(m_sentinelPassword);
    sentinelForm->addRow(tr("Sentinel pass&word:"), m_sentinelPassword);
    m_sentinelReadReplica = new QCheckBox(tr("Read from a &replica of the group (read-only profiles)"), m_sentinelPage);
    m_sentinelReadReplica->setToolTip(tr("Spares the master: a healthy replica Sentinel lists is used instead, and "
                                         "another one when it goes down. Needs the Read-only option (Advanced)."));
    sentinelForm->addRow(QString(), m_sentinelReadReplica);
    sentinelLayout->addLayout(sentinelForm);
    const TlsFields sentinelTls = makeTlsFields(m_sentinelPage, tr("Use TLS to the sentinels"), tr("Sentinel "),
                                                tr("each sentinel's host name"),
                                                tr("Verify the sentinels' certificates and host names"));
    m_sentinelTlsGroup = sentinelTls.group;
    m_sentinelCaFile = sentinelTls.caFile;
    m_sentinelCertificateFile = sentinelTls.certificateFile;
    m_sentinelKeyFile = sentinelTls.keyFile;
    m_sentinelServerName = sentinelTls.serverName;
    m_sentinelVerifyPeer = sentinelTls.verifyPeer;
    sentinelLayout->addWidget(m_sentinelTlsGroup);
    auto* sentinelNote = new QLabel(tr("The data nodes use the user, password and TLS settings of the Connection and "
                                       "TLS tabs; these are the sentinels' own."),
                                    m_sentinelPage);
    sentinelNote->setWordWrap(true);
    sentinelNote->setEnabled(false);
    sentinelLayout->addWidget(sentinelNote);
    sentinelLayout->addStretch();
    m_tabs->addTab(m_sentinelPage, tr("Sentinel"));

    // SSH: every link of the profile goes through one SSH session (and its jump hosts).
    auto* sshPage = new QWidget(m_tabs);
    auto* sshLayout = new QVBoxLayout(sshPage);
    m_sshGroup = new QGroupBox(tr("Connect through an SSH &tunnel"), sshPage);
    m_sshGroup->setCheckable(true);
    m_sshGroup->setChecked(false);
    auto* sshForm = new QFormLayout(m_sshGroup);
    m_sshHost = new QLineEdit(m_sshGroup);
    m_sshHost->setAccessibleName(tr("SSH host"));
    m_sshHost->setPlaceholderText(tr("bastion.example.com, or a Host alias of ~/.ssh/config"));
    m_sshHost->setToolTip(tr("A Host alias brings its HostName, User, Port, IdentityFile and ProxyJump from "
                             "~/.ssh/config; what you fill in below wins."));
    sshForm->addRow(tr("SSH &host:"), m_sshHost);
    m_sshPort = new QSpinBox(m_sshGroup);
    m_sshPort->setRange(0, 65535);
    m_sshPort->setSpecialValueText(tr("From ~/.ssh/config, else 22"));
    m_sshPort->setAccessibleName(tr("SSH port"));
    sshForm->addRow(tr("SSH p&ort:"), m_sshPort);
    m_sshUser = new QLineEdit(m_sshGroup);
    m_sshUser->setAccessibleName(tr("SSH user"));
    m_sshUser->setPlaceholderText(tr("From ~/.ssh/config, else %1").arg(ssh::SshTunnel::localUserName()));
    sshForm->addRow(tr("SSH &user:"), m_sshUser);
    auto* keyRow = new QHBoxLayout;
    m_sshKey = new QLineEdit(m_sshGroup);
    m_sshKey->setAccessibleName(tr("Private key file"));
    m_sshKey->setPlaceholderText(tr("From ~/.ssh/config, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa"));
    m_sshKey->setToolTip(tr("OpenSSH or PEM private key (Ed25519, ECDSA, RSA)."));
    auto* browseKey = new QToolButton(m_sshGroup);
    browseKey->setText(tr("..."));
    browseKey->setToolTip(tr("Choose a private key file"));
    connect(browseKey, &QToolButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Private key"), QDir::homePath() + QStringLiteral("/.ssh"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setFilter(QDir::Files | QDir::Hidden);
        connect(dialog, &QFileDialog::fileSelected, m_sshKey, &QLineEdit::setText);
        dialog->open();
    });
    keyRow->addWidget(m_sshKey, 1);
    keyRow->addWidget(browseKey);
    auto* keyLabel = new QLabel(tr("Private &key:"), m_sshGroup);
    keyLabel->setBuddy(m_sshKey);
    sshForm->addRow(keyLabel, keyRow);
    m_sshPassphrase = new QLineEdit(m_sshGroup);
    m_sshPassphrase->setAccessibleName(tr("Key passphrase"));
    m_sshPassphrase->setToolTip(tr("Kept in the system keychain, never in the settings file."));
    makeSecretField(m_sshPassphrase);
    sshForm->addRow(tr("Key pa&ssphrase:"), m_sshPassphrase);
    m_sshPassword = new QLineEdit(m_sshGroup);
    m_sshPassword->setAccessibleName(tr("SSH password"));
    m_sshPassword->setToolTip(tr("For servers that take passwords; sent only to the SSH host itself, never to a "
                                 "jump host. Kept in the system keychain."));
    makeSecretField(m_sshPassword);
    sshForm->addRow(tr("SSH pass&word:"), m_sshPassword);
    m_sshAgent = new QCheckBox(tr("Use the keys of ssh-&agent"), m_sshGroup);
    m_sshAgent->setChecked(true);
    sshForm->addRow(QString(), m_sshAgent);
    m_sshKnownHosts = new QLineEdit(m_sshGroup);
    m_sshKnownHosts->setAccessibleName(tr("Known hosts file"));
    m_sshKnownHosts->setPlaceholderText(tr("From ~/.ssh/config, else ~/.ssh/known_hosts"));
    sshForm->addRow(tr("Known &hosts:"), m_sshKnownHosts);
    m_sshConfig = new QLineEdit(m_sshGroup);
    m_sshConfig->setAccessibleName(tr("SSH config file"));
    m_sshConfig->setPlaceholderText(tr("~/.ssh/config"));
    sshForm->addRow(tr("SSH &config:"), m_sshConfig);
    m_sshKeepAlive = new QSpinBox(m_sshGroup);
    m_sshKeepAlive->setRange(0, 3600);
    m_sshKeepAlive->setSuffix(tr(" s"));
    m_sshKeepAlive->setSpecialValueText(tr("ServerAliveInterval, else 30 s"));
    m_sshKeepAlive->setAccessibleName(tr("Keepalive interval"));
    sshForm->addRow(tr("Keep&alive:"), m_sshKeepAlive);
    m_sshResolved = new QLabel(m_sshGroup);
    m_sshResolved->setWordWrap(true);
    m_sshResolved->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sshResolved->setAccessibleName(tr("SSH route"));
    sshForm->addRow(tr("Route:"), m_sshResolved);
    sshLayout->addWidget(m_sshGroup);
    auto* sshNote = new QLabel(tr("The Redis host and port of the Connection tab are as the SSH server sees them "
                                  "(often 127.0.0.1). Host keys are checked against known_hosts: an unknown key is "
                                  "shown to you before anything is sent, and a changed one is refused."),
                               sshPage);
    sshNote->setWordWrap(true);
    sshNote->setEnabled(false);
    sshLayout->addWidget(sshNote);
    sshLayout->addStretch();
    m_tabs->addTab(sshPage, tr("SSH"));
    // The route is read from ~/.ssh/config (and its includes) once typing pauses, not per key.
    m_sshRouteTimer = new QTimer(this);
    m_sshRouteTimer->setSingleShot(true);
    m_sshRouteTimer->setInterval(250);
    connect(m_sshRouteTimer, &QTimer::timeout, this, &ConnectionDialog::updateSshResolved);
    for (QLineEdit* edit : { m_sshHost, m_sshUser, m_sshConfig })
        connect(edit, &QLineEdit::textChanged, m_sshRouteTimer, qOverload<>(&QTimer::start));
    connect(m_sshPort, &QSpinBox::valueChanged, m_sshRouteTimer, qOverload<>(&QTimer::start));
    connect(m_sshGroup, &QGroupBox::toggled, m_sshRouteTimer, qOverload<>(&QTimer::start));
    connect(m_readOnly, &QCheckBox::toggled, this, &ConnectionDialog::updateEnabledFields);

    m_testResult = new QLabel(this);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setMinimumHeight(fontMetrics().height() * 2);
    m_testResult->setAccessibleName(tr("Test result"));
    layout->addWidget(m_testResult);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_testButton = m_buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    m_testButton->setToolTip(tr("Connect with these settings and report what happens"));
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::startTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_transport, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateEnabledFields);
    setProfile(ConnectionProfile());
    resize(560, 460);
}

ConnectionDialog::~ConnectionDialog() = default;

ConnectionDialog::TlsFields ConnectionDialog::makeTlsFields(QWidget* parent, const QString& title, const QString& namePrefix,
                                                            const QString& serverPlaceholder, const QString& verifyText)
{
    // The data nodes' TLS and the sentinels' are the same form; namePrefix tells their fields apart
    // for accessibility tools ("CA certificate file", "Sentinel CA certificate file").
    TlsFields fields;
    fields.group = new QGroupBox(title, parent);
    fields.group->setCheckable(true);
    auto* form = new QFormLayout(fields.group);
    QWidget* row = nullptr;
    fields.caFile = fileField(fields.group, tr("Choose the CA certificate"), &row);
    fields.caFile->setPlaceholderText(tr("the system's trusted CAs"));
    fields.caFile->setAccessibleName(namePrefix + tr("CA certificate file"));
    form->addRow(tr("CA certificate:"), row);
    fields.certificateFile = fileField(fields.group, tr("Choose the client certificate"), &row);
    fields.certificateFile->setPlaceholderText(tr("none"));
    fields.certificateFile->setAccessibleName(namePrefix + tr("Client certificate file"));
    form->addRow(tr("Client certificate:"), row);
    fields.keyFile = fileField(fields.group, tr("Choose the client key"), &row);
    fields.keyFile->setPlaceholderText(tr("none"));
    fields.keyFile->setAccessibleName(namePrefix + tr("Client key file"));
    form->addRow(tr("Client key:"), row);
    fields.serverName = new QLineEdit(fields.group);
    fields.serverName->setPlaceholderText(serverPlaceholder);
    fields.serverName->setAccessibleName(namePrefix + tr("TLS server name"));
    form->addRow(tr("Server name (SNI):"), fields.serverName);
    fields.verifyPeer = new QCheckBox(verifyText, fields.group);
    form->addRow(QString(), fields.verifyPeer);
    return fields;
}

QLineEdit* ConnectionDialog::fileField(QWidget* parent, const QString& caption, QWidget** row)
{
    *row = new QWidget(parent);
    auto* layout = new QHBoxLayout(*row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(*row);
    auto* browse = new QToolButton(*row);
    browse->setText(tr("…"));
    browse->setToolTip(caption);
    browse->setAccessibleName(caption);
    connect(browse, &QToolButton::clicked, this, [this, edit, caption] {
        const QString file = QFileDialog::getOpenFileName(this, caption, QFileInfo(edit->text()).absolutePath());
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return edit;
}

void ConnectionDialog::setProfile(const ConnectionProfile& profile)
{
    m_base = profile;
    m_name->setText(profile.name);
    m_transport->setCurrentIndex(profile.usesSentinel() ? 2 : profile.usesUnixSocket() ? 1 : 0);
    m_host->setText(profile.host);
    m_port->setValue(profile.port);
    m_socketPath->setText(profile.socketPath);
    m_username->setText(profile.username);
    m_password->setText(profile.password);
    m_database->setValue(profile.database);
    m_tlsGroup->setChecked(profile.tls.enabled);
    m_caFile->setText(profile.tls.caFile);
    m_certificateFile->setText(profile.tls.certificateFile);
    m_keyFile->setText(profile.tls.keyFile);
    m_serverName->setText(profile.tls.serverName);
    m_verifyPeer->setChecked(profile.tls.verifyPeer);
    m_connectTimeout->setValue(profile.connectTimeoutMs);
    m_commandTimeout->setValue(profile.commandTimeoutMs);
    m_readOnly->setChecked(profile.readOnly);
    m_separator->setText(profile.namespaceSeparator);
    m_clusterSeeds->setText(profile.clusterSeeds.join(QStringLiteral(", ")));
    QStringList mapLines;
    for (auto it = profile.clusterAddressMap.cbegin(); it != profile.clusterAddressMap.cend(); ++it)
        mapLines.append(it.key() + QLatin1Char('=') + it.value());
    m_clusterAddressMap->setPlainText(mapLines.join(QLatin1Char('\n')));
    m_clusterScanReplicas->setChecked(profile.clusterScanReplicas);
    m_sentinels->setText(profile.sentinels.join(QStringLiteral(", ")));
    m_sentinelMaster->setText(profile.sentinelMaster);
    m_sentinelUsername->setText(profile.sentinelUsername);
    m_sentinelPassword->setText(profile.sentinelPassword);
    m_sentinelTlsGroup->setChecked(profile.sentinelTls.enabled);
    m_sentinelCaFile->setText(profile.sentinelTls.caFile);
    m_sentinelCertificateFile->setText(profile.sentinelTls.certificateFile);
    m_sentinelKeyFile->setText(profile.sentinelTls.keyFile);
    m_sentinelServerName->setText(profile.sentinelTls.serverName);
    m_sentinelVerifyPeer->setChecked(profile.sentinelTls.verifyPeer);
    m_sentinelReadReplica->setChecked(profile.sentinelReadReplica);
    m_sshGroup->setChecked(profile.ssh.enabled);
    m_sshHost->setText(profile.ssh.host);
    m_sshPort->setValue(profile.ssh.port);
    m_sshUser->setText(profile.ssh.user);
    m_sshKey->setText(profile.ssh.identityFile);
    m_sshPassphrase->setText(profile.ssh.passphrase);
    m_sshPassword->setText(profile.ssh.password);
    m_sshAgent->setChecked(profile.ssh.useAgent);
    m_sshKnownHosts->setText(profile.ssh.knownHostsFile);
    m_sshConfig->setText(profile.ssh.configFile);
    m_sshKeepAlive->setValue(profile.ssh.keepAliveSeconds);
    updateEnabledFields();
    updateSshResolved();
}

void ConnectionDialog::updateSshResolved()
{
    const QString host = m_sshHost->text().trimmed();
    if (!m_sshGroup->isChecked() || host.isEmpty()) {
        m_sshResolved->setText(tr("No tunnel."));
        return;
    }
    ssh::TunnelSettings settings;
    SshOptions request;
    request.host = host;
    request.port = m_sshPort->value();
    request.user = m_sshUser->text().trimmed();
    request.configFile = m_sshConfig->text().trimmed();
    QString error;
    if (!ssh::SshTunnel::resolve(request, m_connectTimeout->value(), &settings, &error)) {
        m_sshResolved->setText(tr("<span style=\"color:#d32f2f\">%1</span>").arg(error.toHtmlEscaped()));
        return;
    }
    QStringList hops;
    for (const ssh::SshHost& hop : settings.hops)
        hops << QStringLiteral("%1@%2:%3").arg(hop.user, hop.hostName).arg(hop.port);
    const QString target = hops.takeLast();
    m_sshResolved->setText(hops.isEmpty() ? target.toHtmlEscaped()
                                          : tr("%1 via %2").arg(target.toHtmlEscaped(), hops.join(QStringLiteral(" → ")).toHtmlEscaped()));
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p = m_base;
    if (p.id.isNull())
        p.id = QUuid::createUuid();
    const bool unix = m_transport->currentIndex() == 1;
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.socketPath = unix ? m_socketPath->text().trimmed() : QString();
    p.username = m_username->text();
    p.password = m_password->text();
    p.database = m_database->value();
    p.tls.enabled = !unix && m_tlsGroup->isChecked();
    p.tls.caFile = m_caFile->text().trimmed();
    p.tls.certificateFile = m_certificateFile->text().trimmed();
    p.tls.keyFile = m_keyFile->text().trimmed();
    p.tls.serverName = m_serverName->text().trimmed();
    p.tls.verifyPeer = m_verifyPeer->isChecked();
    p.connectTimeoutMs = m_connectTimeout->value();
    p.commandTimeoutMs = m_commandTimeout->value();
    p.readOnly = m_readOnly->isChecked();
    p.namespaceSeparator = m_separator->text().isEmpty() ? QStringLiteral(":") : m_separator->text();
    p.clusterSeeds.clear();
    for (const QString& seed : m_clusterSeeds->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!seed.trimmed().isEmpty())
            p.clusterSeeds.append(seed.trimmed());
    }
    p.clusterAddressMap.clear();
    for (const QString& line : m_clusterAddressMap->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0 && !line.mid(equals + 1).trimmed().isEmpty())
            p.clusterAddressMap.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    p.clusterScanReplicas = m_clusterScanReplicas->isChecked();
    const bool sentinel = m_transport->currentIndex() == 2;
    p.sentinels.clear();
    if (sentinel) {
        for (const QString& address : m_sentinels->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            QString text = address.trimmed();
            if (text.isEmpty())
                continue;
            // A sentinel named without a port listens on 26379.
            const bool bracketed = text.startsWith(QLatin1Char('['));
            const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
            if (colon < 0 || (bracketed && colon < text.indexOf(QLatin1Char(']'))))
                text += QStringLiteral(":26379");
            p.sentinels.append(text);
        }
    }
    p.sentinelMaster = m_sentinelMaster->text().trimmed();
    p.sentinelUsername = m_sentinelUsername->text();
    p.sentinelPassword = m_sentinelPassword->text();
    p.sentinelTls.enabled = m_sentinelTlsGroup->isChecked();
    p.sentinelTls.caFile = m_sentinelCaFile->text().trimmed();
    p.sentinelTls.certificateFile = m_sentinelCertificateFile->text().trimmed();
    p.sentinelTls.keyFile = m_sentinelKeyFile->text().trimmed();
    p.sentinelTls.serverName = m_sentinelServerName->text().trimmed();
    p.sentinelTls.verifyPeer = m_sentinelVerifyPeer->isChecked();
    p.sentinelReadReplica = m_sentinelReadReplica->isChecked();
    p.ssh.enabled = m_sshGroup->isChecked();
    p.ssh.host = m_sshHost->text().trimmed();
    p.ssh.port = m_sshPort->value();
    p.ssh.user = m_sshUser->text().trimmed();
    p.ssh.identityFile = m_sshKey->text().trimmed();
    p.ssh.passphrase = m_sshPassphrase->text();
    p.ssh.password = m_sshPassword->text();
    p.ssh.useAgent = m_sshAgent->isChecked();
    p.ssh.knownHostsFile = m_sshKnownHosts->text().trimmed();
    p.ssh.configFile = m_sshConfig->text().trimmed();
    p.ssh.keepAliveSeconds = m_sshKeepAlive->value();
    p.name = m_name->text().trimmed();
    if (p.name.isEmpty())
        p.name = p.endpoint();
    return p;
}

void ConnectionDialog::setPasswordStorageNote(const QString& note)
{
    m_passwordNote->setText(note);
    m_passwordNote->setVisible(!note.isEmpty());
}

bool ConnectionDialog::applyUrl(const QString& url)
{
    ConnectionProfile parsed = profile();
    parsed.name.clear();
    QString error;
    if (!ConnectionProfile::fromUrl(url, &parsed, &error)) {
        m_urlError->setText(error);
        m_urlError->show();
        return false;
    }
    m_urlError->hide();
    const QString keepName = m_name->text();
    setProfile(parsed);
    if (!keepName.isEmpty())
        m_name->setText(keepName);
    if (m_url->text() != url.trimmed())
        m_url->setText(url.trimmed());
    return true;
}

void ConnectionDialog::updateEnabledFields()
{
    const bool unix = m_transport->currentIndex() == 1;
    const bool sentinel = m_transport->currentIndex() == 2;
    m_host->setEnabled(!unix && !sentinel);
    m_port->setEnabled(!unix && !sentinel);
    m_socketRow->setEnabled(unix);
    m_tlsGroup->setEnabled(!unix);
    m_sentinelPage->setEnabled(sentinel);
    m_sentinelReadReplica->setEnabled(sentinel && m_readOnly->isChecked());
    m_host->setToolTip(sentinel ? tr("With Sentinel the address comes from the sentinels (Sentinel tab).") : QString());
}

bool ConnectionDialog::isTesting() const
{
    return m_testConnection != nullptr || m_testSession != nullptr;
}
QString ConnectionDialog::testResult() const
{
    return m_lastTestMessage;
}

void ConnectionDialog::startTest()
{
    const ConnectionProfile p = profile();
    if (m_transport->currentIndex() == 2) {
        if (p.sentinels.isEmpty() || p.sentinelMaster.isEmpty()) {
            showTestResult(false, tr("Name the sentinels and the master group first (Sentinel tab)."));
            return;
        }
        // As a session opens it: the sentinels are asked, the master found and checked with ROLE.
        const JobTracker::Ticket generation = m_testJobs.next();
        m_testConnection.reset();
        m_testSession = std::make_unique<Session>(p);
        m_testButton->setEnabled(false);
        m_testResult->setStyleSheet(QString());
        m_testResult->setText(tr("Asking Sentinel for \"%1\"...").arg(p.sentinelMaster));
        Session* session = m_testSession.get();
        connect(session, &Session::stateChanged, this,
                [this, generation, session](Connection::State state, const QString& message) {
                    if (m_testJobs.isStale(generation))
                        return;
                    if (state == Connection::State::Failed) {
                        finishTest(false, message);
                        return;
                    }
                    if (state != Connection::State::Connected)
                        return;
                    const QString address = session->currentServer();
                    const bool replica = session->profile().readOnly && session->profile().sentinelReadReplica;
                    const ServerInfo& info = session->serverInfo();
                    finishTest(true, tr("Connected to Redis %1, the %2 of \"%3\" at %4, as Sentinel names it.")
                                         .arg(info.version().isEmpty() ? tr("(version not told)") : info.version(),
                                              replica ? tr("replica") : tr("master"), session->profile().sentinelMaster,
                                              address));
                });
        session->open();
        return;
    }
    if (p.usesUnixSocket() ? p.socketPath.isEmpty() : p.host.isEmpty()) {
        showTestResult(false, p.usesUnixSocket() ? tr("Enter the socket path first.") : tr("Enter a host first."));
        return;
    }
    const JobTracker::Ticket generation = m_testJobs.next();
    m_testConnection.reset();
    ConnectionTuning tuning;
    tuning.autoReconnect = false;
    m_testConnection = Session::createLink(p, tuning);
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Connecting to %1...").arg(p.endpoint()));
    Connection* connection = m_testConnection.get();
    connect(connection, &Connection::stateChanged, this,
        [this, generation, connection, sshHost = p.usesSsh() ? p.ssh.host : QString()](
            Connection::State state, const QString& message) {
            if (m_testJobs.isStale(generation))
                return;
            if (state == Connection::State::Failed) {
                finishTest(false, message);
            } else if (state == Connection::State::Connected) {
                connection->execute({ "INFO", "server" }, this, [this, generation, sshHost](const Reply& reply) {
                    if (m_testJobs.isStale(generation))
                        return;
                    if (reply.isClientError()) {
                        finishTest(false, reply.errorMessage());
                        return;
                    }
                    if (reply.isError()) {
                        // Connected, but ACLs may forbid INFO: still a success.
                        finishTest(
                            true, tr("Connected. The server did not tell its version: %1").arg(reply.errorMessage()));
                        return;
                    }
                    const ServerInfo info = ServerInfo::parse(reply.bytes());
                    const QString mode = info.mode().isEmpty() ? tr("standalone") : info.mode();
                    finishTest(true,
                        !sshHost.isEmpty() ? tr("Connected to Redis %1 (%2) through the SSH tunnel to %3.")
                                                 .arg(info.version(), mode, sshHost)
                                    : tr("Connected to Redis %1 (%2).").arg(info.version(), mode));
                });
            }
        });
    connection->open();
}

void ConnectionDialog::finishTest(bool ok, const QString& message)
{
    // Dropped later, not from inside the connection's own signal.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_testConnection.reset();
            m_testSession.reset();
        },
        Qt::QueuedConnection);
    m_testButton->setEnabled(true);
    showTestResult(ok, message);
    emit testFinished(ok, message);
}

void ConnectionDialog::showTestResult(bool ok, const QString& message)
{
    m_lastTestMessage = message;
    m_testResult->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #d32f2f;"));
    m_testResult->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) + message);
}

void ConnectionDialog::accept()
{
    const ConnectionProfile p = profile();
    QString problem;
    const bool sentinel = m_transport->currentIndex() == 2;
    if (sentinel && p.sentinels.isEmpty())
        problem = tr("Name at least one sentinel (host:port) on the Sentinel tab.");
    else if (sentinel
             && std::any_of(p.sentinels.cbegin(), p.sentinels.cend(), [](const QString& address) {
                    bool ok = false;
                    const uint port = address.mid(address.lastIndexOf(QLatin1Char(':')) + 1).toUInt(&ok);
                    return !ok || port == 0 || port > 65535 || address.lastIndexOf(QLatin1Char(':')) <= 0;
                }))
        problem = tr("Each sentinel must be host:port with a port from 1 to 65535 (Sentinel tab).");
    else if (sentinel && p.sentinelMaster.isEmpty())
        problem = tr("Name the master group the sentinels monitor (Sentinel tab).");
    else if (sentinel && p.sentinelTls.enabled && !p.sentinelTls.caFile.isEmpty() && !QFileInfo::exists(p.sentinelTls.caFile))
        problem = tr("The sentinels' CA certificate file %1 does not exist.").arg(p.sentinelTls.caFile);
    else if (!sentinel && !p.usesUnixSocket() && p.host.isEmpty())
        problem = tr("Enter the server's host name or address.");
    else if (p.usesUnixSocket() && p.socketPath.isEmpty())
        problem = tr("Enter the path of the server's Unix socket.");
    else if (p.tls.enabled && !p.tls.caFile.isEmpty() && !QFileInfo::exists(p.tls.caFile))
        problem = tr("The CA certificate file %1 does not exist.").arg(p.tls.caFile);
    else if (p.tls.enabled && p.tls.certificateFile.isEmpty() != p.tls.keyFile.isEmpty())
        problem = tr("A client certificate needs its key, and a key its certificate.");
    else if (p.ssh.enabled && p.ssh.host.isEmpty())
        problem = tr("Enter the SSH host, or turn the tunnel off (SSH tab).");
    else if (p.ssh.enabled && !p.ssh.identityFile.isEmpty()
             && !QFileInfo::exists(QString(p.ssh.identityFile).replace(QRegularExpression(QStringLiteral("^~/")), QDir::homePath() + QLatin1Char('/'))))
        problem = tr("The private key file %1 does not exist (SSH tab).").arg(p.ssh.identityFile);
    if (!problem.isEmpty()) {
        showTestResult(false, problem);
        return;
    }
    QDialog::accept();
}

} // namespace vermilion::ui
