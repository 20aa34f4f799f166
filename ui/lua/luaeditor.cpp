#include "luaeditor.h"

#include "shell/thememanager.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QRegularExpression>
#include <Qsci/qsciapis.h>
#include <Qsci/qscilexerlua.h>

namespace vermilion::ui {

namespace {
constexpr int commandListId = 1;
constexpr int memberListId = 2;
constexpr int errorAnnotationStyle = 100; // past the lexer's styles

struct Palette {
    QColor paper, text, comment, number, keyword, string, operatorColor, function, library, margin, marginText,
        caretLine, selection, brace, badBrace, errorLine, errorText, errorPaper, fold;
};

Palette paletteFor(bool dark)
{
    if (dark) {
        return { QColor(0x1e, 0x1f, 0x22), QColor(0xd4, 0xd7, 0xdc), QColor(0x7f, 0x8c, 0x8d), QColor(0xd1, 0x9a, 0x66),
            QColor(0xc6, 0x78, 0xdd), QColor(0x98, 0xc3, 0x79), QColor(0xab, 0xb2, 0xbf), QColor(0x61, 0xaf, 0xef),
            QColor(0x56, 0xb6, 0xc2), QColor(0x26, 0x28, 0x2c), QColor(0x7a, 0x80, 0x8a), QColor(0x2a, 0x2c, 0x31),
            QColor(0x3e, 0x44, 0x51), QColor(0x4b, 0x6e, 0x4b), QColor(0x8b, 0x2e, 0x2e), QColor(0x4a, 0x22, 0x24),
            QColor(0xff, 0xb4, 0xb4), QColor(0x3a, 0x1f, 0x21), QColor(0x2c, 0x2e, 0x33) };
    }
    return { QColor(0xff, 0xff, 0xff), QColor(0x1f, 0x23, 0x28), QColor(0x6a, 0x73, 0x7d), QColor(0x00, 0x5c, 0xc5),
        QColor(0xa6, 0x26, 0xa4), QColor(0x0a, 0x7a, 0x3e), QColor(0x38, 0x3a, 0x42), QColor(0x40, 0x78, 0xf2),
        QColor(0x0e, 0x7c, 0x86), QColor(0xf3, 0xf4, 0xf6), QColor(0x8a, 0x91, 0x99), QColor(0xf6, 0xf8, 0xfa),
        QColor(0xc8, 0xdd, 0xfb), QColor(0xc9, 0xf0, 0xc9), QColor(0xff, 0xc9, 0xc9), QColor(0xfd, 0xe7, 0xe9),
        QColor(0xa3, 0x11, 0x1a), QColor(0xfd, 0xed, 0xee), QColor(0xf3, 0xf4, 0xf6) };
}

QString lowerCommand(const QString& name)
{
    return name.toLower();
}
} // namespace

QStringList LuaEditor::apiWords()
{
    // Whole entries complete from their first letters ("red" offers redis.call...); members are
    // listed after "redis." by onCharAdded.
    return {
        QStringLiteral("redis.call(command, ...)"),
        QStringLiteral("redis.pcall(command, ...)"),
        QStringLiteral("redis.error_reply(message)"),
        QStringLiteral("redis.status_reply(message)"),
        QStringLiteral("redis.sha1hex(text)"),
        QStringLiteral("redis.log(level, message)"),
        QStringLiteral("redis.LOG_DEBUG"),
        QStringLiteral("redis.LOG_VERBOSE"),
        QStringLiteral("redis.LOG_NOTICE"),
        QStringLiteral("redis.LOG_WARNING"),
        QStringLiteral("redis.setresp(version)"),
        QStringLiteral("redis.set_repl(mode)"),
        QStringLiteral("redis.REPL_ALL"),
        QStringLiteral("redis.REPL_AOF"),
        QStringLiteral("redis.REPL_REPLICA"),
        QStringLiteral("redis.REPL_SLAVE"),
        QStringLiteral("redis.REPL_NONE"),
        QStringLiteral("redis.replicate_commands()"),
        QStringLiteral("redis.breakpoint()"),
        QStringLiteral("redis.debug(...)"),
        QStringLiteral("redis.acl_check_cmd(command, ...)"),
        QStringLiteral("redis.register_function(name, callback)"),
        QStringLiteral("redis.REDIS_VERSION"),
        QStringLiteral("redis.REDIS_VERSION_NUM"),
        QStringLiteral("KEYS"),
        QStringLiteral("ARGV"),
        QStringLiteral("cjson.encode(value)"),
        QStringLiteral("cjson.decode(text)"),
        QStringLiteral("cjson.decode_array_with_array_mt(text)"),
        QStringLiteral("cmsgpack.pack(...)"),
        QStringLiteral("cmsgpack.unpack(bytes)"),
        QStringLiteral("bit.band(a, b)"),
        QStringLiteral("bit.bor(a, b)"),
        QStringLiteral("bit.bxor(a, b)"),
        QStringLiteral("bit.bnot(a)"),
        QStringLiteral("bit.lshift(a, n)"),
        QStringLiteral("bit.rshift(a, n)"),
        QStringLiteral("bit.arshift(a, n)"),
        QStringLiteral("bit.tohex(a, n)"),
        QStringLiteral("bit.tobit(a)"),
        QStringLiteral("struct.pack(format, ...)"),
        QStringLiteral("struct.unpack(format, bytes)"),
        QStringLiteral("struct.size(format)"),
    };
}

LuaEditor::LuaEditor(QWidget* parent)
    : QsciScintilla(parent)
    , m_lexer(new QsciLexerLua(this))
    , m_apis(new QsciAPIs(m_lexer))
{
    setUtf8(true);
    setLexer(m_lexer);
    for (const QString& word : apiWords())
        m_apis->add(word);
    m_apis->prepare();

    setTabWidth(4);
    setIndentationsUseTabs(false);
    setIndentationGuides(true);
    setAutoIndent(true);
    setBackspaceUnindents(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setCaretLineVisible(true);
    setEolMode(QsciScintilla::EolUnix);
    // The horizontal scroll bar follows the longest line instead of a fixed 2000 pixels.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);

    // Margin 0: line numbers; margin 1: error symbol; margin 2: folding.
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 16);
    m_errorMarker = markerDefine(QsciScintilla::Circle, 0);
    m_errorLineMarker = markerDefine(QsciScintilla::Background, 1);
    setMarginMarkerMask(1, 1 << m_errorMarker);
    setMarginMarkerMask(0, 0);
    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    m_errorStyle = errorAnnotationStyle;

    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(3);
    setAutoCompletionCaseSensitivity(true);
    setAutoCompletionReplaceWord(false);
    setCallTipsStyle(QsciScintilla::CallTipsNoContext);

    connect(this, &QsciScintilla::SCN_CHARADDED, this, &LuaEditor::onCharAdded);
    connect(this, &QsciScintilla::userListActivated, this, &LuaEditor::onUserListActivated);
    applyTheme();
}

LuaEditor::~LuaEditor() = default;

void LuaEditor::setCommandNames(const QStringList& names)
{
    QStringList lower;
    lower.reserve(names.size());
    for (const QString& name : names)
        lower.append(lowerCommand(name));
    lower.sort();
    lower.removeDuplicates();
    m_commandNames = lower;
}

void LuaEditor::applyTheme()
{
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    m_dark = ThemeManager::isDark();
    const Palette colors = paletteFor(m_dark);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_lexer->setDefaultPaper(colors.paper);
    m_lexer->setDefaultColor(colors.text);
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);
    m_lexer->setPaper(colors.paper, -1);
    m_lexer->setColor(colors.text, -1);
    m_lexer->setColor(colors.comment, QsciLexerLua::Comment);
    m_lexer->setColor(colors.comment, QsciLexerLua::LineComment);
    m_lexer->setColor(colors.number, QsciLexerLua::Number);
    m_lexer->setColor(colors.keyword, QsciLexerLua::Keyword);
    m_lexer->setColor(colors.string, QsciLexerLua::String);
    m_lexer->setColor(colors.string, QsciLexerLua::Character);
    m_lexer->setColor(colors.string, QsciLexerLua::LiteralString);
    m_lexer->setColor(colors.text, QsciLexerLua::Preprocessor);
    m_lexer->setColor(colors.operatorColor, QsciLexerLua::Operator);
    m_lexer->setColor(colors.text, QsciLexerLua::Identifier);
    m_lexer->setColor(colors.errorText, QsciLexerLua::UnclosedString);
    m_lexer->setPaper(colors.errorPaper, QsciLexerLua::UnclosedString);
    m_lexer->setColor(colors.function, QsciLexerLua::BasicFunctions);
    m_lexer->setColor(colors.library, QsciLexerLua::StringTableMathsFunctions);
    m_lexer->setColor(colors.library, QsciLexerLua::CoroutinesIOSystemFacilities);
    m_lexer->setColor(colors.keyword, QsciLexerLua::Label);
    QFont bold = font;
    bold.setBold(true);
    m_lexer->setFont(bold, QsciLexerLua::Keyword);

