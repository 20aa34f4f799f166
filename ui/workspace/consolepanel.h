#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;

namespace vermilion {
class Session;
class Reply;
}

namespace vermilion::ui {

// A redis-cli-like console: type a command, read the reply. Arguments split and escape as in
// redis-cli, so binary keys can be typed ("\xff"). Runs on the interactive connection; read-only
// profiles refuse writes in core before anything is sent.
class ConsolePanel : public QWidget {
    Q_OBJECT
public:
    explicit ConsolePanel(Session* session, QWidget* parent = nullptr);

    // Runs a command line as if typed (returns false if it did not parse or was not confirmed).
    bool run(const QString& line);
    QString transcript() const;
    QLineEdit* input() const { return m_input; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void appendLine(const QString& text, const QColor& color);
    void showReply(const QString& echo, const Reply& reply, double milliseconds);
    bool confirmDangerous(const QByteArray& command);

    Session* m_session;
    QPlainTextEdit* m_output;
    QLineEdit* m_input;
    QStringList m_history;
    int m_historyPosition = 0;
};

} // namespace vermilion::ui
