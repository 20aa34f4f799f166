#include "valuedetailpane.h"

#include "formats/valueformat.h"
#include "values/valuerenderer.h"
#include "valuetextview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace vermilion::ui {

using formats::FormatRegistry;

ValueDetailPane::ValueDetailPane(QWidget* parent)
    : QWidget(parent)
    , m_format(new QComboBox)
    , m_size(new QLabel)
    , m_note(new QLabel)
    , m_view(new ValueTextView)
    , m_findBar(new ValueFindBar(m_view))
    , m_renderer(new ValueRenderer(this))
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
    m_note->setText(tr("Select a cell to see its whole value."));
    layout->addWidget(m_note);
    m_view->setAccessibleName(tr("Selected value"));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_findBar);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { render(false); });
    connect(m_renderer, &ValueRenderer::finished, this, &ValueDetailPane::onRendered);
}

void ValueDetailPane::setValue(const QByteArray& bytes)
{
    m_bytes = bytes;
    m_hasValue = true;
    m_size->setText(QLocale().formattedDataSize(m_bytes.size()));
    render(true);
}

void ValueDetailPane::clear()
{
    m_renderer->cancel();
    m_bytes.clear();
    m_hasValue = false;
    m_view->clear();
    m_size->clear();
    m_note->setText(tr("Select a cell to see its whole value."));
    m_note->show();
}

void ValueDetailPane::render(bool detect)
{
    if (!m_hasValue)
        return;
    RenderRequest request;
    request.bytes = m_bytes;
    request.formatId = detect ? QString() : formatId();
    request.inPlaceLimit = 0; // read-only: always the viewer
    m_renderer->render(std::move(request));
}

void ValueDetailPane::onRendered(const RenderedValue& rendered)
{
    {
        const QSignalBlocker blocker(m_format);
        const int index = m_format->findData(rendered.formatId);
        if (index >= 0)
            m_format->setCurrentIndex(index);
    }
    // When the chosen format did not fit, say why; the bytes show as hex, which always works.
    const QString note = !rendered.error.isEmpty() ? rendered.error : rendered.note;
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_view->setDocument(rendered.document);
    emit valueShown();
}

QString ValueDetailPane::formatId() const
{
    return m_format->currentData().toString();
}

QString ValueDetailPane::text() const
{
    const auto document = m_view->document();
    if (!document)
        return {};
    const qint64 last = document->lineCount() - 1;
    return document->text({}, { last, document->lineLength(last) }, ValueTextView::copyLimit);
}

bool ValueDetailPane::isRendering() const
{
    return m_renderer->isBusy();
}

} // namespace vermilion::ui
