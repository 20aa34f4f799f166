#include "commanddocs.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace vermilion {

namespace {

    // A RESP2 "map" as Lua's cjson writes it: a flat array of key, value, key, value. Status
    // replies (the flags) come as {"ok": "..."}.
    QHash<QString, QJsonValue> mapOf(const QJsonValue& value)
    {
        QHash<QString, QJsonValue> fields;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i + 1 < array.size(); i += 2)
            fields.insert(array.at(i).toString().toLower(), array.at(i + 1));
        return fields;
    }

    QString text(const QJsonValue& value)
    {
        if (value.isObject())
            return value.toObject().value(QLatin1String("ok")).toString();
        if (value.isDouble())
            return QString::number(value.toInteger());
        return value.toString();
    }

    CommandDocs::Argument argumentFrom(const QJsonValue& value, int depth)
    {
        CommandDocs::Argument argument;
        const auto fields = mapOf(value);
        argument.name = text(fields.value(QStringLiteral("name")));
        argument.type = text(fields.value(QStringLiteral("type")));
        argument.token = text(fields.value(QStringLiteral("token")));
        for (const QJsonValue& flag : fields.value(QStringLiteral("flags")).toArray()) {
            const QString name = text(flag).toLower();
            argument.optional |= name == QLatin1String("optional");
            argument.multiple |= name == QLatin1String("multiple");
            argument.multipleToken |= name == QLatin1String("multiple_token");
        }
        if (depth < 16) {
            for (const QJsonValue& child : fields.value(QStringLiteral("arguments")).toArray())
                argument.arguments.append(argumentFrom(child, depth + 1));
        }
        return argument;
    }

    QString tr(const char* source) { return QCoreApplication::translate("CommandDocs", source); }

} // namespace

vermilion::Command CommandDocs::request()
{
    // COMMAND DOCS nests deeper than hiredis 0.14's reader goes (7 levels): a read-only script hands
    // it over as one JSON string instead.
    return { "EVAL_RO", "return cjson.encode(redis.call('COMMAND', 'DOCS'))", "0" };
}

