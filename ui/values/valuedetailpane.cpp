#include "valuedetailpane.h"

#include "formats/valueformat.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace vermilion::ui {

using formats::FormatRegistry;

ValueDetailPane::ValueDetailPane(QWidget* parent)
    : QWidget(parent)
    , m_format(new QComboBox)
    , m_size(new QLabel)
    , m_note(new QLabel)
    , m_text(new QPlainTextEdit)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("View as:")));
    for (const formats::ValueFormat* format : FormatRegistry::instance().all())
        m_format->addItem(format->name(), format->id());
    m_format->setAccessibleName(tr("Detail format"));
    top->addWidget(m_format);
    top->addWidget(m_size);
    top->addStretch();
    layout->addLayout(top);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Selected value"));
    m_text->setPlaceholderText(tr("Select a cell to see its whole value."));
    layout->addWidget(m_text);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ValueDetailPane::showValue);
}

void ValueDetailPane::setValue(const QByteArray& bytes)
{
    m_bytes = bytes;
    m_hasValue = true;
    const formats::ValueFormat* detected = FormatRegistry::instance().detect(bytes);
    const int index = detected ? m_format->findData(detected->id()) : -1;
    if (index >= 0 && index != m_format->currentIndex())
        m_format->setCurrentIndex(index); // shows the value
    else
        showValue();
}

void ValueDetailPane::clear()
{
    m_bytes.clear();
    m_hasValue = false;
    m_text->clear();
    m_size->clear();
    m_note->hide();
}

QString ValueDetailPane::formatId() const
{
    return m_format->currentData().toString();
}

QString ValueDetailPane::text() const
{
    return m_text->toPlainText();
}

void ValueDetailPane::showValue()
{
    if (!m_hasValue)
        return;
    m_size->setText(QLocale().formattedDataSize(m_bytes.size()));
    const formats::ValueFormat* format = FormatRegistry::instance().find(formatId());
    if (!format)
        return;
    const formats::DecodedValue decoded = format->decode(m_bytes);
    if (decoded.ok) {
        m_text->setPlainText(decoded.text);
        m_note->hide();
        return;
    }
    // Not this format after all: say why and show the bytes as hex, which always works.
    m_note->setText(decoded.error);
    m_note->show();
    if (const formats::ValueFormat* hex = FormatRegistry::instance().find(QStringLiteral("hex")))
        m_text->setPlainText(hex->decode(m_bytes).text);
}

} // namespace vermilion::ui
