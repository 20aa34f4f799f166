#include "transferdialog.h"

#include "client/session.h"
#include "util/redistext.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace vermilion::ui {

using namespace vermilion::transfer;

namespace {
std::function<QList<Session*>()>& sessionProvider()
{
    static std::function<QList<Session*>()> provider;
    return provider;
}

// The sessions running jobs use (a session may appear once per job).
QList<const Session*>& sessionsInUse()
{
    static QList<const Session*> sessions;
    return sessions;
}

QString settingsKey(const char* name)
{
    return QStringLiteral("transfer/") + QLatin1String(name);
}

QString policyText(ConflictPolicy policy)
{
    switch (policy) {
    case ConflictPolicy::Skip:
        return TransferDialog::tr("Skip keys that exist");
    case ConflictPolicy::Replace:
        return TransferDialog::tr("Replace keys that exist");
    case ConflictPolicy::Rename:
        return TransferDialog::tr("Rename incoming keys that exist");
    }
    return {};
}
} // namespace

void TransferDialog::setOpenSessions(std::function<QList<Session*>()> provider)
{
    sessionProvider() = std::move(provider);
}

bool TransferDialog::isSessionInUse(const Session* session)
{
    return sessionsInUse().contains(session);
}

TransferDialog::TransferDialog(
    Mode mode, Session* session, const KeyScope& scope, const QString& scopeText, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_session(session)
    , m_scope(scope)
    , m_scopeText(scopeText)
{
    const QString server = session ? session->profile().displayName() : QString();
    const int database = session ? session->database() : 0;
    const bool cluster = session && session->isCluster();
    const QString where = cluster ? tr("%1 (every master)").arg(server) : tr("%1, database %2").arg(server).arg(database);
    switch (mode) {
    case Mode::Export:
        setWindowTitle(tr("Export Keys — %1").arg(server));
        break;
    case Mode::Import:
        setWindowTitle(tr("Import Keys — %1").arg(server));
        break;
    case Mode::Copy:
        setWindowTitle(tr("Copy Keys — %1").arg(server));
        break;
    }
    setAttribute(Qt::WA_DeleteOnClose);
    QSettings settings;
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    // What: the selection, a pattern, or everything.
    if (mode != Mode::Import) {
        auto* scopeBox = new QWidget;
        auto* scopeLayout = new QVBoxLayout(scopeBox);
        scopeLayout->setContentsMargins(0, 0, 0, 0);
        m_scopeSelection = new QRadioButton(
            m_scope.keys.isEmpty() ? tr("Selected keys") : tr("The %n selected key(s)", nullptr, int(m_scope.keys.size())));
        m_scopeSelection->setEnabled(!m_scope.keys.isEmpty());
        auto* patternRow = new QHBoxLayout;
        m_scopePattern = new QRadioButton(tr("Keys matching"));
        m_pattern = new QLineEdit(RedisText::escape(m_scope.match));
        m_pattern->setPlaceholderText(tr("glob, e.g. app:user:*"));
        m_pattern->setAccessibleName(tr("Key pattern"));
        patternRow->addWidget(m_scopePattern);
        patternRow->addWidget(m_pattern, 1);
        m_scopeAll = new QRadioButton(cluster ? tr("The whole cluster") : tr("The whole database %1").arg(database));
        scopeLayout->addWidget(m_scopeSelection);
        scopeLayout->addLayout(patternRow);
        scopeLayout->addWidget(m_scopeAll);
        (!m_scope.keys.isEmpty() ? m_scopeSelection : !m_scope.match.isEmpty() ? m_scopePattern : m_scopeAll)
            ->setChecked(true);
        form->addRow(tr("Keys of %1:").arg(where), scopeBox);
        connect(m_pattern, &QLineEdit::textEdited, this, [this] {
            m_scopePattern->setChecked(true);
            updateState();
        });
        for (QRadioButton* button : { m_scopeSelection, m_scopePattern, m_scopeAll })
            connect(button, &QRadioButton::toggled, this, &TransferDialog::updateState);
    } else {
        form->addRow(tr("Into:"), new QLabel(where));
    }

    // Where: a file, or another connection.
    if (mode == Mode::Copy) {
        m_target = new QComboBox;
        m_target->setAccessibleName(tr("Target connection"));
        if (sessionProvider()) {
            for (Session* other : sessionProvider()()) {
                if (other == session || !other)
                    continue;
                m_target->addItem(tr("%1, database %2%3")
                                      .arg(other->profile().displayName())
                                      .arg(other->database())
                                      .arg(other->isReadOnly() ? tr(" (read-only)") : QString()),
                    QVariant::fromValue(static_cast<QObject*>(other)));
            }
        }
        if (m_target->count() == 0)
            m_target->setPlaceholderText(tr("Connect to the target server first"));
        form->addRow(tr("To connection:"), m_target);
        connect(m_target, &QComboBox::currentIndexChanged, this, &TransferDialog::updateState);
    } else {
        auto* fileRow = new QHBoxLayout;
        m_file = new QLineEdit;
        m_file->setAccessibleName(tr("File"));
        auto* browseButton = new QPushButton(tr("Browse..."));
        fileRow->addWidget(m_file, 1);
        fileRow->addWidget(browseButton);
        form->addRow(tr("File:"), fileRow);
        connect(browseButton, &QPushButton::clicked, this, &TransferDialog::browse);
        connect(m_file, &QLineEdit::textChanged, this, [this] {
            if (m_mode == Mode::Import) {
                QFile file(m_file->text());
                if (file.open(QIODevice::ReadOnly)) {
                    if (const auto format = FormatText::detect(file.peek(64), m_file->text()))
                        setFormat(*format);
                }
            }
            updateState();
        });
        m_format = new QComboBox;
        m_format->setAccessibleName(tr("Format"));
        if (mode == Mode::Import) {
            for (const Format format : importFormats)
                m_format->addItem(FormatText::name(format), FormatText::id(format));
        } else {
            for (const Format format : allFormats)
                m_format->addItem(FormatText::name(format), FormatText::id(format));
        }
        form->addRow(tr("Format:"), m_format);
        m_formatNote = new QLabel;
        m_formatNote->setWordWrap(true);
        form->addRow(QString(), m_formatNote);
        connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
            if (m_mode == Mode::Export && !m_file->text().isEmpty()) {
                QFileInfo info(m_file->text());
                const auto format = FormatText::fromId(m_format->currentData().toString());
                if (format)
                    m_file->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + FormatText::extension(*format)));
            }
            updateState();
        });
        const auto saved = FormatText::fromId(settings.value(formatSettingsKey()).toString());
        setFormat(saved.value_or(Format::Dump));
        if (mode == Mode::Export)
            m_file->setText(defaultFileName());
    }

    // Conflicts, for what writes to a server.
    if (mode != Mode::Export) {
        auto* policyRow = new QHBoxLayout;
        m_policy = new QComboBox;
        m_policy->setAccessibleName(tr("When a key exists"));
        for (const ConflictPolicy policy : { ConflictPolicy::Skip, ConflictPolicy::Replace, ConflictPolicy::Rename })
            m_policy->addItem(policyText(policy), int(policy));
        m_policy->setCurrentIndex(qBound(0, settings.value(settingsKey("policy"), 0).toInt(), 2));
        m_suffix = new QLineEdit(settings.value(settingsKey("suffix"), mode == Mode::Copy ? QStringLiteral(":copy")
                                                                                          : QStringLiteral(":imported"))
                                     .toString());
        m_suffix->setAccessibleName(tr("Suffix for renamed keys"));
        m_suffix->setToolTip(tr("A renamed key is the key's name with this suffix (then :2, :3... if that exists too)."));
        policyRow->addWidget(m_policy, 1);
        policyRow->addWidget(new QLabel(tr("suffix")));
        policyRow->addWidget(m_suffix);
        form->addRow(tr("When a key exists:"), policyRow);
        connect(m_policy, &QComboBox::currentIndexChanged, this, &TransferDialog::updateState);
    }

    // Pacing, for production servers.
    auto* pacingBox = new QGroupBox(tr("Pacing"));
    auto* pacingLayout = new QHBoxLayout(pacingBox);
    const auto spin = [&](const QString& label, int minimum, int maximum, const char* key, int fallback,
                          const QString& tip) {
        auto* box = new QSpinBox;
        box->setRange(minimum, maximum);
        box->setValue(settings.value(settingsKey(key), fallback).toInt());
        box->setAccessibleName(label);
        box->setToolTip(tip);
        pacingLayout->addWidget(new QLabel(label));
        pacingLayout->addWidget(box);
        return box;
    };
    if (mode != Mode::Import)
        m_scanCount = spin(tr("SCAN COUNT"), 10, 100000, "scanCount", 1000, tr("How many keys each SCAN step looks at."));
    m_batch = spin(tr("Keys per batch"), 1, 100000, "batchKeys", Pacing().batchKeys, tr("Keys read or written in one pipeline."));
    m_pause = spin(tr("Pause (ms)"), 0, 60000, "pauseMs", 0, tr("A rest between batches, to spare a busy server."));
    pacingLayout->addStretch();
    layout->addWidget(pacingBox);

    // Progress and the outcome.
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_problems = new QPlainTextEdit;
    m_problems->setReadOnly(true);
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setMaximumBlockCount(TransferSummary::maxProblems + 1);
    m_problems->hide();
    layout->addWidget(m_problems, 1);

    auto* buttons = new QDialogButtonBox;
    const QString runText = mode == Mode::Export ? tr("&Export") : mode == Mode::Import ? tr("&Import") : tr("&Copy");
    m_runButton = buttons->addButton(runText, QDialogButtonBox::AcceptRole);
    if (mode != Mode::Export) {
        m_dryRunButton = buttons->addButton(tr("&Dry Run"), QDialogButtonBox::ActionRole);
        m_dryRunButton->setToolTip(tr("Counts what would be created, replaced, renamed or skipped; writes nothing."));
    }
    m_cancelButton = buttons->addButton(tr("Cancel &Job"), QDialogButtonBox::ActionRole);
    m_cancelButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(false); });
    if (m_dryRunButton)
        connect(m_dryRunButton, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_cancelButton, &QPushButton::clicked, this, &TransferDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &TransferDialog::close);
    updateState();
    // Never smaller than what its rows need (the format's note wraps onto more lines when set).
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(qMax(680, sizeHint().width()), sizeHint().height());
    // The buttons follow the connections: one that drops or comes back changes what can run.
    if (session)
        connect(session, &Session::stateChanged, this, &TransferDialog::updateState);
    if (m_target) {
        for (int i = 0; i < m_target->count(); ++i) {
            if (auto* other = qobject_cast<Session*>(m_target->itemData(i).value<QObject*>()))
                connect(other, &Session::stateChanged, this, &TransferDialog::updateState);
        }
    }
}

