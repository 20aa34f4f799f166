#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace vermilion {
class AclLogModel;
class AclUsersModel;
class Session;
}

namespace vermilion::ui {

// ACL users: the list (ACL LIST/GETUSER, structured), an editor that writes ACL SETUSER (passwords
// typed go straight to the server and are cleared from the field), delete (confirmed), ACL DRYRUN,
// the ACL LOG with reset, and ACL SAVE/LOAD where an ACL file is configured. Read-only profiles
// see everything and change nothing.
class AclPage : public QWidget {
    Q_OBJECT
public:
    explicit AclPage(Session* session, QWidget* parent = nullptr);

    AclUsersModel* users() const { return m_users; }
    AclLogModel* log() const { return m_log; }
    QTableView* usersView() const { return m_usersView; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* commandsEdit() const { return m_commands; }
    QPlainTextEdit* keysEdit() const { return m_keys; }
    QLineEdit* channelsEdit() const { return m_channels; }
    QPlainTextEdit* selectorsEdit() const { return m_selectors; }
    QCheckBox* enabledBox() const { return m_enabled; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* saveButton() const { return m_save; }
    QLineEdit* dryRunCommand() const { return m_dryCommand; }
    QComboBox* dryRunUser() const { return m_dryUser; }
    QPushButton* dryRunButton() const { return m_dryRun; }
    QString dryRunText() const;
    QString statusText() const;
    void selectUser(const QString& name);
    // Sends the edit in the form (after a confirmation when the user is the profile's own).
    void applyEdit();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showUser(int row);
    void startNewUser();
    void removeUser();
    void updateButtons();

    QPointer<Session> m_session;
    AclUsersModel* m_users;
    AclLogModel* m_log;
    QTableView* m_usersView;
    QTableView* m_logView;
    QLabel* m_status;
    QLineEdit* m_name;
    QCheckBox* m_enabled;
    QLabel* m_passwordInfo;
    QLineEdit* m_password;
    QCheckBox* m_removePasswords;
    QCheckBox* m_noPassword;
    QLineEdit* m_commands;
    QPlainTextEdit* m_keys;
    QLineEdit* m_channels;
    QPlainTextEdit* m_selectors;
    QPushButton* m_apply;
    QPushButton* m_new;
    QPushButton* m_delete;
    QPushButton* m_reload;
    QComboBox* m_dryUser;
    QLineEdit* m_dryCommand;
    QPushButton* m_dryRun;
    QLabel* m_dryResult;
    QPushButton* m_logReset;
    QPushButton* m_save;
    QPushButton* m_load;
    bool m_loadedOnce = false;
    bool m_creating = false;
};

} // namespace vermilion::ui
