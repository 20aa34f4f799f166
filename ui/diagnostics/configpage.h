#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace vermilion {
class ConfigModel;
class Session;
}

namespace vermilion::ui {

// Every CONFIG parameter with a search; values are edited in place (F2 or a double click) and the
// server checks them (its error is shown on the row). A risky parameter asks before it is sent.
// Below: what this window changed (before and after), and CONFIG REWRITE, confirmed with the file
// it writes, and refused with the reason where there is no file or the profile is read-only.
class ConfigPage : public QWidget {
    Q_OBJECT
public:
    explicit ConfigPage(Session* session, QWidget* parent = nullptr);

    void setNode(const QString& node);
    ConfigModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }
    QPlainTextEdit* changesView() const { return m_changes; }
    QPushButton* rewriteButton() const { return m_rewrite; }
    QString statusText() const;
    // What the value delegate calls: asks first for a risky parameter.
    void requestChange(const QString& name, const QString& value);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateChanges();
    void updateButtons();
    void rewrite();

    QPointer<Session> m_session;
    ConfigModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QTableView* m_view;
    QLabel* m_status;
    QPlainTextEdit* m_changes;
    QPushButton* m_reload;
    QPushButton* m_rewrite;
    bool m_loadedOnce = false;
};

} // namespace vermilion::ui
