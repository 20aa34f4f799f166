#include "rdbreader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QtEndian>
#include <cmath>
#include <cstring>

// The RDB format as redis/redis writes it (src/rdb.h, rdb.c, ziplist.c, listpack.c, intset.c,
// zipmap.c, t_stream.c at 7.0): facts about the bytes, read here by code of our own.

namespace vermilion::transfer {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Transfer", text);
}

constexpr int maxVersion = 10; // Redis 7.0
// Bounds for lengths read from the file, so that a damaged file cannot ask for huge allocations:
// no single string or collection here is bigger than the file could be.
constexpr quint64 maxElements = quint64(1) << 32;

enum Opcode : quint8 {
    Function2 = 245,
    Function = 246,
    ModuleAux = 247,
    Idle = 248,
    Freq = 249,
    Aux = 250,
    ResizeDb = 251,
    ExpireTimeMs = 252,
    ExpireTime = 253,
    SelectDb = 254,
    Eof = 255,
};

QByteArray numberText(qint64 value)
{
    return QByteArray::number(value);
}

// Redis writes double scores as %.17g; text that reads back to the same double is what ZADD needs.
QByteArray scoreText(double value)
{
    if (std::isinf(value))
        return value > 0 ? QByteArray("inf") : QByteArray("-inf");
    return QByteArray::number(value, 'g', 17);
}

} // namespace

class RdbReader::Parser {
public:
    explicit Parser(QIODevice* device)
        : m_device(device)
    {
    }

    QString error;
    qint64 at = 0; // bytes read so far

    bool fail(const QString& message)
    {
        if (error.isEmpty())
            error = tr("RDB file, byte %1: %2").arg(at).arg(message);
        return false;
    }

    bool read(qint64 size, QByteArray* out)
    {
        if (size < 0 || (!m_device->isSequential() && size > m_device->size() - m_device->pos()))
            return fail(tr("the file ends early (it is cut short or damaged)"));
        *out = m_device->read(size);
        if (out->size() != size)
            return fail(tr("the file ends early (it is cut short or damaged)"));
        at += size;
        return true;
    }
    bool byte(quint8* value)
    {
        char c = 0;
        if (!m_device->getChar(&c))
            return fail(tr("the file ends early (it is cut short or damaged)"));
        ++at;
        *value = quint8(c);
        return true;
    }

    // A length, or a special encoding (then *encoded is set and the value is the encoding).
    bool length(quint64* value, bool* encoded = nullptr)
    {
        if (encoded)
            *encoded = false;
        quint8 first = 0;
        if (!byte(&first))
            return false;
        switch (first >> 6) {
        case 0:
            *value = first & 0x3f;
            return true;
        case 1: {
            quint8 second = 0;
            if (!byte(&second))
                return false;
            *value = (quint64(first & 0x3f) << 8) | second;
            return true;
        }
        case 2: {
            QByteArray bytes;
            if (first == 0x80) {
                if (!read(4, &bytes))
                    return false;
                *value = qFromBigEndian<quint32>(bytes.constData());
                return true;
            }
            if (first == 0x81) {
                if (!read(8, &bytes))
                    return false;
                *value = qFromBigEndian<quint64>(bytes.constData());
                return true;
            }
            return fail(tr("an unknown length encoding 0x%1").arg(first, 2, 16, QLatin1Char('0')));
        }
        default:
            if (!encoded)
                return fail(tr("a special encoding where a length belongs"));
            *encoded = true;
            *value = first & 0x3f;
            return true;
        }
    }

    bool string(QByteArray* out)
    {
        bool encoded = false;
        quint64 size = 0;
        if (!length(&size, &encoded))
            return false;
        if (!encoded) {
            if (size > quint64(std::numeric_limits<int>::max()))
                return fail(tr("a string of %1 bytes").arg(size));
            return read(qint64(size), out);
        }
        QByteArray bytes;
        switch (size) {
        case 0:
            if (!read(1, &bytes))
                return false;
            *out = numberText(qint8(bytes.at(0)));
            return true;
        case 1:
            if (!read(2, &bytes))
                return false;
            *out = numberText(qFromLittleEndian<qint16>(bytes.constData()));
            return true;
        case 2:
            if (!read(4, &bytes))
                return false;
            *out = numberText(qFromLittleEndian<qint32>(bytes.constData()));
            return true;
        case 3:
            return lzf(out);
        }
        return fail(tr("an unknown string encoding %1").arg(size));
    }

