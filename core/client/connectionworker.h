#pragma once

#include "commandclassifier.h"
#include "connection.h"
#include "replyreader.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <deque>
#include <vector>

class QIODevice;
class QTimer;

namespace vermilion {

// A command on its way: encoded in the caller's thread, sent and completed in the worker's.
struct Request {
    Command argv;
    QByteArray payload;
    std::function<void(Reply&&)> deliver;
    int timeoutMs = -1;
};

// State shared between a Connection (any thread) and its worker.
struct ConnectionShared {
    QMutex mutex;
    std::vector<Request> queue; // guarded by mutex
    QString lastError; // guarded by mutex
    std::atomic<bool> wakeScheduled { false };
    std::atomic<int> state { int(Connection::State::Disconnected) };
};

// The part of a Connection that lives in its thread and owns the socket. Private to core/client.
class ConnectionWorker : public QObject {
    Q_OBJECT
public:
    ConnectionWorker(const ConnectionProfile& profile, const ConnectionTuning& tuning,
                     std::shared_ptr<ConnectionShared> shared);
    ~ConnectionWorker() override;

public slots:
    void open();
    void close();
    void shutdown();
    void drainQueue();

signals:
    void stateChanged(int state, const QString& message);

private:
    struct InFlight {
        std::function<void(Reply&&)> deliver;
        qint64 deadlineMs = 0; // 0 = none
        bool internal = false;
    };

    void startAttempt();
    void onTransportReady();
    void onReadyRead();
    void onTransportError(const QString& message);
    void onTransportClosed();
    void onConnectTimeout();
    void checkTimeouts();
    void sendInternal(const Command& argv, std::function<void(Reply&&)> handler);
    void handshakeFinished();
    void failLink(const QString& message, bool fatal);
    void failInFlight(Reply::ErrorKind kind, const QString& message);
    void destroySocket();
    void setState(Connection::State state, const QString& message);
    void send(std::vector<Request>& requests);
    QString describeSocketError() const;

    ConnectionProfile m_profile;
    ConnectionTuning m_tuning;
    std::shared_ptr<ConnectionShared> m_shared;
    ReplyReader m_reader;
    CommandClassifier m_classifier;
    bool m_classifierFailed = false;

    QIODevice* m_socket = nullptr;
    QTimer* m_connectTimer = nullptr;
    QTimer* m_timeoutTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QElapsedTimer m_clock;

    std::deque<InFlight> m_inFlight;
    std::vector<Request> m_waiting; // queued while the handshake runs
    Connection::State m_state = Connection::State::Disconnected;
    bool m_transportUp = false;
    bool m_everConnected = false;
    bool m_handshakeFatal = false;
    QString m_handshakeError;
    QString m_lastSslErrors;
    int m_attempt = 0;
    QByteArray m_readBuffer;
};

} // namespace vermilion
