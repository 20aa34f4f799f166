#include "consolepanel.h"

#include "client/session.h"
#include "consoleinput.h"
#include "util/redistext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
    constexpr int maxTranscriptBlocks = 50000;
    // Entries added per slice of the event loop: a 10,000-line paste is shown in slices of a few
    // milliseconds each instead of one long freeze.
    constexpr int entriesPerSlice = 400;
    constexpr qsizetype maxKeyCompletions = 200;

    bool darkPalette() { return QApplication::palette().color(QPalette::Window).lightness() < 128; }
    QColor errorColor() { return darkPalette() ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28); }
    QColor noteColor() { return darkPalette() ? QColor(0x79, 0xc0, 0xff) : QColor(0x1f, 0x5f, 0xa8); }
} // namespace

ConsolePanel::ConsolePanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_console(new ConsoleSession(session, this))
    , m_output(new QPlainTextEdit(this))
    , m_prompt(new QLabel(this))
    , m_input(new ConsoleInput(this))
    , m_raw(new QCheckBox(tr("&Raw output"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_status(new QLabel(this))
    , m_searchBar(new QWidget(this))
    , m_search(new QLineEdit(m_searchBar))
    , m_searchMatch(new QLabel(m_searchBar))
    , m_completer(new QCompleter(this))
    , m_completions(new QStringListModel(this))
    , m_appendTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("consolePanel"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    m_raw->setToolTip(tr("Show replies as redis-cli --raw does: strings as they are, no quotes, types or numbers."));
    m_stop->setToolTip(tr("End a subscription, MONITOR or a blocking command (Ctrl+C). Only the console's own "
                          "link is reset."));
    m_stop->setEnabled(false);
    auto* clear = new QPushButton(tr("C&lear"), this);
    clear->setToolTip(tr("Clear the transcript (Ctrl+L)"));
    auto* exportButton = new QPushButton(tr("&Export..."), this);
    exportButton->setToolTip(tr("Save the transcript as a text file. Arguments that carry a secret are never in it."));
    // On a cluster: where commands run (also typed as @host:port, @masters, @all, @).
    m_target = new QComboBox(this);
    m_target->setAccessibleName(tr("Run on"));
    m_target->setToolTip(tr("Where commands run on a cluster. Typed: @host:port, @masters, @all, or @ to route by "
                            "key again; before a command, for that command only."));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_target->hide();
    bar->addWidget(m_raw);
    bar->addWidget(m_target);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_stop);
    bar->addWidget(clear);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumBlockCount(maxTranscriptBlocks);
    m_output->setUndoRedoEnabled(false);
    m_output->setAccessibleName(tr("Console output"));
    m_output->setPlaceholderText(tr("Replies appear here. Tab completes, Up and Down walk the history, Ctrl+R "
                                    "searches it, HELP <command> explains a command."));
    layout->addWidget(m_output, 1);

    auto* searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    m_search->setPlaceholderText(tr("Search the history (Ctrl+R: older match, Enter: use it, Esc: close)"));
    m_search->setAccessibleName(tr("History search"));
    m_search->setFont(mono);
    m_searchMatch->setFont(mono);
    searchLayout->addWidget(new QLabel(tr("(reverse-i-search)"), m_searchBar));
    searchLayout->addWidget(m_search, 1);
    searchLayout->addWidget(m_searchMatch, 2);
    m_searchBar->hide();
    m_search->installEventFilter(this);
    layout->addWidget(m_searchBar);

    auto* inputLine = new QHBoxLayout;
    m_prompt->setFont(mono);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_input->setFont(mono);
    m_input->setPlaceholderText(tr("Type a command, e.g. SCAN 0 MATCH app:* COUNT 100, and press Enter"));
    m_input->setAccessibleName(tr("Command"));
    inputLine->addWidget(m_prompt);
    inputLine->addWidget(m_input, 1);
    layout->addLayout(inputLine);
    setFocusProxy(m_input);

    m_completer->setModel(m_completions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_input);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &ConsolePanel::insertCompletion);

    // Output joins the transcript about 30 times a second: each slice costs a layout and a paint.
    m_appendTimer->setInterval(30);
    connect(m_appendTimer, &QTimer::timeout, this, &ConsolePanel::appendSlice);

    connect(m_console, &ConsoleSession::output, this, &ConsolePanel::onOutput);
    connect(m_console, &ConsoleSession::promptChanged, this, &ConsolePanel::updateState);
    connect(m_console, &ConsoleSession::pendingChanged, this, &ConsolePanel::updateState);
    connect(m_console, &ConsoleSession::streamingChanged, this, &ConsolePanel::updateState);
    connect(m_console, &ConsoleSession::docsLoaded, this, &ConsolePanel::updateHint);
    connect(m_console, &ConsoleSession::clearRequested, m_output, &QPlainTextEdit::clear);
    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePanel::submit);
    connect(m_input, &QLineEdit::textEdited, this, &ConsolePanel::updateHint);
    connect(m_input, &ConsoleInput::historyRequested, this, &ConsolePanel::walkHistory);
    connect(m_input, &ConsoleInput::completionRequested, this, &ConsolePanel::complete);
    connect(m_input, &ConsoleInput::searchRequested, this, &ConsolePanel::startSearch);
    connect(m_input, &ConsoleInput::clearRequested, m_output, &QPlainTextEdit::clear);
    connect(m_input, &ConsoleInput::interruptRequested, m_console, &ConsoleSession::interrupt);
    connect(m_input, &ConsoleInput::linesPasted, this, &ConsolePanel::runPasted);
    connect(m_stop, &QPushButton::clicked, m_console, &ConsoleSession::interrupt);
    connect(clear, &QPushButton::clicked, m_output, &QPlainTextEdit::clear);
    connect(exportButton, &QPushButton::clicked, this, &ConsolePanel::askToExport);
    connect(m_raw, &QCheckBox::toggled, m_console, &ConsoleSession::setRawOutput);
    connect(m_target, &QComboBox::activated, this, [this](int index) {
        ConsoleSession::Target target;
        if (ConsoleSession::parseTarget(m_target->itemData(index).toByteArray(), &target) && !m_console->setTarget(target))
            updateTargets(); // refused (a transaction runs): the picker shows where commands still go
        m_input->setFocus();
    });
    connect(m_console, &ConsoleSession::targetChanged, this, &ConsolePanel::updateTargets);
    connect(m_session, &Session::clusterTopologyChanged, this, &ConsolePanel::updateTargets);
    connect(m_session, &Session::stateChanged, this, &ConsolePanel::updateTargets);
    connect(m_search, &QLineEdit::textEdited, this, [this] {
        m_searchPosition = int(m_console->history().lines().size());
        searchHistory(true);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchPosition >= 0 && m_searchPosition < m_console->history().lines().size())
            m_input->setText(m_console->history().lines().at(m_searchPosition));
        m_searchBar->hide();
        m_input->setFocus();
        updateHint();
    });
    updateState();
    updateTargets();
}

