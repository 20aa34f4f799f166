#pragma once

#include "client/reply.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace vermilion {

// What XINFO STREAM, XINFO GROUPS and XINFO CONSUMERS say about a stream, as one value.
struct StreamInfo {
    struct Consumer {
        QByteArray name;
        qint64 pending = 0;
        qint64 idleMs = 0;
    };
    struct Group {
        QByteArray name;
        qint64 consumers = 0;
        qint64 pending = 0;
        QByteArray lastDeliveredId;
        QList<Consumer> consumerList;
    };

    bool valid = false;
    qint64 length = 0;
    QByteArray firstId; // empty when the stream has no entries
    QByteArray lastId;
    QByteArray lastGeneratedId;
    qint64 groupCount = 0;
    QList<Group> groups;

    // Parsers of the RESP2 replies (flat name/value arrays). Unknown fields are ignored.
    static StreamInfo fromStreamReply(const Reply& xinfoStream);
    static QList<Group> groupsFromReply(const Reply& xinfoGroups);
    static QList<Consumer> consumersFromReply(const Reply& xinfoConsumers);
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::StreamInfo)
