#include "serverhealth.h"

#include "infodetails.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace vermilion::ServerHealth {

namespace {
    QString tr(const char* text, int n = -1) { return QCoreApplication::translate("ServerHealth", text, nullptr, n); }
    QString orNoData(const QString& text) { return text.isEmpty() ? tr("no data") : text; }
} // namespace

Finding role(const ServerInfo& info)
{
    Finding finding;
    const QString role = info.role();
    if (role == QLatin1String("master")) {
        const auto replicas = InfoDetails::replicas(info);
        QStringList parts;
        const qint64 masterOffset = info.integer("master_repl_offset");
        for (const InfoDetails::Replica& replica : replicas) {
            parts << tr("%1 %2, behind %3 bytes, lag %4 s")
                         .arg(QString::fromUtf8(replica.address), QString::fromUtf8(replica.state))
                         .arg(masterOffset - replica.offset)
                         .arg(replica.lag);
            if (replica.state != "online")
                finding.attention = tr("A replica is not online.");
        }
        finding.text = tr("master, %n replicas", int(replicas.size()));
        finding.detail = parts.join(QLatin1Char('\n'));
    } else if (role == QLatin1String("slave")) {
        finding.text = tr("replica of %1:%2, link %3, offset %4")
                           .arg(info.text("master_host"), info.text("master_port"), info.text("master_link_status"))
                           .arg(info.integer("slave_repl_offset"));
        if (info.text("master_link_status") != QLatin1String("up"))
            finding.attention = tr("The link to the master is down: this replica is not receiving writes.");
    } else {
        finding.text = orNoData(role);
    }
    return finding;
}

Finding persistence(const ServerInfo& info)
{
    Finding finding;
    QStringList parts;
    if (info.contains("rdb_last_bgsave_status")) {
        const qint64 lastSave = info.integer("rdb_last_save_time");
        parts << tr("RDB %1, last save %2")
                     .arg(info.text("rdb_last_bgsave_status"),
                          QLocale().toString(QDateTime::fromSecsSinceEpoch(lastSave), QLocale::ShortFormat));
        if (info.text("rdb_last_bgsave_status") != QLatin1String("ok"))
            finding.attention = tr("The last background save failed: the data on disk is out of date.");
    }
    if (info.contains("aof_enabled")) {
        parts << (info.integer("aof_enabled") == 1 ? tr("AOF on (%1)").arg(info.text("aof_last_write_status")) : tr("AOF off"));
        if (info.integer("aof_enabled") == 1 && info.text("aof_last_write_status") != QLatin1String("ok"))
            finding.attention = tr("The last AOF write failed.");
    }
    finding.text = parts.isEmpty() ? tr("no data") : parts.join(QStringLiteral("; "));
    return finding;
}

Finding fragmentation(const ServerInfo& info)
{
    Finding finding;
    if (!info.contains("mem_fragmentation_ratio")) {
        finding.text = tr("no data");
        return finding;
    }
    const double ratio = info.number("mem_fragmentation_ratio");
    finding.text = QLocale().toString(ratio, 'f', 2);
    // Below 10 MB used, the ratio is dominated by the allocator's fixed overhead and means nothing.
    if (ratio > 1.5 && info.integer("used_memory") > 10 * 1024 * 1024)
        finding.attention = tr("High fragmentation: RSS is %1 times the memory in use. Consider activedefrag.").arg(ratio);
    return finding;
}

Finding evictionPolicy(const ServerInfo& info)
{
    Finding finding;
    finding.text = orNoData(info.text("maxmemory_policy"));
    const qint64 evicted = info.integer("evicted_keys");
    if (evicted > 0)
        finding.attention = tr("%n keys were evicted because memory reached maxmemory.", int(evicted));
    return finding;
}

Finding connections(const ServerInfo& info)
{
    Finding finding;
    const qint64 rejected = info.integer("rejected_connections");
    finding.text = info.contains("connected_clients")
        ? tr("%1 connected, %2 rejected").arg(info.text("connected_clients")).arg(rejected)
        : tr("no data");
    if (rejected > 0)
        finding.attention = tr("Connections were rejected: maxclients was reached.");
    return finding;
}

QString duration(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
}

} // namespace vermilion::ServerHealth
