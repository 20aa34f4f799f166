#include "configpage.h"

#include "client/session.h"
#include "diagnostics/configmodel.h"

#include <QBrush>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
// Rows the server refused in red, changed rows in blue, risky ones marked in amber.
class ConfigColours : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.column() != ConfigModel::Value) {
            const QModelIndex source = mapToSource(index);
            if (!source.data(ConfigModel::ErrorRole).toString().isEmpty())
                return QBrush(QColor(0xc6, 0x28, 0x28));
            if (source.data(ConfigModel::ChangedRole).toBool())
                return QBrush(QColor(0x15, 0x65, 0xc0));
            if (index.column() == ConfigModel::Note && !source.data(ConfigModel::DangerRole).toString().isEmpty())
                return QBrush(QColor(0xb2, 0x6a, 0x00));
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

// The value's editor hands the new text to the page, which asks first for a risky parameter.
class ValueDelegate : public QStyledItemDelegate {
public:
    ValueDelegate(ConfigPage* page)
        : QStyledItemDelegate(page)
        , m_page(page)
    {
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        auto* line = qobject_cast<QLineEdit*>(editor);
        if (!line) {
            QStyledItemDelegate::setModelData(editor, model, index);
            return;
        }
        const QString name = index.siblingAtColumn(ConfigModel::Name).data().toString();
        if (line->text() != index.data(Qt::EditRole).toString())
            m_page->requestChange(name, line->text());
    }

private:
    ConfigPage* m_page;
};
} // namespace

ConfigPage::ConfigPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ConfigModel(session, this))
    , m_proxy(new ConfigColours(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_changes(new QPlainTextEdit(this))
    , m_reload(new QPushButton(tr("Reload"), this))
    , m_rewrite(new QPushButton(tr("Rewrite Config File…"), this))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Search parameters and values (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search configuration"));
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    bar->addWidget(m_search, 1);
    m_reload->setToolTip(tr("Read CONFIG GET * again"));
    bar->addWidget(m_reload);
    bar->addWidget(m_rewrite);
    layout->addLayout(bar);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(ConfigModel::Value, new ValueDelegate(this));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Configuration parameters"));
    splitter->addWidget(m_view);
    auto* changesBox = new QWidget(splitter);
    auto* changesLayout = new QVBoxLayout(changesBox);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    changesLayout->addWidget(new QLabel(tr("Changed in this window (before → now):"), changesBox));
    m_changes->setReadOnly(true);
    m_changes->setAccessibleName(tr("Configuration changes"));
    m_changes->setPlaceholderText(tr("Nothing changed yet."));
    changesLayout->addWidget(m_changes, 1);
    splitter->addWidget(changesBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_reload, &QPushButton::clicked, m_model, &ConfigModel::reload);
    connect(m_rewrite, &QPushButton::clicked, this, &ConfigPage::rewrite);
    connect(m_model, &ConfigModel::loaded, this, [this] {
        if (!m_loadedOnce) {
            m_view->resizeColumnToContents(ConfigModel::Name);
            m_view->setColumnWidth(ConfigModel::Value, qMax(220, m_view->columnWidth(ConfigModel::Value)));
        }
        m_loadedOnce = true;
        m_status->setText(tr("%n parameter(s).", nullptr, m_model->rowCount()) + QLatin1Char(' ')
                          + (m_session && m_session->isReadOnly() ? tr("Read-only profile: values cannot be changed.")
                                                                  : tr("Double-click a value (or F2) to change it; the "
                                                                       "server checks it.")));
        updateButtons();
        updateChanges();
    });
    connect(m_model, &ConfigModel::errorOccurred, this,
            [this](const QString& message) { m_status->setText(tr("CONFIG GET failed: %1").arg(message)); });
    connect(m_model, &ConfigModel::changeFinished, this, [this](const QString& name, const QString& error) {
        m_status->setText(error.isEmpty() ? tr("%1 is now \"%2\".").arg(name, m_model->valueOf(name))
                                          : tr("The server refused the value for %1: %2").arg(name, error));
        updateChanges();
    });
    connect(m_model, &ConfigModel::rewriteFinished, this, [this](const QString& error) {
        m_status->setText(error.isEmpty() ? tr("CONFIG REWRITE wrote %1.").arg(m_model->configFile())
                                          : tr("CONFIG REWRITE was not done: %1").arg(error));
    });
    updateButtons();
}

void ConfigPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        m_model->reload();
}

void ConfigPage::setNode(const QString& node)
{
    m_model->setNode(node);
    updateChanges();
}

QString ConfigPage::statusText() const { return m_status->text(); }

void ConfigPage::requestChange(const QString& name, const QString& value)
{
    const QString danger = ConfigModel::dangerOf(name);
    if (danger.isEmpty()) {
        m_model->setValue(name, value);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Change %1").arg(name),
                                tr("Set %1 to \"%2\" on the live server?").arg(name, value), QMessageBox::Cancel, this);
    box->setInformativeText(danger);
    box->addButton(tr("Change"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, name, value] { m_model->setValue(name, value); });
    box->open();
}

void ConfigPage::updateChanges()
{
    QStringList lines;
    for (const ConfigModel::Change& change : m_model->changes())
        lines << tr("%1: \"%2\" → \"%3\"").arg(change.name, change.before, change.after);
    m_changes->setPlainText(lines.join(QLatin1Char('\n')));
}

void ConfigPage::updateButtons()
{
    const bool readOnly = !m_session || m_session->isReadOnly();
    const bool noFile = m_model->isLoaded() && m_model->configFile().isEmpty();
    m_rewrite->setEnabled(!readOnly && !noFile);
    m_rewrite->setToolTip(readOnly ? tr("This profile is read-only: CONFIG REWRITE is not offered.")
                          : noFile ? tr("The server runs without a configuration file: CONFIG REWRITE has nothing "
                                        "to write to.")
                                   : tr("CONFIG REWRITE: write the running configuration to %1")
                                         .arg(m_model->configFile()));
}

void ConfigPage::rewrite()
{
    if (!m_session || m_session->isReadOnly())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Rewrite Config File"),
                                tr("Write the running configuration to %1?").arg(m_model->configFile()),
                                QMessageBox::Cancel, this);
    box->setInformativeText(tr("CONFIG REWRITE replaces the settings in that file with the ones the server runs "
                               "with now (comments are kept). Every change made since the server started, by "
                               "anyone, survives the next restart."));
    box->addButton(tr("Rewrite"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, m_model, &ConfigModel::rewrite);
    box->open();
}

} // namespace vermilion::ui
