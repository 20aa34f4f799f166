#pragma once

#include <QtGlobal>

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
