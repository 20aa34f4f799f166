#include "base64format.h"
#include "gzipformat.h"
#include "hexformat.h"
#include "jsonformat.h"
#include "lz4format.h"
#include "msgpackformat.h"
#include "nippyformat.h"
#include "snappyformat.h"
#include "textformat.h"
#include "valueformat.h"
#include "zlibformat.h"
#include "zstdformat.h"

namespace vermilion::formats {

DecodedValue ValueFormat::decodePrefix(const QByteArray& bytes) const
{
    DecodedValue value = decode(bytes);
    value.editable = false;
    return value;
}

FormatRegistry& FormatRegistry::instance()
{
    // Built on first use, thread-safely; after start-up registration it is only read, from any thread.
    static FormatRegistry registry;
    return registry;
}

FormatRegistry::FormatRegistry()
{
    add(std::make_unique<TextFormat>());
    add(std::make_unique<JsonFormat>());
    add(std::make_unique<HexFormat>());
    add(std::make_unique<Base64Format>());
    add(std::make_unique<GzipFormat>());
    add(std::make_unique<ZlibFormat>());
    add(std::make_unique<Lz4Format>());
    add(std::make_unique<ZstdFormat>());
    add(std::make_unique<SnappyFormat>());
    add(std::make_unique<SnappyFramedFormat>());
    add(std::make_unique<MsgPackFormat>());
    add(std::make_unique<NippyFormat>());
}

void FormatRegistry::add(std::unique_ptr<ValueFormat> format)
{
    Q_ASSERT(format);
    Q_ASSERT_X(!find(format->id()), "FormatRegistry::add", "format id registered twice");
    if (format && !find(format->id()))
        m_formats.push_back(std::move(format));
}

const ValueFormat* FormatRegistry::find(const QString& id) const
{
    for (const auto& format : m_formats) {
        if (format->id() == id)
            return format.get();
    }
    return nullptr;
}

QList<const ValueFormat*> FormatRegistry::all() const
{
    QList<const ValueFormat*> formats;
    formats.reserve(qsizetype(m_formats.size()));
    for (const auto& format : m_formats)
        formats.append(format.get());
    return formats;
}

const ValueFormat* FormatRegistry::detect(QByteArrayView bytes) const
{
    const QString text = QStringLiteral("text");
    const QString hex = QStringLiteral("hex");
    const ValueFormat* best = nullptr;
    int bestScore = 0;
    bool plainText = false;
    for (const auto& format : m_formats) {
        const QString id = format->id();
        if (id == hex)
            continue; // the fallback, decided below
        const int score = format->detect(bytes);
        if (id == text)
            plainText = score > 0;
        if (score > bestScore) { // on a tie the format registered first wins
            best = format.get();
            bestScore = score;
        }
    }
    if (best && best->id() != text)
        return best;
    const ValueFormat* fallback = find(plainText ? text : hex);
    return fallback ? fallback : (m_formats.empty() ? nullptr : m_formats.front().get());
}

} // namespace vermilion::formats