    setPaper(colors.paper);
    setColor(colors.text);
    setMarginsBackgroundColor(colors.margin);
    setMarginsForegroundColor(colors.marginText);
    setMarginsFont(font);
    setFoldMarginColors(colors.fold, colors.fold);
    setCaretForegroundColor(colors.text);
    setCaretLineBackgroundColor(colors.caretLine);
    setSelectionBackgroundColor(colors.selection);
    setSelectionForegroundColor(colors.text);
    setMatchedBraceBackgroundColor(colors.brace);
    setMatchedBraceForegroundColor(colors.text);
    setUnmatchedBraceBackgroundColor(colors.badBrace);
    setUnmatchedBraceForegroundColor(colors.text);
    setIndentationGuidesForegroundColor(colors.marginText);
    setIndentationGuidesBackgroundColor(colors.paper);
    setMarkerBackgroundColor(QColor(0xd7, 0x3a, 0x49), m_errorMarker);
    setMarkerForegroundColor(QColor(0xd7, 0x3a, 0x49), m_errorMarker);
    setMarkerBackgroundColor(colors.errorLine, m_errorLineMarker);

    // The annotation style: error text on a tinted paper, in the editor's font.
    SendScintilla(SCI_STYLESETFORE, m_errorStyle, colors.errorText);
    SendScintilla(SCI_STYLESETBACK, m_errorStyle, colors.errorPaper);
    SendScintilla(SCI_STYLESETFONT, m_errorStyle, font.family().toUtf8().constData());
    SendScintilla(SCI_STYLESETSIZE, m_errorStyle, qMax(6, font.pointSize()));
    if (m_errorLine > 0)
        showError(m_errorLine, m_errorText, false);
    m_applyingTheme = false;
}

