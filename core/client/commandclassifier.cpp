#include "commandclassifier.h"

namespace vermilion {

namespace {
// Commands that change server state but carry no "write" flag, because the flag is about the
// keyspace: running arbitrary scripts (the *_ro variants carry "readonly" and stay allowed),
// publishing to consumers, and administrative changes that flags do not tell apart from their
// read-only siblings (CONFIG SET vs CONFIG GET both carry "admin"). A write-flagged command is
// refused by its flag alone; this set only adds what flags cannot express.
const QSet<QByteArray>& stateChangingWithoutWriteFlag()
{
    static const QSet<QByteArray> names {
        "eval",
        "evalsha",
        "fcall",
        "publish",
        "spublish",
        "script|flush",
        "config|set",
        "config|rewrite",
        "config|resetstat",
        "client|kill",
        "client|pause",
        "client|unpause",
        "client|no-evict",
        "client|no-touch",
        "slowlog|reset",
        "latency|reset",
        "memory|purge",
        "acl|setuser",
        "acl|deluser",
        "acl|save",
        "acl|load",
        "module|load",
        "module|loadex",
        "module|unload",
        "shutdown",
        "debug",
        "save",
        "bgsave",
        "bgrewriteaof",
        "replicaof",
        "slaveof",
        "failover",
        "cluster|addslots",
        "cluster|addslotsrange",
        "cluster|delslots",
        "cluster|delslotsrange",
        "cluster|failover",
        "cluster|forget",
        "cluster|meet",
        "cluster|replicate",
        "cluster|reset",
        "cluster|setslot",
        "cluster|flushslots",
        "cluster|saveconfig",
        "cluster|bumpepoch",
        "cluster|set-config-epoch",
    };
    return names;
}
} // namespace

bool CommandClassifier::load(const Reply& commandReply)
{
    m_flags.clear();
    m_parentsWithSubcommands.clear();
    if (!commandReply.isArray())
        return false;
    for (const Reply& entry : commandReply.elements())
        addEntry(entry);
    return isLoaded();
}

void CommandClassifier::addEntry(const Reply& entry)
{
    // [name, arity, flags, first key, last key, step, (6+) acl categories, (7+) tips, key specs, subcommands]
    if (!entry.isArray() || entry.size() < 3 || !entry.at(0).isString())
        return;
    const QByteArray name = entry.at(0).bytes().toLower();
    QSet<QByteArray> flags;
    for (const Reply& flag : entry.at(2).elements())
        flags.insert(flag.bytes().toLower());
    m_flags.insert(name, flags);
    if (entry.size() >= 10 && entry.at(9).isArray() && entry.at(9).size() > 0) {
        m_parentsWithSubcommands.insert(name);
        for (const Reply& sub : entry.at(9).elements())
            addEntry(sub);
    }
}

CommandClassifier::Verdict CommandClassifier::classify(const Command& argv) const
{
    if (argv.isEmpty())
        return Verdict::Unknown;
    const QByteArray name = argv.first().toLower();
    QByteArray key = name;
    if (argv.size() > 1) {
        const QByteArray sub = name + '|' + argv.at(1).toLower();
        // Redis 7 lists subcommands; older servers only know the container, so the set of
        // state-changing names is consulted with the full "name|sub" form either way.
        if (m_flags.contains(sub) || stateChangingWithoutWriteFlag().contains(sub))
            key = sub;
    }
    auto it = m_flags.constFind(key);
    if (it == m_flags.constEnd())
        it = m_flags.constFind(name);
    if (it == m_flags.constEnd())
        return Verdict::Unknown;
    const QSet<QByteArray>& flags = *it;
    if (flags.contains("write") || flags.contains("may_replicate") || stateChangingWithoutWriteFlag().contains(key))
        return Verdict::Writes;
    return Verdict::ReadOnly;
}

} // namespace vermilion
