#pragma once

#include "tableeditor.h"

class QComboBox;
class QLineEdit;

namespace vermilion {
class ZSetModel;
}

namespace vermilion::ui {

class ZSetEditor : public TableEditor {
    Q_OBJECT
public:
    ZSetEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);
    vermilion::ZSetModel* model() const { return m_model; }

    void setScore(const QByteArray& member, const QByteArray& newScore); // checks the score shown
    void addMember(const QByteArray& member, const QByteArray& score);
    void removeMember(const QByteArray& member);
    // Bounds as ZRANGEBYSCORE takes them ("(1.5", "-inf"); empty = open.
    void showScoreRange(const QString& min, const QString& max);
    void showByRank();

protected:
    void addElement() override;
    void editElement(int row) override;
    void removeElement(int row) override;
    void forceEdit(const vermilion::EditConflict& conflict) override;

private:
    void applyMode();
    vermilion::ZSetModel* m_model;
    QComboBox* m_mode;
    QLineEdit* m_min;
    QLineEdit* m_max;
};

} // namespace vermilion::ui
