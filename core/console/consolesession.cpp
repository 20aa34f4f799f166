#include "consolesession.h"

#include "client/session.h"
#include "util/redistext.h"

#include <QMutex>
#include <mutex>
#include <QTimer>

#include <atomic>
#include <vector>

namespace vermilion {

// Receives what the server sends on the console's link without being asked: subscription messages
// and MONITOR lines. Runs in the link's thread; the console takes the replies on a timer, so a
// firehose is bounded here (the oldest beyond the cap are counted, not kept).
class ConsolePushSink : public PushHandler {
public:
    static constexpr qsizetype maxPending = 20000;

    void setStreaming(bool streaming) { m_streaming.store(streaming); }

    // The handshake's own replies (CLIENT SETNAME's OK, PING's PONG) come before linkUp: never pushes.
    QList<Command> linkUp(bool) override
    {
        m_up.store(true);
        return {};
    }
    void linkDown(const QString&) override { m_up.store(false); }
    void pushReplies(std::vector<Reply>&& replies) override
    {
        QMutexLocker lock(&m_mutex);
        for (Reply& reply : replies) {
            if (m_pending.size() >= maxPending) {
                ++m_dropped;
                continue;
            }
            m_pending.push_back(std::move(reply));
        }
    }
    // While a stream runs, messages and MONITOR lines are pushes; a reply to a command sent before
    // the stream began (the docs) is not.
    bool isPush(const Reply& reply) const override
    {
        if (!m_streaming.load() || !m_up.load())
            return false;
        if (reply.type() == Reply::Type::Status)
            return true;
        if (!reply.isArray() || reply.size() == 0)
            return false;
        const QByteArray kind = reply.at(0).bytes();
        return kind == "message" || kind == "pmessage" || kind == "smessage" || kind.endsWith("subscribe");
    }

    std::vector<Reply> take(qint64* dropped)
    {
        QMutexLocker lock(&m_mutex);
        std::vector<Reply> out;
        out.swap(m_pending);
        *dropped = m_dropped;
        m_dropped = 0;
        return out;
    }

private:
    std::atomic<bool> m_streaming { false };
    std::atomic<bool> m_up { false };
    std::mutex m_mutex;
    std::vector<Reply> m_pending;
    qint64 m_dropped = 0;
};

namespace {

    bool is(const QByteArray& argument, const char* word) { return argument.compare(word, Qt::CaseInsensitive) == 0; }

    bool isSubscriptionCommand(const QByteArray& name)
    {
        return name == "SUBSCRIBE" || name == "PSUBSCRIBE" || name == "SSUBSCRIBE" || name == "UNSUBSCRIBE"
            || name == "PUNSUBSCRIBE" || name == "SUNSUBSCRIBE";
    }

    bool isBlocking(const QByteArray& name)
    {
        return name.startsWith("BL") || name.startsWith("BR") || name == "BZPOPMIN" || name == "BZPOPMAX"
            || name == "BZMPOP" || name == "XREAD" || name == "XREADGROUP" || name == "WAIT" || name == "WAITAOF";
    }

