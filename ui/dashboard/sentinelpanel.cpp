#include "sentinelpanel.h"

#include "client/sentinelwatcher.h"
#include "client/session.h"
#include "dashboard/sentinelgroupmodel.h"

#include <QBrush>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
// Instances Sentinel sees down are drawn in red.
class DownInRed : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::ForegroundRole) {
            auto* group = static_cast<SentinelGroupModel*>(sourceModel());
            const int row = mapToSource(index).row();
            if (row >= 0 && row < group->instances().size() && group->instances().at(row).isDown())
                return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        return QIdentityProxyModel::data(index, role);
    }
};
constexpr int maxShownEvents = 500;
} // namespace

SentinelPanel::SentinelPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SentinelGroupModel(session, this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_events(new QListWidget(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_failover(new QPushButton(tr("Fail Over…"), this))
    , m_timer(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    bar->addWidget(m_summary, 1);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Ask the sentinels again (F5)"));
    bar->addWidget(m_refresh);
    bar->addWidget(m_failover);
    layout->addLayout(bar);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* proxy = new DownInRed(this);
    proxy->setSourceModel(m_model);
    m_view->setModel(proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Master group"));
    splitter->addWidget(m_view);
    auto* eventsBox = new QWidget(splitter);
    auto* eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    eventsLayout->addWidget(new QLabel(tr("Events the sentinels published for this group (newest last):"), eventsBox));
    m_events->setAccessibleName(tr("Sentinel events"));
    m_events->setUniformItemSizes(true);
    QFont mono = font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_events->setFont(mono);
    eventsLayout->addWidget(m_events, 1);
    splitter->addWidget(eventsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, m_model, &SentinelGroupModel::refresh);
    connect(m_refresh, &QPushButton::clicked, m_model, &SentinelGroupModel::refresh);
    connect(m_failover, &QPushButton::clicked, this, &SentinelPanel::failover);
    connect(m_model, &SentinelGroupModel::refreshed, this, [this] {
        updateSummary();
        m_view->resizeColumnsToContents();
    });
    connect(m_model, &SentinelGroupModel::errorOccurred, this, [this](const QString& message) {
        m_notice = tr("The sentinels did not answer: %1").arg(message);
        updateSummary();
    });
    connect(m_model, &SentinelGroupModel::failoverFinished, this, [this](const QString& error) {
        m_notice = error.isEmpty() ? tr("SENTINEL FAILOVER sent: a replica is promoted in a moment, and every tool "
                                        "follows the new master.")
                                   : tr("SENTINEL FAILOVER failed: %1").arg(error);
        updateSummary();
    });
    if (SentinelWatcher* watcher = session ? session->sentinel() : nullptr) {
        for (const SentinelWatcher::Event& event : watcher->events())
            addEvent(event.time.toString(QStringLiteral("HH:mm:ss")), event.sentinel, event.type, event.text);
        connect(watcher, &SentinelWatcher::eventReceived, this, [this](const SentinelWatcher::Event& event) {
            addEvent(event.time.toString(QStringLiteral("HH:mm:ss")), event.sentinel, event.type, event.text);
            // A change in the group: the table follows at once rather than at the next tick.
            if (isVisible())
                m_model->refresh();
        });
    }
    const bool readOnly = !session || session->isReadOnly();
    m_failover->setEnabled(!readOnly);
    m_failover->setToolTip(readOnly ? tr("This profile is read-only: a failover is not offered.")
                                    : tr("SENTINEL FAILOVER: promote a replica now, without the sentinels' agreement"));
    updateSummary();
}

void SentinelPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_model->refresh();
    m_timer->start();
}

void SentinelPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

QString SentinelPanel::summaryText() const { return m_summary->text(); }

void SentinelPanel::addEvent(const QString& time, const QString& sentinel, const QString& type, const QString& text)
{
    const bool atEnd = m_events->count() == 0 || m_events->currentRow() < 0
        || m_events->currentRow() == m_events->count() - 1;
    auto* item = new QListWidgetItem(QStringLiteral("%1  %2  %3  %4").arg(time, sentinel, type.leftJustified(16), text));
    if (type == QLatin1String("+switch-master") || type == QLatin1String("vermilion:address"))
        item->setForeground(QColor(0x15, 0x65, 0xc0));
    else if (type.contains(QLatin1String("down")) || type.contains(QLatin1String("lost")))
        item->setForeground(QColor(0xc6, 0x28, 0x28));
    m_events->addItem(item);
    while (m_events->count() > maxShownEvents)
        delete m_events->takeItem(0);
    if (atEnd)
        m_events->scrollToBottom();
}

void SentinelPanel::updateSummary()
{
    if (!m_session || !m_session->sentinel()) {
        m_summary->setText(tr("This session does not go through Sentinel."));
        return;
    }
    const SentinelGroupModel::Group& group = m_model->group();
    const bool replica = m_session->profile().readOnly && m_session->profile().sentinelReadReplica;
    QString text = tr("Group \"%1\"").arg(group.name);
    if (!group.masterAddress.isEmpty())
        text += QStringLiteral(" · ") + tr("master %1").arg(group.masterAddress);
    if (replica)
        text += QStringLiteral(" · ") + tr("reading from replica %1").arg(m_session->currentServer());
    if (group.quorum > 0)
        text += QStringLiteral(" · ") + tr("quorum %1 of %2 sentinels").arg(group.quorum).arg(group.otherSentinels + 1);
    text += QStringLiteral(" · ")
        + (group.failoverState.isEmpty() ? tr("no failover running") : tr("failover: %1").arg(group.failoverState));
    if (!group.quorumCheck.isEmpty())
        text += QLatin1Char('\n') + (group.quorumOk ? tr("Quorum check: %1") : tr("Quorum check failed: %1")).arg(group.quorumCheck);
    if (!m_notice.isEmpty())
        text += QLatin1Char('\n') + m_notice;
    m_summary->setText(text);
}

void SentinelPanel::failover()
{
    if (!m_session || m_session->isReadOnly())
        return;
    const QString name = m_model->group().name;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Fail Over"),
                                tr("Fail over the master group \"%1\" now?").arg(name), QMessageBox::Cancel, this);
    box->setInformativeText(tr("SENTINEL FAILOVER promotes one of the replicas of %1 without asking the other "
                               "sentinels. The current master becomes a replica. Writes fail for a moment while "
                               "clients move; every tool of this window follows the new master.")
                                .arg(m_model->group().masterAddress.isEmpty() ? tr("the master")
                                                                              : m_model->group().masterAddress));
    box->addButton(tr("Fail Over"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this] { m_model->failOver(); });
    box->open();
}

} // namespace vermilion::ui
