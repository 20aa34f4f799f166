#include "connectionworker.h"

#include "util/posting.h"

#include <QDateTime>
#include <QFile>
#include <QLocalSocket>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <cstring>
#include <unistd.h>
#include <utility>

namespace vermilion {

namespace {
constexpr qsizetype readChunk = 256 * 1024;

Reply clientError(Reply::ErrorKind kind, const QString& message)
{
    return Reply::error(message.toUtf8(), kind);
}
} // namespace

ConnectionWorker::ConnectionWorker(Connection* owner, const ConnectionProfile& profile, const ConnectionTuning& tuning,
    std::shared_ptr<ConnectionShared> shared)
    : m_owner(owner)
    , m_profile(profile)
    , m_tuning(tuning)
    , m_shared(std::move(shared))
    , m_connectTimer(new QTimer(this))
    , m_timeoutTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_clock.start();
    m_tunnelTicket->worker = this;
    m_connectTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    m_timeoutTimer->setInterval(50);
    connect(m_connectTimer, &QTimer::timeout, this, &ConnectionWorker::onConnectTimeout);
    connect(m_timeoutTimer, &QTimer::timeout, this, &ConnectionWorker::checkTimeouts);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ConnectionWorker::startAttempt);
    if (m_tuning.endpointSource) {
        // This link's address is the source's, not the sentinels' the profile names: its messages
        // and connectedEndpoint() speak of the server it reaches.
        m_profile.sentinels.clear();
        // Called in the thread that moved the address, under the source's lock: removing the
        // listener (below) waits for a call on its way, so the worker is alive when it posts.
        m_endpointListener = m_tuning.endpointSource->addListener(
            [this](const EndpointSource::Endpoint& endpoint, const QString& reason) {
                postToObject(this, [this, endpoint, reason] { onEndpointMoved(endpoint, reason); });
            });
    }
}

ConnectionWorker::~ConnectionWorker()
{
    {
        std::lock_guard lock(m_tunnelTicket->mutex);
        m_tunnelTicket->worker = nullptr;
    }
    if (m_tuning.endpointSource)
        m_tuning.endpointSource->removeListener(m_endpointListener);
    // The handler may outlive us (its decode thread reports protocol errors here).
    if (m_push)
        m_push->setProtocolErrorSink({});
}

void ConnectionWorker::setPushHandler(std::shared_ptr<PushHandler> handler)
{
    if (m_push)
        m_push->setProtocolErrorSink({});
    m_push = std::move(handler);
    if (!m_push)
        return;
    m_push->setProtocolErrorSink([this](const QString& detail) {
        // Any thread: the link is dropped in ours.
        postToObject(this, [this, detail] {
            if (m_socket && m_state == Connection::State::Connected)
                failLink(tr("The server sent data that is not Redis protocol (%1).").arg(detail), false);
        });
    });
}

bool ConnectionWorker::pushRaw() const
{
    // Called at a reply boundary: with nothing asked, every reply from here on is a push.
    return m_state == Connection::State::Connected && m_inFlight.empty() && m_push->takesRawBytes();
}

qsizetype PushHandler::replyLength(const char* data, qsizetype size, int depth)
{
    if (size <= 0)
        return -1;
    if (depth > 64)
        return -2;
    const char* lineEnd = static_cast<const char*>(memchr(data, '\r', size_t(size)));
    if (!lineEnd || lineEnd + 1 >= data + size)
        return -1;
    if (lineEnd[1] != '\n')
        return -2;
    const qsizetype header = lineEnd - data + 2;
    const char type = data[0];
    if (type == '+' || type == '-' || type == ':')
        return header;
    if (type != '$' && type != '*')
        return -2;
    qint64 count = 0;
    bool negative = false;
    for (const char* p = data + 1; p < lineEnd; ++p) {
        if (*p == '-' && p == data + 1) {
            negative = true;
            continue;
        }
        if (*p < '0' || *p > '9' || count > (qint64(1) << 40))
            return -2;
        count = count * 10 + (*p - '0');
    }
    if (negative)
        return header; // nil
    if (type == '$')
        return size - header >= count + 2 ? header + qsizetype(count) + 2 : -1;
    qsizetype total = header;
    for (qint64 i = 0; i < count; ++i) {
        const qsizetype element = replyLength(data + total, size - total, depth + 1);
        if (element < 0)
            return element;
        total += element;
    }
    return total;
}

void ConnectionWorker::setState(Connection::State state, const QString& message)
{
    m_state = state;
    m_shared->state.store(int(state));
    if (state == Connection::State::Failed || state == Connection::State::Reconnecting) {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->lastError = message;
    }
    // Posted, not a queued signal: Qt would copy the message into the event and drop its reference
    // in the owner's thread inside libQt6Core, which ThreadSanitizer cannot see (util/posting.h).
    postToObject(m_owner, [owner = m_owner, state, message] { owner->handleWorkerState(int(state), message); });
}

