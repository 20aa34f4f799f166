#include "transferformat.h"

#include "rdbreader.h"

#include "client/replyreader.h"
#include "formats/formatsupport.h"
#include "util/redistext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtEndian>

namespace vermilion::transfer {

namespace {

const QByteArray dumpMagic = "VERMILION-DUMP 1\n";

bool isUtf8(const QByteArray& bytes)
{
    return formats::FormatSupport::firstInvalidUtf8(bytes) < 0;
}

// A JSON value for bytes: a string when they are UTF-8, else {"base64": "..."}.
QJsonValue jsonValue(const QByteArray& bytes)
{
    if (isUtf8(bytes))
        return QString::fromUtf8(bytes);
    return QJsonObject { { QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64()) } };
}

QByteArray jsonText(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

bool bytesFromJson(const QJsonValue& value, QByteArray* out)
{
    if (value.isString()) {
        *out = value.toString().toUtf8();
        return true;
    }
    if (value.isObject()) {
        const QJsonValue base64 = value.toObject().value(QStringLiteral("base64"));
        if (!base64.isString())
            return false;
        const auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        *out = decoded.decoded;
        return true;
    }
    return false;
}

// The commands whose first argument is the key they write, which a command file may hold. Anything
// else (FLUSHALL, CONFIG, a script...) stops the import: a data file has no business with it.
const QSet<QByteArray>& keyedWriteCommands()
{
    static const QSet<QByteArray> names { "SET", "SETEX", "PSETEX", "SETNX", "APPEND", "SETRANGE", "RPUSH", "LPUSH",
        "RPUSHX", "LPUSHX", "SADD", "ZADD", "HSET", "HMSET", "HSETNX", "XADD", "XGROUP", "XSETID", "PEXPIREAT",
        "EXPIREAT", "PEXPIRE", "EXPIRE", "PERSIST", "DEL", "UNLINK", "RESTORE", "INCR", "INCRBY", "INCRBYFLOAT",
        "DECR", "DECRBY", "PFADD", "SETBIT", "GEOADD", "LSET", "HINCRBY", "HINCRBYFLOAT", "ZINCRBY" };
    return names;
}

void appendU32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendI64(QByteArray& out, qint64 value)
{
    char bytes[8];
    qToBigEndian(value, bytes);
    out.append(bytes, 8);
}

// ---- writers ----

class DumpWriter final : public RecordWriter {
public:
    QByteArray fileHeader(const SourceInfo& source) override
    {
        const QJsonObject header { { QStringLiteral("format"), QStringLiteral("vermilion-dump") },
            { QStringLiteral("version"), 1 }, { QStringLiteral("server"), source.server },
            { QStringLiteral("redis_version"), source.redisVersion }, { QStringLiteral("rdb_version"), source.rdbVersion },
            { QStringLiteral("created_ms"), source.createdMs } };
        return dumpMagic + QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    }
    QByteArray fileFooter(qint64 keys) override
    {
        QByteArray out("E");
        appendI64(out, keys);
        return out;
    }
    QByteArray begin(const KeyRecord& record) override
    {
        QByteArray out;
        out.reserve(record.key.size() + record.payload.size() + 32);
        out.append('K');
        appendU32(out, quint32(record.key.size()));
        out.append(record.key);
        out.append(char(record.type.size()));
        out.append(record.type.left(255));
        appendI64(out, record.expireAtMs);
        appendU32(out, quint32(record.payload.size()));
        out.append(record.payload);
        return out;
    }
    QByteArray rows(const KeyRecord&, const QList<QList<QByteArray>>&) override { return {}; }
    QByteArray end(const KeyRecord&) override { return {}; }
};

class CsvWriter final : public RecordWriter {
public:
    QByteArray begin(const KeyRecord& record) override
    {
        // As Another Redis Desktop Manager writes it (KeyList.vue, c149855): lowercase hex of the
        // key and of the DUMP payload, then PTTL: milliseconds left, -1 for none.
        const qint64 left = record.expireAtMs > 0 ? qMax<qint64>(1, record.expireAtMs - QDateTime::currentMSecsSinceEpoch()) : -1;
        return record.key.toHex() + ',' + record.payload.toHex() + ',' + QByteArray::number(left) + '\n';
    }
    QByteArray rows(const KeyRecord&, const QList<QList<QByteArray>>&) override { return {}; }
    QByteArray end(const KeyRecord&) override { return {}; }
};

class JsonLinesWriter final : public RecordWriter {
public:
    QByteArray begin(const KeyRecord& record) override
    {
        m_first = true;
        QByteArray out = "{\"key\":" + jsonText(jsonValue(record.key)) + ",\"type\":" + jsonText(QString::fromLatin1(record.type));
        if (record.expireAtMs > 0)
            out += ",\"expire_at_ms\":" + QByteArray::number(record.expireAtMs);
        out += ",\"value\":";
        // A string is one JSON string, or base64 when it is not UTF-8 or comes in several pages.
        m_string = record.type == "string";
        if (!m_string)
            out += '[';
        return out;
    }
    QByteArray rows(const KeyRecord& record, const QList<QList<QByteArray>>& rows) override
    {
        QByteArray out;
        if (m_string) {
            // A string read whole is text when it can be. A big one comes in pages, each a
            // multiple of 3 bytes, so their base64 pieces join into one base64 text.
            for (const QList<QByteArray>& row : rows) {
                const QByteArray& chunk = row.value(0);
                if (!record.pagedValue) {
                    out += jsonText(jsonValue(chunk));
                    m_closed = true;
                } else {
                    if (m_first)
                        out += "{\"base64\":\"";
                    out += chunk.toBase64();
                }
                m_first = false;
            }
            return out;
        }
        for (const QList<QByteArray>& row : rows) {
            if (!m_first)
                out += ',';
            m_first = false;
            if (record.type == "stream") {
                QJsonArray fields;
                for (qsizetype i = 1; i + 1 < row.size(); i += 2)
                    fields.append(QJsonArray { jsonValue(row.at(i)), jsonValue(row.at(i + 1)) });
                out += QJsonDocument(QJsonObject { { QStringLiteral("id"), QString::fromLatin1(row.value(0)) },
                                                   { QStringLiteral("fields"), fields } })
                           .toJson(QJsonDocument::Compact);
            } else if (row.size() == 1) {
                out += jsonText(jsonValue(row.at(0)));
            } else {
                out += '[' + jsonText(jsonValue(row.at(0))) + ',' + jsonText(jsonValue(row.at(1))) + ']';
            }
        }
        return out;
    }
    QByteArray end(const KeyRecord&) override
    {
        QByteArray out;
        if (m_string) {
            if (m_first)
                out += "\"\"";
            else if (!m_closed)
                out += "\"}";
        } else {
            out += ']';
        }
        m_closed = false;
        return out + "}\n";
    }

private:
    bool m_first = true;
    bool m_string = false;
    bool m_closed = false; // the string was written whole
};

QByteArray commandLine(const Command& command)
{
    QByteArray line = command.value(0);
    for (qsizetype i = 1; i < command.size(); ++i)
        line += ' ' + RedisText::escape(command.at(i), RedisText::Quoting::Always).toUtf8();
    return line + '\n';
}

// redis-cli command lines (text) or RESP (for redis-cli --pipe).
class CommandWriter final : public RecordWriter {
public:
    explicit CommandWriter(bool resp)
        : m_resp(resp)
    {
    }
    QByteArray begin(const KeyRecord&) override
    {
        m_firstPage = true;
        return {};
    }
    QByteArray rows(const KeyRecord& record, const QList<QList<QByteArray>>& rows) override
    {
        QByteArray out;
        for (const Command& command : rebuildCommands(record.key, record.type, rows, m_firstPage))
            out += encode(command);
        m_firstPage = false;
        return out;
    }
    QByteArray end(const KeyRecord& record) override
    {
        if (record.expireAtMs <= 0)
            return {};
        return encode({ "PEXPIREAT", record.key, QByteArray::number(record.expireAtMs) });
    }

private:
    QByteArray encode(const Command& command) const
    {
        return m_resp ? RespEncoder::encode(command) : commandLine(command);
    }
    bool m_resp;
    bool m_firstPage = true;
};

// ---- readers ----

class DumpReader final : public RecordReader {
public:
    explicit DumpReader(QIODevice* device)
        : m_device(device)
    {
    }
    bool next(ImportItem* item) override
    {
        if (m_atEnd || !m_error.isEmpty())
            return false;
        if (!m_headerRead && !readHeader())
            return false;
        const qint64 at = m_device->pos();
        char tag = 0;
        if (!m_device->getChar(&tag))
            return fail(QCoreApplication::translate("Transfer",
                "The file ends after %n key(s), without its end mark: it was not written to the end.", nullptr,
                int(m_keys)));
        if (tag == 'E') {
            QByteArray count;
            if (!readExactly(8, &count))
                return false;
            if (qFromBigEndian<qint64>(count.constData()) != m_keys)
                return fail(QCoreApplication::translate("Transfer", "The file's end mark counts %1 keys, but it holds %2.")
                                .arg(qFromBigEndian<qint64>(count.constData()))
                                .arg(m_keys));
            m_atEnd = true;
            return false;
        }
        if (tag != 'K')
            return fail(QCoreApplication::translate("Transfer", "Not a key record at byte %1.").arg(at));
        QByteArray bytes;
        if (!readExactly(4, &bytes))
            return false;
        const quint32 keyLength = qFromBigEndian<quint32>(bytes.constData());
        item->kind = ImportItem::Kind::Key;
        item->line = at;
        KeyRecord& record = item->record;
        record = {};
        if (!readExactly(keyLength, &record.key))
            return false;
        char typeLength = 0;
        if (!m_device->getChar(&typeLength) || !readExactly(uchar(typeLength), &record.type))
            return fail(truncated());
        if (!readExactly(8, &bytes))
            return false;
        record.expireAtMs = qFromBigEndian<qint64>(bytes.constData());
        if (!readExactly(4, &bytes))
            return false;
        const quint32 payloadLength = qFromBigEndian<quint32>(bytes.constData());
        if (!readExactly(payloadLength, &record.payload))
            return false;
        ++m_keys;
        return true;
    }

private:
    bool readHeader()
    {
        m_headerRead = true;
        const QByteArray magic = m_device->read(dumpMagic.size());
        if (magic != dumpMagic)
            return fail(QCoreApplication::translate("Transfer", "Not a Vermilion dump file (it does not start with %1).")
                            .arg(QString::fromLatin1(dumpMagic.trimmed())));
        const QByteArray line = m_device->readLine(1024 * 1024);
        QJsonParseError error;
        const QJsonDocument header = QJsonDocument::fromJson(line, &error);
        if (!header.isObject())
            return fail(QCoreApplication::translate("Transfer", "The dump file's header is not valid: %1.").arg(error.errorString()));
        const QJsonObject object = header.object();
        if (object.value(QStringLiteral("version")).toInt() != 1)
            return fail(QCoreApplication::translate("Transfer", "This dump file is version %1; this Vermilion reads version 1.")
                            .arg(object.value(QStringLiteral("version")).toInt()));
        m_source.server = object.value(QStringLiteral("server")).toString();
        m_source.redisVersion = object.value(QStringLiteral("redis_version")).toString();
        m_source.rdbVersion = object.value(QStringLiteral("rdb_version")).toInt();
        m_source.createdMs = qint64(object.value(QStringLiteral("created_ms")).toDouble());
        return true;
    }
    QString truncated() const
    {
        return QCoreApplication::translate("Transfer", "The file ends in the middle of key %1: it is cut short.")
            .arg(m_keys + 1);
    }
    bool readExactly(qint64 size, QByteArray* out)
    {
        // Lengths come from the file: never allocate more than the file still holds.
        if (size > m_device->bytesAvailable() && m_device->isSequential() == false
            && size > m_device->size() - m_device->pos())
            return fail(truncated());
        *out = m_device->read(size);
        if (out->size() != size)
            return fail(truncated());
        return true;
    }
    bool fail(const QString& message)
    {
        m_error = message;
        return false;
    }
    QIODevice* m_device;
    bool m_headerRead = false;
    qint64 m_keys = 0;
};

// Text lines, one item each (CSV, JSON lines, redis-cli commands).
class LineReader : public RecordReader {
public:
    explicit LineReader(QIODevice* device)
        : m_device(device)
    {
    }
    bool next(ImportItem* item) override
    {
        while (m_error.isEmpty()) {
            if (m_device->atEnd()) {
                m_atEnd = true;
                return false;
            }
            // No size limit: readLine(max) would allocate the whole maximum for every line. A line
            // is at most the file, which the user chose.
            QByteArray line = m_device->readLine();
            ++m_line;
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty() || line.startsWith('#'))
                continue;
            item->line = m_line;
            if (parse(line, item))
                return true;
            if (m_error.isEmpty())
                continue; // a line to pass over (a header row)
            m_error = QCoreApplication::translate("Transfer", "Line %1: %2").arg(m_line).arg(m_error);
            return false;
        }
        return false;
    }

protected:
    // Fills item from one line; false with m_error set on bad input, or false alone to skip it.
    virtual bool parse(const QByteArray& line, ImportItem* item) = 0;
    QIODevice* m_device;
    qint64 m_line = 0;
};

class CsvReader final : public LineReader {
public:
    using LineReader::LineReader;
    static constexpr qint64 absoluteThresholdMs = 1000000000000;

protected:
    bool parse(const QByteArray& line, ImportItem* item) override
    {
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() < 2 || fields.size() > 3) {
            m_error = QCoreApplication::translate("Transfer", "expected hex key, hex DUMP payload and TTL, separated by commas");
            return false;
        }
        const auto hex = [](const QByteArray& text, QByteArray* out) {
            const QByteArray trimmed = text.trimmed();
            if (trimmed.size() % 2)
                return false;
            for (const char c : trimmed) {
                if (!std::isxdigit(uchar(c)))
                    return false;
            }
            *out = QByteArray::fromHex(trimmed);
            return true;
        };
        item->kind = ImportItem::Kind::Key;
        KeyRecord& record = item->record;
        record = {};
        if (!hex(fields.at(0), &record.key)) { // an empty field is the empty key, which is valid
            if (m_line == 1)
                return false; // a header row
            m_error = QCoreApplication::translate("Transfer", "the key is not hexadecimal");
            return false;
        }
        if (!hex(fields.at(1), &record.payload) || record.payload.isEmpty()) {
            m_error = QCoreApplication::translate("Transfer", "the DUMP payload is not hexadecimal");
            return false;
        }
        bool ok = true;
        const QByteArray ttlText = fields.value(2).trimmed();
        const qint64 ttl = ttlText.isEmpty() ? -1 : ttlText.toLongLong(&ok);
        if (!ok) {
            m_error = QCoreApplication::translate("Transfer", "the TTL is not a number");
            return false;
        }
        // The third column means time left in ms for Another Redis Desktop Manager (its PTTL), and
        // an absolute Unix time in ms for Tiny RDM ("Include Expiration", browser_service.go);
        // Tiny RDM's default file has no third column. Nothing in the file tells which: a value
        // past 10^12 (September 2001 as a time, 31 years as a duration) is taken as a time.
        if (ttl <= 0)
            record.expireAtMs = 0;
        else if (ttl > absoluteThresholdMs)
            record.expireAtMs = ttl;
        else
            record.expireAtMs = QDateTime::currentMSecsSinceEpoch() + ttl;
        return true;
    }
};