    // LZF: compressed length, uncompressed length, then the compressed bytes (liblzf's format).
    bool lzf(QByteArray* out)
    {
        quint64 compressed = 0;
        quint64 size = 0;
        if (!length(&compressed) || !length(&size))
            return false;
        if (size > quint64(std::numeric_limits<int>::max()) || compressed > quint64(std::numeric_limits<int>::max()))
            return fail(tr("an LZF string of %1 bytes").arg(size));
        QByteArray input;
        if (!read(qint64(compressed), &input))
            return false;
        // Never more than 256 times the input (a back reference copies at most 264 bytes for 2 read).
        if (size > quint64(input.size()) * 264 + 64)
            return fail(tr("an LZF string that claims %1 bytes from %2").arg(size).arg(input.size()));
        out->resize(qsizetype(size));
        const auto* in = reinterpret_cast<const uchar*>(input.constData());
        auto* o = reinterpret_cast<uchar*>(out->data());
        qsizetype i = 0;
        qsizetype w = 0;
        const qsizetype inSize = input.size();
        const qsizetype outSize = out->size();
        while (i < inSize) {
            const uint control = in[i++];
            if (control < 32) { // a run of control + 1 literal bytes
                const qsizetype run = qsizetype(control) + 1;
                if (i + run > inSize || w + run > outSize)
                    return fail(tr("damaged LZF data"));
                std::memcpy(o + w, in + i, size_t(run));
                i += run;
                w += run;
            } else { // a back reference
                qsizetype run = control >> 5;
                if (run == 7) {
                    if (i >= inSize)
                        return fail(tr("damaged LZF data"));
                    run += in[i++];
                }
                if (i >= inSize)
                    return fail(tr("damaged LZF data"));
                const qsizetype back = qsizetype((control & 0x1f) << 8) + in[i++] + 1;
                run += 2;
                if (back > w || w + run > outSize)
                    return fail(tr("damaged LZF data"));
                for (qsizetype k = 0; k < run; ++k, ++w)
                    o[w] = o[w - back];
            }
        }
        if (w != outSize)
            return fail(tr("damaged LZF data"));
        return true;
    }

    // A double written as text with a length byte (253 NaN, 254 +inf, 255 -inf).
    bool textDouble(QByteArray* out)
    {
        quint8 size = 0;
        if (!byte(&size))
            return false;
        if (size == 253)
            return fail(tr("a NaN score"));
        if (size == 254 || size == 255) {
            *out = size == 254 ? QByteArray("inf") : QByteArray("-inf");
            return true;
        }
        return read(size, out);
    }
    bool binaryDouble(QByteArray* out)
    {
        QByteArray bytes;
        if (!read(8, &bytes))
            return false;
        double value = 0;
        const quint64 bits = qFromLittleEndian<quint64>(bytes.constData());
        std::memcpy(&value, &bits, 8);
        if (std::isnan(value))
            return fail(tr("a NaN score"));
        *out = scoreText(value);
        return true;
    }

    bool count(quint64* value)
    {
        if (!length(value))
            return false;
        if (*value > maxElements)
            return fail(tr("a collection of %1 elements").arg(*value));
        return true;
    }

    QIODevice* m_device;
};

