#pragma once

#include "transfer/transferdialog.h"

#include "values/valueeditor.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace vermilion {
class KeyInfoLoader;
struct KeyInfo;
class KeyspaceLoader;
class KeyTreeModel;
class Session;
} // namespace vermilion

namespace vermilion::ui {

// The key browser of one connection: the namespace tree on the left (loaded incrementally, filtered
// on the server or locally), the selected key's header and value editor on the right.
class KeyBrowserPanel : public QWidget {
    Q_OBJECT
public:
    explicit KeyBrowserPanel(Session* session, QWidget* parent = nullptr);
    ~KeyBrowserPanel() override;

    KeyTreeModel* model() const { return m_model; }
    KeyspaceLoader* loader() const { return m_loader; }
    QTreeView* tree() const { return m_tree; }
    ValueEditor* editor() const { return m_editor; }

    // Starts a new scan with the pattern and type filter in the bar.
    void reload();
    // Opens a key by its exact name (escapes like \xff allowed), without scanning.
    void openKeyByName(const QString& typedName);
    void openKey(const QByteArray& key);
    QByteArray currentKey() const { return m_currentKey; }
    QString headerText() const;

    // Key actions, on the current tree selection (also in the context menu and on shortcuts).
    void newKey();
    void renameCurrent();
    void deleteSelected();
    void setTtlOfSelected();
    void copyName();
    void analyzeMemory();
    // Export, import or copy, scoped to the selection: a non-modal dialog, returned for tests.
    TransferDialog* openTransfer(TransferDialog::Mode mode);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildLayout();
    void buildActions();
    void onLoaderState();
    void onProgress(qint64 loaded, qint64 total);
    void onCurrentChanged();
    void showKeyHeader(const QByteArray& key, const QByteArray& type, qint64 ttlMs, qint64 size);
    void requestVisibleDetails();
    void updateTtlCountdown();
    void fillDatabases();
    void switchDatabase(int index);
    void showMessage(const QString& message, bool error = false);
    void showContextMenu(const QPoint& position);
    void bulkOnFolder(bool deleteKeys);
    QList<QByteArray> selectedKeys() const;
    QByteArray selectedFolderPrefix(bool* isFolder) const;
    void closeEditor();

    Session* m_session;
    KeyspaceLoader* m_loader;
    KeyTreeModel* m_model;
    bool m_loadedOnce = false;
    bool m_splitterPlaced = false;

    QComboBox* m_database = nullptr;
    QLineEdit* m_pattern = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_quickFilter = nullptr;
    QLineEdit* m_openKey = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_loadMore = nullptr;
    QLabel* m_message = nullptr;
    QSplitter* m_splitter = nullptr;
    QTreeView* m_tree = nullptr;
    QTimer* m_refreshTimer = nullptr;
    QTimer* m_detailsTimer = nullptr;
    QTimer* m_ttlTimer = nullptr;

    QWidget* m_keyHeader = nullptr;
    QLabel* m_keyName = nullptr;
    QLabel* m_keyType = nullptr;
    QLabel* m_keyTtl = nullptr;
    QLabel* m_keySize = nullptr;
    QStackedWidget* m_valueArea = nullptr;
    QLabel* m_placeholder = nullptr;
    QPointer<ValueEditor> m_editor;
    QByteArray m_currentKey;
    qint64 m_ttlDeadlineMs = -1; // monotonic ms, -1 = no expiry
    KeyInfoLoader* m_keyInfo = nullptr; // the opened key's header (TYPE, PTTL, MEMORY USAGE...)
    void onKeyInfo(const KeyInfo& info);
};

} // namespace vermilion::ui
