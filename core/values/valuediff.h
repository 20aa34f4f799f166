#pragma once

#include "util/jobtracker.h"
#include "values/valuedocument.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

namespace vermilion {

// One difference between two texts: lines [mineFirst, mineFirst + mineCount) of one side stand
// where lines [theirsFirst, theirsFirst + theirsCount) of the other do. A count of 0 means the
// lines were only on the other side.
struct DiffHunk {
    qint64 mineFirst = 0;
    qint64 mineCount = 0;
    qint64 theirsFirst = 0;
    qint64 theirsCount = 0;
    friend bool operator==(const DiffHunk&, const DiffHunk&) = default;
};

// Two texts side by side with their differences by line, as the conflict dialog shows them.
struct ValueDiff {
    std::shared_ptr<const TextDocument> mine;
    std::shared_ptr<const TextDocument> theirs;
    QList<DiffHunk> hunks;
    // More differences than the diff follows in detail: after the common start and end, the
    // middle is one hunk.
    bool approximate = false;
    qint64 milliseconds = 0;

    // The line diff of two texts (Myers' algorithm, after the common first and last lines are set
    // aside), at most maxEdits lines added or removed in detail. Stops early when cancel is set.
    static ValueDiff compute(QString mine, QString theirs, const std::atomic<bool>* cancel = nullptr,
        qint64 maxEdits = 4000);
};

// One side of a conflict: the value's bytes, each line escaped as the editors escape bytes (the
// line breaks kept), or a sentence in their place ("(remove it)"), and a note under them.
struct DiffSide {
    QByteArray bytes;
    QString placeholder; // shown instead of the bytes when set
    QString note; // appended on a line of its own when set
    // The format the user edits the value in: the bytes are shown as it decodes them (a gzip
    // value as its text, not as compressed bytes). Empty, or bytes it cannot decode: escaped.
    QString formatId;
    bool prefix = false; // the bytes are the start of a longer value
};

// Escapes both sides and diffs them on the thread pool, so a conflict on a 100 MB value never
// blocks the window. A new start() cancels the one before it.
class ValueDiffer : public QObject {
    Q_OBJECT
public:
    explicit ValueDiffer(QObject* parent = nullptr);
    ~ValueDiffer() override;

    void start(DiffSide mine, DiffSide theirs);
    void cancel() { m_job.cancel(); }
    bool isBusy() const { return m_job.isBusy(); }

    static QString textOf(const DiffSide& side);

signals:
    void finished(const vermilion::ValueDiff& diff);

private:
    PoolJob m_job;
};

} // namespace vermilion