void ConnectionWorker::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state == Connection::State::Connected || m_state == Connection::State::Connecting)
        return;
    m_reconnectTimer->stop();
    m_attempt = 0;
    // "Retry now" while reconnecting keeps the reconnect loop; a fresh open reports its failure.
    if (m_state != Connection::State::Reconnecting) {
        m_everConnected = false;
        // A fresh open starts from the profile's own address again.
        if (m_originalPort != 0) {
            m_profile.host = m_originalHost;
            m_profile.port = m_originalPort;
        }
        m_fallbackNext = 0;
        m_fallbackErrors.clear();
    }
    startAttempt();
}

void ConnectionWorker::close()
{
    m_reconnectTimer->stop();
    m_connectTimer->stop();
    failInFlight(Reply::ErrorKind::Cancelled, tr("The connection was closed."));
    const bool wasConnected = m_state == Connection::State::Connected;
    destroySocket();
    m_pushed.clear();
    m_pushCarry.clear();
    // A handler parsing the stream itself starts over with the next link.
    if (m_push && wasConnected)
        m_push->linkDown(tr("The connection was closed."));
    if (m_state != Connection::State::Disconnected)
        setState(Connection::State::Disconnected, tr("Disconnected."));
}

void ConnectionWorker::shutdown()
{
    close();
    m_timeoutTimer->stop();
    // Anything queued after the close still gets its answer.
    drainQueue();
}

void ConnectionWorker::onEndpointMoved(const EndpointSource::Endpoint& endpoint, const QString& reason)
{
    if (!endpoint.isValid() || m_state == Connection::State::Disconnected || m_state == Connection::State::Failed)
        return; // not open: the next open() takes the new address
    if (m_state == Connection::State::Connected && m_profile.host == endpoint.host && m_profile.port == endpoint.port)
        return;
    m_reconnectAtOnce = true;
    m_attempt = 0;
    if (m_state == Connection::State::Connected || m_state == Connection::State::Connecting) {
        failLink(reason, false, true);
        return;
    }
    // Reconnecting: waiting out a backoff for an address that is gone.
    m_reconnectAtOnce = false;
    m_reconnectTimer->start(0);
}

void ConnectionWorker::startAttempt()
{
    if (m_tuning.endpointSource && !m_profile.usesUnixSocket()) {
        const EndpointSource::Endpoint endpoint = m_tuning.endpointSource->current();
        if (!endpoint.isValid()) {
            destroySocket();
            const QString waiting = m_tuning.endpointSource->waitingReason();
            failLink(waiting.isEmpty() ? tr("The address of this server is not known yet.") : waiting, false, true);
            return;
        }
        m_profile.host = endpoint.host;
        m_profile.port = endpoint.port;
    }
    destroySocket();
    m_reader.reset();
    m_pushCarry.clear();
    m_transportUp = false;
    m_handshakeFatal = false;
    m_handshakeError.clear();
    m_handshakeTransient.clear();
    m_lastSslErrors.clear();
    m_wrongRole.clear();
    const QString where = m_profile.usesSsh()
        ? tr("%1 through SSH %2").arg(m_profile.endpoint(), m_profile.ssh.host)
        : m_profile.endpoint();
    setState(Connection::State::Connecting,
        m_everConnected ? tr("Reconnecting to %1...").arg(where) : tr("Connecting to %1...").arg(where));
    m_connectTimer->start(qMax(100, m_profile.connectTimeoutMs));

    if (m_profile.usesSsh()) {
        startTunnelAttempt();
        return;
    }

    if (m_profile.usesUnixSocket()) {
        auto* socket = new QLocalSocket(this);
        m_socket = socket;
        connect(socket, &QLocalSocket::connected, this, &ConnectionWorker::onTransportReady);
        connect(socket, &QLocalSocket::readyRead, this, &ConnectionWorker::onReadyRead);
        connect(socket, &QLocalSocket::disconnected, this, &ConnectionWorker::onTransportClosed);
        connect(socket, &QLocalSocket::errorOccurred, this, [this, socket](QLocalSocket::LocalSocketError error) {
            if (error == QLocalSocket::PeerClosedError)
                return; // disconnected() follows
            onTransportError(tr("Cannot use the socket %1: %2").arg(m_profile.socketPath, socket->errorString()));
        });
        socket->connectToServer(m_profile.socketPath);
        return;
    }

    QTcpSocket* tcp = makeTcpSocket();
    if (!tcp)
        return;
    if (auto* ssl = qobject_cast<QSslSocket*>(tcp)) {
        ssl->connectToHostEncrypted(m_profile.host, m_profile.port, tlsPeerName());
    } else {
        tcp->connectToHost(m_profile.host, m_profile.port);
    }
}

QString ConnectionWorker::tlsPeerName() const
{
    return m_profile.tls.serverName.isEmpty() ? m_profile.host : m_profile.tls.serverName;
}