namespace {

// A cursor over a blob (ziplist, listpack, intset, zipmap) that fails instead of reading past it.
struct Blob {
    explicit Blob(const QByteArray& blob)
        : bytes(blob)
    {
    }
    const QByteArray& bytes;
    qsizetype at = 0;
    QString error;
    bool need(qsizetype size)
    {
        if (size < 0 || at + size > bytes.size()) {
            error = tr("a damaged %1 (it ends early)");
            return false;
        }
        return true;
    }
    const uchar* here() const { return reinterpret_cast<const uchar*>(bytes.constData()) + at; }
};

// ziplist.c: header (bytes, tail, count), entries, 0xff.
bool ziplistEntries(const QByteArray& bytes, QList<QByteArray>* out, QString* error)
{
    Blob b(bytes);
    if (!b.need(10)) {
        *error = b.error.arg(QStringLiteral("ziplist"));
        return false;
    }
    b.at = 10;
    while (true) {
        if (!b.need(1))
            break;
        if (*b.here() == 0xff)
            return true;
        // previous entry's length: 1 byte, or 0xfe and 4 bytes
        if (*b.here() == 0xfe) {
            if (!b.need(5))
                break;
            b.at += 5;
        } else {
            b.at += 1;
        }
        if (!b.need(1))
            break;
        const uchar encoding = *b.here();
        const auto integer = [&](int size, bool isInt24 = false) {
            b.at += 1;
            if (!b.need(size))
                return false;
            qint64 value = 0;
            switch (size) {
            case 1:
                value = qint8(*b.here());
                break;
            case 2:
                value = qFromLittleEndian<qint16>(b.here());
                break;
            case 3:
                value = qint32(quint32(b.here()[0]) << 8 | quint32(b.here()[1]) << 16 | quint32(b.here()[2]) << 24) >> 8;
                break;
            case 4:
                value = qFromLittleEndian<qint32>(b.here());
                break;
            case 8:
                value = qFromLittleEndian<qint64>(b.here());
                break;
            }
            Q_UNUSED(isInt24)
            b.at += size;
            out->append(numberText(value));
            return true;
        };
        const auto text = [&](qsizetype header, qsizetype size) {
            b.at += header;
            if (!b.need(size))
                return false;
            out->append(bytes.mid(b.at, size));
            b.at += size;
            return true;
        };
        bool ok = true;
        switch (encoding >> 6) {
        case 0:
            ok = text(1, encoding & 0x3f);
            break;
        case 1:
            ok = b.need(2) && text(2, qsizetype(encoding & 0x3f) << 8 | b.here()[1]);
            break;
        case 2:
            ok = b.need(5) && text(5, qFromBigEndian<quint32>(b.here() + 1));
            break;
        default:
            if (encoding == 0xc0)
                ok = integer(2);
            else if (encoding == 0xd0)
                ok = integer(4);
            else if (encoding == 0xe0)
                ok = integer(8);
            else if (encoding == 0xf0)
                ok = integer(3, true);
            else if (encoding == 0xfe)
                ok = integer(1);
            else if (encoding >= 0xf1 && encoding <= 0xfd) {
                out->append(numberText((encoding & 0x0f) - 1));
                b.at += 1;
            } else {
                *error = tr("a ziplist entry of unknown encoding 0x%1").arg(encoding, 2, 16, QLatin1Char('0'));
                return false;
            }
        }
        if (!ok)
            break;
    }
    *error = tr("a damaged ziplist (no end mark)");
    return false;
}

// listpack.c: header (bytes, count), entries each followed by its back-length, 0xff.
bool listpackEntries(const QByteArray& bytes, QList<QByteArray>* out, QString* error)
{
    Blob b(bytes);
    if (!b.need(6)) {
        *error = tr("a damaged listpack (it ends early)");
        return false;
    }
    b.at = 6;
    while (b.need(1)) {
        const uchar e = *b.here();
        if (e == 0xff)
            return true;
        qsizetype entry = 0; // encoding + data
        if ((e & 0x80) == 0) {
            out->append(numberText(e & 0x7f));
            entry = 1;
        } else if ((e & 0xc0) == 0x80) {
            const qsizetype size = e & 0x3f;
            if (!b.need(1 + size))
                break;
            out->append(bytes.mid(b.at + 1, size));
            entry = 1 + size;
        } else if ((e & 0xe0) == 0xc0) {
            if (!b.need(2))
                break;
            qint32 value = (qint32(e & 0x1f) << 8) | b.here()[1];
            if (value >= 1 << 12)
                value -= 1 << 13;
            out->append(numberText(value));
            entry = 2;
        } else if ((e & 0xf0) == 0xe0) {
            if (!b.need(2))
                break;
            const qsizetype size = (qsizetype(e & 0x0f) << 8) | b.here()[1];
            if (!b.need(2 + size))
                break;
            out->append(bytes.mid(b.at + 2, size));
            entry = 2 + size;
        } else if (e == 0xf0) {
            if (!b.need(5))
                break;
            const qsizetype size = qFromLittleEndian<quint32>(b.here() + 1);
            if (!b.need(5 + size))
                break;
            out->append(bytes.mid(b.at + 5, size));
            entry = 5 + size;
        } else if (e >= 0xf1 && e <= 0xf4) {
            const int size = e == 0xf1 ? 2 : e == 0xf2 ? 3 : e == 0xf3 ? 4 : 8;
            if (!b.need(1 + size))
                break;
            const uchar* p = b.here() + 1;
            qint64 value = 0;
            if (size == 2)
                value = qFromLittleEndian<qint16>(p);
            else if (size == 3)
                value = qint32(quint32(p[0]) << 8 | quint32(p[1]) << 16 | quint32(p[2]) << 24) >> 8;
            else if (size == 4)
                value = qFromLittleEndian<qint32>(p);
            else
                value = qFromLittleEndian<qint64>(p);
            out->append(numberText(value));
            entry = 1 + size;
        } else {
            *error = tr("a listpack entry of unknown encoding 0x%1").arg(e, 2, 16, QLatin1Char('0'));
            return false;
        }
        // lpEncodeBacklen: up to 127 in one byte, then below 16383, 2097151 and 268435455.
        const qsizetype backlen = entry <= 127 ? 1 : entry < 16383 ? 2 : entry < 2097151 ? 3 : entry < 268435455 ? 4 : 5;
        if (!b.need(entry + backlen))
            break;
        b.at += entry + backlen;
    }
    *error = tr("a damaged listpack (no end mark)");
    return false;
}

// intset.c: encoding (2, 4 or 8), count, then the integers, little-endian.
bool intsetEntries(const QByteArray& bytes, QList<QByteArray>* out, QString* error)
{
    if (bytes.size() < 8) {
        *error = tr("a damaged intset");
        return false;
    }
    const quint32 width = qFromLittleEndian<quint32>(bytes.constData());
    const quint32 count = qFromLittleEndian<quint32>(bytes.constData() + 4);
    if ((width != 2 && width != 4 && width != 8) || qint64(count) * width > bytes.size() - 8) {
        *error = tr("a damaged intset");
        return false;
    }
    const char* p = bytes.constData() + 8;
    for (quint32 i = 0; i < count; ++i, p += width) {
        const qint64 value = width == 2 ? qFromLittleEndian<qint16>(p)
            : width == 4                ? qFromLittleEndian<qint32>(p)
                                        : qFromLittleEndian<qint64>(p);
        out->append(numberText(value));
    }
    return true;
}

// zipmap.c: count byte, then key and value each with a length (a byte, or 254 and 4 bytes), the
// value's free-space byte after its length, 0xff at the end.
bool zipmapEntries(const QByteArray& bytes, QList<QByteArray>* out, QString* error)
{
    Blob b(bytes);
    b.at = 1;
    const auto length = [&](quint32* value) {
        if (!b.need(1))
            return false;
        if (*b.here() < 254) {
            *value = *b.here();
            b.at += 1;
            return true;
        }
        if (*b.here() == 254 && b.need(5)) {
            *value = qFromLittleEndian<quint32>(b.here() + 1);
            b.at += 5;
            return true;
        }
        return false;
    };
    while (b.need(1)) {
        if (*b.here() == 0xff)
            return true;
        quint32 keySize = 0;
        if (!length(&keySize) || !b.need(keySize))
            break;
        out->append(bytes.mid(b.at, keySize));
        b.at += keySize;
        quint32 valueSize = 0;
        if (!length(&valueSize) || !b.need(1))
            break;
        const quint8 free = *b.here();
        b.at += 1;
        if (!b.need(qsizetype(valueSize) + free))
            break;
        out->append(bytes.mid(b.at, valueSize));
        b.at += qsizetype(valueSize) + free;
    }
    *error = tr("a damaged zipmap");
    return false;
}

QByteArray streamId(quint64 ms, quint64 seq)
{
    return QByteArray::number(ms) + '-' + QByteArray::number(seq);
}

} // namespace