void LuaEditor::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
        || event->type() == QEvent::StyleChange) {
        if (ThemeManager::isDark() != m_dark)
            applyTheme();
    }
}

void LuaEditor::showError(int line, const QString& message, bool moveCursor)
{
    clearError();
    if (line < 1)
        return;
    const int index = qMin(line, qMax(1, lines())) - 1;
    m_errorLine = line;
    m_errorText = message;
    markerAdd(index, m_errorMarker);
    markerAdd(index, m_errorLineMarker);
    annotate(index, message, m_errorStyle);
    if (moveCursor) {
        // Already on that line (typing there): leave the cursor where the user is.
        int cursorLine = 0;
        int cursorIndex = 0;
        getCursorPosition(&cursorLine, &cursorIndex);
        if (cursorLine != index)
            setCursorPosition(index, 0);
        ensureLineVisible(index);
    }
}

void LuaEditor::clearError()
{
    markerDeleteAll(m_errorMarker);
    markerDeleteAll(m_errorLineMarker);
    clearAnnotations();
    m_errorLine = 0;
    m_errorText.clear();
}

QByteArray LuaEditor::lineBeforeCursor() const
{
    const long position = SendScintilla(SCI_GETCURRENTPOS);
    const long line = SendScintilla(SCI_LINEFROMPOSITION, position);
    const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, line);
    // Scintilla positions count bytes of the UTF-8 text.
    return text(int(line)).toUtf8().left(qsizetype(position - lineStart));
}

