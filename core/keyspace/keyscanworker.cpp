#include "keyscanworker.h"

#include <QTimer>

#include "client/clusterslots.h"
#include "client/session.h"
#include "keypattern.h"
#include "util/posting.h"

namespace vermilion {

namespace {
constexpr int progressIntervalMs = 50;
// Pages a node's chain may have waiting for the tree before it holds its next SCAN (see Load).
constexpr int queuedPagesPerNode = 16;

// SCAN pages come with their keys packed: no allocation per key between the socket and the tree.
CommandOptions packedPage()
{
    CommandOptions options;
    options.packStrings = true;
    return options;
}
} // namespace

// What the chains of one load share: the cap, the keys received by all of them (which may count a
// key twice; only used for the cap), and the pages handed to the tree and not inserted yet.
//
// Backpressure: when the tree falls behind (on a loopback cluster it does: its inserts miss the
// cache, and its thread runs at a lower priority), a chain whose page finds more than queuedLimit
// pages waiting sends no next SCAN; the tree sends it once it has inserted enough. The backlog,
// and its memory, stays a few pages per node however far the tree falls behind.
struct KeyScanWorker::Load {
    std::atomic<qint64> cap { 0 };
    std::atomic<qint64> received { 0 };
    std::atomic<int> queuedPages { 0 };
    int queuedLimit = 0; // set before the chains start
};

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
    std::shared_ptr<Load> load;
    QString node; // "" on a single server
    int index = 0;
    QByteArray cursor = "0";
    std::atomic<bool> paused { false };
    bool requestedEarly = false; // the next SCAN left on the cursor peek (connection thread only)
    // Parked by the backpressure: no SCAN in flight, the next one is sent by whoever sets it false.
    std::atomic<bool> waitingForRoom { false };
    // Sentinel: a SCAN lost with its link (a failover moves every link) is sent again once the
    // session is back, from the cursor of the oldest request not answered yet, or from 0 when the
    // session now speaks to another server (a cursor is only valid where it was made). Replies of
    // the requests before a retry carry an older epoch and are dropped.
    QByteArray confirmed = "0";
    QString server;
    std::atomic<int> epoch { 0 };
    std::atomic<bool> retrying { false };
    int linkRetries = 0; // worker thread
    bool live() const
    {
        return lifeline->current.load() == generation && lifeline->cancelled.load() != generation;
    }
};

KeyScanWorker::KeyScanWorker(Session* session, QThread* thread, std::shared_ptr<NodeScanBoard> board)
    : m_session(session)
    , m_board(std::move(board))
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
    m_load = std::make_shared<Load>();
    m_load->cap.store(options.cap);
    m_load->queuedLimit = queuedPagesPerNode * int(qMax<qsizetype>(1, m_session->scanNodes().size()));
    m_chains.clear();
    m_chainStates.clear();
    m_startTopology = m_session->isCluster() ? m_session->clusterTopology() : ClusterTopology();
    const QStringList nodes = m_session->scanNodes();
    for (qsizetype n = 0; n < nodes.size(); ++n) {
        auto chain = std::make_shared<Chain>();
        chain->session = m_session;
        chain->worker = this;
        chain->lifeline = m_lifeline;
        chain->generation = generation;
        chain->options = options;
        chain->load = m_load;
        chain->node = nodes.at(n);
        chain->index = int(n);
        chain->server = m_session->currentServer();
        m_chains.push_back(chain);
        m_chainStates.push_back(ChainState::Running);
    }
    {
        std::lock_guard lock(m_board->mutex);
        m_board->nodes.clear();
        for (const QString& node : nodes)
            m_board->nodes.append(NodeScanProgress { node, 0, false });
    }
    if (m_chains.empty()) {
        emit stopped(generation, int(KeyspaceLoader::State::Failed), tr("The cluster has no master to scan."), 0);
        return;
    }
    for (const auto& chain : m_chains)
        requestNext(chain);
}

