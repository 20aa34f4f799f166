#include "client/session.h"
#include "dashboard/dashboardchart.h"
#include "dashboard/dashboardpanel.h"
#include "dashboard/history.h"
#include "dashboard/infopoller.h"
#include "redisfixture.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>
#include <algorithm>
#include <sys/resource.h>

using namespace vermilion;
using namespace vermilion::test;
using vermilion::ui::DashboardPanel;

namespace {
// One turn of the event loop (posted events and deferred deletes), without waiting for anything.
void turnEventLoop()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}
} // namespace

namespace {
constexpr double gigabyte = 1024.0 * 1024.0 * 1024.0;

// Five minutes at one sample a second of a big, busy server: memory up to 100 GB (used equal to the
// peak, the case where the used line used to vanish), 10 million keys, 250k commands a second.
History bigHistory(qint64 endMs)
{
    History history;
    for (int i = 0; i < 300; ++i) {
        const float f = float(i + 1) / 300.0f;
        Sample s;
        s.timeMs = endMs - (299 - i) * 1000;
        s.commandsPerSecond = 250'000.0f * f;
        s.usedMemory = float(95.0 * gigabyte) * f;
        s.peakMemory = s.usedMemory;
        s.rssMemory = s.usedMemory * 1.05f;
        s.maxMemory = float(100.0 * gigabyte);
        s.connectedClients = 12'000.0f;
        s.blockedClients = 150.0f * f;
        s.hitRatioPercent = 97.0f;
        s.networkInPerSecond = float(80.0 * 1024 * 1024) * f;
        s.networkOutPerSecond = float(120.0 * 1024 * 1024) * f;
        s.cpuPercent = 180.0f * f;
        s.keys = 10'000'000.0f * f;
        s.databaseKeys[0] = 10'000'000.0f * f;
        s.databaseExpires[0] = 4'000'000.0f * f;
        s.databaseKeys[1] = 2'500'000.0f * f;
        s.databaseExpires[1] = 0;
        s.expiredPerSecond = 1'500.0f;
        s.evictedPerSecond = 20'000.0f * f;
        history.append(s);
    }
    return history;
}

// The texts Qt Charts shows in a chart: title, tick labels of both axes, legend entries.
QStringList shownTexts(const ui::DashboardChart* chart)
{
    QStringList texts;
    for (QGraphicsItem* item : chart->scene()->items()) {
        if (auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item); text && text->isVisible())
            texts << text->toPlainText();
    }
    return texts;
}

QScrollArea* chartsArea(const DashboardPanel& panel)
{
    return panel.findChild<QScrollArea*>();
}

