// libFuzzer target: the readers of export files, which parse whatever file the user picks (a dump
// file, JSON lines, redis-cli commands, RESP, the hex CSV). The first byte chooses the format; the
// rest is the file. Nothing may crash, hang or read without bound; a reader ends with an item, the
// end, or an error that says what and where.
#include "transfer/transferformat.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

using namespace vermilion::transfer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const Format format = importFormats[data[0] % std::size(importFormats)];
    QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    std::unique_ptr<RecordReader> reader = RecordReader::create(format, &buffer);
    ImportItem item;
    qsizetype items = 0;
    while (reader->next(&item)) {
        if (++items > qsizetype(size) + 1)
            std::abort(); // more items than bytes: a reader that does not move on
        // (An empty key name is a valid Redis key: a file may hold one.)
        if (item.kind == ImportItem::Kind::Command && item.command.size() < 2)
            std::abort();
        // What the import does with each item: the commands that rebuild a key.
        if (item.kind == ImportItem::Kind::Key)
            rebuildCommands(item.record.key, item.record.type, item.record.rows, true);
        item = {};
    }
    if (!reader->atEnd() && reader->error().isEmpty() && format != Format::Dump && format != Format::Rdb)
        std::abort(); // stopped with neither the end nor a reason
    payloadType(bytes);
    payloadRdbVersion(bytes);
    return 0;
}
