#pragma once

#include "profiles/connectionprofile.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;

namespace vermilion {
class ConnectionListModel;
class ProfileStore;
class Sandbox;
class SecretStore;
class Session;
} // namespace vermilion

namespace vermilion::ui {

class HostKeyPrompt;
class SessionWorkspace;
class ThemeManager;

// The shell: saved connections on the left, the selected connection's tools in the middle, its
// state in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString settingsFile; // empty = the application's QSettings (tests pass a file)
        bool useKeychain = true;
    };

    MainWindow();
    explicit MainWindow(const Options& options);
    ~MainWindow() override;

    // Connects to a URL given on the command line; false with a message on a malformed URL.
    // sshHost: open it through an SSH tunnel to [user@]host[:port] or a ~/.ssh/config alias.
    bool openUrl(const QString& url, QString* error = nullptr, const QString& sshHost = {});
    void startSandbox();
    Sandbox* sandbox() const { return m_sandbox.get(); }
    ConnectionListModel* connectionModel() const { return m_model; }
    SessionWorkspace* currentWorkspace() const;
    Session* sessionFor(const QUuid& id) const;
    void selectProfile(const QUuid& id);
    void connectProfile(const QUuid& id);
    ThemeManager* themeManager() const { return m_theme; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct OpenSession {
        Session* session = nullptr;
        SessionWorkspace* workspace = nullptr;
    };

    void buildActions();
    void buildLayout();
    void restoreLayout();
    void saveLayout();
    void saveProfiles();
    void newConnection();
    void editConnection();
    void duplicateConnection();
    void deleteConnection();
    void disconnectCurrent();
    void refreshCurrent();
    void openUrlDialog();
    void showAbout();
    void onSelectionChanged();
    void updateActions();
    void updateStatusBar();
    QUuid currentId() const;
    OpenSession ensureSession(const ConnectionProfile& profile);
    void closeSession(const QUuid& id);
    bool editProfile(ConnectionProfile* profile, const QString& title);
    void storePassword(const ConnectionProfile& profile);
    // The profile with its secrets from the keychain (the password, and the sentinels' one).
    void readSecrets(const ConnectionProfile& profile, std::function<void(const ConnectionProfile&)> done);

    Options m_options;
    std::unique_ptr<ProfileStore> m_store;
    SecretStore* m_secrets = nullptr;
    HostKeyPrompt* m_hostKeys = nullptr;
    ConnectionListModel* m_model = nullptr;
    ThemeManager* m_theme = nullptr;
    std::unique_ptr<Sandbox> m_sandbox;
    QHash<QUuid, OpenSession> m_sessions;

    QSplitter* m_splitter = nullptr;
    QListView* m_list = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_welcome = nullptr;

    QLabel* m_stateLabel = nullptr;
    QLabel* m_versionLabel = nullptr;
    QLabel* m_roleLabel = nullptr;
    QLabel* m_dbLabel = nullptr;
    QLabel* m_latencyLabel = nullptr;
    QProgressBar* m_progress = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openUrlAction = nullptr;
    QAction* m_sandboxAction = nullptr;
    QAction* m_connectAction = nullptr;
    QAction* m_disconnectAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_duplicateAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_quitAction = nullptr;
};

} // namespace vermilion::ui
