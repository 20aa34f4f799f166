#include "connection.h"

#include "connectionworker.h"
#include "linkstateguard.h"
#include "util/posting.h"
#include "util/threadpriority.h"

#include <QPromise>
#include <QThread>

namespace vermilion {

namespace {
struct BatchState {
    explicit BatchState(qsizetype count)
        : replies(count)
        , remaining(count)
    {
    }
    QList<Reply> replies;
    std::atomic<qsizetype> remaining;
    std::function<void(QList<Reply>&&)> finish;
};
} // namespace

Connection::Connection(const ConnectionProfile& profile, const ConnectionTuning& tuning, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_sharedLink(tuning.sharedLink)
    , m_shared(std::make_shared<ConnectionShared>())
    , m_thread(new QThread)
{
    qRegisterMetaType<vermilion::Reply>();
    m_thread->setObjectName(QStringLiteral("redis:") + QString::fromUtf8(tuning.clientName));
    m_worker = new ConnectionWorker(this, profile, tuning, m_shared);
    m_worker->moveToThread(m_thread);
    // The worker ends in its own thread, once the thread's event loop is done (see the destructor).
    ConnectionWorker* worker = m_worker;
    QThread* thread = m_thread;
    connect(
        m_thread, &QThread::finished, m_thread,
        [worker, thread] {
            worker->shutdown();
            delete worker;
            tsan::release(thread); // acquired once wait() returns
        },
        Qt::DirectConnection);
    m_thread->start();
    if (tuning.background)
        postToObject(m_worker, [] { lowerCurrentThreadPriority(); });
}

Connection::~Connection()
{
    // The worker shuts down (every request still queued or in flight gets its answer) and is deleted
    // in its own thread, when QThread::finished runs there, so that nothing it wrote is freed here.
    // QThread::wait() orders the rest, but inside libQt6Core, where ThreadSanitizer cannot see it:
    // the thread's release above makes the order visible (util/tsan.h).
    m_thread->quit();
    m_thread->wait();
    tsan::acquire(m_thread);
    delete m_thread;
}

Connection::State Connection::state() const
{
    return State(m_shared->state.load());
}

QString Connection::connectedEndpoint() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->endpoint;
}

QString Connection::lastError() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->lastError;
}

void Connection::open()
{
    postToObject(m_worker, [worker = m_worker] { worker->open(); });
}
void Connection::close()
{
    postToObject(m_worker, [worker = m_worker] { worker->close(); });
}

void Connection::enqueue(const Command& argv, Deliver deliver, CommandOptions options, bool guarded)
{
    enqueue(argv, Completion { std::move(deliver), {}, {}, {} }, options, guarded);
}

void Connection::enqueue(const Command& argv, Completion&& completion, CommandOptions options, bool guarded)
{
    if (m_sharedLink && guarded) {
        const QString refusal = LinkStateGuard::refusal(argv);
        if (!refusal.isEmpty()) {
            completeNow(std::move(completion), Reply::error(refusal.toUtf8(), Reply::ErrorKind::SharedLink));
            return;
        }
    }
    Request request;
    request.timeoutMs = options.timeoutMs;
    completion.packStrings = options.packStrings;
    {
        QMutexLocker lock(&m_shared->mutex);
        if (m_profile.readOnly) {
            // Refused here, before it is queued, once the server's command table is known; until
            // then the worker decides when the handshake has read it.
            if (const auto& classifier = m_shared->classifier) {
                const auto verdict = classifier->classify(argv);
                if (verdict != CommandClassifier::Verdict::ReadOnly) {
                    lock.unlock();
                    completeNow(std::move(completion),
                        Reply::error(ConnectionWorker::readOnlyRefusal(verdict, argv, false).toUtf8(),
                            Reply::ErrorKind::ReadOnly));
                    return;
                }
            } else {
                request.argv = argv;
                m_shared->outgoing.anyDeferredCheck = true;
            }
        }
        OutgoingBatch& outgoing = m_shared->outgoing;
        request.begin = outgoing.bytes.size();
        RespEncoder::append(outgoing.bytes, argv);
        request.end = outgoing.bytes.size();
        request.completion = std::move(completion);
        outgoing.requests.push_back(std::move(request));
    }
    // Called from the connection's own thread (a reply handler sending the next command): send now.
    if (QThread::currentThread() == m_thread) {
        m_worker->drainQueue();
        return;
    }
    // One wake-up per burst: a caller pipelining thousands of commands costs one queued call.
    if (!m_shared->wakeScheduled.exchange(true))
        postToObject(m_worker, [worker = m_worker] { worker->drainQueue(); });
}

void Connection::completeNow(Completion&& completion, Reply&& reply)
{
    if (completion.callback) {
        completion.contextLifeline->post(
            [context = std::move(completion.context), callback = std::move(completion.callback), reply] {
                if (context)
                    callback(reply);
            });
    } else if (completion.deliver) {
        completion.deliver(std::move(reply));
    }
}

QFuture<Reply> Connection::execute(const Command& argv, CommandOptions options)
{
    auto promise = std::make_shared<QPromise<Reply>>();
    promise->start();
    QFuture<Reply> future = promise->future();
    enqueue(
        argv,
        [promise](Reply&& reply) {
            promise->addResult(std::move(reply));
            promise->finish();
        },
        options);
    return future;
}

void Connection::execute(const Command& argv, QObject* context, Callback callback, CommandOptions options)
{
    Q_ASSERT(context);
    // The caller's thread, where the context surely lives for now: its thread and identity are taken
    // here, never on the connection's thread.
    enqueue(argv, Completion { {}, QPointer<QObject>(context), std::move(callback), {}, ThreadLifeline::of(context->thread()), context },
        options);
}

