#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QTabWidget;

namespace vermilion {
class Session;
}

namespace vermilion::ui {

class ConfigPage;
class LatencyPage;

// The operator's toolbox of a session: latency (the server's monitor and a client-side probe) and
// configuration, one page each, for the server or, on a cluster, the node picked at the top.
class DiagnosticsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPanel(Session* session, QWidget* parent = nullptr);

    LatencyPage* latencyPage() const { return m_latency; }
    ConfigPage* configPage() const { return m_config; }
    QTabWidget* pages() const { return m_pages; }
    QComboBox* nodeBox() const { return m_node; }

private:
    void fillNodes();
    QPointer<Session> m_session;
    QComboBox* m_node;
    QTabWidget* m_pages;
    LatencyPage* m_latency;
    ConfigPage* m_config;
};

} // namespace vermilion::ui
