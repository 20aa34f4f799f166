#include "infodetails.h"

namespace vermilion {

namespace {
    // Fields of one section whose name starts with a prefix, the prefix removed.
    template<typename Function>
    void forEachPrefixed(const ServerInfo& info, const QByteArray& section, const QByteArray& prefix, Function function)
    {
        const ServerInfo::Section* found = info.section(section);
        if (!found)
            return;
        for (const ServerInfo::Field& field : found->fields) {
            if (field.name.startsWith(prefix))
                function(field.name.mid(prefix.size()), ServerInfo::parseProperties(field.value), field.value);
        }
    }

    qint64 integerOr(const QHash<QByteArray, QByteArray>& properties, const char* key, qint64 fallback)
    {
        bool ok = false;
        const qint64 value = properties.value(key).toLongLong(&ok);
        return ok ? value : fallback;
    }
} // namespace

QList<InfoDetails::CommandStat> InfoDetails::commandStats(const ServerInfo& info)
{
    QList<CommandStat> result;
    forEachPrefixed(info, "commandstats", "cmdstat_", [&result](const QByteArray& name, const auto& properties, const auto&) {
        if (name.isEmpty())
            return;
        CommandStat stat;
        stat.command = name;
        stat.calls = integerOr(properties, "calls", 0);
        stat.totalUsec = properties.value("usec").toDouble();
        stat.usecPerCall = properties.value("usec_per_call").toDouble();
        stat.rejectedCalls = integerOr(properties, "rejected_calls", -1);
        stat.failedCalls = integerOr(properties, "failed_calls", -1);
        result.append(stat);
    });
    return result;
}

QList<InfoDetails::ErrorStat> InfoDetails::errorStats(const ServerInfo& info)
{
    QList<ErrorStat> result;
    forEachPrefixed(info, "errorstats", "errorstat_", [&result](const QByteArray& name, const auto& properties, const auto&) {
        if (!name.isEmpty())
            result.append({ name, integerOr(properties, "count", 0) });
    });
    return result;
}

QList<InfoDetails::LatencyStat> InfoDetails::latencyStats(const ServerInfo& info)
{
    QList<LatencyStat> result;
    forEachPrefixed(info, "latencystats", "latency_percentiles_usec_",
                    [&result](const QByteArray& name, const auto& properties, const auto&) {
                        LatencyStat stat;
                        stat.command = name;
                        for (auto it = properties.cbegin(); it != properties.cend(); ++it)
                            stat.percentiles.insert(it.key(), it.value().toDouble());
                        result.append(stat);
                    });
    return result;
}

QList<InfoDetails::Module> InfoDetails::modules(const ServerInfo& info)
{
    QList<Module> result;
    forEachPrefixed(info, "modules", "module", [&result](const QByteArray&, const auto& properties, const auto&) {
        result.append({ properties });
    });
    return result;
}

QList<InfoDetails::Replica> InfoDetails::replicas(const ServerInfo& info)
{
    QList<Replica> result;
    forEachPrefixed(info, "replication", "slave", [&result](const QByteArray& index, const auto& properties, const auto&) {
        bool numeric = false;
        index.toInt(&numeric);
        if (!numeric)
            return; // slave_read_only, slave_repl_offset... are not replica lines
        Replica replica;
        replica.address = properties.value("ip") + ':' + properties.value("port");
        replica.state = properties.value("state");
        replica.offset = integerOr(properties, "offset", 0);
        replica.lag = integerOr(properties, "lag", -1);
        result.append(replica);
    });
    return result;
}

} // namespace vermilion
