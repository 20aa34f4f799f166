// The Nippy format: byte-exact vectors for every type id Vermilion reads, assembled by hand from
// Nippy's schema (taoensso/nippy src/taoensso/nippy/schema.clj, io.clj), Carmine's markers, the
// compressed frames (LZ4, Zstandard, Snappy), and hostile input that must fail with a reason.
#include "client/session.h"
#include "formats/valueformat.h"
#include "server/demoseeder.h"

#include <QTest>
#include <lz4.h>
#include <snappy-c.h>
#include <zstd.h>

using namespace vermilion::formats;

namespace {

// A byte string literal with its embedded NULs.
#define BYTES(literal) QByteArray(literal, qsizetype(sizeof(literal) - 1))

const ValueFormat* nippy()
{
    const ValueFormat* found = FormatRegistry::instance().find(QStringLiteral("nippy"));
    if (!found)
        qFatal("the nippy format is not registered");
    return found;
}

QByteArray npy(const QByteArray& body, char meta = '\0')
{
    return BYTES("NPY") + meta + body;
}

QByteArray carmine(const QByteArray& body)
{
    return BYTES("\0>") + npy(body);
}

QByteArray bigEndian(quint64 value, int width)
{
    QByteArray bytes;
    for (int i = width - 1; i >= 0; --i)
        bytes += char((value >> (8 * i)) & 0xff);
    return bytes;
}

// A string in the form Nippy 3.3+ writes for it (str-sm* below 256 bytes, then str-md).
QByteArray str(const QByteArray& utf8)
{
    if (utf8.isEmpty())
        return BYTES("\x22");
    if (utf8.size() <= 255)
        return '\x60' + QByteArray(1, char(utf8.size() - 128)) + utf8;
    return '\x10' + bigEndian(quint64(utf8.size()), 2) + utf8;
}

// A long in the form Nippy 3.3+ writes for it.
QByteArray longValue(qint64 value)
{
    if (value == 0)
        return BYTES("\x00");
    const quint64 magnitude = value > 0 ? quint64(value) : quint64(0) - quint64(value);
    const char base = value > 0 ? 87 : 93;
    if (magnitude <= 0xff)
        return char(base) + bigEndian(magnitude - 128, 1);
    if (magnitude <= 0xffff)
        return char(base + 1) + bigEndian(magnitude - 32768, 2);
    if (magnitude <= 0xffffffffULL)
        return char(base + 2) + bigEndian(magnitude - 2147483648ULL, 4);
    return '\x2b' + bigEndian(quint64(value), 8);
}

// A plain body above 8 KiB, the size from which Nippy compresses by default.
QByteArray largeBody()
{
    QByteArray body = '\x45' + bigEndian(500, 2); // vector, 2-byte count
    for (int i = 0; i < 500; ++i)
        body += str(QByteArrayLiteral("value number ") + QByteArray::number(i).rightJustified(3, '0'));
    return body;
}

QByteArray lz4(const QByteArray& body)
{
    QByteArray block(LZ4_compressBound(int(body.size())), Qt::Uninitialized);
    const int written = LZ4_compress_default(body.constData(), block.data(), int(body.size()), int(block.size()));
    block.truncate(written);
    return bigEndian(quint64(body.size()), 4) + block;
}

QByteArray zstd(const QByteArray& body)
{
    QByteArray frame(qsizetype(ZSTD_compressBound(size_t(body.size()))), Qt::Uninitialized);
    const size_t written = ZSTD_compress(frame.data(), size_t(frame.size()), body.constData(), size_t(body.size()), 3);
    frame.truncate(qsizetype(written));
    return frame;
}

QByteArray snappy(const QByteArray& body)
{
    size_t length = snappy_max_compressed_length(size_t(body.size()));
    QByteArray block(qsizetype(length), Qt::Uninitialized);
    snappy_compress(body.constData(), size_t(body.size()), block.data(), &length);
    block.truncate(qsizetype(length));
    return block;
}

// {:user/id 42, :tags #{"a" "b"}, :at #inst "2024-01-01T00:00:00.000-00:00"} as Carmine stores it.
const QByteArray carmineMessage = carmine(BYTES("\x63\x83"
                                                "\x6a\x07user/id\x57\xaa"
                                                "\x6a\x04tags\x62\x82\x60\x81"
                                                "a\x60\x81"
                                                "b"
                                                "\x6a\x02"
                                                "at\x5a\x00\x00\x01\x8c\xc2\x51\xf4\x00"));
const QString carmineMessageText = QStringLiteral("{:user/id 42,\n"
                                                  " :tags #{\"a\" \"b\"},\n"
                                                  " :at #inst \"2024-01-01T00:00:00.000-00:00\"}");

QByteArray nested(int levels)
{
    // Vectors of one element (vec-sm*, count 1 + 128 = 0x81) around nil.
    QByteArray body;
    for (int i = 0; i < levels; ++i)
        body += BYTES("\x61\x81");
    return body + BYTES("\x03");
}

} // namespace

class TestNippy : public QObject {
    Q_OBJECT

private slots:
    void registered();
    void decode_data();
    void decode();
    void compressed_data();
    void compressed();
    void refused_data();
    void refused();
    void truncatedEverywhere_data();
    void truncatedEverywhere();
    void detect_data();
    void detect();
    void trailingBytesAndRawNippy();
    void readOnly();
    void demoValues();
};

void TestNippy::registered()
{
    QCOMPARE(nippy()->id(), QStringLiteral("nippy"));
    QCOMPARE(nippy()->name(), QStringLiteral("Nippy (Clojure)"));
    const QList<const ValueFormat*> all = FormatRegistry::instance().all();
    QCOMPARE(all.last(), nippy());
    QCOMPARE(all.at(all.size() - 2)->id(), QStringLiteral("msgpack"));
    QCOMPARE(FormatRegistry::instance().detect(carmineMessage), nippy());
}

