#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;

namespace vermilion {
class ValueRenderer;
struct RenderedValue;
} // namespace vermilion

namespace vermilion::ui {

class ValueFindBar;
class ValueTextView;

// The selected cell's whole value, read-only, in a format from the FormatRegistry (detected for
// each new value; the user can pick another). Decoded on a worker and shown in the paged viewer,
// so a 5 MB hash field selects as quickly as a short one.
class ValueDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit ValueDetailPane(QWidget* parent = nullptr);

    void setValue(const QByteArray& bytes);
    void clear();
    QString formatId() const;
    QString text() const;
    bool isRendering() const;

signals:
    void valueShown();

private:
    void render(bool detect);
    void onRendered(const vermilion::RenderedValue& rendered);

    QComboBox* m_format;
    QLabel* m_size;
    QLabel* m_note;
    ValueTextView* m_view;
    ValueFindBar* m_findBar;
    vermilion::ValueRenderer* m_renderer;
    QByteArray m_bytes;
    bool m_hasValue = false;
};

} // namespace vermilion::ui