TransferDialog::~TransferDialog()
{
    delete m_job; // cancels and waits for its thread
    releaseSessions();
}

void TransferDialog::setFileName(const QString& fileName)
{
    if (m_file)
        m_file->setText(fileName);
}

void TransferDialog::setFormat(Format format)
{
    if (m_format)
        m_format->setCurrentIndex(m_format->findData(FormatText::id(format)));
}

void TransferDialog::setPolicy(ConflictPolicy policy)
{
    if (m_policy)
        m_policy->setCurrentIndex(m_policy->findData(int(policy)));
}

void TransferDialog::setTarget(Session* target)
{
    if (m_target)
        m_target->setCurrentIndex(m_target->findData(QVariant::fromValue(static_cast<QObject*>(target))));
}

Session* TransferDialog::chosenTarget() const
{
    return m_target ? qobject_cast<Session*>(m_target->currentData().value<QObject*>()) : nullptr;
}

QString TransferDialog::defaultFileName() const
{
    QString base = QSettings().value(settingsKey("directory")).toString();
    if (base.isEmpty() || !QDir(base).exists())
        base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty() || !QDir(base).exists()) // a fresh home may have no Documents folder
        base = QDir::homePath();
    QString name = m_session ? m_session->profile().displayName() : QStringLiteral("redis");
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const auto format = FormatText::fromId(m_format->currentData().toString()).value_or(Format::Dump);
    return QDir(base).filePath(QStringLiteral("%1-db%2-%3.%4")
                                   .arg(name)
                                   .arg(m_session ? m_session->database() : 0)
                                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                       FormatText::extension(format)));
}

