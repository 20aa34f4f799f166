#include "stringeditor.h"

#include "formats/valueformat.h"
#include "util/posting.h"
#include "values/editconflict.h"
#include "values/stringvalue.h"
#include "values/valuerenderer.h"
#include "valuetextview.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace vermilion::ui {

using formats::FormatRegistry;

namespace {
// A hex dump is five times its bytes: above this, it is not written out for an external editor.
constexpr qint64 externalHexLimit = qint64(16) * 1024 * 1024;

StringEditor::ExternalOpener& externalOpener()
{
    static StringEditor::ExternalOpener opener;
    return opener;
}

QString extensionFor(const QString& formatId)
{
    if (formatId == QLatin1String("json"))
        return QStringLiteral("json");
    if (formatId == QLatin1String("nippy"))
        return QStringLiteral("edn");
    return QStringLiteral("txt");
}
} // namespace

StringEditor::StringEditor(Session* session, const QByteArray& key, QWidget* parent)
    : ValueEditor(session, key, "string", parent)
    , m_value(new StringValue(session, key, this))
    , m_renderer(new ValueRenderer(this))
    , m_format(new QComboBox)
    , m_size(new QLabel)
    , m_save(new QPushButton(tr("Save")))
    , m_reload(new QPushButton(tr("Reload")))
    , m_editExternally(new QPushButton(tr("Edit in external editor")))
    , m_banner(new QFrame)
    , m_bannerText(new QLabel)
    , m_loadAll(new QPushButton(tr("Load all")))
    , m_saveToFile(new QPushButton(tr("Save to file...")))
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_busyRow(new QWidget)
    , m_busyText(new QLabel)
    , m_externalRow(new QFrame)
    , m_externalText(new QLabel)
    , m_externalSave(new QPushButton(tr("Save to server")))
    , m_message(new QLabel)
    , m_note(new QLabel)
    , m_stack(new QStackedWidget)
    , m_text(new QPlainTextEdit)
    , m_view(new ValueTextView)
    , m_findBar(new ValueFindBar(m_view))
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
    top->addWidget(m_editExternally);
    top->addWidget(m_reload);
    top->addWidget(m_save);
    m_save->setEnabled(false);
    m_save->setShortcut(QKeySequence::Save);
    m_editExternally->hide();
    m_editExternally->setToolTip(tr("The value is too big to edit here: edit it in your desktop's editor and save "
                                    "it back from there."));
    layout->addLayout(top);

    const auto panel = [](QFrame* frame) {
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        QPalette palette = frame->palette();
        palette.setColor(QPalette::Window, palette.color(QPalette::AlternateBase));
        frame->setPalette(palette);
    };
    panel(m_banner);
    auto* banner = new QHBoxLayout(m_banner);
    m_bannerText->setWordWrap(true);
    banner->addWidget(m_bannerText, 1);
    banner->addWidget(m_loadAll);
    banner->addWidget(m_saveToFile);
    m_banner->hide();
    layout->addWidget(m_banner);

    // One progress row for transfers and for decoding that takes longer than a moment.
    auto* busy = new QHBoxLayout(m_busyRow);
    busy->setContentsMargins(0, 0, 0, 0);
    busy->addWidget(m_busyText, 1);
    busy->addWidget(m_progress);
    busy->addWidget(m_cancel);
    m_busyRow->hide();
    layout->addWidget(m_busyRow);

    panel(m_externalRow);
    auto* external = new QHBoxLayout(m_externalRow);
    m_externalText->setWordWrap(true);
    m_externalText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    external->addWidget(m_externalText, 1);
    external->addWidget(m_externalSave);
    m_externalSave->setEnabled(false);
    m_externalRow->hide();
    layout->addWidget(m_externalRow);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    m_text->setFont(monospaceFont());
    m_text->setAccessibleName(tr("Value"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_stack->addWidget(m_text);
    auto* viewer = new QWidget;
    auto* viewerLayout = new QVBoxLayout(viewer);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->setSpacing(0);
    viewerLayout->addWidget(m_view, 1);
    viewerLayout->addWidget(m_findBar);
    m_stack->addWidget(viewer);
    layout->addWidget(m_stack, 1);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        m_modified = true;
        m_save->setEnabled(m_editable && m_inPlace);
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &StringEditor::changeFormat);
    connect(m_save, &QPushButton::clicked, this, &StringEditor::save);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        if (!m_modified || confirm(tr("Discard your changes"), tr("Reload the value and discard what you typed?")))
            reload();
    });
    connect(m_editExternally, &QPushButton::clicked, this, &StringEditor::editExternally);
    connect(m_externalSave, &QPushButton::clicked, this, &StringEditor::saveExternalEdit);
    connect(m_loadAll, &QPushButton::clicked, this, &StringEditor::loadAll);
    connect(m_saveToFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the value to a file"));
        if (!path.isEmpty())
            saveToFile(path);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_value->isBusy())
            m_value->cancel();
        if (m_renderer->isBusy())
            m_renderer->cancel();
    });
    connect(m_view, &ValueTextView::message, this, &ValueEditor::statusMessage);

    connect(m_renderer, &ValueRenderer::finished, this, &StringEditor::onRendered);
    connect(m_renderer, &ValueRenderer::busyChanged, this, [this](bool busy) {
        if (busy) {
            QTimer::singleShot(progressDelayMs, this, [this] {
                if (!m_renderer->isBusy() || m_value->isBusy())
                    return;
                m_busyText->setText(tr("Decoding the value..."));
                m_progress->setRange(0, 0);
                m_progress->show();
                m_cancel->show();
                m_busyRow->show();
            });
        } else if (!m_value->isBusy()) {
            m_busyRow->hide();
        }
    });
    connect(m_renderer, &ValueRenderer::cancelled, this, [this] {
        showMessage(tr("Decoding cancelled: showing the bytes as hex needs no decoding; pick Hex or Reload."), false);
        emit statusMessage(tr("Cancelled."));
    });

    connect(m_value, &StringValue::loaded, this, &StringEditor::onLoaded);
    connect(m_value, &StringValue::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
        const QLocale locale;
        m_busyText->setText(
            tr("Reading %1 of %2...").arg(locale.formattedDataSize(done), locale.formattedDataSize(total)));
    });
    auto endTransfer = [this] {
        m_busyRow->hide();
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
        if (!m_externalPath.isEmpty()) {
            m_externalText->setText(tr("Saved to the server from %1. Further saves in your editor can be written "
                                       "again.")
                                        .arg(m_externalPath));
            m_externalSave->setEnabled(false);
            m_value->load(); // show what is on the server now
        }
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
        resolveConflict(
            conflict, tr("The value"), [this, conflict] { m_value->save(conflict.mine, EditMode::Force); }, {},
            formatId());
    });
}

