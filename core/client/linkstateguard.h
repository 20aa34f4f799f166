#pragma once

#include "reply.h"

#include <QString>

namespace vermilion {

// Commands that change the state of the link they are sent on: its database, a transaction, a
// subscription or MONITOR, the protocol, the user, the reply mode, client tracking, the name, the
// cluster read mode. On a link that several tools share, one tool's SELECT or MULTI would silently
// change what every other tool reads and deletes, so the session's shared links refuse them before
// anything is sent. Tools that need such state (the console, a subscriber, MONITOR) get a link of
// their own from the session.
class LinkStateGuard {
public:
    // Why the command may not go out on a shared link, or an empty string when it may.
    static QString refusal(const Command& argv);
};

} // namespace vermilion