void TransferDialog::browse()
{
    const QString filter = tr("Vermilion dump (*.vdump);;JSON lines (*.jsonl *.ndjson);;redis-cli commands (*.redis *.txt);;"
                              "RESP (*.resp);;CSV (*.csv);;RDB file (*.rdb);;All files (*)");
    const QString start = m_file->text().isEmpty() ? defaultFileName() : m_file->text();
    auto* dialog = new QFileDialog(this, m_mode == Mode::Export ? tr("Export to") : tr("Import from"), start, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(m_mode == Mode::Export ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(m_mode == Mode::Export ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) { m_file->setText(file); });
    dialog->open();
}

KeyScope TransferDialog::chosenScope() const
{
    KeyScope scope;
    if (m_scopeSelection && m_scopeSelection->isChecked())
        scope.keys = m_scope.keys;
    else if (m_scopePattern && m_scopePattern->isChecked())
        scope.match = RedisText::unescape(m_pattern->text().trimmed());
    return scope;
}

Pacing TransferDialog::pacing() const
{
    Pacing pacing;
    if (m_scanCount)
        pacing.scanCount = m_scanCount->value();
    pacing.batchKeys = m_batch->value();
    pacing.pauseMs = m_pause->value();
    return pacing;
}

void TransferDialog::updateState()
{
    if (!m_runButton)
        return; // still being built
    const bool running = isRunning();
    QString problem;
    if (!m_session || m_session->state() != Connection::State::Connected)
        problem = tr("The connection is not open.");
    else if (m_file && m_file->text().trimmed().isEmpty())
        problem = tr("Choose a file.");
    else if (m_mode == Mode::Import && !QFileInfo::exists(m_file->text()))
        problem = tr("There is no such file.");
    else if (m_mode == Mode::Copy && !chosenTarget())
        problem = tr("Choose the connection to copy to (open it in the main window first).");
    else if (m_mode == Mode::Copy && chosenTarget()->state() != Connection::State::Connected)
        problem = tr("The connection to copy to is not open.");
    else if (m_scopePattern && m_scopePattern->isChecked() && m_pattern->text().trimmed().isEmpty())
        problem = tr("Type a pattern, or choose the whole database.");
    Session* writesTo = m_mode == Mode::Import ? m_session.data() : m_mode == Mode::Copy ? chosenTarget() : nullptr;
    const bool readOnly = writesTo && writesTo->isReadOnly();
    if (m_format) {
        const auto format = FormatText::fromId(m_format->currentData().toString()).value_or(Format::Dump);
        QString note;
        switch (format) {
        case Format::Dump:
            note = tr("Exact: each key's DUMP payload with its type and expiry, under a header naming the server, its "
                      "version and RDB version. Restores on servers of the same or a newer RDB version.");
            break;
        case Format::JsonLines:
            note = tr("One JSON object per key, elements in order; text as it is, anything else in base64. Stream "
                      "consumer groups and module types are not carried.");
            break;
        case Format::Commands:
            note = tr("Commands redis-cli can run (redis-cli < file), then PEXPIREAT for expiries. Collections are "
                      "appended to keys that exist when replayed outside Vermilion.");
            break;
        case Format::Resp:
            note = tr("The same commands in RESP, for redis-cli --pipe.");
            break;
        case Format::Rdb:
            note = tr("A snapshot Redis wrote (SAVE, BGSAVE): every type and encoding of RDB versions 1 to 10. "
                      "Keys of all its databases come into this one; stream consumer groups and module types "
                      "are not carried.");
            break;
        case Format::Csv:
            note = tr("Hex key, hex DUMP payload and milliseconds left, one key per line, as Another Redis Desktop "
                      "Manager writes it; Tiny RDM's files (two columns, or an absolute time) are read too. Tiny "
                      "RDM takes the third column as an absolute time: keys with an expiry fail to import there.");
            break;
        }
        m_formatNote->setText(note);
    }
    if (!running && m_summary.keys == 0 && m_summary.error.isEmpty() && m_status->text().isEmpty() == false
        && !problem.isEmpty())
        m_status->clear();
    if (!running && !problem.isEmpty())
        m_status->setText(problem);
    else if (!running && readOnly)
        m_status->setText(tr("This connection is read-only: only a dry run is possible."));
    else if (!running && m_status->text() == tr("This connection is read-only: only a dry run is possible."))
        m_status->clear();
    m_runButton->setEnabled(!running && problem.isEmpty() && !readOnly);
    if (m_dryRunButton)
        m_dryRunButton->setEnabled(!running && problem.isEmpty());
    m_cancelButton->setEnabled(running);
    const bool renaming = m_policy && ConflictPolicy(m_policy->currentData().toInt()) == ConflictPolicy::Rename;
    for (QWidget* input : std::initializer_list<QWidget*> { m_scopeSelection, m_scopePattern, m_scopeAll, m_pattern,
             m_format, m_file, m_target, m_policy, m_suffix, m_scanCount, m_batch, m_pause }) {
        if (input)
            input->setEnabled(!running && (input != m_scopeSelection || !m_scope.keys.isEmpty())
                && (input != m_suffix || renaming));
    }
}

void TransferDialog::run(bool dryRun)
{
    if (isRunning())
        return;
    const bool replace = m_policy && ConflictPolicy(m_policy->currentData().toInt()) == ConflictPolicy::Replace;
    if (replace && !dryRun && m_confirmReplace) {
        Session* target = m_mode == Mode::Copy ? chosenTarget() : m_session.data();
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Replace Existing Keys?"),
            tr("Keys that already exist on %1 will be overwritten. This cannot be undone.\n\nA dry run first tells "
               "how many.")
                .arg(target ? target->profile().displayName() : QString()),
            QMessageBox::Cancel, this);
        QPushButton* go = box->addButton(tr("Replace"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, go] {
            if (box->clickedButton() == go)
                start(false);
        });
        box->open();
        return;
    }
    start(dryRun);
}