StringEditor::~StringEditor() = default;

void StringEditor::setExternalOpener(ExternalOpener opener)
{
    externalOpener() = std::move(opener);
}

void StringEditor::reload()
{
    showMessage({}, false);
    m_value->load();
}

void StringEditor::onLoaded()
{
    const QByteArray bytes = m_value->value();
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
    m_carryEdit = false;
    m_detect = true;
    render(bytes, QString());
}

void StringEditor::render(const QByteArray& bytes, const QString& formatId)
{
    RenderRequest request;
    request.bytes = bytes;
    request.formatId = formatId;
    request.prefix = m_value->isPartial();
    m_renderer->render(std::move(request));
}

void StringEditor::showValue()
{
    m_carryEdit = false;
    m_detect = false;
    render(m_value->value(), formatId());
}

void StringEditor::onRendered(const RenderedValue& rendered)
{
    if (m_detect && !rendered.detectedId.isEmpty()) {
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(m_format->findData(rendered.detectedId));
    }
    m_detect = false;
    if (rendered.formatId != formatId()) { // the chosen format did not fit: hex shows the bytes
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(m_format->findData(rendered.formatId));
    }
    showMessage(rendered.error, !rendered.error.isEmpty());
    m_shownFormat = FormatRegistry::instance().find(rendered.formatId);
    m_editable = rendered.editable && !m_value->isPartial();
    m_inPlace = rendered.inPlace;
    if (m_inPlace) {
        m_settingText = true;
        m_text->setPlainText(rendered.document ? rendered.document->wholeText() : QString());
        m_settingText = false;
        m_text->setReadOnly(!m_editable);
        m_view->clear();
        m_stack->setCurrentIndex(0);
    } else {
        m_settingText = true;
        m_text->clear();
        m_settingText = false;
        m_view->setDocument(rendered.document);
        m_stack->setCurrentIndex(1);
    }
    m_modified = m_carryEdit;
    m_carryEdit = false;
    QString note = rendered.note;
    if (m_value->isPartial())
        m_view->setToolTip(tr("A preview is read-only: load the whole value to edit it."));
    else
        m_view->setToolTip({});
    if (rendered.error.isEmpty() && !rendered.editable && !rendered.readOnlyReason.isEmpty())
        showMessage(rendered.readOnlyReason, false);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    updateActions();
    emit valueShown();
}

