#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vermilion {
class BulkKeyJob;
class MemoryAnalysis;
class Session;
struct MemoryReport;
} // namespace vermilion

namespace vermilion::ui {

// Runs a long key job with progress and cancel: a bulk delete or TTL change on a pattern (after
// counting and confirming), or a memory analysis with its report.
class KeyJobDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Delete, SetTtl, RemoveTtl, Memory };

    KeyJobDialog(
        Session* session, Kind kind, const QByteArray& pattern, const QString& scopeName, QWidget* parent = nullptr);

    void setTtlMs(qint64 ttlMs) { m_ttlMs = ttlMs; }
    void setSeparator(const QByteArray& separator) { m_separator = separator; }
    // Counts first (bulk jobs) or starts at once (memory).
    void start();
    qint64 affected() const { return m_affected; }
    bool changedKeys() const { return m_affected > 0; }

private:
    void onCounted(qint64 count);
    void runBulk();
    void showReport(const MemoryReport& report);
    void finishWith(const QString& text, bool error = false);

    Session* m_session;
    Kind m_kind;
    QByteArray m_pattern;
    QString m_scope;
    QByteArray m_separator = ":";
    qint64 m_ttlMs = 0;
    qint64 m_total = 0;
    qint64 m_affected = 0;
    QLabel* m_text;
    QProgressBar* m_progress;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QTableWidget* m_namespaces = nullptr;
    QTableWidget* m_biggest = nullptr;
    BulkKeyJob* m_job = nullptr;
    MemoryAnalysis* m_analysis = nullptr;
};

} // namespace vermilion::ui
