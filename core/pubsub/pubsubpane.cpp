#include "pubsubpane.h"

#include "util/redistext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace vermilion {

PubSubPane::PubSubPane(Session* session, QObject* parent)
    : QObject(parent)
    , m_subscriber(new Subscriber(session, this))
    , m_rules(new HandlerRuleModel(this))
    , m_messages(new MessageModel(this))
{
    connect(m_subscriber, &Subscriber::messagesReceived, this, &PubSubPane::process);
}

PubSubPane::PubSubPane(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_subscriber(new Subscriber(profile, this))
    , m_rules(new HandlerRuleModel(this))
    , m_messages(new MessageModel(this))
{
    connect(m_subscriber, &Subscriber::messagesReceived, this, &PubSubPane::process);
}

PubSubPane::~PubSubPane() = default;

void PubSubPane::subscribe(const QByteArray& channel)
{
    if (!m_channelStates.contains(channel))
        m_channelStates.insert(channel, false);
    m_subscriber->subscribe({ channel });
    emit subscriptionsChanged();
}

bool PubSubPane::setSharded(bool sharded, QString* error)
{
    if (sharded == m_subscriber->isSharded())
        return true;
    if (sharded && !m_patternStates.isEmpty()) {
        if (error)
            *error = tr("Sharded pub/sub has no patterns: unsubscribe from the patterns first.");
        return false;
    }
    m_subscriber->setSharded(sharded);
    if (m_subscriber->isSharded() != sharded) {
        if (error)
            *error = tr("Sharded pub/sub needs a Redis 7 cluster.");
        return false;
    }
    // Every channel is subscribed again, the other way.
    awaitConfirmations();
    emit subscriptionsChanged();
    return true;
}

bool PubSubPane::setEveryMaster(bool everyMaster, QString* error)
{
    if (everyMaster == m_subscriber->isEveryMaster())
        return true;
    m_subscriber->setEveryMaster(everyMaster);
    if (m_subscriber->isEveryMaster() != everyMaster) {
        if (error)
            *error = tr("Listening on every master needs a cluster.");
        return false;
    }
    awaitConfirmations();
    emit subscriptionsChanged();
    return true;
}

void PubSubPane::awaitConfirmations()
{
    for (auto it = m_channelStates.begin(); it != m_channelStates.end(); ++it)
        it.value() = false;
    for (auto it = m_patternStates.begin(); it != m_patternStates.end(); ++it)
        it.value() = false;
}

void PubSubPane::psubscribe(const QByteArray& pattern)
{
    if (m_subscriber->isSharded())
        return; // no patterns in sharded pub/sub; the pane widget says so
    if (!m_patternStates.contains(pattern))
        m_patternStates.insert(pattern, false);
    m_subscriber->psubscribe({ pattern });
    emit subscriptionsChanged();
}

void PubSubPane::unsubscribe(const QByteArray& channel)
{
    m_channelStates.remove(channel);
    m_subscriber->unsubscribe({ channel });
    emit subscriptionsChanged();
}

void PubSubPane::punsubscribe(const QByteArray& pattern)
{
    m_patternStates.remove(pattern);
    m_subscriber->punsubscribe({ pattern });
    emit subscriptionsChanged();
}

bool PubSubPane::setLogFile(const QString& path, QString* error)
{
    m_paneLog.reset();
    if (path.isEmpty())
        return true;
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot write the log file %1: %2").arg(path, file->errorString());
        return false;
    }
    m_paneLog = std::move(file);
    return true;
}

void PubSubPane::noteConfirmation(const PubSubMessage& message)
{
    switch (message.kind) {
    case PubSubMessage::Kind::Subscribed:
        if (m_channelStates.contains(message.channel))
            m_channelStates[message.channel] = true;
        break;
    case PubSubMessage::Kind::PatternSubscribed:
        if (m_patternStates.contains(message.channel))
            m_patternStates[message.channel] = true;
        break;
    case PubSubMessage::Kind::Gap:
        // A sharded channel that moved to another node: only it waits for a new confirmation.
        if (!message.channel.isEmpty()) {
            if (m_channelStates.contains(message.channel))
                m_channelStates[message.channel] = false;
            break;
        }
        // Every subscription waits for its new confirmation.
        awaitConfirmations();
        break;
    default:
        return;
    }
    emit subscriptionsChanged();
}

