#pragma once

// ThreadSanitizer annotations for hand-overs that go through Qt (the TSan build of scripts/tsan;
// everywhere else they compile to nothing).
//
// Qt from Debian is not built with TSan, so the synchronisation inside libQt6Core is invisible to
// it: the posted-event queue behind a queued call, QThreadPool's queue, a QFuture's result store,
// QSemaphore, QThread::wait. Data one thread hands to another through Qt then looks like a race,
// and the queued call's own allocation (the slot object Qt's templates build in the sender and the
// receiver reads and frees) does too. Our code makes such a hand-over visible instead of
// suppressing it: the sender releases a key before it posts, the receiver acquires the same key
// before it touches anything that was sent. That is exactly the ordering Qt's queue gives (its
// mutex is taken by the sender after the data is written and by the receiver before it is read),
// so it hides no race that the program really has. Races between our own threads, through memory
// that Qt does not hand over, stay visible.
//
// For the same reason our own locks are std::mutex and std::recursive_mutex (pthread, which TSan
// intercepts), held through QMutexLocker: QMutex takes its fast path inline, but a contended lock
// waits on a futex inside libQt6Core, and the order it gives is then invisible (a router's
// destructor and a reply callback, each under the same QRecursiveMutex, were reported as a race).

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define VERMILION_UNDER_TSAN 1
#endif
#endif
#if !defined(VERMILION_UNDER_TSAN) && defined(__SANITIZE_THREAD__)
#define VERMILION_UNDER_TSAN 1
#endif

#ifdef VERMILION_UNDER_TSAN
#include <sanitizer/tsan_interface.h>
extern "C" void AnnotateIgnoreWritesBegin(const char* file, int line);
extern "C" void AnnotateIgnoreWritesEnd(const char* file, int line);
#endif

namespace vermilion::tsan {

#ifdef VERMILION_UNDER_TSAN
// Everything this thread did so far happens before whatever a later acquire(key) is followed by.
inline void release(const void* key)
{
    if (key)
        __tsan_release(const_cast<void*>(key));
}
inline void acquire(const void* key)
{
    if (key)
        __tsan_acquire(const_cast<void*>(key));
}
// While it lives, this thread's memory accesses are not recorded (the runtime ignores reads and
// writes alike; synchronisation still counts). Only around Qt's own plumbing of a hand-over whose
// data was released before it: the slot object a queued call allocates and fills, which only the
// receiving thread touches afterwards.
class IgnoreAccesses {
public:
    IgnoreAccesses() { AnnotateIgnoreWritesBegin(__FILE__, __LINE__); }
    ~IgnoreAccesses() { AnnotateIgnoreWritesEnd(__FILE__, __LINE__); }
    IgnoreAccesses(const IgnoreAccesses&) = delete;
    IgnoreAccesses& operator=(const IgnoreAccesses&) = delete;
};
#else
inline void release(const void*) { }
inline void acquire(const void*) { }
class IgnoreAccesses {
public:
    IgnoreAccesses() { }
    IgnoreAccesses(const IgnoreAccesses&) = delete;
    IgnoreAccesses& operator=(const IgnoreAccesses&) = delete;
};
#endif

} // namespace vermilion::tsan
