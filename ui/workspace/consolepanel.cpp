#include "consolepanel.h"

#include "client/session.h"
#include "util/redistext.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>
#include <QVBoxLayout>

namespace vermilion::ui {

namespace {
    constexpr int maxHistory = 200;
    constexpr int maxTranscriptBlocks = 20000;
    const QString historyKey = QStringLiteral("console/history");
} // namespace

ConsolePanel::ConsolePanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_output(new QPlainTextEdit(this))
    , m_input(new QLineEdit(this))
{
    setObjectName(QStringLiteral("consolePanel"));
    auto* layout = new QVBoxLayout(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumBlockCount(maxTranscriptBlocks);
    m_output->setAccessibleName(tr("Console output"));
    m_output->setPlaceholderText(tr("Replies appear here. Up and Down walk through earlier commands."));
    layout->addWidget(m_output, 1);
    m_input->setFont(mono);
    m_input->setPlaceholderText(tr("Type a command, e.g. SCAN 0 MATCH app:* COUNT 100, and press Enter"));
    m_input->setAccessibleName(tr("Command"));
    m_input->installEventFilter(this);
    layout->addWidget(m_input);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (run(m_input->text()))
            m_input->clear();
    });
    m_history = QSettings().value(historyKey).toStringList();
    m_historyPosition = int(m_history.size());
    setFocusProxy(m_input);
}

bool ConsolePanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress && !m_history.isEmpty()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            m_historyPosition = qBound(0, m_historyPosition + (key == Qt::Key_Up ? -1 : 1), int(m_history.size()));
            m_input->setText(m_historyPosition < m_history.size() ? m_history.at(m_historyPosition) : QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ConsolePanel::confirmDangerous(const QByteArray& command)
{
    static const QList<QByteArray> dangerous { "FLUSHALL", "FLUSHDB", "SHUTDOWN", "DEBUG", "SWAPDB" };
    if (!dangerous.contains(command) || m_session->isReadOnly())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Run %1?").arg(QString::fromUtf8(command)),
        tr("%1 on %2 cannot be undone. Run it?").arg(QString::fromUtf8(command), m_session->profile().displayName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes;
}

bool ConsolePanel::run(const QString& line)
{
    QList<QByteArray> argv;
    QString error;
    if (!RedisText::splitArguments(line, &argv, &error)) {
        appendLine(line, palette().color(QPalette::Text));
        appendLine(error, QColor(0xd3, 0x2f, 0x2f));
        return false;
    }
    if (argv.isEmpty())
        return false;
    if (!confirmDangerous(argv.first().toUpper()))
        return false;
    m_history.removeAll(line);
    m_history.append(line);
    while (m_history.size() > maxHistory)
        m_history.removeFirst();
    m_historyPosition = int(m_history.size());
    QSettings().setValue(historyKey, m_history);

    const QString echo = m_session->profile().displayName() + QStringLiteral("> ") + line;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    // Blocking commands (BLPOP 0, XREAD BLOCK) wait as long as the server says; others use the
    // profile's timeout.
    CommandOptions options;
    const QByteArray name = argv.first().toUpper();
    if (name.startsWith("BL") || name.startsWith("BR") || name == "BZPOPMIN" || name == "BZPOPMAX"
        || name == "XREAD" || name == "XREADGROUP" || name == "WAIT")
        options.timeoutMs = 0;
    m_session->execute(
        argv, this,
        [this, echo, clock](const Reply& reply) { showReply(echo, reply, double(clock->nsecsElapsed()) / 1e6); },
        Session::Role::Interactive, options);
    return true;
}

void ConsolePanel::showReply(const QString& echo, const Reply& reply, double milliseconds)
{
    QColor echoColor = palette().color(QPalette::Text);
    echoColor.setAlphaF(0.6f);
    appendLine(echo + QStringLiteral("    (%1 ms)").arg(milliseconds, 0, 'f', 2), echoColor);
    Reply::DisplayLimits limits;
    limits.maxStringBytes = 16 * 1024;
    limits.maxElements = 2000;
    appendLine(reply.toDisplayString(limits), reply.isError() ? QColor(0xd3, 0x2f, 0x2f) : palette().color(QPalette::Text));
}

void ConsolePanel::appendLine(const QString& text, const QColor& color)
{
    QTextCharFormat format;
    format.setForeground(color);
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_output->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(text, format);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

QString ConsolePanel::transcript() const { return m_output->toPlainText(); }

} // namespace vermilion::ui
