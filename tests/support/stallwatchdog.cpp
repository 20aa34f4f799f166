// Linked into every suite with the per-suite home (an object library, never dropped by the linker).
// In the UI suites (VERMILION_STALL_LIMIT_MS set by CTest) it watches the main event loop: a gap
// between two turns of the loop that the UI thread spent busy longer than the limit fails the test
// function it happened in, with the gap printed. Busy means the thread's own CPU time over the gap
// (CLOCK_THREAD_CPUTIME_ID), so a loaded machine that deschedules the process cannot fail a suite.
#include "stallwatchdog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <ctime>

namespace {

// Test functions (with their data tag) that excused their stalls, and why.
QSet<QByteArray>& excused()
{
    static QSet<QByteArray> functions;
    return functions;
}

int& overLimitCount()
{
    static int count = 0;
    return count;
}

QByteArray currentTest()
{
    const char* function = QTest::currentTestFunction();
    const char* tag = QTest::currentDataTag();
    return QByteArray(function ? function : "") + (tag ? QByteArray("(") + tag + ')' : QByteArray());
}

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
            double(m_worst.cpuNs) / 1e6, double(m_worst.wallNs) / 1e6, m_worst.where.isEmpty() ? "" : " in ",
            m_worst.where.constData());
        if (m_worstExcused.cpuNs > 0)
            std::fprintf(stderr, "stall watchdog: longest in excused test functions %.1f ms in %s\n",
                double(m_worstExcused.cpuNs) / 1e6, m_worstExcused.where.constData());
    }

private:
    struct Gap {
        qint64 cpuNs = 0;
        qint64 wallNs = 0;
        QByteArray where;
    };

    void tick()
    {
        const qint64 wall = m_wall.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const qint64 gap = wall - m_lastWall;
        const qint64 busy = cpu - m_lastCpu;
        m_lastWall = wall;
        m_lastCpu = cpu;
        const QByteArray where = currentTest();
        const bool isExcused = excused().contains(where);
        Gap& worst = isExcused ? m_worstExcused : m_worst;
        if (busy > worst.cpuNs)
            worst = { busy, gap, where };
        // Every gap is held against the limit, not only a new worst one.
        if (busy <= m_limitNs)
            return;
        ++overLimitCount();
        if (m_reportOnly || !QTest::currentTestFunction() || isExcused)
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
    Gap m_worst;
    Gap m_worstExcused;
};

void startStallWatchdog()
{
    const int limit = qEnvironmentVariableIntValue("VERMILION_STALL_LIMIT_MS");
    if (limit <= 0)
        return;
    // Started once the event loop turns: the suite's own setup before it is not the app's stall.
    QTimer::singleShot(0, QCoreApplication::instance(),
        [limit] { new StallWatchdog(limit, !qEnvironmentVariableIsEmpty("VERMILION_STALL_REPORT_ONLY")); });
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(startStallWatchdog)

int vermilion::test::stallsOverLimit()
{
    return overLimitCount();
}

void vermilion::test::excuseStallsInThisTest(const char* reason)
{
    excused().insert(currentTest());
    std::fprintf(stderr, "stall watchdog: %s excused: %s\n", currentTest().constData(), reason);
}
