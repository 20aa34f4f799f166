#pragma once

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>
#include <utility>

namespace vermilion {

// Runs work in a thread by posting it to an object that lives as long as that thread runs: the
// application for the main thread, the thread's event dispatcher otherwise. Never post to a tool's
// own object from another thread: the owning thread may be deleting it at that very moment. The
// work checks its QPointer to the tool once it runs, in the tool's own thread.
template<typename Work> void postToThread(QThread* thread, Work&& work)
{
    QCoreApplication* application = QCoreApplication::instance();
    QObject* mailbox = application && thread == application->thread() ? static_cast<QObject*>(application)
                                                                      : QAbstractEventDispatcher::instance(thread);
    if (mailbox)
        QMetaObject::invokeMethod(mailbox, std::forward<Work>(work), Qt::QueuedConnection);
}

} // namespace vermilion
