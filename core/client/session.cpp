#include "session.h"

#include <QTimer>

namespace vermilion {

Session::Session(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_pingTimer(new QTimer(this))
{
    m_pingTimer->setInterval(2000);
    connect(m_pingTimer, &QTimer::timeout, this, &Session::ping);
    auto* interactive = connection(Role::Interactive);
    connect(interactive, &Connection::stateChanged, this, &Session::onInteractiveState);
}

Session::~Session() = default;

Connection* Session::connection(Role role)
{
    auto& slot = m_connections[size_t(role)];
    if (!slot) {
        ConnectionTuning tuning;
        tuning.clientName = role == Role::Interactive ? QByteArray("vermilion") : QByteArray("vermilion:bulk");
        slot = std::make_unique<Connection>(m_profile, tuning);
        // Opened lazily: a bulk connection exists only once a long job needs it.
        if (m_opened)
            slot->open();
    }
    return slot.get();
}

Connection::State Session::state() const
{
    return m_connections[size_t(Role::Interactive)]->state();
}

QString Session::lastError() const { return m_connections[size_t(Role::Interactive)]->lastError(); }

void Session::open()
{
    m_opened = true;
    for (auto& connection : m_connections) {
        if (connection)
            connection->open();
    }
}

void Session::close()
{
    m_opened = false;
    m_pingTimer->stop();
    for (auto& connection : m_connections) {
        if (connection)
            connection->close();
    }
}

QFuture<Reply> Session::execute(const Command& argv, Role role, CommandOptions options)
{
    return connection(role)->execute(argv, options);
}

void Session::execute(const Command& argv, QObject* context, Connection::Callback callback, Role role,
                      CommandOptions options)
{
    connection(role)->execute(argv, context, std::move(callback), options);
}

QFuture<QList<Reply>> Session::executeBatch(const QList<Command>& commands, Role role, CommandOptions options)
{
    return connection(role)->executeBatch(commands, options);
}

void Session::executeBatch(const QList<Command>& commands, QObject* context,
                           std::function<void(const QList<Reply>&)> callback, Role role, CommandOptions options)
{
    connection(role)->executeBatch(commands, context, std::move(callback), options);
}

void Session::setPingInterval(int milliseconds) { m_pingTimer->setInterval(milliseconds); }

void Session::onInteractiveState(Connection::State state, const QString& message)
{
    if (state == Connection::State::Connected) {
        refreshServerInfo();
        ping();
        m_pingTimer->start();
    } else {
        m_pingTimer->stop();
        m_pingInFlight = false;
    }
    emit stateChanged(state, message);
}

void Session::refreshServerInfo()
{
    // "INFO" with no section is the default set (server, clients, memory, replication, keyspace...).
    execute({ "INFO" }, this, [this](const Reply& reply) {
        if (!reply.isString())
            return; // ACLs may forbid INFO: the status bar then shows what it can
        m_info = ServerInfo::parse(reply.bytes());
        emit serverInfoChanged();
    });
}

void Session::ping()
{
    if (m_pingInFlight)
        return;
    m_pingInFlight = true;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    execute({ "PING" }, this, [this, clock](const Reply& reply) {
        m_pingInFlight = false;
        if (reply.isError())
            return;
        m_latencyMs = double(clock->nsecsElapsed()) / 1e6;
        emit latencyChanged(m_latencyMs);
    });
}

} // namespace vermilion
