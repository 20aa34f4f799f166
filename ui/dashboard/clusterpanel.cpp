#include "clusterpanel.h"

#include "client/session.h"
#include "dashboard/clusternodesmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vermilion::ui {

ClusterPanel::ClusterPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ClusterNodesModel(session, this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_failover(new QPushButton(tr("Fail Over to Replica…"), this))
    , m_timer(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    bar->addWidget(m_summary, 1);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Read CLUSTER NODES again (F5)"));
    m_failover->setToolTip(tr("CLUSTER FAILOVER on the selected replica: it becomes the master of its shard"));
    bar->addWidget(m_refresh);
    bar->addWidget(m_failover);
    layout->addLayout(bar);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, m_model, &ClusterNodesModel::refresh);
    connect(m_refresh, &QPushButton::clicked, m_model, &ClusterNodesModel::refresh);
    connect(m_failover, &QPushButton::clicked, this, &ClusterPanel::failover);
    connect(m_model, &ClusterNodesModel::refreshed, this, [this] {
        updateSummary();
        m_view->resizeColumnsToContents();
    });
    connect(m_model, &ClusterNodesModel::errorOccurred, this,
            [this](const QString& message) { m_summary->setText(tr("CLUSTER NODES failed: %1").arg(message)); });
    connect(m_model, &ClusterNodesModel::failoverFinished, this, [this](const QString& address, const QString& error) {
        // Kept under the summary until the next failover: the table refreshes every two seconds.
        m_notice = error.isEmpty() ? tr("CLUSTER FAILOVER sent to %1: the roles change in a moment.").arg(address)
                                   : tr("CLUSTER FAILOVER on %1 failed: %2").arg(address, error);
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ClusterPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ClusterPanel::updateButtons);
    updateSummary();
    updateButtons();
}

void ClusterPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_model->refresh();
    m_timer->start();
}

void ClusterPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void ClusterPanel::updateSummary()
{
    if (!m_session || !m_session->isCluster()) {
        m_summary->setText(tr("This server is not part of a Redis Cluster."));
        return;
    }
    int masters = 0;
    int replicas = 0;
    int failing = 0;
    int served = 0;
    for (const auto& node : m_model->nodes()) {
        (node.isMaster() ? masters : replicas) += 1;
        failing += node.isFailing() ? 1 : 0;
        served += node.isMaster() ? node.slotCount() : 0;
    }
    QString text = tr("%n master(s)", nullptr, masters) + QStringLiteral(" · ") + tr("%n replica(s)", nullptr, replicas)
        + QStringLiteral(" · ") + tr("%1 of 16384 slots served").arg(served);
    if (failing > 0)
        text += QStringLiteral(" · ") + tr("%n node(s) failing", nullptr, failing);
    text += QStringLiteral(" · ")
        + tr("redirects followed: %1 MOVED, %2 ASK")
              .arg(m_session->clusterRedirects(false))
              .arg(m_session->clusterRedirects(true));
    if (!m_notice.isEmpty())
        text += QLatin1Char('\n') + m_notice;
    m_summary->setText(text);
}

void ClusterPanel::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool replica = !rows.isEmpty() && !m_model->nodes().at(rows.first().row()).isMaster();
    m_failover->setEnabled(replica && m_session && !m_session->isReadOnly());
    if (m_session && m_session->isReadOnly())
        m_failover->setToolTip(tr("This profile is read-only: a failover is not offered."));
}

void ClusterPanel::failover()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_session || m_session->isReadOnly())
        return;
    const auto node = m_model->nodes().at(rows.first().row());
    if (node.isMaster())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Fail Over"),
                                tr("Make %1 the master of its shard?").arg(node.address), QMessageBox::Cancel, this);
    box->setInformativeText(tr("CLUSTER FAILOVER is sent to the replica. Its master becomes a replica; clients are "
                               "redirected to the new master. Writes pause for a moment while they switch."));
    box->addButton(tr("Fail Over"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, address = node.address] { m_model->failOver(address); });
    box->open();
}

} // namespace vermilion::ui
