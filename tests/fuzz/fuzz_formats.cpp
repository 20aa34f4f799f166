// libFuzzer target: the value formats, which parse untrusted bytes from Redis. Every format must
// detect and decode anything without crashing, hanging or allocating without bound; a failure must
// say why; and what an editable format shows must save and show again unchanged.
#include "formats/valueformat.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion::formats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const FormatRegistry& registry = FormatRegistry::instance();
    if (!registry.detect(bytes))
        std::abort(); // there is always a fallback

    const QList<const ValueFormat*> formats = registry.all();
    for (const ValueFormat* format : formats) {
        const int score = format->detect(bytes);
        if (score < 0 || score > 100)
            std::abort();
        const DecodedValue value = format->decode(bytes);
        if (!value.ok) {
            if (value.error.isEmpty() || !value.text.isEmpty())
                std::abort(); // a refusal always says why, and shows nothing
            continue;
        }
        if (!value.editable) {
            if (value.readOnlyReason.isEmpty())
                std::abort();
            continue;
        }
        // What decode shows, encode takes back.
        QString error;
        const QByteArray saved = format->encode(value.text, &error);
        if (!error.isEmpty())
            std::abort();
        const DecodedValue again = format->decode(saved);
        if (!again.ok || !again.editable)
            std::abort();
        const QString id = format->id();
        if (id == QLatin1String("json")) {
            // Saving normalises JSON (compact, keys sorted, numbers rewritten) once; after that it is
            // stable.
            if (format->encode(again.text, &error) != saved || !error.isEmpty())
                std::abort();
        } else if (again.text != value.text) {
            std::abort(); // the payload came back with other bytes
        }
        // These write exactly what they read: opening and saving changes nothing.
        if ((id == QLatin1String("text") || id == QLatin1String("hex") || id == QLatin1String("base64"))
            && saved != bytes)
            std::abort();
    }
    return 0;
}
