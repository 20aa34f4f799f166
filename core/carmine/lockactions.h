#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <functional>

namespace vermilion {

class Session;

// Writes on locks. Only one: a force release that deletes a lock only if it still has the owner the
// user was shown (Carmine's own compare-and-delete), so a lock re-acquired in between survives.
class LockActions {
    Q_DECLARE_TR_FUNCTIONS(LockActions)
public:
    enum class Outcome {
        Released, // the key was deleted
        OwnerChanged, // the key holds another owner now (or is gone): nothing deleted
        Refused, // read-only profile: nothing sent
        Failed, // the server or the link failed
    };
    using Done = std::function<void(Outcome outcome, const QString& message)>;

    static QByteArray compareAndDeleteScript();
    static void forceRelease(
        Session* session, const QByteArray& key, const QByteArray& owner, QObject* context, Done done);
};

} // namespace vermilion