class JsonLinesReader final : public LineReader {
public:
    using LineReader::LineReader;

protected:
    bool parse(const QByteArray& line, ImportItem* item) override
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (!document.isObject()) {
            m_error = QCoreApplication::translate("Transfer", "not a JSON object (%1)").arg(parseError.errorString());
            return false;
        }
        const QJsonObject object = document.object();
        item->kind = ImportItem::Kind::Key;
        KeyRecord& record = item->record;
        record = {};
        if (!bytesFromJson(object.value(QStringLiteral("key")), &record.key)) { // "" is a valid key
            m_error = QCoreApplication::translate("Transfer", "no \"key\"");
            return false;
        }
        record.type = object.value(QStringLiteral("type")).toString().toLatin1();
        record.expireAtMs = qint64(object.value(QStringLiteral("expire_at_ms")).toDouble());
        const QJsonValue value = object.value(QStringLiteral("value"));
        const auto bad = [&] {
            m_error = QCoreApplication::translate("Transfer", "the value of %1 does not have the shape of a %2")
                          .arg(RedisText::escape(record.key), QString::fromLatin1(record.type));
            return false;
        };
        if (record.type == "string") {
            QByteArray bytes;
            if (!bytesFromJson(value, &bytes))
                return bad();
            record.rows.append({ bytes });
            return true;
        }
        if (!value.isArray())
            return bad();
        const QJsonArray elements = value.toArray();
        record.rows.reserve(elements.size());
        for (const QJsonValue& element : elements) {
            QList<QByteArray> row;
            if (record.type == "list" || record.type == "set") {
                QByteArray member;
                if (!bytesFromJson(element, &member))
                    return bad();
                row.append(member);
            } else if (record.type == "zset" || record.type == "hash") {
                const QJsonArray pair = element.toArray();
                QByteArray first;
                QByteArray second;
                if (pair.size() != 2 || !bytesFromJson(pair.at(0), &first) || !bytesFromJson(pair.at(1), &second))
                    return bad();
                row << first << second;
            } else if (record.type == "stream") {
                const QJsonObject entry = element.toObject();
                row.append(entry.value(QStringLiteral("id")).toString().toLatin1());
                for (const QJsonValue& pairValue : entry.value(QStringLiteral("fields")).toArray()) {
                    const QJsonArray pair = pairValue.toArray();
                    QByteArray field;
                    QByteArray fieldValue;
                    if (pair.size() != 2 || !bytesFromJson(pair.at(0), &field) || !bytesFromJson(pair.at(1), &fieldValue))
                        return bad();
                    row << field << fieldValue;
                }
                if (row.first().isEmpty() || row.size() < 3)
                    return bad();
            } else {
                m_error = QCoreApplication::translate("Transfer", "type %1 cannot be imported from JSON")
                              .arg(QString::fromLatin1(record.type));
                return false;
            }
            record.rows.append(row);
        }
        return true;
    }
};

