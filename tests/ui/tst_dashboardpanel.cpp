#include "client/session.h"
#include "dashboard/dashboardchart.h"
#include "dashboard/dashboardpanel.h"
#include "dashboard/infopoller.h"
#include "redisfixture.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::DashboardPanel;

namespace {
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
} // namespace

class TestDashboardPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void chartsFillUnderLoad()
    {
        Session session(profileFor(*m_server));
        session.open();
        DashboardPanel panel(&session);
        panel.resize(1280, 900);
        panel.poller()->setInterval(250);
        QProcess benchmark;
        benchmark.start(QStringLiteral("redis-benchmark"),
                        { QStringLiteral("-p"), QString::number(m_server->port()), QStringLiteral("-n"),
                          QStringLiteral("20000"), QStringLiteral("-q") });
        QVERIFY(benchmark.waitForStarted());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy sampled(panel.poller(), &InfoPoller::sampled);
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 6, 20000);
        QVERIFY(!panel.charts().isEmpty());
        for (ui::DashboardChart* chart : panel.charts()) {
            // A line per database appears with the database's first keys; this server may have none.
            if (chart->seriesCount() == 0)
                continue;
            QVERIFY2(chart->pointCount(0) >= 1 || chart->title().contains(QLatin1String("hit")),
                     qPrintable(chart->title()));
        }
        const auto* commands = panel.charts().at(0);
        // The first poll has no rate, and redraws are throttled to the panel's interval: wait for them.
        QTRY_VERIFY_WITH_TIMEOUT(commands->pointCount(0) >= 4, 20000);
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("dashboard-charts"))));
        benchmark.waitForFinished(60000);
        panel.showSection(QStringLiteral("commands"));
        QTRY_VERIFY(panel.commandStatsModel() && true);
        panel.showSection(QStringLiteral("slowlog"));
        panel.showSection(QStringLiteral("clients"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.clientsMessage().contains(QLatin1String("clients")), 10000);
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("dashboard-clients"))));
        panel.showSection(QStringLiteral("info"));
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("dashboard-info"))));
    }

    void hiddenPanelStopsPolling()
    {
        Session session(profileFor(*m_server));
        session.open();
        DashboardPanel panel(&session);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.poller()->isActive());
        panel.hide();
        QVERIFY(!panel.poller()->isActive());
        panel.setPauseWhenHidden(false);
        QVERIFY(panel.poller()->isActive());
    }

    // Cost of a visible dashboard polling at 1 s: CPU of this whole process over a span, as getrusage
    // reports it. VERMILION_DASHBOARD_SECONDS sets the span (60 for the figure in the notes).
    void cpuCostAtOneSecond()
    {
        Session session(profileFor(*m_server));
        session.open();
        DashboardPanel panel(&session);
        panel.resize(1280, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy sampled(panel.poller(), &InfoPoller::sampled);
        QVERIFY(sampled.wait(5000)); // past the start-up costs
        // The span is a number of polls, so the wait ends when the poller has done them.
        const int polls = qEnvironmentVariableIsSet("VERMILION_DASHBOARD_SECONDS")
            ? qEnvironmentVariableIntValue("VERMILION_DASHBOARD_SECONDS")
            : 5;
        sampled.clear();
        const double cpuBefore = cpuSeconds();
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= polls, (polls + 10) * 1000);
        const double wall = double(clock.elapsed()) / 1000.0;
        const double percent = 100.0 * (cpuSeconds() - cpuBefore) / wall;
        qInfo("{\"bench\":\"dashboard\",\"seconds\":%.1f,\"cpu_percent\":%.2f,\"polls\":%d}", wall, percent,
              int(sampled.size()));
        // One poll a second: the span took about as many seconds as polls.
        QVERIFY2(wall >= polls - 1.5, qPrintable(QString::number(wall)));
    }
};

QTEST_MAIN(TestDashboardPanel)
#include "tst_dashboardpanel.moc"
