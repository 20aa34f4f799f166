#pragma once

#include "client/connection.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QCheckBox;
class QFrame;
class QPushButton;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QSplitter;
class QTableView;
class QToolButton;

namespace vermilion {
class PubSubPane;
class Session;
}

namespace vermilion::ui {

// One pub/sub pane: its own subscriber connection, subscriptions with the server's confirmations,
// the handler rules table with live counters, and the message view (pause, clear, search, copy,
// export, log). Its whole set-up round-trips through toJson()/restore().
class PubSubPaneWidget : public QWidget {
    Q_OBJECT
public:
    PubSubPaneWidget(Session* session, const QString& title, QWidget* parent = nullptr);
    ~PubSubPaneWidget() override;

    PubSubPane* pane() const { return m_pane; }
    QString title() const { return m_title; }
    void setTitle(const QString& title);

    // Subscribes by name, or by pattern when the text holds glob characters (or asPattern).
    void addSubscription(const QByteArray& name, bool asPattern);
    // Cluster: SSUBSCRIBE on the node of each channel's slot instead of SUBSCRIBE (no patterns).
    void setSharded(bool sharded);
    QCheckBox* shardedCheck() const { return m_shardedCheck; }
    // Cluster: the same subscriptions on every master (keyspace notifications are each node's own).
    void setEveryMaster(bool everyMaster);
    QCheckBox* everyMasterCheck() const { return m_everyMasterCheck; }
    void start();

    QJsonObject toJson() const;
    void restore(const QJsonObject& state);

    QTableView* messageView() const { return m_messages; }
    QTableView* rulesView() const { return m_rules; }
    QString statusText() const;
    // A bar above the pane's views: a message and, when actionText is set, a button.
    void showNotice(const QString& text, const QString& actionText = {}, std::function<void()> action = {});
    void hideNotice();
    QString noticeText() const;
    void setPaused(bool paused);
    void exportTo(const QString& path, bool csv);
    // Copies the selected messages (or all shown) as JSON lines.
    void copySelection();

signals:
    void closeRequested();
    void changed(); // something worth saving
    void notificationRequested(const QString& title, const QString& text);

private:
    void buildUi();
    void addSubscriptionFromEditor();
    void removeSelectedSubscription();
    void refreshSubscriptions();
    void updateStatus();
    void addRule();
    void removeRule();
    void moveRule(int delta);
    void editRuleCell(const QModelIndex& index);
    void chooseExport();
    void chooseLogFile();
    void showSelectedMessage();
    void onState(Connection::State state, const QString& message);
    // Sharded mode (SSUBSCRIBE) as asked: applied once the session knows it is a cluster.
    void applySharded();
    void updateShardedCheck();

    Session* m_session;
    bool m_wantSharded = false;
    bool m_wantEveryMaster = false;
    QCheckBox* m_shardedCheck = nullptr;
    QCheckBox* m_everyMasterCheck = nullptr;
    PubSubPane* m_pane;
    QString m_title;
    QLabel* m_titleLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QFrame* m_notice = nullptr;
    QLabel* m_noticeLabel = nullptr;
    QPushButton* m_noticeButton = nullptr;
    std::function<void()> m_noticeAction;
    QLineEdit* m_subscriptionEdit = nullptr;
    QCheckBox* m_patternCheck = nullptr;
    QListWidget* m_subscriptions = nullptr;
    QTableView* m_rules = nullptr;
    QTableView* m_messages = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QLineEdit* m_search = nullptr;
    QToolButton* m_pauseButton = nullptr;
    QToolButton* m_logButton = nullptr;
    QSpinBox* m_capacity = nullptr;
    QLabel* m_status = nullptr;
    QSplitter* m_splitter = nullptr;
    bool m_followTail = true;
};

} // namespace vermilion::ui