QTcpSocket* ConnectionWorker::makeTcpSocket()
{
    QTcpSocket* tcp = nullptr;
    if (m_profile.tls.enabled) {
        auto* ssl = new QSslSocket(this);
        tcp = ssl;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!m_profile.tls.caFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_profile.tls.caFile, QSsl::Pem);
            if (cas.isEmpty()) {
                m_socket = ssl;
                failLink(tr("The CA file %1 holds no PEM certificate.").arg(m_profile.tls.caFile), true);
                return nullptr;
            }
            config.setCaCertificates(cas);
        }
        if (!m_profile.tls.certificateFile.isEmpty()) {
            const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_profile.tls.certificateFile, QSsl::Pem);
            QFile keyFile(m_profile.tls.keyFile);
            QSslKey key;
            if (keyFile.open(QIODevice::ReadOnly)) {
                const QByteArray pem = keyFile.readAll();
                key = QSslKey(pem, QSsl::Rsa);
                if (key.isNull())
                    key = QSslKey(pem, QSsl::Ec);
            }
            if (certs.isEmpty() || key.isNull()) {
                m_socket = ssl;
                failLink(tr("The client certificate %1 or its key %2 could not be read as PEM.")
                             .arg(m_profile.tls.certificateFile, m_profile.tls.keyFile),
                    true);
                return nullptr;
            }
            config.setLocalCertificate(certs.first());
            config.setPrivateKey(key);
        }
        config.setPeerVerifyMode(m_profile.tls.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
        ssl->setSslConfiguration(config);
        connect(ssl, &QSslSocket::encrypted, this, &ConnectionWorker::onTransportReady);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            QStringList texts;
            for (const QSslError& error : errors)
                texts.append(error.errorString());
            m_lastSslErrors = texts.join(QStringLiteral("; "));
        });
    } else {
        tcp = new QTcpSocket(this);
        connect(tcp, &QTcpSocket::connected, this, &ConnectionWorker::onTransportReady);
    }
    m_socket = tcp;
    if (!m_profile.usesSsh()) { // a tunnel's socket pair is not TCP
        tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        tcp->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    }
    connect(tcp, &QTcpSocket::readyRead, this, &ConnectionWorker::onReadyRead);
    connect(tcp, &QTcpSocket::disconnected, this, &ConnectionWorker::onTransportClosed);
    connect(tcp, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() follows
        onTransportError(describeSocketError());
    });
    return tcp;
}

namespace {
// One end of a tunnel channel on its way to a link: closed unless the link takes it.
struct TunnelFd {
    int fd = -1;
    ~TunnelFd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    int take() { return std::exchange(fd, -1); }
};
} // namespace

// The links of an SSH profile ride on its tunnel: a channel to host:port (or the socket path) as
// the SSH server sees it, handed over as one end of a socket pair, on which TLS (when set) runs
// end to end with the Redis server and verifies its own name.
void ConnectionWorker::startTunnelAttempt()
{
    // The first attempt may wait on the SSH login and on the user's answer about a host key:
    // the tunnel has its own timeouts, and the link's starts once the channel is there.
    m_connectTimer->stop();
    if (!m_tunnel) {
        QString error;
        m_tunnel = ssh::SshTunnel::forProfile(m_profile, &error);
        if (!m_tunnel) {
            failLink(tr("The SSH tunnel cannot be set up: %1").arg(error), true);
            return;
        }
    }
    const quint64 attempt = ++m_tunnelAttempt;
    std::shared_ptr<TunnelTicket> ticket = m_tunnelTicket;
    const QString target = m_profile.usesUnixSocket() ? m_profile.socketPath : m_profile.host;
    m_tunnel->openChannel(target, m_profile.port, [ticket, attempt](int fd, const QString& error, bool fatal) {
        auto holder = std::make_shared<TunnelFd>();
        holder->fd = fd;
        std::lock_guard lock(ticket->mutex);
        if (!ticket->worker)
            return; // the link is gone: the holder closes the fd
        // The worker cannot go while the ticket is locked (its destructor takes the lock), and a
        // call still queued when it goes is dropped with it (the holder closes the fd).
        ConnectionWorker* worker = ticket->worker;
        postToObject(worker, [worker, holder, attempt, error, fatal] {
            worker->onTunnelChannel(attempt, holder->fd >= 0 ? holder->take() : -1, error, fatal);
        });
    });
}

