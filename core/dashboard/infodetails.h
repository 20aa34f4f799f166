#pragma once

#include "server/serverinfo.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace vermilion {

// Typed views of the INFO sections whose lines pack several values ("name:key=value,key=value"):
// commandstats, errorstats, latencystats, modules and the replicas of a master. ServerInfo keeps every
// line as text; these read it. Keys the server adds later are kept in `properties`.
class InfoDetails {
public:
    struct CommandStat {
        QByteArray command; // lower case, "config|get" for subcommands (Redis 7)
        qint64 calls = 0;
        double totalUsec = 0;
        double usecPerCall = 0;
        qint64 rejectedCalls = -1; // -1: the server does not report it (before Redis 6.2)
        qint64 failedCalls = -1;
    };
    struct ErrorStat {
        QByteArray prefix; // "ERR", "WRONGTYPE"...
        qint64 count = 0;
    };
    struct LatencyStat {
        QByteArray command;
        QHash<QByteArray, double> percentiles; // "p50" -> microseconds
    };
    struct Module {
        QHash<QByteArray, QByteArray> properties; // name, ver, api, filters, usedby, using, options
    };
    struct Replica {
        QByteArray address; // ip:port
        QByteArray state;
        qint64 offset = 0;
        qint64 lag = -1;
    };

    static QList<CommandStat> commandStats(const ServerInfo& info);
    static QList<ErrorStat> errorStats(const ServerInfo& info);
    static QList<LatencyStat> latencyStats(const ServerInfo& info);
    static QList<Module> modules(const ServerInfo& info);
    static QList<Replica> replicas(const ServerInfo& info);
};

} // namespace vermilion
