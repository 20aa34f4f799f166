#include "zseteditor.h"

#include "elementdialog.h"
#include "util/redistext.h"
#include "values/zsetmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>

namespace vermilion::ui {

ZSetEditor::ZSetEditor(Session* session, const QByteArray& key, QWidget* parent)
    : TableEditor(session, key, "zset", parent)
    , m_model(new ZSetModel(session, key, this))
    , m_mode(new QComboBox)
    , m_min(new QLineEdit)
    , m_max(new QLineEdit)
{
    setModel(m_model);
    addFindField(CollectionSearch::Kind::SortedSet, [this] {
        return m_model->isScoreRange() ? tr("Clear the score range to find members by rank order.") : QString();
    });
    view()->verticalHeader()->show(); // the rank
    // Scores are short: the member gets the width.
    view()->horizontalHeader()->setStretchLastSection(false);
    view()->horizontalHeader()->setSectionResizeMode(ZSetModel::MemberColumn, QHeaderView::Stretch);
    view()->horizontalHeader()->resizeSection(ZSetModel::ScoreColumn, 160);
    m_mode->addItem(tr("By rank"));
    m_mode->addItem(tr("By score range"));
    m_mode->setAccessibleName(tr("Order"));
    m_min->setPlaceholderText(tr("min (-inf, 1.5, (1.5)"));
    m_max->setPlaceholderText(tr("max (+inf)"));
    m_min->setAccessibleName(tr("Minimum score"));
    m_max->setAccessibleName(tr("Maximum score"));
    for (QWidget* widget :
        { static_cast<QWidget*>(m_mode), static_cast<QWidget*>(m_min), static_cast<QWidget*>(m_max) })
        addToolbarWidget(widget);
    m_min->setEnabled(false);
    m_max->setEnabled(false);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int mode) {
        m_min->setEnabled(mode == 1);
        m_max->setEnabled(mode == 1);
        applyMode();
    });
    connect(m_min, &QLineEdit::returnPressed, this, &ZSetEditor::applyMode);
    connect(m_max, &QLineEdit::returnPressed, this, &ZSetEditor::applyMode);
}

void ZSetEditor::applyMode()
{
    if (m_mode->currentIndex() == 0)
        m_model->setRankMode();
    else
        m_model->setScoreRange(m_min->text().trimmed().toLatin1(), m_max->text().trimmed().toLatin1());
}

void ZSetEditor::showScoreRange(const QString& min, const QString& max)
{
    m_min->setText(min);
    m_max->setText(max);
    if (m_mode->currentIndex() == 1)
        applyMode();
    else
        m_mode->setCurrentIndex(1);
}

void ZSetEditor::showByRank()
{
    m_mode->setCurrentIndex(0);
}

void ZSetEditor::setScore(const QByteArray& member, const QByteArray& newScore)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QByteArray loaded, score;
        if (m_model->entryAt(row, &loaded, &score) && loaded == member) {
            m_model->setScore(member, score, newScore);
            return;
        }
    }
    showMessage(tr("The member \"%1\" is not loaded.").arg(RedisText::escape(member)), true);
}

void ZSetEditor::addMember(const QByteArray& member, const QByteArray& score)
{
    m_model->add(member, score);
}

void ZSetEditor::removeMember(const QByteArray& member)
{
    m_model->remove(member);
}

void ZSetEditor::addElement()
{
    ElementDialog dialog(tr("Add a member"), {}, this);
    const int member = dialog.addInput(tr("Member"), {});
    const int score = dialog.addInput(tr("Score"), "0");
    if (dialog.exec() == QDialog::Accepted)
        addMember(dialog.bytes(member), dialog.bytes(score).trimmed());
}

void ZSetEditor::editElement(int row)
{
    QByteArray member, score;
    if (!m_model->entryAt(row, &member, &score))
        return;
    ElementDialog dialog(tr("Change a score"), {}, this);
    dialog.addInput(tr("Member"), member, false, true);
    const int input = dialog.addInput(tr("Score"), score);
    if (dialog.exec() == QDialog::Accepted)
        m_model->setScore(member, score, dialog.bytes(input).trimmed());
}

void ZSetEditor::removeElement(int row)
{
    QByteArray member;
    if (m_model->entryAt(row, &member, nullptr)
        && confirm(tr("Remove a member"), tr("Remove \"%1\" from this sorted set?").arg(RedisText::escape(member))))
        removeMember(member);
}

void ZSetEditor::forceEdit(const EditConflict& conflict)
{
    if (conflict.operation == EditConflict::Operation::SetScore)
        m_model->setScore(conflict.item, conflict.shown, conflict.mine, EditMode::Force);
    else if (conflict.operation == EditConflict::Operation::AddMember)
        m_model->add(conflict.item, conflict.mine, EditMode::Force);
}

} // namespace vermilion::ui