void ConnectionWorker::onTunnelChannel(quint64 attempt, int fd, const QString& error, bool fatal)
{
    if (attempt != m_tunnelAttempt || m_state != Connection::State::Connecting || m_socket) {
        if (fd >= 0)
            ::close(fd);
        return;
    }
    const QString via = m_tunnel ? m_tunnel->description() : QString();
    if (fd < 0) {
        failLink(tr("SSH tunnel %1: %2").arg(via, error), fatal);
        return;
    }
    m_connectTimer->start(qMax(100, m_profile.connectTimeoutMs));
    QTcpSocket* tcp = makeTcpSocket();
    if (!tcp) {
        ::close(fd);
        return;
    }
    if (!tcp->setSocketDescriptor(fd)) {
        ::close(fd);
        failLink(tr("SSH tunnel %1: the channel could not be used: %2").arg(via, tcp->errorString()), false);
        return;
    }
    if (auto* ssl = qobject_cast<QSslSocket*>(tcp)) {
        ssl->setPeerVerifyName(tlsPeerName());
        ssl->startClientEncryption();
    } else {
        onTransportReady();
    }
}

QString ConnectionWorker::describeSocketError() const
{
    auto* tcp = qobject_cast<QAbstractSocket*>(m_socket);
    if (!tcp)
        return m_socket ? m_socket->errorString() : QString();
    const QString endpoint = m_profile.endpoint();
    switch (tcp->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("Connection refused by %1: no server is listening there.").arg(endpoint);
    case QAbstractSocket::HostNotFoundError:
        return tr("The host \"%1\" was not found.").arg(m_profile.host);
    case QAbstractSocket::NetworkError:
        return tr("Network error talking to %1: %2").arg(endpoint, tcp->errorString());
    case QAbstractSocket::SslHandshakeFailedError:
        if (!m_lastSslErrors.isEmpty())
            return tr("TLS handshake with %1 failed: %2").arg(endpoint, m_lastSslErrors);
        return tr("TLS handshake with %1 failed: %2").arg(endpoint, tcp->errorString());
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return tr("TLS error with %1: %2").arg(endpoint, tcp->errorString());
    default:
        return tr("Cannot talk to %1: %2").arg(endpoint, tcp->errorString());
    }
}

void ConnectionWorker::onTransportReady()
{
    m_transportUp = true;
    // The handshake is pipelined: AUTH, SELECT, CLIENT SETNAME, COMMAND (read-only profiles), PING.
    // Only PING's reply completes it, so a peer that is not Redis never reaches Connected.
    if (!m_profile.password.isEmpty()) {
        Command auth { "AUTH" };
        if (!m_profile.username.isEmpty())
            auth.append(m_profile.username.toUtf8());
        auth.append(m_profile.password.toUtf8());
        sendInternal(auth, [this](Reply&& reply) {
            if (noteTransientHandshakeError(reply))
                return;
            if (reply.isError() && !m_handshakeFatal) {
                m_handshakeFatal = true;
                m_handshakeError = tr("Authentication failed: %1").arg(reply.errorMessage());
            }
        });
    }
    if (m_profile.database != 0) {
        sendInternal({ "SELECT", QByteArray::number(m_profile.database) }, [this](Reply&& reply) {
            if (noteTransientHandshakeError(reply))
                return;
            if (reply.isError() && !m_handshakeFatal) {
                m_handshakeFatal = true;
                m_handshakeError
                    = tr("Cannot select database %1: %2").arg(m_profile.database).arg(reply.errorMessage());
            }
        });
    }
    if (!m_tuning.clientName.isEmpty())
        sendInternal({ "CLIENT", "SETNAME", m_tuning.clientName }, [](Reply&&) { /* optional: ACLs may forbid it */ });
    if (m_profile.readOnly && !m_classifier) {
        sendInternal({ "COMMAND" }, [this](Reply&& reply) {
            auto classifier = std::make_shared<CommandClassifier>();
            m_classifierFailed = reply.isError() || !classifier->load(reply);
            if (m_classifierFailed)
                return;
            m_classifier = classifier;
            QMutexLocker lock(&m_shared->mutex);
            m_shared->classifier = classifier;
        });
    }
    const QString expectedRole = m_tuning.endpointSource ? m_tuning.endpointSource->expectedRole() : QString();
    if (!expectedRole.isEmpty()) {
        // The address came from Sentinel, which may be a moment behind a failover: a demoted master
        // must not take writes meant for the new one.
        sendInternal({ "ROLE" }, [this, expectedRole](Reply&& reply) {
            if (noteTransientHandshakeError(reply) || !reply.isArray() || reply.elements().isEmpty())
                return; // ACLs may forbid ROLE: the address is taken as Sentinel gave it
            const QString role = QString::fromUtf8(reply.elements().first().bytes());
            if (role != expectedRole && m_handshakeTransient.isEmpty()) {
                m_wrongRole = role;
                m_handshakeTransient = tr("it answers ROLE with \"%1\", not \"%2\"; asking Sentinel again")
                                           .arg(role, expectedRole);
            }
        });
    }
    sendInternal({ "PING" }, [this](Reply&& reply) {
        if (noteTransientHandshakeError(reply) || !m_handshakeTransient.isEmpty()) {
            if (!m_wrongRole.isEmpty() && m_tuning.endpointSource)
                m_tuning.endpointSource->reportWrongRole({ m_profile.host, m_profile.port }, m_wrongRole);
            failLink(tr("%1 cannot serve yet: %2").arg(m_profile.endpoint(), m_handshakeTransient), false, true);
            return;
        }
        if (m_handshakeFatal) {
            failLink(m_handshakeError, true);
            return;
        }
        if (reply.isError() && reply.errorCode() == "NOPERM") {
            // A user whose ACL does not include PING: the server answered as Redis does and the
            // login went through, so the link is up; the commands the user may run will work.
            handshakeFinished();
            return;
        }
        if (reply.isError()) {
            const QByteArray code = reply.errorCode();
            if (code == "NOAUTH")
                failLink(tr("The server requires a password: %1").arg(reply.errorMessage()), true);
            else
                failLink(tr("The server refused the connection: %1").arg(reply.errorMessage()), true);
            return;
        }
        handshakeFinished();
    });
}

