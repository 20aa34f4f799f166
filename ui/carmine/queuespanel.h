#pragma once

#include <QWidget>
#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;

namespace vermilion {
class QueueListModel;
class QueueMessageModel;
class Session;
class TundraEvictedModel;
} // namespace vermilion

namespace vermilion::ui {

class EvictedFilterProxy;
class MessageFilterProxy;

// The Carmine message queues of one connection: every queue with its layout (v1/v2) and totals;
// the messages of the selected queue a page at a time with their status (by the server's clock),
// attempts, backoff, lock, age and content as EDN, filtered by status. A Tundra queue (tundra:*)
// also shows, per dirty key, whether it is still in Redis, its PTTL and whether it is evictable, and
// the evictable keys missing from Redis. The only write is "Clear queue" (Carmine's semantics).
class QueuesPanel : public QWidget {
    Q_OBJECT
public:
    explicit QueuesPanel(Session* session, QWidget* parent = nullptr);
    ~QueuesPanel() override;

    // The summary's clock part: statuses go by the server's clock, and this machine's skew from it
    // is shown when over a second (offsetMs = server's epoch ms - this machine's).
    static QString clockText(qint64 offsetMs);

    QueueListModel* queueModel() const { return m_queues; }
    QueueMessageModel* messageModel() const { return m_messages; }
    TundraEvictedModel* evictedModel() const { return m_evicted; }
    MessageFilterProxy* messageProxy() const { return m_messageProxy; }
    EvictedFilterProxy* evictedProxy() const { return m_evictedProxy; }
    QTableView* queueView() const { return m_queueView; }
    QTableView* messageView() const { return m_messageView; }
    bool isTundraViewShown() const;
    // Selects a queue by name; false when it is not listed.
    bool selectQueue(const QByteArray& name);
    // -1 = every status, else int(MessageStatus).
    void setStatusFilter(int status);
    void setRefreshInterval(int seconds);
    QString messageText() const;
    QString summaryText() const;
    QString summaryToolTip() const;
    QString contentText() const;
    void setConfirmation(std::function<bool(const QString& title, const QString& text)> confirm);

public slots:
    void refresh();
    void clearSelectedQueue();
    void copySelection();
    void openSelectedKey();

signals:
    void openKeyRequested(const QByteArray& key);
    void clearFinished(bool ok, const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildMessagesArea();
    QWidget* buildTundraArea();
    void onQueueSelected();
    void updateSummary();
    void updateDetail();
    void showMessage(const QString& text, bool error);
    void saveSettings() const;
    QByteArray selectedQueue() const;

    Session* m_session;
    QueueListModel* m_queues;
    QueueMessageModel* m_messages;
    TundraEvictedModel* m_evicted;
    QSortFilterProxyModel* m_queueProxy;
    MessageFilterProxy* m_messageProxy;
    EvictedFilterProxy* m_evictedProxy;
    QTableView* m_queueView;
    QTableView* m_messageView;
    QTableView* m_evictedView;
    QPlainTextEdit* m_detail;
    QComboBox* m_statusFilter;
    QLineEdit* m_textFilter;
    QPushButton* m_loadMore;
    QPushButton* m_clear;
    QPushButton* m_evictedMore;
    QCheckBox* m_missingOnly;
    QGroupBox* m_tundraBox;
    QLabel* m_tundraSummary;
    QLabel* m_summary;
    QLabel* m_message;
    QLabel* m_status;
    QSpinBox* m_interval;
    QSplitter* m_splitter;
    QSplitter* m_messageSplitter;
    QTimer* m_refreshTimer;
    QAction* m_refreshAction;
    QAction* m_copyAction;
    QAction* m_openAction;
    std::function<bool(const QString&, const QString&)> m_confirm;
    QByteArray m_currentQueue;
    bool m_listFailed = false;
};

} // namespace vermilion::ui
