#include "thememanager.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace vermilion::ui {

namespace {
const QString settingsKey = QStringLiteral("ui/theme");
}

ThemeManager::ThemeManager(QObject* parent)
    : QObject(parent)
    , m_systemStyle(QApplication::style()->name())
    , m_systemPalette(QApplication::palette())
{
}

void ThemeManager::restore()
{
    const QString saved = QSettings().value(settingsKey, QStringLiteral("system")).toString();
    m_mode = saved == QLatin1String("light") ? Mode::Light : saved == QLatin1String("dark") ? Mode::Dark : Mode::System;
    apply();
}

void ThemeManager::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    QSettings().setValue(settingsKey,
        mode == Mode::Light      ? QStringLiteral("light")
            : mode == Mode::Dark ? QStringLiteral("dark")
                                 : QStringLiteral("system"));
    apply();
}

void ThemeManager::apply()
{
    switch (m_mode) {
    case Mode::System:
        QApplication::setStyle(QStyleFactory::create(m_systemStyle));
        QApplication::setPalette(m_systemPalette);
        break;
    case Mode::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
    emit themeChanged();
}

bool ThemeManager::isDark()
{
    const QPalette palette = QApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QPalette ThemeManager::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf5, 0xf5, 0xf7));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x1d, 0x1f));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf0, 0xf3));
    p.setColor(QPalette::Text, QColor(0x1d, 0x1d, 0x1f));
    p.setColor(QPalette::Button, QColor(0xfa, 0xfa, 0xfc));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x1d, 0x1f));
    p.setColor(QPalette::Highlight, QColor(0xc6, 0x28, 0x28));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x8e, 0x8e, 0x93));
    p.setColor(QPalette::Link, QColor(0xb7, 0x1c, 0x1c));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xc8, 0xcc));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xa0, 0xa0, 0xa5));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xa0, 0xa0, 0xa5));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xa0, 0xa0, 0xa5));
    return p;
}

QPalette ThemeManager::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x25, 0x26, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xea));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1c, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x24, 0x29));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xea));
    p.setColor(QPalette::Button, QColor(0x2e, 0x2f, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xea));
    p.setColor(QPalette::Highlight, QColor(0xd3, 0x3f, 0x3f));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x34, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xea));
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x88));
    p.setColor(QPalette::Link, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3b, 0x42));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x34, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x44, 0x45, 0x4c));
    p.setColor(QPalette::Dark, QColor(0x15, 0x15, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x70, 0x78));
    return p;
}

} // namespace vermilion::ui
