// Linked into every suite with the per-suite home (an object library, never dropped by the linker).
// In the UI suites (VERMILION_STALL_LIMIT_MS set by CTest) it watches the main event loop: a gap
// between two turns of the loop that the UI thread spent busy longer than the limit fails the test
// function it happened in, with the gap printed. Busy means the thread's own CPU time over the gap
// (CLOCK_THREAD_CPUTIME_ID), so a loaded machine that deschedules the process cannot fail a suite.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <ctime>

namespace {

qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

class StallWatchdog : public QObject {
public:
    explicit StallWatchdog(qint64 limitMs, bool reportOnly)
        : QObject(QCoreApplication::instance())
        , m_limitNs(limitMs * 1000000)
        , m_reportOnly(reportOnly)
    {
        auto* timer = new QTimer(this);
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(5);
        connect(timer, &QTimer::timeout, this, &StallWatchdog::tick);
        timer->start();
        m_wall.start();
        m_lastCpu = threadCpuNs();
    }
    ~StallWatchdog() override
    {
        std::fprintf(stderr, "stall watchdog: longest busy gap of the main loop %.1f ms (wall %.1f ms)%s%s\n",
                     double(m_worstCpuNs) / 1e6, double(m_worstWallNs) / 1e6, m_worstWhere.isEmpty() ? "" : " in ",
                     m_worstWhere.constData());
    }

private:
    void tick()
    {
        const qint64 wall = m_wall.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const qint64 gap = wall - m_lastWall;
        const qint64 busy = cpu - m_lastCpu;
        m_lastWall = wall;
        m_lastCpu = cpu;
        if (busy <= m_worstCpuNs)
            return;
        m_worstCpuNs = busy;
        m_worstWallNs = gap;
        const char* function = QTest::currentTestFunction();
        const char* tag = QTest::currentDataTag();
        m_worstWhere = QByteArray(function ? function : "") + (tag ? QByteArray("(") + tag + ')' : QByteArray());
        if (busy <= m_limitNs || m_reportOnly || !function)
            return;
        const QByteArray message = "The UI thread was busy for " + QByteArray::number(double(busy) / 1e6, 'f', 1)
            + " ms (" + QByteArray::number(double(gap) / 1e6, 'f', 1)
            + " ms of wall time) without returning to the event loop; the limit is "
            + QByteArray::number(m_limitNs / 1000000) + " ms.";
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    }

    qint64 m_limitNs;
    bool m_reportOnly;
    QElapsedTimer m_wall;
    qint64 m_lastWall = 0;
    qint64 m_lastCpu = 0;
    qint64 m_worstCpuNs = 0;
    qint64 m_worstWallNs = 0;
    QByteArray m_worstWhere;
};

void startStallWatchdog()
{
    const int limit = qEnvironmentVariableIntValue("VERMILION_STALL_LIMIT_MS");
    if (limit <= 0)
        return;
    // Started once the event loop turns: the suite's own setup before it is not the app's stall.
    QTimer::singleShot(0, QCoreApplication::instance(), [limit] {
        new StallWatchdog(limit, !qEnvironmentVariableIsEmpty("VERMILION_STALL_REPORT_ONLY"));
    });
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(startStallWatchdog)
