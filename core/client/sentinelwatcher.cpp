#include "sentinelwatcher.h"

#include "session.h"
#include "util/posting.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace vermilion {

namespace {
constexpr int defaultRecheckMs = 10000;
constexpr qint64 minAskGapMs = 300;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

std::pair<QString, quint16> splitHostPort(const QString& address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    QString host = address.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return { host, quint16(address.mid(colon + 1).toUInt()) };
}

// SENTINEL REPLICAS/MASTER answer each instance as a flat list of field, value (RESP2).
QHash<QString, QString> fields(const Reply& entry)
{
    QHash<QString, QString> result;
    if (!entry.isArray())
        return result;
    const QList<Reply>& items = entry.elements();
    for (qsizetype i = 0; i + 1 < items.size(); i += 2)
        result.insert(QString::fromUtf8(items.at(i).bytes()), QString::fromUtf8(items.at(i + 1).bytes()));
    return result;
}
} // namespace

struct SentinelWatcher::SentinelLink {
    QString address;
    std::unique_ptr<Connection> commands;
    std::unique_ptr<Connection> events;
};

// The events link of one sentinel: PSUBSCRIBE * (a sentinel publishes each event on a channel of
// its name), each message handed to the watcher's thread. Runs in the link's thread.
class SentinelWatcher::EventHandler : public PushHandler {
public:
    EventHandler(SentinelWatcher* watcher, QString sentinel)
        : m_watcher(watcher)
        , m_thread(watcher->thread())
        , m_sentinel(std::move(sentinel))
    {
    }
    QList<Command> linkUp(bool reconnect) override
    {
        post(reconnect ? QStringLiteral("link-back") : QStringLiteral("link-up"), {});
        return { { "PSUBSCRIBE", "*" } };
    }
    void linkDown(const QString& reason) override { post(QStringLiteral("link-lost"), reason); }
    void pushReplies(std::vector<Reply>&& replies) override
    {
        for (const Reply& reply : replies) {
            if (!reply.isArray() || reply.size() != 4 || reply.at(0).bytes() != "pmessage")
                continue;
            post(QString::fromUtf8(reply.at(2).bytes()), QString::fromUtf8(reply.at(3).bytes()));
        }
    }
    bool isPush(const Reply& reply) const override
    {
        if (!reply.isArray() || reply.size() < 3)
            return false;
        const QByteArray kind = reply.at(0).bytes();
        return kind == "pmessage" || kind == "psubscribe" || kind == "message" || kind == "subscribe";
    }

private:
    void post(const QString& channel, const QString& text)
    {
        postToThread(m_thread, [watcher = m_watcher, sentinel = m_sentinel, channel, text] {
            if (watcher)
                watcher->onEvent(sentinel, channel, text);
        });
    }
    QPointer<SentinelWatcher> m_watcher;
    QThread* m_thread;
    QString m_sentinel;
};

