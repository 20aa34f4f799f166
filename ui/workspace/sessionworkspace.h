#pragma once

#include "client/connection.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTabWidget;
class QFrame;

namespace vermilion {
class Session;
}

namespace vermilion::ui {

class ConsolePanel;
class KeyBrowserPanel;
class LuaPanel;
class OverviewPanel;

// Everything shown for one open connection: a banner when the link is not up, and the tool tabs.
// Feature panels (key browser, dashboard, Lua, pub/sub, monitor, locks and queues) add tabs here.
class SessionWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit SessionWorkspace(Session* session, QWidget* parent = nullptr);

    Session* session() const { return m_session; }
    QTabWidget* tabs() const { return m_tabs; }
    ConsolePanel* console() const { return m_console; }
    OverviewPanel* overview() const { return m_overview; }
    KeyBrowserPanel* keyBrowser() const { return m_keyBrowser; }
    // The tool of the tab with this title, built now if its tab was never shown.
    QWidget* tool(const QString& title);
    LuaPanel* luaPanel();
    QString bannerText() const;
    // Switches to the key browser and opens the key there (other tools' "Open in key browser").
    void openKey(const QByteArray& key);
    // Asks the tools with unsaved work (the Lua editor); false when the user cancels.
    bool confirmClose();

signals:
    void editRequested();

private:
    void onStateChanged(Connection::State state, const QString& message);
    void addLazyTab(const QString& title, std::function<QWidget*()> create);
    QWidget* ensureTool(int index);

    Session* m_session;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_edit = nullptr;
    QTabWidget* m_tabs = nullptr;
    KeyBrowserPanel* m_keyBrowser = nullptr;
    OverviewPanel* m_overview = nullptr;
    ConsolePanel* m_console = nullptr;
    QPointer<LuaPanel> m_lua;
    QHash<QWidget*, std::function<QWidget*()>> m_lazyTools; // tab holder -> what builds its tool
    QHash<QWidget*, QWidget*> m_builtTools; // tab holder -> its tool, once built
};

} // namespace vermilion::ui
