#pragma once

#include <QStringList>
#include <Qsci/qsciscintilla.h>

class QsciAPIs;
class QsciLexerLua;

namespace vermilion::ui {

// A Lua editor for Redis scripts: QScintilla with the Lua lexer, line numbers, folding, brace
// matching, auto-indent, colours that follow the application's light or dark palette, completion
// of the redis.* API (and Redis's Lua libraries), and of command names inside redis.call('...') /
// redis.pcall('...') from the server's own COMMAND list. Errors are shown on their line with a
// margin marker, a tinted line and an annotation under it.
class LuaEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit LuaEditor(QWidget* parent = nullptr);
    ~LuaEditor() override;

    // Command names (lower case) offered inside redis.call('...').
    void setCommandNames(const QStringList& names);
    QStringList commandNames() const { return m_commandNames; }
    // The words completion offers for the redis.* API and Redis's Lua libraries.
    static QStringList apiWords();

    // Marks a 1-based line as the place of an error; moves the cursor there when asked.
    void showError(int line, const QString& message, bool moveCursor);
    void clearError();
    int errorLine() const { return m_errorLine; }
    QString errorText() const { return m_errorText; }

    // Re-reads the palette (called on palette changes by itself).
    void applyTheme();
    bool isDarkTheme() const { return m_dark; }

    // What to complete at the cursor right now, for tests: the command prefix inside
    // redis.call('...'), or an empty string when the cursor is not inside one.
    QString commandPrefixAtCursor() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QByteArray lineBeforeCursor() const;
    void onCharAdded(int character);
    void onUserListActivated(int id, const QString& text);

    QsciLexerLua* m_lexer;
    QsciAPIs* m_apis;
    QStringList m_commandNames;
    int m_errorMarker = 0;
    int m_errorLineMarker = 1;
    int m_errorStyle = 0;
    int m_errorLine = 0;
    QString m_errorText;
    bool m_dark = false;
    bool m_applyingTheme = false;
    bool m_commandListShown = false;
};

} // namespace vermilion::ui