bool commandItem(Command command, ImportItem* item, QString* error)
{
    if (command.isEmpty()) {
        *error = QCoreApplication::translate("Transfer", "an empty command");
        return false;
    }
    command[0] = command.at(0).toUpper();
    if (!keyedWriteCommands().contains(command.at(0))) {
        *error = QCoreApplication::translate("Transfer",
            "%1 is not a command that writes one key; a data file may hold only those (SET, RPUSH, HSET, "
            "PEXPIREAT...), so the import stops here")
                     .arg(QString::fromLatin1(command.at(0).left(40)));
        return false;
    }
    // The key: the first argument, or XGROUP's after its subcommand (found by the fuzzer: a line
    // "XGROUP CREATE" with no key).
    const qsizetype keyAt = command.at(0) == "XGROUP" ? 2 : 1;
    if (command.size() <= keyAt) {
        *error = QCoreApplication::translate("Transfer", "%1 without the key it writes")
                     .arg(QString::fromLatin1(command.at(0)));
        return false;
    }
    item->kind = ImportItem::Kind::Command;
    item->commandKey = command.at(keyAt);
    item->command = std::move(command);
    return true;
}

class CommandLinesReader final : public LineReader {
public:
    using LineReader::LineReader;

protected:
    bool parse(const QByteArray& line, ImportItem* item) override
    {
        Command command;
        QString error;
        if (!RedisText::splitArguments(QString::fromUtf8(line), &command, &error)) {
            m_error = error;
            return false;
        }
        return commandItem(std::move(command), item, &m_error);
    }
};

