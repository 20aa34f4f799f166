#pragma once

#include <QByteArray>
#include <QDialog>
#include <QList>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QLineEdit;

namespace vermilion::ui {

// A small form for one element (field and value, member and score, ...). Text is shown and typed
// with redis-cli escapes (\xff, \n), so binary bytes survive the round trip.
class ElementDialog : public QDialog {
    Q_OBJECT
public:
    ElementDialog(const QString& title, const QString& explanation, QWidget* parent = nullptr);

    // A one-line input (field, member, score) or, with multiLine, a text area (values).
    int addInput(const QString& label, const QByteArray& initial, bool multiLine = false, bool readOnly = false);
    QByteArray bytes(int input) const;
    QString text(int input) const;

private:
    QFormLayout* m_form;
    QList<QWidget*> m_inputs;
};

} // namespace vermilion::ui