void StringEditor::updateActions()
{
    m_save->setEnabled(m_editable && m_inPlace && m_modified);
    const bool external = m_editable && !m_inPlace && !m_value->isPartial();
    m_editExternally->setVisible(external);
    if (!m_inPlace && m_editable && m_shownFormat && m_shownFormat->id() == QLatin1String("hex")
        && m_value->value().size() > externalHexLimit) {
        m_editExternally->setEnabled(false);
        m_editExternally->setToolTip(tr("A hex dump of %1 is too big to edit as text. Save the value to a file and "
                                        "edit it with a binary editor.")
                                         .arg(QLocale().formattedDataSize(m_value->value().size())));
    } else {
        m_editExternally->setEnabled(true);
    }
}

void StringEditor::changeFormat()
{
    // Carry what the user typed over to the new format instead of discarding it.
    if (m_modified && m_shownFormat && m_editable && m_inPlace) {
        QString error;
        const QByteArray bytes = m_shownFormat->encode(m_text->toPlainText(), &error);
        if (!error.isEmpty()) {
            showMessage(tr("Fix the value before switching formats: %1").arg(error), true);
            const QSignalBlocker blocker(m_format);
            m_format->setCurrentIndex(m_format->findData(m_shownFormat->id()));
            return;
        }
        m_detect = false;
        m_carryEdit = true;
        render(bytes, formatId());
        return;
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
    if (m_inPlace)
        return m_text->toPlainText();
    const std::shared_ptr<const ValueDocument> document = m_view->document();
    if (!document)
        return {};
    const qint64 last = document->lineCount() - 1;
    return document->text({}, { last, document->lineLength(last) }, ValueTextView::copyLimit);
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

QString StringEditor::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

bool StringEditor::isEditable() const
{
    return m_editable;
}

bool StringEditor::isRendering() const
{
    return m_renderer->isBusy();
}

bool StringEditor::isProgressShown() const
{
    return !m_busyRow->isHidden();
}

void StringEditor::save()
{
    if (!m_editable || !m_shownFormat || !m_inPlace) {
        showMessage(m_value->isPartial() ? tr("Load the whole value before editing it.")
                : m_editable             ? tr("This value is edited in an external editor: use Edit in external "
                                                          "editor.")
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
    m_busyText->setText(tr("Reading the value..."));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_busyRow->show();
    m_value->loadAll();
}

void StringEditor::saveToFile(const QString& path)
{
    m_loadAll->setEnabled(false);
    m_saveToFile->setEnabled(false);
    m_busyText->setText(tr("Saving the value to %1...").arg(path));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_busyRow->show();
    m_value->saveToFile(path);
}

void StringEditor::editExternally()
{
    if (!m_editable || m_inPlace || !m_shownFormat || m_value->isPartial())
        return;
    if (!m_externalDir) {
        m_externalDir = std::make_unique<QTemporaryDir>();
        if (!m_externalDir->isValid()) {
            showMessage(
                tr("Could not create a temporary folder for the external editor: %1").arg(m_externalDir->errorString()),
                true);
            m_externalDir.reset();
            return;
        }
    }
    m_externalPath = m_externalDir->filePath(QStringLiteral("value.%1").arg(extensionFor(m_shownFormat->id())));
    const JobTracker::Ticket generation = m_externalJobs.next();
    const std::shared_ptr<const ValueDocument> document = m_view->document();
    const QByteArray bytes = m_value->value();
    const bool hex = m_shownFormat->id() == QLatin1String("hex");
    const formats::ValueFormat* format = m_shownFormat;
    const QString path = m_externalPath;
    m_externalText->setText(tr("Writing the value to %1...").arg(path));
    m_externalSave->setEnabled(false);
    m_externalRow->show();
    QThread* home = thread();
    QThreadPool::globalInstance()->start([=, self = QPointer<StringEditor>(this)]() mutable {
        QSaveFile file(path);
        QString error;
        if (file.open(QIODevice::WriteOnly)) {
            const QString text = hex ? format->decode(bytes).text : document->wholeText();
            file.write(text.toUtf8());
            if (!file.commit())
                error = file.errorString();
        } else {
            error = file.errorString();
        }
        postToThread(home, [self, generation, path, error] {
            if (!self || self->m_externalJobs.isStale(generation))
                return;
            if (!error.isEmpty()) {
                self->m_externalText->setText(tr("Could not write %1: %2").arg(path, error));
                return;
            }
            if (!self->m_watcher) {
                self->m_watcher = new QFileSystemWatcher(self);
                connect(self->m_watcher, &QFileSystemWatcher::fileChanged, self, &StringEditor::externalFileChanged);
                connect(
                    self->m_watcher, &QFileSystemWatcher::directoryChanged, self, &StringEditor::externalFileChanged);
            }
            self->m_watcher->addPath(path);
            self->m_watcher->addPath(QFileInfo(path).absolutePath());
            const bool opened
                = externalOpener() ? externalOpener()(path) : QDesktopServices::openUrl(QUrl::fromLocalFile(path));
            self->m_externalText->setText(opened
                    ? tr("Opened %1 in your editor. Save it there, then write it to the server here.").arg(path)
                    : tr("No editor could be started for %1: open that file in your editor, save it, then write "
                         "it to the server here.")
                          .arg(path));
        });
    });
}

void StringEditor::externalFileChanged()
{
    if (m_externalPath.isEmpty() || !QFileInfo::exists(m_externalPath))
        return;
    // Editors that save by renaming a new file into place drop the watch on the old one.
    if (m_watcher && !m_watcher->files().contains(m_externalPath))
        m_watcher->addPath(m_externalPath);
    m_externalText->setText(tr("%1 changed in your editor. Write it to the server? The value is written only if "
                               "the server still holds what was shown.")
                                .arg(m_externalPath));
    m_externalSave->setEnabled(true);
}

void StringEditor::saveExternalEdit()
{
    if (m_externalPath.isEmpty() || !m_shownFormat)
        return;
    m_externalSave->setEnabled(false);
    m_externalText->setText(tr("Reading and encoding %1...").arg(m_externalPath));
    const JobTracker::Ticket generation = m_externalJobs.next();
    const formats::ValueFormat* format = m_shownFormat;
    const QString path = m_externalPath;
    QThread* home = thread();
    QThreadPool::globalInstance()->start([=, self = QPointer<StringEditor>(this)] {
        QFile file(path);
        QString error;
        QByteArray bytes;
        if (!file.open(QIODevice::ReadOnly)) {
            error = file.errorString();
        } else {
            bytes = format->encode(QString::fromUtf8(file.readAll()), &error);
        }
        postToThread(home, [self, generation, bytes, error] {
            if (!self || self->m_externalJobs.isStale(generation))
                return;
            if (!error.isEmpty()) {
                self->m_externalText->setText(tr("Not saved: %1 Fix it in your editor and save again.").arg(error));
                self->m_externalSave->setEnabled(true);
                return;
            }
            self->m_externalText->setText(tr("Writing to the server..."));
            self->m_value->save(bytes);
        });
    });
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
