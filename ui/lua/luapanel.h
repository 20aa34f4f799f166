#pragma once

#include "lua/scripterror.h"

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QWidget>
#include <optional>
#include "util/jobtracker.h"

class QComboBox;
class QAction;
class QCheckBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace vermilion {
class Reply;
class Session;
namespace lua {
class FunctionLibraryModel;
class ReplyTreeModel;
class ScriptCacheModel;
class ScriptLibraryModel;
class ScriptRunner;
struct CompiledScript;
struct ScriptRequest;
struct ScriptResult;
} // namespace lua
} // namespace vermilion

namespace vermilion::ui {

class LuaEditor;

// The Lua workspace of one connection: an editor, the script's inputs (KEYS, ARGV and Carmine's
// named variables), run with EVAL or EVALSHA (FCALL for functions), the result as a tree and as
// redis-cli text with the round-trip time, errors on their line, a kill button for long scripts,
// the script library of a folder, the server's script cache and its Redis 7 function libraries.
// Layout, the library folder and the last open script are remembered in QSettings ("lua/...").
class LuaPanel : public QWidget {
    Q_OBJECT
public:
    QComboBox* keylessNodePicker() const { return m_keylessNode; }
    explicit LuaPanel(Session* session, QWidget* parent = nullptr);
    ~LuaPanel() override;

    // Asks about unsaved edits (Save / Discard / Cancel); false means the user cancelled.
    bool confirmClose();

    // What the user can do, as functions (the buttons and shortcuts call these).
    void run(); // Ctrl+Enter: EVAL (EVAL_RO on a read-only profile)
    void runCached(); // Ctrl+Shift+Enter: EVALSHA, EVAL on NOSCRIPT
    void callFunction(); // FCALL of the function selected in the functions tab
    bool save(); // Ctrl+S; asks for a name when the script has none
    bool saveAs();
    void newScript();
    bool openScript(const QString& name); // prompts about unsaved edits first
    bool openFolder(const QString& folder);
    void killScript();

    LuaEditor* editor() const { return m_editor; }
    void setScriptText(const QString& text);
    QString currentScriptName() const { return m_currentName; }
    bool isModified() const;
    // Named variables: the inputs shown for each "_:name" in the script.
    void setVariable(const QByteArray& name, bool isKey, const QString& value);
    QList<QByteArray> variableNames() const;
    void setKeys(const QStringList& keys); // redis-cli escapes allowed ("\xff")
    void setArguments(const QStringList& arguments);
    QString compiledText() const;
    QString shaText() const;

    lua::ScriptRunner* runner() const { return m_runner; }
    lua::ReplyTreeModel* resultModel() const { return m_resultModel; }
    lua::ScriptLibraryModel* library() const { return m_library; }
    lua::ScriptCacheModel* scriptCache() const { return m_cache; }
    lua::FunctionLibraryModel* functions() const { return m_functions; }
    QTreeView* resultView() const { return m_resultView; }
    QTreeView* functionView() const { return m_functionView; }
    QString rawResult() const;
    QString resultSummary() const; // command, round-trip time, fallback
    QString statusText() const;
    QPushButton* killButton() const { return m_kill; }
    QTabWidget* sidebar() const { return m_sidebar; }
    QTabWidget* bottomTabs() const { return m_bottomTabs; }

signals:
    void resultShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildToolbar();
    QWidget* buildLibraryTab();
    QWidget* buildCacheTab();
    QWidget* buildFunctionsTab();
    QWidget* buildInputsTab();
    QWidget* buildResultTab();
    QTableWidget* buildListEditor(QWidget* parent, const QString& title, QWidget** box);
    void restoreSettings();
    void saveLayout();

    void onTextChanged();
    void refreshInputs();
    void flushPendingInputs();
    void refreshVariables();
    void checkLocally();
    void applyLocalCheck(quint64 generation, const std::optional<lua::ScriptError>& error);
    lua::CompiledScript compile() const;
    QList<QByteArray> listValues(QTableWidget* table) const;
    void start(const lua::ScriptRequest& request);
    void onStarted();
    void onFinished(const lua::ScriptResult& result);
    void onKillAvailable(const QString& reason);
    void onKillFinished(bool succeeded, const QString& message);
    void showLocalError(const lua::ScriptError& error, bool moveCursor);
    void setStatus(const QString& text, bool isError = false);
    void updateTitle();
    void updateSha();
    void loadCommandNames();

    bool maybeSave(const QString& action);
    bool askName(const QString& title, const QString& initial, QString* name);
    void renameScript();
    void deleteScript();
    void chooseFolder();
    void onLibraryActivated(const QModelIndex& index);
    void onScriptChangedOnDisk(const QString& name);
    void onScriptRemovedOnDisk(const QString& name);

    void loadAllScripts();
    void flushScripts();
    void openFunctionCode();
    void loadFunctionLibrary();
    void deleteFunctionLibrary();

    Session* m_session;
    lua::ScriptRunner* m_runner;
    lua::ScriptLibraryModel* m_library;
    lua::ScriptCacheModel* m_cache;
    lua::FunctionLibraryModel* m_functions;
    lua::ReplyTreeModel* m_resultModel;

    LuaEditor* m_editor = nullptr;
    LuaEditor* m_compiledView = nullptr;
    QLabel* m_compiledInputs = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_editorSplitter = nullptr;
    QSplitter* m_resultSplitter = nullptr;
    QTabWidget* m_sidebar = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_runCached = nullptr;
    QPushButton* m_kill = nullptr;
    QLabel* m_scriptTitle = nullptr;
    QLabel* m_sha = nullptr;
    QToolButton* m_copySha = nullptr;
    QLabel* m_readOnlyBadge = nullptr;
    // Cluster: where a script without keys runs ("" = ask at each run).
    QComboBox* m_keylessNode = nullptr;
    QLabel* m_keylessLabel = nullptr;
    void updateKeylessNodes();
    // False when the user is asked first (the run starts from the menu).
    bool chooseKeylessNode(lua::ScriptRequest& request);
    QLabel* m_status = nullptr;
    QTableWidget* m_variables = nullptr;
    QTableWidget* m_keys = nullptr;
    QTableWidget* m_arguments = nullptr;
    QTreeView* m_resultView = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QLabel* m_resultInfo = nullptr;
    QListView* m_libraryView = nullptr;
    QLabel* m_folderLabel = nullptr;
    QTableView* m_cacheView = nullptr;
    QLabel* m_cacheStatus = nullptr;
    QTreeView* m_functionView = nullptr;
    QLabel* m_functionStatus = nullptr;
    QCheckBox* m_functionReadOnly = nullptr;
    QTimer* m_checkTimer = nullptr;
    QTimer* m_inputsTimer = nullptr;
    QTimer* m_elapsedTimer = nullptr;

    QString m_currentName; // empty: not saved in the library yet
    QHash<QByteArray, QPair<bool, QString>> m_rememberedVariables; // name -> (is key, value)
    bool m_updatingVariables = false;
    bool m_layoutRestored = false;
    bool m_loadingText = false;
    bool m_commandsRequested = false;
    JobTracker m_checkJobs;
    QString m_resultSummary;
    QString m_killReason;
};

} // namespace vermilion::ui
