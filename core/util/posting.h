#pragma once

#include "util/tsan.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>
#include <QHash>
#include <QPointer>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

namespace vermilion {

namespace detail {
// A queued call whose hand-over ThreadSanitizer can see (util/tsan.h): the sender releases the
// receiving thread before it posts, the call acquires its own thread before it runs the work. The
// slot object Qt allocates and fills for the call is built while accesses are ignored: only the
// receiving thread touches it from then on, and everything the work refers to was released before.
// The work is let go in the receiving thread as soon as it has run: Qt frees the slot object in
// whichever thread drops the last of its references, the sender's included, and what the work
// captured (a shared_ptr the sender also holds, say) must not be released there unordered.
template<typename Work> void queueCall(QObject* target, QThread* thread, Work&& work)
{
    tsan::release(thread);
    const tsan::IgnoreAccesses plumbing;
    QMetaObject::invokeMethod(
        target,
        [work = std::optional<std::decay_t<Work>>(std::forward<Work>(work))]() mutable {
            tsan::acquire(QThread::currentThread());
            (*work)();
            work.reset();
        },
        Qt::QueuedConnection);
}
} // namespace detail

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
        detail::queueCall(mailbox, thread, std::forward<Work>(work));
}

// Runs work on the global thread pool. The pool's queue is locked inside libQt6Core, so the
// hand-over is made visible as for a queued call (see detail::queueCall), and what the work
// captured is let go in the pool's thread as soon as it has run.
template<typename Work> void runInPool(Work&& work)
{
    QThreadPool* pool = QThreadPool::globalInstance();
    tsan::release(pool);
    const tsan::IgnoreAccesses plumbing;
    pool->start([work = std::optional<std::decay_t<Work>>(std::forward<Work>(work))]() mutable {
        tsan::acquire(QThreadPool::globalInstance());
        (*work)();
        work.reset();
    });
}

// Runs work on the global thread pool, then done(its result) in owner's thread, if owner still
// lives then. What work captured (a reply, say) is let go in the pool, so a big one is freed there;
// the owner checks for itself whether the result is still wanted (its JobTracker ticket).
template<typename Owner, typename Work, typename Done> void runInPoolFor(Owner* owner, Work&& work, Done&& done)
{
    runInPool([owner = QPointer<Owner>(owner), thread = owner->thread(), work = std::forward<Work>(work),
                  done = std::forward<Done>(done)]() mutable {
        postToThread(thread, [owner, done = std::move(done), result = work()]() mutable {
            if (owner)
                done(std::move(result));
        });
    });
}

// Runs work in target's thread, after the events queued there before it. Only for an object that
// surely outlives the call, such as a connection's worker, which its Connection owns and deletes
// only once its thread is done; anything else goes through postToThread.
template<typename Work> void postToObject(QObject* target, Work&& work)
{
    detail::queueCall(target, target->thread(), std::forward<Work>(work));
}

// Whether a thread still takes posted calls, for replies that may outlive it: a job's thread can
// finish, and its QThread be deleted, while a command it sent still waits on a link that is
// reconnecting. The lifeline is taken where the reply's context surely lives (when the command is
// sent); posting through it after the thread finished drops the call instead of touching a deleted
// QThread. The dropped work is destroyed in the posting thread: the context's thread is gone.
class ThreadLifeline {
public:
    // The lifeline of thread (a running thread, or the main thread). Cheap when asked again from
    // the same calling thread for the same thread.
    static std::shared_ptr<ThreadLifeline> of(QThread* thread)
    {
        thread_local std::shared_ptr<ThreadLifeline> cached;
        if (cached && cached->m_thread.load() == thread && thread)
            return cached;
        cached = lookUp(thread);
        return cached;
    }

    template<typename Work> void post(Work&& work)
    {
        std::lock_guard lock(m_mutex);
        if (QThread* thread = m_thread.load())
            postToThread(thread, std::forward<Work>(work));
    }

    explicit ThreadLifeline(QThread* thread)
        : m_thread(thread)
    {
    }

private:
    struct Registry {
        std::mutex mutex;
        QHash<QThread*, std::weak_ptr<ThreadLifeline>> lifelines;
    };
    static Registry& registry()
    {
        static Registry* instance = new Registry; // never destroyed: threads may finish at exit
        return *instance;
    }
    static std::shared_ptr<ThreadLifeline> lookUp(QThread* thread)
    {
        Registry& reg = registry();
        std::lock_guard lock(reg.mutex);
        if (std::shared_ptr<ThreadLifeline> known = reg.lifelines.value(thread).lock())
            return known;
        auto lifeline = std::make_shared<ThreadLifeline>(thread);
        reg.lifelines.insert(thread, lifeline);
        // Emitted in the thread itself as it finishes, before its event dispatcher goes, and
        // before its QThread can be deleted: from then on nothing is posted to it.
        std::weak_ptr<ThreadLifeline> weak = lifeline;
        QObject::connect(thread, &QThread::finished, thread, [weak, thread] {
            if (std::shared_ptr<ThreadLifeline> ending = weak.lock()) {
                std::lock_guard endLock(ending->m_mutex);
                ending->m_thread.store(nullptr);
            }
            Registry& reg = registry();
            std::lock_guard regLock(reg.mutex);
            auto it = reg.lifelines.find(thread);
            if (it != reg.lifelines.end() && (it.value().expired() || it.value().lock() == weak.lock()))
                reg.lifelines.erase(it);
        }, Qt::DirectConnection);
        return lifeline;
    }

    std::mutex m_mutex; // held while posting, and while the thread says it finished
    std::atomic<QThread*> m_thread;
};

} // namespace vermilion
