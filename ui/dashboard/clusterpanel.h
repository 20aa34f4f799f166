#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace vermilion {
class ClusterNodesModel;
class Session;
} // namespace vermilion

namespace vermilion::ui {

// The cluster view: every node with its role, master, slot ranges, link state and epochs
// (CLUSTER NODES, refreshed every two seconds while shown), a summary of slot coverage and of the
// redirects the session has followed, and CLUSTER FAILOVER on a replica (confirmed; refused on a
// read-only profile).
class ClusterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClusterPanel(Session* session, QWidget* parent = nullptr);

    ClusterNodesModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateSummary();
    void updateButtons();
    void failover();

    QPointer<Session> m_session;
    ClusterNodesModel* m_model;
    QLabel* m_summary;
    QTableView* m_view;
    QPushButton* m_refresh;
    QPushButton* m_failover;
    QTimer* m_timer;
    QString m_notice; // the outcome of the last failover
};

} // namespace vermilion::ui
