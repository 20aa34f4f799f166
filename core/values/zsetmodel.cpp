#include "zsetmodel.h"

#include "valuescripts.h"

namespace vermilion {

ZSetModel::ZSetModel(Session* session, const QByteArray& key, QObject* parent)
    : PagedValueModel(session, key, "zset", parent)
{
}

void ZSetModel::setScoreRange(const QByteArray& min, const QByteArray& max)
{
    m_scoreRange = true;
    m_min = min.isEmpty() ? QByteArray("-inf") : min;
    m_max = max.isEmpty() ? QByteArray("+inf") : max;
    reload();
}

void ZSetModel::setRankMode()
{
    m_scoreRange = false;
    reload();
}

int ZSetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ZSetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row* row = rowAt(index.row());
    const QByteArray* bytes = row ? (index.column() == MemberColumn ? &row->first : &row->second) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return bytes ? displayText(*bytes) : (index.column() == MemberColumn ? placeholderText() : QString());
    case Qt::TextAlignmentRole:
        return index.column() == ScoreColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RawRole:
        return bytes ? QVariant(*bytes) : QVariant();
    case LoadedRole:
        return row != nullptr;
    default:
        return {};
    }
}

QVariant ZSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section; // rank, from 0 as ZRANK counts
    return section == MemberColumn ? tr("Member") : tr("Score");
}

bool ZSetModel::entryAt(int row, QByteArray* member, QByteArray* score) const
{
    const Row* loaded = rowAt(row);
    if (!loaded)
        return false;
    if (member)
        *member = loaded->first;
    if (score)
        *score = loaded->second;
    return true;
}

Command ZSetModel::countCommand() const
{
    if (m_scoreRange)
        return { "ZCOUNT", key(), m_min, m_max };
    return { "ZCARD", key() };
}

Command ZSetModel::pageCommand(qint64 start, int count) const
{
    if (m_scoreRange) {
        return { "ZRANGEBYSCORE", key(), m_min, m_max, "WITHSCORES", "LIMIT", QByteArray::number(start),
            QByteArray::number(count) };
    }
    return { "ZRANGE", key(), QByteArray::number(start), QByteArray::number(start + count - 1), "WITHSCORES" };
}

QList<PagedValueModel::Row> ZSetModel::parsePage(const Reply& reply) const
{
    QList<Row> rows;
    rows.reserve(reply.size() / 2);
    for (qsizetype i = 0; i + 1 < reply.size(); i += 2)
        rows.append({ reply.at(i).bytes(), reply.at(i + 1).bytes() });
    return rows;
}

void ZSetModel::setScore(
    const QByteArray& member, const QByteArray& shownScore, const QByteArray& newScore, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::SetScore;
    conflict.item = member;
    conflict.shown = shownScore;
    conflict.mine = newScore;
    // The member's rank changes with its score: read the order again.
    runEdit(ValueScripts::zsetScore(), { ValueScripts::modeArgument(mode), member, "present", shownScore, newScore },
        conflict, [this](const Reply&) { reload(); });
}

void ZSetModel::add(const QByteArray& member, const QByteArray& score, EditMode mode)
{
    EditConflict conflict;
    conflict.operation = EditConflict::Operation::AddMember;
    conflict.item = member;
    conflict.mine = score;
    runEdit(ValueScripts::zsetScore(), { ValueScripts::modeArgument(mode), member, "absent", {}, score }, conflict,
        [this](const Reply&) { reload(); });
}

void ZSetModel::remove(const QByteArray& member)
{
    runGuarded({ "ZREM", member }, [this](const Reply&) { reload(); });
}

} // namespace vermilion
