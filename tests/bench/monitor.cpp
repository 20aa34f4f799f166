#include "benchsupport.h"
#include "pubsub/monitor.h"
#include "pubsub/monitormodel.h"

#include <QDateTime>
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
    // From the server's time stamp of the first line (same host) to the moment the last line is in
    // the model.
    qint64 firstUs = -1;
    qint64 lastUs = 0;
    qint64 received = 0;
    qint64 maxBatch = 0;
    QEventLoop done;
    QObject::connect(&monitor, &Monitor::linesReceived, &done, [&](const MonitorBatch& batch) {
        if (firstUs < 0 && !batch.lines.isEmpty())
            firstUs = batch.lines.first().timestampUs;
        received += batch.lines.size() + batch.dropped;
        maxBatch = qMax<qint64>(maxBatch, batch.lines.size());
        if (received >= n) {
            lastUs = QDateTime::currentMSecsSinceEpoch() * 1000;
            done.quit();
        }
    });
    done.exec();
    const double seconds = double(lastUs - firstUs) / 1e6;
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
