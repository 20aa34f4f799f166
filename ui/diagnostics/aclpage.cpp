#include "aclpage.h"

#include "client/session.h"
#include "diagnostics/aclmodel.h"
#include "util/redistext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    view->setAccessibleName(name);
    return view;
}

// "(-@all +get ~other:* &news)" as a selector.
AclUsersModel::Selector parseSelector(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('(')))
        text.remove(0, 1);
    if (text.endsWith(QLatin1Char(')')))
        text.chop(1);
    AclUsersModel::Selector selector;
    QStringList commands;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1Char('~')) || word.startsWith(QLatin1Char('%')) || word == QLatin1String("allkeys"))
            selector.keys.append(AclUsersModel::KeyPattern::parse(word));
        else if (word.startsWith(QLatin1Char('&')))
            selector.channels.append(word.mid(1));
        else if (word != QLatin1String("resetchannels") && word != QLatin1String("resetkeys"))
            commands.append(word);
    }
    selector.commands = commands.join(QLatin1Char(' '));
    return selector;
}

QString selectorText(const AclUsersModel::Selector& selector)
{
    QStringList parts { selector.commands };
    for (const auto& key : selector.keys)
        parts << key.rule();
    for (const QString& channel : selector.channels)
        parts << QLatin1Char('&') + channel;
    return QLatin1Char('(') + parts.join(QLatin1Char(' ')) + QLatin1Char(')');
}
} // namespace

