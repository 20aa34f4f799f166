#pragma once

#include "tableeditor.h"

namespace vermilion {
class HashModel;
}

namespace vermilion::ui {

class HashEditor : public TableEditor {
    Q_OBJECT
public:
    HashEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);
    vermilion::HashModel* model() const { return m_model; }

    // What the dialogs end in; also the API the key browser and tests use.
    void setFieldValue(const QByteArray& field, const QByteArray& newValue);
    void addField(const QByteArray& field, const QByteArray& value);
    void removeField(const QByteArray& field);

protected:
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict& conflict) override;
    void editAgain(const vermilion::EditConflict& conflict) override;

private:
    void openEditDialog(const QByteArray& field, const QByteArray& shown, const QByteArray& text);
    vermilion::HashModel* m_model;
};

} // namespace vermilion::ui
