#include "linkstateguard.h"

#include <QCoreApplication>

namespace vermilion {

namespace {

    enum class Family { None, Database, Transaction, Subscription, Monitor, Connection };

    Family familyOf(const Command& argv)
    {
        if (argv.isEmpty())
            return Family::None;
        const QByteArray name = argv.first().toUpper();
        if (name == "SELECT")
            return Family::Database;
        if (name == "MULTI" || name == "EXEC" || name == "DISCARD" || name == "WATCH" || name == "UNWATCH")
            return Family::Transaction;
        if (name == "SUBSCRIBE" || name == "PSUBSCRIBE" || name == "SSUBSCRIBE" || name == "UNSUBSCRIBE"
            || name == "PUNSUBSCRIBE" || name == "SUNSUBSCRIBE")
            return Family::Subscription;
        if (name == "MONITOR")
            return Family::Monitor;
        if (name == "HELLO" || name == "RESET" || name == "QUIT" || name == "AUTH" || name == "READONLY"
            || name == "READWRITE")
            return Family::Connection;
        if (name == "CLIENT" && argv.size() > 1) {
            // CLIENT LIST, INFO, KILL, PAUSE... read or act on the server; these change this link.
            const QByteArray sub = argv.at(1).toUpper();
            if (sub == "REPLY" || sub == "TRACKING" || sub == "SETNAME" || sub == "CACHING" || sub == "NO-EVICT"
                || sub == "NO-TOUCH")
                return Family::Connection;
        }
        return Family::None;
    }

    QString tr(const char* text) { return QCoreApplication::translate("LinkStateGuard", text); }

} // namespace

QString LinkStateGuard::refusal(const Command& argv)
{
    const Family family = familyOf(argv);
    if (family == Family::None)
        return {};
    QString command = QString::fromUtf8(argv.first().toUpper());
    if (command == QLatin1String("CLIENT"))
        command += QLatin1Char(' ') + QString::fromUtf8(argv.at(1).toUpper());
    QString why;
    switch (family) {
    case Family::Database:
        why = tr("it would move every tool on it to another database. The database selector moves the "
                 "whole session; the Console has a link of its own.");
        break;
    case Family::Transaction:
        why = tr("a transaction would catch the other tools' commands too. Use the Console, which has a "
                 "link of its own, or a Lua script.");
        break;
    case Family::Subscription:
        why = tr("it would turn the link into a subscriber and stop every other tool's replies. Use a "
                 "Pub/Sub pane or the Console.");
        break;
    case Family::Monitor:
        why = tr("it would turn the link into a MONITOR stream. Use the Monitor tab or the Console.");
        break;
    case Family::Connection:
        why = tr("it would change the protocol, user, name or reply mode of every tool on it. Use the "
                 "Console, which has a link of its own.");
        break;
    case Family::None:
        break;
    }
    return tr("%1 was not sent: this link is shared by the app's tools, and %2").arg(command, why);
}

} // namespace vermilion
