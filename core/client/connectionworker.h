#pragma once

#include "commandclassifier.h"
#include "connection.h"
#include "replyreader.h"
#include "util/posting.h"
#include "ssh/sshtunnel.h"

#include <QElapsedTimer>
#include <QMutex>
#include <mutex>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <atomic>
#include <deque>
#include <vector>

class QIODevice;
class QTimer;

namespace vermilion {

// Where a reply goes: either a function run in the worker thread (promises, batches, the handshake),
// or a callback run in the context object's thread. Callbacks are handed over in batches, one
// queued call per context per socket read, not one per reply.
struct Completion {
    std::function<void(Reply&&)> deliver;
    QPointer<QObject> context;
    std::function<void(const Reply&)> callback;
    ReplyReader::Peek peek; // see ReplyReader::setFirstElementPeek
    // Taken by the caller while the context is surely alive: where the callback runs, and which
    // replies share one posted call. Never dereferenced on the connection's thread.
    std::shared_ptr<ThreadLifeline> contextLifeline;
    const void* contextKey = nullptr;
    bool packStrings = false; // see ReplyReader::setPackStrings
};

// A command on its way. Its bytes are encoded by the caller straight into the shared outgoing
// buffer (no allocation per command crosses threads); it keeps its byte range there. argv is kept
// only when the read-only check has to wait for the server's command table.
struct Request {
    qsizetype begin = 0;
    qsizetype end = 0;
    Command argv;
    Completion completion;
    int timeoutMs = -1;
    bool untracked = false; // push-mode command: its answers are push replies
};

// Commands handed from callers to the worker in one go.
struct OutgoingBatch {
    QByteArray bytes;
    std::vector<Request> requests;
    bool anyDeferredCheck = false;

    void append(OutgoingBatch&& other);
    bool empty() const { return requests.empty(); }
};

// State shared between a Connection (any thread) and its worker.
struct ConnectionShared {
    std::mutex mutex;
    QString endpoint; // guarded by mutex: where the link connected last
    OutgoingBatch outgoing; // guarded by mutex
    QString lastError; // guarded by mutex
    // Set once the server's COMMAND table is read (read-only profiles); guarded by mutex.
    std::shared_ptr<const CommandClassifier> classifier;
    std::atomic<bool> wakeScheduled { false };
    std::atomic<int> state { int(Connection::State::Disconnected) };
};

// The part of a Connection that lives in its thread and owns the socket. Private to core/client.

class ConnectionWorker : public QObject {
    Q_OBJECT
public:
    // owner hears of every state change in its own thread; it outlives the worker's thread.
    ConnectionWorker(Connection* owner, const ConnectionProfile& profile, const ConnectionTuning& tuning,
        std::shared_ptr<ConnectionShared> shared);

    // Worker thread only.
    void setDatabase(int database) { m_profile.database = database; }
    void setPushHandler(std::shared_ptr<PushHandler> handler);

    static QString readOnlyRefusal(CommandClassifier::Verdict verdict, const Command& argv, bool tableUnreadable);
    ~ConnectionWorker() override;

public slots:
    void open();
    void close();
    void shutdown();
    void drainQueue();

private:
    struct InFlight {
        Completion completion;
        qint64 deadlineMs = 0; // 0 = none
        bool internal = false;
    };
    struct PendingCallback {
        QPointer<QObject> context;
        std::function<void(const Reply&)> callback;
        Reply reply;
        std::shared_ptr<ThreadLifeline> lifeline;
        const void* key;
    };

    void complete(Completion& completion, Reply&& reply);
    void flushCallbacks();
    void flushPushed();
    // Push mode: reads everything available; replies one whole reply at a time until the handler
    // takes raw bytes. consumePush returns false when the link failed.
    void readPush();
    bool consumePush(QByteArray&& bytes);
    // Push mode, at a reply boundary: whether the bytes from here go to the handler as they are.
    bool pushRaw() const;
    void failProtocol(const QString& detail);

    void startAttempt();
    // The endpoint source named another address: a link up or on its way to the old one moves.
    void onEndpointMoved(const EndpointSource::Endpoint& endpoint, const QString& reason);
    void onTransportReady();
    void onReadyRead();
    void onTransportError(const QString& message);
    void onTransportClosed();
    void onConnectTimeout();
    void checkTimeouts();
    void sendInternal(const Command& argv, std::function<void(Reply&&)> handler);
    void handshakeFinished();
    // transient: the server answered but cannot serve yet (a busy script, loading its data set), so
    // even a first connection tries again.
    void failLink(const QString& message, bool fatal, bool transient = false);
    // The socket of a TCP link (TLS configured when the profile says so), its signals connected.
    // Null after failLink when the TLS files cannot be read.
    QTcpSocket* makeTcpSocket();
    QString tlsPeerName() const;
    void startTunnelAttempt();
    void onTunnelChannel(quint64 attempt, int fd, const QString& error, bool fatal);
    // BUSY and LOADING during the handshake: remembered, so that the attempt is retried, not failed.
    bool noteTransientHandshakeError(const Reply& reply);
    void failInFlight(Reply::ErrorKind kind, const QString& message);
    void destroySocket();
    void setState(Connection::State state, const QString& message);
    void send(OutgoingBatch& batch);
    void failBatch(OutgoingBatch& batch, Reply::ErrorKind kind, const QString& message);
    QString describeSocketError() const;

    Connection* const m_owner;
    ConnectionProfile m_profile;
    ConnectionTuning m_tuning;
    // SSH profiles: the profile's tunnel, which attempt a channel answer belongs to, and the ticket
    // through which a tunnel thread finds this worker (or learns it is gone).
    struct TunnelTicket {
        std::mutex mutex;
        ConnectionWorker* worker = nullptr;
    };
    std::shared_ptr<ssh::SshTunnel> m_tunnel;
    std::shared_ptr<TunnelTicket> m_tunnelTicket = std::make_shared<TunnelTicket>();
    quint64 m_tunnelAttempt = 0;
    std::shared_ptr<ConnectionShared> m_shared;
    ReplyReader m_reader;
    std::shared_ptr<const CommandClassifier> m_classifier;
    bool m_classifierFailed = false;

    QIODevice* m_socket = nullptr;
    QTimer* m_connectTimer = nullptr;
    QTimer* m_timeoutTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QElapsedTimer m_clock;

    std::deque<InFlight> m_inFlight;
    OutgoingBatch m_waiting; // queued while the handshake runs
    Connection::State m_state = Connection::State::Disconnected;
    bool m_transportUp = false;
    bool m_everConnected = false;
    // Fallback endpoints tried by this first connect, and why each earlier one failed.
    qsizetype m_fallbackNext = 0;
    QStringList m_fallbackErrors;
    QString m_originalHost;
    quint16 m_originalPort = 0;
    bool m_handshakeFatal = false;
    QString m_handshakeError;
    QString m_handshakeTransient;
    QString m_lastSslErrors;
    int m_attempt = 0;
    int m_endpointListener = 0;
    bool m_reconnectAtOnce = false; // the next retry of failLink starts without a delay
    QString m_wrongRole; // what ROLE answered at this handshake when it was not the expected one
    QByteArray m_readBuffer;
    std::vector<PendingCallback> m_callbacks; // completed, not yet handed to their threads
    std::shared_ptr<PushHandler> m_push; // push mode only
    std::vector<Reply> m_pushed; // push replies of the current socket read
    QByteArray m_pushCarry; // push mode: the start of a reply cut off by the end of a read
};

} // namespace vermilion
