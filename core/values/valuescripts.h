#pragma once

#include "client/reply.h"
#include "editconflict.h"

#include <QByteArray>

namespace vermilion {

// Lua scripts that make value edits conflict-safe: each one checks, atomically on the server, that
// the key still has the expected type and still holds what the user was shown before it writes.
// Every script answers {status, ...}: "applied" (then the command's own reply), "conflict" (then
// the current value, nil when absent), "wrongtype" (then the key's type) or "gone".
namespace ValueScripts {
enum class Outcome { Applied, Conflict, WrongType, KeyGone, Error };

struct Result {
    Outcome outcome = Outcome::Error;
    Reply reply; // Applied: the write's reply; Conflict: the current value (nil = absent)
    Reply extra; // Conflict on strings: the full size of the current value
    QByteArray actualType; // WrongType
    Reply error; // Error: the error reply as it came (server, read-only refusal, link)
};
Result parse(const Reply& reply);

// ARGV: type, command, args... -> runs "command key args..." if the key exists with that type.
const QByteArray& guardedCall();
// ARGV: mode, sha1 of the shown value, new value, max bytes of the current value to return.
const QByteArray& setString();
// ARGV: mode, field, "present"|"absent", shown value, "set"|"del", new value.
const QByteArray& hashEdit();
// ARGV: mode, index, shown value, new value.
const QByteArray& listSet();
// ARGV: mode, index, pivot value shown, "BEFORE"|"AFTER", new value, tombstone.
const QByteArray& listInsert();
// ARGV: mode, index, shown value, tombstone.
const QByteArray& listRemove();
// ARGV: mode, member, "present"|"absent", shown score, new score.
const QByteArray& zsetScore();

QByteArray modeArgument(EditMode mode); // "check" / "force"
// A value no user data contains, used to mark one list element for LREM / LINSERT.
QByteArray tombstone();
} // namespace ValueScripts

} // namespace vermilion
