#pragma once

#include "client/reply.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace vermilion {

// What the server says about its own commands (COMMAND DOCS, Redis 7): the console's completion,
// inline argument hints and HELP come from here, so they match the server in front of the user,
// modules included.
class CommandDocs {
public:
    struct Argument {
        QString name;
        QString type; // string, integer, key, pattern, pure-token, oneof, block...
        QString token;
        bool optional = false;
        bool multiple = false;
        bool multipleToken = false;
        QList<Argument> arguments; // of a oneof or a block
    };
    struct Command {
        QString name; // upper case; a subcommand is "CLIENT LIST"
        QString summary;
        QString since;
        QString group;
        QString complexity;
        QList<Argument> arguments;
        QStringList subcommands; // upper case, "CLIENT LIST"
    };

    // The command that fetches the docs, and the reading of its reply; false if the reply has
    // another shape (a server older than Redis 7, scripts forbidden by ACL).
    static vermilion::Command request();
    bool load(const Reply& reply);
    bool isEmpty() const { return m_commands.isEmpty(); }
    qsizetype size() const { return m_commands.size(); }

    // A command or "PARENT SUB", any case.
    const Command* find(const QString& name) const;
    // The command a typed line is about (its subcommand when the parent has one with that name).
    const Command* commandFor(const QList<QByteArray>& argv) const;
    // Completions for the word being typed: command names for the first word, subcommands for
    // the second, in alphabetical order.
    QStringList completions(const QStringList& wordsBefore, const QString& prefix) const;
    // The argument syntax, as in redis-cli and the docs: "key value [NX | XX] [GET] ...".
    static QString syntax(const QList<Argument>& arguments);
    // The hint shown after what is typed: the syntax of the arguments still to come.
    QString hint(const QList<QByteArray>& argv, bool endsWithSpace) const;
    // HELP <command>: summary, syntax, since, group and complexity.
    QString help(const QString& name) const;

private:
    void addCommand(const QString& name, const QJsonValue& doc);
    static QString argumentSyntax(const Argument& argument);

    QHash<QString, Command> m_commands;
    QStringList m_topLevel;
};

} // namespace vermilion