SentinelWatcher::SentinelWatcher(const ConnectionProfile& profile, std::shared_ptr<EndpointSource> source,
                                 QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_source(std::move(source))
    , m_readReplica(profile.readOnly && profile.sentinelReadReplica)
    , m_recheck(new QTimer(this))
{
    qRegisterMetaType<SentinelWatcher::Event>();
    m_recheck->setInterval(defaultRecheckMs);
    connect(m_recheck, &QTimer::timeout, this, [this] { resolveNow({}); });
    for (const QString& address : m_profile.sentinels) {
        auto entry = std::make_unique<SentinelLink>();
        entry->address = address.trimmed();
        m_links.push_back(std::move(entry));
    }
    QPointer<SentinelWatcher> guard(this);
    QThread* thread = this->thread();
    m_source->setWrongRoleHandler([guard, thread](const EndpointSource::Endpoint& endpoint, const QString& role) {
        postToThread(thread, [guard, endpoint, role] {
            if (guard)
                guard->onWrongRole(endpoint, role);
        });
    });
}

SentinelWatcher::~SentinelWatcher()
{
    m_source->setWrongRoleHandler({});
}

ConnectionProfile SentinelWatcher::sentinelLinkProfile(const ConnectionProfile& profile, const QString& sentinel)
{
    ConnectionProfile link;
    link.id = profile.id;
    link.name = profile.name;
    const auto [host, port] = splitHostPort(sentinel.trimmed());
    link.host = host;
    link.port = port;
    link.username = profile.sentinelUsername;
    link.password = profile.sentinelPassword;
    link.tls = profile.sentinelTls;
    link.connectTimeoutMs = profile.connectTimeoutMs;
    link.commandTimeoutMs = profile.commandTimeoutMs;
    link.ssh = profile.ssh; // the sentinels are reached through the profile's tunnel too
    return link;
}

Connection* SentinelWatcher::link(qsizetype index)
{
    SentinelLink& entry = *m_links.at(size_t(index));
    if (!entry.commands) {
        ConnectionTuning tuning;
        tuning.clientName = "vermilion:sentinel";
        entry.commands = Session::createLink(sentinelLinkProfile(m_profile, entry.address), tuning);
    }
    const Connection::State state = entry.commands->state();
    if (state == Connection::State::Disconnected || state == Connection::State::Failed)
        entry.commands->open();
    return entry.commands.get();
}

void SentinelWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    if (m_profile.sentinelMaster.isEmpty()) {
        m_lastError = tr("The profile names no Sentinel master group.");
        m_running = false;
        emit failed(m_lastError);
        return;
    }
    m_source->setWaitingReason(tr("Asking Sentinel for the %1 of \"%2\"...")
                                   .arg(m_readReplica ? tr("replicas") : tr("master"), m_profile.sentinelMaster));
    for (size_t i = 0; i < m_links.size(); ++i) {
        SentinelLink& entry = *m_links[i];
        ConnectionTuning tuning;
        tuning.clientName = "vermilion:sentinel-events";
        entry.events = Session::createLink(sentinelLinkProfile(m_profile, entry.address), tuning,
                                           std::make_shared<EventHandler>(this, entry.address));
        entry.events->open();
    }
    m_recheck->start();
    m_lastAskMs = 0;
    resolveNow(QString());
}

void SentinelWatcher::stop()
{
    m_running = false;
    m_resolving = false;
    m_askAgain = false;
    ++m_round;
    m_recheck->stop();
    for (auto& entry : m_links) {
        entry->commands.reset();
        entry->events.reset();
    }
}

void SentinelWatcher::setRecheckInterval(int milliseconds) { m_recheck->setInterval(milliseconds); }

void SentinelWatcher::resolveNow(const QString& why)
{
    if (!m_running)
        return;
    if (!why.isEmpty())
        m_pendingWhy = why;
    if (m_resolving) {
        m_askAgain = true;
        return;
    }
    const qint64 now = nowMs();
    if (now - m_lastAskMs < minAskGapMs) {
        // Several links reporting the same demoted master at once: one question is enough.
        if (!m_askAgain) {
            m_askAgain = true;
            QTimer::singleShot(int(minAskGapMs - (now - m_lastAskMs)), this, [this] {
                m_askAgain = false;
                resolveNow({});
            });
        }
        return;
    }
    m_lastAskMs = now;
    m_resolving = true;
    ask(0, ++m_round, {});
}

void SentinelWatcher::ask(qsizetype index, quint64 round, QStringList reasons)
{
    if (index >= qsizetype(m_links.size())) {
        m_resolving = false;
        m_lastError = m_links.empty() ? tr("The profile names no sentinel.")
                                      : tr("No sentinel could name the %1 of \"%2\":\n%3")
                                            .arg(m_readReplica ? tr("replicas") : tr("master"),
                                                 m_profile.sentinelMaster, reasons.join(QLatin1Char('\n')));
        if (!m_source->current().isValid())
            m_source->setWaitingReason(m_lastError);
        emit failed(m_lastError);
        if (m_askAgain) {
            m_askAgain = false;
            QTimer::singleShot(minAskGapMs, this, [this] { resolveNow({}); });
        }
        return;
    }
    const QByteArray master = m_profile.sentinelMaster.toUtf8();
    const Command argv = m_readReplica ? Command { "SENTINEL", "REPLICAS", master }
                                       : Command { "SENTINEL", "GET-MASTER-ADDR-BY-NAME", master };
    link(index)->execute(argv, this, [this, index, round, reasons](const Reply& reply) {
        if (round != m_round)
            return; // stopped, or a newer round
        if (m_readReplica)
            onReplicasReply(index, round, reasons, reply);
        else
            onAddressReply(index, round, reasons, reply);
    });
}

