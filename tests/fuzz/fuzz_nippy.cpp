// libFuzzer target: the Nippy format, which parses untrusted bytes from Redis. Each input is tried
// as it is and behind each framing (a bare header; Carmine's frozen marker \0>; its raw-bytes
// marker \0<, which Carmine thaws when Nippy follows), so that the fuzzer reaches the typed values
// without having to find the header first. Nothing may crash, hang
// or allocate without bound; a refusal says why and shows nothing; a success is read-only EDN.
#include "formats/valueformat.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion::formats;

namespace {
void check(const ValueFormat* format, const QByteArray& bytes)
{
    const int score = format->detect(bytes);
    if (score < 0 || score > 100)
        std::abort();
    const DecodedValue value = format->decode(bytes);
    if (!value.ok) {
        if (value.error.isEmpty() || !value.text.isEmpty())
            std::abort();
        return;
    }
    if (value.editable || value.readOnlyReason.isEmpty() || value.text.isEmpty())
        std::abort();
    if (value.text.size() > qsizetype(17) * 1024 * 1024)
        std::abort(); // 16 MiB of EDN plus a short comment at most
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const ValueFormat* format = FormatRegistry::instance().find(QStringLiteral("nippy"));
    if (!format)
        std::abort();
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    check(format, bytes);
    check(format, QByteArrayLiteral("NPY") + '\0' + bytes);
    check(format, QByteArray("\0>NPY\0", 6) + bytes);
    check(format, QByteArray("\0<NPY\0", 6) + bytes);
    return 0;
}
