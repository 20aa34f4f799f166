#pragma once

#include "client/reply.h"

#include <QAbstractItemModel>
#include <vector>

namespace vermilion::lua {

// A reply as a tree: arrays (nested to any depth) open into their elements; every row shows the
// value as redis-cli would print it (binary bytes escaped, so it can be typed back) and its type.
// Large replies are capped: past maxNodes rows, an array ends with a "... n more" row.
class ReplyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { ValueColumn, TypeColumn, ColumnCount };
    enum Roles { ReplyTypeRole = Qt::UserRole + 1 };

    explicit ReplyTreeModel(QObject* parent = nullptr);

    void setReply(const Reply& reply);
    void clear();
    const Reply& reply() const { return m_reply; }
    void setMaxNodes(int maxNodes) { m_maxNodes = maxNodes; }
    int nodeCount() const { return int(m_nodes.size()); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The text of one value as shown in the tree (no children).
    static QString valueText(const Reply& reply);
    static QString typeText(const Reply& reply);

private:
    struct Node {
        Reply reply;
        int parent = -1; // node index; -1 for top-level rows
        int row = 0;
        std::vector<int> children;
        qsizetype omitted = 0; // elements left out past the cap (shown as one extra row)
        bool isMoreRow = false;
    };
    void build(const Reply& reply, int parent, int row);

    Reply m_reply;
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
    int m_maxNodes = 100000;
};

} // namespace vermilion::lua