QString LuaEditor::commandPrefixAtCursor() const
{
    static const QRegularExpression call(QStringLiteral(R"(redis\s*\.\s*p?call\s*\(\s*['"]([A-Za-z_|-]*)$)"));
    const QRegularExpressionMatch match = call.match(QString::fromUtf8(lineBeforeCursor()));
    if (!match.hasMatch())
        return {}; // null: not inside redis.call('...')
    const QString prefix = match.captured(1);
    return prefix.isEmpty() ? QStringLiteral("") : prefix;
}

void LuaEditor::onCharAdded(int character)
{
    const bool quote = character == '\'' || character == '"';
    const bool word
        = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || character == '_';
    // The closing quote (or anything that cannot be part of a name) ends the command list, so that
    // Enter afterwards is a new line and not a choice.
    if (m_commandListShown && !word && isListActive()) {
        cancelList();
        m_commandListShown = false;
        return;
    }
    if (!quote && !word && character != '.')
        return;
    // "redis." (and cjson., cmsgpack., bit., struct.) lists the library's members. QsciAPIs does not
    // split its entries at "." for the Lua lexer, so this is done here.
    if (!quote) {
        static const QRegularExpression member(
            QStringLiteral(R"((?:^|[^A-Za-z0-9_.])(redis|cjson|cmsgpack|bit|struct)\.([A-Za-z0-9_]*)$)"));
        const QRegularExpressionMatch match = member.match(QString::fromUtf8(lineBeforeCursor()));
        if (match.hasMatch()) {
            const QString library = match.captured(1);
            const QString prefix = match.captured(2);
            QStringList candidates;
            for (const QString& entry : apiWords()) {
                if (!entry.startsWith(library + QLatin1Char('.')))
                    continue;
                QString name = entry.mid(library.size() + 1);
                name = name.left(name.indexOf(QLatin1Char('(')) < 0 ? name.size() : name.indexOf(QLatin1Char('(')));
                if (name.startsWith(prefix) && name != prefix)
                    candidates.append(name);
            }
            if (!candidates.isEmpty()) {
                if (isListActive())
                    cancelList();
                showUserList(memberListId, candidates);
                m_commandListShown = true;
            }
            return;
        }
    }
    if (m_commandNames.isEmpty() || !(quote || word))
        return;
    const QString inside = commandPrefixAtCursor();
    if (inside.isNull())
        return;
    const QString prefix = inside.toLower();
    QStringList candidates;
    for (const QString& name : std::as_const(m_commandNames)) {
        if (name.startsWith(prefix))
            candidates.append(name);
    }
    if (candidates.isEmpty())
        return;
    // Our list replaces the word completion Scintilla may have opened for the same keystroke.
    if (isListActive())
        cancelList();
    showUserList(commandListId, candidates);
    m_commandListShown = true;
}

void LuaEditor::onUserListActivated(int id, const QString& chosen)
{
    if (id != commandListId && id != memberListId)
        return;
    m_commandListShown = false;
    const QByteArray before = lineBeforeCursor();
    qsizetype start = before.size();
    while (start > 0) {
        const char c = before.at(start - 1);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '|' || c == '-'))
            break;
        --start;
    }
    // Select the typed prefix (byte positions) and put the chosen name in its place.
    const long position = SendScintilla(SCI_GETCURRENTPOS);
    SendScintilla(SCI_SETSEL, position - long(before.size() - start), position);
    replaceSelectedText(chosen);
}

} // namespace vermilion::ui