void SentinelWatcher::onAddressReply(qsizetype index, quint64 round, QStringList reasons, const Reply& reply)
{
    const QString sentinel = m_links.at(size_t(index))->address;
    if (reply.isError()) {
        reasons << tr("%1: %2").arg(sentinel, reply.errorMessage());
        ask(index + 1, round, reasons);
        return;
    }
    if (reply.isNil() || !reply.isArray() || reply.size() != 2) {
        reasons << tr("%1 knows no master group named \"%2\".").arg(sentinel, m_profile.sentinelMaster);
        ask(index + 1, round, reasons);
        return;
    }
    const EndpointSource::Endpoint endpoint
        = mapped(QString::fromUtf8(reply.at(0).bytes()), QString::fromUtf8(reply.at(1).bytes()));
    if (!endpoint.isValid()) {
        reasons << tr("%1 answered an address that is not host and port.").arg(sentinel);
        ask(index + 1, round, reasons);
        return;
    }
    m_resolving = false;
    publish(endpoint, sentinel, m_pendingWhy);
    if (m_askAgain) {
        m_askAgain = false;
        QTimer::singleShot(minAskGapMs, this, [this] { resolveNow({}); });
    }
}

void SentinelWatcher::onReplicasReply(qsizetype index, quint64 round, QStringList reasons, const Reply& reply)
{
    const QString sentinel = m_links.at(size_t(index))->address;
    if (reply.isError()) {
        const QString message = reply.errorMessage();
        reasons << (message.contains(QLatin1String("No such master"), Qt::CaseInsensitive)
                        ? tr("%1 knows no master group named \"%2\".").arg(sentinel, m_profile.sentinelMaster)
                        : tr("%1: %2").arg(sentinel, message));
        ask(index + 1, round, reasons);
        return;
    }
    // A replica Sentinel sees up and linked to its master; failing that, one that is up although its
    // link to the master is not (yet) ok, which serves older data. The one read last keeps its place
    // while it stays in the best class.
    const EndpointSource::Endpoint previous = m_source->current();
    std::optional<EndpointSource::Endpoint> chosen;
    bool chosenInSync = false;
    if (reply.isArray()) {
        for (const Reply& entry : reply.elements()) {
            const QHash<QString, QString> info = fields(entry);
            const QStringList flags = info.value(QStringLiteral("flags")).split(QLatin1Char(','));
            if (flags.contains(QLatin1String("s_down")) || flags.contains(QLatin1String("o_down"))
                || flags.contains(QLatin1String("disconnected")))
                continue;
            const bool inSync = info.value(QStringLiteral("master-link-status")) == QLatin1String("ok");
            const EndpointSource::Endpoint endpoint
                = mapped(info.value(QStringLiteral("ip")), info.value(QStringLiteral("port")));
            if (!endpoint.isValid() || (chosenInSync && !inSync))
                continue;
            if (!chosen || (inSync && !chosenInSync) || endpoint == previous) {
                chosen = endpoint;
                chosenInSync = inSync;
            }
        }
    }
    if (!chosen) {
        reasons << tr("%1 lists no healthy replica of \"%2\".").arg(sentinel, m_profile.sentinelMaster);
        ask(index + 1, round, reasons);
        return;
    }
    m_resolving = false;
    publish(*chosen, sentinel, m_pendingWhy);
    if (m_askAgain) {
        m_askAgain = false;
        QTimer::singleShot(minAskGapMs, this, [this] { resolveNow({}); });
    }
}

EndpointSource::Endpoint SentinelWatcher::mapped(const QString& host, const QString& port) const
{
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (host.isEmpty() || !ok || number == 0 || number > 65535)
        return {};
    EndpointSource::Endpoint endpoint { host, quint16(number) };
    // Announced addresses this machine cannot reach (NAT, containers): the profile's address map.
    const auto found = m_profile.clusterAddressMap.constFind(endpoint.text());
    if (found != m_profile.clusterAddressMap.constEnd()) {
        const auto [mappedHost, mappedPort] = splitHostPort(*found);
        if (!mappedHost.isEmpty() && mappedPort != 0)
            endpoint = { mappedHost, mappedPort };
    }
    return endpoint;
}