class RespReader final : public RecordReader {
public:
    explicit RespReader(QIODevice* device)
        : m_device(device)
    {
    }
    bool next(ImportItem* item) override
    {
        while (m_error.isEmpty()) {
            Reply reply;
            switch (m_reader.next(&reply)) {
            case ReplyReader::Result::Reply: {
                ++m_commands;
                Command command;
                if (!reply.isArray()) {
                    m_error = QCoreApplication::translate("Transfer", "Command %1 is not a RESP array.").arg(m_commands);
                    return false;
                }
                for (const Reply& part : reply.elements())
                    command.append(part.bytes());
                item->line = m_commands;
                if (!commandItem(std::move(command), item, &m_error)) {
                    m_error = QCoreApplication::translate("Transfer", "Command %1: %2").arg(m_commands).arg(m_error);
                    return false;
                }
                return true;
            }
            case ReplyReader::Result::ProtocolError:
                m_error = QCoreApplication::translate("Transfer", "After command %1: %2")
                              .arg(m_commands)
                              .arg(m_reader.errorString());
                return false;
            case ReplyReader::Result::NeedMoreData: {
                const QByteArray chunk = m_device->read(1024 * 1024);
                if (chunk.isEmpty()) {
                    if (!m_reader.isIdle())
                        m_error = QCoreApplication::translate("Transfer", "The file ends in the middle of command %1.")
                                      .arg(m_commands + 1);
                    m_atEnd = m_error.isEmpty();
                    return false;
                }
                m_reader.feed(chunk.constData(), chunk.size());
                break;
            }
            }
        }
        return false;
    }

private:
    QIODevice* m_device;
    ReplyReader m_reader;
    qint64 m_commands = 0;
};

} // namespace

