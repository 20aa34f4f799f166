#pragma once

#include "pagedvaluemodel.h"

namespace vermilion {

// A list as (Index, Value), LLEN rows read lazily by LRANGE pages. Every edit names the element by
// index and the value shown there, and is applied only if that index still holds that value, so a
// list that shifted meanwhile (someone pushed or popped) yields a conflict instead of a wrong write.
class ListModel : public PagedValueModel {
    Q_OBJECT
public:
    enum Column { IndexColumn, ValueColumn, ColumnCount };

    ListModel(Session* session, const QByteArray& key, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The element at a row, if its page is loaded.
    bool valueAt(int row, QByteArray* value) const;

    void setValue(
        qint64 index, const QByteArray& shownValue, const QByteArray& newValue, EditMode mode = EditMode::Checked);
    void pushHead(const QByteArray& value);
    void pushTail(const QByteArray& value);
    // Inserts next to the element at index, which must still be pivotValue.
    void insert(qint64 index, const QByteArray& pivotValue, bool before, const QByteArray& value,
        EditMode mode = EditMode::Checked);
    void insertBefore(qint64 index, const QByteArray& pivotValue, const QByteArray& value)
    {
        insert(index, pivotValue, true, value);
    }
    void insertAfter(qint64 index, const QByteArray& pivotValue, const QByteArray& value)
    {
        insert(index, pivotValue, false, value);
    }
    void removeAt(qint64 index, const QByteArray& expectedValue, EditMode mode = EditMode::Checked);

protected:
    Command countCommand() const override;
    Command pageCommand(qint64 start, int count) const override;
    QList<Row> parsePage(const Reply& reply) const override;
};

} // namespace vermilion