RdbReader::RdbReader(QIODevice* device)
    : m_parser(std::make_unique<Parser>(device))
{
}

RdbReader::~RdbReader() = default;

bool RdbReader::next(ImportItem* item)
{
    Parser& p = *m_parser;
    const auto stop = [&]() {
        m_error = p.error;
        return false;
    };
    if (!m_error.isEmpty() || m_atEnd)
        return false;
    if (m_version == 0) {
        QByteArray magic;
        if (!p.read(9, &magic) || !magic.startsWith("REDIS"))
            return p.fail(tr("not an RDB file (it does not start with REDIS and a version)")), stop();
        bool ok = false;
        m_version = magic.mid(5).toInt(&ok);
        if (!ok || m_version < 1)
            return p.fail(tr("not an RDB file (it does not start with REDIS and a version)")), stop();
        if (m_version > maxVersion)
            return p.fail(tr("RDB version %1 (Redis 7.2 or newer); Vermilion reads RDB versions 1 to %2 (Redis 7.0 "
                             "and earlier)")
                              .arg(m_version)
                              .arg(maxVersion)),
                   stop();
    }
    qint64 expireAtMs = 0;
    while (true) {
        quint8 type = 0;
        if (!p.byte(&type))
            return stop();
        QByteArray scratch;
        quint64 number = 0;
        switch (type) {
        case Eof:
            m_atEnd = true; // the 8-byte checksum after it is not needed to read the keys
            return false;
        case SelectDb:
            if (!p.length(&number))
                return stop();
            m_database = int(qMin<quint64>(number, 1 << 20));
            continue;
        case ResizeDb:
            if (!p.length(&number) || !p.length(&number))
                return stop();
            continue;
        case Aux: {
            QByteArray name;
            QByteArray value;
            if (!p.string(&name) || !p.string(&value))
                return stop();
            if (name == "redis-ver")
                m_source.redisVersion = QString::fromLatin1(value);
            continue;
        }
        case ExpireTimeMs:
            if (!p.read(8, &scratch))
                return stop();
            expireAtMs = qFromLittleEndian<qint64>(scratch.constData());
            continue;
        case ExpireTime:
            if (!p.read(4, &scratch))
                return stop();
            expireAtMs = qint64(qFromLittleEndian<qint32>(scratch.constData())) * 1000;
            continue;
        case Idle:
            if (!p.length(&number))
                return stop();
            continue;
        case Freq:
            if (!p.byte(&type))
                return stop();
            continue;
        case ModuleAux:
            return p.fail(tr("module data (a module's auxiliary fields), which Vermilion does not read")), stop();
        case Function2: // a function library's code (rdbSaveFunctions, 7.0): not keys, passed over
            if (!p.string(&scratch))
                return stop();
            continue;
        case Function:
            return p.fail(tr("functions in the format of Redis 7.0's release candidates, which Vermilion does not read")),
                   stop();
        default:
            break;
        }
        // A key of this type.
        item->kind = ImportItem::Kind::Key;
        item->line = p.at - 1;
        KeyRecord& record = item->record;
        record = {};
        record.expireAtMs = expireAtMs;
        if (!p.string(&record.key))
            return stop();
        QList<QByteArray> flat;
        QString blobError;
        const auto rowsOf = [&](int width) {
            for (qsizetype i = 0; i + width - 1 < flat.size(); i += width)
                record.rows.append(flat.mid(i, width));
        };
        const auto blob = [&](bool (*decode)(const QByteArray&, QList<QByteArray>*, QString*)) {
            QByteArray bytes;
            if (!p.string(&bytes))
                return false;
            if (!decode(bytes, &flat, &blobError))
                return p.fail(blobError);
            return true;
        };
        quint64 n = 0;
        switch (type) {
        case 0: { // string
            QByteArray value;
            if (!p.string(&value))
                return stop();
            record.type = "string";
            record.rows.append({ value });
            return true;
        }
        case 1: // list
        case 2: // set
            if (!p.count(&n))
                return stop();
            for (quint64 i = 0; i < n; ++i) {
                QByteArray element;
                if (!p.string(&element))
                    return stop();
                record.rows.append({ element });
            }
            record.type = type == 1 ? "list" : "set";
            return true;
        case 3: // zset, text scores
        case 5: // zset, binary scores
            if (!p.count(&n))
                return stop();
            for (quint64 i = 0; i < n; ++i) {
                QByteArray member;
                QByteArray score;
                if (!p.string(&member) || !(type == 3 ? p.textDouble(&score) : p.binaryDouble(&score)))
                    return stop();
                record.rows.append({ member, score });
            }
            record.type = "zset";
            return true;
        case 4: // hash
            if (!p.count(&n))
                return stop();
            for (quint64 i = 0; i < n; ++i) {
                QByteArray field;
                QByteArray value;
                if (!p.string(&field) || !p.string(&value))
                    return stop();
                record.rows.append({ field, value });
            }
            record.type = "hash";
            return true;
        case 9: // hash, zipmap
            if (!blob(&zipmapEntries))
                return stop();
            record.type = "hash";
            rowsOf(2);
            return true;
        case 10: // list, ziplist
            if (!blob(&ziplistEntries))
                return stop();
            record.type = "list";
            rowsOf(1);
            return true;
        case 11: // set, intset
            if (!blob(&intsetEntries))
                return stop();
            record.type = "set";
            rowsOf(1);
            return true;
        case 12: // zset, ziplist
        case 17: // zset, listpack
            if (!blob(type == 12 ? &ziplistEntries : &listpackEntries))
                return stop();
            record.type = "zset";
            rowsOf(2);
            return true;
        case 13: // hash, ziplist
        case 16: // hash, listpack
            if (!blob(type == 13 ? &ziplistEntries : &listpackEntries))
                return stop();
            record.type = "hash";
            rowsOf(2);
            return true;
        case 14: // list, quicklist of ziplists
        case 18: { // list, quicklist of listpacks (or plain nodes)
            if (!p.count(&n))
                return stop();
            for (quint64 i = 0; i < n; ++i) {
                quint64 container = 2; // packed
                if (type == 18 && !p.length(&container))
                    return stop();
                if (container == 1) { // a plain node: one big element
                    QByteArray element;
                    if (!p.string(&element))
                        return stop();
                    flat.append(element);
                } else if (!blob(type == 14 ? &ziplistEntries : &listpackEntries)) {
                    return stop();
                }
            }
            record.type = "list";
            rowsOf(1);
            return true;
        }
        case 15: // stream, listpacks (Redis 5-6)
        case 19: { // stream, listpacks (Redis 7.0)
            if (!readStream(type, &record))
                return stop();
            return true;
        }
        case 6:
        case 7:
            return p.fail(tr("key %1 is a module type, which Vermilion does not read")
                              .arg(QString::fromUtf8(record.key.left(100)))),
                   stop();
        default:
            return p.fail(tr("an object type %1 that RDB version %2 does not have, or that Vermilion does not read")
                              .arg(type)
                              .arg(m_version)),
                   stop();
        }
    }
}