void KeyScanWorker::resume(quint64 generation, qint64 cap)
{
    if (generation != m_generation || !m_load)
        return;
    m_load->cap.store(cap);
    for (size_t n = 0; n < m_chains.size(); ++n) {
        if (m_chainStates[n] != ChainState::Paused || !m_chains[n]->paused.load())
            continue;
        m_chainStates[n] = ChainState::Running;
        // A Sentinel session may speak to another server since the chain paused: its cursor was
        // made by the old one, so the scan of that node starts over (the tree drops the repeats).
        const QString server = m_session->currentServer();
        if (server != m_chains[n]->server) {
            m_chains[n]->cursor = "0";
            m_chains[n]->confirmed = "0";
            m_chains[n]->server = server;
        }
        m_chains[n]->paused.store(false);
        requestNext(m_chains[n]);
    }
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
    const int epoch = chain->epoch.load();
    // The reply is handled in the connection's thread as soon as it is read, and the next SCAN
    // leaves as soon as the cursor (the reply's first element) is parsed: the server works on the
    // next batch while this one is still being read.
    chain->session->executeDirectOn(
        chain->node, scan, Session::Role::Bulk,
        [chain, epoch](Reply&& reply) {
            if (chain->epoch.load() == epoch)
                onReply(chain, reply);
        },
        [chain, epoch](const QByteArray& cursor) {
            const qint64 cap = chain->load->cap.load();
            if (!chain->live() || chain->epoch.load() != epoch || cursor == "0"
                || (cap > 0 && chain->load->received.load() + 2 * chain->options.count >= cap)
                || chain->load->queuedPages.load() >= chain->load->queuedLimit)
                return; // near the end or the cap, or the tree behind: onReply decides
            chain->cursor = cursor;
            chain->requestedEarly = true;
            requestNext(chain);
        },
        packedPage());
}

void KeyScanWorker::onReply(const std::shared_ptr<Chain>& chain, const Reply& reply)
{
    if (!chain->live())
        return; // a newer load replaced this one
    KeyScanWorker* worker = chain->worker;
    const quint64 generation = chain->generation;
    const bool linkLost = reply.isError()
        && (reply.errorKind() == Reply::ErrorKind::ConnectionLost || reply.errorKind() == Reply::ErrorKind::NotConnected);
    if (linkLost && chain->session->isSentinel()) {
        // Every request of this failure answers with it: the first one arranges the retry.
        if (!chain->retrying.exchange(true))
            handOver(*chain, [worker, generation, chain, error = reply.errorMessage()] {
                worker->retryAfterLinkLoss(generation, chain, error);
            });
        return;
    }
    if (reply.isError() || !reply.isArray() || reply.size() != 2 || !reply.at(1).isArray()) {
        const QString error = reply.isError() ? tr("Loading the keys failed: %1").arg(reply.errorMessage())
                                              : tr("The server answered SCAN with something unexpected.");
        handOver(*chain, [worker, generation, node = chain->node, error] { worker->fail(generation, node, error); });
        return;
    }
    chain->cursor = reply.at(0).bytes();
    chain->confirmed = chain->cursor;
    const qint64 received = chain->load->received.fetch_add(reply.at(1).size()) + reply.at(1).size();
    const bool finished = chain->cursor == "0";
    const qint64 cap = chain->load->cap.load();
    const bool capReached = !finished && cap > 0 && received >= cap;
    // The next SCAN goes out before these keys are even handed over (or left already, early),
    // unless the tree is behind: then the tree sends it once it has caught up.
    const int queued = chain->load->queuedPages.fetch_add(1) + 1;
    if (std::exchange(chain->requestedEarly, false)) {
    } else if (!finished && !capReached) {
        if (queued <= chain->load->queuedLimit) {
            requestNext(chain);
        } else {
            chain->waitingForRoom.store(true);
            // The tree may have caught up between the count and the mark: then nobody else sends it.
            if (chain->load->queuedPages.load() <= chain->load->queuedLimit && chain->waitingForRoom.exchange(false))
                requestNext(chain);
        }
    } else if (capReached) {
        chain->paused.store(true);
    }
    // Packed by the reader (a page with something else than strings in it comes unpacked: packed
    // here, so its many small allocations are freed by the thread that made them).
    std::shared_ptr<const NamespaceTree::PackedKeys> keys = reply.at(1).packedStrings();
    if (!keys) {
        auto packed = std::make_shared<NamespaceTree::PackedKeys>();
        for (const Reply& key : reply.at(1).elements())
            packed->append(key.bytes());
        keys = std::move(packed);
    }
    const bool paused = capReached && chain->paused.load();
    handOver(*chain, [worker, generation, index = chain->index, keys = std::move(keys), finished, paused] {
        worker->insert(generation, index, *keys, finished, paused);
    });
}

