#pragma once

#include "console/consolesession.h"

#include <QByteArrayView>
#include <QList>
#include <QWidget>

#include <functional>

class QComboBox;
class QCheckBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QTimer;

namespace vermilion {
class Session;
}

namespace vermilion::ui {

class ConsoleInput;

// A redis-cli console on a link of its own (ConsoleSession): the prompt says host:port[db], (TX) and
// the user; SELECT, MULTI, AUTH and streams stay in the console. Completion and argument hints come
// from the server's COMMAND DOCS and the key tree; a paste of many lines runs as one pipeline; output
// is added in slices so that ten thousand replies never stall the window.
class ConsolePanel : public QWidget {
    Q_OBJECT
public:
    using KeyCompletions = std::function<QList<QByteArray>(QByteArrayView prefix, qsizetype limit)>;

    explicit ConsolePanel(Session* session, QWidget* parent = nullptr);

    // Runs a line as if typed and Enter pressed. False if it does not parse; a destructive command
    // asks first (the answer runs it or not).
    bool run(const QString& line);
    // A paste, as Ctrl+V would do it.
    void paste(const QString& text);
    QString transcript() const;
    // Everything queued for the transcript is on screen.
    bool isOutputIdle() const;
    bool exportTranscript(const QString& path, QString* error = nullptr) const;
    void setKeyCompletions(KeyCompletions completions) { m_keyCompletions = std::move(completions); }
    void setRawOutput(bool raw);

    ConsoleInput* input() const { return m_input; }
    ConsoleSession* console() const { return m_console; }
    // What Tab would offer for the current text (for tests and the completer).
    QStringList completionsForInput() const;

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onOutput(const QList<ConsoleSession::Entry>& entries);
    void appendSlice();
    void submit();
    void runPasted(const QStringList& lines);
    void walkHistory(int step);
    void complete();
    void insertCompletion(const QString& completion);
    void updateHint();
    void updateState();
    void updateTargets();
    void startSearch();
    void searchHistory(bool older);
    void askToExport();
    void askBeforeRunning(const QString& question, std::function<void()> run);

    Session* m_session;
    ConsoleSession* m_console;
    QPlainTextEdit* m_output;
    QLabel* m_prompt;
    ConsoleInput* m_input;
    QCheckBox* m_raw;
    QComboBox* m_target = nullptr;
    QPushButton* m_stop;
    QLabel* m_status;
    QWidget* m_searchBar;
    QLineEdit* m_search;
    QLabel* m_searchMatch;
    QCompleter* m_completer;
    QStringListModel* m_completions;
    QTimer* m_appendTimer;
    QList<ConsoleSession::Entry> m_queue;
    qsizetype m_queueHead = 0;
    int m_historyPosition = -1;
    int m_searchPosition = -1;
    KeyCompletions m_keyCompletions;
};

} // namespace vermilion::ui
