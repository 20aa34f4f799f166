#pragma once

#include "scripterror.h"

#include <QByteArray>
#include <optional>

namespace vermilion::lua {

// Compiles a script with Lua 5.1 (the language Redis embeds) without running it: a fresh state,
// no libraries opened, luaL_loadbuffer only. Chunk name "user_script", as the server names it, so
// messages read the same. Thread-safe (each call has its own state).
namespace LuaSyntax {
std::optional<ScriptError> check(const QByteArray& script);
// Redis 7 function libraries start with a "#!lua name=..." shebang the Lua parser does not accept;
// it is blanked (line numbers kept) before checking.
std::optional<ScriptError> checkFunctionLibrary(const QByteArray& code);
} // namespace LuaSyntax

} // namespace vermilion::lua
