#pragma once

#include "scripterror.h"

#include <QByteArray>
#include <optional>

// Compiles a script with Lua 5.1 (the language Redis embeds) without running it: a fresh state,
// no libraries opened, luaL_loadbuffer only. Chunk name "user_script", as the server names it, so
// messages read the same. Thread-safe (each call has its own state).
namespace vermilion::lua::LuaSyntax {

// A "#!lua flags=..." first line (Redis 7) is blanked, keeping line numbers, before checking.
std::optional<ScriptError> check(const QByteArray& script);
// Redis 7 function libraries start with a "#!lua name=..." line the Lua parser does not accept;
// it is blanked the same way; messages name "user_function" as FUNCTION LOAD does.
std::optional<ScriptError> checkFunctionLibrary(const QByteArray& code);

} // namespace vermilion::lua::LuaSyntax
