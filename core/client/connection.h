#pragma once

#include "endpointsource.h"
#include "profiles/connectionprofile.h"
#include "reply.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace vermilion {

class ConnectionWorker;
struct Completion;
struct ConnectionShared;

// Tuning that is not part of a saved profile.
struct ConnectionTuning {
    QByteArray clientName = "vermilion"; // CLIENT SETNAME
    int reconnectInitialDelayMs = 500;
    int reconnectMaxDelayMs = 30000;
    // After a link that was up is lost, try again by itself (the first connect never retries:
    // the user asked and gets the error).
    bool autoReconnect = true;
    // A link several tools share: commands that change the link's own state (SELECT, MULTI,
    // SUBSCRIBE, AUTH... see LinkStateGuard) are refused before they are sent.
    bool sharedLink = false;
    // Long background work (whole-keyspace scans): the link's thread yields to the UI thread.
    bool background = false;
    // Other addresses of the same service (a cluster's extra seed nodes): a first connect that
    // cannot reach the profile's host tries these in turn before it reports failure.
    QList<std::pair<QString, quint16>> fallbackEndpoints;
    // The address is found at run time (Sentinel): each attempt takes it from here, ROLE is checked
    // at the handshake, and a new address moves the link at once (see EndpointSource).
    std::shared_ptr<EndpointSource> endpointSource;
};

// Push mode (subscriber and MONITOR connections): the server sends replies nobody asked for. A
// handler set on a connection receives them in the connection's own thread, one call per socket
// read, so a firehose never waits on another thread. Implementations must be quick and thread-safe
// towards their owner (they typically append to a buffer the owner drains on a timer).
class PushHandler {
public:
    virtual ~PushHandler() = default;
    // The handshake is done (reconnect: after a lost link). Returns the commands to send before any
    // other, e.g. SUBSCRIBE for every channel. Their answers arrive as push replies.
    virtual QList<Command> linkUp(bool reconnect) = 0;
    // The link is gone; a reconnect may follow.
    virtual void linkDown(const QString& reason) = 0;
    // Replies that are pushes, in arrival order. Any reply that arrives while no command is in
    // flight is one; while commands are in flight, isPush() tells.
    virtual void pushReplies(std::vector<Reply>&& replies) = 0;
    virtual bool isPush(const Reply& reply) const = 0;
    // Optional raw mode, for a firehose: at a reply boundary while no command is in flight, the
    // connection's thread hands every byte it reads to rawBytes() as it is, without parsing it
    // (receivedAtMs: when it was read, ms since the epoch), so that reading the socket costs next to
    // nothing and the server never has to buffer for us. From then on the handler parses the stream
    // itself (in its own thread) and every reply on the link is its own: only untracked commands
    // (sendUntracked) may be sent after the handshake; others are refused.
    virtual bool takesRawBytes() const { return false; }
    virtual void rawBytes(QByteArray&& bytes, qint64 receivedAtMs)
    {
        Q_UNUSED(bytes);
        Q_UNUSED(receivedAtMs);
    }
    // The length of the complete RESP2 reply at the start of data; -1 when it is cut off by the end
    // of the data, -2 when the bytes are not RESP.
    static qsizetype replyLength(const char* data, qsizetype size, int depth = 0);
    // A raw-mode handler that finds bytes that are not RESP calls this (from any thread): the
    // connection drops the link and makes a new one, as it does for its own parser.
    void reportProtocolError(const QString& detail)
    {
        std::lock_guard lock(m_sinkMutex);
        if (m_protocolErrorSink)
            m_protocolErrorSink(detail);
    }

private:
    friend class ConnectionWorker;
    void setProtocolErrorSink(std::function<void(const QString&)> sink)
    {
        std::lock_guard lock(m_sinkMutex);
        m_protocolErrorSink = std::move(sink);
    }
    std::mutex m_sinkMutex;
    std::function<void(const QString&)> m_protocolErrorSink;
};

struct CommandOptions {
    // Milliseconds to wait for the reply; -1 = the profile's command timeout, 0 = wait forever
    // (blocking commands such as BLPOP with their own timeout).
    int timeoutMs = -1;
    // The strings of arrays inside an array reply come packed, one buffer per array, with no
    // allocation per string (Reply::packedStrings): for SCAN pages of thousands of keys.
    bool packStrings = false;
};

