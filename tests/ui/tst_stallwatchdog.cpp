// The stall watchdog itself: a UI thread busy for longer than the limit fails the test function
// it happens in, and an excused function only reports.
#include "stallwatchdog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>
#include <ctime>

namespace {
qint64 threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// Keeps the UI thread busy on its own CPU, as a slow computation in a slot would.
void spin(qint64 milliseconds)
{
    const qint64 until = threadCpuMs() + milliseconds;
    volatile quint64 sink = 0;
    while (threadCpuMs() < until)
        sink = sink + 1;
}

// Turns the event loop until a timer posted now has run: the watchdog's own timer has then
// looked at the gap.
void turnTheLoop()
{
    bool ran = false;
    QTimer::singleShot(6, qApp, [&ran] { ran = true; });
    QTRY_VERIFY_WITH_TIMEOUT(ran, 5000);
}
} // namespace

class TestStallWatchdog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIntValue("VERMILION_STALL_LIMIT_MS") != 100
            || !qEnvironmentVariableIsEmpty("VERMILION_STALL_REPORT_ONLY"))
            QSKIP("runs under CTest's UI environment, with the watchdog failing at 100 ms");
        turnTheLoop(); // the watchdog starts on the first turn of the loop
    }

    void shortWorkPasses()
    {
        const int before = vermilion::test::stallsOverLimit();
        spin(30);
        turnTheLoop();
        QCOMPARE(vermilion::test::stallsOverLimit(), before);
    }

    // Caught, and (excused here, so that this suite can pass) only reported; in any other test
    // function the same stall fails the test.
    void aLongStallIsCaught()
    {
        vermilion::test::excuseStallsInThisTest("the test spins on purpose");
        const int before = vermilion::test::stallsOverLimit();
        spin(250);
        turnTheLoop();
        QCOMPARE(vermilion::test::stallsOverLimit(), before + 1);
    }
};

QTEST_MAIN(TestStallWatchdog)
#include "tst_stallwatchdog.moc"
