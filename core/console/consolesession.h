#pragma once

#include "client/connection.h"
#include "console/commanddocs.h"
#include "console/consolehistory.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>
#include "util/jobtracker.h"

class QTimer;

namespace vermilion {

class Session;
class ConsolePushSink;

// The console's side that speaks Redis: a link of its own from the session (so its database,
// transaction, user and subscriptions are its alone), redis-cli's prompt and its special commands
// (SELECT, MULTI/EXEC, AUTH, SUBSCRIBE/MONITOR streams, "N command" repeats, HELP), its history
// without secrets, and the server's COMMAND DOCS for completion and hints. Output leaves in batches
// of entries; the widget only shows them.
class ConsoleSession : public QObject {
    Q_OBJECT
public:
    struct Entry {
        enum class Kind { Command, Reply, Error, Note, Stream };
        Kind kind;
        QString text;
    };

    // Where typed commands go on a cluster. Routed: the console's own link, following MOVED/ASK as
    // redis-cli -c does. Node: the console's own link to one node, redirects shown, not followed.
    // Masters/AllNodes: each command runs on every master or every node (redis-cli --cluster call),
    // on the session's shared links, so commands that hold link state are refused there.
    // Typed forms: "@host:port", "@masters", "@all", "@" (back to routed) switch the target;
    // "@<target> COMMAND ..." runs one command there.
    enum class TargetKind { Routed, Node, Masters, AllNodes };
    struct Target {
        TargetKind kind = TargetKind::Routed;
        QString node; // TargetKind::Node
        bool operator==(const Target& other) const { return kind == other.kind && node == other.node; }
    };
    Target target() const { return m_target; }
    // False, with the reason as an Error entry, when it cannot switch now (a transaction or stream
    // runs, not a cluster, an unknown node).
    bool setTarget(const Target& target);
    // "@masters", "@127.0.0.1:7001"...: the word that selects a target, parsed; false if it is none.
    static bool parseTarget(const QByteArray& word, Target* target);

    // Lines kept per stream batch: a MONITOR firehose is thinned, and the console says so.
    static constexpr int maxStreamLinesPerBatch = 400;

    explicit ConsoleSession(Session* session, QObject* parent = nullptr);
    ~ConsoleSession() override;

    // redis-cli's prompt: "host:port[db]> ", "(TX)" inside a transaction, the user when AUTH
    // changed it: "alice@host:port[3](TX)> ".
    QString prompt() const;
    int database() const { return m_database; }
    bool inTransaction() const { return m_inTransaction; }
    QString user() const { return m_user; }
    bool isStreaming() const { return m_streaming; }
    // Commands sent and not answered yet (a blocking BLPOP, a paste on its way).
    int pending() const { return m_pending; }
    // Nothing pending, and everything said has left in output().
    bool isIdle() const
    {
        return m_pending == 0 && m_slots.empty() && m_outbox.isEmpty() && m_lineQueueHead >= m_lineQueue.size();
    }
    Connection::State linkState() const;

    void setRawOutput(bool raw) { m_raw = raw; }
    bool rawOutput() const { return m_raw; }

    // The console's link is made the first time it is needed (the tool shown, a line run).
    void ensureLink();
    // Runs one line as typed. False (with the reason as an Error entry) when it does not parse or
    // is refused before sending.
    bool run(const QString& line);
    // Runs many lines (a paste) as one pipeline: each reply is shown under its own line.
    void runLines(const QStringList& lines);
    // Stop / Ctrl+C: ends a stream or a blocking command by resetting the console's own link (a new
    // link at the same database); no other tool's link is touched.
    void interrupt();

    ConsoleHistory& history() { return m_history; }
    const CommandDocs& docs() const { return m_docs; }
    // Commands whose effect cannot be undone: the widget asks before running them.
    static bool needsConfirmation(const QList<QByteArray>& argv);

signals:
    void output(const QList<vermilion::ConsoleSession::Entry>& entries);
    void promptChanged(const QString& prompt);
    void streamingChanged(bool streaming);
    void pendingChanged(int pending);
    void docsLoaded();
    void clearRequested();
    void targetChanged();

private:
    void makeLink();
    void onLinkState(Connection::State state, const QString& message);
    bool runArguments(const QString& line, QList<QByteArray> argv, int repeat);
    void send(const Command& argv, int repeat, quint64 slot);
    void startStream(const Command& argv);
    void onReply(quint64 slot, const Command& argv, const Reply& reply);
    void finishOne(quint64 slot, Entry::Kind kind, const QString& text);
    void emitEntry(Entry::Kind kind, const QString& text);
    void releaseSlots(bool all = false);
    void flushOutput();
    void drainStream();
    QString format(const Reply& reply) const;
    void setTransaction(bool inTransaction);
    void loadDocs();
    bool checkTarget(const Target& target);
    // One command on several nodes (or one, on its shared link): each node's reply under its name.
    bool sendToNodes(const Target& target, const Command& argv, int repeat, quint64 slot);
    Target m_target;
    QString m_seedEndpoint;

    Session* m_session;
    std::unique_ptr<Connection> m_link;
    std::shared_ptr<ConsolePushSink> m_sink;
    JobTracker m_linkJobs;
    ConsoleHistory m_history;
    CommandDocs m_docs;
    QString m_endpoint;
    QString m_profileUser;
    QString m_user;
    int m_database = 0;
    bool m_inTransaction = false;
    bool m_streaming = false;
    bool m_everConnected = false;
    bool m_raw = false;
    bool m_inBatch = false; // runLines(): the history is written once at the end
    // Pasted lines not run yet: run in slices of a few milliseconds, so that a paste of ten
    // thousand lines never holds the event loop; lines typed meanwhile wait behind them.
    QStringList m_lineQueue;
    qsizetype m_lineQueueHead = 0;
    int m_reportedPending = -1;
    void runQueuedLines();
    quint64 openSlot(const QString& line, const QList<QByteArray>& argv, bool parsed);
    bool sendsAsIs(const QList<QByteArray>& argv) const;
    void reportPending();
    int m_pending = 0;
    QList<Entry> m_outbox;
    // Output in the order lines were run: each line's echo, then its replies, even when a paste has
    // thousands in flight. A slot is released once every reply it waits for is in.
    struct Slot {
        quint64 id = 0;
        QList<Entry> entries;
        int waiting = 0;
    };
    std::deque<Slot> m_slots;
    quint64 m_nextSlot = 1;
    quint64 m_runningSlot = 0; // the slot run() is filling
    Slot* slot(quint64 id);
    QTimer* m_flushTimer;
    QTimer* m_streamTimer;
    QTimer* m_lineTimer;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::ConsoleSession::Entry)