bool CommandDocs::load(const Reply& reply)
{
    if (!reply.isString())
        return false;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(reply.bytes(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return false;
    const QJsonArray all = document.array();
    if (all.size() % 2 != 0)
        return false;
    m_commands.clear();
    m_topLevel.clear();
    for (qsizetype i = 0; i + 1 < all.size(); i += 2) {
        const QString name = all.at(i).toString().toUpper();
        if (name.isEmpty())
            return false;
        addCommand(name, all.at(i + 1));
        m_topLevel.append(name);
    }
    std::sort(m_topLevel.begin(), m_topLevel.end());
    return !m_commands.isEmpty();
}

void CommandDocs::addCommand(const QString& name, const QJsonValue& doc)
{
    Command command;
    command.name = name;
    const auto fields = mapOf(doc);
    command.summary = text(fields.value(QStringLiteral("summary")));
    command.since = text(fields.value(QStringLiteral("since")));
    command.group = text(fields.value(QStringLiteral("group")));
    command.complexity = text(fields.value(QStringLiteral("complexity")));
    for (const QJsonValue& argument : fields.value(QStringLiteral("arguments")).toArray())
        command.arguments.append(argumentFrom(argument, 0));
    const QJsonArray subcommands = fields.value(QStringLiteral("subcommands")).toArray();
    for (qsizetype i = 0; i + 1 < subcommands.size(); i += 2) {
        // "client|list" -> "CLIENT LIST"
        const QString sub = subcommands.at(i).toString().toUpper().replace(QLatin1Char('|'), QLatin1Char(' '));
        addCommand(sub, subcommands.at(i + 1));
        command.subcommands.append(sub);
    }
    std::sort(command.subcommands.begin(), command.subcommands.end());
    m_commands.insert(name, command);
}

const CommandDocs::Command* CommandDocs::find(const QString& name) const
{
    const auto it = m_commands.constFind(name.toUpper());
    return it == m_commands.constEnd() ? nullptr : &it.value();
}

const CommandDocs::Command* CommandDocs::commandFor(const QList<QByteArray>& argv) const
{
    if (argv.isEmpty())
        return nullptr;
    const Command* parent = find(QString::fromUtf8(argv.first()));
    if (parent && argv.size() > 1 && !parent->subcommands.isEmpty()) {
        if (const Command* sub = find(parent->name + QLatin1Char(' ') + QString::fromUtf8(argv.at(1))))
            return sub;
    }
    return parent;
}

QStringList CommandDocs::completions(const QStringList& wordsBefore, const QString& prefix) const
{
    QStringList out;
    if (wordsBefore.isEmpty()) {
        for (const QString& name : m_topLevel) {
            if (name.startsWith(prefix, Qt::CaseInsensitive))
                out.append(name);
        }
    } else if (wordsBefore.size() == 1) {
        if (const Command* parent = find(wordsBefore.first())) {
            for (const QString& sub : parent->subcommands) {
                const QString word = sub.section(QLatin1Char(' '), 1);
                if (word.startsWith(prefix, Qt::CaseInsensitive))
                    out.append(word);
            }
        }
    }
    return out;
}

QString CommandDocs::argumentSyntax(const Argument& argument)
{
    QString body;
    if (argument.type == QLatin1String("pure-token")) {
        body = argument.token;
    } else if (argument.type == QLatin1String("oneof") || argument.type == QLatin1String("block")) {
        QStringList parts;
        for (const Argument& child : argument.arguments)
            parts.append(argumentSyntax(child));
        body = parts.join(argument.type == QLatin1String("oneof") ? QStringLiteral(" | ") : QStringLiteral(" "));
        if (!argument.token.isEmpty())
            body = argument.token + QLatin1Char(' ') + body;
    } else {
        body = argument.token.isEmpty() ? argument.name : argument.token + QLatin1Char(' ') + argument.name;
    }
    if (argument.multiple) {
        const QString again = argument.multipleToken || argument.token.isEmpty() || argument.type == QLatin1String("pure-token")
            ? body
            : body.section(QLatin1Char(' '), 1);
        body = body + QStringLiteral(" [") + again + QStringLiteral(" ...]");
    }
    if (argument.optional)
        return QLatin1Char('[') + body + QLatin1Char(']');
    if (argument.type == QLatin1String("oneof") && argument.arguments.size() > 1)
        return QLatin1Char('<') + body + QLatin1Char('>');
    return body;
}

QString CommandDocs::syntax(const QList<Argument>& arguments)
{
    QStringList parts;
    for (const Argument& argument : arguments)
        parts.append(argumentSyntax(argument));
    return parts.join(QLatin1Char(' '));
}

QString CommandDocs::hint(const QList<QByteArray>& argv, bool endsWithSpace) const
{
    const Command* command = commandFor(argv);
    if (!command)
        return {};
    const int nameWords = int(command->name.count(QLatin1Char(' '))) + 1;
    // Arguments typed so far, the one being typed included: the hint is what comes after it.
    int typed = int(argv.size()) - nameWords;
    if (typed < 0)
        return {};
    // Arguments are skipped one per typed word; a repeating argument stays for good.
    QList<Argument> remaining = command->arguments;
    while (typed > 0 && !remaining.isEmpty()) {
        if (remaining.first().multiple && remaining.size() == 1)
            break;
        remaining.removeFirst();
        --typed;
    }
    if (!command->subcommands.isEmpty() && argv.size() == 1) {
        if (!endsWithSpace)
            return {};
        QStringList words;
        for (const QString& sub : command->subcommands)
            words.append(sub.section(QLatin1Char(' '), 1));
        return words.size() > 6 ? words.mid(0, 6).join(QStringLiteral(" | ")) + QStringLiteral(" | ...")
                                : words.join(QStringLiteral(" | "));
    }
    return syntax(remaining);
}

QString CommandDocs::help(const QString& name) const
{
    const Command* command = find(name.simplified());
    if (!command)
        return tr("No help for \"%1\": the server does not document it (COMMAND DOCS).").arg(name.simplified());
    QStringList lines;
    lines.append(QStringLiteral("  ") + command->name + QLatin1Char(' ') + syntax(command->arguments));
    lines.append(tr("  summary: %1").arg(command->summary));
    if (!command->since.isEmpty())
        lines.append(tr("  since: %1").arg(command->since));
    if (!command->group.isEmpty())
        lines.append(tr("  group: %1").arg(command->group));
    if (!command->complexity.isEmpty())
        lines.append(tr("  complexity: %1").arg(command->complexity));
    if (!command->subcommands.isEmpty())
        lines.append(tr("  subcommands: %1").arg(command->subcommands.join(QStringLiteral(", "))));
    return lines.join(QLatin1Char('\n'));
}

} // namespace vermilion