void ConsolePanel::updateTargets()
{
    const bool cluster = m_session->isCluster();
    m_target->setVisible(cluster);
    if (!cluster)
        return;
    m_target->clear();
    m_target->addItem(tr("Routed by key"), QByteArray("@"));
    m_target->addItem(tr("All masters"), QByteArray("@masters"));
    m_target->addItem(tr("All nodes"), QByteArray("@all"));
    for (const QString& node : m_session->allNodes()) {
        const QString role = m_session->nodeRole(node);
        m_target->addItem(role.isEmpty() ? node : tr("%1 (%2)").arg(node, role), QByteArray('@' + node.toUtf8()));
    }
    const ConsoleSession::Target current = m_console->target();
    const QByteArray word = current.kind == ConsoleSession::TargetKind::Masters ? QByteArray("@masters")
        : current.kind == ConsoleSession::TargetKind::AllNodes                ? QByteArray("@all")
        : current.kind == ConsoleSession::TargetKind::Node                    ? QByteArray('@' + current.node.toUtf8())
                                                                              : QByteArray("@");
    m_target->setCurrentIndex(qMax(0, m_target->findData(word)));
}

void ConsolePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_console->ensureLink();
    // Switching to the console means typing next.
    m_input->setFocus();
}

void ConsolePanel::setRawOutput(bool raw) { m_raw->setChecked(raw); }

bool ConsolePanel::run(const QString& line)
{
    QList<QByteArray> argv;
    if (!RedisText::splitArguments(line, &argv)) {
        m_console->run(line); // shows the line and why it does not parse
        return false;
    }
    if (argv.isEmpty())
        return false;
    if (ConsoleSession::needsConfirmation(argv) && !m_session->isReadOnly()) {
        // Where it runs: a typed @target, else the console's current one.
        ConsoleSession::Target target = m_console->target();
        const bool prefixed = argv.first().startsWith('@') && ConsoleSession::parseTarget(argv.first(), &target);
        const QString name = QString::fromUtf8(argv.at(prefixed ? 1 : 0).toUpper());
        QString where = m_session->profile().displayName();
        if (target.kind == ConsoleSession::TargetKind::Masters)
            where = tr("every master of %1 (%n nodes)", nullptr, int(m_session->masterNodes().size())).arg(where);
        else if (target.kind == ConsoleSession::TargetKind::AllNodes)
            where = tr("every node of %1 (%n nodes)", nullptr, int(m_session->allNodes().size())).arg(where);
        else if (target.kind == ConsoleSession::TargetKind::Node)
            where = tr("node %1 of %2").arg(target.node, where);
        askBeforeRunning(tr("%1 on %2 cannot be undone. Run it?").arg(name, where),
                         [this, line] { m_console->run(line); });
        return true;
    }
    return m_console->run(line);
}

