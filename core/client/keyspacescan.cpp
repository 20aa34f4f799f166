#include "keyspacescan.h"

#include <QCoreApplication>
#include <QTimer>

namespace vermilion {

namespace {
// On a Sentinel session a SCAN lost with its link (a failover moves every link) is sent again once
// the session is back, for up to a minute (an automatic failover waits out down-after-milliseconds,
// 30 s by default); a cursor is only valid on the server that made it, so on another server that
// scan starts over, and the owner merges the keys seen twice. Elsewhere a lost link ends the scan
// with its error at once: the server is gone, and the user reloads once it is back.
constexpr int linkRetryDelayMs = 250;
constexpr int maxLinkRetries = 240;
} // namespace

KeyspaceScan::KeyspaceScan(
    Session* session, QObject* context, const Options& options, PageHandler onPage, ErrorHandler onError)
    : m_session(session)
    , m_context(context)
    , m_options(options)
    , m_onPage(std::move(onPage))
    , m_onError(std::move(onError))
{
}

void KeyspaceScan::requestMore()
{
    if (!m_session) {
        if (m_onError)
            m_onError(QCoreApplication::translate("KeyspaceScan", "The connection was closed before the scan could finish."));
        return;
    }
    if (!m_started) {
        m_started = true;
        for (const QString& node : m_session->scanNodes())
            m_cursors.push_back(Cursor { node });
    }
    for (size_t index = 0; index < m_cursors.size(); ++index) {
        Cursor& cursor = m_cursors[index];
        if (cursor.finished || cursor.inFlight)
            continue;
        send(index);
    }
}

void KeyspaceScan::send(size_t index)
{
    Cursor& cursor = m_cursors[index];
    {
        if (cursor.server.isEmpty())
            cursor.server = m_session->currentServer();
        Command scan { "SCAN", cursor.cursor };
        if (!m_options.match.isEmpty() && m_options.match != "*")
            scan << "MATCH" << m_options.match;
        scan << "COUNT" << QByteArray::number(m_options.count);
        if (!m_options.type.isEmpty())
            scan << "TYPE" << m_options.type;
        cursor.inFlight = true;
        std::weak_ptr<int> token = m_token;
        m_session->executeOn(
            cursor.node, scan, m_context,
            [this, token, index](const Reply& reply) {
                if (!token.expired()) // the context (our owner) is alive: its thread runs this
                    onReply(index, reply);
            },
            m_options.role);
    }
}

void KeyspaceScan::onReply(size_t index, const Reply& reply)
{
    Cursor& cursor = m_cursors[index];
    cursor.inFlight = false;
    const bool linkLost = reply.isError()
        && (reply.errorKind() == Reply::ErrorKind::ConnectionLost || reply.errorKind() == Reply::ErrorKind::NotConnected);
    const bool sessionComingBack = m_session && m_session->isSentinel()
        && m_session->state() != Connection::State::Failed && m_session->state() != Connection::State::Disconnected;
    if (linkLost && sessionComingBack && cursor.linkRetries < maxLinkRetries) {
        ++cursor.linkRetries;
        cursor.inFlight = true; // waiting to be sent again
        std::weak_ptr<int> token = m_token;
        QTimer::singleShot(linkRetryDelayMs, m_context, [this, token, index] {
            if (token.expired() || !m_session)
                return;
            Cursor& again = m_cursors[index];
            again.inFlight = false;
            const QString server = m_session->currentServer();
            if (again.cursor != "0" && !server.isEmpty() && server != again.server) {
                again.cursor = "0";
                again.server = server;
            }
            send(index);
        });
        return;
    }
    if (reply.isError() || !reply.isArray() || reply.size() != 2 || !reply.at(0).isString() || !reply.at(1).isArray()) {
        const QString message = reply.isError()
            ? reply.errorMessage()
            : QCoreApplication::translate("KeyspaceScan",
                                          "The server answered SCAN with something that is not a cursor and a list of keys.");
        for (Cursor& other : m_cursors)
            other.finished = true;
        cancel();
        if (m_onError)
            m_onError(cursor.node.isEmpty() ? message
                                            : QCoreApplication::translate("KeyspaceScan", "%1 (node %2)").arg(message, cursor.node));
        return;
    }
    cursor.cursor = reply.at(0).bytes();
    cursor.finished = cursor.cursor == "0";
    cursor.linkRetries = 0;
    m_onPage(reply.at(1), cursor.node);
}

void KeyspaceScan::cancel()
{
    m_token = std::make_shared<int>(0);
    for (Cursor& cursor : m_cursors)
        cursor.inFlight = false;
}

bool KeyspaceScan::isComplete() const
{
    if (!m_started)
        return false;
    for (const Cursor& cursor : m_cursors) {
        if (!cursor.finished)
            return false;
    }
    return true;
}

bool KeyspaceScan::isInFlight() const
{
    for (const Cursor& cursor : m_cursors) {
        if (cursor.inFlight)
            return true;
    }
    return false;
}

} // namespace vermilion
