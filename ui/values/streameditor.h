#pragma once

#include "tableeditor.h"

class QComboBox;
class QTreeWidget;

namespace vermilion {
class StreamModel;
struct StreamInfo;
} // namespace vermilion

namespace vermilion::ui {

// Entries newest first (or oldest first), and under them the consumer groups with their consumers
// and pending counts from XINFO.
class StreamEditor : public TableEditor {
    Q_OBJECT
public:
    StreamEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);
    vermilion::StreamModel* model() const { return m_model; }
    QTreeWidget* groupsView() const { return m_groups; }

    void reload() override;
    void addEntry(const QList<QPair<QByteArray, QByteArray>>& fields);
    void removeEntry(const QByteArray& id);

protected:
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict&) override { }

private:
    void showInfo(const vermilion::StreamInfo& info);
    vermilion::StreamModel* m_model;
    QComboBox* m_order;
    QTreeWidget* m_groups;
};

} // namespace vermilion::ui
