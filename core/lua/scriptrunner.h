#pragma once

#include "client/reply.h"
#include "scripterror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <map>
#include <memory>
#include <optional>

class QTimer;

namespace vermilion {
class Connection;
class Session;
} // namespace vermilion

namespace vermilion::lua {

// What to run: a script by its text (EVAL, or EVALSHA of its SHA-1 with EVAL when the server has
// not cached it) or a Redis 7 function by name (FCALL).
struct ScriptRequest {
    enum class Mode { Eval, EvalCached, Function };
    Mode mode = Mode::Eval;
    QByteArray script; // the compiled text (Eval, EvalCached)
    QByteArray function; // the function name (Function)
    QList<QByteArray> keys;
    QList<QByteArray> arguments;
    // Send EVAL_RO / EVALSHA_RO / FCALL_RO. Always on for a read-only profile.
    bool readOnlyVariant = false;
    // On a cluster, where a script without keys runs ("" = the node the session started from). A
    // script with keys runs on the node serving them, and one whose keys span slots is refused.
    QString node;
};

struct ScriptResult {
    quint64 id = 0;
    Reply reply;
    double milliseconds = 0; // from the first send to the last reply (both legs of a fallback)
    QByteArray sha1; // hex, for scripts
    QByteArray command; // what answered: "EVAL", "EVALSHA", "EVALSHA_RO", "FCALL"...
    bool fellBackToEval = false; // EVALSHA answered NOSCRIPT and EVAL followed
    QString node; // cluster: the node it ran on ("" = the node the session started from)
    std::optional<ScriptError> error; // parsed from an error reply
};

// Lowercase hex SHA-1 of a script, as SCRIPT LOAD and EVALSHA name it.
QByteArray scriptSha1(const QByteArray& script);

// Runs scripts and functions on a connection of its own (made from the session's profile, so a long
// script never holds the session's interactive connection and its pings), one at a time, and kills
// them with SCRIPT KILL / FUNCTION KILL on yet another connection (the running one is blocked
// until the script ends). While a script runs, that second connection probes the server every
// second: the first BUSY answer, or the longRunningMs mark, makes the kill available.
class ScriptRunner : public QObject {
    Q_OBJECT
public:
    explicit ScriptRunner(Session* session, QObject* parent = nullptr);
    ~ScriptRunner() override;

    // Starts a run and returns its id; finished() follows (also for refusals). Only one at a time:
    // returns 0 (and emits nothing) while another runs.
    quint64 run(const ScriptRequest& request);
    bool isRunning() const { return m_running; }
    quint64 currentId() const { return m_currentId; }
    double elapsedMs() const;
    // Sends SCRIPT KILL (FUNCTION KILL for an FCALL) on the kill connection; killFinished() follows.
    void kill();
    bool isKilling() const { return m_killing; }

    void setLongRunningMs(int milliseconds) { m_longRunningMs = milliseconds; }
    void setProbeIntervalMs(int milliseconds);
    // The read-only variant is used when the profile is read-only or this is set.
    bool usesReadOnlyVariants() const;

signals:
    void started(quint64 id);
    void finished(const vermilion::lua::ScriptResult& result);
    // The script can be killed: the server said BUSY (busyMessage is its text) or it has run long.
    void killAvailable(const QString& reason);
    void killFinished(bool succeeded, const QString& message);

private:
    struct Run;
    // The links of the node the current script runs on (one pair per node on a cluster).
    Connection* connection();
    Connection* killConnection();
    void send(const std::shared_ptr<Run>& run, bool evalAfterNoscript);
    void complete(const std::shared_ptr<Run>& run, const Reply& reply, const QByteArray& command);
    void onTick();

    QPointer<Session> m_session;
    struct Links {
        std::unique_ptr<Connection> run;
        std::unique_ptr<Connection> kill;
    };
    std::map<QString, Links> m_links; // by node; "" on a single server
    QString m_node; // where the current (or last) script runs
    QTimer* m_tick;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
    quint64 m_currentId = 0;
    bool m_running = false;
    bool m_killing = false;
    bool m_killOffered = false;
    bool m_probeInFlight = false;
    bool m_currentIsFunction = false;
    int m_longRunningMs = 3000;
};

} // namespace vermilion::lua

Q_DECLARE_METATYPE(vermilion::lua::ScriptResult)
