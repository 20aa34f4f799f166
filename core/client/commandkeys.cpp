#include "commandkeys.h"

namespace vermilion {

namespace {
// A flat RESP2 map ["name", value, "name", value...]: the value for a name, or null.
const Reply* field(const Reply& map, const char* name)
{
    if (!map.isArray())
        return nullptr;
    for (qsizetype i = 0; i + 1 < map.size(); i += 2) {
        if (map.at(i).isString() || map.at(i).isStatus()) {
            if (map.at(i).bytes() == name)
                return &map.at(i + 1);
        }
    }
    return nullptr;
}
int integerField(const Reply& map, const char* name, int fallback = 0)
{
    const Reply* value = field(map, name);
    return value && value->isInteger() ? int(value->integerValue()) : fallback;
}
} // namespace

bool CommandKeys::load(const Reply& commandReply)
{
    m_entries.clear();
    if (!commandReply.isArray())
        return false;
    for (const Reply& entry : commandReply.elements())
        addEntry(entry);
    return isLoaded();
}

void CommandKeys::addEntry(const Reply& reply)
{
    // [name, arity, flags, first key, last key, step, (6+) acl categories, (7+) tips, key specs, subcommands]
    if (!reply.isArray() || reply.size() < 6 || !reply.at(0).isString())
        return;
    Entry entry;
    const QByteArray name = reply.at(0).bytes().toLower();
    entry.legacyFirst = int(reply.at(3).toInteger());
    entry.legacyLast = int(reply.at(4).toInteger());
    entry.legacyStep = int(reply.at(5).toInteger());
    if (reply.at(2).isArray()) {
        for (const Reply& flag : reply.at(2).elements())
            entry.movable = entry.movable || flag.bytes().toLower() == "movablekeys";
    }
    if (reply.size() >= 9 && reply.at(8).isArray()) {
        entry.hasSpecs = true;
        for (const Reply& specReply : reply.at(8).elements()) {
            Spec spec;
            if (const Reply* flags = field(specReply, "flags"); flags && flags->isArray()) {
                for (const Reply& flag : flags->elements())
                    spec.incomplete = spec.incomplete || flag.bytes().toLower() == "incomplete";
            }
            if (const Reply* begin = field(specReply, "begin_search")) {
                const Reply* type = field(*begin, "type");
                const Reply* detail = field(*begin, "spec");
                if (type && detail && type->bytes() == "index") {
                    spec.begin = Spec::Begin::Index;
                    spec.index = integerField(*detail, "index");
                } else if (type && detail && type->bytes() == "keyword") {
                    spec.begin = Spec::Begin::Keyword;
                    if (const Reply* keyword = field(*detail, "keyword"))
                        spec.keyword = keyword->bytes().toLower();
                    spec.startFrom = integerField(*detail, "startfrom");
                }
            }
            if (const Reply* find = field(specReply, "find_keys")) {
                const Reply* type = field(*find, "type");
                const Reply* detail = field(*find, "spec");
                if (type && detail && type->bytes() == "range") {
                    spec.find = Spec::Find::Range;
                    spec.lastKey = integerField(*detail, "lastkey");
                    spec.keyStep = integerField(*detail, "keystep", 1);
                    spec.limit = integerField(*detail, "limit");
                } else if (type && detail && type->bytes() == "keynum") {
                    spec.find = Spec::Find::KeyNum;
                    spec.keyNumIndex = integerField(*detail, "keynumidx");
                    spec.firstKey = integerField(*detail, "firstkey");
                    spec.keyStep = integerField(*detail, "keystep", 1);
                }
            }
            entry.specs.append(spec);
        }
    }
    if (reply.size() >= 10 && reply.at(9).isArray() && reply.at(9).size() > 0) {
        entry.hasSubcommands = true;
        for (const Reply& sub : reply.at(9).elements())
            addEntry(sub);
    }
    m_entries.insert(name, entry);
    if (!name.contains('|'))
        m_entries.insert(name.toUpper(), entry);
}

bool CommandKeys::applySpec(const Spec& spec, const Command& argv, Positions* keys)
{
    const qsizetype argc = argv.size();
    qsizetype first = 0;
    if (spec.begin == Spec::Begin::Index) {
        first = spec.index;
    } else if (spec.begin == Spec::Begin::Keyword) {
        // Forwards from startfrom, or backwards from argc + startfrom when it is negative.
        const qsizetype start = spec.startFrom > 0 ? spec.startFrom : argc + spec.startFrom;
        const qsizetype end = spec.startFrom > 0 ? argc - 1 : 0;
        for (qsizetype i = start; i != end; i = start <= end ? i + 1 : i - 1) {
            if (i >= argc || i < 1)
                break;
            if (argv.at(i).toLower() == spec.keyword) {
                first = i + 1;
                break;
            }
        }
        if (first == 0)
            return true; // the keyword is not there: this spec has no keys
    } else {
        return false;
    }
    qsizetype last = 0;
    qsizetype step = 1;
    if (spec.find == Spec::Find::Range) {
        step = spec.keyStep;
        if (spec.lastKey >= 0)
            last = first + spec.lastKey;
        else if (spec.limit == 0)
            last = argc + spec.lastKey;
        else
            last = first + ((argc - first) / spec.limit + spec.lastKey);
    } else if (spec.find == Spec::Find::KeyNum) {
        step = spec.keyStep;
        const qsizetype numberAt = first + spec.keyNumIndex;
        if (numberAt >= argc || numberAt < 0)
            return true; // a syntax error the server reports
        bool ok = false;
        const qint64 count = argv.at(numberAt).toLongLong(&ok);
        if (!ok || count < 0)
            return true;
        if (count == 0)
            return true;
        first += spec.firstKey;
        last = first + count - 1;
    } else {
        return false;
    }
    if (last >= argc || last < first || first >= argc || step <= 0)
        return true; // out of bounds: a syntax error the server reports
    for (qsizetype i = first; i <= last; i += step)
        keys->append(i);
    return true;
}

const CommandKeys::Entry* CommandKeys::entryFor(const Command& argv) const
{
    // Names are stored lower case and upper case, so the usual spellings need no conversion.
    auto it = m_entries.constFind(argv.first());
    if (it == m_entries.constEnd()) {
        it = m_entries.constFind(argv.first().toLower());
        if (it == m_entries.constEnd())
            return nullptr;
    }
    if (it->hasSubcommands && argv.size() > 1) {
        auto sub = m_entries.constFind(argv.first().toLower() + '|' + argv.at(1).toLower());
        if (sub != m_entries.constEnd())
            it = sub;
    }
    return &*it;
}

CommandKeys::Outcome CommandKeys::positions(const Command& argv, Positions* out) const
{
    out->clear();
    if (argv.isEmpty())
        return Outcome::Keys;
    const Entry* found = entryFor(argv);
    if (!found)
        return Outcome::UnknownCommand;
    const Entry& entry = *found;
    if (entry.hasSpecs) {
        for (const Spec& spec : entry.specs) {
            if (spec.incomplete || !applySpec(spec, argv, out)) {
                out->clear();
                return Outcome::AskServer;
            }
        }
        return Outcome::Keys;
    }
    if (entry.movable)
        return Outcome::AskServer;
    if (entry.legacyFirst <= 0 || entry.legacyStep <= 0)
        return Outcome::Keys;
    const qsizetype last = entry.legacyLast < 0 ? argv.size() + entry.legacyLast : entry.legacyLast;
    for (qsizetype i = entry.legacyFirst; i <= last && i < argv.size(); i += entry.legacyStep)
        out->append(i);
    return Outcome::Keys;
}

CommandKeys::Result CommandKeys::keys(const Command& argv) const
{
    Result result;
    Positions positions;
    result.outcome = this->positions(argv, &positions);
    for (qsizetype i : positions)
        result.keys.append(argv.at(i));
    return result;
}

} // namespace vermilion
