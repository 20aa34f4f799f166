#include "valuerenderer.h"

#include "formats/valueformat.h"
#include "util/posting.h"

#include <QPointer>
#include <QThreadPool>

namespace vermilion {

using formats::FormatRegistry;

namespace {
bool isCancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}
} // namespace

ValueRenderer::ValueRenderer(QObject* parent)
    : QObject(parent)
{
}

ValueRenderer::~ValueRenderer()
{
    // Stops the worker without a signal: whoever listens may be half destroyed by now (the
    // renderer is usually a child of the widget it renders for).
    m_job.cancel();
}

RenderedValue ValueRenderer::renderNow(const RenderRequest& request, const std::atomic<bool>* cancel)
{
    QElapsedTimer clock;
    clock.start();
    RenderedValue result;
    const FormatRegistry& registry = FormatRegistry::instance();
    const formats::ValueFormat* format = nullptr;
    if (request.formatId.isEmpty()) {
        format = registry.detect(request.bytes);
        // JSON is recognised by its closing bracket, which a preview does not have: a prefix
        // that opens like JSON and pretty-prints up to its end is taken for JSON.
        if (request.prefix && format && format->id() == QLatin1String("text")) {
            const QByteArray start = request.bytes.left(64).trimmed();
            const formats::ValueFormat* json = registry.find(QStringLiteral("json"));
            if (json && (start.startsWith('{') || start.startsWith('[')) && json->decodePrefix(request.bytes).ok)
                format = json;
        }
        result.detectedId = format ? format->id() : QString();
    } else {
        format = registry.find(request.formatId);
    }
    const formats::ValueFormat* hex = registry.find(QStringLiteral("hex"));
    const auto showHex = [&] {
        result.formatId = QStringLiteral("hex");
        result.editable = !request.prefix;
        // Hex text is five times the bytes: only small values get it spelled out for editing.
        if (hex && !request.prefix && request.bytes.size() * 5 <= request.inPlaceLimit) {
            formats::DecodedValue decoded = hex->decode(request.bytes);
            result.document = std::make_shared<TextDocument>(std::move(decoded.text), cancel);
            result.inPlace = true;
        } else {
            result.document = std::make_shared<HexDocument>(request.bytes);
        }
    };
    if (!format || format == hex) {
        showHex();
    } else {
        formats::DecodedValue decoded
            = request.prefix ? format->decodePrefix(request.bytes) : format->decode(request.bytes);
        if (isCancelled(cancel))
            return result;
        if (!decoded.ok) {
            result.error = QObject::tr("Not %1: %2").arg(format->name(), decoded.error);
            showHex();
        } else {
            result.formatId = format->id();
            result.note = decoded.note;
            result.editable = decoded.editable && !request.prefix;
            result.readOnlyReason = decoded.readOnlyReason;
            const qint64 size = decoded.text.size();
            result.document = std::make_shared<TextDocument>(std::move(decoded.text), cancel);
            result.inPlace = result.editable && size <= request.inPlaceLimit;
        }
    }
    result.milliseconds = clock.elapsed();
    return result;
}

void ValueRenderer::render(RenderRequest request)
{
    const bool wasBusy = m_job.isBusy();
    if (wasBusy)
        emit cancelled();
    const PoolJob::Start job = m_job.start();
    m_clock.start();
    if (!wasBusy)
        emit busyChanged(true);
    QThread* home = thread();
    // runInPool: the hand-over stays visible to ThreadSanitizer (util/posting.h).
    runInPool([request = std::move(request), cancel = job.cancel, ticket = job.ticket, home,
                  self = QPointer<ValueRenderer>(this)]() mutable {
        RenderedValue result = renderNow(request, cancel.get());
        request.bytes.clear(); // released here, not by whoever drops the job
        if (cancel->load())
            return;
        postToThread(home, [self = std::move(self), ticket, result = std::move(result)] {
            if (!self || !self->m_job.finish(ticket))
                return;
            emit self->busyChanged(false);
            emit self->finished(result);
        });
    });
}

void ValueRenderer::cancel()
{
    if (m_job.cancel()) {
        emit busyChanged(false);
        emit cancelled();
    }
}

DocumentSearch::DocumentSearch(QObject* parent)
    : QObject(parent)
{
}

DocumentSearch::~DocumentSearch()
{
    cancel();
}

void DocumentSearch::find(std::shared_ptr<const ValueDocument> document, const QString& needle, DocumentPosition start,
    bool backward, Qt::CaseSensitivity cs)
{
    m_job.cancel();
    if (!document)
        return;
    const PoolJob::Start job = m_job.start();
    QThread* home = thread();
    runInPool( // as in ValueRenderer::render
        [document = std::move(document), needle, start, backward, cs, cancel = job.cancel, ticket = job.ticket, home,
            self = QPointer<DocumentSearch>(this)]() mutable {
            DocumentMatch match = document->find(needle, start, backward, cs, cancel.get());
            bool wrapped = false;
            if (!match.found && !cancel->load()) {
                // Round the end, as editors do, and say so.
                const DocumentPosition restart = backward
                    ? DocumentPosition { document->lineCount() - 1, document->lineLength(document->lineCount() - 1) }
                    : DocumentPosition {};
                match = document->find(needle, restart, backward, cs, cancel.get());
                wrapped = match.found;
            }
            document.reset();
            if (cancel->load())
                return;
            postToThread(home, [self = std::move(self), ticket, match, wrapped] {
                if (self && self->m_job.finish(ticket))
                    emit self->found(match, wrapped);
            });
        });
}

} // namespace vermilion
