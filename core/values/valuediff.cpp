#include "valuediff.h"

#include "formats/valueformat.h"
#include "util/posting.h"
#include "util/redistext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QThread>

#include <vector>

namespace vermilion {

namespace {

// The lines of a document, each as a hash and a view, compared by hash first.
struct Lines {
    std::vector<size_t> hashes;
    std::vector<QStringView> text;
    bool equal(qint64 i, const Lines& other, qint64 j) const
    {
        return hashes[size_t(i)] == other.hashes[size_t(j)] && text[size_t(i)] == other.text[size_t(j)];
    }
};

Lines linesOf(const TextDocument& document, const std::atomic<bool>* cancel)
{
    Lines lines;
    const qint64 count = document.lineCount();
    lines.hashes.reserve(size_t(count));
    lines.text.reserve(size_t(count));
    const QString& content = document.content();
    qsizetype start = 0;
    for (qint64 i = 0; i < count; ++i) {
        if (cancel && (i & 4095) == 0 && cancel->load(std::memory_order_relaxed))
            return {};
        const qsizetype length = document.lineLength(i);
        const QStringView view = QStringView(content).mid(start, length);
        lines.text.push_back(view);
        lines.hashes.push_back(qHash(view));
        start += length + 1; // the '\n'
    }
    return lines;
}

} // namespace

ValueDiff ValueDiff::compute(QString mine, QString theirs, const std::atomic<bool>* cancel, qint64 maxEdits)
{
    QElapsedTimer clock;
    clock.start();
    ValueDiff diff;
    auto mineDocument = std::make_shared<TextDocument>(std::move(mine), cancel);
    auto theirsDocument = std::make_shared<TextDocument>(std::move(theirs), cancel);
    diff.mine = mineDocument;
    diff.theirs = theirsDocument;
    if (cancel && cancel->load())
        return diff;
    const Lines a = linesOf(*mineDocument, cancel);
    const Lines b = linesOf(*theirsDocument, cancel);
    if (cancel && cancel->load())
        return diff;
    const qint64 n = qint64(a.hashes.size());
    const qint64 m = qint64(b.hashes.size());

    // The common first and last lines need no search.
    qint64 head = 0;
    while (head < n && head < m && a.equal(head, b, head))
        ++head;
    qint64 tail = 0;
    while (tail < n - head && tail < m - head && a.equal(n - 1 - tail, b, m - 1 - tail))
        ++tail;
    const qint64 n1 = n - head - tail;
    const qint64 m1 = m - head - tail;
    if (n1 == 0 && m1 == 0) {
        diff.milliseconds = clock.elapsed();
        return diff;
    }

    // Myers: V[k] is the furthest x on diagonal k after d edits; each round's V is kept for the
    // way back. At most maxEdits rounds, so memory stays below maxEdits^2 numbers.
    const qint64 limit = qMin(n1 + m1, maxEdits);
    const qint64 offset = limit + 1;
    std::vector<qint64> v(size_t(2 * offset + 1), 0);
    std::vector<std::vector<qint64>> trace;
    qint64 found = -1;
    for (qint64 d = 0; d <= limit && found < 0; ++d) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return diff;
        trace.push_back(v);
        for (qint64 k = -d; k <= d; k += 2) {
            qint64 x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            qint64 y = x - k;
            while (x < n1 && y < m1 && a.equal(head + x, b, head + y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n1 && y >= m1) {
                found = d;
                break;
            }
        }
    }
    if (found < 0) {
        // Too different to follow line by line: the middle is one change.
        diff.approximate = true;
        diff.hunks.append({ head, n1, head, m1 });
        diff.milliseconds = clock.elapsed();
        return diff;
    }

    // Back from the end: each round is one line removed (from mine) or added (from theirs),
    // after a run of equal lines. Collected backwards, then merged into hunks going forwards.
    struct Edit {
        qint64 x;
        qint64 y;
        bool removal;
    };
    std::vector<Edit> edits;
    qint64 x = n1;
    qint64 y = m1;
    for (qint64 d = found; d > 0; --d) {
        const std::vector<qint64>& previous = trace[size_t(d)];
        const qint64 k = x - y;
        const bool down = k == -d || (k != d && previous[size_t(offset + k - 1)] < previous[size_t(offset + k + 1)]);
        const qint64 previousK = down ? k + 1 : k - 1;
        const qint64 previousX = previous[size_t(offset + previousK)];
        const qint64 previousY = previousX - previousK;
        // The snake: equal lines back to the edit.
        while (x > previousX && y > previousY) {
            --x;
            --y;
        }
        if (down)
            edits.push_back({ previousX, previousY, false }); // theirs' line previousY was added
        else
            edits.push_back({ previousX, previousY, true }); // mine's line previousX was removed
        x = previousX;
        y = previousY;
    }
    std::reverse(edits.begin(), edits.end());
    for (const Edit& edit : edits) {
        const qint64 mineLine = head + edit.x;
        const qint64 theirsLine = head + edit.y;
        if (!diff.hunks.isEmpty()) {
            DiffHunk& last = diff.hunks.last();
            if (last.mineFirst + last.mineCount == mineLine && last.theirsFirst + last.theirsCount == theirsLine) {
                (edit.removal ? last.mineCount : last.theirsCount) += 1;
                continue;
            }
        }
        diff.hunks.append(
            edit.removal ? DiffHunk { mineLine, 1, theirsLine, 0 } : DiffHunk { mineLine, 0, theirsLine, 1 });
    }
    diff.milliseconds = clock.elapsed();
    return diff;
}

QString ValueDiffer::textOf(const DiffSide& side)
{
    // Line by line: each line escaped as the editors escape bytes, the line breaks kept, so a
    // value of many lines is compared by line and not as one long escaped line.
    QString text;
    const formats::ValueFormat* format
        = side.formatId.isEmpty() ? nullptr : formats::FormatRegistry::instance().find(side.formatId);
    formats::DecodedValue decoded;
    if (side.placeholder.isEmpty() && format)
        decoded = side.prefix ? format->decodePrefix(side.bytes) : format->decode(side.bytes);
    if (!side.placeholder.isEmpty()) {
        text = side.placeholder;
    } else if (decoded.ok) {
        text = std::move(decoded.text);
    } else {
        const QByteArray& bytes = side.bytes;
        text.reserve(bytes.size());
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = bytes.indexOf('\n', start);
            const qsizetype length = (end < 0 ? bytes.size() : end) - start;
            text += RedisText::escape(QByteArray::fromRawData(bytes.constData() + start, length));
            if (end < 0)
                break;
            text += QLatin1Char('\n');
            start = end + 1;
        }
    }
    if (!side.note.isEmpty())
        text += QLatin1Char('\n') + side.note;
    return text;
}

ValueDiffer::ValueDiffer(QObject* parent)
    : QObject(parent)
{
}

ValueDiffer::~ValueDiffer()
{
    cancel();
}

void ValueDiffer::start(DiffSide mine, DiffSide theirs)
{
    const PoolJob::Start job = m_job.start();
    QThread* home = thread();
    runInPool([mine = std::move(mine), theirs = std::move(theirs), cancel = job.cancel, ticket = job.ticket, home,
                  self = QPointer<ValueDiffer>(this)]() mutable {
        ValueDiff diff = ValueDiff::compute(textOf(mine), textOf(theirs), cancel.get());
        if (cancel->load())
            return;
        postToThread(home, [self = std::move(self), ticket, diff = std::move(diff)] {
            if (self && self->m_job.finish(ticket))
                emit self->finished(diff);
        });
    });
}

} // namespace vermilion