void TestNippy::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    // Markers
    QTest::addRow("carmine nil marker") << BYTES("\0_") << QStringLiteral("nil");
    QTest::addRow("carmine raw bytes") << BYTES(
        "\0<\xca\xfe") << QStringLiteral("; Carmine raw bytes (marker \\0<), 2 byte(s)\n#bytes \"cafe\"");
    QTest::addRow("carmine frozen") << carmine(BYTES("\x08")) << QStringLiteral("true");
    QTest::addRow("carmine message") << carmineMessage << carmineMessageText;

    // Type ids, one row each (id in decimal: payload)
    QTest::addRow("3 nil") << npy(BYTES("\x03")) << QStringLiteral("nil");
    // Nippy 3.9 caches a keyword from its second use on (io.clj write-auto-cached-kw): the first
    // use is plain, the second writes cached-0 and the keyword, later ones cached-0 alone.
    QTest::addRow("3.9 cached keyword in a vector of maps")
        << npy(BYTES("\x72\x63\x81\x6a\x01"
                     "a\x57\x81\x63\x81\x3b\x6a\x01"
                     "a\x57\x82\x63\x81\x3b\x57\x83"))
        << QStringLiteral("[{:a 1} {:a 2} {:a 3}]");
    // (nippy/freeze [{:a 1 :b 2} {:a 3 :b 4}]) as each release line writes it by default:
    // 3.9 packs and caches (io.clj write-coll-header*, write-auto-cached-kw), 3.4.1-3.8.1 write
    // the unpacked ids and no cache, 3.3.0-3.4.0 pack and write a two-element vector as vec-2.
    QTest::addRow("3.9 [{:a 1 :b 2} {:a 3 :b 4}]")
        << npy(BYTES("\x61\x82\x63\x82\x6a\x01"
                     "a\x57\x81\x6a\x01"
                     "b\x57\x82\x63\x82\x3b\x6a\x01"
                     "a\x57\x83\x3f\x6a\x01"
                     "b\x57\x84"))
        << QStringLiteral("[{:a 1, :b 2} {:a 3, :b 4}]");
    QTest::addRow("3.9 a third map, references only")
        << npy(BYTES("\x61\x83\x63\x82\x6a\x01"
                     "a\x57\x81\x6a\x01"
                     "b\x57\x82\x63\x82\x3b\x6a\x01"
                     "a\x57\x83\x3f\x6a\x01"
                     "b\x57\x84\x63\x82\x3b\x57\x85\x3f\x57\x86"))
        << QStringLiteral("[{:a 1, :b 2} {:a 3, :b 4} {:a 5, :b 6}]");
    QTest::addRow("3.4.1-3.8.1 [{:a 1 :b 2} {:a 3 :b 4}]")
        << npy(BYTES("\x6e\x02\x70\x02\x6a\x01"
                     "a\x64\x01\x6a\x01"
                     "b\x64\x02\x70\x02\x6a\x01"
                     "a\x64\x03\x6a\x01"
                     "b\x64\x04"))
        << QStringLiteral("[{:a 1, :b 2} {:a 3, :b 4}]");
    QTest::addRow("3.3.0-3.4.0 [{:a 1 :b 2} {:a 3 :b 4}]")
        << npy(BYTES("\x71\x63\x82\x6a\x01"
                     "a\x57\x81\x6a\x01"
                     "b\x57\x82\x63\x82\x6a\x01"
                     "a\x57\x83\x6a\x01"
                     "b\x57\x84"))
        << QStringLiteral("[{:a 1, :b 2} {:a 3, :b 4}]");
    QTest::addRow("3.9 every cached id")
        << npy(BYTES("\x61\x8e"
                     "\x3b\x6a\x02k0\x3f\x6a\x02k1\x40\x6a\x02k2\x41\x6a\x02k3\x42\x6a\x02k4"
                     "\x48\x6a\x02k5\x49\x6a\x02k6\x4a\x6a\x02k7\x43\x08\x6a\x02k8\x44\x00\x09\x6a\x02k9"
                     "\x3b\x4a\x43\x08\x44\x00\x09"))
        << QStringLiteral("[:k0 :k1 :k2 :k3 :k4 :k5 :k6 :k7 :k8 :k9 :k0 :k7 :k8 :k9]");
    // Types Carmine users produce every day: byte for byte as Nippy v3.6.1-v3.8.1 writes them
    // (io.clj: write-biginteger is write-bytes-lg of BigInteger.toByteArray(); BigDecimal adds a
    // 4-byte scale after its unscaled value; Instant is epoch second then nano).
    QTest::addRow("62 bigdec 19.95M") << npy(BYTES("\x3e\x00\x00\x00\x02\x07\xcb\x00\x00\x00\x02"))
                                      << QStringLiteral("19.95M");
    QTest::addRow("62 bigdec -1.5M") << npy(BYTES("\x3e\x00\x00\x00\x01\xf1\x00\x00\x00\x01"))
                                     << QStringLiteral("-1.5M");
    QTest::addRow("62 bigdec 123.4500M")
        << npy(BYTES("\x3e\x00\x00\x00\x03\x12\xd6\x44\x00\x00\x00\x04")) << QStringLiteral("123.4500M");
    QTest::addRow("62 bigdec 0.000001M") << npy(BYTES("\x3e\x00\x00\x00\x01\x01\x00\x00\x00\x06"))
                                         << QStringLiteral("0.000001M");
    QTest::addRow("62 bigdec 1E-7M") << npy(BYTES("\x3e\x00\x00\x00\x01\x01\x00\x00\x00\x07"))
                                     << QStringLiteral("1E-7M");
    QTest::addRow("62 bigdec 1E+3M") << npy(BYTES("\x3e\x00\x00\x00\x01\x01\xff\xff\xff\xfd"))
                                     << QStringLiteral("1E+3M");
    QTest::addRow("62 bigdec 1.25E+5M") << npy(BYTES("\x3e\x00\x00\x00\x01\x7d\xff\xff\xff\xfd"))
                                        << QStringLiteral("1.25E+5M");
    QTest::addRow("44 bigint") << npy(BYTES("\x2c\x00\x00\x00\x0e\x01\x8c\x86\x55\x5b\x1b\x46\xfc\xc8\x88\xb0"
                                            "\x63\xb7\x5b"))
                               << QStringLiteral("31415926535897932384626433832795N");
    QTest::addRow("44 bigint negative")
        << npy(BYTES("\x2c\x00\x00\x00\x0e\xfe\x73\x79\xaa\xa4\xe4\xb9\x03\x37\x77\x4f\x9c\x48\xa5"))
        << QStringLiteral("-31415926535897932384626433832795N");
    QTest::addRow("45 biginteger -1") << npy(BYTES("\x2d\x00\x00\x00\x01\xff")) << QStringLiteral("-1");
    QTest::addRow("45 biginteger 128") << npy(BYTES("\x2d\x00\x00\x00\x02\x00\x80")) << QStringLiteral("128");
    QTest::addRow("45 biginteger -129") << npy(BYTES("\x2d\x00\x00\x00\x02\xff\x7f")) << QStringLiteral("-129");
    QTest::addRow("45 biginteger 0") << npy(BYTES("\x2d\x00\x00\x00\x01\x00")) << QStringLiteral("0");
    QTest::addRow("45 biginteger 10^9") << npy(BYTES("\x2d\x00\x00\x00\x04\x3b\x9a\xca\x00"))
                                        << QStringLiteral("1000000000");
    QTest::addRow("70 ratio 22/7") << npy(BYTES("\x46\x00\x00\x00\x01\x16\x00\x00\x00\x01\x07"))
                                   << QStringLiteral("22/7");
    QTest::addRow("79 instant") << npy(BYTES("\x4f\x00\x00\x00\x00\x5e\x0b\xe1\x00\x1d\xcd\x65\x00"))
                                << QStringLiteral("#object[java.time.Instant \"2020-01-01T00:00:00.500Z\"]");
    QTest::addRow("79 instant whole second") << npy(BYTES("\x4f\x00\x00\x00\x00\x5e\x0b\xe1\x00\x00\x00\x00\x00"))
                                             << QStringLiteral("#object[java.time.Instant \"2020-01-01T00:00:00Z\"]");
    QTest::addRow("79 instant nanos")
        << npy(BYTES("\x4f\x00\x00\x00\x00\x5e\x0b\xe1\x00\x07\x5b\xcd\x15"))
        << QStringLiteral("#object[java.time.Instant \"2020-01-01T00:00:00.123456789Z\"]");
    QTest::addRow("92 sql date") << npy(BYTES("\x5c\x00\x00\x01\x6f\x61\x3e\x12\x4c"))
                                 << QStringLiteral("#inst \"2020-01-01T13:14:15.500-00:00\"");
    QTest::addRow("103 map entry") << npy(BYTES("\x67\x60\x83key\x60\x83val")) << QStringLiteral("[\"key\" \"val\"]");
    QTest::addRow("58 regex") << npy(BYTES("\x3a\x60\x84^a\"b")) << QStringLiteral("#\"^a\\\"b\"");
    QTest::addRow("58 regex quoted") << npy(BYTES("\x3a\x60\x85\\Q\"\\E"))
                                     << QStringLiteral("#\"\\Q\\E\\\"\\Q\\E\"");
    // The same with what released Nippy (3.4.1-3.8.1) writes inside them: unpacked ids.
    QTest::addRow("58 regex, unpacked string") << npy(BYTES("\x3a\x69\x04^a\"b")) << QStringLiteral("#\"^a\\\"b\"");
    QTest::addRow("103 map entry, unpacked strings")
        << npy(BYTES("\x67\x69\x03key\x69\x03val")) << QStringLiteral("[\"key\" \"val\"]");
    QTest::addRow("48 record, unpacked map") << npy(BYTES("\x30\x09my.ns.Rec\x70\x01\x6a\x01" "a\x64\x01"))
                                             << QStringLiteral("#my.ns.Rec{:a 1}");
    QTest::addRow("28 sorted set, unpacked longs")
        << npy(BYTES("\x1c\x00\x00\x00\x03\x64\x01\x64\x02\x65\x01\x00")) << QStringLiteral("#{1 2 256}");
    QTest::addRow("26 queue, unpacked strings") << npy(BYTES("\x1a\x00\x00\x00\x01\x69\x01x"))
                                                << QStringLiteral("<-(\"x\")-<");
    QTest::addRow("71 uri, unpacked string") << npy(BYTES("\x47\x69\x13https://clojure.org"))
                                             << QStringLiteral("#object[java.net.URI \"https://clojure.org\"]");
    QTest::addRow("71 uri") << npy(BYTES("\x47\x60\x93https://clojure.org"))
                            << QStringLiteral("#object[java.net.URI \"https://clojure.org\"]");
    QTest::addRow("28 sorted set") << npy(BYTES("\x1c\x00\x00\x00\x03\x57\x81\x57\x82\x57\x83"))
                                   << QStringLiteral("#{1 2 3}");
    QTest::addRow("31 sorted map") << npy(BYTES("\x1f\x00\x00\x00\x02\x6a\x01" "a\x57\x81\x6a\x01" "b\x57\x82"))
                                   << QStringLiteral("{:a 1, :b 2}");
    QTest::addRow("31 sorted map, unpacked") << npy(BYTES("\x1f\x00\x00\x00\x02\x6a\x01" "a\x64\x01\x6a\x01" "b\x64\x02"))
                                             << QStringLiteral("{:a 1, :b 2}");
    QTest::addRow("26 queue") << npy(BYTES("\x1a\x00\x00\x00\x02\x57\x81\x57\x82")) << QStringLiteral("<-(1 2)-<");
    QTest::addRow("26 queue empty") << npy(BYTES("\x1a\x00\x00\x00\x00")) << QStringLiteral("<-()-<");
    QTest::addRow("48 record") << npy(BYTES("\x30\x09my.ns.Rec\x63\x81\x6a\x01" "a\x57\x81"))
                               << QStringLiteral("#my.ns.Rec{:a 1}");
    QTest::addRow("49 record md") << npy(BYTES("\x31\x00\x09my.ns.Rec\x13")) << QStringLiteral("#my.ns.Rec{}");
    QTest::addRow("47 reader") << npy(BYTES("\x2f\x06#{1 2}")) << QStringLiteral("#{1 2}");
    QTest::addRow("47 reader, empty") << npy(BYTES("\x2f\x00")) << QStringLiteral("nil");
    QTest::addRow("51 reader md") << npy(BYTES("\x33\x00\x03" "abc")) << QStringLiteral("abc");
    QTest::addRow("52 reader lg") << npy(BYTES("\x34\x00\x00\x00\x03" "abc")) << QStringLiteral("abc");
    QTest::addRow("77 keyword, 4-byte length") << npy(BYTES("\x4d\x00\x00\x00\x03" "foo")) << QStringLiteral(":foo");
    QTest::addRow("78 symbol, 4-byte length") << npy(BYTES("\x4e\x00\x00\x00\x03" "foo")) << QStringLiteral("foo");
    QTest::addRow("14 keyword lg") << npy(BYTES("\x0e\x00\x00\x00\x03" "foo")) << QStringLiteral(":foo");
    QTest::addRow("8 true") << npy(BYTES("\x08")) << QStringLiteral("true");
    QTest::addRow("9 false") << npy(BYTES("\x09")) << QStringLiteral("false");
    QTest::addRow("10 char") << npy(BYTES("\x0a\x00"
                                          "a"))
                             << QStringLiteral("\\a");
    QTest::addRow("10 char newline") << npy(BYTES("\x0a\x00\x0a")) << QStringLiteral("\\newline");
    QTest::addRow("10 char space") << npy(BYTES("\x0a\x00\x20")) << QStringLiteral("\\space");
    QTest::addRow("10 char control") << npy(BYTES("\x0a\x00\x01")) << QStringLiteral("\\u0001");
    QTest::addRow("10 char lone surrogate") << npy(BYTES("\x0a\xd8\x3d")) << QStringLiteral("\\ud83d");
    QTest::addRow("10 char non-ascii") << npy(BYTES("\x0a\x00\xe9")) << QStringLiteral("\\\u00e9");
    QTest::addRow("40 byte") << npy(BYTES("\x28\xff")) << QStringLiteral("-1");
    QTest::addRow("41 short") << npy(BYTES("\x29\x80\x00")) << QStringLiteral("-32768");
    QTest::addRow("42 int") << npy(BYTES("\x2a\x7f\xff\xff\xff")) << QStringLiteral("2147483647");
    QTest::addRow("0 long zero") << npy(BYTES("\x00")) << QStringLiteral("0");
    QTest::addRow("87 long pos 1") << npy(BYTES("\x57\x81")) << QStringLiteral("1");
    QTest::addRow("87 long pos 128") << npy(BYTES("\x57\x00")) << QStringLiteral("128");
    QTest::addRow("87 long pos 255") << npy(BYTES("\x57\x7f")) << QStringLiteral("255");
    QTest::addRow("88 long pos 256") << npy(BYTES("\x58\x81\x00")) << QStringLiteral("256");
    QTest::addRow("88 long pos 65535") << npy(BYTES("\x58\x7f\xff")) << QStringLiteral("65535");
    QTest::addRow("89 long pos 65536") << npy(BYTES("\x59\x80\x01\x00\x00")) << QStringLiteral("65536");
    QTest::addRow("89 long pos 4294967295") << npy(BYTES("\x59\x7f\xff\xff\xff")) << QStringLiteral("4294967295");
    QTest::addRow("93 long neg -1") << npy(BYTES("\x5d\x81")) << QStringLiteral("-1");
    QTest::addRow("93 long neg -255") << npy(BYTES("\x5d\x7f")) << QStringLiteral("-255");
    QTest::addRow("94 long neg -256") << npy(BYTES("\x5e\x81\x00")) << QStringLiteral("-256");
    QTest::addRow("94 long neg -65535") << npy(BYTES("\x5e\x7f\xff")) << QStringLiteral("-65535");
    QTest::addRow("95 long neg -65536") << npy(BYTES("\x5f\x80\x01\x00\x00")) << QStringLiteral("-65536");
    QTest::addRow("95 long neg -4294967295") << npy(BYTES("\x5f\x7f\xff\xff\xff")) << QStringLiteral("-4294967295");
    QTest::addRow("43 long 4294967296") << npy(BYTES("\x2b\x00\x00\x00\x01\x00\x00\x00\x00"))
                                        << QStringLiteral("4294967296");
    QTest::addRow("43 long min") << npy(BYTES("\x2b\x80\x00\x00\x00\x00\x00\x00\x00"))
                                 << QStringLiteral("-9223372036854775808");
    QTest::addRow("43 long max") << npy(BYTES("\x2b\x7f\xff\xff\xff\xff\xff\xff\xff"))
                                 << QStringLiteral("9223372036854775807");
    QTest::addRow("100 unpacked long sm") << npy(BYTES("\x64\xff")) << QStringLiteral("-1");
    QTest::addRow("101 unpacked long md") << npy(BYTES("\x65\x7f\xff")) << QStringLiteral("32767");
    QTest::addRow("102 unpacked long lg") << npy(BYTES("\x66\x80\x00\x00\x00")) << QStringLiteral("-2147483648");
    QTest::addRow("55 double zero") << npy(BYTES("\x37")) << QStringLiteral("0.0");
    QTest::addRow("61 double") << npy(BYTES("\x3d\x3f\xf8\x00\x00\x00\x00\x00\x00")) << QStringLiteral("1.5");
    QTest::addRow("61 double 0.1") << npy(BYTES("\x3d\x3f\xb9\x99\x99\x99\x99\x99\x9a")) << QStringLiteral("0.1");
    QTest::addRow("61 double whole") << npy(BYTES("\x3d\x40\x00\x00\x00\x00\x00\x00\x00")) << QStringLiteral("2.0");
    QTest::addRow("61 double nan") << npy(BYTES("\x3d\x7f\xf8\x00\x00\x00\x00\x00\x00")) << QStringLiteral("##NaN");
    QTest::addRow("61 double -inf") << npy(BYTES("\x3d\xff\xf0\x00\x00\x00\x00\x00\x00")) << QStringLiteral("##-Inf");
    QTest::addRow("60 float") << npy(BYTES("\x3c\x3f\xc0\x00\x00")) << QStringLiteral("1.5");
    QTest::addRow("60 float 0.1") << npy(BYTES("\x3c\x3d\xcc\xcc\xcd")) << QStringLiteral("0.1");
    QTest::addRow("34 empty string") << npy(BYTES("\x22")) << QStringLiteral("\"\"");
    QTest::addRow("96 string sm*") << npy(BYTES("\x60\x82hi")) << QStringLiteral("\"hi\"");
    QTest::addRow("96 string sm* 200 bytes")
        << npy(str(QByteArray(200, 'z'))) << QLatin1Char('"') + QString(200, QLatin1Char('z')) + QLatin1Char('"');
    QTest::addRow("16 string md") << npy(BYTES("\x10\x00\x02hi")) << QStringLiteral("\"hi\"");
    QTest::addRow("13 string lg") << npy(BYTES("\x0d\x00\x00\x00\x02hi")) << QStringLiteral("\"hi\"");
    QTest::addRow("105 unpacked string sm") << npy(BYTES("\x69\x02hi")) << QStringLiteral("\"hi\"");
    QTest::addRow("string escapes") << npy(BYTES("\x60\x87"
                                                 "a\"b\\\n\t\x01"))
                                    << QStringLiteral("\"a\\\"b\\\\\\n\\t\\u0001\"");
    QTest::addRow("string utf-8") << npy(str("\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87 \xe2\x9c\x93"))
                                  << QStringLiteral("\"\u043a\u043b\u044e\u0447 \u2713\"");
    QTest::addRow("106 keyword") << npy(BYTES("\x6a\x07user/id")) << QStringLiteral(":user/id");
    QTest::addRow("85 keyword md") << npy(BYTES("\x55\x00\x01"
                                                "a"))
                                   << QStringLiteral(":a");
    QTest::addRow("56 symbol") << npy(BYTES("\x38\x03"
                                            "foo"))
                               << QStringLiteral("foo");
    QTest::addRow("56 empty symbol") << npy(BYTES("\x38\x00")) << QStringLiteral("#nippy/symbol \"\"");
    // Real output of Nippy before 3.3, published in windcatcher's rocksdb-test.clj:
    // (freeze nil) = [78 80 89 0 3], (freeze "hi!") = [78 80 89 0 105 3 104 105 33].
    QTest::addRow("real nippy nil") << BYTES("\x4e\x50\x59\x00\x03") << QStringLiteral("nil");
    QTest::addRow("real nippy unpacked string")
        << BYTES("\x4e\x50\x59\x00\x69\x03\x68\x69\x21") << QStringLiteral("\"hi!\"");
    QTest::addRow("86 symbol md") << npy(BYTES("\x56\x00\x05"
                                               "a.b/c"))
                                  << QStringLiteral("a.b/c");
    QTest::addRow("17 empty vector") << npy(BYTES("\x11")) << QStringLiteral("[]");
    QTest::addRow("113 vector of 2") << npy(BYTES("\x71\x00\x09")) << QStringLiteral("[0 false]");
    QTest::addRow("114 vector of 3") << npy(BYTES("\x72\x03\x08\x09")) << QStringLiteral("[nil true false]");
    QTest::addRow("97 vector sm*") << npy(BYTES("\x61\x81\x03")) << QStringLiteral("[nil]");
    QTest::addRow("69 vector md") << npy(BYTES("\x45\x00\x02\x03\x08")) << QStringLiteral("[nil true]");
    QTest::addRow("21 vector lg") << npy(BYTES("\x15\x00\x00\x00\x01\x03")) << QStringLiteral("[nil]");
    QTest::addRow("110 unpacked vector sm") << npy(BYTES("\x6e\x01\x03")) << QStringLiteral("[nil]");
    QTest::addRow("18 empty set") << npy(BYTES("\x12")) << QStringLiteral("#{}");
    QTest::addRow("98 set sm*") << npy(BYTES("\x62\x81\x00")) << QStringLiteral("#{0}");
    QTest::addRow("32 set md") << npy(BYTES("\x20\x00\x01\x00")) << QStringLiteral("#{0}");
    QTest::addRow("23 set lg") << npy(BYTES("\x17\x00\x00\x00\x01\x00")) << QStringLiteral("#{0}");
    QTest::addRow("111 unpacked set sm") << npy(BYTES("\x6f\x01\x00")) << QStringLiteral("#{0}");
    QTest::addRow("19 empty map") << npy(BYTES("\x13")) << QStringLiteral("{}");
    QTest::addRow("99 map sm*") << npy(BYTES("\x63\x82\x6a\x01"
                                             "a\x00\x6a\x01"
                                             "b\x03"))
                                << QStringLiteral("{:a 0, :b nil}");
    QTest::addRow("33 map md") << npy(BYTES("\x21\x00\x01\x6a\x01"
                                            "a\x00"))
                               << QStringLiteral("{:a 0}");
    QTest::addRow("30 map lg") << npy(BYTES("\x1e\x00\x00\x00\x01\x6a\x01"
                                            "a\x00"))
                               << QStringLiteral("{:a 0}");
    QTest::addRow("112 unpacked map sm") << npy(BYTES("\x70\x01\x6a\x01"
                                                    "a\x00"))
                                       << QStringLiteral("{:a 0}");
    QTest::addRow("35 empty list") << npy(BYTES("\x23")) << QStringLiteral("()");
    QTest::addRow("36 list sm") << npy(BYTES("\x24\x02\x00\x08")) << QStringLiteral("(0 true)");
    QTest::addRow("54 list md") << npy(BYTES("\x36\x00\x01\x00")) << QStringLiteral("(0)");
    QTest::addRow("20 list lg") << npy(BYTES("\x14\x00\x00\x00\x01\x00")) << QStringLiteral("(0)");
    QTest::addRow("37 empty seq") << npy(BYTES("\x25")) << QStringLiteral("()");
    QTest::addRow("38 seq sm") << npy(BYTES("\x26\x01\x00")) << QStringLiteral("(0)");
    QTest::addRow("39 seq md") << npy(BYTES("\x27\x00\x01\x00")) << QStringLiteral("(0)");
    QTest::addRow("24 seq lg") << npy(BYTES("\x18\x00\x00\x00\x01\x00")) << QStringLiteral("(0)");
    QTest::addRow("91 uuid") << npy(BYTES("\x5b\x12\x34\x56\x78\x9a\xbc\x4d\xef\x80\x12\x34\x56\x78\x9a\xbc\xde"))
                             << QStringLiteral("#uuid \"12345678-9abc-4def-8012-3456789abcde\"");
    QTest::addRow("90 date") << npy(BYTES("\x5a\x00\x00\x01\x8c\xc2\x51\xf4\x00"))
                             << QStringLiteral("#inst \"2024-01-01T00:00:00.000-00:00\"");
    QTest::addRow("90 date with ms before 1970") << npy(BYTES("\x5a\xff\xff\xff\xff\xff\xff\xff\xff"))
                                                 << QStringLiteral("#inst \"1969-12-31T23:59:59.999-00:00\"");
    QTest::addRow("90 date beyond year 9999")
        << npy(BYTES("\x5a\x7f\xff\xff\xff\xff\xff\xff\xff")) << QStringLiteral("#nippy/date-ms 9223372036854775807");
    QTest::addRow("53 empty byte array") << npy(BYTES("\x35")) << QStringLiteral("#bytes \"\"");
    QTest::addRow("7 byte array sm") << npy(BYTES("\x07\x02\xca\xfe")) << QStringLiteral("#bytes \"cafe\"");
    QTest::addRow("15 byte array md") << npy(BYTES("\x0f\x00\x02\xca\xfe")) << QStringLiteral("#bytes \"cafe\"");
    QTest::addRow("2 byte array lg") << npy(BYTES("\x02\x00\x00\x00\x02\xca\xfe")) << QStringLiteral("#bytes \"cafe\"");
    QTest::addRow("25 metadata") << npy(BYTES("\x19\x63\x81\x6a\x03tag\x08\x11")) << QStringLiteral("^{:tag true} []");
    QTest::addRow("25 metadata in a vector") << npy(BYTES("\x71\x19\x63\x81\x6a\x01"
                                                          "a\x08\x38\x01x\x00"))
                                             << QStringLiteral("[^{:a true} x 0]");

    // The helpers' encoders at every boundary of the offset forms
    for (const qint64 value : { qint64(1), qint64(255), qint64(256), qint64(65535), qint64(65536), qint64(4294967295LL),
             qint64(4294967296LL), qint64(-1), qint64(-255), qint64(-256), qint64(-65535), qint64(-65536),
             qint64(-4294967295LL), qint64(-4294967296LL) }) {
        QTest::addRow("long %lld", static_cast<long long>(value)) << npy(longValue(value)) << QString::number(value);
    }

    // Nesting and layout
    QTest::addRow("nested collections") << npy(BYTES("\x71\x61\x82\x62\x81\x6a\x01"
                                                     "a\x63\x81\x60\x81k\x23\x13"))
                                        << QStringLiteral("[[#{:a} {\"k\" ()}] {}]");
    QTest::addRow("long map breaks lines")
        << npy(BYTES("\x63\x82\x6a\x01"
                     "a")
               + str(QByteArray(40, 'x'))
               + BYTES("\x6a\x01"
                       "b")
               + str(QByteArray(40, 'y')))
        << QStringLiteral("{:a \"%1\",\n :b \"%2\"}").arg(QString(40, QLatin1Char('x')), QString(40, QLatin1Char('y')));
    QTest::addRow("long vector aligned under its key")
        << npy(BYTES("\x63\x81\x6a\x01k\x72") + str(QByteArray(30, 'a')) + str(QByteArray(30, 'b'))
               + str(QByteArray(30, 'c')))
        << QStringLiteral("{:k [\"%1\"\n     \"%2\"\n     \"%3\"]}")
               .arg(QString(30, QLatin1Char('a')), QString(30, QLatin1Char('b')), QString(30, QLatin1Char('c')));
    QTest::addRow("64 levels") << npy(nested(64))
                               << QString(64, QLatin1Char('[')) + QStringLiteral("nil") + QString(64, QLatin1Char(']'));
}

