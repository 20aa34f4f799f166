#include "aclmodel.h"

#include "client/session.h"

namespace vermilion {

namespace {
// GETUSER answers field, value pairs; a value is a string, or a list (flags, passwords, selectors).
QHash<QString, Reply> pairs(const Reply& reply)
{
    QHash<QString, Reply> result;
    if (!reply.isArray())
        return result;
    const QList<Reply>& items = reply.elements();
    for (qsizetype i = 0; i + 1 < items.size(); i += 2)
        result.insert(QString::fromUtf8(items.at(i).bytes()), items.at(i + 1));
    return result;
}

QStringList words(const Reply& value)
{
    // Redis 7 gives keys and channels as one string ("~a* %R~b*"); older servers as lists.
    QStringList result;
    if (value.isArray()) {
        for (const Reply& item : value.elements())
            result.append(QString::fromUtf8(item.bytes()));
        return result;
    }
    return QString::fromUtf8(value.bytes()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QList<AclUsersModel::KeyPattern> keyPatterns(const Reply& value)
{
    QList<AclUsersModel::KeyPattern> patterns;
    for (const QString& rule : words(value)) {
        if (rule == QLatin1String("resetkeys"))
            continue;
        patterns.append(AclUsersModel::KeyPattern::parse(rule));
    }
    return patterns;
}

QStringList channelPatterns(const Reply& value)
{
    QStringList channels;
    for (QString rule : words(value)) {
        if (rule == QLatin1String("resetchannels"))
            continue;
        if (rule == QLatin1String("allchannels"))
            rule = QStringLiteral("&*");
        channels.append(rule.startsWith(QLatin1Char('&')) ? rule.mid(1) : rule);
    }
    return channels;
}

QString keysText(const QList<AclUsersModel::KeyPattern>& keys)
{
    QStringList rules;
    for (const auto& key : keys)
        rules << key.rule();
    return rules.join(QLatin1Char(' '));
}
} // namespace

QString AclUsersModel::KeyPattern::rule() const
{
    if (read && write)
        return QLatin1Char('~') + pattern;
    return (read ? QStringLiteral("%R~") : QStringLiteral("%W~")) + pattern;
}

AclUsersModel::KeyPattern AclUsersModel::KeyPattern::parse(const QString& rule)
{
    KeyPattern key;
    if (rule == QLatin1String("allkeys")) {
        key.pattern = QStringLiteral("*");
        return key;
    }
    if (rule.startsWith(QLatin1Char('%'))) {
        const qsizetype tilde = rule.indexOf(QLatin1Char('~'));
        const QString access = rule.mid(1, tilde - 1).toUpper();
        key.read = access.contains(QLatin1Char('R'));
        key.write = access.contains(QLatin1Char('W'));
        key.pattern = rule.mid(tilde + 1);
        return key;
    }
    key.pattern = rule.startsWith(QLatin1Char('~')) ? rule.mid(1) : rule;
    return key;
}

AclUsersModel::User AclUsersModel::parseUser(const QString& name, const Reply& reply)
{
    User user;
    user.name = name;
    const QHash<QString, Reply> fields = pairs(reply);
    user.flags = words(fields.value(QStringLiteral("flags")));
    const Reply passwords = fields.value(QStringLiteral("passwords"));
    user.passwordCount = passwords.isArray() ? int(passwords.size()) : 0;
    user.commands = QString::fromUtf8(fields.value(QStringLiteral("commands")).bytes());
    user.keys = keyPatterns(fields.value(QStringLiteral("keys")));
    user.channels = channelPatterns(fields.value(QStringLiteral("channels")));
    const Reply selectors = fields.value(QStringLiteral("selectors"));
    if (selectors.isArray()) {
        for (const Reply& entry : selectors.elements()) {
            const QHash<QString, Reply> selector = pairs(entry);
            user.selectors.append({ QString::fromUtf8(selector.value(QStringLiteral("commands")).bytes()),
                                    keyPatterns(selector.value(QStringLiteral("keys"))),
                                    channelPatterns(selector.value(QStringLiteral("channels"))) });
        }
    }
    return user;
}

AclUsersModel::Edit AclUsersModel::editOf(const User& user)
{
    Edit edit;
    edit.name = user.name;
    edit.enabled = user.enabled();
    edit.noPassword = user.noPassword();
    edit.commands = user.commands;
    edit.keys = user.keys;
    edit.channels = user.channels;
    edit.selectors = user.selectors;
    return edit;
}

Command AclUsersModel::setUserCommand(const Edit& edit)
{
    Command command { "ACL", "SETUSER", edit.name.toUtf8() };
    command << (edit.enabled ? QByteArray("on") : QByteArray("off"));
    if (edit.removePasswords)
        command << "resetpass";
    for (const QString& password : edit.addPasswords)
        command << QByteArray(">") + password.toUtf8();
    if (edit.noPassword)
        command << "nopass";
    // The rules replace the user's: they are written out whole each time.
    QString commands = edit.commands.trimmed();
    if (!commands.startsWith(QLatin1String("+@all")) && !commands.startsWith(QLatin1String("-@all")))
        commands.prepend(QStringLiteral("-@all "));
    for (const QString& rule : commands.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        command << rule.toUtf8();
    command << "resetkeys";
    for (const KeyPattern& key : edit.keys)
        command << key.rule().toUtf8();
    command << "resetchannels";
    for (const QString& channel : edit.channels)
        command << QByteArray("&") + channel.toUtf8();
    command << "clearselectors";
    for (const Selector& selector : edit.selectors) {
        QString rules = selector.commands.trimmed();
        if (!rules.startsWith(QLatin1String("+@all")) && !rules.startsWith(QLatin1String("-@all")))
            rules.prepend(QStringLiteral("-@all "));
        QStringList parts { rules };
        if (!selector.keys.isEmpty())
            parts << keysText(selector.keys);
        for (const QString& channel : selector.channels)
            parts << QLatin1Char('&') + channel;
        command << (QLatin1Char('(') + parts.join(QLatin1Char(' ')) + QLatin1Char(')')).toUtf8();
    }
    return command;
}

AclUsersModel::AclUsersModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void AclUsersModel::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    reload();
}

void AclUsersModel::reload()
{
    if (!m_session)
        return;
    const JobTracker::Ticket ticket = m_jobs.next();
    m_session->executeOn(m_node, { "CONFIG", "GET", "aclfile" }, this, [this, ticket](const Reply& reply) {
        if (!m_jobs.isStale(ticket) && reply.isArray() && reply.size() == 2)
            m_aclFile = QString::fromUtf8(reply.at(1).bytes());
    });
    m_session->executeOn(m_node, { "ACL", "USERS" }, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket))
            return;
        if (reply.isError() || !reply.isArray()) {
            m_error = reply.isError() ? reply.errorMessage() : tr("ACL USERS did not answer a list.");
            emit errorOccurred(m_error);
            return;
        }
        QStringList names;
        for (const Reply& name : reply.elements())
            names.append(QString::fromUtf8(name.bytes()));
        // One GETUSER per user, on the same node (ACL users are each node's own on a cluster).
        struct Gather {
            QList<Reply> replies;
            qsizetype remaining = 0;
        };
        auto gather = std::make_shared<Gather>();
        gather->replies.resize(names.size());
        gather->remaining = names.size();
        const auto done = [this, ticket, names, gather] {
            if (m_jobs.isStale(ticket))
                return;
            QList<User> users;
            for (qsizetype i = 0; i < gather->replies.size(); ++i) {
                if (!gather->replies.at(i).isError() && !gather->replies.at(i).isNil())
                    users.append(parseUser(names.at(i), gather->replies.at(i)));
            }
            beginResetModel();
            m_users = users;
            endResetModel();
            m_error.clear();
            emit loaded();
        };
        if (names.isEmpty()) {
            done();
            return;
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            m_session->executeOn(m_node, { "ACL", "GETUSER", names.at(i).toUtf8() }, this,
                                 [gather, i, done](const Reply& user) {
                                     gather->replies[i] = user;
                                     if (--gather->remaining == 0)
                                         done();
                                 });
        }
    });
}

int AclUsersModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).name == name)
            return row;
    }
    return -1;
}

bool AclUsersModel::refuseReadOnly(const QString& what)
{
    if (!m_session) {
        emit finished(what, tr("The connection is closed."));
        return true;
    }
    if (!m_session->isReadOnly())
        return false;
    emit finished(what, tr("This profile is read-only: %1 is not sent.").arg(what));
    return true;
}

void AclUsersModel::apply(const Edit& edit)
{
    if (refuseReadOnly(QStringLiteral("ACL SETUSER")))
        return;
    if (edit.name.trimmed().isEmpty() || edit.name.contains(QLatin1Char(' '))) {
        emit finished(QStringLiteral("ACL SETUSER"), tr("A user name must not be empty or hold spaces."));
        return;
    }
    // The reply is matched by what it was for; the command (it may hold passwords) is not kept.
    m_session->executeOn(m_node, setUserCommand(edit), this, [this](const Reply& reply) {
        emit finished(QStringLiteral("ACL SETUSER"), reply.isError() ? reply.errorMessage() : QString());
        reload();
    });
}

void AclUsersModel::remove(const QString& name)
{
    if (refuseReadOnly(QStringLiteral("ACL DELUSER")))
        return;
    m_session->executeOn(m_node, { "ACL", "DELUSER", name.toUtf8() }, this, [this, name](const Reply& reply) {
        QString error = reply.isError() ? reply.errorMessage() : QString();
        if (error.isEmpty() && reply.integerValue() == 0)
            error = tr("There is no user \"%1\".").arg(name);
        emit finished(QStringLiteral("ACL DELUSER"), error);
        reload();
    });
}

