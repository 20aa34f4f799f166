#pragma once

#include "client/connection.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;
class QToolButton;

namespace vermilion {
class MonitorGroup;
class MonitorModel;
class Session;
}

namespace vermilion::ui {

// MONITOR on a connection of its own: a warning about what it costs the server, start and stop,
// filters (command, key pattern, client, database), commands per second, a bounded ring with
// pause and export. Filters and the ring size are saved per connection profile. On a cluster it
// watches the nodes chosen in its Nodes menu (all masters by default), merged, with a node column.
class MonitorPanel : public QWidget {
    Q_OBJECT
public:
    explicit MonitorPanel(Session* session, QWidget* parent = nullptr);
    ~MonitorPanel() override;

    void start();
    void stop();
    bool isRunning() const;
    MonitorModel* model() const { return m_model; }
    MonitorGroup* monitor() const { return m_monitor; }
    // Cluster: the nodes the next start watches.
    void setNodes(const QStringList& nodes);
    QStringList nodes() const;
    QTableView* view() const { return m_view; }
    QString statusText() const;
    void setFilterText(const QString& commands, const QString& keyPattern, const QString& client, int database);
    void exportTo(const QString& path, bool csv);

private:
    void applyFilter();
    void updateStatus();
    void onState(Connection::State state, const QString& message, const QString& node);
    void updateNodes();
    void chooseExport();
    void saveSettings() const;
    void restoreSettings();
    QString settingsKey(const QString& name) const;

    Session* m_session;
    MonitorGroup* m_monitor;
    QToolButton* m_nodesButton = nullptr;
    QStringList m_chosenNodes; // cluster; empty = every master
    MonitorModel* m_model;
    QLabel* m_warning = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QToolButton* m_pauseButton = nullptr;
    QLineEdit* m_commands = nullptr;
    QLineEdit* m_keyPattern = nullptr;
    QLineEdit* m_client = nullptr;
    QSpinBox* m_database = nullptr;
    QSpinBox* m_capacity = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_state = nullptr;
    QTableView* m_view = nullptr;
    QTimer* m_filterTimer = nullptr;
    bool m_followTail = true;
};

} // namespace vermilion::ui
