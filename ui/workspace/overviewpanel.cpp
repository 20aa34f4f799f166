#include "overviewpanel.h"

#include "client/session.h"
#include "dashboard/serverhealth.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
    QString bytesText(qint64 bytes) { return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat); }
} // namespace

OverviewPanel::OverviewPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("overviewPanel"));
    auto* layout = new QVBoxLayout(this);
    m_noInfo = new QLabel(this);
    m_noInfo->setWordWrap(true);
    m_noInfo->hide();
    layout->addWidget(m_noInfo);

    auto* cards = new QHBoxLayout;
    auto makeCard = [this, cards](const QString& title) {
        auto* box = new QGroupBox(title, this);
        auto* grid = new QGridLayout(box);
        grid->setColumnStretch(1, 1);
        cards->addWidget(box, 1);
        return grid;
    };
    QGridLayout* server = makeCard(tr("Server"));
    m_version = addField(server, 0, 0, tr("Version"));
    m_mode = addField(server, 1, 0, tr("Mode"));
    m_role = addField(server, 2, 0, tr("Role"));
    m_uptime = addField(server, 3, 0, tr("Uptime"));
    m_os = addField(server, 4, 0, tr("OS"));
    QGridLayout* memory = makeCard(tr("Memory"));
    m_memory = addField(memory, 0, 0, tr("Used"));
    m_peak = addField(memory, 1, 0, tr("Peak"));
    m_maxmemory = addField(memory, 2, 0, tr("Limit"));
    m_persistence = addField(memory, 3, 0, tr("Persistence"));
    QGridLayout* clients = makeCard(tr("Activity"));
    m_clients = addField(clients, 0, 0, tr("Clients"));
    m_blocked = addField(clients, 1, 0, tr("Blocked"));
    m_ops = addField(clients, 2, 0, tr("Ops/s"));
    m_replicas = addField(clients, 3, 0, tr("Replicas"));
    layout->addLayout(cards);

    auto* keyspaceBox = new QGroupBox(tr("Keyspace"), this);
    auto* keyspaceLayout = new QVBoxLayout(keyspaceBox);
    m_keyspace = new QTableWidget(0, 4, keyspaceBox);
    m_keyspace->setHorizontalHeaderLabels({ tr("Database"), tr("Keys"), tr("With expiry"), tr("Average TTL") });
    m_keyspace->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_keyspace->verticalHeader()->hide();
    m_keyspace->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keyspace->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keyspace->setAlternatingRowColors(true);
    m_keyspace->setAccessibleName(tr("Keyspace by database"));
    keyspaceLayout->addWidget(m_keyspace);
    layout->addWidget(keyspaceBox, 1);

    m_refresh->setInterval(5000);
    connect(m_refresh, &QTimer::timeout, m_session, &Session::refreshServerInfo);
    connect(m_session, &Session::serverInfoChanged, this, &OverviewPanel::updateFromInfo);
    updateFromInfo();
}

QLabel* OverviewPanel::addField(QGridLayout* grid, int row, int column, const QString& caption)
{
    auto* name = new QLabel(caption + QLatin1Char(':'), this);
    QPalette dim = name->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    name->setPalette(dim);
    auto* value = new QLabel(QStringLiteral("—"), this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(name, row, column);
    grid->addWidget(value, row, column + 1);
    return value;
}

void OverviewPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_refresh->start();
    if (m_session->state() == Connection::State::Connected)
        m_session->refreshServerInfo();
}

void OverviewPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_refresh->stop();
}

void OverviewPanel::updateFromInfo()
{
    const ServerInfo& info = m_session->serverInfo();
    const bool empty = info.sections().isEmpty();
    m_noInfo->setVisible(empty && m_session->state() == Connection::State::Connected);
    m_noInfo->setText(tr("The server did not answer INFO (an ACL rule may forbid it), so there is nothing to show "
                         "here. The other tools still work."));
    if (empty)
        return;
    const auto orNoData = [](const QString& text) { return text.isEmpty() ? tr("no data") : text; };
    m_version->setText(orNoData(info.version()));
    m_mode->setText(orNoData(info.mode()));
    // The same facts and warnings as the dashboard's cards (ServerHealth, in core).
    const auto show = [](QLabel* label, const ServerHealth::Finding& finding) {
        label->setText(finding.attention.isEmpty() ? finding.text : finding.text + QStringLiteral(" \u26a0"));
        label->setToolTip(finding.attention.isEmpty() ? finding.detail : finding.attention + QLatin1Char('\n') + finding.detail);
    };
    show(m_role, ServerHealth::role(info));
    m_uptime->setText(info.contains("uptime_in_seconds") ? ServerHealth::duration(info.integer("uptime_in_seconds"))
                                                         : tr("no data"));
    m_os->setText(orNoData(info.text("os")));
    m_memory->setText(info.contains("used_memory") ? bytesText(info.integer("used_memory")) : tr("no data"));
    m_peak->setText(info.contains("used_memory_peak") ? bytesText(info.integer("used_memory_peak")) : tr("no data"));
    const qint64 maxmemory = info.integer("maxmemory", -1);
    m_maxmemory->setText(maxmemory < 0 ? tr("no data")
                             : maxmemory == 0
                             ? tr("none (%1)").arg(orNoData(info.text("maxmemory_policy")))
                             : tr("%1 (%2)").arg(bytesText(maxmemory), orNoData(info.text("maxmemory_policy"))));
    show(m_persistence, ServerHealth::persistence(info));
    show(m_clients, ServerHealth::connections(info));
    m_blocked->setText(orNoData(info.text("blocked_clients")));
    m_ops->setText(orNoData(info.text("instantaneous_ops_per_sec")));
    m_replicas->setText(orNoData(info.text("connected_slaves")));

    const QList<KeyspaceEntry> keyspace = info.keyspace();
    m_keyspace->setRowCount(int(keyspace.size()));
    const QLocale locale;
    for (int row = 0; row < keyspace.size(); ++row) {
        const KeyspaceEntry& entry = keyspace.at(row);
        const QStringList cells { QStringLiteral("db%1").arg(entry.database), locale.toString(entry.keys),
                                  locale.toString(entry.expires),
                                  entry.averageTtlMs > 0 ? ServerHealth::duration(entry.averageTtlMs / 1000) : tr("—") };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (entry.database == m_session->database())
                item->setToolTip(tr("The database this connection uses"));
            m_keyspace->setItem(row, column, item);
        }
    }
}

} // namespace vermilion::ui