void SentinelWatcher::publish(const EndpointSource::Endpoint& endpoint, const QString& sentinel, const QString& why)
{
    m_pendingWhy.clear();
    m_lastError.clear();
    const EndpointSource::Endpoint before = m_source->current();
    if (before == endpoint)
        return;
    const QString what = m_readReplica ? tr("replica") : tr("master");
    QString message = before.isValid()
        ? tr("Sentinel %1 names %2 as the %3 of \"%4\" (it was %5).")
              .arg(sentinel, endpoint.text(), what, m_profile.sentinelMaster, before.text())
        : tr("Sentinel %1 names %2 as the %3 of \"%4\".").arg(sentinel, endpoint.text(), what, m_profile.sentinelMaster);
    if (!why.isEmpty())
        message += QLatin1Char(' ') + why;
    addEvent(sentinel, QStringLiteral("vermilion:address"), message);
    m_source->set(endpoint, message);
    emit resolved(endpoint.text(), message);
}

void SentinelWatcher::onEvent(const QString& sentinel, const QString& channel, const QString& text)
{
    if (!m_running)
        return;
    if (channel == QLatin1String("link-up"))
        return;
    if (channel == QLatin1String("link-back")) {
        // Events may have been missed while the link was down.
        resolveNow(tr("(The events link to %1 is back.)").arg(sentinel));
        return;
    }
    if (channel == QLatin1String("link-lost")) {
        addEvent(sentinel, QStringLiteral("vermilion:link-lost"), text);
        return;
    }
    // Only this group's events: "+switch-master <name> <old ip> <old port> <new ip> <new port>";
    // the others "<type> <name> <ip> <port> [@ <master name> <master ip> <master port>]".
    const QStringList tokens = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString& master = m_profile.sentinelMaster;
    bool ours = false;
    if (channel == QLatin1String("+switch-master"))
        ours = !tokens.isEmpty() && tokens.first() == master;
    else if (tokens.size() >= 2 && tokens.at(0) == QLatin1String("master"))
        ours = tokens.at(1) == master;
    else if (const qsizetype at = tokens.indexOf(QStringLiteral("@")); at >= 0 && at + 1 < tokens.size())
        ours = tokens.at(at + 1) == master;
    if (!ours)
        return;
    addEvent(sentinel, channel, text);
    if (channel == QLatin1String("+switch-master") && tokens.size() >= 5) {
        if (!m_readReplica) {
            const EndpointSource::Endpoint endpoint = mapped(tokens.at(3), tokens.at(4));
            if (endpoint.isValid())
                publish(endpoint, sentinel, tr("(+switch-master)"));
        } else {
            resolveNow(tr("(+switch-master)"));
        }
        return;
    }
    // A replica that went down, came back or was added: the choice of replica may change.
    if (m_readReplica
        && (channel == QLatin1String("+sdown") || channel == QLatin1String("-sdown")
            || channel == QLatin1String("+slave") || channel == QLatin1String("+convert-to-slave")))
        resolveNow(tr("(%1)").arg(channel));
}

void SentinelWatcher::addEvent(const QString& sentinel, const QString& type, const QString& text)
{
    Event event { QDateTime::currentDateTime(), sentinel, type, text };
    if (m_events.size() >= maxEvents)
        m_events.erase(m_events.begin(), m_events.begin() + qsizetype(maxEvents / 10));
    m_events.push_back(event);
    emit eventReceived(event);
}

void SentinelWatcher::onWrongRole(const EndpointSource::Endpoint& endpoint, const QString& role)
{
    if (!m_running || !(endpoint == m_source->current()))
        return;
    resolveNow(tr("(%1 answered ROLE with \"%2\".)").arg(endpoint.text(), role));
}

void SentinelWatcher::executeOnSentinel(const Command& argv, QObject* context,
                                        std::function<void(const QString& sentinel, const Reply&)> callback)
{
    tryOn(0, argv, context, std::make_shared<std::function<void(const QString&, const Reply&)>>(std::move(callback)));
}

void SentinelWatcher::tryOn(qsizetype index, Command argv, QObject* context,
                            std::shared_ptr<std::function<void(const QString&, const Reply&)>> callback)
{
    if (m_links.empty()) {
        (*callback)(QString(), Reply::error(tr("The profile names no sentinel.").toUtf8()));
        return;
    }
    const QString sentinel = m_links.at(size_t(index))->address;
    QPointer<QObject> guard(context);
    link(index)->execute(argv, this, [this, index, argv, guard, callback, sentinel](const Reply& reply) {
        if (!guard)
            return;
        const bool linkProblem = reply.isError() && reply.errorKind() != Reply::ErrorKind::Server;
        if (linkProblem && index + 1 < qsizetype(m_links.size())) {
            tryOn(index + 1, argv, guard.data(), callback);
            return;
        }
        (*callback)(sentinel, reply);
    });
}

} // namespace vermilion
