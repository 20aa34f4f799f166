#pragma once

#include "profiles/connectionprofile.h"

#include <QHash>
#include <QObject>
#include <memory>

class QTimer;

namespace vermilion {

class Session;

// Keeps the sandbox's lock inspector alive: a few Carmine locks are taken, released and left to
// expire by a timer, as workers would do (SET NX PX with a fresh owner UUID; release by
// compare-and-delete), so that countdowns move and the per-lock history fills.
class DemoLocks : public QObject {
    Q_OBJECT
public:
    explicit DemoLocks(const ConnectionProfile& profile, QObject* parent = nullptr);
    ~DemoLocks() override;

    static QList<QByteArray> keys();
    void start(int intervalMs = 3000);
    void stop();
    bool isRunning() const;

private:
    void tick();

    std::unique_ptr<Session> m_session;
    QTimer* m_timer;
    quint64 m_ticks = 0;
    QHash<QByteArray, QByteArray> m_owners;
};

} // namespace vermilion
