#include "keyspaceloader.h"

#include "client/session.h"
#include "keyscanworker.h"

#include <QThread>

namespace vermilion {

KeyspaceLoader::KeyspaceLoader(Session* session, const QByteArray& separator, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_separator(separator)
    , m_thread(new QThread)
    , m_worker(new KeyScanWorker(session))
    , m_tree(std::make_shared<NamespaceTree>(separator))
{
    qRegisterMetaType<vermilion::ScanOptions>();
    qRegisterMetaType<std::shared_ptr<vermilion::NamespaceTree>>();
    m_thread->setObjectName(QStringLiteral("keyspace"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &KeyScanWorker::batchInserted, this, &KeyspaceLoader::onBatch);
    connect(m_worker, &KeyScanWorker::stopped, this, &KeyspaceLoader::onStopped);
    connect(m_worker, &KeyScanWorker::changesApplied, this, [this](quint64 generation) {
        if (generation == m_generation)
            emit treeChanged();
    });
    m_thread->start();
}

KeyspaceLoader::~KeyspaceLoader()
{
    m_worker->invalidate(++m_generation);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void KeyspaceLoader::start(const ScanOptions& options)
{
    m_options = options;
    m_tree = std::make_shared<NamespaceTree>(m_separator);
    m_loaded = 0;
    m_databaseSize = -1;
    m_error.clear();
    const quint64 generation = ++m_generation;
    m_worker->invalidate(generation);
    emit treeReplaced(m_tree);
    setState(State::Loading);
    m_session->execute({ "DBSIZE" }, this, [this, generation](const Reply& reply) {
        if (generation != m_generation || !reply.isInteger())
            return;
        m_databaseSize = reply.integerValue();
        const qint64 expected = m_options.cap > 0 ? qMin(m_options.cap, m_databaseSize) : m_databaseSize;
        QMetaObject::invokeMethod(m_worker, "reserve", Qt::QueuedConnection, Q_ARG(quint64, generation),
            Q_ARG(qint64, m_options.match.isEmpty() && m_options.type.isEmpty() ? expected : 0));
        emit progress(m_loaded, m_databaseSize);
    });
    QMetaObject::invokeMethod(m_worker, "begin", Qt::QueuedConnection, Q_ARG(quint64, generation),
        Q_ARG(vermilion::ScanOptions, options), Q_ARG(std::shared_ptr<vermilion::NamespaceTree>, m_tree));
}

void KeyspaceLoader::loadMore(qint64 more)
{
    if (m_state != State::CapReached)
        return;
    m_options.cap = more > 0 ? m_loaded + more : 0;
    setState(State::Loading);
    QMetaObject::invokeMethod(
        m_worker, "resume", Qt::QueuedConnection, Q_ARG(quint64, m_generation), Q_ARG(qint64, m_options.cap));
}

void KeyspaceLoader::applyChanges(const QList<QByteArray>& added, const QList<QByteArray>& removed)
{
    QMetaObject::invokeMethod(m_worker, "applyChanges", Qt::QueuedConnection, Q_ARG(quint64, m_generation),
        Q_ARG(QList<QByteArray>, added), Q_ARG(QList<QByteArray>, removed));
}

void KeyspaceLoader::cancel()
{
    if (m_state != State::Loading)
        return;
    // The chain stops at its next reply; batches already read still go into the tree.
    m_worker->cancel(m_generation);
    setState(State::Cancelled);
}

void KeyspaceLoader::onBatch(quint64 generation, qint64 loaded)
{
    if (generation != m_generation)
        return;
    m_loaded = loaded;
    emit progress(m_loaded, m_databaseSize);
}

void KeyspaceLoader::onStopped(quint64 generation, int state, const QString& error, qint64 loaded)
{
    if (generation != m_generation)
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
