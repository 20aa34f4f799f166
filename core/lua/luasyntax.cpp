#include "luasyntax.h"

extern "C" {
#include <lauxlib.h>
#include <lua.h>
}

#include <memory>

namespace vermilion::lua {

namespace {
struct StateCloser {
    void operator()(lua_State* state) const { lua_close(state); }
};

std::optional<ScriptError> load(const QByteArray& script, const char* chunkName)
{
    std::unique_ptr<lua_State, StateCloser> state(luaL_newstate());
    if (!state) {
        ScriptError error;
        error.message = QStringLiteral("Lua could not allocate a state");
        return error;
    }
    const int status = luaL_loadbuffer(state.get(), script.constData(), size_t(script.size()), chunkName);
    if (status == 0)
        return std::nullopt;
    size_t length = 0;
    const char* text = lua_tolstring(state.get(), -1, &length);
    const QByteArray message = text ? QByteArray(text, qsizetype(length)) : QByteArray("unknown Lua error");
    return ScriptErrors::parse(message);
}

// Redis 7 accepts a "#!lua ..." first line (flags for EVAL, the name of a function library) that
// the Lua parser does not: it is blanked, keeping the line count.
QByteArray withoutShebang(const QByteArray& code)
{
    if (!code.startsWith("#!"))
        return code;
    const qsizetype end = code.indexOf('\n');
    return end < 0 ? QByteArray() : code.mid(end);
}
} // namespace

std::optional<ScriptError> LuaSyntax::check(const QByteArray& script)
{
    // "=" makes Lua use the name verbatim: "user_script:3: ..." like the server.
    return load(withoutShebang(script), "=user_script");
}

std::optional<ScriptError> LuaSyntax::checkFunctionLibrary(const QByteArray& code)
{
    return load(withoutShebang(code), "=user_function");
}

} // namespace vermilion::lua
