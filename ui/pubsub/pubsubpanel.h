#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
class QTimer;

namespace vermilion {
class ChannelDiscoveryModel;
class Session;
}

namespace vermilion::ui {

class PubSubPaneWidget;

// The pub/sub tool of a connection: any number of panes (each with its own subscriber connection)
// side by side or tabbed, a publish bar, channel discovery, one-click keyspace-notification panes
// and desktop notifications. Layout, panes, subscriptions and rules are saved per connection
// profile.
class PubSubPanel : public QWidget {
    Q_OBJECT
public:
    enum class Layout { SideBySide, Tabbed };

    explicit PubSubPanel(Session* session, QWidget* parent = nullptr);
    ~PubSubPanel() override;

    PubSubPaneWidget* addPane(const QString& title = {});
    void closePane(PubSubPaneWidget* pane);
    QList<PubSubPaneWidget*> panes() const { return m_panes; }
    PubSubPaneWidget* currentPane() const;
    // Cluster: publish with SPUBLISH (to the shard of the channel's slot).
    QCheckBox* publishShardedCheck() const { return m_publishSharded; }

    void setPaneLayout(Layout layout);
    Layout paneLayout() const { return m_layout; }

    // Opens a pane on __keyspace@<db>__:* (keyspace) or __keyevent@<db>__:* and checks the server's
    // notify-keyspace-events.
    PubSubPaneWidget* openKeyspacePane(bool keyspace, int database = -1);
    void publish(const QByteArray& channel, const QByteArray& payload);
    QString publishResultText() const;
    void refreshChannels();
    ChannelDiscoveryModel* channelModel() const { return m_channels; }
    void setDiscoveryVisible(bool visible);

    // Settings key of this profile's layout (QSettings group).
    QString settingsGroup() const;
    void saveState();

signals:
    void notificationShown(const QString& title, const QString& text);

protected:
    // The saved panes connect the first time the tool is shown, not when the workspace is built.
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void restoreState();
    void createDefaultPanes();
    void rearrange();
    void scheduleSave();
    void onNotification(const QString& title, const QString& text);
    void publishFromBar();
    void enableKeyspaceEvents(PubSubPaneWidget* pane, bool keyspace);
    void checkKeyspaceEvents(PubSubPaneWidget* pane, bool keyspace);

    Session* m_session;
    QList<PubSubPaneWidget*> m_panes;
    Layout m_layout = Layout::SideBySide;
    int m_paneCounter = 0;
    bool m_restoring = false;
    bool m_shownOnce = false;

    QComboBox* m_layoutCombo = nullptr;
    QCheckBox* m_notifyCheck = nullptr;
    QPushButton* m_discoveryButton = nullptr;
    QSplitter* m_mainSplit = nullptr;
    QStackedWidget* m_stack = nullptr;
    QSplitter* m_sideBySide = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_emptyHint = nullptr;
    QWidget* m_discovery = nullptr;
    QLineEdit* m_discoveryPattern = nullptr;
    QTableView* m_channelView = nullptr;
    QLabel* m_discoveryStatus = nullptr;
    ChannelDiscoveryModel* m_channels = nullptr;
    QLineEdit* m_publishChannel = nullptr;
    QLineEdit* m_publishPayload = nullptr;
    QLabel* m_publishResult = nullptr;
    QCheckBox* m_publishSharded = nullptr; // cluster: SPUBLISH
    QLabel* m_notificationStatus = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QTimer* m_saveTimer = nullptr;
    QElapsedTimer m_lastTrayMessage;
    int m_trayHeldBack = 0;
};

} // namespace vermilion::ui
