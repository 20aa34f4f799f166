#pragma once

#include "tableeditor.h"

class QComboBox;
class QTreeWidget;

namespace vermilion {
class StreamModel;
class StreamSearch;
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
    // Find: the next entry (down the list; backward: up) whose id, a field or a value contains the
    // text, read from the server page by page, then loaded into the list, selected and shown.
    void findElement(const QString& text, bool backward = false) override;
    bool isFinding() const override;
    void addEntry(const QList<QPair<QByteArray, QByteArray>>& fields);
    void removeEntry(const QByteArray& id);

protected:
    void cancelFind() override;
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict&) override { }

private:
    void showInfo(const vermilion::StreamInfo& info);
    vermilion::StreamModel* m_model;
    vermilion::StreamSearch* m_search;
    QByteArray m_revealing; // a found id being loaded into the list
    bool m_revealWrapped = false;
    QComboBox* m_order;
    QTreeWidget* m_groups;
};

} // namespace vermilion::ui