QString FormatText::name(Format format)
{
    switch (format) {
    case Format::Dump:
        return tr("Vermilion dump (DUMP payloads, exact)");
    case Format::JsonLines:
        return tr("JSON lines (readable, per-type structure)");
    case Format::Commands:
        return tr("redis-cli commands");
    case Format::Resp:
        return tr("RESP, for redis-cli --pipe");
    case Format::Csv:
        return tr("CSV of hex key, hex DUMP, TTL (Another Redis Desktop Manager, Tiny RDM)");
    case Format::Rdb:
        return tr("RDB file (Redis 7.0 and earlier; import only)");
    }
    return {};
}

namespace {
// Each format's file extension and its id (command lines, settings).
struct FormatNames {
    Format format;
    const char* extension;
    const char* id;
};
constexpr FormatNames formatNames[] = {
    { Format::Dump, "vdump", "dump" },
    { Format::JsonLines, "jsonl", "jsonl" },
    { Format::Commands, "redis", "commands" },
    { Format::Resp, "resp", "resp" },
    { Format::Csv, "csv", "csv" },
    { Format::Rdb, "rdb", "rdb" },
};
const FormatNames& namesOf(Format format)
{
    for (const FormatNames& names : formatNames) {
        if (names.format == format)
            return names;
    }
    return formatNames[0];
}
} // namespace