void Connection::executeDirect(
    const Command& argv, std::function<void(Reply&&)> inConnectionThread, CommandOptions options)
{
    enqueue(argv, std::move(inConnectionThread), options);
}

void Connection::executeDirect(const Command& argv, std::function<void(Reply&&)> inConnectionThread,
    std::function<void(const QByteArray&)> peek, CommandOptions options)
{
    enqueue(argv, Completion { std::move(inConnectionThread), {}, {}, std::move(peek) }, options);
}

void Connection::setPushHandler(std::shared_ptr<PushHandler> handler)
{
    ConnectionWorker* worker = m_worker;
    postToObject(
        m_worker, [worker, handler = std::move(handler)]() mutable { worker->setPushHandler(std::move(handler)); });
}

void Connection::sendUntracked(const Command& argv)
{
    {
        QMutexLocker lock(&m_shared->mutex);
        Request request;
        OutgoingBatch& outgoing = m_shared->outgoing;
        request.begin = outgoing.bytes.size();
        RespEncoder::append(outgoing.bytes, argv);
        request.end = outgoing.bytes.size();
        request.untracked = true;
        outgoing.requests.push_back(std::move(request));
    }
    if (QThread::currentThread() == m_thread) {
        m_worker->drainQueue();
        return;
    }
    if (!m_shared->wakeScheduled.exchange(true))
        postToObject(m_worker, [worker = m_worker] { worker->drainQueue(); });
}

QFuture<Reply> Connection::selectDatabase(int database)
{
    auto promise = std::make_shared<QPromise<Reply>>();
    promise->start();
    QFuture<Reply> future = promise->future();
    enqueueSelect(database, [promise](Reply&& reply) {
        promise->addResult(std::move(reply));
        promise->finish();
    });
    return future;
}

void Connection::selectDatabase(int database, QObject* context, Callback callback)
{
    Q_ASSERT(context);
    QPointer<QObject> guard(context);
    std::shared_ptr<ThreadLifeline> lifeline = ThreadLifeline::of(context->thread());
    enqueueSelect(database, [guard, lifeline, callback = std::move(callback)](Reply&& reply) mutable {
        // Moved on, not copied: the guard and the callback are let go in the context's thread, the
        // only one that asks the guard.
        lifeline->post([guard = std::move(guard), callback = std::move(callback), reply = std::move(reply)] {
            if (guard)
                callback(reply);
        });
    });
}

void Connection::enqueueSelect(int database, Deliver deliver)
{
    ConnectionWorker* worker = m_worker;
    enqueue(
        { "SELECT", QByteArray::number(database) },
        [worker, database, deliver = std::move(deliver)](Reply&& reply) {
            // Runs in the worker's thread: the next handshake selects the new database too. A link
            // that is down takes it on reconnect.
            if (!reply.isError() || reply.errorKind() == Reply::ErrorKind::NotConnected)
                worker->setDatabase(database);
            deliver(std::move(reply));
        },
        {}, /*guarded=*/false); // the owner's own move, for every reconnect after it
}

QFuture<QList<Reply>> Connection::executeBatch(const QList<Command>& commands, CommandOptions options)
{
    auto promise = std::make_shared<QPromise<QList<Reply>>>();
    promise->start();
    QFuture<QList<Reply>> future = promise->future();
    if (commands.isEmpty()) {
        promise->addResult(QList<Reply>());
        promise->finish();
        return future;
    }
    enqueueBatch(
        commands,
        [promise](QList<Reply>&& replies) {
            promise->addResult(std::move(replies));
            promise->finish();
        },
        options);
    return future;
}

void Connection::executeBatch(const QList<Command>& commands, QObject* context,
    std::function<void(const QList<Reply>&)> callback, CommandOptions options)
{
    Q_ASSERT(context);
    QPointer<QObject> guard(context);
    std::shared_ptr<ThreadLifeline> lifeline = ThreadLifeline::of(context->thread());
    auto deliver = [guard, lifeline, callback = std::move(callback)](QList<Reply>&& replies) mutable {
        // Moved on, as in selectDatabase: the guard is let go in the context's thread.
        lifeline->post([guard = std::move(guard), callback = std::move(callback), replies = std::move(replies)] {
            if (guard)
                callback(replies);
        });
    };
    if (commands.isEmpty()) {
        deliver({});
        return;
    }
    enqueueBatch(commands, std::move(deliver), options);
}

void Connection::executeBatchDirect(
    const QList<Command>& commands, std::function<void(QList<Reply>&&)> inConnectionThread, CommandOptions options)
{
    if (commands.isEmpty()) {
        inConnectionThread({});
        return;
    }
    enqueueBatch(commands, std::move(inConnectionThread), options);
}

void Connection::enqueueBatch(const QList<Command>& commands, BatchDeliver finish, CommandOptions options)
{
    auto batch = std::make_shared<BatchState>(commands.size());
    batch->finish = std::move(finish);
    for (qsizetype i = 0; i < commands.size(); ++i) {
        enqueue(
            commands.at(i),
            [batch, i](Reply&& reply) {
                batch->replies[i] = std::move(reply);
                if (--batch->remaining == 0)
                    batch->finish(std::move(batch->replies));
            },
            options);
    }
}

void Connection::handleWorkerState(int state, const QString& message)
{
    const auto newState = State(state);
    const State previous = m_reportedState;
    m_reportedState = newState;
    emit stateChanged(newState, message);
    if (newState == State::Connected)
        emit connected();
    else if (previous == State::Connected && (newState == State::Reconnecting || newState == State::Failed))
        emit linkLost(message, newState == State::Reconnecting);
}

QString Connection::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

} // namespace vermilion
