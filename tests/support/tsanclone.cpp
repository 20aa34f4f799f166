// Linked into every suite of the ThreadSanitizer build only (VERMILION_TSAN, scripts/tsan).
//
// QProcess (Qt 6.4, Linux) starts a child through forkfd's vforkfd(), which calls
// clone(CLONE_VM | CLONE_VFORK | CLONE_PIDFD): the child runs in the parent's memory until it execs.
// The clone() interceptor of LLVM 14's TSan runtime runs its fork bookkeeping in that child, which
// shares the parent thread's TSan state (same memory, same thread-local storage), so the parent
// then finds its state already "after fork" and the runtime aborts
// ("CHECK failed: tsan_rtl.cpp:234 ((!thr->slot)) != (0)"). Every suite that starts a redis-server
// died that way before running a single test.
//
// TSan's own vfork() interceptor answers the same problem by turning vfork into fork, and so does
// this: a vfork-style clone() goes to the runtime's interceptor without CLONE_VM and CLONE_VFORK,
// so the child gets a copy of the address space and the runtime's ordinary fork handling. Qt does
// not depend on the shared memory: without pidfd support it starts children with plain fork()
// (FFD_USE_FORK), and the child reports a failed exec through a pipe either way. The child gets a
// stack of its own (Qt's is 4 KB, a lot less than the runtime's fork handling may use); it is the
// child's private copy, so the parent frees its own right after clone() returns.
//
// The runtime defines clone() as a weak alias of __interceptor_clone; this strong definition takes
// its place in the executable, and libQt6Core's call goes through the PLT to it.
#include <sched.h>

#include <cstdarg>
#include <cstdlib>

extern "C" int __interceptor_clone(int (*fn)(void*), void* stack, int flags, void* arg, int* parentTid,
                                   void* tls, int* childTid);

extern "C" int clone(int (*fn)(void*), void* stack, int flags, void* arg, ...)
{
    // The optional arguments, read as the runtime's interceptor declares them (pointer-sized
    // registers on x86-64 whether or not the caller passed them; the kernel reads only what the
    // flags ask for).
    va_list rest;
    va_start(rest, arg);
    int* parentTid = va_arg(rest, int*);
    void* tls = va_arg(rest, void*);
    int* childTid = va_arg(rest, int*);
    va_end(rest);

    constexpr int vforkFlags = CLONE_VM | CLONE_VFORK;
    if ((flags & vforkFlags) != vforkFlags || (flags & CLONE_THREAD))
        return __interceptor_clone(fn, stack, flags, arg, parentTid, tls, childTid);

    // Without memory, Qt's own stack does: the child writes only to its private copy of it.
    constexpr std::size_t childStackSize = 1 << 20;
    void* childStack = std::malloc(childStackSize);
    const int pid = __interceptor_clone(fn, childStack ? static_cast<char*>(childStack) + childStackSize : stack,
                                        flags & ~vforkFlags, arg, parentTid, tls, childTid);
    std::free(childStack);
    return pid;
}