bool RdbReader::readStream(int type, KeyRecord* record)
{
    Parser& p = *m_parser;
    record->type = "stream";
    quint64 listpacks = 0;
    if (!p.count(&listpacks))
        return false;
    for (quint64 i = 0; i < listpacks; ++i) {
        QByteArray master;
        QByteArray pack;
        if (!p.string(&master) || !p.string(&pack))
            return false;
        if (master.size() != 16)
            return p.fail(tr("a stream node whose master id is %1 bytes, not 16").arg(master.size()));
        const quint64 masterMs = qFromBigEndian<quint64>(master.constData());
        const quint64 masterSeq = qFromBigEndian<quint64>(master.constData() + 8);
        QList<QByteArray> lp;
        QString error;
        if (!listpackEntries(pack, &lp, &error))
            return p.fail(error);
        // The master entry: count, deleted, the master fields and their number, then a 0.
        qsizetype k = 0;
        const auto integer = [&](qint64* value) {
            if (k >= lp.size())
                return false;
            bool ok = false;
            *value = lp.at(k++).toLongLong(&ok);
            return ok;
        };
        qint64 count = 0;
        qint64 deleted = 0;
        qint64 masterFields = 0;
        if (!integer(&count) || !integer(&deleted) || !integer(&masterFields) || masterFields < 0
            || masterFields > lp.size() - k || count < 0 || deleted < 0 || count > lp.size() || deleted > lp.size())
            return p.fail(tr("a damaged stream node"));
        const QList<QByteArray> fields = lp.mid(k, masterFields);
        k += masterFields;
        qint64 terminator = 0;
        if (!integer(&terminator))
            return p.fail(tr("a damaged stream node"));
        for (qint64 entry = 0; entry < count + deleted; ++entry) {
            qint64 flags = 0;
            qint64 msDiff = 0;
            qint64 seqDiff = 0;
            if (!integer(&flags) || !integer(&msDiff) || !integer(&seqDiff))
                return p.fail(tr("a damaged stream entry"));
            QList<QByteArray> row { streamId(masterMs + quint64(msDiff), masterSeq + quint64(seqDiff)) };
            if (flags & 2) { // same fields as the master entry: only the values follow
                if (fields.size() > lp.size() - k)
                    return p.fail(tr("a damaged stream entry"));
                for (const QByteArray& field : fields)
                    row << field << lp.at(k++);
            } else {
                qint64 own = 0;
                if (!integer(&own) || own < 0 || own > (lp.size() - k) / 2)
                    return p.fail(tr("a damaged stream entry"));
                for (qint64 f = 0; f < own; ++f) {
                    row << lp.at(k) << lp.at(k + 1);
                    k += 2;
                }
            }
            qint64 lpCount = 0;
            if (!integer(&lpCount))
                return p.fail(tr("a damaged stream entry"));
            if (!(flags & 1)) // not deleted
                record->rows.append(row);
        }
    }
    // Length, last id; RDB 10 (type 19) adds the first id, the max deleted id and entries added.
    quint64 value = 0;
    const int numbers = type == 19 ? 8 : 3;
    for (int i = 0; i < numbers; ++i) {
        if (!p.length(&value))
            return false;
    }
    // Consumer groups: read past them (an import writes the entries only).
    quint64 groups = 0;
    if (!p.count(&groups))
        return false;
    for (quint64 g = 0; g < groups; ++g) {
        QByteArray name;
        if (!p.string(&name) || !p.length(&value) || !p.length(&value))
            return false;
        if (type == 19 && !p.length(&value)) // entries read
            return false;
        quint64 pending = 0;
        if (!p.count(&pending))
            return false;
        QByteArray skip;
        for (quint64 e = 0; e < pending; ++e) {
            if (!p.read(16 + 8, &skip) || !p.length(&value))
                return false;
        }
        quint64 consumers = 0;
        if (!p.count(&consumers))
            return false;
        for (quint64 c = 0; c < consumers; ++c) {
            quint64 owned = 0;
            if (!p.string(&name) || !p.read(8, &skip) || !p.count(&owned))
                return false;
            for (quint64 e = 0; e < owned; ++e) {
                if (!p.read(16, &skip))
                    return false;
            }
        }
    }
    return true;
}

} // namespace vermilion::transfer