void TestNippy::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    const DecodedValue value = nippy()->decode(bytes);
    QVERIFY2(value.ok, qPrintable(value.error));
    QCOMPARE(value.text, text);
    QVERIFY(value.error.isEmpty());
}

void TestNippy::compressed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray body = largeBody();
    QVERIFY(body.size() > 8192);
    QTest::addRow("lz4") << npy(lz4(body), 8);
    QTest::addRow("lz4 with carmine marker") << BYTES("\0>") + npy(lz4(body), 8);
    QTest::addRow("zstd") << npy(zstd(body), 20);
    QTest::addRow("snappy") << npy(snappy(body), 1);
}

void TestNippy::compressed()
{
    QFETCH(QByteArray, bytes);
    const DecodedValue plain = nippy()->decode(npy(largeBody()));
    QVERIFY2(plain.ok, qPrintable(plain.error));
    QVERIFY(plain.text.startsWith(QLatin1String("[\"value number 000\"\n \"value number 001\"")));
    QVERIFY(plain.text.endsWith(QLatin1String("\n \"value number 499\"]")));
    QVERIFY(bytes.size() < npy(largeBody()).size());
    const DecodedValue value = nippy()->decode(bytes);
    QVERIFY2(value.ok, qPrintable(value.error));
    QCOMPARE(value.text, plain.text);
}

