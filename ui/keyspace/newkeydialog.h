#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace vermilion::ui {

// Asks for a new key: name, type, its first element and an optional TTL. Names and values accept
// redis-cli escapes (\xff) for binary bytes.
class NewKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewKeyDialog(const QString& suggestedName, QWidget* parent = nullptr);

    QByteArray key() const;
    QByteArray type() const;
    // The arguments KeyOperations::create expects for the type.
    QList<QByteArray> arguments() const;
    qint64 ttlMs() const;

    void accept() override;

private:
    void updateFields();

    QLineEdit* m_name;
    QComboBox* m_type;
    QLabel* m_firstLabel;
    QLineEdit* m_first;
    QLabel* m_secondLabel;
    QLineEdit* m_second;
    QSpinBox* m_ttl;
    QLabel* m_error;
};

} // namespace vermilion::ui
