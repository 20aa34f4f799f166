#include "elementdialog.h"

#include "util/redistext.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace vermilion::ui {

ElementDialog::ElementDialog(const QString& title, const QString& explanation, QWidget* parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    if (!explanation.isEmpty()) {
        auto* label = new QLabel(explanation);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    layout->addLayout(m_form);
    auto* hint = new QLabel(tr("Binary bytes are written as \\xHH, a newline as \\n, a backslash as \\\\."));
    hint->setEnabled(false);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 320);
}

int ElementDialog::addInput(const QString& label, const QByteArray& initial, bool multiLine, bool readOnly)
{
    QWidget* input = nullptr;
    if (multiLine) {
        auto* edit = new QPlainTextEdit(RedisText::escape(initial));
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setReadOnly(readOnly);
        input = edit;
    } else {
        auto* edit = new QLineEdit(RedisText::escape(initial));
        edit->setReadOnly(readOnly);
        input = edit;
    }
    input->setAccessibleName(label);
    m_form->addRow(label, input);
    m_inputs.append(input);
    if (m_inputs.size() == 1 || !readOnly)
        input->setFocus();
    return int(m_inputs.size() - 1);
}

QString ElementDialog::text(int input) const
{
    QWidget* widget = m_inputs.value(input);
    if (auto* edit = qobject_cast<QPlainTextEdit*>(widget))
        return edit->toPlainText();
    if (auto* edit = qobject_cast<QLineEdit*>(widget))
        return edit->text();
    return {};
}

QByteArray ElementDialog::bytes(int input) const
{
    return RedisText::unescape(text(input));
}

} // namespace vermilion::ui