AclPage::AclPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_users(new AclUsersModel(session, this))
    , m_log(new AclLogModel(session, this))
    , m_usersView(makeTable(m_users, this, tr("ACL users")))
    , m_logView(makeTable(m_log, this, tr("ACL log")))
    , m_status(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_enabled(new QCheckBox(tr("&Enabled (on)"), this))
    , m_passwordInfo(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_removePasswords(new QCheckBox(tr("Remove the passwords it has"), this))
    , m_noPassword(new QCheckBox(tr("Any password works (nopass)"), this))
    , m_commands(new QLineEdit(this))
    , m_keys(new QPlainTextEdit(this))
    , m_channels(new QLineEdit(this))
    , m_selectors(new QPlainTextEdit(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_new(new QPushButton(tr("New User…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_reload(new QPushButton(tr("Reload"), this))
    , m_dryUser(new QComboBox(this))
    , m_dryCommand(new QLineEdit(this))
    , m_dryRun(new QPushButton(tr("Check"), this))
    , m_dryResult(new QLabel(this))
    , m_logReset(new QPushButton(tr("Reset Log…"), this))
    , m_save(new QPushButton(tr("ACL SAVE"), this))
    , m_load(new QPushButton(tr("ACL LOAD…"), this))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_reload);
    bar->addWidget(m_new);
    bar->addWidget(m_delete);
    bar->addWidget(m_save);
    bar->addWidget(m_load);
    layout->addLayout(bar);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    auto* horizontal = new QSplitter(Qt::Horizontal, vertical);
    horizontal->addWidget(m_usersView);
    auto* editor = new QGroupBox(tr("User"), horizontal);
    auto* form = new QFormLayout(editor);
    m_name->setAccessibleName(tr("User name"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_enabled);
    m_passwordInfo->setWordWrap(true);
    form->addRow(tr("Passwords:"), m_passwordInfo);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("New password"));
    m_password->setPlaceholderText(tr("a password to add; sent to the server, kept nowhere"));
    form->addRow(tr("Add pass&word:"), m_password);
    form->addRow(QString(), m_removePasswords);
    form->addRow(QString(), m_noPassword);
    m_commands->setAccessibleName(tr("Command rules"));
    m_commands->setPlaceholderText(tr("+@read +@write -@dangerous -flushall"));
    m_commands->setToolTip(tr("Categories (+@read) and commands (+get, -keys, +config|get), in order"));
    form->addRow(tr("&Commands:"), m_commands);
    m_keys->setAccessibleName(tr("Key patterns"));
    m_keys->setPlaceholderText(tr("One per line: ~app:* (read and write), %R~cache:* (read), %W~log:* (write)"));
    m_keys->setTabChangesFocus(true);
    m_keys->setMaximumHeight(m_keys->fontMetrics().height() * 5);
    form->addRow(tr("&Keys:"), m_keys);
    m_channels->setAccessibleName(tr("Channel patterns"));
    m_channels->setPlaceholderText(tr("news:* alerts (space-separated; * for all)"));
    form->addRow(tr("C&hannels:"), m_channels);
    m_selectors->setAccessibleName(tr("Selectors"));
    m_selectors->setPlaceholderText(tr("Redis 7 selectors, one per line: (+get ~other:*)"));
    m_selectors->setTabChangesFocus(true);
    m_selectors->setMaximumHeight(m_selectors->fontMetrics().height() * 4);
    form->addRow(tr("&Selectors:"), m_selectors);
    form->addRow(QString(), m_apply);
    horizontal->addWidget(editor);
    horizontal->setStretchFactor(0, 3);
    horizontal->setStretchFactor(1, 2);
    vertical->addWidget(horizontal);

    auto* lower = new QWidget(vertical);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto* dry = new QHBoxLayout;
    dry->addWidget(new QLabel(tr("Can"), lower));
    m_dryUser->setAccessibleName(tr("Dry-run user"));
    m_dryUser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    dry->addWidget(m_dryUser);
    dry->addWidget(new QLabel(tr("run"), lower));
    m_dryCommand->setAccessibleName(tr("Dry-run command"));
    m_dryCommand->setPlaceholderText(tr("SET app:1 hello"));
    dry->addWidget(m_dryCommand, 1);
    m_dryRun->setToolTip(tr("ACL DRYRUN: asks the server, runs nothing"));
    dry->addWidget(m_dryRun);
    m_dryResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dry->addWidget(m_dryResult, 1);
    lowerLayout->addLayout(dry);
    auto* logBar = new QHBoxLayout;
    logBar->addWidget(new QLabel(tr("ACL LOG: commands refused and logins failed, newest first"), lower));
    logBar->addStretch();
    logBar->addWidget(m_logReset);
    lowerLayout->addLayout(logBar);
    lowerLayout->addWidget(m_logView, 1);
    vertical->addWidget(lower);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    layout->addWidget(vertical, 1);

    connect(m_reload, &QPushButton::clicked, this, [this] {
        m_users->reload();
        m_log->reload();
    });
    connect(m_users, &AclUsersModel::loaded, this, [this] {
        const QString current = m_name->text();
        m_usersView->resizeColumnsToContents();
        const QString selectedBefore = m_dryUser->currentText();
        m_dryUser->clear();
        for (const auto& user : m_users->users())
            m_dryUser->addItem(user.name);
        if (const int index = m_dryUser->findText(selectedBefore); index >= 0)
            m_dryUser->setCurrentIndex(index);
        m_status->setText(tr("%n user(s).", nullptr, int(m_users->users().size())) + QLatin1Char(' ')
                          + (m_users->aclFile().isEmpty() ? tr("No ACL file: users live in the configuration file.")
                                                          : tr("ACL file: %1").arg(m_users->aclFile())));
        if (!m_creating)
            selectUser(current.isEmpty() && !m_users->users().isEmpty() ? m_users->users().first().name : current);
        updateButtons();
    });
    connect(m_users, &AclUsersModel::errorOccurred, this,
            [this](const QString& message) { m_status->setText(tr("ACL failed: %1").arg(message)); });
    connect(m_users, &AclUsersModel::finished, this, [this](const QString& what, const QString& error) {
        if (error.isEmpty())
            m_creating = false;
        m_status->setText(error.isEmpty() ? tr("%1: done.").arg(what) : tr("%1 failed: %2").arg(what, error));
    });
    connect(m_users, &AclUsersModel::dryRunFinished, this, [this](const QString& answer, bool allowed) {
        m_dryResult->setStyleSheet(allowed ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
        m_dryResult->setText((allowed ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) + answer);
    });
    connect(m_log, &AclLogModel::loaded, this, [this] { m_logView->resizeColumnsToContents(); });
    connect(m_log, &AclLogModel::errorOccurred, this,
            [this](const QString& message) { m_status->setText(tr("ACL LOG: %1").arg(message)); });
    connect(m_usersView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_usersView->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            m_creating = false;
            showUser(rows.first().row());
        }
        updateButtons();
    });
    connect(m_apply, &QPushButton::clicked, this, &AclPage::applyEdit);
    connect(m_new, &QPushButton::clicked, this, &AclPage::startNewUser);
    connect(m_delete, &QPushButton::clicked, this, &AclPage::removeUser);
    connect(m_dryRun, &QPushButton::clicked, this, [this] {
        QString error;
        QList<QByteArray> words;
        if (!RedisText::splitArguments(m_dryCommand->text(), &words, &error) || words.isEmpty()) {
            m_dryResult->setStyleSheet(QString());
            m_dryResult->setText(error.isEmpty() ? tr("Type a command to check.") : error);
            return;
        }
        m_users->dryRun(m_dryUser->currentText(), words);
    });
    connect(m_dryCommand, &QLineEdit::returnPressed, m_dryRun, &QPushButton::click);
    connect(m_logReset, &QPushButton::clicked, this, [this] {
        auto* box = new QMessageBox(QMessageBox::Question, tr("Reset ACL Log"), tr("Clear the ACL log on the server?"),
                                    QMessageBox::Cancel, this);
        box->setInformativeText(tr("ACL LOG RESET forgets every refused command and failed login it recorded."));
        box->addButton(tr("Reset"), QMessageBox::AcceptRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::accepted, m_log, &AclLogModel::reset);
        box->open();
    });
    connect(m_save, &QPushButton::clicked, m_users, &AclUsersModel::save);
    connect(m_load, &QPushButton::clicked, this, [this] {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("ACL LOAD"),
                                    tr("Replace every user with the ones in %1?").arg(m_users->aclFile()),
                                    QMessageBox::Cancel, this);
        box->setInformativeText(tr("Users changed since the file was last saved are lost, and clients whose user "
                                   "changes are disconnected."));
        box->addButton(tr("Load"), QMessageBox::AcceptRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::accepted, m_users, &AclUsersModel::load);
        box->open();
    });
    updateButtons();
}

void AclPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        m_users->reload();
        m_log->reload();
    }
}

QString AclPage::dryRunText() const { return m_dryResult->text(); }
QString AclPage::statusText() const { return m_status->text(); }

void AclPage::selectUser(const QString& name)
{
    const int row = m_users->rowOf(name);
    if (row < 0)
        return;
    m_usersView->selectRow(row);
    showUser(row);
}

void AclPage::showUser(int row)
{
    const AclUsersModel::User& user = m_users->users().at(row);
    m_name->setText(user.name);
    m_name->setReadOnly(true);
    m_enabled->setChecked(user.enabled());
    m_passwordInfo->setText(user.noPassword()       ? tr("any password works (nopass)")
                            : user.passwordCount == 0 ? tr("none: nobody can log in as this user")
                                                      : tr("%n password(s) set (the hashes are not shown)", nullptr,
                                                           user.passwordCount));
    m_password->clear();
    m_removePasswords->setChecked(false);
    m_noPassword->setChecked(user.noPassword());
    m_commands->setText(user.commands);
    QStringList keys;
    for (const auto& key : user.keys)
        keys << key.rule();
    m_keys->setPlainText(keys.join(QLatin1Char('\n')));
    QStringList channels;
    for (const QString& channel : user.channels)
        channels << channel;
    m_channels->setText(channels.join(QLatin1Char(' ')));
    QStringList selectors;
    for (const auto& selector : user.selectors)
        selectors << selectorText(selector);
    m_selectors->setPlainText(selectors.join(QLatin1Char('\n')));
    if (const int index = m_dryUser->findText(user.name); index >= 0)
        m_dryUser->setCurrentIndex(index);
}

void AclPage::startNewUser()
{
    m_creating = true;
    m_usersView->clearSelection();
    m_name->clear();
    m_name->setReadOnly(false);
    m_enabled->setChecked(true);
    m_passwordInfo->setText(tr("none yet"));
    m_password->clear();
    m_removePasswords->setChecked(false);
    m_noPassword->setChecked(false);
    m_commands->setText(QStringLiteral("+@read"));
    m_keys->setPlainText(QStringLiteral("~*"));
    m_channels->clear();
    m_selectors->clear();
    m_name->setFocus();
    updateButtons();
}

void AclPage::applyEdit()
{
    if (!m_session || m_session->isReadOnly())
        return;
    AclUsersModel::Edit edit;
    edit.name = m_name->text().trimmed();
    edit.enabled = m_enabled->isChecked();
    if (!m_password->text().isEmpty())
        edit.addPasswords << m_password->text();
    edit.removePasswords = m_removePasswords->isChecked();
    edit.noPassword = m_noPassword->isChecked();
    edit.commands = m_commands->text();
    for (const QString& line : m_keys->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        for (const QString& word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            edit.keys.append(AclUsersModel::KeyPattern::parse(word));
    }
    for (const QString& word : m_channels->text().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        edit.channels.append(word.startsWith(QLatin1Char('&')) ? word.mid(1) : word);
    for (const QString& line : m_selectors->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        edit.selectors.append(parseSelector(line));
    // The password field is emptied at once: it lives on only in the command being sent.
    m_password->clear();
    const QString own = m_session->profile().username.isEmpty() ? QStringLiteral("default") : m_session->profile().username;
    const bool risky = edit.name == own && (!edit.enabled || edit.removePasswords);
    if (!risky) {
        m_users->apply(edit);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Change Your Own User"),
                                tr("\"%1\" is the user this window logs in with.").arg(edit.name), QMessageBox::Cancel,
                                this);
    box->setInformativeText(!edit.enabled ? tr("Turning it off locks this window, and every client that uses it, out "
                                               "at the next connect.")
                                          : tr("Removing its passwords locks out every client that logs in with them "
                                               "at the next connect."));
    box->addButton(tr("Apply"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, edit] { m_users->apply(edit); });
    box->open();
}

void AclPage::removeUser()
{
    const QModelIndexList rows = m_usersView->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_session || m_session->isReadOnly())
        return;
    const QString name = m_users->users().at(rows.first().row()).name;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete User"), tr("Delete the ACL user \"%1\"?").arg(name),
                                QMessageBox::Cancel, this);
    box->setInformativeText(tr("ACL DELUSER removes it at once and disconnects every client logged in as it."));
    box->addButton(tr("Delete"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, name] { m_users->remove(name); });
    box->open();
}

void AclPage::updateButtons()
{
    const bool readOnly = !m_session || m_session->isReadOnly();
    const bool selected = m_usersView->selectionModel()->hasSelection();
    for (QWidget* widget : std::initializer_list<QWidget*> { m_new, m_logReset, m_apply })
        widget->setEnabled(!readOnly);
    m_delete->setEnabled(!readOnly && selected);
    const bool file = !m_users->aclFile().isEmpty();
    m_save->setEnabled(!readOnly && file);
    m_load->setEnabled(!readOnly && file);
    const QString noFile = tr("The server has no ACL file (aclfile is not set)");
    m_save->setToolTip(readOnly ? tr("This profile is read-only.") : file ? tr("Write the users to %1").arg(m_users->aclFile()) : noFile);
    m_load->setToolTip(readOnly ? tr("This profile is read-only.") : file ? tr("Read the users from %1").arg(m_users->aclFile()) : noFile);
    if (readOnly)
        m_apply->setToolTip(tr("This profile is read-only: users are not changed."));
}

} // namespace vermilion::ui
