#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace vermilion::ui {

// The selected cell's whole value, read-only, in a format from the FormatRegistry (detected for
// each new value; the user can pick another).
class ValueDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit ValueDetailPane(QWidget* parent = nullptr);

    void setValue(const QByteArray& bytes);
    void clear();
    QString formatId() const;
    QString text() const;

private:
    void showValue();

    QComboBox* m_format;
    QLabel* m_size;
    QLabel* m_note;
    QPlainTextEdit* m_text;
    QByteArray m_bytes;
    bool m_hasValue = false;
};

} // namespace vermilion::ui