void ConsolePanel::askBeforeRunning(const QString& question, std::function<void()> run)
{
    // Asked without a nested event loop: replies keep arriving while the question is open.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Run it?"), question, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [run = std::move(run)](int result) {
        if (result == QMessageBox::Yes)
            run();
    });
    box->open();
}

void ConsolePanel::submit()
{
    const QString line = m_input->text();
    if (line.trimmed().isEmpty())
        return;
    if (run(line)) {
        m_input->clear();
        m_input->setHint(QString());
    }
    m_historyPosition = -1;
}

void ConsolePanel::paste(const QString& text) { m_input->pasteText(text); }

void ConsolePanel::runPasted(const QStringList& lines)
{
    int destructive = 0;
    for (const QString& line : lines) {
        // Only lines that start with a destructive command's name are split to make sure.
        QString first = line.trimmed().section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
        if (first.startsWith(QLatin1Char('@')))
            first = line.trimmed().section(QLatin1Char(' '), 1, 1, QString::SectionSkipEmpty);
        if (first.size() < 5 || first.size() > 8)
            continue;
        QList<QByteArray> argv;
        if (RedisText::splitArguments(line, &argv) && ConsoleSession::needsConfirmation(argv))
            ++destructive;
    }
    if (destructive > 0 && !m_session->isReadOnly()) {
        askBeforeRunning(tr("The %n pasted lines include commands that cannot be undone (FLUSHALL, FLUSHDB...). "
                            "Run them all?",
                            nullptr, int(lines.size())),
                         [this, lines] { m_console->runLines(lines); });
        return;
    }
    m_console->runLines(lines);
}

void ConsolePanel::onOutput(const QList<ConsoleSession::Entry>& entries)
{
    m_queue.append(entries);
    if (!m_appendTimer->isActive())
        m_appendTimer->start(30);
}

void ConsolePanel::appendSlice()
{
    QElapsedTimer clock;
    clock.start();
    const bool atBottom = m_output->verticalScrollBar()->value() >= m_output->verticalScrollBar()->maximum() - 4;
    QTextCharFormat plain;
    plain.setForeground(palette().color(QPalette::Text));
    QTextCharFormat command = plain;
    QColor echo = palette().color(QPalette::Text);
    echo.setAlphaF(0.65f);
    command.setForeground(echo);
    command.setFontWeight(QFont::DemiBold);
    QTextCharFormat error = plain;
    error.setForeground(errorColor());
    QTextCharFormat note = plain;
    note.setForeground(noteColor());
    note.setFontItalic(true);
    const auto formatOf = [&](ConsoleSession::Entry::Kind kind) -> const QTextCharFormat& {
        switch (kind) {
        case ConsoleSession::Entry::Kind::Command:
            return command;
        case ConsoleSession::Entry::Kind::Error:
            return error;
        case ConsoleSession::Entry::Kind::Note:
            return note;
        case ConsoleSession::Entry::Kind::Reply:
        case ConsoleSession::Entry::Kind::Stream:
            break;
        }
        return plain;
    };
    QTextCursor cursor(m_output->document());
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::End);
    // Entries go in as runs of one format, each run one insertText with its lines joined: far
    // cheaper than a block at a time.
    QString run;
    const QTextCharFormat* runFormat = nullptr;
    const auto flushRun = [&] {
        if (runFormat && !run.isEmpty())
            cursor.insertText(run, *runFormat);
        run.clear();
    };
    bool first = m_output->document()->isEmpty();
    while (m_queueHead < m_queue.size() && clock.elapsed() < 10) {
        const qsizetype end = qMin(m_queue.size(), m_queueHead + entriesPerSlice);
        for (; m_queueHead < end; ++m_queueHead) {
            const ConsoleSession::Entry& entry = m_queue.at(m_queueHead);
            const QTextCharFormat* format = &formatOf(entry.kind);
            if (format != runFormat) {
                flushRun();
                runFormat = format;
            }
            if (!first)
                run += QLatin1Char('\n');
            first = false;
            run += entry.text;
        }
    }
    flushRun();
    cursor.endEditBlock();
    if (m_queueHead >= m_queue.size()) {
        m_queue.clear();
        m_queueHead = 0;
        m_appendTimer->stop();
    } else {
        // A backlog (a paste's replies): the next slice right after this one is painted.
        m_appendTimer->start(0);
    }
    if (atBottom)
        m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

bool ConsolePanel::isOutputIdle() const { return m_queue.isEmpty() && m_console->isIdle(); }

QString ConsolePanel::transcript() const { return m_output->toPlainText(); }

