#pragma once

#include "tableeditor.h"

namespace vermilion {
class SetModel;
}

namespace vermilion::ui {

class SetEditor : public TableEditor {
    Q_OBJECT
public:
    SetEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);
    vermilion::SetModel* model() const { return m_model; }

    void addMember(const QByteArray& member);
    void removeMember(const QByteArray& member);

protected:
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict&) override { }

private:
    vermilion::SetModel* m_model;
};

} // namespace vermilion::ui
