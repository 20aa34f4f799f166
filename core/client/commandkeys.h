#pragma once

#include "reply.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QVarLengthArray>

namespace vermilion {

// Where a command's keys are, learned from the server's own COMMAND reply, for routing commands
// to the node that holds their slot. Redis 7 describes key positions as key specs (a begin-search
// step, by index or by keyword, then a find-keys step, a range or a key count); this applies them
// the way the server's getKeysUsingKeySpecs() does (src/db.c). Older servers give only the legacy
// first/last/step triple. A command whose keys cannot be told from its arguments alone (an
// "incomplete" key spec, a spec of type "unknown", or a legacy entry flagged "movablekeys") says so,
// and the caller asks the server (COMMAND GETKEYS).
class CommandKeys {
public:
    enum class Outcome {
        Keys, // keys() holds every key (possibly none)
        AskServer, // the arguments alone do not tell: use COMMAND GETKEYS
        UnknownCommand, // not in the table (a module loaded later, a typo): the server decides
    };
    struct Result {
        Outcome outcome = Outcome::Keys;
        QList<QByteArray> keys;
    };

    bool load(const Reply& commandReply);
    bool isLoaded() const { return !m_entries.isEmpty(); }
    Result keys(const Command& argv) const;
    // The same, as positions in argv: no allocation for the common few keys (the router's path
    // for every command).
    using Positions = QVarLengthArray<qsizetype, 8>;
    Outcome positions(const Command& argv, Positions* out) const;

private:
    struct Spec {
        enum class Begin : quint8 { Index, Keyword, Unknown } begin = Begin::Unknown;
        enum class Find : quint8 { Range, KeyNum, Unknown } find = Find::Unknown;
        int index = 0; // Begin::Index
        QByteArray keyword; // Begin::Keyword
        int startFrom = 0;
        int lastKey = 0; // Find::Range
        int keyStep = 1;
        int limit = 0;
        int keyNumIndex = 0; // Find::KeyNum
        int firstKey = 0;
        bool incomplete = false;
    };
    struct Entry {
        QList<Spec> specs;
        bool hasSpecs = false; // Redis 7 table
        int legacyFirst = 0, legacyLast = 0, legacyStep = 0;
        bool movable = false;
        bool hasSubcommands = false;
    };
    void addEntry(const Reply& entry);
    static bool applySpec(const Spec& spec, const Command& argv, Positions* keys);
    const Entry* entryFor(const Command& argv) const;

    QHash<QByteArray, Entry> m_entries; // "get", "xinfo|stream"
};

} // namespace vermilion
