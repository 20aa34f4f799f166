// libFuzzer target: what a hostile or broken cluster node can answer about the cluster: CLUSTER
// NODES text, and CLUSTER SHARDS / CLUSTER SLOTS / COMMAND replies (RESP bytes parsed first), through
// the parsers the router and the cluster view use, and the key-slot rule on the same bytes.
#include "client/clusterslots.h"
#include "client/clustertopology.h"
#include "client/commandkeys.h"
#include "client/replyreader.h"
#include "dashboard/clusternodesmodel.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const auto& node : ClusterNodesModel::parse(bytes)) {
        if (node.slotCount() < 0 || node.slotCount() > 16384 * 64)
            std::abort();
        (void)ClusterNodesModel::slotText(node);
    }
    const int slot = ClusterSlots::slotOf(bytes);
    if (slot < 0 || slot >= ClusterSlots::count)
        std::abort();
    ReplyReader reader;
    reader.feed(bytes.constData(), bytes.size());
    Reply reply;
    while (reader.next(&reply) == ReplyReader::Result::Reply) {
        QString error;
        if (const auto shards = ClusterTopology::fromShards(reply, QStringLiteral("127.0.0.1"), &error)) {
            for (int s = 0; s < ClusterSlots::count; s += 97)
                (void)shards->masterForSlot(s);
            (void)shards->coveredSlots();
        }
        if (const auto fromSlots = ClusterTopology::fromSlots(reply, QStringLiteral("127.0.0.1"), &error))
            (void)fromSlots->masters();
        CommandKeys keys;
        if (keys.load(reply)) {
            (void)keys.keys({ "GET", "k" });
            (void)keys.keys({ "EVAL", "s", "2", "a", "b" });
            (void)keys.keys({ "XREAD", "STREAMS", "a", "b", "0", "0" });
        }
    }
    return 0;
}
