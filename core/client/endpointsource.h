#pragma once

#include <QString>

#include <functional>
#include <map>
#include <mutex>

namespace vermilion {

// Where the links of a session go when the address is not the profile's own but found at run time
// (the master, or a replica, that Sentinel names). Every link of the session holds the same source:
// each connect attempt takes the current address from it, and a change moves every link that is up
// or on its way to the old one. Thread-safe: set from the session's thread, read by the links'.
class EndpointSource {
public:
    struct Endpoint {
        QString host;
        quint16 port = 0;

        bool isValid() const { return !host.isEmpty() && port != 0; }
        QString text() const;
        bool operator==(const Endpoint&) const = default;
    };

    // expectedRole: what ROLE must answer at each handshake ("master" or "slave"); a link that
    // finds another role does not come up and reports it (see reportWrongRole).
    explicit EndpointSource(QString expectedRole = QStringLiteral("master"));

    Endpoint current() const;
    QString expectedRole() const;
    // Why no address is known yet (shown by a link that has to wait), empty when one is.
    QString waitingReason() const;
    void setWaitingReason(const QString& reason);

    // A new address: every listener hears of it (in the caller's thread; listeners post to their own)
    // with the reason to show, e.g. "Sentinel moved the master to 10.0.0.7:6379".
    void set(const Endpoint& endpoint, const QString& reason);

    // A link reached the current address and found it in the wrong role (a demoted master before
    // Sentinel said so): the owner is asked to look again.
    void reportWrongRole(const Endpoint& endpoint, const QString& role);
    void setWrongRoleHandler(std::function<void(const Endpoint&, const QString&)> handler);

    using Listener = std::function<void(const Endpoint&, const QString& reason)>;
    int addListener(Listener listener);
    void removeListener(int id);

private:
    mutable std::mutex m_mutex;
    Endpoint m_current;
    QString m_expectedRole;
    QString m_waitingReason;
    std::map<int, Listener> m_listeners;
    int m_nextListener = 1;
    std::function<void(const Endpoint&, const QString&)> m_wrongRole;
};

} // namespace vermilion
