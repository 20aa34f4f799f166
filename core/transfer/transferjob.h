#pragma once

#include "transferformat.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace vermilion {
class Session;
}

namespace vermilion::transfer {

// What to do with a key that already exists on the target.
enum class ConflictPolicy {
    Skip, // leave the existing key, count the incoming one as skipped
    Replace, // overwrite it
    Rename, // write the incoming key under a free name: key + suffix (+ ":2", ":3"...)
};

// Which keys: the ones named, or every key SCAN's MATCH pattern finds (a folder is "prefix:*", a
// database or a whole cluster is "", every master of a cluster with a cursor each).
struct KeyScope {
    QList<QByteArray> keys; // an explicit selection; empty = scan
    QByteArray match; // SCAN MATCH pattern; empty = every key
};

// Pacing for production: SCAN's COUNT, keys per pipelined batch, and a pause between batches.
struct Pacing {
    int scanCount = 1000;
    int batchKeys = 1000;
    int pauseMs = 0;
    int pageElements = 1000; // elements per read of a big collection (HSCAN/SSCAN/LRANGE/ZRANGE/XRANGE)
    qint64 wholeStringBytes = 4 * 1024 * 1024; // strings up to this are read whole, bigger ones in pages
    qint64 stringPageBytes = 3 * 1024 * 1024; // GETRANGE page; a multiple of 3, so base64 pieces join
};

struct TransferProgress {
    qint64 keys = 0; // keys done (written to the file, or to the target)
    qint64 skipped = 0;
    qint64 failed = 0;
    qint64 bytes = 0; // bytes written to or read from the file, or payload bytes copied
    qint64 total = -1; // the keys to do, when known (a selection, or the file's size in bytes for imports)
    qint64 position = 0; // bytes of the file read so far (imports)
};

// The end of a job: exact counts of what was done, however it ended.
struct TransferSummary {
    qint64 keys = 0; // exported, or created on the target (replaced and renamed included)
    qint64 created = 0;
    qint64 replaced = 0;
    qint64 renamed = 0;
    qint64 skipped = 0; // existed (Skip policy), vanished before they were read, or had expired
    qint64 failed = 0;
    qint64 rebuilt = 0; // copied element by element where RESTORE refused the payload's RDB version
    qint64 bytes = 0;
    bool cancelled = false;
    bool dryRun = false;
    QString error; // what ended the job early, if anything
    QStringList problems; // the first reasons for skipped and failed keys
    static constexpr int maxProblems = 100;
    void addProblem(const QString& problem)
    {
        if (problems.size() < maxProblems)
            problems.append(problem);
    }
};

struct ExportOptions {
    Format format = Format::Dump;
    QString fileName;
    KeyScope scope;
    Pacing pacing;
};

struct ImportOptions {
    Format format = Format::Dump;
    QString fileName;
    ConflictPolicy policy = ConflictPolicy::Skip;
    QByteArray renameSuffix = ":imported";
    bool dryRun = false; // only counts what would happen; writes nothing
    Pacing pacing;
};

struct CopyOptions {
    KeyScope scope;
    ConflictPolicy policy = ConflictPolicy::Skip;
    QByteArray renameSuffix = ":copy";
    bool dryRun = false;
    Pacing pacing;
    // Tests only: changes each DUMP payload before it is sent to the target, to make the target's
    // own RESTORE refuse it (a payload of a newer RDB version) and so take the rebuild path.
    std::function<QByteArray(const QByteArray&)> payloadFilter;
};

class TransferWorker;
struct TransferMailbox;

// One export, import or copy, run in a thread of its own so that encoding and disk writes never
// hold up the caller's thread. Created in the caller's thread (the UI), which gets progress() and
// finished() there. Deleting the job cancels it and waits for its thread.
class TransferJob : public QObject {
    Q_OBJECT
public:
    static TransferJob* exportKeys(Session* source, const ExportOptions& options, QObject* parent = nullptr);
    static TransferJob* importFile(Session* target, const ImportOptions& options, QObject* parent = nullptr);
    static TransferJob* copyKeys(Session* source, Session* target, const CopyOptions& options, QObject* parent = nullptr);
    ~TransferJob() override;

    void start();
    // Stops reading; what was sent is still answered and counted, then finished() comes with
    // cancelled set and exact counts.
    void cancel();
    bool isRunning() const { return m_running; }
    TransferProgress lastProgress() const { return m_progress; }
    TransferSummary summary() const { return m_summary; }

signals:
    void progress(const vermilion::transfer::TransferProgress& progress);
    void finished(const vermilion::transfer::TransferSummary& summary);

private:
    explicit TransferJob(TransferWorker* worker, QObject* parent);

    TransferWorker* m_worker;
    QThread* m_thread;
    std::shared_ptr<TransferMailbox> m_mailbox;
    bool m_running = false;
    bool m_started = false;
    TransferProgress m_progress;
    TransferSummary m_summary;
};

} // namespace vermilion::transfer

Q_DECLARE_METATYPE(vermilion::transfer::TransferProgress)
Q_DECLARE_METATYPE(vermilion::transfer::TransferSummary)
