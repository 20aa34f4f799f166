#pragma once

#include "valueeditor.h"

#include <functional>
#include <memory>
#include "util/jobtracker.h"

class QComboBox;
class QFileSystemWatcher;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTemporaryDir;

namespace vermilion {
class StringValue;
class ValueRenderer;
struct RenderedValue;
} // namespace vermilion

namespace vermilion::formats {
class ValueFormat;
}

namespace vermilion::ui {

class ValueFindBar;
class ValueTextView;

// A string in the format that fits it (detected; the user can pick another). Decoding, detection
// and layout run on a worker (ValueRenderer); past 200 ms a progress row with Cancel shows.
// Small editable values open in a text editor; big ones in a paged viewer (ValueTextView) with a
// find bar, editable through an external editor whose saved file is written back with the same
// conflict check. Values above the preview threshold show their first megabyte with "Load all"
// and "Save to file..."; a preview is never editable, so a save can never cut a value.
class StringEditor : public ValueEditor {
    Q_OBJECT
public:
    // How long decoding may run before the progress row appears.
    static constexpr int progressDelayMs = 200;

    StringEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);
    ~StringEditor() override;

    vermilion::StringValue* value() const { return m_value; }
    void reload() override;

    QString formatId() const;
    void setFormat(const QString& id);
    QString text() const; // what is shown (the whole document in the viewer)
    void setText(const QString& text); // as if typed (in-place editing only)
    bool isModified() const { return m_modified; }
    bool isBannerShown() const;
    QString bannerText() const;
    QString inlineMessage() const;
    QString noteText() const;
    // Whether the value can be changed: in place, or (big values) through an external editor.
    bool isEditable() const;
    bool isEditableInPlace() const { return m_inPlace && m_editable; }
    bool isRendering() const;
    bool isProgressShown() const;
    ValueTextView* viewer() const { return m_view; }
    ValueFindBar* findBar() const { return m_findBar; }

    // Encodes the text in the current format and writes it if the server still holds what was shown.
    void save();
    void loadAll();
    void saveToFile(const QString& path);
    // Opens a file in the user's editor; the desktop's default (QDesktopServices) unless replaced,
    // as tests do.
    using ExternalOpener = std::function<bool(const QString& path)>;
    static void setExternalOpener(ExternalOpener opener);

    // Writes the decoded text to a temporary file and opens it in the desktop's editor; when that
    // file changes, "Save to server" encodes it on a worker and writes it with the conflict check.
    void editExternally();
    QString externalFile() const { return m_externalPath; }
    void saveExternalEdit();

signals:
    void valueShown(); // a render finished and is on screen

private:
    void showValue();
    void showMessage(const QString& text, bool error);
    void changeFormat();
    void onLoaded();
    void onRendered(const vermilion::RenderedValue& rendered);
    void render(const QByteArray& bytes, const QString& formatId);
    void updateActions();
    void externalFileChanged();

    vermilion::StringValue* m_value;
    vermilion::ValueRenderer* m_renderer;
    QComboBox* m_format;
    QLabel* m_size;
    QPushButton* m_save;
    QPushButton* m_reload;
    QPushButton* m_editExternally;
    QFrame* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_loadAll;
    QPushButton* m_saveToFile;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QWidget* m_busyRow;
    QLabel* m_busyText;
    QFrame* m_externalRow;
    QLabel* m_externalText;
    QPushButton* m_externalSave;
    QLabel* m_message;
    QLabel* m_note;
    QStackedWidget* m_stack;
    QPlainTextEdit* m_text;
    ValueTextView* m_view;
    ValueFindBar* m_findBar;
    const formats::ValueFormat* m_shownFormat = nullptr;
    bool m_modified = false;
    bool m_editable = false;
    bool m_inPlace = false;
    bool m_settingText = false;
    bool m_detect = false; // the pending render detects the format
    bool m_carryEdit = false; // the pending render shows the user's edited text in a new format
    std::unique_ptr<QTemporaryDir> m_externalDir;
    QString m_externalPath;
    QFileSystemWatcher* m_watcher = nullptr;
    JobTracker m_externalJobs;
};

} // namespace vermilion::ui
