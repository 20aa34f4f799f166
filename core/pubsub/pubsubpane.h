#pragma once

#include "handlerrulemodel.h"
#include "messagemodel.h"
#include "subscriber.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QObject>
#include <memory>

namespace vermilion {

class Session;

// The core of one pub/sub pane: its own subscriber, its handler rules and its message ring. Each
// batch from the subscriber is dispatched message by message to a rule (see HandlerRuleModel),
// counted, then shown, notified and logged as the rule says. The UI pane and the benchmark use it
// the same way.
class PubSubPane : public QObject {
    Q_OBJECT
public:
    explicit PubSubPane(Session* session, QObject* parent = nullptr);
    // Without a session (tests).
    explicit PubSubPane(const ConnectionProfile& profile, QObject* parent = nullptr);
    ~PubSubPane() override;

    Subscriber* subscriber() const { return m_subscriber; }
    HandlerRuleModel* rules() const { return m_rules; }
    MessageModel* messages() const { return m_messages; }

    // Server confirmations as last seen: name -> confirmed (false: asked, no confirmation yet).
    const QMap<QByteArray, bool>& channelStates() const { return m_channelStates; }
    const QMap<QByteArray, bool>& patternStates() const { return m_patternStates; }
    // Sharded pub/sub (SSUBSCRIBE, on a cluster): see Subscriber::setSharded. False, with the reason,
    // while the pane has patterns or without a session.
    bool setSharded(bool sharded, QString* error = nullptr);
    bool isSharded() const { return m_subscriber->isSharded(); }
    // Every master of a cluster (see Subscriber::setEveryMaster): what keyspace panes need.
    bool setEveryMaster(bool everyMaster, QString* error = nullptr);
    bool isEveryMaster() const { return m_subscriber->isEveryMaster(); }
    void subscribe(const QByteArray& channel);
    void psubscribe(const QByteArray& pattern);
    void unsubscribe(const QByteArray& channel);
    void punsubscribe(const QByteArray& pattern);

    // Messages (message/pmessage) that reached the pane, shown or not.
    qint64 receivedMessages() const { return m_receivedMessages; }
    // Dropped before reaching the pane (the hand-over buffer overflowed) plus dropped by the ring.
    qint64 droppedMessages() const { return m_droppedBeforePane + m_messages->dropped(); }

    // Every message of the pane (whatever its rule says, count-only ones aside) appended to a JSON-lines
    // file; empty stops. Returns false with *error when the file cannot be opened.
    bool setLogFile(const QString& path, QString* error = nullptr);
    QString logFile() const { return m_paneLog ? m_paneLog->fileName() : QString(); }

    // Dispatches one batch (public for tests; the subscriber's batches come here).
    void process(const PubSubBatch& batch);

signals:
    void notificationRequested(const QString& title, const QString& text);
    void subscriptionsChanged();
    // A log file could not be written (each file is reported once).
    void logFailed(const QString& message);
    void processed(int messages);

private:
    struct NotifyState {
        qint64 lastMs = -1;
        int suppressed = 0;
    };
    void notify(const HandlerRule& rule, const PubSubMessage& message, qint64 nowMs);
    void log(const HandlerRule& rule, const PaneMessage& row);
    void noteConfirmation(const PubSubMessage& message);
    // Every subscription waits for the server's confirmation again.
    void awaitConfirmations();

    Subscriber* m_subscriber = nullptr;
    HandlerRuleModel* m_rules = nullptr;
    MessageModel* m_messages = nullptr;
    QMap<QByteArray, bool> m_channelStates;
    QMap<QByteArray, bool> m_patternStates;
    QHash<QByteArray, NotifyState> m_notifyStates;
    std::map<QString, std::unique_ptr<QFile>> m_logs;
    QSet<QString> m_failedLogs;
    std::unique_ptr<QFile> m_paneLog;
    qint64 m_receivedMessages = 0;
    qint64 m_droppedBeforePane = 0;
};

} // namespace vermilion
