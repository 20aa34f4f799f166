#pragma once

#include "tableeditor.h"

namespace vermilion {
class ListModel;
}

namespace vermilion::ui {

class ListEditor : public TableEditor {
    Q_OBJECT
public:
    ListEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);
    vermilion::ListModel* model() const { return m_model; }

    // Applied only if the element at index is still what the model shows.
    void setElement(qint64 index, const QByteArray& newValue);
    void pushHead(const QByteArray& value);
    void pushTail(const QByteArray& value);
    void insertNextTo(qint64 index, bool before, const QByteArray& value);
    void removeElementAt(qint64 index);

protected:
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict& conflict) override;
    void editAgain(const vermilion::EditConflict& conflict) override;

private:
    bool shownValue(qint64 index, QByteArray* value);
    void askAndInsert(bool before);
    void askAndPush(bool head);
    vermilion::ListModel* m_model;
};

} // namespace vermilion::ui
