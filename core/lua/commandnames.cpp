#include "commandnames.h"

#include "client/session.h"

namespace vermilion::lua {

namespace {
    QStringList namesOf(const Reply& list, bool entries)
    {
        QStringList names;
        for (const Reply& element : list.elements()) {
            const Reply& name = entries ? (element.isArray() && element.size() > 0 ? element.at(0) : Reply()) : element;
            if (name.isString())
                names.append(QString::fromUtf8(name.bytes()));
        }
        return names;
    }
} // namespace

void loadCommandNames(Session* session, QObject* context, std::function<void(const QStringList& names)> done)
{
    session->execute({ "COMMAND", "LIST" }, context, [session, context, done = std::move(done)](const Reply& reply) {
        if (reply.isArray()) {
            done(namesOf(reply, false));
            return;
        }
        // Redis before 7 has no COMMAND LIST: the names come out of the full table.
        session->execute({ "COMMAND" }, context, [done](const Reply& table) {
            done(table.isArray() ? namesOf(table, true) : QStringList());
        });
    });
}

} // namespace vermilion::lua