void AclUsersModel::dryRun(const QString& user, const QList<QByteArray>& command)
{
    if (!m_session || command.isEmpty())
        return;
    Command argv { "ACL", "DRYRUN", user.toUtf8() };
    argv.append(command);
    m_session->executeOn(m_node, argv, this, [this](const Reply& reply) {
        if (reply.isError()) {
            emit dryRunFinished(reply.errorMessage(), false);
            return;
        }
        const QString answer = QString::fromUtf8(reply.bytes());
        emit dryRunFinished(answer == QLatin1String("OK") ? tr("Allowed.") : answer, answer == QLatin1String("OK"));
    });
}

void AclUsersModel::save()
{
    if (refuseReadOnly(QStringLiteral("ACL SAVE")))
        return;
    if (m_aclFile.isEmpty()) {
        emit finished(QStringLiteral("ACL SAVE"), tr("The server has no ACL file (aclfile is not set): its users live in "
                                                    "its configuration file; CONFIG REWRITE saves them there."));
        return;
    }
    m_session->executeOn(m_node, { "ACL", "SAVE" }, this, [this](const Reply& reply) {
        emit finished(QStringLiteral("ACL SAVE"), reply.isError() ? reply.errorMessage() : QString());
    });
}

void AclUsersModel::load()
{
    if (refuseReadOnly(QStringLiteral("ACL LOAD")))
        return;
    if (m_aclFile.isEmpty()) {
        emit finished(QStringLiteral("ACL LOAD"), tr("The server has no ACL file (aclfile is not set): there is nothing to "
                                                    "load."));
        return;
    }
    m_session->executeOn(m_node, { "ACL", "LOAD" }, this, [this](const Reply& reply) {
        emit finished(QStringLiteral("ACL LOAD"), reply.isError() ? reply.errorMessage() : QString());
        reload();
    });
}

int AclUsersModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_users.size()); }
int AclUsersModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AclUsersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const User& user = m_users.at(index.row());
    switch (index.column()) {
    case Name:
        return user.name;
    case Enabled:
        return user.enabled() ? tr("on") : tr("off");
    case Passwords:
        if (user.noPassword())
            return tr("any (nopass)");
        return user.passwordCount == 0 ? tr("none") : tr("%n password(s)", nullptr, user.passwordCount);
    case Commands:
        return user.commands;
    case Keys:
        return keysText(user.keys);
    case Channels: {
        QStringList channels;
        for (const QString& channel : user.channels)
            channels << QLatin1Char('&') + channel;
        return channels.join(QLatin1Char(' '));
    }
    case Selectors:
        return user.selectors.isEmpty() ? QString() : tr("%n selector(s)", nullptr, int(user.selectors.size()));
    }
    return {};
}

QVariant AclUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("User");
    case Enabled:
        return tr("State");
    case Passwords:
        return tr("Passwords");
    case Commands:
        return tr("Commands");
    case Keys:
        return tr("Keys");
    case Channels:
        return tr("Channels");
    case Selectors:
        return tr("Selectors");
    }
    return {};
}

AclLogModel::AclLogModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void AclLogModel::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    reload();
}

void AclLogModel::reload(int count)
{
    if (!m_session)
        return;
    const JobTracker::Ticket ticket = m_jobs.next();
    m_session->executeOn(m_node, { "ACL", "LOG", QByteArray::number(count) }, this, [this, ticket](const Reply& reply) {
        if (m_jobs.isStale(ticket))
            return;
        if (reply.isError() || !reply.isArray()) {
            emit errorOccurred(reply.isError() ? reply.errorMessage() : tr("ACL LOG did not answer a list."));
            return;
        }
        QList<Entry> entries;
        for (const Reply& item : reply.elements()) {
            const QHash<QString, Reply> fields = pairs(item);
            Entry entry;
            entry.count = fields.value(QStringLiteral("count")).integerValue();
            entry.reason = QString::fromUtf8(fields.value(QStringLiteral("reason")).bytes());
            entry.context = QString::fromUtf8(fields.value(QStringLiteral("context")).bytes());
            entry.object = QString::fromUtf8(fields.value(QStringLiteral("object")).bytes());
            entry.username = QString::fromUtf8(fields.value(QStringLiteral("username")).bytes());
            entry.ageSeconds = fields.value(QStringLiteral("age-seconds")).bytes().toDouble();
            entry.clientInfo = QString::fromUtf8(fields.value(QStringLiteral("client-info")).bytes());
            entries.append(entry);
        }
        beginResetModel();
        m_entries = entries;
        endResetModel();
        emit loaded();
    });
}

void AclLogModel::reset()
{
    if (!m_session || m_session->isReadOnly()) {
        emit errorOccurred(tr("This profile is read-only: ACL LOG RESET is not sent."));
        return;
    }
    m_session->executeOn(m_node, { "ACL", "LOG", "RESET" }, this, [this](const Reply& reply) {
        if (reply.isError())
            emit errorOccurred(reply.errorMessage());
        reload();
    });
}

int AclLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }
int AclLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AclLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (index.column()) {
    case Age: {
        const qint64 seconds = qint64(entry.ageSeconds);
        if (seconds < 60)
            return tr("%1 s ago").arg(QString::number(entry.ageSeconds, 'f', seconds < 10 ? 1 : 0));
        if (seconds < 3600)
            return tr("%1 min ago").arg(seconds / 60);
        return tr("%1 h ago").arg(seconds / 3600);
    }
    case Reason:
        return entry.reason == QLatin1String("auth") ? tr("failed login") : entry.reason;
    case Username:
        return entry.username;
    case Object:
        return entry.object;
    case Context:
        return entry.context;
    case Count:
        return entry.count;
    case Client:
        return entry.clientInfo;
    }
    return {};
}

QVariant AclLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Age:
        return tr("When");
    case Reason:
        return tr("Reason");
    case Username:
        return tr("User");
    case Object:
        return tr("Command, key or channel");
    case Context:
        return tr("Context");
    case Count:
        return tr("Times");
    case Client:
        return tr("Client");
    }
    return {};
}

} // namespace vermilion
