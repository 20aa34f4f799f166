#pragma once

#include "reply.h"

#include <QByteArray>
#include <QHash>
#include <QSet>

namespace vermilion {

// Tells which commands change server state, from the flags the server itself reports in its COMMAND
// reply (Redis 7 reports subcommands such as "config|set" separately; older servers do not).
// Used by read-only mode to refuse a command before it is sent.
class CommandClassifier {
public:
    enum class Verdict { ReadOnly, Writes, Unknown };

    CommandClassifier() = default;
    // Builds from the reply to COMMAND (or COMMAND INFO with no names). Returns false if the reply
    // does not have the expected shape.
    bool load(const Reply& commandReply);
    bool isLoaded() const { return !m_flags.isEmpty(); }

    Verdict classify(const Command& argv) const;
    // The flags reported for a command ("get") or subcommand ("config|set"), lower case.
    QSet<QByteArray> flags(const QByteArray& name) const { return m_flags.value(name); }
    bool hasSubcommands(const QByteArray& name) const { return m_parentsWithSubcommands.contains(name); }

private:
    void addEntry(const Reply& entry);

    QHash<QByteArray, QSet<QByteArray>> m_flags;
    QSet<QByteArray> m_parentsWithSubcommands;
};

} // namespace vermilion
