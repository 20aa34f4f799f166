#pragma once

#include <QByteArray>
#include <QList>

namespace vermilion::lua {

// One Carmine-style named variable of a script: every "_:name" in the text becomes KEYS[i] (a key
// variable) or ARGV[i] (an argument variable) before the script is sent.
struct ScriptVariable {
    enum class Kind { Key, Argument };
    QByteArray name; // without the "_:" prefix
    Kind kind = Kind::Argument;
    QByteArray value;

    bool operator==(const ScriptVariable&) const = default;
};

// What is sent: the text after substitution and the KEYS / ARGV values in order.
struct CompiledScript {
    QByteArray script;
    QList<QByteArray> keys;
    QList<QByteArray> arguments;
};

// Carmine's named-variable convention (taoensso.carmine/lua), reproduced to the byte:
//  - each "_:name" is replaced as literal text, with no tokenising, by KEYS[i] or ARGV[i];
//  - i counts from 1 among the key variables and among the argument variables, in the order the
//    variables are listed;
//  - longer names are replaced first, so that "_:foo" does not clobber "_:foo-bar".
// Entries of the plain KEYS / ARGV lists follow the named ones (KEYS[n+1]...).
namespace NamedVariables {
// Distinct names used in a script, in order of first appearance. A name is the longest run of
// letters, digits, bytes of UTF-8 sequences and '_', '-', '?', '!', '$', '&', '|' after "_:" (the
// characters of Clojure keywords that Lua does not read as operators: _:can-upd? is one name).
QList<QByteArray> find(const QByteArray& script);

CompiledScript compile(const QByteArray& script, const QList<ScriptVariable>& variables,
    const QList<QByteArray>& extraKeys = {}, const QList<QByteArray>& extraArguments = {});

// The substitution alone (what compile() does to the text).
QByteArray substitute(const QByteArray& script, const QList<ScriptVariable>& variables);
} // namespace NamedVariables

} // namespace vermilion::lua
