#include "session.h"

#include <QPointer>
#include <QTimer>

namespace vermilion {

Session::Session(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_pingTimer(new QTimer(this))
{
    m_pingTimer->setInterval(2000);
    connect(m_pingTimer, &QTimer::timeout, this, &Session::ping);
    // Every role's connection exists from the start (so any thread may ask for one), but only the
    // interactive one connects at open(): the others connect when a job first needs them.
    for (size_t role = 0; role < m_connections.size(); ++role) {
        ConnectionTuning tuning;
        tuning.clientName = role == size_t(Role::Interactive) ? QByteArray("vermilion")
            : role == size_t(Role::Bulk)                      ? QByteArray("vermilion:bulk")
                                                              : QByteArray("vermilion:dashboard");
        // Every tool shares these: nothing may change their database, transaction, subscription,
        // protocol or user (LinkStateGuard). Tools that need such state get a link of their own.
        tuning.sharedLink = true;
        m_connections[role] = std::make_unique<Connection>(m_profile, tuning);
    }
    m_used[size_t(Role::Interactive)].store(true);
    connect(m_connections[size_t(Role::Interactive)].get(), &Connection::stateChanged, this,
            &Session::onInteractiveState);
}

Session::~Session() = default;

Connection* Session::connection(Role role)
{
    Connection* connection = m_connections[size_t(role)].get();
    if (!m_used[size_t(role)].exchange(true) && m_opened.load())
        connection->open();
    return connection;
}

Connection::State Session::state() const { return m_connections[size_t(Role::Interactive)]->state(); }

QString Session::lastError() const { return m_connections[size_t(Role::Interactive)]->lastError(); }

void Session::open()
{
    m_opened.store(true);
    for (size_t role = 0; role < m_connections.size(); ++role) {
        if (m_used[role].load())
            m_connections[role]->open();
    }
}

void Session::close()
{
    m_opened.store(false);
    m_pingTimer->stop();
    for (auto& connection : m_connections)
        connection->close();
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

void Session::executeDirect(const Command& argv, Role role, std::function<void(Reply&&)> inConnectionThread,
                            std::function<void(const QByteArray&)> peek)
{
    connection(role)->executeDirect(argv, std::move(inConnectionThread), std::move(peek));
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

void Session::selectDatabase(int database, QObject* context, std::function<void(const Reply&)> done)
{
    for (size_t role = 1; role < m_connections.size(); ++role)
        m_connections[role]->selectDatabase(database);
    QPointer<QObject> guard(context);
    m_connections[size_t(Role::Interactive)]->selectDatabase(database, this, [this, database, guard, done](const Reply& reply) {
        if (!reply.isError()) {
            m_profile.database = database;
            emit databaseChanged(database);
            refreshServerInfo();
        }
        if (guard)
            done(reply);
    });
}

std::unique_ptr<Connection> Session::createOwnLink(const QByteArray& clientName, std::shared_ptr<PushHandler> push)
{
    ConnectionTuning tuning;
    tuning.clientName = clientName;
    auto link = std::make_unique<Connection>(m_profile, tuning);
    if (push)
        link->setPushHandler(std::move(push));
    return link;
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