void TestNippy::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");

    for (const char meta : { 2, 14, 9, 16 }) {
        QTest::addRow("encrypted, meta %d", int(meta))
            << npy(BYTES("\x01\x02\x03"), meta) << QStringLiteral("cannot be decoded without the password");
    }
    QTest::addRow("lzma2") << npy(BYTES("\x01\x02\x03"), 11)
                           << QStringLiteral("LZMA2, which Vermilion does not support");
    QTest::addRow("custom compressor") << npy(BYTES("\x01"), 5) << QStringLiteral("custom compressor");
    QTest::addRow("unknown meta") << npy(BYTES("\x03"), 99) << QStringLiteral("Unknown Nippy header meta byte 99");
    QTest::addRow("headerless after marker")
        << BYTES("\0>\x03") << QStringLiteral("headerless or legacy Nippy v1 data");
    QTest::addRow("headerless") << BYTES("\x63\x81\x03\x03") << QStringLiteral("legacy Nippy v1 data is not decoded");
    QTest::addRow("header only") << BYTES("NPY\0") << QStringLiteral("nothing follows the header");
    QTest::addRow("nil marker with more") << BYTES("\0_x") << QStringLiteral("after Carmine's nil marker");

    // Types Vermilion does not show: never guessed
    QTest::addRow("id 118 int array")
        << npy(BYTES("\x76\x00\x00\x00\x01\x00\x00\x00\x01"))
        << QStringLiteral("Unsupported Nippy type 118 at offset 4 (#nippy/unsupported 118)");
    QTest::addRow("custom type id -1") << npy(BYTES("\xff\x00"))
                                       << QStringLiteral("Unsupported Nippy type -1 at offset 4");
    QTest::addRow("Serializable inside a vector")
        << carmine(BYTES("\x71\x03\x4b\x01x\x03")) << QStringLiteral("Unsupported Nippy type 75 at offset 8");
    QTest::addRow("cached reference with no value") << npy(BYTES("\x3b")) << QStringLiteral("Truncated Nippy data");
    QTest::addRow("cached reference ahead of the cache")
        << npy(BYTES("\x3f")) << QStringLiteral("A cached reference to entry 1 at offset 4, but only 0 values were cached");
    QTest::addRow("cached reference into itself")
        << npy(BYTES("\x3b\x3b")) << QStringLiteral("A cached reference at offset 5 points into the value it belongs to");
    QTest::addRow("shared dictionary") << npy(BYTES("\x7c\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x3b"))
                                       << QStringLiteral("refers to a shared dictionary (Nippy 3.9 shared-dict)");
    QTest::addRow("unassigned id 127") << npy(BYTES("\x7f")) << QStringLiteral("Unsupported Nippy type 127");
    QTest::addRow("unknown id in lz4 data") << npy(lz4(BYTES("\x71\x03\x4b")),
        8) << QStringLiteral("Unsupported Nippy type 75 at offset 2 of the decompressed data");
    // Big numbers Java cannot have, or too long to turn into decimal
    QTest::addRow("BigInteger of no bytes") << npy(BYTES("\x2d\x00\x00\x00\x00"))
                                            << QStringLiteral("A BigInteger of no bytes at offset 4");
    QTest::addRow("BigInteger of 5000 bytes")
        << npy(BYTES("\x2d\x00\x00\x13\x88") + QByteArray(5000, '\x01'))
        << QStringLiteral("A BigInteger of 5000 bytes at offset 4 is too big to show (at most 4096)");
    QTest::addRow("regex of a number") << npy(BYTES("\x3a\x57\x81"))
                                       << QStringLiteral("Expected a string at offset 5 in the Nippy data, found type 87");

    // Hostile lengths and counts
    QTest::addRow("string of 2 GiB") << npy(
        BYTES("\x0d\x7f\xff\xff\xff"
              "abc")) << QStringLiteral("The length 2147483647 declared at offset 4 exceeds the 3 bytes");
    QTest::addRow("negative string length") << npy(BYTES("\x0d\xff\xff\xff\xff"
                                                         "abc"))
                                            << QStringLiteral("Negative length -1 at offset 5");
    QTest::addRow("vector of 2^31-1") << npy(BYTES("\x15\x7f\xff\xff\xff\x03"))
                                      << QStringLiteral("exceeds the 1 bytes");
    QTest::addRow("map needing two bytes an entry")
        << npy(BYTES("\x63\x82\x03\x03\x03")) << QStringLiteral("The length 2 declared at offset 4 exceeds");
    QTest::addRow("byte array of 2 GiB") << npy(BYTES("\x02\x7f\xff\xff\xff")) << QStringLiteral("exceeds the 0 bytes");
    QTest::addRow("lz4 declaring 4 GiB") << npy(BYTES("\xff\xff\xff\xff\x00"), 8) << QStringLiteral("64 MiB");
    QTest::addRow("lz4 declaring too much for its block")
        << npy(BYTES("\x00\x10\x00\x00\x10\x03"), 8) << QStringLiteral("cannot expand to the declared");
    QTest::addRow("lz4 corrupted block") << npy(BYTES("\x00\x00\x00\x05\xf0\x03"), 8)
                                         << QStringLiteral("Corrupted Nippy LZ4 data");
    QTest::addRow("lz4 without length") << npy(BYTES("\x00\x00"), 8) << QStringLiteral("4-byte length is missing");
    QTest::addRow("snappy declaring too much") << npy(BYTES("\xff\xff\xff\xff\x0f\x00"), 1) << QStringLiteral("64 MiB");
    QTest::addRow("snappy corrupted") << npy(BYTES("\x05\x03"), 1) << QStringLiteral("Corrupted Nippy Snappy data");
    QTest::addRow("zstd garbage") << npy(BYTES("\x01\x02\x03\x04\x05"), 20) << QStringLiteral("Zstandard");
    QTest::addRow("deep nesting (1000 levels)")
        << npy(nested(1000)) << QStringLiteral("nests deeper than 64 levels (at offset 132)");
    QTest::addRow("65 levels") << npy(nested(65)) << QStringLiteral("nests deeper than 64 levels");
    QTest::addRow("over 16 MiB of text") << npy(BYTES("\x02\x00\x90\x00\x00") + QByteArray(0x900000, 'x'))
                                         << QStringLiteral("too large to show as text (over 16 MiB)");
    QTest::addRow("raw bytes over 16 MiB of text")
        << BYTES("\0<") + QByteArray(0x900000, 'x') << QStringLiteral("too large to show as text");
}