void TransferDialog::start(bool dryRun)
{
    if (!m_session)
        return;
    saveSettings();
    delete m_job;
    m_job = nullptr;
    m_dryRun = dryRun;
    m_summary = {};
    const auto format = m_format ? FormatText::fromId(m_format->currentData().toString()).value_or(Format::Dump)
                                 : Format::Dump;
    const ConflictPolicy policy = m_policy ? ConflictPolicy(m_policy->currentData().toInt()) : ConflictPolicy::Skip;
    switch (m_mode) {
    case Mode::Export: {
        ExportOptions options;
        options.format = format;
        options.fileName = m_file->text().trimmed();
        options.scope = chosenScope();
        options.pacing = pacing();
        m_job = TransferJob::exportKeys(m_session, options);
        break;
    }
    case Mode::Import: {
        ImportOptions options;
        options.format = format;
        options.fileName = m_file->text().trimmed();
        options.policy = policy;
        options.renameSuffix = m_suffix->text().toUtf8();
        options.dryRun = dryRun;
        options.pacing = pacing();
        m_job = TransferJob::importFile(m_session, options);
        break;
    }
    case Mode::Copy: {
        CopyOptions options;
        options.scope = chosenScope();
        options.policy = policy;
        options.renameSuffix = m_suffix->text().toUtf8();
        options.dryRun = dryRun;
        options.pacing = pacing();
        m_job = TransferJob::copyKeys(m_session, chosenTarget(), options);
        break;
    }
    }
    connect(m_job, &TransferJob::progress, this, &TransferDialog::onProgress);
    connect(m_job, &TransferJob::finished, this, &TransferDialog::onFinished);
    m_inUse = { m_session.data() };
    if (m_mode == Mode::Copy)
        m_inUse.append(chosenTarget());
    sessionsInUse().append(m_inUse);
    m_problems->clear();
    m_problems->hide();
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(dryRun ? tr("Counting...") : tr("Starting..."));
    m_job->start();
    updateState();
}

