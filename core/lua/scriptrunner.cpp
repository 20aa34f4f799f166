#include "scriptrunner.h"

#include "client/connection.h"
#include "client/session.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QTimer>

namespace vermilion::lua {

QByteArray scriptSha1(const QByteArray& script)
{
    return QCryptographicHash::hash(script, QCryptographicHash::Sha1).toHex();
}

namespace {
// Until the busy threshold passes the server reads no other client at all, so probes and kills
// wait for it rather than time out (a timeout would drop the kill connection).
CommandOptions waitForBusyServer()
{
    CommandOptions options;
    options.timeoutMs = 0;
    return options;
}
} // namespace

struct ScriptRunner::Run {
    quint64 id = 0;
    ScriptRequest request;
    QByteArray sha1;
    bool readOnly = false;
    bool fellBack = false;
};

ScriptRunner::ScriptRunner(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_tick(new QTimer(this))
{
    qRegisterMetaType<vermilion::lua::ScriptResult>();
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ScriptRunner::onTick);
    // The run connection follows the session to another database.
    connect(session, &Session::databaseChanged, this, [this](int database) {
        for (auto& [node, links] : m_links) {
            if (links.run)
                links.run->selectDatabase(database);
            if (links.kill)
                links.kill->selectDatabase(database);
        }
    });
}

ScriptRunner::~ScriptRunner() = default;

void ScriptRunner::setProbeIntervalMs(int milliseconds)
{
    m_tick->setInterval(milliseconds);
}

bool ScriptRunner::usesReadOnlyVariants() const
{
    return m_session && m_session->isReadOnly();
}

double ScriptRunner::elapsedMs() const
{
    return m_running ? double(m_clock.nsecsElapsed()) / 1e6 : 0;
}

Connection* ScriptRunner::connection()
{
    Links& links = m_links[m_node];
    if (!links.run) {
        links.run = m_session->createOwnLink("vermilion:lua", {}, m_node);
        links.run->open();
    }
    return links.run.get();
}

Connection* ScriptRunner::killConnection()
{
    Links& links = m_links[m_node];
    if (!links.kill) {
        links.kill = m_session->createOwnLink("vermilion:lua-kill", {}, m_node);
        links.kill->open();
    }
    return links.kill.get();
}

quint64 ScriptRunner::run(const ScriptRequest& request)
{
    if (m_running || !m_session)
        return 0;
    // On a cluster the script runs where its keys are; keys in several slots are refused here,
    // before anything is sent.
    QString crossSlot;
    QString node = m_session->nodeForKeys(request.keys, &crossSlot);
    if (node.isEmpty() && request.keys.isEmpty() && m_session->isCluster())
        node = request.node;
    if (!crossSlot.isEmpty()) {
        const quint64 id = m_nextId++;
        QTimer::singleShot(0, this, [this, id, crossSlot, request] {
            ScriptResult result;
            result.id = id;
            result.reply = Reply::error(crossSlot.toUtf8());
            ScriptError error;
            error.message = crossSlot;
            error.raw = crossSlot;
            result.error = error;
            result.command = request.mode == ScriptRequest::Mode::Function ? "FCALL" : "EVAL";
            emit finished(result);
        });
        emit started(id);
        return id;
    }
    m_node = node;
    auto run = std::make_shared<Run>();
    run->id = m_nextId++;
    run->request = request;
    run->readOnly = request.readOnlyVariant || m_session->isReadOnly();
    if (request.mode != ScriptRequest::Mode::Function)
        run->sha1 = scriptSha1(request.script);
    m_currentId = run->id;
    m_running = true;
    m_killOffered = false;
    m_killing = false;
    m_probeInFlight = false;
    m_currentIsFunction = request.mode == ScriptRequest::Mode::Function;
    m_clock.start();
    m_tick->start();
    emit started(run->id);
    // The kill connection must be up before the script can make the server busy: its handshake
    // (and the command table a read-only profile reads) sent to a busy server gets only BUSY back.
    // So the script waits for it, the first time, a moment at most.
    Connection* kill = killConnection();
    if (kill->state() == Connection::State::Connected) {
        send(run, false);
        return run->id;
    }
    auto sent = std::make_shared<bool>(false);
    auto watch = std::make_shared<QMetaObject::Connection>();
    auto go = [this, run, sent, watch] {
        if (*sent)
            return;
        *sent = true;
        QObject::disconnect(*watch);
        if (run->id == m_currentId)
            send(run, false);
    };
    *watch = connect(kill, &Connection::stateChanged, this, [go](Connection::State state) {
        if (state != Connection::State::Connecting)
            go();
    });
    QTimer::singleShot(2000, this, go);
    return run->id;
}

void ScriptRunner::send(const std::shared_ptr<Run>& run, bool evalAfterNoscript)
{
    const ScriptRequest& request = run->request;
    QByteArray command;
    Command argv;
    switch (request.mode) {
    case ScriptRequest::Mode::Function:
        command = run->readOnly ? "FCALL_RO" : "FCALL";
        argv = { command, request.function };
        break;
    case ScriptRequest::Mode::EvalCached:
        if (!evalAfterNoscript) {
            command = run->readOnly ? "EVALSHA_RO" : "EVALSHA";
            argv = { command, run->sha1 };
            break;
        }
        [[fallthrough]];
    case ScriptRequest::Mode::Eval:
        command = run->readOnly ? "EVAL_RO" : "EVAL";
        argv = { command, request.script };
        break;
    }
    argv.append(QByteArray::number(request.keys.size()));
    argv.append(request.keys);
    argv.append(request.arguments);
    CommandOptions options;
    options.timeoutMs = 0; // a script runs as long as it runs; the user has the kill button
    connection()->execute(
        argv, this,
        [this, run, command](const Reply& reply) {
            if (run->id != m_currentId)
                return;
            // Carmine's eval* and Zato's run_lua: the server does not know the SHA, send the text.
            if (run->request.mode == ScriptRequest::Mode::EvalCached && !run->fellBack && reply.isError()
                && reply.errorCode() == "NOSCRIPT") {
                run->fellBack = true;
                send(run, true);
                return;
            }
            complete(run, reply, command);
        },
        options);
}

void ScriptRunner::complete(const std::shared_ptr<Run>& run, const Reply& reply, const QByteArray& command)
{
    ScriptResult result;
    result.id = run->id;
    result.reply = reply;
    result.milliseconds = double(m_clock.nsecsElapsed()) / 1e6;
    result.sha1 = run->sha1;
    result.command = command;
    result.fellBackToEval = run->fellBack;
    result.node = m_node;
    if (reply.isError()) {
        if (reply.errorKind() == Reply::ErrorKind::Server)
            result.error = ScriptErrors::parse(reply.bytes());
        else {
            ScriptError error;
            error.message = reply.errorMessage();
            error.raw = error.message;
            result.error = error;
        }
    }
    m_running = false;
    m_tick->stop();
    emit finished(result);
}

void ScriptRunner::kill()
{
    if (!m_running || m_killing)
        return;
    m_killing = true;
    const Command argv = m_currentIsFunction ? Command { "FUNCTION", "KILL" } : Command { "SCRIPT", "KILL" };
    const quint64 id = m_currentId;
    killConnection()->execute(
        argv, this,
        [this, id](const Reply& reply) {
            m_killing = false;
            if (reply.isError()) {
                QString message = reply.errorMessage();
                if (reply.errorCode() == "NOTBUSY" && id != m_currentId)
                    message = tr("The script had already finished.");
                else if (reply.errorCode() == "UNKILLABLE")
                    message = tr("The script has already written data and cannot be killed; it must run to its end "
                                 "(or the server be stopped with SHUTDOWN NOSAVE). Server said: %1")
                                  .arg(reply.errorMessage());
                emit killFinished(false, message);
            } else {
                emit killFinished(true, tr("The script was killed."));
            }
        },
        waitForBusyServer());
}

void ScriptRunner::onTick()
{
    if (!m_running) {
        m_tick->stop();
        return;
    }
    if (!m_killOffered && m_clock.elapsed() >= m_longRunningMs) {
        m_killOffered = true;
        emit killAvailable(tr("The script has been running for %1 s.").arg(m_clock.elapsed() / 1000));
    }
    if (m_killOffered || m_probeInFlight)
        return;
    // A second client hears BUSY once the server's busy-reply-threshold (lua-time-limit) is passed.
    m_probeInFlight = true;
    const quint64 id = m_currentId;
    killConnection()->execute(
        { "PING" }, this,
        [this, id](const Reply& reply) {
            m_probeInFlight = false;
            if (id != m_currentId || !m_running || m_killOffered)
                return;
            if (reply.isError() && reply.errorCode() == "BUSY") {
                m_killOffered = true;
                emit killAvailable(QString::fromUtf8(reply.bytes()));
            }
        },
        waitForBusyServer());
}

} // namespace vermilion::lua
