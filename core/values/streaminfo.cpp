#include "streaminfo.h"

#include <QHash>

namespace vermilion {

namespace {
QHash<QByteArray, Reply> fields(const Reply& flat)
{
    QHash<QByteArray, Reply> map;
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        map.insert(flat.at(i).bytes(), flat.at(i + 1));
    return map;
}

// first-entry / last-entry are [id, [field, value...]] or nil.
QByteArray entryId(const Reply& entry)
{
    return entry.isArray() && entry.size() > 0 ? entry.at(0).bytes() : QByteArray();
}
} // namespace

StreamInfo StreamInfo::fromStreamReply(const Reply& xinfoStream)
{
    StreamInfo info;
    if (!xinfoStream.isArray())
        return info;
    const QHash<QByteArray, Reply> map = fields(xinfoStream);
    info.valid = true;
    info.length = map.value("length").toInteger();
    info.groupCount = map.value("groups").toInteger();
    info.lastGeneratedId = map.value("last-generated-id").bytes();
    info.firstId = entryId(map.value("first-entry"));
    info.lastId = entryId(map.value("last-entry"));
    return info;
}

QList<StreamInfo::Group> StreamInfo::groupsFromReply(const Reply& xinfoGroups)
{
    QList<Group> groups;
    for (const Reply& flat : xinfoGroups.elements()) {
        const QHash<QByteArray, Reply> map = fields(flat);
        Group group;
        group.name = map.value("name").bytes();
        group.consumers = map.value("consumers").toInteger();
        group.pending = map.value("pending").toInteger();
        group.lastDeliveredId = map.value("last-delivered-id").bytes();
        groups.append(group);
    }
    return groups;
}

QList<StreamInfo::Consumer> StreamInfo::consumersFromReply(const Reply& xinfoConsumers)
{
    QList<Consumer> consumers;
    for (const Reply& flat : xinfoConsumers.elements()) {
        const QHash<QByteArray, Reply> map = fields(flat);
        consumers.append(
            { map.value("name").bytes(), map.value("pending").toInteger(), map.value("idle").toInteger() });
    }
    return consumers;
}

} // namespace vermilion
