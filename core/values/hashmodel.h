#pragma once

#include "scanvaluemodel.h"

namespace vermilion {

// A hash as a table of (Field, Value), loaded by HSCAN pages. Edits are conflict-safe: a value is
// written only if the field still holds what was shown (or is still absent, for a new field).
class HashModel : public ScanValueModel {
    Q_OBJECT
public:
    enum Column { FieldColumn, ValueColumn, ColumnCount };

    HashModel(Session* session, const QByteArray& key, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QByteArray fieldAt(int row) const { return rowAt(row).first; }
    QByteArray valueAt(int row) const { return rowAt(row).second; }
    int rowOfField(const QByteArray& field) const { return rowOf(field); }

    void setValue(const QByteArray& field, const QByteArray& shownValue, const QByteArray& newValue,
        EditMode mode = EditMode::Checked);
    // Adds a field that must not exist yet (Checked) or overwrites it (Force).
    void addField(const QByteArray& field, const QByteArray& value, EditMode mode = EditMode::Checked);
    void removeField(const QByteArray& field, const QByteArray& shownValue, EditMode mode = EditMode::Checked);

protected:
    QByteArray scanCommand() const override { return "HSCAN"; }
    bool pairs() const override { return true; }
};

} // namespace vermilion