QString FormatText::extension(Format format)
{
    return QString::fromLatin1(namesOf(format).extension);
}

QString FormatText::id(Format format)
{
    return QString::fromLatin1(namesOf(format).id);
}

std::optional<Format> FormatText::fromId(const QString& id)
{
    for (const Format format : importFormats) {
        if (FormatText::id(format) == id)
            return format;
    }
    return std::nullopt;
}

std::optional<Format> FormatText::detect(const QByteArray& head, const QString& fileName)
{
    if (head.startsWith(dumpMagic))
        return Format::Dump;
    if (head.startsWith("REDIS0"))
        return Format::Rdb;
    if (head.startsWith('*'))
        return Format::Resp;
    if (head.startsWith("{\"key\""))
        return Format::JsonLines;
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const Format format : importFormats) {
        if (extension(format) == suffix)
            return format;
    }
    if (suffix == QLatin1String("json") || suffix == QLatin1String("ndjson"))
        return Format::JsonLines;
    if (suffix == QLatin1String("txt"))
        return Format::Commands;
    return std::nullopt;
}

bool carriesPayloads(Format format)
{
    return format == Format::Dump || format == Format::Csv;
}

int payloadRdbVersion(const QByteArray& payload)
{
    // DUMP payload: serialized value, 2-byte RDB version (little-endian), 8-byte CRC64.
    if (payload.size() < 11)
        return 0;
    return qFromLittleEndian<quint16>(payload.constData() + payload.size() - 10);
}

