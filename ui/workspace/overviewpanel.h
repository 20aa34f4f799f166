#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QTableWidget;
class QTimer;

namespace vermilion {
class Session;
}

namespace vermilion::ui {

// A first look at a server: version, role, memory, clients, persistence and the keyspace, from INFO,
// refreshed while the panel is visible.
class OverviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPanel(Session* session, QWidget* parent = nullptr);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateFromInfo();
    QLabel* addField(QGridLayout* grid, int row, int column, const QString& caption);

    Session* m_session;
    QTimer* m_refresh;
    QLabel* m_version = nullptr;
    QLabel* m_mode = nullptr;
    QLabel* m_role = nullptr;
    QLabel* m_uptime = nullptr;
    QLabel* m_os = nullptr;
    QLabel* m_memory = nullptr;
    QLabel* m_peak = nullptr;
    QLabel* m_maxmemory = nullptr;
    QLabel* m_clients = nullptr;
    QLabel* m_blocked = nullptr;
    QLabel* m_ops = nullptr;
    QLabel* m_persistence = nullptr;
    QLabel* m_replicas = nullptr;
    QLabel* m_noInfo = nullptr;
    QTableWidget* m_keyspace = nullptr;
};

} // namespace vermilion::ui
