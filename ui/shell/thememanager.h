#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

namespace vermilion::ui {

// Light, dark, or whatever the desktop uses. "System" keeps the platform's own style and palette
// (which follow the desktop's colour scheme where the platform theme supports it); Light and Dark
// use Fusion with a palette of our own. The choice is remembered in QSettings.
class ThemeManager : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    explicit ThemeManager(QObject* parent = nullptr);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // Applies the saved choice (call once after QApplication exists).
    void restore();
    // Whether what is on screen now is dark, whatever the mode (editors pick colours from this).
    static bool isDark();
    static QPalette lightPalette();
    static QPalette darkPalette();

signals:
    void themeChanged();

private:
    void apply();

    Mode m_mode = Mode::System;
    QString m_systemStyle;
    QPalette m_systemPalette;
};

} // namespace vermilion::ui
