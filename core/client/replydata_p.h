#pragma once

// Private to core/client: the shared payload of a Reply, for the reader that builds replies in place.

#include "reply.h"

namespace vermilion {

class ReplyData : public QSharedData {
public:
    Reply::Type type = Reply::Type::Nil;
    Reply::ErrorKind errorKind = Reply::ErrorKind::None;
    qint64 integer = 0;
    QByteArray bytes;
    QList<Reply> elements;
};

} // namespace vermilion