void KeyScanWorker::retryAfterLinkLoss(quint64 generation, const std::shared_ptr<Chain>& chain, const QString& error)
{
    if (generation != m_generation || !chain->live())
        return;
    constexpr int delayMs = 250;
    constexpr int maxRetries = 240; // a minute: an automatic failover waits out down-after-milliseconds
    const Connection::State state = m_session->state();
    if (++chain->linkRetries > maxRetries || state == Connection::State::Failed
        || state == Connection::State::Disconnected) {
        fail(generation, chain->node, tr("Loading the keys failed: %1").arg(error));
        return;
    }
    QTimer::singleShot(delayMs, this, [this, generation, chain, error] {
        if (generation != m_generation || !chain->live())
            return;
        if (m_session->state() != Connection::State::Connected) {
            retryAfterLinkLoss(generation, chain, error); // not back yet
            return;
        }
        const QString server = m_session->currentServer();
        if (server != chain->server) {
            chain->confirmed = "0";
            chain->server = server;
        }
        chain->cursor = chain->confirmed;
        chain->requestedEarly = false;
        chain->linkRetries = 0;
        chain->epoch.fetch_add(1);
        chain->retrying.store(false);
        requestNext(chain);
    });
}

void KeyScanWorker::insert(
    quint64 generation, int chain, const NamespaceTree::PackedKeys& keys, bool finished, bool paused)
{
    if (generation != m_generation || m_lifeline->current.load() != generation)
        return;
    m_loaded += m_tree->addKeys(keys);
    // Room for more: the chains the backpressure held send their next SCAN. A Sentinel session may
    // speak to another server since a chain was held: its cursor was made by the old one, so the
    // scan of that node starts over (the tree drops the repeats), as after a pause at the cap.
    if (m_load->queuedPages.fetch_sub(1) - 1 <= m_load->queuedLimit) {
        for (const auto& held : m_chains) {
            if (!held->waitingForRoom.load() || !held->waitingForRoom.exchange(false))
                continue;
            if (const QString server = m_session->currentServer(); server != held->server) {
                held->cursor = "0";
                held->confirmed = "0";
                held->server = server;
            }
            requestNext(held);
        }
    }
    {
        std::lock_guard lock(m_board->mutex);
        if (chain < m_board->nodes.size()) {
            m_board->nodes[chain].keys += qint64(keys.ends.size());
            m_board->nodes[chain].finished = finished;
        }
    }
    if (finished)
        m_chainStates[size_t(chain)] = ChainState::Finished;
    else if (paused)
        m_chainStates[size_t(chain)] = ChainState::Paused;
    const bool allFinished = std::all_of(
        m_chainStates.begin(), m_chainStates.end(), [](ChainState state) { return state == ChainState::Finished; });
    const bool anyRunning = std::any_of(
        m_chainStates.begin(), m_chainStates.end(), [](ChainState state) { return state == ChainState::Running; });
    if (allFinished || !anyRunning || m_sinceProgress.elapsed() >= progressIntervalMs) {
        m_sinceProgress.restart();
        emit batchInserted(generation, m_loaded);
    }
    if (allFinished) {
        // The settling pass reads whole slots: only for a load of every key (no MATCH or TYPE
        // filter, no cap left).
        const ScanOptions& options = m_chains.front()->options;
        if (m_session->isCluster() && m_load->cap.load() == 0 && options.match.isEmpty() && options.type.isEmpty())
            startSettle(generation);
        else
            finishLoad(generation);
    } else if (!anyRunning) {
        settleCap();
    }
}

void KeyScanWorker::finishLoad(quint64 generation)
{
    emit batchInserted(generation, m_loaded);
    emit stopped(generation, int(KeyspaceLoader::State::Finished), QString(), m_loaded);
}

void KeyScanWorker::startSettle(quint64 generation)
{
    // Keys move between masters while slots are resharded: a key that left a master before its
    // cursor got there, for a master whose cursor had passed that place, is in neither scan. Each
    // master says what it serves and migrates now; the keys of every slot that is not where it was
    // when the load began, or is in migration, are read again with CLUSTER GETKEYSINSLOT. The tree
    // takes each key once, so a key met twice is shown once.
    const QStringList masters = m_session->masterNodes();
    m_ownViews.clear();
    m_settleReplies = int(masters.size());
    if (masters.isEmpty()) {
        finishLoad(generation);
        return;
    }
    for (const QString& master : masters) {
        const std::shared_ptr<Lifeline> lifeline = m_lifeline;
        KeyScanWorker* worker = this;
        m_session->executeDirectOn(master, { "CLUSTER", "NODES" }, Session::Role::Bulk,
                                   [lifeline, worker, generation, master](Reply&& reply) {
                                       const QByteArray text = reply.isString() ? reply.bytes() : QByteArray();
                                       std::lock_guard lock(lifeline->mutex);
                                       if (lifeline->thread)
                                           postToThread(lifeline->thread, [worker, generation, master, text] {
                                               worker->onOwnView(generation, master, text);
                                           });
                                   });
    }
}

