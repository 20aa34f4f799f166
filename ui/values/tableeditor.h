#pragma once

#include "valueeditor.h"
#include "values/collectionsearch.h"

#include <QList>

class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSplitter;
class QTableView;
class QTimer;
class QVBoxLayout;

namespace vermilion {
class ValueModel;
}

namespace vermilion::ui {

class ValueDetailPane;

// The frame shared by the collection editors: a toolbar (search where the type has one, add / edit /
// remove / reload with Insert, F2 and Delete), an inline message line, a table with fixed row heights
// (cheap to scroll through a huge key) and the detail pane under it. Subclasses supply the model and
// what each action means for their type.
class TableEditor : public ValueEditor {
    Q_OBJECT
public:
    QTableView* view() const { return m_view; }
    vermilion::ValueModel* valueModel() const { return m_model; }
    ValueDetailPane* detailPane() const { return m_detail; }
    QString inlineMessage() const;
    void reload() override;
    // Find in a collection read by position (list, sorted set): see addFindField(). A stream
    // finds by id instead (StreamEditor).
    virtual void findElement(const QString& text, bool backward = false);
    QString findStatus() const;
    virtual bool isFinding() const;

protected:
    TableEditor(vermilion::Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent);
    // Call once from the subclass constructor.
    void setModel(vermilion::ValueModel* model);
    // A glob field (MATCH); onPattern gets the unescaped pattern after typing pauses or Return.
    QLineEdit* addSearchField(std::function<void(const QByteArray&)> onPattern);
    // A find field for collections read by position: Enter finds the next element containing the
    // text (Shift+Enter the previous), on the server's pages and never in memory, then selects it
    // and scrolls to it. refusal, when set, says why a find cannot run right now.
    QLineEdit* addFindField(vermilion::CollectionSearch::Kind kind, std::function<QString()> refusal = {});
    // The field and status label alone, for an editor that runs its own find: Enter calls
    // findElement(), typing calls cancelFind().
    QLineEdit* addFindControls(const QString& placeholder);
    virtual void cancelFind();
    void setFindStatus(const QString& text);
    // Selects the row and scrolls it to the middle.
    void showFoundRow(int row);
    void addToolbarWidget(QWidget* widget);
    void addToolbarAction(QAction* action);
    QVBoxLayout* contentLayout() const { return m_layout; }
    QSplitter* splitter() const { return m_splitter; }
    QAction* addAction() const { return m_add; }
    QAction* editAction() const { return m_edit; }
    QAction* removeAction() const { return m_remove; }

    virtual void addElement() = 0;
    virtual void editElement(int row) = 0;
    virtual void removeElement(int row) = 0;
    // Runs the refused edit again with EditMode::Force (the user saw both sides and confirmed).
    virtual void forceEdit(const vermilion::EditConflict& conflict) = 0;
    // Opens the edit again with the user's text after "Cancel (keep editing)".
    virtual void editAgain(const vermilion::EditConflict& conflict) { Q_UNUSED(conflict) }
    virtual QString conflictSubject(const vermilion::EditConflict& conflict) const;

    int currentRow() const;
    void showMessage(const QString& text, bool error);

private:
    void updateDetail();
    void updateActions();

    vermilion::ValueModel* m_model = nullptr;
    QVBoxLayout* m_layout;
    QHBoxLayout* m_toolbar;
    QLabel* m_message;
    QSplitter* m_splitter;
    QTableView* m_view;
    ValueDetailPane* m_detail;
    QAction* m_add;
    QAction* m_edit;
    QAction* m_remove;
    QAction* m_reload;
    QTimer* m_searchDelay = nullptr;
    vermilion::CollectionSearch* m_find = nullptr;
    QLabel* m_findStatus = nullptr;
    std::function<QString()> m_findRefusal;
};

} // namespace vermilion::ui
