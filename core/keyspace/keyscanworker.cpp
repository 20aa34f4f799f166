#include "keyscanworker.h"

#include "client/session.h"
#include "keypattern.h"
#include "util/posting.h"

namespace vermilion {

namespace {
constexpr int progressIntervalMs = 50;
}

// What the SCAN chain needs, shared between the connection's thread (which runs it) and the
// worker (which starts and resumes it). Only the chain touches cursor and received. The chain may
// outlive the worker (a reply still on its way when the loader goes): it reaches the worker only
// through the lifeline.
struct KeyScanWorker::Chain {
    Session* session = nullptr;
    // Used only in the calls handed over to the worker's thread, which run only while the worker's
    // event loop does: the loader retires the lifeline before it stops that loop, and the worker is
    // deleted after it.
    KeyScanWorker* worker = nullptr;
    std::shared_ptr<Lifeline> lifeline;
    quint64 generation = 0;
    ScanOptions options;
    std::atomic<qint64> cap { 0 };
    QByteArray cursor = "0";
    // Keys in replies so far (may count a key twice; only used for the cap). Written by the chain,
    // and by the worker while the chain is paused.
    qint64 received = 0;
    std::atomic<bool> paused { false };
    bool requestedEarly = false; // the next SCAN left on the cursor peek (connection thread only)
    bool live() const
    {
        return lifeline->current.load() == generation && lifeline->cancelled.load() != generation;
    }
};

KeyScanWorker::KeyScanWorker(Session* session, QThread* thread)
    : m_session(session)
{
    m_lifeline->thread = thread;
}

template<typename Work> void KeyScanWorker::handOver(const Chain& chain, Work&& work)
{
    // Under the lifeline's lock, so that the worker's thread cannot be retired (and then stopped
    // and deleted) between the check and the post.
    std::lock_guard lock(chain.lifeline->mutex);
    if (chain.lifeline->thread)
        postToThread(chain.lifeline->thread, std::forward<Work>(work));
}

void KeyScanWorker::begin(quint64 generation, const ScanOptions& options, std::shared_ptr<NamespaceTree> tree)
{
    m_generation = generation;
    m_tree = std::move(tree);
    m_loaded = 0;
    m_sinceProgress.start();
    auto chain = std::make_shared<Chain>();
    chain->session = m_session;
    chain->worker = this;
    chain->lifeline = m_lifeline;
    chain->generation = generation;
    chain->options = options;
    chain->cap.store(options.cap);
    m_chain = chain;
    requestNext(chain);
}

void KeyScanWorker::resume(quint64 generation, qint64 cap)
{
    if (generation != m_generation || !m_chain || !m_chain->paused.load())
        return;
    m_chain->cap.store(cap);
    m_chain->paused.store(false);
    requestNext(m_chain);
}

void KeyScanWorker::reserve(quint64 generation, qint64 keys)
{
    if (generation == m_generation && m_tree && keys > 0)
        m_tree->reserve(quint64(keys));
}

void KeyScanWorker::applyChanges(quint64 generation, const QList<QByteArray>& added, const QList<QByteArray>& removed)
{
    if (generation != m_generation || !m_tree)
        return;
    for (const QByteArray& key : removed)
        m_tree->removeKey(key);
    if (!added.isEmpty())
        m_tree->addKeys(added);
    emit changesApplied(generation);
}

void KeyScanWorker::requestNext(const std::shared_ptr<Chain>& chain)
{
    if (!chain->live())
        return;
    const Command scan
        = KeyPattern::scanCommand(chain->cursor, chain->options.match, chain->options.count, chain->options.type);
    // The reply is handled in the connection's thread as soon as it is read, and the next SCAN
    // leaves as soon as the cursor (the reply's first element) is parsed: the server works on the
    // next batch while this one is still being read.
    chain->session->executeDirect(
        scan, Session::Role::Bulk, [chain](Reply&& reply) { onReply(chain, reply); },
        [chain](const QByteArray& cursor) {
            const qint64 cap = chain->cap.load();
            if (!chain->live() || cursor == "0" || (cap > 0 && chain->received + 2 * chain->options.count >= cap))
                return; // near the end or the cap: onReply decides
            chain->cursor = cursor;
            chain->requestedEarly = true;
            requestNext(chain);
        });
}

void KeyScanWorker::onReply(const std::shared_ptr<Chain>& chain, const Reply& reply)
{
    if (!chain->live())
        return; // a newer load replaced this one
    KeyScanWorker* worker = chain->worker;
    const quint64 generation = chain->generation;
    if (reply.isError() || !reply.isArray() || reply.size() != 2 || !reply.at(1).isArray()) {
        const QString error = reply.isError() ? tr("Loading the keys failed: %1").arg(reply.errorMessage())
                                              : tr("The server answered SCAN with something unexpected.");
        handOver(*chain, [worker, generation, error] { worker->fail(generation, error); });
        return;
    }
    chain->cursor = reply.at(0).bytes();
    chain->received += reply.at(1).size();
    const bool finished = chain->cursor == "0";
    const qint64 cap = chain->cap.load();
    const bool capReached = !finished && cap > 0 && chain->received >= cap;
    // The next SCAN goes out before these keys are even handed over (or left already, early).
    if (std::exchange(chain->requestedEarly, false)) {
    } else if (!finished && !capReached) {
        requestNext(chain);
    } else if (capReached) {
        chain->paused.store(true);
    }
    // Packed here, so the reply's many small allocations are freed by the thread that made them.
    auto keys = std::make_shared<NamespaceTree::PackedKeys>();
    qsizetype total = 0;
    for (const Reply& key : reply.at(1).elements())
        total += key.bytes().size();
    keys->bytes.reserve(total);
    keys->ends.reserve(size_t(reply.at(1).size()));
    for (const Reply& key : reply.at(1).elements())
        keys->append(key.bytes());
    handOver(*chain, [worker, generation, keys = std::move(keys), finished, capReached] {
        worker->insert(generation, *keys, finished, capReached);
    });
}

void KeyScanWorker::insert(quint64 generation, const NamespaceTree::PackedKeys& keys, bool finished, bool capReached)
{
    if (generation != m_generation || m_lifeline->current.load() != generation)
        return;
    m_loaded += m_tree->addKeys(keys);
    if (finished || capReached || m_sinceProgress.elapsed() >= progressIntervalMs) {
        m_sinceProgress.restart();
        emit batchInserted(generation, m_loaded);
    }
    if (finished) {
        emit stopped(generation, int(KeyspaceLoader::State::Finished), QString(), m_loaded);
    } else if (capReached) {
        // The chain stops on keys received, which SCAN may repeat (while the server rehashes); the
        // cap is about distinct keys, so go on if duplicates left it short.
        const qint64 cap = m_chain->cap.load();
        if (m_loaded < cap) {
            m_chain->received = m_loaded;
            m_chain->paused.store(false);
            requestNext(m_chain);
            return;
        }
        emit stopped(generation, int(KeyspaceLoader::State::CapReached), QString(), m_loaded);
    }
}

void KeyScanWorker::fail(quint64 generation, const QString& error)
{
    if (generation != m_generation)
        return;
    emit stopped(generation, int(KeyspaceLoader::State::Failed), error, m_loaded);
}

} // namespace vermilion