bool ConsolePanel::exportTranscript(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(transcript().toUtf8());
    file.write("\n");
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ConsolePanel::askToExport()
{
    auto* dialog = new QFileDialog(this, tr("Export the console transcript"), QString(),
                                   tr("Text files (*.txt);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("txt"));
    dialog->selectFile(QStringLiteral("console.txt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        QString error;
        if (!exportTranscript(path, &error))
            onOutput({ { ConsoleSession::Entry::Kind::Error, tr("Could not save %1: %2").arg(path, error) } });
        else
            onOutput({ { ConsoleSession::Entry::Kind::Note, tr("Transcript saved to %1.").arg(path) } });
    });
    dialog->open();
}

void ConsolePanel::walkHistory(int step)
{
    const QStringList& lines = m_console->history().lines();
    if (lines.isEmpty())
        return;
    if (m_historyPosition < 0)
        m_historyPosition = int(lines.size());
    m_historyPosition = qBound(0, m_historyPosition + step, int(lines.size()));
    m_input->setText(m_historyPosition < lines.size() ? lines.at(m_historyPosition) : QString());
    updateHint();
}

QStringList ConsolePanel::completionsForInput() const
{
    const QString text = m_input->text().left(m_input->cursorPosition());
    QList<QByteArray> words;
    if (!RedisText::splitArguments(text, &words))
        return {};
    const bool newWord = text.isEmpty() || text.back().isSpace();
    const QString prefix = newWord || words.isEmpty() ? QString() : QString::fromUtf8(words.last());
    if (!newWord && !words.isEmpty())
        words.removeLast();
    QStringList before;
    for (const QByteArray& word : std::as_const(words))
        before.append(QString::fromUtf8(word));
    QStringList out = m_console->docs().completions(before, prefix);
    if (out.isEmpty() && !before.isEmpty() && m_keyCompletions) {
        for (const QByteArray& key : m_keyCompletions(prefix.toUtf8(), maxKeyCompletions))
            out.append(RedisText::escape(key, RedisText::Quoting::IfNeeded));
    }
    return out;
}

void ConsolePanel::complete()
{
    const QStringList options = completionsForInput();
    if (options.isEmpty())
        return;
    if (options.size() == 1) {
        insertCompletion(options.first());
        return;
    }
    m_completions->setStringList(options);
    m_completer->setCompletionPrefix(QString());
    QRect rect = m_input->caretRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + 24);
    m_completer->complete(rect);
}

void ConsolePanel::insertCompletion(const QString& completion)
{
    const QString text = m_input->text();
    const int cursor = m_input->cursorPosition();
    int start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    // A folder ("app:user:") waits for more; a command or a key is followed by a space.
    const QString tail = completion.endsWith(QLatin1Char(':')) ? QString() : QStringLiteral(" ");
    m_input->setText(text.left(start) + completion + tail + text.mid(cursor));
    m_input->setCursorPosition(int(start + completion.size() + tail.size()));
    updateHint();
}

void ConsolePanel::updateHint()
{
    const QString text = m_input->text();
    QList<QByteArray> words;
    if (text.trimmed().isEmpty() || !RedisText::splitArguments(text, &words) || words.isEmpty()) {
        m_input->setHint(QString());
        return;
    }
    // "3 INCR x": the hint is about INCR.
    bool number = false;
    words.first().toLongLong(&number);
    if (number && words.size() > 1)
        words.removeFirst();
    m_input->setHint(m_console->docs().hint(words, text.back().isSpace()));
}

void ConsolePanel::updateState()
{
    m_prompt->setText(m_console->prompt().trimmed());
    const bool busy = m_console->isStreaming() || m_console->pending() > 0;
    m_stop->setEnabled(busy);
    if (m_console->isStreaming())
        m_status->setText(tr("Streaming: Stop or Ctrl+C ends it."));
    else if (m_console->pending() > 0)
        m_status->setText(tr("%n command(s) waiting for the server", nullptr, m_console->pending()));
    else
        m_status->clear();
}

void ConsolePanel::startSearch()
{
    if (m_searchBar->isVisible()) {
        searchHistory(true);
        return;
    }
    m_searchBar->show();
    m_search->clear();
    m_searchMatch->clear();
    m_searchPosition = int(m_console->history().lines().size());
    m_search->setFocus();
}

void ConsolePanel::searchHistory(bool older)
{
    Q_UNUSED(older);
    const int found = m_console->history().searchBackward(m_search->text(), m_searchPosition);
    if (found < 0) {
        m_searchMatch->setText(tr("no match"));
        return;
    }
    m_searchPosition = found;
    m_searchMatch->setText(m_console->history().lines().at(found));
}

bool ConsolePanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            m_searchBar->hide();
            m_input->setFocus();
            return true;
        }
        if (key->key() == Qt::Key_R && key->modifiers() == Qt::ControlModifier) {
            searchHistory(true);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vermilion::ui