void PubSubPane::process(const PubSubBatch& batch)
{
    m_droppedBeforePane += batch.dropped;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    std::vector<PaneMessage> shown;
    shown.reserve(size_t(batch.messages.size()));
    int lastRow = -2;
    qint64 run = 0;
    qint64 messages = 0;
    // Streams repeat their channel: the last dispatch is reused while channel and pattern stay the
    // same (the subscriber shares their bytes, so the check is usually a pointer compare).
    QByteArray cachedChannel;
    QByteArray cachedPattern;
    PubSubMessage::Kind cachedKind = PubSubMessage::Kind::Gap;
    int cachedRow = -1;
    const quint64 rulesVersion = m_rules->version();
    for (const PubSubMessage& message : batch.messages) {
        int row;
        if (message.kind == cachedKind && message.isMessage() && rulesVersion == m_rules->version()
            && (message.channel.constData() == cachedChannel.constData() || message.channel == cachedChannel)
            && (message.pattern.constData() == cachedPattern.constData() || message.pattern == cachedPattern)) {
            row = cachedRow;
        } else {
            row = m_rules->dispatch(message);
            cachedChannel = message.channel;
            cachedPattern = message.pattern;
            cachedKind = message.kind;
            cachedRow = row;
        }
        if (!message.isMessage()) {
            noteConfirmation(message);
            // Confirmations, gaps and errors are always shown: they say what the pane is doing.
            PaneMessage paneMessage { message, row >= 0 ? m_rules->rule(row).colour : QString(), {} };
            shown.push_back(std::move(paneMessage));
            continue;
        }
        ++messages;
        // Counting runs of the same rule keeps a firehose on one channel at one add per batch.
        if (row != lastRow) {
            if (run > 0)
                m_rules->count(lastRow, run);
            lastRow = row;
            run = 0;
        }
        ++run;
        if (row < 0) {
            PaneMessage paneMessage { message, {}, QStringLiteral("auto") };
            if (m_paneLog)
                m_paneLog->write(QJsonDocument(MessageModel::toJson(paneMessage)).toJson(QJsonDocument::Compact) + '\n');
            shown.push_back(std::move(paneMessage));
            continue;
        }
        const HandlerRule& rule = m_rules->rule(row);
        if (rule.countOnly)
            continue;
        PaneMessage paneMessage { message, rule.colour, rule.decoder };
        if (m_paneLog)
            m_paneLog->write(QJsonDocument(MessageModel::toJson(paneMessage)).toJson(QJsonDocument::Compact) + '\n');
        if (rule.notify)
            notify(rule, message, nowMs);
        if (!rule.logFile.isEmpty())
            log(rule, paneMessage);
        if (rule.show)
            shown.push_back(std::move(paneMessage));
    }
    if (run > 0)
        m_rules->count(lastRow, run);
    m_receivedMessages += messages;
    for (auto& [path, file] : m_logs)
        file->flush();
    if (m_paneLog)
        m_paneLog->flush();
    m_messages->append(std::move(shown));
    emit processed(int(messages));
}

void PubSubPane::notify(const HandlerRule& rule, const PubSubMessage& message, qint64 nowMs)
{
    NotifyState& state = m_notifyStates[rule.key];
    if (state.lastMs >= 0 && nowMs - state.lastMs < qint64(rule.notifyIntervalSeconds) * 1000) {
        ++state.suppressed;
        return;
    }
    state.lastMs = nowMs;
    QString text = MessageModel::decode(message.payload, rule.decoder, false).left(200);
    if (state.suppressed > 0)
        text += QLatin1Char('\n') + tr("(and %n more since the last notification)", nullptr, state.suppressed);
    state.suppressed = 0;
    emit notificationRequested(tr("Message on %1").arg(RedisText::escape(message.channel)), text);
}

void PubSubPane::log(const HandlerRule& rule, const PaneMessage& row)
{
    auto it = m_logs.find(rule.logFile);
    if (it == m_logs.end()) {
        auto file = std::make_unique<QFile>(rule.logFile);
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            if (!m_failedLogs.contains(rule.logFile)) {
                m_failedLogs.insert(rule.logFile);
                emit logFailed(tr("Cannot write the log file %1: %2").arg(rule.logFile, file->errorString()));
            }
            return;
        }
        it = m_logs.emplace(rule.logFile, std::move(file)).first;
    }
    it->second->write(QJsonDocument(MessageModel::toJson(row)).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace vermilion
