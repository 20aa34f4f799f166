#include "demolocks.h"

#include "client/session.h"
#include "lockactions.h"

#include <QTimer>
#include <QUuid>

namespace vermilion {

DemoLocks::DemoLocks(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_session(std::make_unique<Session>(profile))
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &DemoLocks::tick);
}

DemoLocks::~DemoLocks() = default;

QList<QByteArray> DemoLocks::keys()
{
    return { "carmine:lock:workers/reindex", "carmine:lock:workers/thumbnails", "carmine:lock:workers/mailer" };
}

void DemoLocks::start(int intervalMs)
{
    m_session->open();
    m_timer->start(intervalMs);
    tick();
}

void DemoLocks::stop()
{
    m_timer->stop();
    m_session->close();
}

bool DemoLocks::isRunning() const
{
    return m_timer->isActive();
}

void DemoLocks::tick()
{
    const QList<QByteArray> lockKeys = keys();
    const quint64 tick = m_ticks++;
    for (int i = 0; i < lockKeys.size(); ++i) {
        const QByteArray& key = lockKeys.at(i);
        // reindex: held 8 s at a time and left to expire; thumbnails: taken and released every other
        // tick; mailer: re-taken by a new owner every third tick.
        const bool release = (i == 1 && tick % 2 == 1) || (i == 2 && tick % 3 == 2);
        if (release && m_owners.contains(key)) {
            m_session->execute({ "EVAL", LockActions::compareAndDeleteScript(), "1", key, m_owners.take(key) });
            continue;
        }
        const QByteArray owner = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray timeout = i == 0 ? QByteArrayLiteral("8000") : QByteArrayLiteral("20000");
        m_session->execute({ "SET", key, owner, "NX", "PX", timeout }, this, [this, key, owner](const Reply& reply) {
            if (reply.isStatus())
                m_owners.insert(key, owner);
        });
    }
}

} // namespace vermilion
