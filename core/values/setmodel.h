#pragma once

#include "scanvaluemodel.h"

namespace vermilion {

// A set as a one-column table of members, loaded by SSCAN pages. Adding or removing a member cannot
// lose anyone's update (both are idempotent), so they only check that the key is still a set.
class SetModel : public ScanValueModel {
    Q_OBJECT
public:
    SetModel(Session* session, const QByteArray& key, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QByteArray memberAt(int row) const { return rowAt(row).first; }
    int rowOfMember(const QByteArray& member) const { return rowOf(member); }

    void add(const QByteArray& member);
    void remove(const QByteArray& member);

protected:
    QByteArray scanCommand() const override { return "SSCAN"; }
    bool pairs() const override { return false; }
};

} // namespace vermilion
