#include "tableeditor.h"

#include "util/redistext.h"
#include "valuedetailpane.h"
#include "values/editconflict.h"
#include "values/pagedvaluemodel.h"
#include "values/valuemodel.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vermilion::ui {

TableEditor::TableEditor(Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent)
    : ValueEditor(session, key, type, parent)
    , m_layout(new QVBoxLayout(this))
    , m_toolbar(new QHBoxLayout)
    , m_message(new QLabel)
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_view(new QTableView)
    , m_detail(new ValueDetailPane)
{
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->addLayout(m_toolbar);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Editor message"));
    m_message->hide();
    m_layout->addWidget(m_message);

    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    // Fixed row heights: the view never measures rows, so a million of them scroll as fast as ten.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setFont(monospaceFont());
    m_view->setAccessibleName(tr("Elements"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_layout->addWidget(m_splitter, 1);

    auto makeAction = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        QWidget::addAction(action);
        return action;
    };
    m_add = makeAction(tr("Add"), QKeySequence(Qt::Key_Insert), [this] { addElement(); });
    m_edit = makeAction(tr("Edit"), QKeySequence(Qt::Key_F2), [this] {
        if (currentRow() >= 0)
            editElement(currentRow());
    });
    m_remove = makeAction(tr("Remove"), QKeySequence(QKeySequence::Delete), [this] {
        if (currentRow() >= 0)
            removeElement(currentRow());
    });
    m_reload = makeAction(tr("Reload"), QKeySequence(QKeySequence::Refresh), [this] { reload(); });
    m_toolbar->addStretch();
    for (QAction* action : { m_add, m_edit, m_remove, m_reload })
        addToolbarAction(action);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { editElement(index.row()); });
}

void TableEditor::setModel(ValueModel* model)
{
    Q_ASSERT(!m_model);
    m_model = model;
    m_view->setModel(model);
    m_view->horizontalHeader()->resizeSection(0, 240);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& first, const QModelIndex& last) {
        const int row = currentRow();
        if (row >= first.row() && row <= last.row())
            updateDetail();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_detail->clear();
        updateActions();
    });
    connect(model, &ValueModel::errorOccurred, this, [this](const QString& message) {
        showMessage(message, true);
        emit statusMessage(message);
    });
    connect(model, &ValueModel::keyVanished, this, [this](const QString& message) {
        showMessage(message, true);
        emit statusMessage(message);
        emit keyVanished(key());
    });
    connect(model, &ValueModel::edited, this, [this] {
        showMessage({}, false);
        emit statusMessage(tr("Saved \"%1\".").arg(RedisText::escape(key())));
        emit keyModified(key());
    });
    connect(model, &ValueModel::conflictDetected, this, [this](const EditConflict& conflict) {
        showMessage(tr("Not saved: the value changed on the server."), true);
        resolveConflict(
            conflict, conflictSubject(conflict), [this, conflict] { forceEdit(conflict); },
            [this, conflict] { editAgain(conflict); });
    });
    updateActions();
}

