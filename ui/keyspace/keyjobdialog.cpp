#include "keyjobdialog.h"

#include "keyspace/bulkkeyjob.h"
#include "keyspace/keytreemodel.h"
#include "keyspace/memoryanalysis.h"
#include "util/redistext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto* item = new QTableWidgetItem(cells.at(column));
        if (column > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, column, item);
    }
}
} // namespace

KeyJobDialog::KeyJobDialog(
    Session* session, Kind kind, const QByteArray& pattern, const QString& scopeName, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_kind(kind)
    , m_pattern(pattern)
    , m_scope(scopeName)
    , m_text(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(kind == Kind::Memory ? tr("Memory Analysis") : tr("Bulk Operation"));
    auto* layout = new QVBoxLayout(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    m_progress->setRange(0, 0);
    layout->addWidget(m_progress);
    if (kind == Kind::Memory) {
        auto* tabs = new QTabWidget(this);
        m_namespaces = makeTable({ tr("Namespace"), tr("Keys"), tr("Memory") }, tabs);
        m_biggest = makeTable({ tr("Key"), tr("Memory") }, tabs);
        tabs->addTab(m_namespaces, tr("By namespace"));
        tabs->addTab(m_biggest, tr("Biggest keys"));
        layout->addWidget(tabs, 1);
        resize(720, 520);
    } else {
        resize(520, 180);
    }
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_run->hide();
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    connect(m_run, &QPushButton::clicked, this, &KeyJobDialog::runBulk);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job && m_job->isRunning())
            m_job->cancel();
        else if (m_analysis && m_analysis->isRunning())
            m_analysis->cancel();
        else
            reject();
    });
}

void KeyJobDialog::start()
{
    if (m_kind == Kind::Memory) {
        m_text->setText(tr("Measuring the memory of %1...").arg(m_scope));
        m_analysis = new MemoryAnalysis(m_session, m_pattern, m_separator, 2, this);
        connect(m_analysis, &MemoryAnalysis::progress, this, [this](qint64 scanned) {
            m_text->setText(
                tr("Measuring the memory of %1: %2 keys so far...").arg(m_scope, QLocale().toString(scanned)));
        });
        connect(m_analysis, &MemoryAnalysis::finished, this, &KeyJobDialog::showReport);
        connect(
            m_analysis, &MemoryAnalysis::failed, this, [this](const QString& message) { finishWith(message, true); });
        m_analysis->start();
        return;
    }
    m_text->setText(tr("Counting the keys of %1...").arg(m_scope));
    auto* counter = new BulkKeyJob(m_session, m_pattern, BulkKeyJob::Action::Count, this);
    connect(counter, &BulkKeyJob::finished, this, [this](qint64 scanned, qint64, bool cancelled) {
        if (cancelled)
            reject();
        else
            onCounted(scanned);
    });
    connect(counter, &BulkKeyJob::failed, this, [this](const QString& message) { finishWith(message, true); });
    m_job = counter;
    counter->start();
}

void KeyJobDialog::onCounted(qint64 count)
{
    m_total = count;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    if (count == 0) {
        finishWith(tr("No key matches %1.").arg(m_scope));
        return;
    }
    const QString keys = QLocale().toString(count);
    switch (m_kind) {
    case Kind::Delete:
        m_text->setText(tr("Delete %1 keys of %2? This cannot be undone.").arg(keys, m_scope));
        m_run->setText(tr("Delete %1 keys").arg(keys));
        break;
    case Kind::SetTtl:
        m_text->setText(tr("Set a TTL of %1 on %2 keys of %3?").arg(KeyTreeModel::formatTtl(m_ttlMs), keys, m_scope));
        m_run->setText(tr("Set TTL on %1 keys").arg(keys));
        break;
    case Kind::RemoveTtl:
        m_text->setText(tr("Remove the TTL of %1 keys of %2?").arg(keys, m_scope));
        m_run->setText(tr("Remove TTL of %1 keys").arg(keys));
        break;
    case Kind::Memory:
        break;
    }
    m_run->show();
    m_run->setDefault(true);
}

void KeyJobDialog::runBulk()
{
    m_run->hide();
    const auto action = m_kind == Kind::Delete ? BulkKeyJob::Action::Delete
        : m_kind == Kind::SetTtl               ? BulkKeyJob::Action::SetTtl
                                               : BulkKeyJob::Action::RemoveTtl;
    m_job = new BulkKeyJob(m_session, m_pattern, action, this);
    m_job->setTtlMilliseconds(m_ttlMs);
    connect(m_job, &BulkKeyJob::progress, this, [this](qint64 scanned, qint64 affected) {
        m_affected = affected;
        m_progress->setValue(m_total > 0 ? int(qMin<qint64>(100, scanned * 100 / m_total)) : 0);
        m_text->setText(
            tr("%1 of about %2 keys done...").arg(QLocale().toString(affected), QLocale().toString(m_total)));
    });
    connect(m_job, &BulkKeyJob::finished, this, [this](qint64, qint64 affected, bool cancelled) {
        m_affected = affected;
        m_progress->setValue(100);
        const QString count = QLocale().toString(affected);
        QString text;
        if (m_kind == Kind::Delete)
            text = cancelled ? tr("Cancelled: %1 keys were deleted before the stop.").arg(count)
                             : tr("%1 keys deleted.").arg(count);
        else
            text = cancelled ? tr("Cancelled: %1 keys were changed before the stop.").arg(count)
                             : tr("%1 keys changed.").arg(count);
        finishWith(text);
    });
    connect(m_job, &BulkKeyJob::failed, this, [this](const QString& message) { finishWith(message, true); });
    m_job->start();
}

void KeyJobDialog::showReport(const MemoryReport& report)
{
    const QLocale locale;
    m_namespaces->setRowCount(int(report.namespaces.size()));
    for (int row = 0; row < report.namespaces.size(); ++row) {
        const auto& entry = report.namespaces.at(row);
        setRow(m_namespaces, row,
            { entry.displayName(), locale.toString(entry.keys), KeyTreeModel::formatBytes(entry.bytes) });
    }
    m_biggest->setRowCount(int(report.biggestKeys.size()));
    for (int row = 0; row < report.biggestKeys.size(); ++row) {
        const auto& entry = report.biggestKeys.at(row);
        setRow(m_biggest, row,
            { RedisText::escape(entry.key, RedisText::Quoting::IfNeeded), KeyTreeModel::formatBytes(entry.bytes) });
    }
    finishWith(tr("%1%2 keys, %3 in total.")
                   .arg(report.cancelled ? tr("Cancelled after ") : QString(), locale.toString(report.totalKeys),
                       KeyTreeModel::formatBytes(report.totalBytes)));
}

void KeyJobDialog::finishWith(const QString& text, bool error)
{
    m_progress->setRange(0, 100);
    m_progress->setValue(100);
    m_text->setText(text);
    m_text->setStyleSheet(error ? QStringLiteral("color: #d32f2f;") : QString());
    m_run->hide();
    m_cancel->setText(tr("Close"));
}

} // namespace vermilion::ui
