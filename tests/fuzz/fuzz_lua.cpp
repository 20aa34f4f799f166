// libFuzzer target: the Lua workspace's readers of untrusted text. Server error messages (the
// error-line parser), scripts typed or opened from any folder (Carmine's named-variable compiler)
// and the local Lua 5.1 syntax check (load only) must never crash, and the compiler must replace
// every name it finds.
#include "lua/luasyntax.h"
#include "lua/namedvariables.h"
#include "lua/scripterror.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion::lua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    const ScriptError error = ScriptErrors::parse(bytes);
    if (error.line < 0)
        std::abort();
    if (error.line > 0 && !bytes.contains("user_script:") && !bytes.contains("user_function:"))
        std::abort();

    const QList<QByteArray> names = NamedVariables::find(bytes);
    QList<ScriptVariable> variables;
    int keys = 0;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.at(i).isEmpty())
            std::abort();
        const bool isKey = (i % 2) == 0;
        keys += isKey ? 1 : 0;
        variables.append(
            { names.at(i), isKey ? ScriptVariable::Kind::Key : ScriptVariable::Kind::Argument, QByteArray::number(i) });
    }
    const CompiledScript compiled = NamedVariables::compile(bytes, variables, { "extra" }, {});
    if (compiled.keys.size() != keys + 1 || compiled.arguments.size() != names.size() - keys)
        std::abort();
    // Every occurrence of every name is gone: replacements never make a new "_:". Tokens overlap
    // only when a name ends with '_' right before a ':' ("_:a_:b" holds "_:a_" and "_:b"); Carmine's
    // literal substitution then leaves text that depends on the order, so the check is skipped.
    bool overlapping = false;
    for (const QByteArray& name : names)
        overlapping = overlapping || name.endsWith('_');
    for (const QByteArray& name : overlapping ? QList<QByteArray>() : names) {
        const QByteArray token = QByteArray("_:") + name;
        if (compiled.script.contains(token))
            std::abort();
    }

    // Load only, never run; a message always parses to a line or to none.
    if (const auto syntax = LuaSyntax::check(bytes)) {
        if (syntax->line < 0 || syntax->raw.isEmpty())
            std::abort();
    }
    LuaSyntax::checkFunctionLibrary(bytes);
    return 0;
}
