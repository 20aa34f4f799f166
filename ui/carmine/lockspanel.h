#pragma once

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace vermilion {
class LockEventWatcher;
class LockModel;
class LockScanner;
class Session;
struct LockEntry;
} // namespace vermilion

namespace vermilion::ui {

class LockFilterProxy;

// The lock inspector of one connection: every key matching the watched patterns (by default
// Carmine's carmine:lock:* and Zato's zato:lock:*) with its owner, a live countdown and flags,
// refreshed at a chosen interval on the bulk connection. Force release deletes a lock only if it
// still has the owner shown (compare-and-delete); copy owner; open the key in the key browser.
class LocksPanel : public QWidget {
    Q_OBJECT
public:
    explicit LocksPanel(Session* session, QWidget* parent = nullptr);
    ~LocksPanel() override;

    LockModel* model() const { return m_model; }
    LockScanner* scanner() const { return m_scanner; }
    QTableView* view() const { return m_view; }
    LockFilterProxy* proxy() const { return m_proxy; }
    LockEventWatcher* eventWatcher() const { return m_events; }
    QString liveText() const;
    // Space-separated patterns, as in the pattern field.
    void setPatterns(const QString& patterns);
    // Seconds between refreshes; 0 = only by hand.
    void setRefreshInterval(int seconds);
    int refreshInterval() const;
    void setFilterText(const QString& text);
    // Selects the row of a key (for tests and "reveal"); false if it is not shown.
    bool selectKey(const QByteArray& key);
    QString messageText() const;
    QString statusText() const;
    // Destructive actions ask through this (a message box by default; tests answer it).
    void setConfirmation(std::function<bool(const QString& title, const QString& text)> confirm);

public slots:
    void refresh();
    void forceReleaseSelected();
    void copyOwner();
    void openSelectedKey();

signals:
    void openKeyRequested(const QByteArray& key);
    void refreshed();
    // The outcome of a force release, told to the user in the panel as well.
    void forceReleaseFinished(bool released, const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyPatterns();
    void onScanFinished(const QList<vermilion::LockEntry>& locks, qint64 elapsedMs);
    void showMessage(const QString& text, bool error);
    void updateActions();
    void updateHistory();
    void saveSettings() const;
    int selectedSourceRow() const;

    Session* m_session;
    LockModel* m_model;
    LockScanner* m_scanner;
    LockEventWatcher* m_events;
    QLabel* m_live;
    LockFilterProxy* m_proxy;
    QTableView* m_view;
    QTreeWidget* m_history;
    QLabel* m_historyTitle;
    QLineEdit* m_patterns;
    QLineEdit* m_filter;
    QSpinBox* m_interval;
    QSpinBox* m_expiringSoon;
    QLabel* m_status;
    QLabel* m_message;
    QSplitter* m_splitter;
    QTimer* m_refreshTimer;
    QAction* m_releaseAction;
    QAction* m_copyAction;
    QAction* m_openAction;
    QAction* m_refreshAction;
    std::function<bool(const QString&, const QString&)> m_confirm;
    QString m_lastRefresh;
    bool m_scanFailed = false;
};

} // namespace vermilion::ui
