#include "stringeditor.h"

#include "formats/valueformat.h"
#include "values/editconflict.h"
#include "values/stringvalue.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace vermilion::ui {

using formats::FormatRegistry;

StringEditor::StringEditor(Session* session, const QByteArray& key, QWidget* parent)
    : ValueEditor(session, key, "string", parent)
    , m_value(new StringValue(session, key, this))
    , m_format(new QComboBox)
    , m_size(new QLabel)
    , m_save(new QPushButton(tr("Save")))
    , m_reload(new QPushButton(tr("Reload")))
    , m_banner(new QFrame)
    , m_bannerText(new QLabel)
    , m_loadAll(new QPushButton(tr("Load all")))
    , m_saveToFile(new QPushButton(tr("Save to file...")))
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_message(new QLabel)
    , m_text(new QPlainTextEdit)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Format:")));
    for (const formats::ValueFormat* format : FormatRegistry::instance().all())
        m_format->addItem(format->name(), format->id());
    m_format->setAccessibleName(tr("Format"));
    top->addWidget(m_format);
    top->addWidget(m_size);
    top->addStretch();
    top->addWidget(m_reload);
    top->addWidget(m_save);
    m_save->setEnabled(false);
    m_save->setShortcut(QKeySequence::Save);
    layout->addLayout(top);

    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::AlternateBase));
    m_banner->setPalette(bannerPalette);
    auto* banner = new QHBoxLayout(m_banner);
    m_bannerText->setWordWrap(true);
    banner->addWidget(m_bannerText, 1);
    banner->addWidget(m_progress);
    banner->addWidget(m_cancel);
    banner->addWidget(m_loadAll);
    banner->addWidget(m_saveToFile);
    m_progress->hide();
    m_cancel->hide();
    m_banner->hide();
    layout->addWidget(m_banner);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_text->setFont(monospaceFont());
    m_text->setAccessibleName(tr("Value"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_text, 1);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        m_modified = true;
        m_save->setEnabled(m_editable);
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &StringEditor::changeFormat);
    connect(m_save, &QPushButton::clicked, this, &StringEditor::save);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        if (!m_modified || confirm(tr("Discard your changes"), tr("Reload the value and discard what you typed?")))
            reload();
    });
    connect(m_loadAll, &QPushButton::clicked, this, &StringEditor::loadAll);
    connect(m_saveToFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the value to a file"));
        if (!path.isEmpty())
            saveToFile(path);
    });
    connect(m_cancel, &QPushButton::clicked, m_value, &StringValue::cancel);

    connect(m_value, &StringValue::loaded, this, &StringEditor::onLoaded);
    connect(m_value, &StringValue::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    auto endTransfer = [this] {
        m_progress->hide();
        m_cancel->hide();
        m_loadAll->setEnabled(true);
        m_saveToFile->setEnabled(true);
    };
    connect(m_value, &StringValue::cancelled, this, [this, endTransfer] {
        endTransfer();
        emit statusMessage(tr("Cancelled."));
    });
    connect(m_value, &StringValue::fileSaved, this, [this, endTransfer](bool ok, const QString& message) {
        endTransfer();
        showMessage(ok ? QString() : message, !ok);
        emit statusMessage(message);
    });
    connect(m_value, &StringValue::saved, this, [this] {
        m_modified = false;
        m_save->setEnabled(false);
        showMessage({}, false);
        emit statusMessage(tr("Saved."));
        emit keyModified(this->key());
    });
    connect(m_value, &StringValue::errorOccurred, this, [this, endTransfer](const QString& message) {
        endTransfer();
        showMessage(message, true);
        emit statusMessage(message);
    });
    connect(m_value, &StringValue::keyVanished, this, [this](const QString& message) {
        showMessage(message, true);
        emit statusMessage(message);
        emit keyVanished(this->key());
    });
    connect(m_value, &StringValue::conflictDetected, this, [this](const EditConflict& conflict) {
        showMessage(tr("Not saved: the value changed on the server. Your text is still here."), true);
        resolveConflict(conflict, tr("The value"), [this, conflict] { m_value->save(conflict.mine, EditMode::Force); });
    });
}

void StringEditor::reload()
{
    showMessage({}, false);
    m_value->load();
}

