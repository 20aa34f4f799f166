// libFuzzer target: RESP bytes from a hostile or broken server, fed in arbitrary pieces, through the
// reader and the conversion to Reply and to display text.
#include "client/replyreader.h"

#include <QCoreApplication>
#include <cstdint>
#include <cstdlib>

using namespace vermilion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the piece size, so that replies split across reads are explored too.
    const size_t piece = 1 + data[0] % 64;
    ++data;
    --size;
    ReplyReader reader;
    Reply reply;
    Reply::DisplayLimits limits;
    limits.maxStringBytes = 256;
    limits.maxElements = 64;
    for (size_t offset = 0; offset < size; offset += piece) {
        const size_t length = std::min(piece, size - offset);
        if (!reader.feed(reinterpret_cast<const char*>(data + offset), qsizetype(length)))
            return 0;
        while (true) {
            const ReplyReader::Result result = reader.next(&reply);
            if (result == ReplyReader::Result::ProtocolError) {
                if (reader.errorString().isEmpty())
                    std::abort(); // an error must always be explained
                return 0;
            }
            if (result == ReplyReader::Result::NeedMoreData)
                break;
            const QString text = reply.toDisplayString(limits);
            const Reply copy = reply;
            if (!(copy == reply))
                std::abort();
            (void)text;
        }
    }
    return 0;
}
