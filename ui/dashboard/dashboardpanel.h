#pragma once

#include <QList>
#include <QSet>
#include <QWidget>

class QGroupBox;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace vermilion {
class ClientListModel;
class CommandStatsModel;
class InfoPoller;
class ServerInfo;
class Session;
class SlowlogModel;
struct Sample;
}

namespace vermilion::ui {

class DashboardChart;

// The live view of one server: summary cards, charts over a chosen window, the full INFO, command
// statistics, the slow log and the client list. Polls on the session's dashboard connection.
class DashboardPanel : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPanel(Session* session, QWidget* parent = nullptr);
    ~DashboardPanel() override;

    InfoPoller* poller() const { return m_poller; }
    const QList<DashboardChart*>& charts() const { return m_charts; }
    void setWindowSeconds(qint64 seconds);
    qint64 windowSeconds() const { return m_windowSeconds; }
    void setPauseWhenHidden(bool pause);
    QString infoErrorText() const;
    // Where the user is told about refused SLOWLOG, CLIENT LIST and kills.
    QString slowlogMessage() const;
    QString clientsMessage() const;
    SlowlogModel* slowlogModel() const { return m_slowlog; }
    ClientListModel* clientListModel() const { return m_clients; }
    CommandStatsModel* commandStatsModel() const { return m_commandStats; }
    void showSection(const QString& name); // "charts", "info", "commands", "slowlog", "clients"
    // Cluster: which node the charts, cards and INFO show ("" = every master summed).
    QComboBox* nodePicker() const { return m_nodePicker; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildCharts();
    QWidget* buildInfoTab();
    QWidget* buildCommandsTab();
    QWidget* buildSlowlogTab();
    QWidget* buildClientsTab();
    QLabel* addCard(QGridLayout* grid, int index, const QString& caption);
    void onSample(const Sample& sample);
    void onInfo(const ServerInfo& info);
    void onInfoFailed(const QString& message);
    void updateCards(const ServerInfo& info);
    void updateInfoTree(const ServerInfo& info);
    void refreshCharts(bool force);
    void exportChart();
    void exportCsv();
    void resetSlowlog();
    void killSelectedClient();
    void onTabChanged(int index);
    void onViewChanged();
    void updateNodeColumns();

    Session* m_session;
    InfoPoller* m_poller;
    CommandStatsModel* m_commandStats;
    SlowlogModel* m_slowlog;
    ClientListModel* m_clients;
    QSortFilterProxyModel* m_commandProxy = nullptr;
    QSortFilterProxyModel* m_slowlogProxy = nullptr;
    QSortFilterProxyModel* m_clientProxy = nullptr;

    QSpinBox* m_interval = nullptr;
    QCheckBox* m_pauseHidden = nullptr;
    QComboBox* m_window = nullptr;
    QComboBox* m_nodePicker = nullptr;
    QLabel* m_nodeLabel = nullptr;
    QGroupBox* m_cardsBox = nullptr;
    QLabel* m_infoError = nullptr;
    QTabWidget* m_tabs = nullptr;
    QList<DashboardChart*> m_charts;
    DashboardChart* m_keysChart = nullptr;
    QSet<int> m_databasesCharted;
    QTreeWidget* m_infoTree = nullptr;
    QLineEdit* m_infoSearch = nullptr;
    QTableView* m_slowlogView = nullptr;
    QTableView* m_clientView = nullptr;
    QLabel* m_slowlogMessage = nullptr;
    QLabel* m_clientsMessage = nullptr;

    QLabel* m_version = nullptr;
    QLabel* m_mode = nullptr;
    QLabel* m_role = nullptr;
    QLabel* m_uptime = nullptr;
    QLabel* m_persistence = nullptr;
    QLabel* m_fragmentation = nullptr;
    QLabel* m_policy = nullptr;
    QLabel* m_connections = nullptr;

    qint64 m_windowSeconds = 300;
    qint64 m_lastChartRefreshMs = 0;
    int m_pollsSinceTables = 0;
};

} // namespace vermilion::ui
