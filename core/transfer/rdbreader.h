#pragma once

#include "transferformat.h"

namespace vermilion::transfer {

// Reads .rdb files as Redis 7.0 and earlier write them (RDB versions 1 to 10): strings (plain,
// integer, LZF), lists (linked, ziplist, quicklist, quicklist of listpacks), sets (hash table,
// intset), sorted sets (skiplist with text or binary scores, ziplist, listpack), hashes (hash
// table, zipmap, ziplist, listpack) and streams (listpacks, with their consumer groups read past:
// the entries are imported, the groups are not). Keys come out with their elements, as JSON lines
// records do, so an import writes them with the type's commands and the conflict policy. Keys of
// every database in the file come out (database() names the last one's).
//
// Module types, Redis 7.0 functions and anything newer than RDB version 10 stop the reading with
// an exact error (what, and at which byte).
class RdbReader final : public RecordReader {
public:
    explicit RdbReader(QIODevice* device);
    ~RdbReader() override;
    bool next(ImportItem* item) override;
    int version() const { return m_version; }
    int database() const { return m_database; } // of the last key read

private:
    bool readStream(int type, KeyRecord* record);
    class Parser;
    std::unique_ptr<Parser> m_parser;
    int m_version = 0;
    int m_database = 0;
};

} // namespace vermilion::transfer