void TestNippy::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const DecodedValue value = nippy()->decode(bytes);
    QVERIFY(!value.ok);
    QVERIFY(value.text.isEmpty());
    QVERIFY2(value.error.contains(error), qPrintable(value.error));
}

void TestNippy::truncatedEverywhere_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("carmine message") << carmineMessage;
    QTest::addRow("every type") << npy(BYTES("\x15\x00\x00\x00\x0b\x0a\x00"
                                             "a\x2b\x00\x00\x00\x01\x00\x00\x00\x00"
                                             "\x3d\x3f\xf8\x00\x00\x00\x00\x00\x00\x0d\x00\x00\x00\x02hi\x55\x00\x01"
                                             "a\x19\x63\x81\x6a\x01"
                                             "a\x08\x11\x5b\x12\x34\x56\x78\x9a\xbc\x4d\xef\x80"
                                             "\x12\x34\x56\x78\x9a\xbc\xde\x5a\x00\x00\x01\x8c\xc2\x51\xf4\x00"
                                             "\x0f\x00\x02\xca\xfe\x59\x80\x01\x00\x00\x36\x00\x01\x08"));
    QTest::addRow("lz4") << npy(lz4(largeBody()), 8);
    // The types added for Carmine users, in one vector of 14: cut anywhere, each says truncated.
    QTest::addRow("big numbers, time, records")
        << npy(BYTES("\x15\x00\x00\x00\x0e"
                     "\x3e\x00\x00\x00\x02\x07\xcb\x00\x00\x00\x02" // 19.95M
                     "\x2c\x00\x00\x00\x01\x05" // 5N
                     "\x46\x00\x00\x00\x01\x16\x00\x00\x00\x01\x07" // 22/7
                     "\x4f\x00\x00\x00\x00\x5e\x0b\xe1\x00\x1d\xcd\x65\x00" // Instant
                     "\x5c\x00\x00\x01\x6f\x61\x3e\x12\x4c" // sql date
                     "\x67\x57\x81\x57\x82" // map entry
                     "\x3a\x60\x81x" // regex
                     "\x47\x60\x81u" // uri
                     "\x1c\x00\x00\x00\x01\x57\x81" // sorted set
                     "\x1f\x00\x00\x00\x01\x57\x81\x57\x82" // sorted map
                     "\x1a\x00\x00\x00\x01\x57\x81" // queue
                     "\x30\x01R\x13" // record
                     "\x2f\x01x" // reader
                     "\x4d\x00\x00\x00\x01k")); // kw-md_
}

