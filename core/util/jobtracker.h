#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <utility>

namespace vermilion {

// Drops the results of jobs a newer one has replaced: a refresh started while another is on its
// way, a key opened while the previous one still loads, a link replaced while its replies arrive.
// Every tool asks it the same question in the same way:
//
//   const JobTracker::Ticket ticket = m_jobs.next();            // older tickets are stale now
//   m_session->execute(argv, this, [this, ticket](const Reply& reply) {
//       if (m_jobs.isStale(ticket))
//           return;
//       ...
//   });
//
// or, for a callback that only needs the check, m_jobs.guard([this](const Reply& reply) { ... }).
// cancel() makes every ticket stale (stop, clear). Owned by one thread, like the QObject holding it;
// a guarded callback that outlives the tracker is dropped too. Modelled on hotspot's JobTracker.
class JobTracker {
public:
    using Ticket = quint64;

    JobTracker()
        : m_current(std::make_shared<Ticket>(0))
    {
    }
    JobTracker(const JobTracker&) = delete;
    JobTracker& operator=(const JobTracker&) = delete;

    // A new job: every earlier ticket is stale from now on.
    Ticket next() { return ++*m_current; }
    // The ticket of the job running now (0 before the first).
    Ticket current() const { return *m_current; }
    // No job is current any more: results on their way are dropped.
    void cancel() { ++*m_current; }
    bool isStale(Ticket ticket) const { return ticket != *m_current; }

    // Starts a new job and returns `callback` wrapped so that it runs only while that job is current.
    template <typename Callback>
    auto guard(Callback callback)
    {
        const Ticket ticket = next();
        return [current = std::weak_ptr<Ticket>(m_current), ticket, callback = std::move(callback)](auto&&... arguments) {
            const std::shared_ptr<Ticket> alive = current.lock();
            if (alive && *alive == ticket)
                callback(std::forward<decltype(arguments)>(arguments)...);
        };
    }

private:
    std::shared_ptr<Ticket> m_current;
};

} // namespace vermilion

namespace vermilion {

// One job at a time on the thread pool, for a worker object that decodes, searches or diffs: a new
// job cancels the one before (its flag is set, so stages that look at it stop early) and a result
// that arrives after that is dropped as stale. Owned by one thread, like JobTracker.
//
//   const PoolJob::Start job = m_job.start();
//   runInPool([cancel = job.cancel, ticket = job.ticket, ...] {
//       ... work, checking cancel->load() ...
//       postToThread(home, [self, ticket, result] { if (self && self->m_job.finish(ticket)) emit ...; });
//   });
class PoolJob {
public:
    struct Start {
        JobTracker::Ticket ticket;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    // Cancels the running job, if any, and starts the next.
    Start start()
    {
        cancel();
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        m_busy = true;
        return { m_jobs.next(), m_cancel };
    }
    // In the owner's thread, when a result arrives: false if a newer job replaced this one (drop the
    // result); otherwise the job is over.
    bool finish(JobTracker::Ticket ticket)
    {
        if (m_jobs.isStale(ticket))
            return false;
        m_busy = false;
        m_cancel.reset();
        return true;
    }
    // Stops the running job; returns whether one was running.
    bool cancel()
    {
        if (m_cancel)
            m_cancel->store(true);
        m_cancel.reset();
        m_jobs.next();
        return std::exchange(m_busy, false);
    }
    bool isBusy() const { return m_busy; }

private:
    JobTracker m_jobs;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_busy = false;
};

} // namespace vermilion
