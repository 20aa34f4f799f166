#include "benchsupport.h"
#include "pubsub/monitor.h"
#include "pubsub/monitormodel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <cstdio>

namespace vermilion::bench {

int runMonitor(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    const qint64 n = arguments.integer(QStringLiteral("n"), 1000000);
    // The same objects as the MONITOR panel; the main loop stands in for the UI thread.
    Monitor monitor(profile);
    MonitorModel model;
    QObject::connect(&monitor, &Monitor::linesReceived, &model, &MonitorModel::add);
    QEventLoop ready;
    QObject::connect(&monitor, &Monitor::stateChanged, &ready, [&](Connection::State state, const QString& message) {
        if (state == Connection::State::Connected)
            ready.quit();
        else if (state == Connection::State::Failed)
            fail(message);
    });
    monitor.start();
    ready.exec();
    std::fprintf(stderr, "ready\n");
    std::fflush(stderr);

    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    bool first = true;
    qint64 received = 0;
    qint64 maxBatch = 0;
    QEventLoop done;
    QObject::connect(&monitor, &Monitor::linesReceived, &done, [&](const MonitorBatch& batch) {
        if (first) {
            first = false;
            clock.start();
        }
        received += batch.lines.size() + batch.dropped;
        maxBatch = qMax<qint64>(maxBatch, batch.lines.size());
        if (received >= n)
            done.quit();
    });
    done.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    monitor.stop();
    emitResult({ { QStringLiteral("bench"), QStringLiteral("monitor") }, { QStringLiteral("received"), received },
        { QStringLiteral("seconds"), seconds }, { QStringLiteral("lines_per_s"), double(received) / seconds },
        { QStringLiteral("max_ui_stall_ms"), stalls.maxStallMs() }, { QStringLiteral("peak_rss_mb"), peakRssMb() } });
    std::fprintf(stderr, "largest batch: %lld lines, dropped before the model: %lld, in the ring: %lld\n",
        static_cast<long long>(maxBatch), static_cast<long long>(model.droppedBeforeModel()),
        static_cast<long long>(model.stored()));
    return 0;
}

static const ScenarioRegistration monitorRegistration { "monitor", "--url URL --n N", &runMonitor };

} // namespace vermilion::bench