bool ConnectionWorker::noteTransientHandshakeError(const Reply& reply)
{
    if (!reply.isError())
        return false;
    const QByteArray code = reply.errorCode();
    if (code != "BUSY" && code != "LOADING")
        return false;
    if (m_handshakeTransient.isEmpty())
        m_handshakeTransient = reply.errorMessage();
    return true;
}

void ConnectionWorker::handshakeFinished()
{
    m_connectTimer->stop();
    const bool wasReconnect = m_everConnected;
    m_everConnected = true;
    m_attempt = 0;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->endpoint = m_profile.endpoint();
    }
    setState(Connection::State::Connected,
        wasReconnect ? tr("Connection to %1 is back.").arg(m_profile.endpoint())
                     : tr("Connected to %1.").arg(m_profile.endpoint()));
    if (m_push) {
        // Re-subscribe before anything else is sent, so nothing queued meanwhile overtakes it.
        QByteArray resend;
        for (const Command& command : m_push->linkUp(wasReconnect))
            RespEncoder::append(resend, command);
        if (!resend.isEmpty())
            m_socket->write(resend);
    }
    OutgoingBatch waiting;
    std::swap(waiting, m_waiting);
    send(waiting);
    drainQueue();
}

void ConnectionWorker::sendInternal(const Command& argv, std::function<void(Reply&&)> handler)
{
    const QByteArray payload = RespEncoder::encode(argv);
    m_socket->write(payload);
    m_inFlight.push_back({ Completion { std::move(handler), {}, {}, {} }, 0, true });
}

void ConnectionWorker::complete(Completion& completion, Reply&& reply)
{
    if (completion.callback)
        m_callbacks.push_back({ std::move(completion.context), std::move(completion.callback), std::move(reply),
            std::move(completion.contextLifeline), completion.contextKey });
    else if (completion.deliver)
        completion.deliver(std::move(reply));
}

void ConnectionWorker::flushCallbacks()
{
    if (m_callbacks.empty())
        return;
    // One queued call per run of replies for the same context: a million replies cost a few
    // hundred events on the receiving thread, not a million.
    // The calls go to the context's thread, not to the context: its thread may be deleting it right
    // now. Whether it still exists is asked there.
    auto begin = m_callbacks.begin();
    while (begin != m_callbacks.end()) {
        const void* key = begin->key;
        auto end = begin;
        while (end != m_callbacks.end() && end->key == key)
            ++end;
        auto run = std::make_shared<std::vector<PendingCallback>>(
            std::make_move_iterator(begin), std::make_move_iterator(end));
        const std::shared_ptr<ThreadLifeline> lifeline = run->front().lifeline;
        // The run is the posted call's alone, so it (and each context's QPointer) dies in the
        // context's thread, never here (unless that thread has finished: see ThreadLifeline).
        lifeline->post([run = std::move(run)] {
            for (const PendingCallback& pending : *run) {
                // A callback may delete a later callback's context.
                if (pending.context)
                    pending.callback(pending.reply);
            }
        });
        begin = end;
    }
    m_callbacks.clear();
}

void OutgoingBatch::append(OutgoingBatch&& other)
{
    const qsizetype shift = bytes.size();
    bytes += other.bytes;
    requests.reserve(requests.size() + other.requests.size());
    for (Request& request : other.requests) {
        request.begin += shift;
        request.end += shift;
        requests.push_back(std::move(request));
    }
    anyDeferredCheck = anyDeferredCheck || other.anyDeferredCheck;
}

QString ConnectionWorker::readOnlyRefusal(CommandClassifier::Verdict verdict, const Command& argv, bool tableUnreadable)
{
    const QString name = QString::fromUtf8(argv.value(0).toUpper());
    if (verdict == CommandClassifier::Verdict::Writes)
        return tr("%1 was refused: this connection is read-only and %1 changes data on the server.").arg(name);
    if (tableUnreadable)
        return tr("%1 was refused: this connection is read-only and the server's command table (COMMAND) could not "
                  "be read to tell whether %1 writes.")
            .arg(name);
    return tr("%1 was refused: this connection is read-only and the server does not know the command.").arg(name);
}

