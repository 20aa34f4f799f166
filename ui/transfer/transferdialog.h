#pragma once

#include "transfer/transferjob.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace vermilion {
class Session;
}

namespace vermilion::ui {

// Export keys to a file, import a file, or copy keys to another open connection: the choices, then
// the job with progress, cancel and an exact summary. Not modal: the user can go on working while
// a long job runs, and closing the dialog asks before it stops a job.
class TransferDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Export, Import, Copy };

    // scope: what was selected where the dialog was opened from (keys, a folder's pattern, or
    // nothing for the whole database); scopeText names it for the user.
    TransferDialog(Mode mode, Session* session, const transfer::KeyScope& scope, const QString& scopeText,
        QWidget* parent = nullptr);
    ~TransferDialog() override;

    // The connections a copy can go to (the main window's open sessions).
    static void setOpenSessions(std::function<QList<Session*>()> provider);
    // Whether a running job reads or writes through this session: it must not be closed then.
    static bool isSessionInUse(const Session* session);

    // For tests: the choices, and running without the dialogs around it.
    void setFileName(const QString& fileName);
    void setFormat(transfer::Format format);
    void setPolicy(transfer::ConflictPolicy policy);
    void setTarget(Session* target);
    void setConfirmReplace(bool confirm) { m_confirmReplace = confirm; }
    void run(bool dryRun = false);
    void cancel();
    bool isRunning() const { return m_job && m_job->isRunning(); }
    transfer::TransferSummary summary() const { return m_summary; }
    QString statusText() const;

signals:
    void finished(const vermilion::transfer::TransferSummary& summary);
    // Keys changed on this connection (an import or a copy into it): the key browser reloads.
    void keysChanged();

protected:
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    void browse();
    void updateState();
    void onProgress(const transfer::TransferProgress& progress);
    void onFinished(const transfer::TransferSummary& summary);
    void start(bool dryRun);
    transfer::KeyScope chosenScope() const;
    transfer::Pacing pacing() const;
    Session* chosenTarget() const;
    void saveSettings() const;
    QString defaultFileName() const;
    QString formatSettingsKey() const;
    void releaseSessions();

    Mode m_mode;
    QPointer<Session> m_session;
    transfer::KeyScope m_scope;
    QString m_scopeText;
    bool m_confirmReplace = true;

    QRadioButton* m_scopeSelection = nullptr;
    QRadioButton* m_scopePattern = nullptr;
    QRadioButton* m_scopeAll = nullptr;
    QLineEdit* m_pattern = nullptr;
    QComboBox* m_format = nullptr;
    QLabel* m_formatNote = nullptr;
    QLineEdit* m_file = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_policy = nullptr;
    QLineEdit* m_suffix = nullptr;
    QSpinBox* m_scanCount = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_pause = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPlainTextEdit* m_problems = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_dryRunButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;

    transfer::TransferJob* m_job = nullptr;
    QList<const Session*> m_inUse; // the sessions the running job uses
    transfer::TransferSummary m_summary;
    bool m_dryRun = false;
};

} // namespace vermilion::ui