void TestNippy::truncatedEverywhere()
{
    QFETCH(QByteArray, bytes);
    const DecodedValue whole = nippy()->decode(bytes);
    QVERIFY2(whole.ok, qPrintable(whole.error));
    for (qsizetype size = 0; size < bytes.size(); ++size) {
        const DecodedValue value = nippy()->decode(bytes.first(size));
        QVERIFY2(!value.ok, qPrintable(QStringLiteral("prefix of %1 bytes decoded").arg(size)));
        QVERIFY(value.text.isEmpty());
        QVERIFY2(!value.error.isEmpty(), qPrintable(QStringLiteral("prefix of %1 bytes").arg(size)));
        // A cut in the typed values says so: its error names the truncation and where.
        if (size > 6 && bytes.startsWith(BYTES("\0>")))
            QVERIFY2(value.error.contains(QLatin1String("Truncated Nippy data"))
                    || value.error.contains(QLatin1String("exceeds")),
                qPrintable(value.error));
    }
}

void TestNippy::detect_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("score");
    QTest::addRow("carmine marker and header") << carmineMessage << 100;
    QTest::addRow("bare header") << npy(BYTES("\x03")) << 95;
    QTest::addRow("bare header, lz4") << npy(BYTES("\x00\x00\x00\x01\x10\x03"), 8) << 95;
    QTest::addRow("bare header, encrypted") << npy(BYTES("\x01"), 16) << 95;
    QTest::addRow("bare header, unknown meta") << npy(BYTES("\x03"), 99) << 0;
    QTest::addRow("header only") << BYTES("NPY\0") << 0;
    QTest::addRow("raw marker") << BYTES("\0<abc") << 60;
    QTest::addRow("nil marker") << BYTES("\0_") << 60;
    QTest::addRow("text") << BYTES("NPC hello") << 0;
    QTest::addRow("empty") << QByteArray() << 0;
}

