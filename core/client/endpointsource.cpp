#include "endpointsource.h"

namespace vermilion {

QString EndpointSource::Endpoint::text() const
{
    const QString shown = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return shown + QLatin1Char(':') + QString::number(port);
}

EndpointSource::EndpointSource(QString expectedRole)
    : m_expectedRole(std::move(expectedRole))
{
}

EndpointSource::Endpoint EndpointSource::current() const
{
    std::lock_guard lock(m_mutex);
    return m_current;
}

QString EndpointSource::expectedRole() const
{
    std::lock_guard lock(m_mutex);
    return m_expectedRole;
}

QString EndpointSource::waitingReason() const
{
    std::lock_guard lock(m_mutex);
    return m_waitingReason;
}

void EndpointSource::setWaitingReason(const QString& reason)
{
    std::lock_guard lock(m_mutex);
    m_waitingReason = reason;
}

void EndpointSource::set(const Endpoint& endpoint, const QString& reason)
{
    // Listeners are called under the lock: one that is being removed (its link is going away)
    // waits until no call is on its way to it.
    std::lock_guard lock(m_mutex);
    if (endpoint == m_current)
        return;
    m_current = endpoint;
    m_waitingReason.clear();
    for (const auto& [id, listener] : m_listeners)
        listener(endpoint, reason);
}

void EndpointSource::reportWrongRole(const Endpoint& endpoint, const QString& role)
{
    std::function<void(const Endpoint&, const QString&)> handler;
    {
        std::lock_guard lock(m_mutex);
        handler = m_wrongRole;
    }
    if (handler)
        handler(endpoint, role);
}

void EndpointSource::setWrongRoleHandler(std::function<void(const Endpoint&, const QString&)> handler)
{
    std::lock_guard lock(m_mutex);
    m_wrongRole = std::move(handler);
}

int EndpointSource::addListener(Listener listener)
{
    std::lock_guard lock(m_mutex);
    const int id = m_nextListener++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void EndpointSource::removeListener(int id)
{
    std::lock_guard lock(m_mutex);
    m_listeners.erase(id);
}

} // namespace vermilion