void TransferDialog::cancel()
{
    if (m_job && m_job->isRunning()) {
        m_job->cancel();
        m_status->setText(tr("Cancelling: waiting for the replies on their way..."));
    }
}

void TransferDialog::onProgress(const TransferProgress& progress)
{
    const QLocale locale;
    if (progress.total > 0) {
        const qint64 done = m_mode == Mode::Import ? progress.position : progress.keys + progress.skipped;
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qBound(qint64(0), done * 1000 / progress.total, qint64(1000))));
    }
    QString text = m_dryRun ? tr("%1 key(s) counted").arg(locale.toString(progress.keys))
                            : tr("%1 key(s) done").arg(locale.toString(progress.keys));
    if (progress.bytes > 0)
        text += QStringLiteral(" · ") + locale.formattedDataSize(progress.bytes);
    if (progress.skipped > 0)
        text += QStringLiteral(" · ") + tr("%1 skipped").arg(locale.toString(progress.skipped));
    if (progress.failed > 0)
        text += QStringLiteral(" · ") + tr("%1 failed").arg(locale.toString(progress.failed));
    m_status->setText(text);
}

void TransferDialog::releaseSessions()
{
    for (const Session* session : std::as_const(m_inUse))
        sessionsInUse().removeOne(session);
    m_inUse.clear();
}