void ConnectionWorker::drainQueue()
{
    m_shared->wakeScheduled.store(false);
    OutgoingBatch batch;
    {
        QMutexLocker lock(&m_shared->mutex);
        std::swap(batch, m_shared->outgoing);
    }
    if (batch.empty())
        return;
    switch (m_state) {
    case Connection::State::Connected:
        send(batch);
        break;
    case Connection::State::Connecting:
        m_waiting.append(std::move(batch));
        break;
    case Connection::State::Disconnected:
    case Connection::State::Reconnecting:
    case Connection::State::Failed: {
        QString message;
        {
            QMutexLocker lock(&m_shared->mutex);
            message = m_shared->lastError;
        }
        message = m_state == Connection::State::Disconnected
            ? tr("Not connected to %1.").arg(m_profile.endpoint())
            : tr("Not connected to %1 (%2). The command was not sent.").arg(m_profile.endpoint(), message);
        failBatch(batch, Reply::ErrorKind::NotConnected, message);
        break;
    }
    }
}

void ConnectionWorker::failBatch(OutgoingBatch& batch, Reply::ErrorKind kind, const QString& message)
{
    for (Request& request : batch.requests)
        complete(request.completion, clientError(kind, message));
    batch = {};
    flushCallbacks();
}

void ConnectionWorker::send(OutgoingBatch& batch)
{
    if (batch.empty())
        return;
    const qint64 now = m_clock.elapsed();
    // A push handler that parses the stream itself takes only untracked commands: the reply of
    // any other could not be told from its pushes.
    const bool pushOnly = m_push && m_push->takesRawBytes();
    // Fast path: every command was cleared by its caller, the bytes go out as they are.
    const bool filter = batch.anyDeferredCheck || pushOnly;
    QByteArray filtered;
    if (filter)
        filtered.reserve(batch.bytes.size());
    for (Request& request : batch.requests) {
        if (pushOnly && !request.untracked) {
            complete(request.completion,
                clientError(Reply::ErrorKind::Cancelled,
                    tr("The command was not sent: this connection only receives pushes (subscriber or MONITOR).")));
            continue;
        }
        if (batch.anyDeferredCheck && !request.argv.isEmpty()) {
            const auto verdict
                = m_classifier ? m_classifier->classify(request.argv) : CommandClassifier::Verdict::Unknown;
            if (verdict != CommandClassifier::Verdict::ReadOnly) {
                complete(request.completion,
                    clientError(
                        Reply::ErrorKind::ReadOnly, readOnlyRefusal(verdict, request.argv, m_classifierFailed)));
                continue;
            }
        }
        if (filter)
            filtered.append(batch.bytes.constData() + request.begin, request.end - request.begin);
        if (request.untracked)
            continue;
        const int timeout = request.timeoutMs < 0 ? m_profile.commandTimeoutMs : request.timeoutMs;
        m_inFlight.push_back({ std::move(request.completion), timeout > 0 ? now + timeout : 0, false });
    }
    flushCallbacks();
    const QByteArray& out = filter ? filtered : batch.bytes;
    if (!out.isEmpty()) {
        m_socket->write(out);
        // Hand the bytes to the kernel now rather than on the next turn of the event loop: a send
        // made while replies are being parsed leaves at once.
        if (auto* tcp = qobject_cast<QAbstractSocket*>(m_socket))
            tcp->flush();
        else if (auto* local = qobject_cast<QLocalSocket*>(m_socket))
            local->flush();
    }
    batch = {};
    if (!m_inFlight.empty() && !m_timeoutTimer->isActive())
        m_timeoutTimer->start();
}

void ConnectionWorker::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_push) {
        readPush();
        return;
    }
    while (m_socket && m_socket->bytesAvailable() > 0) {
        m_readBuffer.resize(readChunk);
        const qint64 n = m_socket->read(m_readBuffer.data(), readChunk);
        if (n <= 0)
            break;
        m_reader.feed(m_readBuffer.constData(), n);
        Reply reply;
        while (true) {
            if (!m_inFlight.empty() && m_inFlight.front().completion.peek)
                m_reader.setFirstElementPeek(std::move(m_inFlight.front().completion.peek));
            m_reader.setPackStrings(!m_inFlight.empty() && m_inFlight.front().completion.packStrings);
            const ReplyReader::Result result = m_reader.next(&reply);
            if (result == ReplyReader::Result::NeedMoreData)
                break;
            if (result == ReplyReader::Result::ProtocolError) {
                failProtocol(m_reader.errorString());
                return;
            }
            if (m_inFlight.empty())
                continue; // nothing was asked: only push-mode connections receive these
            InFlight head = std::move(m_inFlight.front());
            m_inFlight.pop_front();
            complete(head.completion, std::move(reply));
            if (!m_socket) {
                flushCallbacks();
                return; // the handler failed the link
            }
        }
    }
    flushCallbacks();
    if (m_inFlight.empty())
        m_timeoutTimer->stop();
}

