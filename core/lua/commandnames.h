#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

namespace vermilion {
class Session;
}

namespace vermilion::lua {

// The names of the commands this server knows, for the editor's completion and highlighting:
// COMMAND LIST (Redis 7), or the first element of each COMMAND entry on older servers. done runs in
// context's thread, with an empty list when the server says neither (an ACL rule, say).
void loadCommandNames(Session* session, QObject* context, std::function<void(const QStringList& names)> done);

} // namespace vermilion::lua
