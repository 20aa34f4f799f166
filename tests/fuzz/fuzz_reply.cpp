// libFuzzer target: RESP bytes from a hostile or broken server, fed in arbitrary pieces, through the
// reader and the conversion to Reply and to display text. A second reader packs the strings of
// nested arrays (as for SCAN pages): it must give the same replies and the same errors.
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
    ReplyReader packing;
    packing.setPackStrings(true);
    Reply reply;
    Reply packed;
    Reply::DisplayLimits limits;
    limits.maxStringBytes = 256;
    limits.maxElements = 64;
    for (size_t offset = 0; offset < size; offset += piece) {
        const size_t length = std::min(piece, size - offset);
        const bool fed = reader.feed(reinterpret_cast<const char*>(data + offset), qsizetype(length));
        if (fed != packing.feed(reinterpret_cast<const char*>(data + offset), qsizetype(length)))
            std::abort();
        if (!fed)
            return 0;
        while (true) {
            const ReplyReader::Result result = reader.next(&reply);
            if (packing.next(&packed) != result)
                std::abort();
            if (result == ReplyReader::Result::ProtocolError) {
                if (reader.errorString().isEmpty() || packing.errorString() != reader.errorString())
                    std::abort(); // an error must always be explained, the same way
                return 0;
            }
            if (result == ReplyReader::Result::NeedMoreData)
                break;
            const QString text = reply.toDisplayString(limits);
            const Reply copy = reply;
            if (!(copy == reply))
                std::abort();
            // Sizes first: they come from the packed strings without unpacking them.
            if (packed.size() != reply.size())
                std::abort();
            for (qsizetype i = 0; i < reply.size(); ++i) {
                if (packed.at(i).size() != reply.at(i).size())
                    std::abort();
                if (const auto strings = packed.at(i).packedStrings()) {
                    for (qsizetype k = 0; k < strings->size(); ++k) {
                        if (strings->at(k) != reply.at(i).at(k).bytes() || !reply.at(i).at(k).isString())
                            std::abort();
                    }
                }
            }
            if (!(packed == reply) || packed.toDisplayString(limits) != text)
                std::abort();
            (void)text;
        }
    }
    return 0;
}