void StringEditor::onLoaded()
{
    const QByteArray bytes = m_value->value();
    const formats::ValueFormat* detected = FormatRegistry::instance().detect(bytes);
    m_shownFormat = nullptr;
    const int index = detected ? m_format->findData(detected->id()) : -1;
    {
        const QSignalBlocker blocker(m_format);
        if (index >= 0)
            m_format->setCurrentIndex(index);
    }
    const QLocale locale;
    m_size->setText(locale.formattedDataSize(m_value->length()));
    if (m_value->isPartial()) {
        m_bannerText->setText(
            tr("Showing the first %1 of %2. Load the whole value to edit it.")
                .arg(locale.formattedDataSize(bytes.size()), locale.formattedDataSize(m_value->length())));
        m_banner->show();
    } else {
        m_banner->hide();
    }
    m_modified = false;
    showValue();
}

void StringEditor::showValue()
{
    const formats::ValueFormat* format = FormatRegistry::instance().find(formatId());
    if (!format)
        return;
    formats::DecodedValue decoded = format->decode(m_value->value());
    if (!decoded.ok) {
        // Fall back to hex, which shows any bytes, and say why the chosen format did not fit.
        const formats::ValueFormat* hex = FormatRegistry::instance().find(QStringLiteral("hex"));
        showMessage(tr("Not %1: %2").arg(format->name(), decoded.error), true);
        if (hex && hex != format) {
            const QSignalBlocker blocker(m_format);
            m_format->setCurrentIndex(m_format->findData(hex->id()));
            format = hex;
            decoded = hex->decode(m_value->value());
        }
    } else {
        showMessage({}, false);
    }
    m_shownFormat = format;
    m_editable = decoded.editable && !m_value->isPartial();
    m_settingText = true;
    m_text->setPlainText(decoded.text);
    m_settingText = false;
    m_text->setReadOnly(!m_editable);
    m_save->setEnabled(m_editable && m_modified);
    if (m_value->isPartial())
        m_text->setToolTip(tr("A preview is read-only: load the whole value to edit it."));
    else if (!decoded.editable && decoded.ok)
        showMessage(decoded.readOnlyReason, false);
}

void StringEditor::changeFormat()
{
    // Carry what the user typed over to the new format instead of discarding it.
    if (m_modified && m_shownFormat && m_editable) {
        QString error;
        const QByteArray bytes = m_shownFormat->encode(m_text->toPlainText(), &error);
        if (!error.isEmpty()) {
            showMessage(tr("Fix the value before switching formats: %1").arg(error), true);
            const QSignalBlocker blocker(m_format);
            m_format->setCurrentIndex(m_format->findData(m_shownFormat->id()));
            return;
        }
        const formats::ValueFormat* format = FormatRegistry::instance().find(formatId());
        const formats::DecodedValue decoded = format ? format->decode(bytes) : formats::DecodedValue {};
        if (decoded.ok) {
            m_shownFormat = format;
            m_editable = decoded.editable;
            m_settingText = true;
            m_text->setPlainText(decoded.text);
            m_settingText = false;
            m_text->setReadOnly(!m_editable);
            m_save->setEnabled(m_editable);
            return;
        }
    }
    m_modified = false;
    showValue();
}

QString StringEditor::formatId() const
{
    return m_format->currentData().toString();
}

void StringEditor::setFormat(const QString& id)
{
    const int index = m_format->findData(id);
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

QString StringEditor::text() const
{
    return m_text->toPlainText();
}

void StringEditor::setText(const QString& text)
{
    m_text->setPlainText(text);
}

bool StringEditor::isBannerShown() const
{
    return !m_banner->isHidden();
}

QString StringEditor::bannerText() const
{
    return m_bannerText->text();
}

QString StringEditor::inlineMessage() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool StringEditor::isEditable() const
{
    return m_editable;
}

void StringEditor::save()
{
    if (!m_editable || !m_shownFormat) {
        showMessage(m_value->isPartial() ? tr("Load the whole value before editing it.")
                                         : tr("This value cannot be edited in this format."),
            true);
        return;
    }
    QString error;
    const QByteArray bytes = m_shownFormat->encode(m_text->toPlainText(), &error);
    if (!error.isEmpty()) {
        showMessage(tr("Not saved: %1").arg(error), true);
        emit statusMessage(tr("Not saved: %1").arg(error));
        return;
    }
    m_value->save(bytes);
}

void StringEditor::loadAll()
{
    m_loadAll->setEnabled(false);
    m_saveToFile->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_value->loadAll();
}

void StringEditor::saveToFile(const QString& path)
{
    m_loadAll->setEnabled(false);
    m_saveToFile->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_value->saveToFile(path);
}

void StringEditor::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_message->setPalette(palette);
    m_message->setVisible(!text.isEmpty());
}

} // namespace vermilion::ui