void TestNippy::detect()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, score);
    QCOMPARE(nippy()->detect(bytes), score);
}

// Bytes after the value are ignored, as Nippy's thaw ignores them, and the note says so; raw
// bytes (\0<) that hold Nippy data are thawed, as Carmine's issue-83 workaround does.
void TestNippy::trailingBytesAndRawNippy()
{
    const DecodedValue trailing = nippy()->decode(npy(BYTES("\x03\x03\x03")));
    QVERIFY2(trailing.ok, qPrintable(trailing.error));
    QCOMPARE(trailing.text, QStringLiteral("nil"));
    QCOMPARE(trailing.note, QStringLiteral("2 byte(s) after the value are ignored, as Nippy ignores them when it thaws."));
    const DecodedValue raw = nippy()->decode(BYTES("\0<") + npy(BYTES("\x08")));
    QVERIFY2(raw.ok, qPrintable(raw.error));
    QCOMPARE(raw.text, QStringLiteral("true"));
    QVERIFY(raw.note.contains(QLatin1String("issue-83")));
    // Raw bytes that only look like Nippy stay bytes, as Carmine returns them when thaw fails.
    const DecodedValue notNippy = nippy()->decode(BYTES("\0<NPY\0\x7f"));
    QVERIFY2(notNippy.ok, qPrintable(notNippy.error));
    QVERIFY(notNippy.text.contains(QLatin1String("#bytes \"4e505900")));
    QVERIFY2(notNippy.note.contains(QLatin1String("do not thaw (Unsupported Nippy type 127")), qPrintable(notNippy.note));
}

