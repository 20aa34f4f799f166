// libFuzzer target: INFO text from a hostile or broken server through the parser and every typed view
// of it, and through the sample computation against the previous input.
#include "dashboard/infodetails.h"
#include "dashboard/infopoller.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    const ServerInfo info = ServerInfo::parse(text);
    for (const auto& section : info.sections()) {
        for (const auto& field : section.fields) {
            if (field.name.isEmpty())
                std::abort(); // a field always has a name
        }
    }
    (void)info.keyspace();
    (void)InfoDetails::commandStats(info);
    (void)InfoDetails::errorStats(info);
    (void)InfoDetails::latencyStats(info);
    (void)InfoDetails::modules(info);
    (void)InfoDetails::replicas(info);
    const qsizetype half = text.size() / 2;
    const ServerInfo previous = ServerInfo::parse(text.left(half));
    (void)InfoPoller::makeSample(previous, info, 1000, 0);
    return 0;
}
