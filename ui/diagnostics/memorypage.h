#pragma once

#include "keyspace/memoryanalysis.h"

#include <QPointer>
#include <QWidget>

class QBarSet;
class QBarCategoryAxis;
class QChartView;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTableWidget;
class QValueAxis;

namespace vermilion {
class KeyDetailsModel;
class Session;
class TypeTotalsModel;
}

namespace vermilion::ui {

// Memory: MEMORY STATS broken down as a chart, MEMORY DOCTOR's advice, and the big-keys scan (like
// redis-cli --bigkeys, --memkeys and --hotkeys at once, on the MemoryAnalysis the key browser's
// analysis uses): per type the biggest keys by memory and by elements, the TTL distribution, hot
// keys (LFU only, the reason otherwise) and per-namespace totals. The scan is paced (COUNT, a pause
// between steps), shows progress, cancels, and its results export as JSON or CSV.
class MemoryPage : public QWidget {
    Q_OBJECT
public:
    explicit MemoryPage(Session* session, QWidget* parent = nullptr);

    // MEMORY STATS and DOCTOR of this node ("" = the session's default); the scan covers every master.
    void setNode(const QString& node);
    void startScan();
    void cancelScan();
    bool isScanning() const { return m_analysis != nullptr; }
    const MemoryReport& report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    // Writes the report (JSON when the name ends in .json, CSV otherwise) off the UI thread;
    // exportFinished() follows.
    void exportTo(const QString& fileName);
    QString statusText() const;
    QString statsText() const;
    QPushButton* scanButton() const { return m_scan; }
    QPushButton* exportButton() const { return m_export; }
    QTabWidget* results() const { return m_results; }
    TypeTotalsModel* typesModel() const { return m_types; }
    KeyDetailsModel* biggestModel() const { return m_biggest; }
    KeyDetailsModel* hottestModel() const { return m_hottest; }
    QLabel* hotKeysNote() const { return m_hotNote; }
    QPlainTextEdit* doctorView() const { return m_doctor; }
    QSpinBox* pauseBox() const { return m_pause; }
    QSpinBox* countBox() const { return m_count; }
    int statsBarCount() const;

signals:
    void openKeyRequested(const QByteArray& key);
    void exportFinished(const QString& fileName, const QString& error);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshStats();
    void showReport(const MemoryReport& report);
    void chooseExport();

    QPointer<Session> m_session;
    QString m_node;
    MemoryAnalysis* m_analysis = nullptr;
    MemoryReport m_report;
    bool m_hasReport = false;
    bool m_statsRead = false;
    QLabel* m_stats;
    QGridLayout* m_statsGrid = nullptr;
    int m_statsBars = 0;
    qint64 m_expectedKeys = 0;
    QPlainTextEdit* m_doctor;
    QPushButton* m_doctorButton;
    QSpinBox* m_count;
    QSpinBox* m_pause;
    QSpinBox* m_samples;
    QSpinBox* m_top;
    QPushButton* m_scan;
    QPushButton* m_export;
    QLabel* m_status;
    QTabWidget* m_results;
    TypeTotalsModel* m_types;
    KeyDetailsModel* m_biggest;
    KeyDetailsModel* m_mostElements;
    KeyDetailsModel* m_hottest;
    QLabel* m_hotNote;
    QChartView* m_ttlChart;
    QBarSet* m_ttlSet;
    QBarCategoryAxis* m_ttlAxis;
    QValueAxis* m_ttlValue;
    QTableWidget* m_namespaces;
};

} // namespace vermilion::ui
