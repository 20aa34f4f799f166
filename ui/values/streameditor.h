#pragma once

#include <optional>

#include "tableeditor.h"

class QComboBox;
class QTreeWidget;

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace vermilion {
class StreamGroupOps;
class StreamModel;
class StreamPendingModel;
class StreamSearch;
struct StreamInfo;
} // namespace vermilion

namespace vermilion::ui {

// Entries newest first (or oldest first), and under them the consumer groups with their consumers
// and pending counts from XINFO, administered in place: create a group (start id, MKSTREAM), set its
// id, delete it (confirmed), create and delete consumers (confirmed: their pending entries go with
// them), and the selected group's pending entries (XPENDING with idle time and delivery count,
// filtered by consumer and idle time) acknowledged or claimed by another consumer (XACK, XCLAIM,
// XAUTOCLAIM). Refused on a read-only profile.
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

    // Group administration, as the buttons do it after their dialogs (deletions ask first).
    void createGroup(const QByteArray& group, const QByteArray& startId, bool makeStream);
    void setGroupId(const QByteArray& group, const QByteArray& id);
    void deleteGroup(const QByteArray& group);
    void createConsumer(const QByteArray& group, const QByteArray& consumer);
    void deleteConsumer(const QByteArray& group, const QByteArray& consumer);
    // The pending entries of a group (shown under the groups), with the filter.
    void showPending(const QByteArray& group, const QByteArray& consumer = {}, qint64 minIdleMs = 0);
    void acknowledgeSelected();
    void claimSelected(const QByteArray& consumer, qint64 minIdleMs);
    void autoClaim(const QByteArray& consumer, qint64 minIdleMs);
    vermilion::StreamPendingModel* pendingModel() const { return m_pending; }
    QTableView* pendingView() const { return m_pendingView; }
    QString groupStatus() const;
    // The group and consumer selected in the tree (consumer empty when a group is selected).
    std::pair<QByteArray, QByteArray> selectedGroup() const;

protected:
    void cancelFind() override;
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict&) override { }

private:
    // Hides the pending part and shrinks the groups list while the stream has no group.
    void fitGroupsBox(bool hasGroups);
    void showInfo(const vermilion::StreamInfo& info);
    vermilion::StreamModel* m_model;
    vermilion::StreamSearch* m_search;
    QByteArray m_revealing; // a found id being loaded into the list
    bool m_revealWrapped = false;
    void updateGroupButtons();
    void askCreateGroup();
    void askSetId();
    void askCreateConsumer();
    void askClaim();
    QComboBox* m_order;
    QTreeWidget* m_groups;
    vermilion::StreamGroupOps* m_ops;
    vermilion::StreamPendingModel* m_pending;
    QTableView* m_pendingView;
    QWidget* m_pendingArea = nullptr;
    QWidget* m_groupsBox = nullptr;
    std::optional<bool> m_sizedForGroups; // what the splitter was last sized for
    QLabel* m_groupStatus;
    QComboBox* m_pendingConsumer;
    QSpinBox* m_pendingIdle;
    QPushButton* m_newGroup;
    QPushButton* m_setId;
    QPushButton* m_deleteGroup;
    QPushButton* m_newConsumer;
    QPushButton* m_deleteConsumer;
    QPushButton* m_ack;
    QPushButton* m_claim;
    QPushButton* m_autoClaim;
    QPushButton* m_more;
};

} // namespace vermilion::ui
