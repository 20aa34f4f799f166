#include "keyspaceloader.h"

#include "client/session.h"
#include "keyscanworker.h"
#include "util/posting.h"
#include "util/threadpriority.h"

#include <QThread>

namespace vermilion {

KeyspaceLoader::KeyspaceLoader(Session* session, const QByteArray& separator, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_separator(separator)
    , m_thread(new QThread)
    , m_worker(new KeyScanWorker(session, m_thread, m_board))
    , m_tree(std::make_shared<NamespaceTree>(separator))
{
    qRegisterMetaType<vermilion::ScanOptions>();
    qRegisterMetaType<std::shared_ptr<vermilion::NamespaceTree>>();
    m_thread->setObjectName(QStringLiteral("keyspace"));
    m_worker->moveToThread(m_thread);
    // Building the tree of millions of keys must not take the UI thread's core.
    connect(m_thread, &QThread::started, m_thread, [] { lowerCurrentThreadPriority(); }, Qt::DirectConnection);
    // The worker's signals are handed over by hand (util/posting.h), not through queued
    // connections: Qt would copy their arguments inside libQt6Core, where ThreadSanitizer cannot see
    // the hand-over. The worker's thread is stopped before this object goes (the destructor).
    KeyspaceLoader* loader = this;
    connect(
        m_worker, &KeyScanWorker::batchInserted, m_worker,
        [loader](quint64 generation, qint64 loaded) {
            postToObject(loader, [loader, generation, loaded] { loader->onBatch(generation, loaded); });
        },
        Qt::DirectConnection);
    connect(
        m_worker, &KeyScanWorker::stopped, m_worker,
        [loader](quint64 generation, int state, const QString& error, qint64 loaded) {
            postToObject(loader,
                [loader, generation, state, error, loaded] { loader->onStopped(generation, state, error, loaded); });
        },
        Qt::DirectConnection);
    connect(
        m_worker, &KeyScanWorker::changesApplied, m_worker,
        [loader](quint64 generation) {
            postToObject(loader, [loader, generation] {
                if (!loader->m_jobs.isStale(generation))
                    emit loader->treeChanged();
            });
        },
        Qt::DirectConnection);
    // The worker ends in its own thread, after its event loop (see the destructor).
    KeyScanWorker* worker = m_worker;
    QThread* thread = m_thread;
    connect(
        m_thread, &QThread::finished, m_thread,
        [worker, thread] {
            tsan::acquire(thread); // released before quit()
            delete worker;
            tsan::release(thread); // acquired once wait() returns
        },
        Qt::DirectConnection);
    m_thread->start();
}

KeyspaceLoader::~KeyspaceLoader()
{
    m_worker->invalidate(m_jobs.next());
    // A SCAN reply still on its way hands nothing over from here on; then the worker's thread stops
    // and deletes the worker there. quit() and QThread::wait() order this thread's use of the worker
    // before its deletion, and the deletion before what follows, inside libQt6Core: the releases and
    // acquires make that visible to ThreadSanitizer (util/tsan.h).
    m_worker->retire();
    tsan::release(m_thread);
    m_thread->quit();
    m_thread->wait();
    tsan::acquire(m_thread);
    delete m_thread;
}

void KeyspaceLoader::start(const ScanOptions& options)
{
    m_options = options;
    m_tree = std::make_shared<NamespaceTree>(m_separator);
    m_loaded = 0;
    m_databaseSize = -1;
    m_error.clear();
    const JobTracker::Ticket generation = m_jobs.next();
    m_worker->invalidate(generation);
    emit treeReplaced(m_tree);
    setState(State::Loading);
    // On a cluster, the total is the sum of the masters' DBSIZE (replicas hold copies).
    const QStringList masters = m_session->masterNodes();
    auto sizes = std::make_shared<QList<qint64>>(masters.size(), -1);
    for (qsizetype n = 0; n < masters.size(); ++n) {
        m_session->executeOn(masters.at(n), { "DBSIZE" }, this, [this, generation, sizes, n](const Reply& reply) {
            if (m_jobs.isStale(generation) || !reply.isInteger())
                return;
            (*sizes)[n] = reply.integerValue();
            if (sizes->contains(-1))
                return;
            m_databaseSize = 0;
            for (qint64 size : *sizes)
                m_databaseSize += size;
            const qint64 expected = m_options.cap > 0 ? qMin(m_options.cap, m_databaseSize) : m_databaseSize;
            const qint64 keys = m_options.match.isEmpty() && m_options.type.isEmpty() ? expected : 0;
            postToObject(m_worker, [worker = m_worker, generation, keys] { worker->reserve(generation, keys); });
            emit progress(m_loaded, m_databaseSize);
        });
    }
    postToObject(m_worker,
        [worker = m_worker, generation, options, tree = m_tree] { worker->begin(generation, options, tree); });
}

void KeyspaceLoader::loadMore(qint64 more)
{
    if (m_state != State::CapReached)
        return;
    m_options.cap = more > 0 ? m_loaded + more : 0;
    setState(State::Loading);
    postToObject(m_worker,
        [worker = m_worker, generation = m_jobs.current(), cap = m_options.cap] { worker->resume(generation, cap); });
}

void KeyspaceLoader::applyChanges(const QList<QByteArray>& added, const QList<QByteArray>& removed)
{
    postToObject(m_worker, [worker = m_worker, generation = m_jobs.current(), added, removed] {
        worker->applyChanges(generation, added, removed);
    });
}

void KeyspaceLoader::cancel()
{
    if (m_state != State::Loading)
        return;
    // The chain stops at its next reply; batches already read still go into the tree.
    m_worker->cancel(m_jobs.current());
    setState(State::Cancelled);
}

void KeyspaceLoader::onBatch(quint64 generation, qint64 loaded)
{
    if (m_jobs.isStale(generation))
        return;
    m_loaded = loaded;
    emit progress(m_loaded, m_databaseSize);
}

void KeyspaceLoader::onStopped(quint64 generation, int state, const QString& error, qint64 loaded)
{
    if (m_jobs.isStale(generation))
        return;
    m_loaded = loaded;
    m_error = error;
    emit progress(m_loaded, m_databaseSize);
    if (m_state != State::Cancelled)
        setState(State(state));
}

void KeyspaceLoader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace vermilion