bool runRedisCli(quint16 port, const QStringList& arguments)
{
    QProcess cli;
    cli.start(QStringLiteral("redis-cli"), QStringList { QStringLiteral("-p"), QString::number(port) } + arguments);
    return cli.waitForFinished(10000) && cli.exitCode() == 0;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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

    // One turn of the event loop between test functions: the app never tears a panel down and builds
    // the next one in a single gap, so the stall watchdog should not see the two as one.
    void init() { turnEventLoop(); }

    void chartsFillUnderLoad()
    {
        Session session(profileFor(*m_server));
        session.open();
        DashboardPanel panel(&session);
        panel.resize(1280, 900);
        panel.poller()->setInterval(250);
        QProcess benchmark;
        benchmark.start(QStringLiteral("redis-benchmark"),
            { QStringLiteral("-p"), QString::number(m_server->port()), QStringLiteral("-n"), QStringLiteral("20000"),
                QStringLiteral("-q") });
        QVERIFY(benchmark.waitForStarted());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy sampled(panel.poller(), &InfoPoller::sampled);
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 6, 20000);
        QVERIFY(!panel.charts().isEmpty());
        QScrollArea* area = chartsArea(panel);
        QVERIFY(area);
        for (ui::DashboardChart* chart : panel.charts()) {
            turnEventLoop();
            // Charts scrolled out of view wait until they are shown.
            area->ensureWidgetVisible(chart);
            QTRY_VERIFY2(!chart->isStale(), qPrintable(chart->title()));
            // A line per database appears with the database's first keys; this server may have none.
            if (chart->seriesCount() == 0 || chart->title().contains(QLatin1String("hit")))
                continue;
            qsizetype points = 0;
            for (int i = 0; i < chart->seriesCount(); ++i)
                points += chart->pointCount(i);
            QVERIFY2(points >= 1, qPrintable(chart->title()));
        }
        area->ensureVisible(0, 0);
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

    // The charts of a big server at the sizes the panel has in a 1280x800 and a 1600x1000 window (the
    // connection list and the window's bars take the rest): units that scale, every tick labelled in
    // full, every line visible and in the legend.
    void bigValuesReadWell_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addRow("1280x800") << QSize(1060, 685);
        QTest::addRow("1600x1000") << QSize(1380, 885);
    }

    void bigValuesReadWell()
    {
        QFETCH(QSize, size);
        // Keys in two databases, so that the panel draws a line for each.
        for (const QString& db : { QStringLiteral("0"), QStringLiteral("1") })
            QVERIFY(runRedisCli(m_server->port(),
                { QStringLiteral("-n"), db, QStringLiteral("SET"), QStringLiteral("dashboard:big"),
                    QStringLiteral("1") }));
        Session session(profileFor(*m_server));
        session.open();
        DashboardPanel panel(&session);
        panel.resize(size);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy sampled(panel.poller(), &InfoPoller::sampled);
        QVERIFY(sampled.wait(5000));
        // The server's own small values give way to the big ones for the rest of the test.
        panel.poller()->stop();
        const History history = bigHistory(QDateTime::currentMSecsSinceEpoch());
        QScrollArea* area = chartsArea(panel);
        QVERIFY(area);
        for (ui::DashboardChart* chart : panel.charts())
            chart->refresh(history, 300);
        turnEventLoop();
        // A chart below the fold is not drawn until it is scrolled to (in the smaller window, the last
        // row is out of view).
        ui::DashboardChart* last = panel.charts().constLast();
        const bool lastWasOffScreen = last->viewport()->visibleRegion().isEmpty();
        QCOMPARE(last->isStale(), lastWasOffScreen);
        QVERIFY(lastWasOffScreen || size.height() > 800);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("dashboard-big-%1-top").arg(tag))));

        QSet<QString> titles;
        for (ui::DashboardChart* chart : panel.charts()) {
            // A turn of the event loop per chart, as a user scrolling would give it: the checks below
            // are not the app's work, and the stall watchdog should not count them as one gap.
            turnEventLoop();
            area->ensureWidgetVisible(chart);
            QTRY_VERIFY2(!chart->isStale(), qPrintable(chart->title()));
            const QString title = chart->title();
            titles << title;
            // Once laid out, no label is cut to "..." on either axis.
            QTRY_VERIFY2(
                !chart->valueAxis()->labelsTruncated() && !chart->timeAxis()->labelsTruncated(), qPrintable(title));
            const QStringList texts = shownTexts(chart);
            for (const QString& text : texts)
                QVERIFY2(!text.contains(QLatin1String("...")), qPrintable(title + QLatin1String(": ") + text));
            // Every tick of the value axis is labelled, in the chart's unit.
            const QStringList labels = chart->scale().labels();
            QVERIFY2(labels.size() >= 3, qPrintable(title));
            for (const QString& label : labels)
                QVERIFY2(texts.contains(label), qPrintable(title + QLatin1String(": ") + label));
            // And so is the time axis (4 ticks, HH:mm:ss).
            const QDateTime newest = QDateTime::fromMSecsSinceEpoch(history.last().timeMs);
            const QString end = newest.toString(QStringLiteral("HH:mm:ss"));
            QVERIFY2(texts.contains(end), qPrintable(title + QLatin1String(": no ") + end));

            // Every line has a colour of its own, a visible pen, points, and an entry in the legend.
            QSet<QRgb> colors;
            const QList<QLegendMarker*> markers = chart->chart()->legend()->markers();
            QCOMPARE(markers.size(), chart->seriesCount());
            for (int i = 0; i < chart->seriesCount(); ++i) {
                const QPen pen = chart->seriesPen(i);
                const QString name = chart->seriesName(i);
                QVERIFY2(
                    pen.style() != Qt::NoPen && pen.widthF() >= 1.5 && pen.color().alpha() == 255, qPrintable(name));
                colors << pen.color().rgb();
                QVERIFY2(chart->pointCount(i) > 0 || name == QLatin1String("db1 with expiry"), qPrintable(name));
                const auto hasName = [&name](const QLegendMarker* marker) { return marker->label() == name; };
                const auto named = std::find_if(markers.cbegin(), markers.cend(), hasName);
                QVERIFY2(named != markers.cend() && (*named)->isVisible(), qPrintable(name));
            }
            QCOMPARE(colors.size(), chart->seriesCount());
        }
        QVERIFY(!lastWasOffScreen || !last->isStale());
        area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
        QTRY_VERIFY(!last->isStale() && !last->valueAxis()->labelsTruncated());
        qInfo("screenshot: %s", qPrintable(saveScreenshot(&panel, QStringLiteral("dashboard-big-%1-bottom").arg(tag))));

        const auto chartNamed = [&panel](const QString& title) -> ui::DashboardChart* {
            for (ui::DashboardChart* chart : panel.charts()) {
                if (chart->title() == title)
                    return chart;
            }
            return nullptr;
        };
        // 100 GB in gigabytes, 10 million keys in millions, 250k commands in thousands.
        const ui::DashboardChart* memory = chartNamed(QStringLiteral("Memory"));
        QVERIFY(memory);
        QCOMPARE(memory->scale().unit.suffix, QStringLiteral(" GB"));
        QVERIFY2(memory->scale().labels().contains(QStringLiteral("100 GB")),
            qPrintable(memory->scale().labels().join(QLatin1Char(' '))));
        // The memory in use is drawn last, over the peak it equals here, and comes first in the legend.
        const QList<QAbstractSeries*> drawn = memory->chart()->series();
        QCOMPARE(drawn.constLast()->name(), QStringLiteral("used"));
        QVERIFY(memory->chart()->legend()->reverseMarkers());
        const ui::DashboardChart* keys = chartNamed(QStringLiteral("Keys per database"));
        QVERIFY(keys);
        QCOMPARE(keys->seriesCount(), 4);
        QCOMPARE(keys->scale().unit.suffix, QStringLiteral("M"));
        QVERIFY(keys->scale().labels().contains(QStringLiteral("10M")));
        const ui::DashboardChart* commands = chartNamed(QStringLiteral("Commands per second"));
        QVERIFY(commands);
        QCOMPARE(commands->scale().unit.suffix, QStringLiteral("k"));
        const ui::DashboardChart* network = chartNamed(QStringLiteral("Network"));
        QVERIFY(network);
        QCOMPARE(network->scale().unit.suffix, QStringLiteral(" MB/s"));
        const ui::DashboardChart* hits = chartNamed(QStringLiteral("Keyspace hit ratio"));
        QVERIFY(hits);
        QCOMPARE(hits->scale().labels().constLast(), QStringLiteral("100%"));
        QCOMPARE(titles.size(), panel.charts().size());
    }

    // A poll changes the cards (the uptime every second) and the charts, but the panel's layout stays as
    // it is: laying out the panel would lay out every ancestor up to the window and repaint it.
    void pollDoesNotLayOutThePanel()
    {
        Session session(profileFor(*m_server));
        session.open();
        DashboardPanel panel(&session);
        panel.resize(1280, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy sampled(panel.poller(), &InfoPoller::sampled);
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 2, 10000);
        QCoreApplication::sendPostedEvents(); // the first polls' layouts are done
        struct LayoutCounter : QObject {
            int requests = 0;
            bool eventFilter(QObject*, QEvent* event) override
            {
                if (event->type() == QEvent::LayoutRequest)
                    ++requests;
                return false;
            }
        } counter;
        panel.installEventFilter(&counter);
        sampled.clear();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 3, 10000);
        QCoreApplication::sendPostedEvents(); // delivers the layout requests the polls posted
        // Not one per poll, as the cards caused before (3 in 3 polls). A value that outgrows its
        // label (a count gaining a digit) may still ask for one.
        QVERIFY2(counter.requests <= 1, qPrintable(QString::number(counter.requests)));
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