void TransferDialog::onFinished(const TransferSummary& summary)
{
    releaseSessions();
    m_summary = summary;
    const QLocale locale;
    m_progress->hide();
    QStringList parts;
    const QString verb = m_mode == Mode::Export ? tr("exported") : m_mode == Mode::Import ? tr("imported") : tr("copied");
    if (summary.dryRun) {
        parts << tr("Dry run, nothing written: %1 would be created, %2 replaced, %3 renamed, %4 skipped.")
                     .arg(locale.toString(summary.created), locale.toString(summary.replaced),
                         locale.toString(summary.renamed), locale.toString(summary.skipped));
    } else {
        parts << tr("%1 key(s) %2").arg(locale.toString(summary.keys), verb);
        if (m_mode != Mode::Export)
            parts << tr("%1 created, %2 replaced, %3 renamed")
                         .arg(locale.toString(summary.created), locale.toString(summary.replaced),
                             locale.toString(summary.renamed));
        if (summary.rebuilt > 0)
            parts << tr("%1 rebuilt element by element (the target refused their RDB version)")
                         .arg(locale.toString(summary.rebuilt));
        parts << tr("%1 skipped").arg(locale.toString(summary.skipped));
        parts << tr("%1 failed").arg(locale.toString(summary.failed));
        parts << locale.formattedDataSize(summary.bytes);
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (summary.cancelled)
        text = tr("Cancelled. ") + text;
    if (!summary.error.isEmpty())
        text = tr("Stopped: %1\n").arg(summary.error) + text;
    m_status->setText(text);
    if (!summary.problems.isEmpty()) {
        m_problems->setPlainText(summary.problems.join(QLatin1Char('\n')));
        m_problems->show();
    }
    updateState();
    if (!summary.dryRun && m_mode != Mode::Export && summary.keys > 0 && m_mode == Mode::Import)
        emit keysChanged();
    emit finished(summary);
}

QString TransferDialog::formatSettingsKey() const
{
    // Export and import each remember their own: an import of an RDB file is no export format.
    return settingsKey(m_mode == Mode::Import ? "importFormat" : "exportFormat");
}

QString TransferDialog::statusText() const
{
    return m_status->text();
}

void TransferDialog::saveSettings() const
{
    QSettings settings;
    if (m_format)
        settings.setValue(formatSettingsKey(), m_format->currentData());
    if (m_file && !m_file->text().isEmpty())
        settings.setValue(settingsKey("directory"), QFileInfo(m_file->text()).absolutePath());
    // Replace is never the remembered choice: overwriting is chosen each time.
    if (m_policy && ConflictPolicy(m_policy->currentData().toInt()) != ConflictPolicy::Replace)
        settings.setValue(settingsKey("policy"), m_policy->currentIndex());
    if (m_suffix)
        settings.setValue(settingsKey("suffix"), m_suffix->text());
    if (m_scanCount)
        settings.setValue(settingsKey("scanCount"), m_scanCount->value());
    settings.setValue(settingsKey("batchKeys"), m_batch->value());
    settings.setValue(settingsKey("pauseMs"), m_pause->value());
}

void TransferDialog::reject()
{
    close();
}

void TransferDialog::closeEvent(QCloseEvent* event)
{
    if (!isRunning()) {
        event->accept();
        return;
    }
    event->ignore();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Stop the Job?"),
        tr("The job is still running. Stop it? What was done so far stays done, and the counts are kept."),
        QMessageBox::Cancel, this);
    QPushButton* stop = box->addButton(tr("Stop and Close"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        if (box->clickedButton() != stop)
            return;
        if (!isRunning()) { // it ended while the question was open
            close();
            return;
        }
        cancel();
        connect(m_job, &TransferJob::finished, this, &TransferDialog::close);
    });
    box->open();
}

} // namespace vermilion::ui
