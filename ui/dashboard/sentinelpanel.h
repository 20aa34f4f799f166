#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;

namespace vermilion {
class SentinelGroupModel;
class Session;
} // namespace vermilion

namespace vermilion::ui {

// The Sentinel view of a session opened through Sentinel: the master group (master, replicas with
// their link and lag, sentinels), its quorum and failover state (refreshed every two seconds while
// shown), the events the sentinels published for it, and SENTINEL FAILOVER (confirmed; refused on
// a read-only profile).
class SentinelPanel : public QWidget {
    Q_OBJECT
public:
    explicit SentinelPanel(Session* session, QWidget* parent = nullptr);

    SentinelGroupModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QListWidget* events() const { return m_events; }
    QPushButton* failoverButton() const { return m_failover; }
    QString summaryText() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateSummary();
    void failover();
    void addEvent(const QString& time, const QString& sentinel, const QString& type, const QString& text);

    QPointer<Session> m_session;
    SentinelGroupModel* m_model;
    QLabel* m_summary;
    QTableView* m_view;
    QListWidget* m_events;
    QPushButton* m_refresh;
    QPushButton* m_failover;
    QTimer* m_timer;
    QString m_notice; // the outcome of the last failover request
};

} // namespace vermilion::ui
