#include "keyspacenotifications.h"

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

} // namespace vermilion::KeyspaceNotifications
