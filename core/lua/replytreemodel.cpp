#include "replytreemodel.h"

#include "util/redistext.h"

namespace vermilion::lua {

ReplyTreeModel::ReplyTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void ReplyTreeModel::clear()
{
    beginResetModel();
    m_reply = Reply();
    m_nodes.clear();
    m_topLevel.clear();
    endResetModel();
}

void ReplyTreeModel::setReply(const Reply& reply)
{
    beginResetModel();
    m_reply = reply;
    m_nodes.clear();
    m_topLevel.clear();
    build(reply, -1, 0);
    endResetModel();
}

void ReplyTreeModel::build(const Reply& reply, int parent, int row)
{
    // Breadth-first so that a huge first element cannot starve its siblings of rows.
    struct Pending {
        Reply reply;
        int parent;
        int row;
    };
    std::vector<Pending> queue { { reply, parent, row } };
    for (size_t next = 0; next < queue.size(); ++next) {
        const Pending item = queue[next];
        const int id = int(m_nodes.size());
        Node node;
        node.reply = item.reply;
        node.parent = item.parent;
        node.row = item.row;
        m_nodes.push_back(std::move(node));
        if (item.parent < 0)
            m_topLevel.push_back(id);
        else
            m_nodes[size_t(item.parent)].children.push_back(id);
        if (!item.reply.isArray())
            continue;
        const QList<Reply>& elements = item.reply.elements();
        qsizetype taken = 0;
        for (; taken < elements.size(); ++taken) {
            if (int(queue.size()) >= m_maxNodes)
                break;
            queue.push_back({ elements.at(taken), id, int(taken) });
        }
        if (taken < elements.size()) {
            m_nodes[size_t(id)].omitted = elements.size() - taken;
            queue.push_back({ Reply(), id, int(taken) });
            queue.back().reply = Reply::status(QByteArray()); // placeholder, marked below
        }
    }
    // Mark the "... n more" rows: the last child of a node with omitted elements.
    for (Node& node : m_nodes) {
        if (node.omitted > 0 && !node.children.empty())
            m_nodes[size_t(node.children.back())].isMoreRow = true;
    }
}

QModelIndex ReplyTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<int>& rows = parent.isValid() ? m_nodes[size_t(parent.internalId())].children : m_topLevel;
    if (row >= int(rows.size()))
        return {};
    return createIndex(row, column, quintptr(rows[size_t(row)]));
}

QModelIndex ReplyTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentId = m_nodes[size_t(child.internalId())].parent;
    if (parentId < 0)
        return {};
    return createIndex(m_nodes[size_t(parentId)].row, 0, quintptr(parentId));
}

int ReplyTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[size_t(parent.internalId())].children.size());
}

int ReplyTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString ReplyTreeModel::valueText(const Reply& reply)
{
    switch (reply.type()) {
    case Reply::Type::Nil:
        return QStringLiteral("(nil)");
    case Reply::Type::Integer:
        return QString::number(reply.integerValue());
    case Reply::Type::String:
        return RedisText::escape(reply.bytes(), RedisText::Quoting::Always);
    case Reply::Type::Status:
        return RedisText::escape(reply.bytes());
    case Reply::Type::Error:
        return reply.errorKind() == Reply::ErrorKind::Server ? RedisText::escape(reply.bytes()) : reply.errorMessage();
    case Reply::Type::Array:
        if (reply.size() == 0)
            return tr("(empty array)");
        return reply.size() == 1 ? tr("1 element") : tr("%1 elements").arg(reply.size());
    }
    return {};
}

QString ReplyTreeModel::typeText(const Reply& reply)
{
    switch (reply.type()) {
    case Reply::Type::Nil:
        return tr("nil");
    case Reply::Type::Status:
        return tr("status");
    case Reply::Type::Error:
        return tr("error");
    case Reply::Type::Integer:
        return tr("integer");
    case Reply::Type::String:
        return reply.bytes().size() == 1 ? tr("bulk string (1 byte)")
                                         : tr("bulk string (%1 bytes)").arg(reply.bytes().size());
    case Reply::Type::Array:
        return tr("array");
    }
    return {};
}

QVariant ReplyTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = m_nodes[size_t(index.internalId())];
    if (node.isMoreRow) {
        const qsizetype omitted = m_nodes[size_t(node.parent)].omitted;
        if (role == Qt::DisplayRole && index.column() == ValueColumn)
            return omitted == 1 ? tr("... 1 more element not shown")
                                : tr("... %1 more elements not shown").arg(omitted);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ValueColumn) {
            QString text = valueText(node.reply);
            if (node.parent >= 0 && m_nodes[size_t(node.parent)].reply.isArray())
                text = QStringLiteral("%1) %2").arg(node.row + 1).arg(text);
            // A view row is one line: long values are cut here, the raw view has them whole.
            if (text.size() > 2000)
                text = text.left(2000) + QStringLiteral("...");
            return text;
        }
        return typeText(node.reply);
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && node.reply.isString() && node.reply.bytes().size() <= 4096)
            return valueText(node.reply);
        return {};
    case ReplyTypeRole:
        return int(node.reply.type());
    default:
        return {};
    }
}

QVariant ReplyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ValueColumn ? tr("Value") : tr("Type");
}

} // namespace vermilion::lua
