#pragma once

#include <QObject>

class QSocketNotifier;

namespace vermilion {

// Turns SIGTERM, SIGINT and SIGHUP into a Qt signal on the main thread (self-pipe), so that a
// terminated app still runs its destructors and stops the sandbox server.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void terminationRequested(int signal);

private:
    static void handle(int signal);
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace vermilion
