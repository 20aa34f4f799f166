#pragma once

#include <QThread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace vermilion {

// Makes the calling thread yield the CPU to the UI thread when cores are short: long background
// work (building the key tree, reading a whole keyspace) runs at a lower priority, so the window
// keeps its frames on a busy machine. On Linux a thread is a task with a nice value of its own
// (setpriority on the thread id); QThread::setPriority has no effect under the default scheduler.
inline void lowerCurrentThreadPriority(int niceness = 5)
{
#if defined(Q_OS_LINUX)
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, tid);
    ::setpriority(PRIO_PROCESS, tid, current + niceness);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
    Q_UNUSED(niceness);
#endif
}

} // namespace vermilion
