#include "diagnosticspanel.h"

#include "client/session.h"
#include "aclpage.h"
#include "diagnostics/aclmodel.h"
#include "configpage.h"
#include "latencypage.h"
#include "memorypage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vermilion::ui {

DiagnosticsPanel::DiagnosticsPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_node(new QComboBox(this))
    , m_pages(new QTabWidget(this))
    , m_latency(new LatencyPage(session, m_pages))
    , m_memory(new MemoryPage(session, m_pages))
    , m_config(new ConfigPage(session, m_pages))
    , m_acl(new AclPage(session, m_pages))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* nodeLabel = new QLabel(tr("&Node:"), this);
    nodeLabel->setBuddy(m_node);
    m_node->setAccessibleName(tr("Node"));
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(nodeLabel);
    bar->addWidget(m_node);
    bar->addStretch();
    layout->addLayout(bar);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_latency, tr("Latency"));
    m_pages->addTab(m_memory, tr("Memory && Big Keys"));
    m_pages->addTab(m_config, tr("Configuration"));
    m_pages->addTab(m_acl, tr("ACL Users"));
    connect(m_memory, &MemoryPage::openKeyRequested, this, &DiagnosticsPanel::openKeyRequested);
    layout->addWidget(m_pages, 1);
    fillNodes();
    connect(m_node, &QComboBox::currentIndexChanged, this, [this] {
        const QString node = m_node->currentData().toString();
        m_latency->setNode(node);
        m_config->setNode(node);
        m_acl->users()->setNode(node);
        m_acl->log()->setNode(node);
        m_memory->setNode(node);
    });
    if (session) {
        connect(session, &Session::clusterTopologyChanged, this, &DiagnosticsPanel::fillNodes);
        // A Sentinel session moves to another server on failover: the label follows.
        connect(session, &Session::stateChanged, this, [this](Connection::State state) {
            if (state == Connection::State::Connected)
                fillNodes();
        });
    }
}

void DiagnosticsPanel::fillNodes()
{
    // A single server has one entry; a cluster lists every node with its role.
    const QString current = m_node->currentData().toString();
    const QSignalBlocker blocker(m_node);
    m_node->clear();
    if (!m_session || !m_session->isCluster()) {
        m_node->addItem(m_session ? m_session->currentServer() : QString(), QString());
        m_node->setEnabled(false);
        return;
    }
    for (const QString& node : m_session->allNodes())
        m_node->addItem(tr("%1 (%2)").arg(node, m_session->nodeRole(node)), node);
    m_node->setEnabled(true);
    const int index = m_node->findData(current);
    m_node->setCurrentIndex(index >= 0 ? index : 0);
    if (index < 0) {
        m_latency->setNode(m_node->currentData().toString());
        m_config->setNode(m_node->currentData().toString());
        m_acl->users()->setNode(m_node->currentData().toString());
        m_acl->log()->setNode(m_node->currentData().toString());
        m_memory->setNode(m_node->currentData().toString());
    }
}

} // namespace vermilion::ui
