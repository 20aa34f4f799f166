#pragma once

#include "valuedocument.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include "util/jobtracker.h"

namespace vermilion {

// What to show: bytes in a format (detected when formatId is empty), whole or a preview prefix.
struct RenderRequest {
    QByteArray bytes;
    QString formatId;
    bool prefix = false;
    // Editable values whose text is at most this many characters come back with inPlace set:
    // small enough for an ordinary text editor. Bigger ones are for the paged viewer only.
    qint64 inPlaceLimit = 256 * 1024;
};

struct RenderedValue {
    QString formatId; // the format shown: hex when the requested one did not fit
    QString detectedId; // set when the request asked for detection
    QString error; // why the requested format did not fit, or empty
    QString note; // e.g. that a compressed prefix was shown
    bool editable = false;
    QString readOnlyReason;
    bool inPlace = false;
    std::shared_ptr<const ValueDocument> document;
    qint64 milliseconds = 0; // time spent on the worker
};

// Decodes and lays out values on a worker thread: detection, decompression, pretty-printing and
// the line index of the result all happen there. One request at a time: a new one cancels the one
// before (its result is dropped, and the stages that can stop early do). Results arrive in the
// renderer's own thread; an old request's result never arrives after a newer one's.
class ValueRenderer : public QObject {
    Q_OBJECT
public:
    explicit ValueRenderer(QObject* parent = nullptr);
    ~ValueRenderer() override;

    // Done on the calling thread, for callers without an event loop (the worker's code path).
    static RenderedValue renderNow(const RenderRequest& request, const std::atomic<bool>* cancel = nullptr);

    void render(RenderRequest request);
    void cancel();
    bool isBusy() const { return m_job.isBusy(); }
    // How long the current request has been running, or -1.
    qint64 elapsed() const { return m_job.isBusy() ? m_clock.elapsed() : -1; }

signals:
    void finished(const vermilion::RenderedValue& value);
    void cancelled();
    void busyChanged(bool busy);

private:
    PoolJob m_job;
    QElapsedTimer m_clock;
};

// Finds text in a document on a worker, with the same one-at-a-time rule as ValueRenderer.
class DocumentSearch : public QObject {
    Q_OBJECT
public:
    explicit DocumentSearch(QObject* parent = nullptr);
    ~DocumentSearch() override;

    void find(std::shared_ptr<const ValueDocument> document, const QString& needle, DocumentPosition start,
        bool backward, Qt::CaseSensitivity cs);
    void cancel() { m_job.cancel(); }
    bool isBusy() const { return m_job.isBusy(); }

signals:
    void found(const vermilion::DocumentMatch& match, bool wrapped);

private:
    PoolJob m_job;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::RenderedValue)
Q_DECLARE_METATYPE(vermilion::DocumentMatch)
