#pragma once

#include "valueeditor.h"

class QComboBox;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace vermilion {
class StringValue;
}

namespace vermilion::formats {
class ValueFormat;
}

namespace vermilion::ui {

// A string in the format that fits it (detected; the user can pick another), editable where the
// format can encode back. Values above the threshold show a preview with "Load all" and
// "Save to file..."; a preview is never editable, so a save can never cut a value.
class StringEditor : public ValueEditor {
    Q_OBJECT
public:
    StringEditor(vermilion::Session* session, const QByteArray& key, QWidget* parent = nullptr);

    vermilion::StringValue* value() const { return m_value; }
    void reload() override;

    QString formatId() const;
    void setFormat(const QString& id);
    QString text() const;
    void setText(const QString& text); // as if typed
    bool isModified() const { return m_modified; }
    bool isBannerShown() const;
    QString bannerText() const;
    QString inlineMessage() const;
    bool isEditable() const;

    // Encodes the text in the current format and writes it if the server still holds what was shown.
    void save();
    void loadAll();
    void saveToFile(const QString& path);

private:
    void showValue();
    void showMessage(const QString& text, bool error);
    void changeFormat();
    void onLoaded();

    vermilion::StringValue* m_value;
    QComboBox* m_format;
    QLabel* m_size;
    QPushButton* m_save;
    QPushButton* m_reload;
    QFrame* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_loadAll;
    QPushButton* m_saveToFile;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_message;
    QPlainTextEdit* m_text;
    const formats::ValueFormat* m_shownFormat = nullptr;
    bool m_modified = false;
    bool m_editable = false;
    bool m_settingText = false;
};

} // namespace vermilion::ui
