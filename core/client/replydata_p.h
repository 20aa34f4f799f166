#pragma once

// Private to core/client: the shared payload of a Reply, for the reader that builds replies in place.

#include "reply.h"

#include <memory>
#include <mutex>

namespace vermilion {

class ReplyData : public QSharedData {
public:
    Reply::Type type = Reply::Type::Nil;
    Reply::ErrorKind errorKind = Reply::ErrorKind::None;
    qint64 integer = 0;
    QByteArray bytes;
    QList<Reply> elements;
    // An array whose strings the reader packed (CommandOptions::packStrings): elements stay empty
    // until someone asks for them, and are then made once from the packed strings.
    struct Packed {
        PackedStrings strings;
        std::once_flag unpackOnce;
        QList<Reply> unpacked;
    };
    std::shared_ptr<Packed> packed;
};

} // namespace vermilion
