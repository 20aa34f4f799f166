#pragma once

#include "server/serverinfo.h"

#include <QString>

namespace vermilion::ServerHealth {

// One fact about a server as a person reads it, and what needs attention about it (empty when
// nothing does). The dashboard's cards and the overview show the same facts and the same warnings.
struct Finding {
    QString text;
    QString attention;
    QString detail; // longer text for a tooltip (e.g. each replica)
};

// "master, 2 replicas" (a replica not online needs attention) or "replica of host:port, link up,
// offset N" (a link down does).
Finding role(const ServerInfo& info);
// RDB's last background save and AOF; a failed save or AOF write needs attention.
Finding persistence(const ServerInfo& info);
// mem_fragmentation_ratio; high (above 1.5 with more than 10 MB in use) needs attention.
Finding fragmentation(const ServerInfo& info);
// maxmemory_policy; evicted keys need attention.
Finding evictionPolicy(const ServerInfo& info);
// Connected and rejected clients; rejected connections (maxclients reached) need attention.
Finding connections(const ServerInfo& info);
// "3 d 4 h", "2 h 5 min", "0 min 12 s".
QString duration(qint64 seconds);

} // namespace vermilion::ServerHealth