void TestNippy::readOnly()
{
    const DecodedValue value = nippy()->decode(carmineMessage);
    QVERIFY(value.ok);
    QVERIFY(!value.editable);
    QVERIFY(value.readOnlyReason.contains(QLatin1String("cannot write Nippy back from EDN text")));
    QString error;
    QVERIFY(nippy()->encode(value.text, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("cannot be saved from their EDN text")));
}

void TestNippy::demoValues()
{
    QHash<QByteArray, QByteArray> values;
    for (const auto& command : vermilion::DemoSeeder::encodedValues()) {
        if (command.size() >= 3 && command.at(0) == "SET")
            values.insert(command.at(1), command.at(2));
    }
    QVERIFY(values.contains("fmt:nippy:map"));
    QVERIFY(values.contains("fmt:nippy:lz4"));
    // Released Nippy (3.4.1-3.8.1) writes the unpacked ids, 3.3.0-3.4.0 and 3.9 the packed ones: the
    // demo has both, and they read the same.
    QCOMPARE(values.value("fmt:nippy:map").at(6), '\x70'); // 112 map-sm_
    QCOMPARE(values.value("fmt:nippy:packed").at(6), '\x63'); // 99 map-sm*
    QCOMPARE(nippy()->decode(values.value("fmt:nippy:map")).text, nippy()->decode(values.value("fmt:nippy:packed")).text);
    QCOMPARE(nippy()->decode(values.value("fmt:nippy:map")).text,
        QStringLiteral("{:user/id 42,\n :user/name \"Ada\",\n :tags #{\"admin\" \"beta\"},\n :at #inst "
                       "\"2024-01-01T00:00:00.000-00:00\"}"));
    const QByteArray lz4Value = values.value("fmt:nippy:lz4");
    QCOMPARE(lz4Value.mid(2, 4), BYTES("NPY\x08"));
    for (const QByteArray& key : { QByteArray("fmt:nippy:map"), QByteArray("fmt:nippy:packed"), QByteArray("fmt:nippy:lz4") }) {
        const QByteArray bytes = values.value(key);
        QCOMPARE(FormatRegistry::instance().detect(bytes), nippy());
        const DecodedValue value = nippy()->decode(bytes);
        QVERIFY2(value.ok, qPrintable(value.error));
        QVERIFY(value.text.startsWith(QLatin1Char('{')));
    }
    const quint32 declared = quint32(uchar(lz4Value.at(6))) << 24 | quint32(uchar(lz4Value.at(7))) << 16
        | quint32(uchar(lz4Value.at(8))) << 8 | quint32(uchar(lz4Value.at(9)));
    QVERIFY(declared > 8192);
}

QTEST_GUILESS_MAIN(TestNippy)
#include "tst_nippy.moc"
