#pragma once

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <QMessageBox>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <thread>

namespace vermilion::test {

// Clicks the button with this text on the next message box once it is open (opened with open()
// or exec()), and keeps its text and informative text in *seen.
inline void clickOnNextBox(const QString& text, QString* seen = nullptr)
{
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [attempt, text, seen](int triesLeft) {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            if (seen)
                *seen = box->text() + QLatin1Char('\n') + box->informativeText();
            for (QAbstractButton* button : box->buttons()) {
                if (button->text() == text)
                    button->click();
            }
            return;
        }
        if (triesLeft > 0)
            QTimer::singleShot(20, [attempt, triesLeft] { (*attempt)(triesLeft - 1); });
    };
    QTimer::singleShot(0, [attempt] { (*attempt)(250); });
}

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
    // The picture is taken here; the PNG is compressed and written on the thread pool (whose
    // destruction at exit waits for it), so that the stall watchdog does not count the encoder.
    const QImage image = widget->grab().toImage();
    QThreadPool::globalInstance()->start([image, path] { image.save(path); });
    return path;
}

// Clicks a button of the next modal message box once it is open (polling up to ~5 s), so that code
// under test can ask the user as it would in the app.
inline void answerNextMessageBox(QMessageBox::StandardButton answer, QString* seenText = nullptr)
{
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [answer, seenText, attempt](int triesLeft) {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box) {
            if (seenText)
                *seenText = box->text();
            box->button(answer)->click();
            return;
        }
        if (triesLeft > 0)
            QTimer::singleShot(20, [attempt, triesLeft] { (*attempt)(triesLeft - 1); });
    };
    QTimer::singleShot(0, [attempt] { (*attempt)(250); });
}

// The row of a model (under parent) whose first column shows name; invalid if none.
inline QModelIndex findRow(const QAbstractItemModel* model, const QString& name, const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

// Makes test data on a thread of its own while the UI thread's loop turns. The stall watchdog
// also counts the test's own code, so data too big to make between two turns of the loop (tens
// of megabytes) is made here.
template <typename Work>
auto makeOffTheUiThread(Work work) -> decltype(work())
{
    decltype(work()) result;
    QEventLoop loop;
    std::thread maker([&] {
        result = work();
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec();
    maker.join();
    return result;
}

} // namespace vermilion::test