void ConnectionWorker::failProtocol(const QString& detail)
{
    if (m_state == Connection::State::Connected)
        failLink(tr("The server sent data that is not Redis protocol (%1).").arg(detail), false);
    else
        failLink(tr("%1 is not a Redis server: it answered with something other than the Redis protocol (%2).")
                     .arg(m_profile.endpoint(), detail),
            true);
}

void ConnectionWorker::readPush()
{
    while (m_socket && m_socket->bytesAvailable() > 0) {
        // Everything the socket holds, in one piece: the raw path hands it on as it is.
        const qint64 available = m_socket->bytesAvailable();
        QByteArray bytes(qsizetype(available), Qt::Uninitialized);
        const qint64 n = m_socket->read(bytes.data(), available);
        if (n <= 0)
            break;
        bytes.truncate(qsizetype(n));
        if (!m_pushCarry.isEmpty())
            bytes.prepend(std::exchange(m_pushCarry, {}));
        if (!consumePush(std::move(bytes)))
            return; // the link failed
    }
    flushCallbacks();
    flushPushed();
    if (m_inFlight.empty())
        m_timeoutTimer->stop();
}

bool ConnectionWorker::consumePush(QByteArray&& bytes)
{
    // Replies are parsed one whole reply at a time (the reader never holds a partial one), so the
    // moment nothing is in flight any more is known to the byte: from there on, with a raw handler,
    // the bytes go to it unparsed (a firehose costs this thread next to nothing, and the socket is
    // emptied whenever it runs).
    const char* data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size) {
        if (pushRaw()) {
            flushPushed(); // replies parsed before go first
            m_push->rawBytes(pos == 0 ? std::move(bytes) : bytes.mid(pos), QDateTime::currentMSecsSinceEpoch());
            return true;
        }
        const qsizetype length = PushHandler::replyLength(data + pos, size - pos);
        if (length == -1) {
            m_pushCarry = bytes.mid(pos);
            return true;
        }
        if (length == -2) {
            // Not RESP: the reader says what is wrong.
            m_reader.feed(data + pos, size - pos);
            Reply ignored;
            while (m_reader.next(&ignored) == ReplyReader::Result::Reply) { }
            failProtocol(m_reader.errorString());
            return false;
        }
        if (!m_inFlight.empty() && m_inFlight.front().completion.peek)
            m_reader.setFirstElementPeek(std::move(m_inFlight.front().completion.peek));
        m_reader.feed(data + pos, length);
        pos += length;
        Reply reply;
        const ReplyReader::Result result = m_reader.next(&reply);
        if (result != ReplyReader::Result::Reply) {
            failProtocol(m_reader.errorString());
            return false;
        }
        if (m_inFlight.empty() || m_push->isPush(reply)) {
            m_pushed.push_back(std::move(reply));
            continue;
        }
        InFlight head = std::move(m_inFlight.front());
        m_inFlight.pop_front();
        complete(head.completion, std::move(reply));
        if (!m_socket) {
            flushCallbacks();
            return false; // the handler failed the link
        }
    }
    return true;
}

void ConnectionWorker::flushPushed()
{
    if (m_pushed.empty())
        return;
    std::vector<Reply> pushed;
    pushed.swap(m_pushed);
    m_push->pushReplies(std::move(pushed));
}

void ConnectionWorker::checkTimeouts()
{
    if (m_inFlight.empty()) {
        m_timeoutTimer->stop();
        return;
    }
    // Replies come in order, so only the oldest request can be late. A request without a deadline
    // (a blocking command) holds back the check for those behind it: they cannot be answered first.
    const InFlight& head = m_inFlight.front();
    if (head.deadlineMs == 0 || m_clock.elapsed() < head.deadlineMs)
        return;
    InFlight late = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    const QString message = tr("No reply from %1 within %2 ms: the server may be busy, paused or unreachable.")
                                .arg(m_profile.endpoint())
                                .arg(m_profile.commandTimeoutMs);
    // The stream is out of step now: start over on a fresh link. The state changes before the
    // caller hears of the timeout, so what it does next sees the link as down.
    failLink(message, false);
    complete(late.completion, clientError(Reply::ErrorKind::Timeout, message));
    flushCallbacks();
}

void ConnectionWorker::onConnectTimeout()
{
    const QString message = m_transportUp
        ? tr("%1 accepted the connection but did not answer like a Redis server within %2 ms.")
              .arg(m_profile.endpoint())
              .arg(m_profile.connectTimeoutMs)
        : tr("Timed out after %2 ms connecting to %1.").arg(m_profile.endpoint()).arg(m_profile.connectTimeoutMs);
    // Silence after the transport came up means the peer is not Redis: do not keep retrying.
    failLink(message, m_transportUp && !m_everConnected);
}