    Reply::DisplayLimits consoleLimits()
    {
        Reply::DisplayLimits limits;
        limits.maxStringBytes = 64 * 1024;
        limits.maxElements = 1000;
        return limits;
    }

} // namespace

ConsoleSession::ConsoleSession(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_history(session->profile().id)
    , m_flushTimer(new QTimer(this))
    , m_streamTimer(new QTimer(this))
    , m_lineTimer(new QTimer(this))
{
    qRegisterMetaType<vermilion::ConsoleSession::Entry>();
    ConsoleHistory::removeLegacyHistory();
    const ConnectionProfile& profile = session->profile();
    m_endpoint = profile.usesUnixSocket() ? profile.socketPath : profile.host + QLatin1Char(':') + QString::number(profile.port);
    // Through Sentinel the profile's host is a sentinel: the prompt names the server in use.
    if (session->isSentinel() && !session->currentServer().isEmpty())
        m_endpoint = session->currentServer();
    m_seedEndpoint = m_endpoint;
    m_profileUser = profile.username;
    m_user = m_profileUser;
    m_database = session->database();
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &ConsoleSession::flushOutput);
    m_streamTimer->setInterval(50);
    connect(m_streamTimer, &QTimer::timeout, this, &ConsoleSession::drainStream);
    m_lineTimer->setInterval(0);
    connect(m_lineTimer, &QTimer::timeout, this, &ConsoleSession::runQueuedLines);
}

void ConsoleSession::ensureLink()
{
    if (!m_link)
        makeLink();
}

ConsoleSession::~ConsoleSession() = default;

void ConsoleSession::makeLink()
{
    m_sink = std::make_shared<ConsolePushSink>();
    m_link = m_session->createOwnLink("vermilion:console", m_sink,
                                      m_target.kind == TargetKind::Node ? m_target.node : QString());
    m_linkJobs.next();
    m_everConnected = false;
    connect(m_link.get(), &Connection::stateChanged, this, &ConsoleSession::onLinkState);
    m_link->open();
    if (m_database != m_link->profile().database)
        m_link->selectDatabase(m_database);
    // Asked first, so that nothing the user types (a MULTI) can catch it.
    if (m_docs.isEmpty())
        loadDocs();
}

Connection::State ConsoleSession::linkState() const
{
    return m_link ? m_link->state() : Connection::State::Disconnected;
}

QString ConsoleSession::prompt() const
{
    QString prompt;
    if (m_user != m_profileUser)
        prompt += (m_user.isEmpty() ? QStringLiteral("default") : m_user) + QLatin1Char('@');
    prompt += m_endpoint;
    if (m_target.kind == TargetKind::Masters)
        prompt += tr(" (all masters)");
    else if (m_target.kind == TargetKind::AllNodes)
        prompt += tr(" (all nodes)");
    if (m_database != 0)
        prompt += QLatin1Char('[') + QString::number(m_database) + QLatin1Char(']');
    if (m_inTransaction)
        prompt += QStringLiteral("(TX)");
    return prompt + QStringLiteral("> ");
}

bool ConsoleSession::needsConfirmation(const QList<QByteArray>& line)
{
    // "@all FLUSHALL" is as final as FLUSHALL, on more servers.
    const QList<QByteArray> argv = !line.isEmpty() && line.first().startsWith('@') ? line.mid(1) : line;
    if (argv.isEmpty())
        return false;
    const QByteArray& name = argv.first();
    if (is(name, "FLUSHALL") || is(name, "FLUSHDB") || is(name, "SHUTDOWN") || is(name, "DEBUG") || is(name, "SWAPDB"))
        return true;
    return argv.size() > 1 && (is(name, "SCRIPT") || is(name, "FUNCTION")) && is(argv.at(1), "FLUSH");
}

bool ConsoleSession::run(const QString& line)
{
    if (!m_inBatch && m_lineQueueHead < m_lineQueue.size()) {
        // A paste is still being sent: this line waits its turn.
        m_lineQueue.append(line);
        return true;
    }
    QList<QByteArray> argv;
    QString error;
    const bool parsed = RedisText::splitArguments(line, &argv, &error);
    if (parsed && argv.isEmpty())
        return false;
    ensureLink();
    openSlot(line, argv, parsed);
    struct Release {
        ConsoleSession* console;
        ~Release()
        {
            console->m_runningSlot = 0;
            console->releaseSlots();
        }
    } release { this };
    if (!parsed) {
        emitEntry(Entry::Kind::Error, error);
        return false;
    }
    Target target = m_target;
    if (argv.first().startsWith('@')) {
        Target chosen;
        if (!parseTarget(argv.first(), &chosen)) {
            emitEntry(Entry::Kind::Error, tr("%1 names no target: use @host:port, @masters, @all, or @ alone to go "
                                             "back to routing by key.")
                                              .arg(QString::fromUtf8(argv.first())));
            return false;
        }
        if (argv.size() == 1)
            return setTarget(chosen);
        if (!checkTarget(chosen))
            return false;
        target = chosen;
        argv.removeFirst();
        // A one-off "@host:port CMD" goes over the session's link to that node; "@ CMD" through the
        // session's routing by key.
        if (target.kind == TargetKind::Routed && m_target.kind != TargetKind::Routed)
            target = { TargetKind::Node, QString() };
    }
    int repeat = 1;
    bool number = false;
    const qlonglong count = argv.first().toLongLong(&number);
    if (number && argv.size() > 1) {
        if (count < 1 || count > 1000000) {
            emitEntry(Entry::Kind::Error, tr("A repeat count runs from 1 to 1,000,000."));
            return false;
        }
        repeat = int(count);
        argv.removeFirst();
    }
    const QByteArray name = argv.first().toUpper();
    const bool local = name == "HELP" || name == "CLEAR";
    if (!local && (target.kind == TargetKind::Masters || target.kind == TargetKind::AllNodes
                   || (target.kind == TargetKind::Node && !(target == m_target))))
        return sendToNodes(target, argv, repeat, m_runningSlot);
    return runArguments(line, argv, repeat);
}

bool ConsoleSession::parseTarget(const QByteArray& word, Target* target)
{
    if (!word.startsWith('@'))
        return false;
    const QByteArray name = word.mid(1);
    if (name.isEmpty() || is(name, "routed")) {
        *target = {};
        return true;
    }
    if (is(name, "masters")) {
        *target = { TargetKind::Masters, {} };
        return true;
    }
    if (is(name, "all") || is(name, "nodes")) {
        *target = { TargetKind::AllNodes, {} };
        return true;
    }
    // host:port, [v6]:port
    const qsizetype colon = name.lastIndexOf(':');
    bool ok = false;
    const int port = colon > 0 ? name.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || port <= 0 || port > 65535)
        return false;
    *target = { TargetKind::Node, QString::fromUtf8(name) };
    return true;
}

