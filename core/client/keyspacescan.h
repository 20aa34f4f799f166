#pragma once

#include "session.h"

#include <QPointer>
#include <functional>
#include <memory>
#include <vector>

namespace vermilion {

// The whole keyspace, page by page, with SCAN: one cursor per node of Session::scanNodes() (one
// on a single server, one per master on a cluster), each ending at its own cursor 0. Pages come
// only when asked for (requestMore()), so the owner sets the pace: it asks again once it has room
// for more, which is the backpressure. Pages arrive in the context object's thread, and never after
// cancel() or once the context is gone.
class KeyspaceScan {
public:
    struct Options {
        QByteArray match; // MATCH glob; empty = every key
        QByteArray type; // TYPE filter (Redis 6+); empty = every type
        int count = 1000; // COUNT hint
        Session::Role role = Session::Role::Bulk;
    };
    // keys: the page's keys (an array reply of strings), node: where they came from ("" on a single server).
    using PageHandler = std::function<void(const Reply& keys, const QString& node)>;
    using ErrorHandler = std::function<void(const QString& message)>;

    KeyspaceScan(Session* session, QObject* context, const Options& options, PageHandler onPage, ErrorHandler onError);

    // Sends the next SCAN on every cursor that is neither finished nor waiting for a reply. The
    // first call starts the scan.
    void requestMore();
    // No page or error is handed over any more; replies on their way are dropped.
    void cancel();
    bool isComplete() const; // every cursor is back at 0
    bool isInFlight() const; // some SCAN awaits its reply
    int nodeCount() const { return int(m_cursors.size()); }

private:
    struct Cursor {
        QString node;
        QByteArray cursor = "0";
        bool finished = false;
        bool inFlight = false;
        QString server; // the server the cursor belongs to (Session::currentServer())
        int linkRetries = 0; // SCANs lost with their link since the last page
    };
    void onReply(size_t index, const Reply& reply);
    void send(size_t index);

    QPointer<Session> m_session;
    QObject* m_context;
    Options m_options;
    PageHandler m_onPage;
    ErrorHandler m_onError;
    std::vector<Cursor> m_cursors;
    bool m_started = false;
    // Replies carry the token of their scan; cancel() makes a new one, so older replies are stale.
    std::shared_ptr<int> m_token = std::make_shared<int>(0);
};

} // namespace vermilion
