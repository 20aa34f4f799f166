#pragma once

#include "client/reply.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

class QIODevice;

namespace vermilion::transfer {

// The files keys are exported to and imported from.
enum class Format {
    Dump, // Vermilion dump: key, type, expiry and the DUMP payload, after a header naming the source
    JsonLines, // one JSON object per key, per-type structure, binary-safe (base64 where not UTF-8)
    Commands, // a redis-cli command file: SET / RPUSH / SADD / ZADD / HSET / XADD, then PEXPIREAT
    Resp, // the same commands in RESP, for redis-cli --pipe
    Csv, // hex key, hex DUMP payload, TTL: the file Another Redis Desktop Manager and Tiny RDM use
    Rdb, // a Redis .rdb file (import only; RdbReader)
};
// The formats an export writes; an import also reads RDB files.
inline constexpr Format allFormats[] = { Format::Dump, Format::JsonLines, Format::Commands, Format::Resp, Format::Csv };
inline constexpr Format importFormats[]
    = { Format::Dump, Format::JsonLines, Format::Commands, Format::Resp, Format::Csv, Format::Rdb };

class FormatText {
    Q_DECLARE_TR_FUNCTIONS(FormatText)
public:
    static QString name(Format format);
    static QString extension(Format format); // without the dot
    static QString id(Format format); // "dump", "jsonl", "commands", "resp", "csv": command lines, settings
    static std::optional<Format> fromId(const QString& id);
    // The format of a file from its first bytes, and its name when the bytes do not tell.
    static std::optional<Format> detect(const QByteArray& head, const QString& fileName);
};

// Whether a format carries DUMP payloads (read with DUMP, written with RESTORE) or each key's
// elements (read page by page, written with the type's commands).
bool carriesPayloads(Format format);

// What the source said about itself, in a dump file's header.
struct SourceInfo {
    QString server; // host:port or the cluster's seed
    QString redisVersion;
    int rdbVersion = 0; // of the DUMP payloads (their trailer), 0 = unknown
    qint64 createdMs = 0;
};

// One key as it is exported or imported. Elements come in rows, one row per element:
// string [chunk]; list and set [member]; zset [member, score]; hash [field, value];
// stream [id, field, value, field, value...].
struct KeyRecord {
    QByteArray key;
    QByteArray type;
    qint64 expireAtMs = 0; // absolute Unix time in ms; 0 = no expiry
    QByteArray payload; // DUMP payload (payload formats)
    QList<QList<QByteArray>> rows; // elements (structured formats); may be one page of several
    bool pagedValue = false; // a big string read in pages (each a multiple of 3 bytes but the last)
    QByteArray renamedFrom; // the key's own name, when the conflict policy gave it another
    // Read from a server (copy): its PTTL then, and this machine's clock then. A copy restores
    // the time left, so that the two servers' clocks need not agree.
    qint64 ttlMs = 0;
    qint64 readAtMs = 0;
    qint64 ttlLeftMs() const { return ttlMs - (QDateTime::currentMSecsSinceEpoch() - readAtMs); }
};

// The RDB version a DUMP payload was written with (its 2-byte little-endian trailer before the
// CRC64), or 0 when the payload is too short to have one.
int payloadRdbVersion(const QByteArray& payload);
// The key's type from a DUMP payload's first byte (its RDB object type): "string", "list", "set",
// "zset", "hash", "stream", "module", or "" for a byte this does not know.
QByteArray payloadType(const QByteArray& payload);

// Writes keys to a file. A key is written in one or more steps: begin(), then rows() once per page
// of elements (structured formats), then end(). Each returns the bytes to append, so the caller
// decides when they reach the disk.
class RecordWriter {
public:
    virtual ~RecordWriter() = default;
    static std::unique_ptr<RecordWriter> create(Format format);
    virtual QByteArray fileHeader(const SourceInfo&) { return {}; }
    virtual QByteArray fileFooter(qint64 keys) { Q_UNUSED(keys) return {}; }
    virtual QByteArray begin(const KeyRecord& record) = 0;
    virtual QByteArray rows(const KeyRecord& record, const QList<QList<QByteArray>>& rows) = 0;
    virtual QByteArray end(const KeyRecord& record) = 0;
};

// One thing read from a file: a whole key (payload or structured formats) or, from a command file,
// one command with the key it acts on.
struct ImportItem {
    enum class Kind { Key, Command };
    Kind kind = Kind::Key;
    KeyRecord record; // Kind::Key
    Command command; // Kind::Command
    QByteArray commandKey; // the key a command acts on (its first argument), empty if none
    qint64 line = 0; // where it started in the file (line or byte offset), for error messages
};

// Reads a file item by item, streaming: nothing but the item being read is held in memory.
class RecordReader {
public:
    virtual ~RecordReader() = default;
    static std::unique_ptr<RecordReader> create(Format format, QIODevice* device);
    // The next item; false at the end of the file or on an error (error() then says what and where).
    virtual bool next(ImportItem* item) = 0;
    QString error() const { return m_error; }
    SourceInfo source() const { return m_source; } // dump files only
    bool atEnd() const { return m_atEnd; }

protected:
    QString m_error;
    SourceInfo m_source;
    bool m_atEnd = false;
};

// Commands that rebuild a key from its elements (SET, APPEND, RPUSH, SADD, ZADD, HSET, XADD), in
// commands of at most maxArguments arguments; the expiry is not included (PEXPIREAT comes last).
QList<Command> rebuildCommands(const QByteArray& key, const QByteArray& type, const QList<QList<QByteArray>>& rows,
    bool firstPage, int maxArguments = 1024);

} // namespace vermilion::transfer