void ConnectionWorker::onTransportError(const QString& message)
{
    failLink(message, false);
}

void ConnectionWorker::onTransportClosed()
{
    if (!m_socket)
        return;
    if (m_state == Connection::State::Connecting && m_transportUp) {
        failLink(m_handshakeFatal ? m_handshakeError
                                  : tr("%1 closed the connection during the handshake. Is it a Redis server, and "
                                       "does it expect TLS?")
                                        .arg(m_profile.endpoint()),
            true);
        return;
    }
    // Through a tunnel, the channel closes when the SSH server is lost: that is the news.
    const QString tunnelProblem = m_tunnel ? m_tunnel->recentProblem() : QString();
    if (!tunnelProblem.isEmpty()) {
        failLink(tunnelProblem, false);
        return;
    }
    failLink(tr("The server at %1 closed the connection.").arg(m_profile.endpoint()), false);
}

void ConnectionWorker::failInFlight(Reply::ErrorKind kind, const QString& message)
{
    std::deque<InFlight> inFlight;
    inFlight.swap(m_inFlight);
    const QString sentMessage = kind == Reply::ErrorKind::ConnectionLost
        ? tr("%1 The command was sent but its reply never came: it may or may not have run, and it was not "
             "retried.")
              .arg(message)
        : message;
    for (InFlight& request : inFlight) {
        if (!request.internal)
            complete(request.completion, clientError(kind, sentMessage));
    }
    // Commands waiting for the handshake were never sent.
    OutgoingBatch waiting;
    std::swap(waiting, m_waiting);
    const auto waitingKind = kind == Reply::ErrorKind::ConnectionLost ? Reply::ErrorKind::NotConnected : kind;
    failBatch(waiting, waitingKind, tr("%1 The command was not sent.").arg(message));
}

void ConnectionWorker::failLink(const QString& message, bool fatal, bool transient)
{
    m_connectTimer->stop();
    m_timeoutTimer->stop();
    const bool wasConnected = m_state == Connection::State::Connected;
    if (!fatal && !wasConnected && !m_everConnected && !m_transportUp && !m_profile.usesUnixSocket()
        && m_fallbackNext < m_tuning.fallbackEndpoints.size()) {
        // This address cannot be reached: the next one of the same service, at once. Commands
        // waiting for the handshake keep waiting.
        if (m_originalPort == 0) {
            m_originalHost = m_profile.host;
            m_originalPort = m_profile.port;
        }
        m_fallbackErrors << message;
        const auto& next = m_tuning.fallbackEndpoints.at(m_fallbackNext++);
        m_profile.host = next.first;
        m_profile.port = next.second;
        destroySocket();
        QMetaObject::invokeMethod(this, &ConnectionWorker::startAttempt, Qt::QueuedConnection);
        return;
    }
    QString finalMessage = message;
    if (!m_fallbackErrors.isEmpty() && !m_everConnected && !wasConnected) {
        // Every address was tried: each one's reason.
        finalMessage = (m_fallbackErrors + QStringList { message }).join(QLatin1Char('\n'));
        m_fallbackErrors.clear();
    }
    destroySocket();
    m_pushed.clear();
    m_pushCarry.clear();
    if (m_push && wasConnected)
        m_push->linkDown(message);
    const bool retry = !fatal && m_tuning.autoReconnect && (wasConnected || m_everConnected || transient);
    // The new state is published before any caller hears of its failed command.
    if (!retry) {
        setState(Connection::State::Failed, finalMessage);
    } else {
        const int shift = qMin(m_attempt, 16);
        const qint64 delay = m_reconnectAtOnce
            ? 0
            : qMin<qint64>(qint64(m_tuning.reconnectInitialDelayMs) << shift, m_tuning.reconnectMaxDelayMs);
        m_reconnectAtOnce = false;
        ++m_attempt;
        m_reconnectTimer->start(int(delay));
        setState(Connection::State::Reconnecting,
            delay == 0 ? tr("%1 Reconnecting.").arg(message)
                       : tr("%1 Reconnecting in %2 s.").arg(message, QString::number(double(delay) / 1000.0, 'f', 1)));
    }
    failInFlight(Reply::ErrorKind::ConnectionLost, finalMessage);
    drainQueue();
}

void ConnectionWorker::destroySocket()
{
    m_transportUp = false;
    if (!m_socket)
        return;
    QIODevice* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (auto* tcp = qobject_cast<QAbstractSocket*>(socket))
        tcp->abort();
    else if (auto* local = qobject_cast<QLocalSocket*>(socket))
        local->abort();
    socket->deleteLater();
}

} // namespace vermilion