// One link to one Redis server, running in a thread of its own. Every public method may be called
// from any thread and returns at once; replies come back as futures or callbacks in the caller's
// context. Commands are pipelined: any number may be in flight, replies match requests in order.
class Connection : public QObject {
    Q_OBJECT
public:
    enum class State {
        Disconnected, // not opened, or closed by its owner
        Connecting, // transport or handshake in progress; commands wait for it
        Connected,
        Reconnecting, // the link was lost; waiting before the next attempt
        Failed, // gave up: see lastError(); open() tries again
    };
    Q_ENUM(State)
    using Callback = std::function<void(const Reply&)>;

    explicit Connection(
        const ConnectionProfile& profile, const ConnectionTuning& tuning = {}, QObject* parent = nullptr);
    ~Connection() override;

    const ConnectionProfile& profile() const { return m_profile; }
    State state() const;
    // "host:port" (or the socket path) the link reached last: the profile's, or a fallback endpoint.
    QString connectedEndpoint() const;
    QString lastError() const;

    void open();
    void close();

    QFuture<Reply> execute(const Command& argv, CommandOptions options = {});
    // The callback runs in context's thread, and not at all if context is gone by then.
    void execute(const Command& argv, QObject* context, Callback callback, CommandOptions options = {});
    // For latency-critical chains (SCAN loops): the callback runs in the connection's own thread the
    // moment the reply is parsed, before any other reply is read. It must be quick and must not block.
    void executeDirect(
        const Command& argv, std::function<void(Reply&&)> inConnectionThread, CommandOptions options = {});
    // The same, and peek gets the reply's first element (for an array reply) as soon as it is
    // parsed, before the rest. Both run in the connection's thread.
    void executeDirect(const Command& argv, std::function<void(Reply&&)> inConnectionThread,
        std::function<void(const QByteArray&)> peek, CommandOptions options = {});
    // Push mode: set before open(). The handler lives as long as the connection holds it.
    void setPushHandler(std::shared_ptr<PushHandler> handler);
    // Sends a command whose answers are push replies (SUBSCRIBE, UNSUBSCRIBE...): no reply is
    // awaited for it. Dropped when the link is down: linkUp() re-sends what is still wanted.
    void sendUntracked(const Command& argv);
    // Switches the database for this link and for every reconnect after it.
    QFuture<Reply> selectDatabase(int database);
    // The same; the callback runs in context's thread, and not at all if context is gone by then.
    // Prefer it to selectDatabase(database).then(context, ...): a continuation is handed over inside
    // libQt6Core, where ThreadSanitizer cannot see the order (util/tsan.h).
    void selectDatabase(int database, QObject* context, Callback callback);
    // Many commands in one go; the future holds one reply per command, in order.
    QFuture<QList<Reply>> executeBatch(const QList<Command>& commands, CommandOptions options = {});
    void executeBatch(const QList<Command>& commands, QObject* context,
        std::function<void(const QList<Reply>&)> callback, CommandOptions options = {});
    // The same, with the replies handed over in the connection's own thread (see executeDirect).
    void executeBatchDirect(const QList<Command>& commands, std::function<void(QList<Reply>&&)> inConnectionThread,
        CommandOptions options = {});

    static QString stateName(State state);

signals:
    void stateChanged(vermilion::Connection::State state, const QString& message);
    void connected();
    // The link went down; reconnecting says whether another attempt is scheduled.
    void linkLost(const QString& reason, bool reconnecting);

private:
    friend class ConnectionWorker;
    using Deliver = std::function<void(Reply&&)>;
    using BatchDeliver = std::function<void(QList<Reply>&&)>;
    void enqueue(const Command& argv, Deliver deliver, CommandOptions options, bool guarded = true);
    void enqueue(const Command& argv, Completion&& completion, CommandOptions options, bool guarded = true);
    static void completeNow(Completion&& completion, Reply&& reply);
    void enqueueBatch(const QList<Command>& commands, BatchDeliver finish, CommandOptions options);
    void enqueueSelect(int database, Deliver deliver);
    void handleWorkerState(int state, const QString& message);

    ConnectionProfile m_profile;
    bool m_sharedLink = false;
    std::shared_ptr<ConnectionShared> m_shared;
    QThread* m_thread = nullptr;
    ConnectionWorker* m_worker = nullptr;
    State m_reportedState = State::Disconnected;
};

} // namespace vermilion