QByteArray payloadType(const QByteArray& payload)
{
    if (payload.isEmpty())
        return {};
    // RDB object types (redis/redis src/rdb.h: RDB_TYPE_* and their encodings up to RDB 11).
    switch (uchar(payload.at(0))) {
    case 0:
        return "string";
    case 1: // linked list
    case 10: // ziplist
    case 14: // quicklist
    case 18: // quicklist of listpacks
        return "list";
    case 2: // hash table
    case 11: // intset
    case 20: // listpack
        return "set";
    case 3: // skiplist
    case 5: // skiplist, binary scores
    case 12: // ziplist
    case 17: // listpack
        return "zset";
    case 4: // hash table
    case 9: // zipmap
    case 13: // ziplist
    case 16: // listpack
        return "hash";
    case 15: // listpacks
    case 19: // listpacks, 7.0
    case 21: // listpacks, 7.2
        return "stream";
    case 6: // module, pre-GA
    case 7: // module
        return "module";
    }
    return {};
}

std::unique_ptr<RecordWriter> RecordWriter::create(Format format)
{
    switch (format) {
    case Format::Dump:
        return std::make_unique<DumpWriter>();
    case Format::JsonLines:
        return std::make_unique<JsonLinesWriter>();
    case Format::Commands:
        return std::make_unique<CommandWriter>(false);
    case Format::Resp:
        return std::make_unique<CommandWriter>(true);
    case Format::Csv:
        return std::make_unique<CsvWriter>();
    case Format::Rdb:
        break; // import only
    }
    return nullptr;
}

std::unique_ptr<RecordReader> RecordReader::create(Format format, QIODevice* device)
{
    switch (format) {
    case Format::Dump:
        return std::make_unique<DumpReader>(device);
    case Format::JsonLines:
        return std::make_unique<JsonLinesReader>(device);
    case Format::Commands:
        return std::make_unique<CommandLinesReader>(device);
    case Format::Resp:
        return std::make_unique<RespReader>(device);
    case Format::Csv:
        return std::make_unique<CsvReader>(device);
    case Format::Rdb:
        return std::make_unique<RdbReader>(device);
    }
    return nullptr;
}

QList<Command> rebuildCommands(const QByteArray& key, const QByteArray& type, const QList<QList<QByteArray>>& rows,
    bool firstPage, int maxArguments)
{
    QList<Command> commands;
    if (rows.isEmpty()) {
        // An empty stream is a key all the same (XGROUP CREATE ... MKSTREAM makes one, and XDEL or
        // XTRIM can leave one): an entry added and trimmed away at once makes it, with 0-1 as its
        // last id.
        if (type == "stream" && firstPage)
            commands.append({ "XADD", key, "MAXLEN", "0", "0-1", "", "" });
        return commands;
    }
    if (type == "string") {
        bool first = firstPage;
        for (const QList<QByteArray>& row : rows) {
            commands.append({ first ? QByteArray("SET") : QByteArray("APPEND"), key, row.value(0) });
            first = false;
        }
        return commands;
    }
    if (type == "stream") {
        for (const QList<QByteArray>& row : rows) {
            Command command { "XADD", key };
            command.append(row);
            commands.append(command);
        }
        return commands;
    }
    QByteArray name;
    if (type == "list")
        name = "RPUSH";
    else if (type == "set")
        name = "SADD";
    else if (type == "zset")
        name = "ZADD";
    else if (type == "hash")
        name = "HSET";
    else
        return commands;
    Command command;
    for (const QList<QByteArray>& row : rows) {
        if (command.isEmpty())
            command = { name, key };
        if (type == "zset")
            command << row.value(1) << row.value(0); // ZADD key score member
        else
            command.append(row);
        if (command.size() >= maxArguments) {
            commands.append(command);
            command.clear();
        }
    }
    if (!command.isEmpty())
        commands.append(command);
    return commands;
}

} // namespace vermilion::transfer
