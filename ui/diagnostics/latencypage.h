#pragma once

#include <QPointer>
#include <QWidget>

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QValueAxis;

namespace vermilion {
class LatencyEventsModel;
class LatencyProbe;
class Session;
}

namespace vermilion::ui {

// Latency, two ways. The server's own monitor: its events (LATENCY LATEST) with the history of the
// selected one as a chart, LATENCY DOCTOR's advice, turning the monitor on (latency-monitor-
// threshold, explained and confirmed) and LATENCY RESET (confirmed). And a probe from this machine
// like redis-cli --latency / --latency-history / --latency-dist: min, average, max and percentiles,
// the distribution, and a chart over time.
class LatencyPage : public QWidget {
    Q_OBJECT
public:
    explicit LatencyPage(Session* session, QWidget* parent = nullptr);
    ~LatencyPage() override;

    void setNode(const QString& node);
    LatencyEventsModel* events() const { return m_events; }
    LatencyProbe* probe() const { return m_probe.get(); }
    QPushButton* probeButton() const { return m_probeButton; }
    QPushButton* enableButton() const { return m_enable; }
    QString monitorText() const;
    QString probeText() const;
    QPlainTextEdit* doctorView() const { return m_doctor; }
    QTableView* eventsView() const { return m_view; }
    int historyPointCount() const;
    int latestBarCount() const;
    // Turns the server's monitor on with this threshold, once confirmed.
    void askToEnable();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void makeProbe();
    void updateMonitor();
    void updateProbe();
    void showHistory(const QString& event);
    void updateLatestChart();

    QPointer<Session> m_session;
    QString m_node;
    LatencyEventsModel* m_events;
    std::unique_ptr<LatencyProbe> m_probe;
    QLabel* m_monitorStatus;
    QPushButton* m_enable;
    QSpinBox* m_threshold;
    QPushButton* m_reset;
    QPushButton* m_doctorButton;
    QTableView* m_view;
    QChartView* m_eventChart;
    QChartView* m_latestChart;
    QBarSet* m_latestSet;
    QBarSet* m_maxSet;
    QBarCategoryAxis* m_latestAxis;
    QValueAxis* m_latestValue;
    QLineSeries* m_eventSeries;
    QDateTimeAxis* m_eventTime;
    QValueAxis* m_eventValue;
    QPlainTextEdit* m_doctor;
    QPushButton* m_probeButton;
    QPushButton* m_probeReset;
    QComboBox* m_historyInterval;
    QLabel* m_probeStatus;
    QChartView* m_distributionChart;
    QBarSet* m_distributionSet;
    QBarCategoryAxis* m_distributionAxis;
    QValueAxis* m_distributionValue;
    QChartView* m_historyChart;
    QLineSeries* m_historyMin;
    QLineSeries* m_historyAverage;
    QLineSeries* m_historyMax;
    QDateTimeAxis* m_historyTime;
    QValueAxis* m_historyValue;
    class QTimer* m_refreshTimer;
};

} // namespace vermilion::ui
