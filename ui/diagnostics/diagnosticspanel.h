#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QTabWidget;

namespace vermilion {
class Session;
}

namespace vermilion::ui {

class AclPage;
class ConfigPage;
class LatencyPage;
class MemoryPage;

// The operator's toolbox of a session: latency (the server's monitor and a client-side probe),
// memory (MEMORY STATS and DOCTOR, the big-keys scan), configuration and ACL users, one page each;
// latency and configuration for the server or, on a cluster, the node picked at the top (the
// big-keys scan covers every master; ACL users are read from the routed default node).
class DiagnosticsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPanel(Session* session, QWidget* parent = nullptr);

    LatencyPage* latencyPage() const { return m_latency; }
    ConfigPage* configPage() const { return m_config; }
    MemoryPage* memoryPage() const { return m_memory; }
    AclPage* aclPage() const { return m_acl; }
    QTabWidget* pages() const { return m_pages; }
    QComboBox* nodeBox() const { return m_node; }

signals:
    void openKeyRequested(const QByteArray& key);

private:
    void fillNodes();
    QPointer<Session> m_session;
    QComboBox* m_node;
    QTabWidget* m_pages;
    LatencyPage* m_latency;
    MemoryPage* m_memory;
    ConfigPage* m_config;
    AclPage* m_acl;
};

} // namespace vermilion::ui