void KeyScanWorker::onOwnView(quint64 generation, const QString& node, const QByteArray& clusterNodes)
{
    if (generation != m_generation || m_lifeline->current.load() != generation)
        return;
    m_ownViews.insert(node, clusterNodes);
    if (--m_settleReplies > 0)
        return;
    // Who serves each slot now, by each master's own word.
    std::vector<QString> ownerNow(ClusterSlots::count);
    std::vector<bool> suspect(ClusterSlots::count, false);
    for (auto it = m_ownViews.cbegin(); it != m_ownViews.cend(); ++it) {
        ClusterTopology::OwnView view;
        if (!ClusterTopology::ownViewFromNodes(it.value(), &view))
            continue;
        for (const auto& [first, last] : view.slotRanges) {
            for (int slot = first; slot <= last; ++slot)
                ownerNow[size_t(slot)] = it.key();
        }
        for (int slot : view.migrating)
            suspect[size_t(slot)] = true;
    }
    QHash<QString, QList<int>> reads; // node -> slots to read there
    for (int slot = 0; slot < ClusterSlots::count; ++slot) {
        const ClusterNode* before = m_startTopology.masterForSlot(slot);
        const QString then = before ? m_session->profile().clusterAddressMap.value(before->address(), before->address())
                                    : QString();
        const QString& now = ownerNow[size_t(slot)];
        if (!suspect[size_t(slot)] && then == now)
            continue;
        // Read where it is now, and where it was (a migration may still be under way).
        if (!now.isEmpty())
            reads[now].append(slot);
        if (!then.isEmpty() && then != now)
            reads[then].append(slot);
    }
    m_settleReplies = 0;
    for (auto it = reads.cbegin(); it != reads.cend(); ++it)
        m_settleReplies += int(it.value().size());
    if (m_settleReplies == 0) {
        finishLoad(generation);
        return;
    }
    for (auto it = reads.cbegin(); it != reads.cend(); ++it) {
        for (int slot : it.value()) {
            const std::shared_ptr<Lifeline> lifeline = m_lifeline;
            KeyScanWorker* worker = this;
            m_session->executeDirectOn(
                it.key(), { "CLUSTER", "GETKEYSINSLOT", QByteArray::number(slot), "100000000" }, Session::Role::Bulk,
                [lifeline, worker, generation](Reply&& reply) {
                    auto keys = std::make_shared<NamespaceTree::PackedKeys>();
                    if (reply.isArray()) {
                        for (const Reply& key : reply.elements())
                            keys->append(key.bytes());
                    }
                    std::lock_guard lock(lifeline->mutex);
                    if (lifeline->thread)
                        postToThread(lifeline->thread,
                                     [worker, generation, keys] { worker->onSlotKeys(generation, *keys); });
                });
        }
    }
}

void KeyScanWorker::onSlotKeys(quint64 generation, const NamespaceTree::PackedKeys& keys)
{
    if (generation != m_generation || m_lifeline->current.load() != generation)
        return;
    if (!keys.ends.empty())
        m_loaded += m_tree->addKeys(keys);
    if (--m_settleReplies == 0)
        finishLoad(generation);
}

void KeyScanWorker::settleCap()
{
    // Every chain still going is paused at the cap. The chains stop on keys received, which SCAN
    // may repeat (while the server rehashes); the cap is about distinct keys, so go on if
    // duplicates left it short.
    const qint64 cap = m_load->cap.load();
    if (m_loaded < cap) {
        m_load->received.store(m_loaded);
        for (size_t n = 0; n < m_chains.size(); ++n) {
            if (m_chainStates[n] != ChainState::Paused)
                continue;
            m_chainStates[n] = ChainState::Running;
            m_chains[n]->paused.store(false);
            requestNext(m_chains[n]);
        }
        return;
    }
    emit stopped(m_generation, int(KeyspaceLoader::State::CapReached), QString(), m_loaded);
}

void KeyScanWorker::fail(quint64 generation, const QString& node, const QString& error)
{
    if (generation != m_generation || m_lifeline->cancelled.load() == generation)
        return;
    // One node failing stops the whole load (the tree keeps what it has): a partial keyspace shown
    // as complete would mislead.
    m_lifeline->cancelled.store(generation);
    emit stopped(generation, int(KeyspaceLoader::State::Failed),
                 node.isEmpty() ? error : tr("%1 (node %2)").arg(error, node), m_loaded);
}

} // namespace vermilion
