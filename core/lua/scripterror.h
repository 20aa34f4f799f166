#pragma once

#include <QByteArray>
#include <QString>

namespace vermilion::lua {

// Where a Lua error points, read from the text of a server error or of a local compile message.
struct ScriptError {
    int line = 0; // 1-based; 0 when the message names no line
    QString message; // the error without the chunk prefix and Redis's trailing "script: <sha>..."
    QString raw; // the whole text as received

    bool hasLine() const { return line > 0; }
};

namespace ScriptErrors {
// Understands what Redis 7 and 6 send and what luaL_loadbuffer says:
//   ERR user_script:3: Script attempted to access nonexistent global variable 'x' script: <sha>, on @user_script:3.
//   ERR Error compiling script (new function): user_script:2: '=' expected near 'x'
//   ERR Error running script (call to f_<sha>): @user_script:4: ...
//   ERR Wrong number of args calling Redis command from script script: <sha>, on @user_script:1.
//   ERR Error compiling function: user_function:5: ...      (FUNCTION LOAD)
//   user_script:7: unexpected symbol near '+'                (local check)
// Untrusted text: never fails, never reads past the end.
ScriptError parse(const QByteArray& text);
} // namespace ScriptErrors

} // namespace vermilion::lua
