#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QWidget>

namespace vermilion::test {

// Saves a screenshot of a widget under $VERMILION_TEST_OUTPUT (or the temp dir) and returns the path.
inline QString saveScreenshot(QWidget* widget, const QString& name)
{
    QString directory = qEnvironmentVariable("VERMILION_TEST_OUTPUT");
    if (directory.isEmpty())
        directory = QDir::tempPath() + QStringLiteral("/vermilion-screenshots");
    QDir().mkpath(directory);
    // Deliver pending palette, style and layout changes before taking the picture.
    QCoreApplication::processEvents();
    const QString path = QDir(directory).filePath(name + QStringLiteral(".png"));
    widget->grab().save(path);
    return path;
}

} // namespace vermilion::test
