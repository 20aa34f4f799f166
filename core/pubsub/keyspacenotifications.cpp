#include "keyspacenotifications.h"

#include "client/session.h"

#include <QCoreApplication>

namespace vermilion::KeyspaceNotifications {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyspaceNotifications)
};

// Event classes of notify-keyspace-events ('A' stands for "g$lshzxet"; 'm', 'n', 'd' are separate).
bool hasEventClass(const QString& flags)
{
    static const QString classes = QStringLiteral("Ag$lshzxetmnd");
    for (const QChar c : flags) {
        if (classes.contains(c))
            return true;
    }
    return false;
}
} // namespace

QByteArray keyspacePattern(int database, const QByteArray& keyPattern)
{
    return "__keyspace@" + QByteArray::number(database) + "__:" + keyPattern;
}

QByteArray keyeventPattern(int database, const QByteArray& eventPattern)
{
    return "__keyevent@" + QByteArray::number(database) + "__:" + eventPattern;
}

bool deliversKeyspace(const QString& flags)
{
    return flags.contains(QLatin1Char('K')) && hasEventClass(flags);
}

bool deliversKeyevent(const QString& flags)
{
    return flags.contains(QLatin1Char('E')) && hasEventClass(flags);
}

QString flagsEnablingAll(const QString& current, bool keyspace, bool keyevent)
{
    QString flags = current;
    if (keyspace && !flags.contains(QLatin1Char('K')))
        flags += QLatin1Char('K');
    if (keyevent && !flags.contains(QLatin1Char('E')))
        flags += QLatin1Char('E');
    if (!flags.contains(QLatin1Char('A')))
        flags += QLatin1Char('A');
    return flags;
}

QString describe(const QString& flags)
{
    if (flags.isEmpty())
        return Tr::tr("Keyspace notifications are off on this server (notify-keyspace-events is empty).");
    if (!hasEventClass(flags))
        return Tr::tr("notify-keyspace-events is \"%1\": no event class is selected, so nothing is sent.").arg(flags);
    return Tr::tr("notify-keyspace-events is \"%1\".").arg(flags);
}

namespace {
    QString nodeError(const Session::NodeReply& answer)
    {
        return answer.node.isEmpty() ? answer.reply.errorMessage() : answer.node + QStringLiteral(": ") + answer.reply.errorMessage();
    }
} // namespace

void readFlags(Session* session, QObject* context, std::function<void(const QString& flags, const QString& error)> done)
{
    session->executeOnEach(session->masterNodes(), { "CONFIG", "GET", "notify-keyspace-events" }, context,
                           [done = std::move(done)](const QList<Session::NodeReply>& replies) {
        QString weakest;
        bool first = true;
        for (const Session::NodeReply& answer : replies) {
            if (answer.reply.isError()) {
                done({}, nodeError(answer));
                return;
            }
            const QString flags = answer.reply.size() >= 2 ? QString::fromUtf8(answer.reply.at(1).bytes()) : QString();
            // The node that delivers the least decides what a pane can count on.
            const int score = (deliversKeyspace(flags) ? 1 : 0) + (deliversKeyevent(flags) ? 1 : 0);
            const int best = (deliversKeyspace(weakest) ? 1 : 0) + (deliversKeyevent(weakest) ? 1 : 0);
            if (first || score < best)
                weakest = flags;
            first = false;
        }
        done(weakest, {});
    });
}

void setFlags(Session* session, const QString& flags, QObject* context, std::function<void(const QString& error)> done)
{
    session->executeOnEach(session->masterNodes(), { "CONFIG", "SET", "notify-keyspace-events", flags.toUtf8() },
                           context, [done = std::move(done)](const QList<Session::NodeReply>& replies) {
        QStringList errors;
        for (const Session::NodeReply& answer : replies) {
            if (answer.reply.isError())
                errors << nodeError(answer);
        }
        done(errors.join(QLatin1Char('\n')));
    });
}

} // namespace vermilion::KeyspaceNotifications
