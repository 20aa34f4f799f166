#include "namedvariables.h"

#include <QSet>
#include <algorithm>

namespace vermilion::lua {

namespace {
// Carmine takes a variable's name from its keyword as it is ((name kw) in script-subst-vars,
// taoensso/carmine src/taoensso/carmine.clj:332-346) and replaces the text literally, so every
// character a Clojure keyword may hold is part of the name. Found by scanning here, a name runs on
// through the keyword characters that Lua 5.1 gives no meaning of its own: '?' and '!' (Carmine's
// mq/enqueue.lua uses _:can-upd?, _:can-rq? and _:reset-ibo?), '$', '&' and '|'. '-' stays, as
// Carmine users write _:my-key, though Lua reads it as minus; '*', '+', '<', '>', '=', '.', '/',
// ':', '#', '%' and '\'' end a name, since Lua gives them a meaning. Bytes of UTF-8 sequences belong
// to a name: a keyword may be :café, and Carmine replaces "_:café" whole.
bool isNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
        || c == '?' || c == '!' || c == '$' || c == '&' || c == '|' || uchar(c) >= 0x80;
}
} // namespace

QList<QByteArray> NamedVariables::find(const QByteArray& script)
{
    QList<QByteArray> names;
    QSet<QByteArray> seen;
    qsizetype at = 0;
    while ((at = script.indexOf("_:", at)) >= 0) {
        qsizetype end = at + 2;
        while (end < script.size() && isNameByte(script.at(end)))
            ++end;
        if (end > at + 2) {
            QByteArray name = script.mid(at + 2, end - at - 2);
            if (!seen.contains(name)) {
                seen.insert(name);
                names.append(name);
            }
        }
        at = end;
    }
    return names;
}

QByteArray NamedVariables::substitute(const QByteArray& script, const QList<ScriptVariable>& variables)
{
    struct Replacement {
        QByteArray match;
        QByteArray text;
    };
    QList<Replacement> replacements;
    replacements.reserve(variables.size());
    int keyIndex = 0;
    int argumentIndex = 0;
    for (const ScriptVariable& variable : variables) {
        if (variable.name.isEmpty())
            continue;
        const bool isKey = variable.kind == ScriptVariable::Kind::Key;
        const int index = isKey ? ++keyIndex : ++argumentIndex;
        replacements.append({ "_:" + variable.name,
            (isKey ? QByteArray("KEYS[") : QByteArray("ARGV[")) + QByteArray::number(index) + ']' });
    }
    // Longest first; the stable sort keeps the listed order among names of one length.
    std::stable_sort(replacements.begin(), replacements.end(),
        [](const Replacement& a, const Replacement& b) { return a.match.size() > b.match.size(); });
    QByteArray result = script;
    for (const Replacement& replacement : std::as_const(replacements))
        result.replace(replacement.match, replacement.text);
    return result;
}

CompiledScript NamedVariables::compile(const QByteArray& script, const QList<ScriptVariable>& variables,
    const QList<QByteArray>& extraKeys, const QList<QByteArray>& extraArguments)
{
    CompiledScript compiled;
    compiled.script = substitute(script, variables);
    for (const ScriptVariable& variable : variables) {
        if (variable.name.isEmpty())
            continue;
        if (variable.kind == ScriptVariable::Kind::Key)
            compiled.keys.append(variable.value);
        else
            compiled.arguments.append(variable.value);
    }
    compiled.keys.append(extraKeys);
    compiled.arguments.append(extraArguments);
    return compiled;
}

} // namespace vermilion::lua