bool ConsoleSession::checkTarget(const Target& target)
{
    if (target.kind == TargetKind::Routed)
        return true;
    if (!m_session->isCluster()) {
        emitEntry(Entry::Kind::Error, tr("%1 is not a cluster: the console has one server to talk to. @host:port, "
                                         "@masters and @all work on a Redis Cluster.")
                                          .arg(m_seedEndpoint));
        return false;
    }
    if (target.kind == TargetKind::Node && !m_session->allNodes().contains(target.node)) {
        emitEntry(Entry::Kind::Error, tr("%1 is not a node of this cluster. Its nodes: %2.")
                                          .arg(target.node, m_session->allNodes().join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

bool ConsoleSession::setTarget(const Target& target)
{
    if (target == m_target) {
        emitEntry(Entry::Kind::Note, tr("The console already sends there."));
        return true;
    }
    if (!checkTarget(target))
        return false;
    if (m_inTransaction || m_streaming) {
        emitEntry(Entry::Kind::Error, tr("The console is in a transaction or a stream: EXEC, DISCARD or Stop first."));
        return false;
    }
    const bool newLink = target.kind == TargetKind::Node || m_target.kind == TargetKind::Node;
    m_target = target;
    if (newLink) {
        // The console's own link moves to the node (or back to the seed): the old one closes.
        releaseSlots(true);
        m_link.reset();
        m_pending = 0;
        m_user = m_profileUser;
        m_endpoint = target.kind == TargetKind::Node ? target.node : m_seedEndpoint;
        makeLink();
        reportPending();
    }
    switch (target.kind) {
    case TargetKind::Routed:
        emitEntry(Entry::Kind::Note, tr("Commands go to the node serving their keys; redirects are followed."));
        break;
    case TargetKind::Node:
        emitEntry(Entry::Kind::Note, tr("The console talks to %1 (%2) only; MOVED and ASK are shown, not followed. "
                                        "@ goes back to routing by key.")
                                         .arg(target.node, m_session->nodeRole(target.node)));
        break;
    case TargetKind::Masters:
        emitEntry(Entry::Kind::Note, tr("Each command runs on all %n masters, each reply under its node. @ goes back.",
                                        nullptr, int(m_session->masterNodes().size())));
        break;
    case TargetKind::AllNodes:
        emitEntry(Entry::Kind::Note, tr("Each command runs on all %n nodes, each reply under its node. @ goes back.",
                                        nullptr, int(m_session->allNodes().size())));
        break;
    }
    emit targetChanged();
    emit promptChanged(prompt());
    return true;
}

bool ConsoleSession::sendToNodes(const Target& target, const Command& argv, int repeat, quint64 id)
{
    const QByteArray name = argv.first().toUpper();
    static const QList<QByteArray> linkState { "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "SELECT", "AUTH",
                                                "HELLO", "RESET", "QUIT", "MONITOR", "READONLY", "READWRITE" };
    if (linkState.contains(name) || isSubscriptionCommand(name) || isBlocking(name)
        || (name == "CLIENT" && argv.size() > 1 && (is(argv.at(1), "REPLY") || is(argv.at(1), "SETNAME")))) {
        emitEntry(Entry::Kind::Error,
                  tr("%1 was not sent: it changes or holds a link's state, and commands for other nodes go over links "
                     "every tool shares. Switch the console to one node with @host:port first.")
                      .arg(QString::fromUtf8(name)));
        return false;
    }
    const QStringList nodes = target.kind == TargetKind::Masters ? m_session->masterNodes()
        : target.kind == TargetKind::AllNodes                    ? m_session->allNodes()
                                                                 : QStringList { target.node };
    m_pending += repeat;
    reportPending();
    slot(id)->waiting += repeat;
    const JobTracker::Ticket generation = m_linkJobs.current();
    for (int i = 0; i < repeat; ++i) {
        m_session->executeOnEach(nodes, argv, this, [this, generation, id, target](const QList<Session::NodeReply>& replies) {
            if (m_linkJobs.isStale(generation))
                return;
            Slot* waiting = slot(id);
            const bool several = target.kind != TargetKind::Node;
            for (const Session::NodeReply& answer : replies) {
                if (waiting && several) {
                    const QString role = m_session->nodeRole(answer.node);
                    waiting->entries.append({ Entry::Kind::Note, role.isEmpty() ? answer.node + QLatin1Char(':')
                                                                                : tr("%1 (%2):").arg(answer.node, role) });
                }
                if (waiting)
                    waiting->entries.append({ answer.reply.isError() ? Entry::Kind::Error : Entry::Kind::Reply,
                                              format(answer.reply) });
            }
            if (waiting)
                waiting->waiting = qMax(0, waiting->waiting - 1);
            m_pending = qMax(0, m_pending - 1);
            reportPending();
            releaseSlots();
        });
    }
    return true;
}

quint64 ConsoleSession::openSlot(const QString& line, const QList<QByteArray>& argv, bool parsed)
{
    m_slots.push_back({ m_nextSlot, {}, 0 });
    m_runningSlot = m_nextSlot++;
    // A line with a secret is kept out of the history, and its arguments out of the transcript (which
    // can be exported): the echo names the command only. "@all AUTH ..." is judged by its command.
    QList<QByteArray> command = argv;
    QString target;
    if (!command.isEmpty() && command.first().startsWith('@'))
        target = QString::fromUtf8(command.takeFirst()) + QLatin1Char(' ');
    if (m_history.add(line, command, !m_inBatch) || !parsed || command.isEmpty()) {
        emitEntry(Entry::Kind::Command, prompt() + line);
    } else {
        const QString words = target + QString::fromUtf8(command.first())
            + (command.size() > 1 && !is(command.first(), "AUTH") ? QLatin1Char(' ') + QString::fromUtf8(command.at(1))
                                                                  : QString());
        emitEntry(Entry::Kind::Command, prompt() + words + QLatin1Char(' ') + tr("(arguments hidden: they carry a secret)"));
    }
    return m_runningSlot;
}

bool ConsoleSession::sendsAsIs(const QList<QByteArray>& argv) const
{
    // Lines the console does nothing special with before sending: a paste sends them in batches.
    if (argv.isEmpty() || m_streaming || argv.first().startsWith('@') || m_target.kind == TargetKind::Masters
        || m_target.kind == TargetKind::AllNodes)
        return false;
    bool number = false;
    argv.first().toLongLong(&number);
    if (number)
        return false;
    const QByteArray name = argv.first().toUpper();
    static const QList<QByteArray> special { "HELP",      "CLEAR",      "COMMAND",    "HELLO",
                                             "CLIENT",    "SELECT",     "QUIT",       "MONITOR",
                                             "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE" };
    return !special.contains(name) && !isBlocking(name) && !ConsoleHistory::isSensitive(argv);
}

void ConsoleSession::runLines(const QStringList& lines)
{
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty())
            m_lineQueue.append(line);
    }
    if (!m_lineTimer->isActive())
        m_lineTimer->start();
    reportPending();
}

void ConsoleSession::runQueuedLines()
{
    QElapsedTimer slice;
    slice.start();
    ensureLink();
    m_inBatch = true;
    // Plain commands go out as one batch per slice: one enqueue and one callback for hundreds of
    // lines. Anything the console treats specially takes the path of a typed line, in its turn.
    QList<Command> batch;
    QList<quint64> ids;
    const auto sendBatch = [&] {
        if (batch.isEmpty())
            return;
        const JobTracker::Ticket generation = m_linkJobs.current();
        m_link->executeBatch(batch, this, [this, generation, ids, batch](const QList<Reply>& replies) {
            if (m_linkJobs.isStale(generation))
                return;
            for (qsizetype i = 0; i < replies.size() && i < ids.size(); ++i)
                onReply(ids.at(i), batch.at(i), replies.at(i));
        });
        batch.clear();
        ids.clear();
    };
    while (m_lineQueueHead < m_lineQueue.size() && slice.elapsed() < 8) {
        const QString& line = m_lineQueue.at(m_lineQueueHead++);
        QList<QByteArray> argv;
        if (!RedisText::splitArguments(line, &argv) || !sendsAsIs(argv)) {
            sendBatch();
            run(line);
            continue;
        }
        const quint64 id = openSlot(line, argv, true);
        m_runningSlot = 0;
        slot(id)->waiting = 1;
        ++m_pending;
        batch.append(argv);
        ids.append(id);
    }
    sendBatch();
    m_inBatch = false;
    releaseSlots();
    reportPending();
    if (m_lineQueueHead >= m_lineQueue.size()) {
        m_lineQueue.clear();
        m_lineQueueHead = 0;
        m_lineTimer->stop();
        m_history.save();
    }
}

bool ConsoleSession::runArguments(const QString& line, QList<QByteArray> argv, int repeat)
{
    Q_UNUSED(line);
    const QByteArray name = argv.first().toUpper();
    if (name == "HELP") {
        if (argv.size() == 1) {
            emitEntry(Entry::Kind::Note,
                      tr("HELP <command> shows a command's arguments, summary, version and complexity, as this "
                         "server documents them. Tab completes commands, subcommands and loaded key names; "
                         "Ctrl+R searches the history; Ctrl+L clears; Ctrl+C stops a stream or a blocking "
                         "command; \"N command\" runs a command N times. On a cluster, @host:port, @masters and "
                         "@all choose where commands run (alone: from now on; before a command: that command only), "
                         "and @ alone goes back to routing by key."));
        } else {
            QStringList words;
            for (const QByteArray& word : argv.mid(1))
                words.append(QString::fromUtf8(word));
            emitEntry(m_docs.find(words.join(QLatin1Char(' '))) ? Entry::Kind::Note : Entry::Kind::Error,
                      m_docs.help(words.join(QLatin1Char(' '))));
        }
        return true;
    }
    if (name == "COMMAND" && argv.size() > 1 && is(argv.at(1), "DOCS")) {
        emitEntry(Entry::Kind::Error, tr("COMMAND DOCS was not sent: its reply nests deeper than this console's reply "
                                         "reader goes, and would cost the link. HELP <command> shows the same docs."));
        return false;
    }
    if (name == "CLEAR") {
        emit clearRequested();
        return true;
    }
    if (m_streaming) {
        if (isSubscriptionCommand(name)) {
            m_link->sendUntracked(argv);
            return true;
        }
        emitEntry(Entry::Kind::Error,
                  tr("%1 was not sent: the console is streaming. Press Stop or Ctrl+C first.").arg(QString::fromUtf8(name)));
        return false;
    }
    if (name == "HELLO" && argv.size() > 1 && argv.at(1) != "2") {
        emitEntry(Entry::Kind::Error,
                  tr("HELLO %1 was not sent: this console shows RESP2 replies, and a RESP3 link would break it. "
                     "HELLO 2 works, with AUTH and SETNAME.")
                      .arg(QString::fromUtf8(argv.at(1))));
        return false;
    }
    if (name == "CLIENT" && argv.size() > 2 && is(argv.at(1), "REPLY") && !is(argv.at(2), "ON")) {
        emitEntry(Entry::Kind::Error,
                  tr("CLIENT REPLY %1 was not sent: the console pairs every command with its reply and would "
                     "wait for replies that never come.")
                      .arg(QString::fromUtf8(argv.at(2).toUpper())));
        return false;
    }
    if (name == "SELECT" && argv.size() == 2 && repeat == 1) {
        bool ok = false;
        const int database = argv.at(1).toInt(&ok);
        if (ok && m_inTransaction) {
            emitEntry(Entry::Kind::Error, tr("SELECT inside MULTI is not followed by the console: EXEC or DISCARD first."));
            return false;
        }
        if (ok) {
            ++m_pending;
            reportPending();
            const JobTracker::Ticket generation = m_linkJobs.current();
            const quint64 id = m_runningSlot;
            slot(id)->waiting += 1;
            m_link->selectDatabase(database, this, [this, generation, database, id](const Reply& reply) {
                if (m_linkJobs.isStale(generation))
                    return;
                if (!reply.isError()) {
                    m_database = database;
                    emit promptChanged(prompt());
                }
                finishOne(id, reply.isError() ? Entry::Kind::Error : Entry::Kind::Reply, format(reply));
            });
            return true;
        }
    }
    if (name == "QUIT") {
        releaseSlots(true);
        m_link.reset();
        m_streaming = false;
        setTransaction(false);
        m_user = m_profileUser;
        makeLink();
        m_pending = 0;
        reportPending();
        emitEntry(Entry::Kind::Reply, QStringLiteral("OK"));
        emitEntry(Entry::Kind::Note, tr("The console's link was closed and opened again (db %1).").arg(m_database));
        emit promptChanged(prompt());
        return true;
    }
    if (name == "MONITOR" || ((name == "SUBSCRIBE" || name == "PSUBSCRIBE" || name == "SSUBSCRIBE") && !m_inTransaction)) {
        startStream(argv);
        return true;
    }
    send(argv, repeat, m_runningSlot);
    return true;
}

void ConsoleSession::send(const Command& argv, int repeat, quint64 id)
{
    CommandOptions options;
    // Blocking commands wait as long as the server says (Ctrl+C stops them); others time out.
    if (isBlocking(argv.first().toUpper()))
        options.timeoutMs = 0;
    m_pending += repeat;
    reportPending();
    slot(id)->waiting += repeat;
    const JobTracker::Ticket generation = m_linkJobs.current();
    for (int i = 0; i < repeat; ++i) {
        m_link->execute(
            argv, this,
            [this, generation, argv, id](const Reply& reply) {
                if (!m_linkJobs.isStale(generation))
                    onReply(id, argv, reply);
            },
            options);
    }
}

void ConsoleSession::startStream(const Command& argv)
{
    m_streaming = true;
    m_sink->setStreaming(true);
    m_link->sendUntracked(argv);
    m_streamTimer->start();
    emit streamingChanged(true);
    emitEntry(Entry::Kind::Note,
              is(argv.first(), "MONITOR")
                  ? tr("Streaming every command the server runs. MONITOR costs the server a lot: Stop or Ctrl+C ends it.")
                  : tr("Streaming messages. Stop or Ctrl+C ends the subscription; SUBSCRIBE and UNSUBSCRIBE change it."));
}

void ConsoleSession::onReply(quint64 id, const Command& argv, const Reply& reply)
{
    // On a cluster the console follows redirects as redis-cli -c does, and says so. The command goes
    // again through the session's router to the node named, which follows any further hop.
    if (reply.isError() && reply.errorKind() == Reply::ErrorKind::Server && m_session && m_session->isCluster()
        && !m_inTransaction && m_target.kind == TargetKind::Routed && (reply.errorCode() == "MOVED" || reply.errorCode() == "ASK")) {
        const QList<QByteArray> parts = reply.bytes().split(' ');
        if (parts.size() >= 3) {
            QString target = QString::fromUtf8(parts.at(2));
            if (target.startsWith(QLatin1Char(':')))
                target = m_session->profile().host + target;
            emitEntry(Entry::Kind::Note,
                      tr("-> Redirected to slot [%1] located at %2").arg(QString::fromUtf8(parts.at(1)), target));
            const JobTracker::Ticket generation = m_linkJobs.current();
            m_session->executeOn(
                target, argv, this,
                [this, generation, id](const Reply& redirected) {
                    if (!m_linkJobs.isStale(generation))
                        finishOne(id, redirected.isError() ? Entry::Kind::Error : Entry::Kind::Reply, format(redirected));
                },
                Session::Role::Interactive, {}, /*followRedirects=*/true);
            return;
        }
    }
    const QByteArray name = argv.first().toUpper();
    if (!reply.isError()) {
        if (name == "MULTI") {
            setTransaction(true);
        } else if (name == "EXEC" || name == "DISCARD") {
            setTransaction(false);
        } else if (name == "AUTH") {
            m_user = argv.size() > 2 ? QString::fromUtf8(argv.at(1)) : QStringLiteral("default");
            emit promptChanged(prompt());
        } else if (name == "HELLO") {
            for (qsizetype i = 2; i + 2 < argv.size(); ++i) {
                if (is(argv.at(i), "AUTH")) {
                    m_user = QString::fromUtf8(argv.at(i + 1));
                    emit promptChanged(prompt());
                    break;
                }
            }
        } else if (name == "RESET") {
            // RESET leaves the link as new: db 0, default user, no transaction.
            m_database = 0;
            m_link->selectDatabase(0);
            m_user = QStringLiteral("default");
            setTransaction(false);
            emit promptChanged(prompt());
        }
    } else if (name == "EXEC" || reply.errorCode() == "EXECABORT") {
        setTransaction(false);
    }
    finishOne(id, reply.isError() ? Entry::Kind::Error : Entry::Kind::Reply, format(reply));
}

void ConsoleSession::finishOne(quint64 id, Entry::Kind kind, const QString& text)
{
    if (Slot* waiting = slot(id)) {
        waiting->entries.append({ kind, text });
        waiting->waiting = qMax(0, waiting->waiting - 1);
    }
    m_pending = qMax(0, m_pending - 1);
    reportPending();
    releaseSlots();
}

ConsoleSession::Slot* ConsoleSession::slot(quint64 id)
{
    if (m_slots.empty() || id < m_slots.front().id)
        return nullptr;
    const size_t index = size_t(id - m_slots.front().id);
    return index < m_slots.size() && m_slots[index].id == id ? &m_slots[index] : nullptr;
}

void ConsoleSession::releaseSlots(bool all)
{
    while (!m_slots.empty()) {
        Slot& head = m_slots.front();
        if (!head.entries.isEmpty()) {
            m_outbox.append(head.entries);
            head.entries.clear();
            if (!m_flushTimer->isActive())
                m_flushTimer->start();
        }
        if (head.id == m_runningSlot || (head.waiting > 0 && !all))
            break;
        m_slots.pop_front();
    }
}

void ConsoleSession::interrupt()
{
    const bool queued = m_lineQueueHead < m_lineQueue.size();
    m_lineQueue.clear();
    m_lineQueueHead = 0;
    m_lineTimer->stop();
    if (queued)
        emitEntry(Entry::Kind::Note, tr("The rest of the pasted lines were not sent."));
    if (!m_streaming && m_pending == 0) {
        emitEntry(Entry::Kind::Note, tr("^C (nothing to stop)"));
        return;
    }
    const bool wasStreaming = m_streaming;
    drainStream();
    m_streamTimer->stop();
    releaseSlots(true);
    m_link.reset();
    m_streaming = false;
    m_pending = 0;
    setTransaction(false);
    m_user = m_profileUser;
    makeLink();
    reportPending();
    if (wasStreaming)
        emit streamingChanged(false);
    emit promptChanged(prompt());
    emitEntry(Entry::Kind::Note,
              wasStreaming ? tr("Stopped. The console has a new link at db %1; no other tool's link was touched.").arg(m_database)
                           : tr("Stopped. The console has a new link at db %1; the command may still have run on the "
                                "server.")
                                 .arg(m_database));
}

void ConsoleSession::onLinkState(Connection::State state, const QString& message)
{
    if (state == Connection::State::Connected) {
        if (m_everConnected) {
            // Where the link came back to: after a Sentinel failover that is the new master.
            const QString reached = m_link ? m_link->connectedEndpoint() : QString();
            if (m_session && m_session->isSentinel() && !reached.isEmpty() && m_endpoint == m_seedEndpoint) {
                m_endpoint = reached; // Sentinel moved the master: the prompt follows
                m_seedEndpoint = reached;
            }
            QString note = tr("Reconnected to %1 at db %2.").arg(reached.isEmpty() ? m_endpoint : reached).arg(m_database);
            if (m_inTransaction)
                note += QLatin1Char(' ') + tr("The transaction was lost: nothing of it ran.");
            if (m_user != m_profileUser)
                note += QLatin1Char(' ') + tr("The link is back as the profile's user; AUTH again if needed.");
            setTransaction(false);
            m_user = m_profileUser;
            emitEntry(Entry::Kind::Note, note);
            emit promptChanged(prompt());
        }
        m_everConnected = true;
        return;
    }
    if (state == Connection::State::Reconnecting || state == Connection::State::Failed) {
        if (m_streaming) {
            drainStream();
            m_streaming = false;
            m_sink->setStreaming(false);
            m_streamTimer->stop();
            emit streamingChanged(false);
            emitEntry(Entry::Kind::Note, tr("The link was lost, and the stream with it. Run the command again once the "
                                            "link is back."));
        }
        emitEntry(Entry::Kind::Error, message);
    }
}

void ConsoleSession::loadDocs()
{
    m_link->execute(CommandDocs::request(), this, [this](const Reply& reply) {
        // Older servers have no COMMAND DOCS: the console works, without completion and hints.
        if (m_docs.load(reply))
            emit docsLoaded();
    });
}

void ConsoleSession::setTransaction(bool inTransaction)
{
    if (m_inTransaction == inTransaction)
        return;
    m_inTransaction = inTransaction;
    emit promptChanged(prompt());
}

QString ConsoleSession::format(const Reply& reply) const
{
    return m_raw ? reply.toRawString(consoleLimits()) : reply.toDisplayString(consoleLimits());
}

void ConsoleSession::emitEntry(Entry::Kind kind, const QString& text)
{
    // While a line runs, what it says goes to its slot; notes about the link go out at once.
    if (Slot* running = m_runningSlot ? slot(m_runningSlot) : nullptr) {
        running->entries.append({ kind, text });
        return;
    }
    m_outbox.append({ kind, text });
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void ConsoleSession::reportPending()
{
    // Told once per turn of the event loop, not once per reply of a paste.
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void ConsoleSession::flushOutput()
{
    const int pending = m_pending + int(m_lineQueue.size() - m_lineQueueHead);
    if (pending != m_reportedPending) {
        m_reportedPending = pending;
        emit pendingChanged(pending);
    }
    if (m_outbox.isEmpty())
        return;
    QList<Entry> batch;
    batch.swap(m_outbox);
    emit output(batch);
}

void ConsoleSession::drainStream()
{
    qint64 dropped = 0;
    std::vector<Reply> replies = m_sink->take(&dropped);
    const qsizetype shown = qMin<qsizetype>(qsizetype(replies.size()), maxStreamLinesPerBatch);
    // A firehose is thinned to what a person can read: the newest lines of each batch are shown.
    dropped += qsizetype(replies.size()) - shown;
    if (dropped > 0)
        emitEntry(Entry::Kind::Note, tr("... %n lines not shown (faster than the console can show them)", nullptr, int(dropped)));
    for (qsizetype i = qsizetype(replies.size()) - shown; i < qsizetype(replies.size()); ++i) {
        const Reply& reply = replies[size_t(i)];
        // MONITOR lines arrive as status replies the server has already quoted: shown as they are.
        emitEntry(Entry::Kind::Stream,
                  reply.type() == Reply::Type::Status ? QString::fromUtf8(reply.bytes()) : format(reply));
    }
}

} // namespace vermilion