QLineEdit* TableEditor::addSearchField(std::function<void(const QByteArray&)> onPattern)
{
    auto* search = new QLineEdit;
    search->setPlaceholderText(tr("Filter (glob: user:*, *session*)"));
    search->setClearButtonEnabled(true);
    search->setAccessibleName(tr("Filter"));
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    auto apply = [search, onPattern = std::move(onPattern)] { onPattern(RedisText::unescape(search->text())); };
    connect(m_searchDelay, &QTimer::timeout, this, apply);
    connect(search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(search, &QLineEdit::returnPressed, this, [this, apply] {
        m_searchDelay->stop();
        apply();
    });
    m_toolbar->insertWidget(0, search, 1);
    return search;
}

QLineEdit* TableEditor::addFindControls(const QString& placeholder)
{
    auto* field = new QLineEdit;
    field->setPlaceholderText(placeholder);
    field->setToolTip(tr("Enter finds the next element that contains the text, Shift+Enter the previous one."));
    field->setClearButtonEnabled(true);
    field->setAccessibleName(tr("Find element"));
    m_findStatus = new QLabel;
    connect(field, &QLineEdit::returnPressed, this,
        [this, field] { findElement(field->text(), QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(field, &QLineEdit::textEdited, this, [this] {
        cancelFind();
        m_findStatus->clear();
    });
    m_toolbar->insertWidget(0, field, 1);
    m_toolbar->insertWidget(1, m_findStatus);
    return field;
}

void TableEditor::cancelFind()
{
    if (m_find)
        m_find->cancel();
}

void TableEditor::setFindStatus(const QString& text)
{
    if (m_findStatus)
        m_findStatus->setText(text);
}

void TableEditor::showFoundRow(int row)
{
    const QModelIndex index = m_model->index(row, m_model->columnCount() - 1);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

QLineEdit* TableEditor::addFindField(CollectionSearch::Kind kind, std::function<QString()> refusal)
{
    QLineEdit* field = addFindControls(tr("Find an element"));
    m_find = new CollectionSearch(session(), key(), kind, this);
    m_findRefusal = std::move(refusal);
    connect(m_find, &CollectionSearch::progress, this, [this](qint64 looked, qint64 total) {
        m_findStatus->setText(tr("Searching... %1%").arg(total > 0 ? looked * 100 / total : 0));
    });
    connect(m_find, &CollectionSearch::found, this, [this](qint64 row, bool wrapped) {
        showFoundRow(int(row));
        const QString where = tr("Found at index %1").arg(QLocale().toString(row));
        m_findStatus->setText(wrapped ? tr("%1 (wrapped around)").arg(where) : where);
    });
    connect(m_find, &CollectionSearch::notFound, this, [this] { m_findStatus->setText(tr("Not found")); });
    connect(m_find, &CollectionSearch::failed, this, [this](const QString& message) {
        m_findStatus->clear();
        showMessage(message, true);
    });
    return field;
}

void TableEditor::findElement(const QString& text, bool backward)
{
    auto* paged = qobject_cast<PagedValueModel*>(m_model);
    if (!m_find || !paged || text.isEmpty())
        return;
    if (m_findRefusal) {
        if (const QString why = m_findRefusal(); !why.isEmpty()) {
            m_findStatus->setText(why);
            return;
        }
    }
    const int row = currentRow();
    const qint64 start = row < 0 ? (backward ? paged->totalCount() - 1 : 0) : (backward ? row - 1 : row + 1);
    const qint64 total = paged->totalCount();
    m_findStatus->setText(tr("Searching..."));
    m_find->find(RedisText::unescape(text), start < 0 ? total - 1 : (start >= total ? 0 : start), total, backward);
}

QString TableEditor::findStatus() const
{
    return m_findStatus ? m_findStatus->text() : QString();
}

bool TableEditor::isFinding() const
{
    return m_find && m_find->isBusy();
}

void TableEditor::addToolbarWidget(QWidget* widget)
{
    // Before the stretch that separates the type's own controls from the common actions.
    m_toolbar->insertWidget(m_toolbar->count() - 5, widget);
}

void TableEditor::addToolbarAction(QAction* action)
{
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolbar->addWidget(button);
}

QString TableEditor::inlineMessage() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void TableEditor::reload()
{
    showMessage({}, false);
    m_model->reload();
}

QString TableEditor::conflictSubject(const EditConflict& conflict) const
{
    if (!conflict.item.isEmpty())
        return tr("\"%1\"").arg(RedisText::escape(conflict.item));
    if (conflict.index >= 0)
        return tr("The element at index %1").arg(conflict.index);
    return tr("The value");
}

int TableEditor::currentRow() const
{
    const QModelIndex current = m_view->selectionModel() ? m_view->selectionModel()->currentIndex() : QModelIndex();
    return current.isValid() ? current.row() : -1;
}

void TableEditor::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_message->setPalette(palette);
    m_message->setVisible(!text.isEmpty());
}

void TableEditor::updateDetail()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QVariant raw = current.isValid() ? current.data(ValueModel::RawRole) : QVariant();
    if (raw.isValid())
        m_detail->setValue(raw.toByteArray());
    else
        m_detail->clear();
}

void TableEditor::updateActions()
{
    const bool hasRow = currentRow() >= 0;
    m_edit->setEnabled(hasRow);
    m_remove->setEnabled(hasRow);
}

} // namespace vermilion::ui
