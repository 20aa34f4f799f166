// The value formats: byte-exact vectors made by the real tools (gzip -n, zstd, lz4, Python's zlib,
// libsnappy) or written from the MessagePack specification, round trips, detection, and hostile
// input (truncated, corrupted, lying about its size, bombs) that must fail with a reason.
#include "formats/valueformat.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace vermilion::formats;

namespace {

// A byte string literal with its embedded NULs.
#define BYTES(literal) QByteArray(literal, qsizetype(sizeof(literal) - 1))

const ValueFormat* format(const QString& id)
{
    const ValueFormat* found = FormatRegistry::instance().find(id);
    if (!found)
        qFatal("format %s is not registered", qPrintable(id));
    return found;
}

// "Hello, Vermilion!\n" in every container, as the tools write it.
const QByteArray helloText = BYTES("Hello, Vermilion!\n");
// gzip -n
const QByteArray helloGzip
    = BYTES("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xf3\x48\xcd\xc9\xc9\xd7\x51\x08\x4b\x2d\xca"
            "\xcd\xcc\xc9\xcc\xcf\x53\xe4\x02\x00\x01\xa2\x9a\xb5\x12\x00\x00\x00");
// python3 -c 'zlib.compress(...)'
const QByteArray helloZlib
    = BYTES("\x78\x9c\xf3\x48\xcd\xc9\xc9\xd7\x51\x08\x4b\x2d\xca\xcd\xcc\xc9\xcc\xcf\x53\xe4\x02"
            "\x00\x3c\x8d\x06\x21");
// lz4 -c (block independence, content checksum, no content size)
const QByteArray helloLz4 = BYTES("\x04\x22\x4d\x18\x64\x40\xa7\x12\x00\x00\x80\x48\x65\x6c\x6c\x6f\x2c\x20\x56\x65\x72"
                                  "\x6d\x69\x6c\x69\x6f\x6e\x21\x0a\x00\x00\x00\x00\x41\xe1\x20\x86");
// zstd -c file (content size and checksum)
const QByteArray helloZstd
    = BYTES("\x28\xb5\x2f\xfd\x24\x12\x91\x00\x00\x48\x65\x6c\x6c\x6f\x2c\x20\x56\x65\x72\x6d\x69"
            "\x6c\x69\x6f\x6e\x21\x0a\xeb\xab\x4d\x1e");
// zstd -c < file: streamed, so no content size
const QByteArray helloZstdStreamed
    = BYTES("\x28\xb5\x2f\xfd\x04\x58\x91\x00\x00\x48\x65\x6c\x6c\x6f\x2c\x20\x56\x65\x72"
            "\x6d\x69\x6c\x69\x6f\x6e\x21\x0a\xeb\xab\x4d\x1e");
// snappy_compress
const QByteArray helloSnappy
    = BYTES("\x12\x44\x48\x65\x6c\x6c\x6f\x2c\x20\x56\x65\x72\x6d\x69\x6c\x69\x6f\x6e\x21\x0a");
// snappy_compress of "abc" * 12 + "\n": a literal, a copy, a literal
const QByteArray abcSnappy = BYTES("\x25\x08\x61\x62\x63\x82\x03\x00\x00\x0a");
const QByteArray helloBase64 = BYTES("SGVsbG8sIFZlcm1pbGlvbiEK");
// {"a": 1, "b": [true, false, nil]}
const QByteArray sampleMsgPack = BYTES("\x82\xa1\x61\x01\xa1\x62\x93\xc3\xc2\xc0");

QByteArray withByte(QByteArray bytes, qsizetype index, char value)
{
    bytes[index] = value;
    return bytes;
}

// A Zstandard frame without a content size whose RLE blocks each expand one byte to 128 KiB.
QByteArray zstdRleBomb(int blocks)
{
    // Frame header descriptor 0 (no content size, no checksum), window descriptor 0x38 (128 KiB).
    QByteArray frame = BYTES("\x28\xb5\x2f\xfd\x00\x38");
    for (int i = 0; i < blocks; ++i) {
        const quint32 header = (131072u << 3) | (1u << 1) | (i == blocks - 1 ? 1u : 0u); // size, RLE, last
        frame += char(header & 0xff);
        frame += char((header >> 8) & 0xff);
        frame += char((header >> 16) & 0xff);
        frame += 'z';
    }
    return frame;
}

// An LZ4 frame without a content size whose blocks of 271 bytes each expand to 64 KiB of zeros.
QByteArray lz4Bomb(int blocks)
{
    // Header from lz4 --no-frame-crc: FLG 0x60 (independent blocks), BD 0x40 (64 KiB), checksum 0x82.
    QByteArray frame = BYTES("\x04\x22\x4d\x18\x60\x40\x82");
    // One literal zero, a match at offset 1 of 65530 bytes (4 + 15 + 256 * 255 + 231), then the five
    // literal bytes every block ends with.
    QByteArray block = BYTES("\x1f\x00\x01\x00");
    block += QByteArray(256, '\xff');
    block += char(231);
    block += BYTES("\x50\x00\x00\x00\x00\x00");
    for (int i = 0; i < blocks; ++i) {
        const auto size = quint32(block.size());
        frame += char(size & 0xff);
        frame += char((size >> 8) & 0xff);
        frame += char((size >> 16) & 0xff);
        frame += char((size >> 24) & 0xff);
        frame += block;
    }
    frame += BYTES("\x00\x00\x00\x00");
    return frame;
}

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '\x91') + '\x01';
}

// Deterministic noise: the same "random binary" on every run.
QByteArray noise(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 0x9e3779b9;
    for (qsizetype i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        bytes[i] = char(state >> 24);
    }
    return bytes;
}

const QString tooLarge = QStringLiteral("decompressed size exceeds 64 MiB");

} // namespace

class TestFormats : public QObject {
    Q_OBJECT

private slots:
    void registryListsBuiltInFormatsInOrder();
    void decode_data();
    void decode();
    void encodeGivesExactBytes_data();
    void encodeGivesExactBytes();
    void roundTrip_data();
    void roundTrip();
    void savingUnchangedKeepsBytes_data();
    void savingUnchangedKeepsBytes();
    void detect_data();
    void detect();
    void malformedInputFails_data();
    void malformedInputFails();
    void bombsAreRefused_data();
    void bombsAreRefused();
    void exactly64MiBIsAccepted();
    void jsonNumbersBeyondADoubleAreReadOnly_data();
    void jsonNumbersBeyondADoubleAreReadOnly();
    void encodeRefusesBadText_data();
    void encodeRefusesBadText();
    void msgPackNestingIsBounded();
    void registryIsUsableFromSeveralThreads();
    void jsonInsideAContainerIsPrettyPrinted_data();
    void jsonInsideAContainerIsPrettyPrinted();
    void jsonInsideACompressedPrefix();
};

void TestFormats::registryListsBuiltInFormatsInOrder()
{
    FormatRegistry& registry = FormatRegistry::instance();
    QCOMPARE(&FormatRegistry::instance(), &registry);
    QStringList ids;
    const QList<const ValueFormat*> formats = registry.all();
    for (const ValueFormat* format : formats) {
        ids << format->id();
        QVERIFY2(!format->name().isEmpty(), qPrintable(format->id()));
        QCOMPARE(registry.find(format->id()), format);
    }
    QCOMPARE(ids,
        QStringList({ QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("hex"), QStringLiteral("base64"),
            QStringLiteral("gzip"), QStringLiteral("zlib"), QStringLiteral("lz4"), QStringLiteral("zstd"),
            QStringLiteral("snappy"), QStringLiteral("snappy-framed"), QStringLiteral("msgpack"),
            QStringLiteral("nippy") }));
    QCOMPARE(registry.find(QStringLiteral("no-such-format")), nullptr);
}

void TestFormats::decode_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("editable");

    const QString hello = QStringLiteral("Hello, Vermilion!\n");
    QTest::addRow("text: UTF-8") << "text" << BYTES("h\xc3\xa9llo\tworld\r\n") << QStringLiteral("héllo\tworld\r\n")
                                 << true;
    QTest::addRow("text: a byte order mark is kept")
        << "text" << BYTES("\xef\xbb\xbfhi") << QString(QChar(0xfeff) + QStringLiteral("hi")) << true;
    QTest::addRow("text: control characters are still text")
        << "text" << BYTES("a\x00\x01") << QString::fromLatin1("a\0\1", 3) << true;
    QTest::addRow("text: empty") << "text" << QByteArray() << QString() << true;

    QTest::addRow("json: object pretty-printed, keys sorted")
        << "json" << BYTES("{\"b\":[1,2],\"a\":\"x\"}")
        << QStringLiteral("{\n    \"a\": \"x\",\n    \"b\": [\n        1,\n        2\n    ]\n}\n") << true;
    QTest::addRow("json: array with white space")
        << "json" << BYTES(" [ true , null ] \n") << QStringLiteral("[\n    true,\n    null\n]\n") << true;
    QTest::addRow("json: bare string") << "json" << BYTES("  \"x\\u00e9\"  ") << QStringLiteral("\"xé\"") << true;
    QTest::addRow("json: bare number") << "json" << BYTES("42") << QStringLiteral("42") << true;
    QTest::addRow("json: 64-bit integers are kept exactly")
        << "json" << BYTES("[9223372036854775807,-9007199254740993]")
        << QStringLiteral("[\n    9223372036854775807,\n    -9007199254740993\n]\n") << true;
    QTest::addRow("json: beyond 64 bits is read-only")
        << "json" << BYTES("[12345678901234567890]") << QStringLiteral("[\n    12345678901234567000\n]\n") << false;

    QTest::addRow("hex: dump with offsets and ASCII")
        << "hex" << helloText
        << QStringLiteral("00000000: 48 65 6c 6c 6f 2c 20 56  65 72 6d 69 6c 69 6f 6e  |Hello, Vermilion|\n"
                          "00000010: 21 0a                                             |!.|\n")
        << true;
    QTest::addRow("hex: exactly one line")
        << "hex" << QByteArray(16, '\0')
        << QStringLiteral("00000000: 00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  "
                          "|................|\n")
        << true;
    QTest::addRow("hex: empty") << "hex" << QByteArray() << QString() << true;

    QTest::addRow("base64: text") << "base64" << helloBase64 << hello << true;
    QTest::addRow("base64: binary is escaped")
        << "base64" << BYTES("AAEC/w==") << QStringLiteral("\\x00\\x01\\x02\\xff") << true;
    QTest::addRow("base64: URL-safe is read-only")
        << "base64" << BYTES("-_-_") << QStringLiteral("\\xfb\\xff\\xbf") << false;
    QTest::addRow("base64: unpadded is read-only") << "base64" << BYTES("aGk") << QStringLiteral("hi") << false;

    QTest::addRow("gzip: gzip -n") << "gzip" << helloGzip << hello << true;
    QTest::addRow("gzip: two members read as one") << "gzip"
                                                   << BYTES("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x2b\x48\x2c\x2a"
                                                            "\x51\xc8\xcf\x4b\xd5\x51\x00\x00\xeb\x3d\xfd\x23"
                                                            "\x0a\x00\x00\x00\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
                                                            "\x2b\x48\x2c\x2a\x51\x28\x29\xcf\xe7\x02\x00\xe7"
                                                            "\x01\x3d\x97\x09\x00\x00\x00")
                                                   << QStringLiteral("part one, part two\n") << true;
    QTest::addRow("gzip: binary payload escaped like redis-cli")
        << "gzip"
        << BYTES("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x8c\x49\x62\xf8\x0f\x00\x39\xe9\xfa\x85\x05\x00\x00\x00")
        << QStringLiteral("a\\\\b\\x00\\xff") << true;
    QTest::addRow("zlib: zlib.compress") << "zlib" << helloZlib << hello << true;
    QTest::addRow("lz4: lz4 frame with content checksum") << "lz4" << helloLz4 << hello << true;
    QTest::addRow("lz4: two frames")
        << "lz4"
        << BYTES("\x04\x22\x4d\x18\x64\x40\xa7\x04\x00\x00\x80\x6f\x6e\x65\x20\x00\x00\x00\x00\x43\x4c\x42\x38\x04\x22"
                 "\x4d"
                 "\x18\x64\x40\xa7\x03\x00\x00\x80\x74\x77\x6f\x00\x00\x00\x00\xf4\xe2\xd7\x95")
        << QStringLiteral("one two") << true;
    QTest::addRow("zstd: with content size") << "zstd" << helloZstd << hello << true;
    QTest::addRow("zstd: streamed, no content size") << "zstd" << helloZstdStreamed << hello << true;
    QTest::addRow("zstd: two frames") << "zstd"
                                      << BYTES("\x28\xb5\x2f\xfd\x04\x58\x21\x00\x00\x6f\x6e\x65\x20\x29\x92\x3f\xd7"
                                               "\x28\xb5\x2f\xfd\x04\x58\x19\x00\x00"
                                               "\x74\x77\x6f\x8b\x44\xf4\xec")
                                      << QStringLiteral("one two") << true;
    QTest::addRow("zstd: backslash doubled, control character escaped")
        << "zstd" << BYTES("\x28\xb5\x2f\xfd\x04\x58\x41\x00\x00\x43\x3a\x5c\x74\x65\x6d\x70\x01\x85\x9e\x74\x57")
        << QStringLiteral("C:\\\\temp\\x01") << true;
    QTest::addRow("snappy: one literal") << "snappy" << helloSnappy << hello << true;
    QTest::addRow("snappy: literal and copy")
        << "snappy" << abcSnappy << QStringLiteral("abcabcabcabcabcabcabcabcabcabcabcabc\n") << true;

    QTest::addRow("msgpack: map, array, bool, nil")
        << "msgpack" << sampleMsgPack
        << QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\n        true,\n        false,\n        null\n    ]\n}")
        << false;
    QTest::addRow("msgpack: integers of every width")
        << "msgpack"
        << BYTES("\xdc\x00\x0c\x7f\xe0\xcc\xff\xcd\x01\x00\xce\x00\x01\x00\x00\xcf\xff\xff\xff\xff\xff\xff\xff\xff\xd0"
                 "\x80\xd1\x80"
                 "\x00\xd2\x80\x00\x00\x00\xd3\x80\x00\x00\x00\x00\x00\x00\x00\xd0\x7f\xd1\xff\xff")
        << QStringLiteral(
               "[\n    127,\n    -32,\n    255,\n    256,\n    65536,\n    18446744073709551615,\n    -128,\n"
               "    -32768,\n    -2147483648,\n    -9223372036854775808,\n    127,\n    -1\n]")
        << false;
    QTest::addRow("msgpack: floats")
        << "msgpack"
        << BYTES("\x96\xca\x3f\xc0\x00\x00\xcb\x3f\xb9\x99\x99\x99\x99\x99\x9a\xca\x3d\xcc\xcc\xcd\xcb\x40\x59\x00\x00"
                 "\x00"
                 "\x00\x00\x00\xcb\x7f\xf8\x00\x00\x00\x00\x00\x00\xcb\xff\xf0\x00\x00\x00\x00\x00\x00")
        << QStringLiteral("[\n    1.5,\n    0.1,\n    0.1,\n    100.0,\n    NaN,\n    -Infinity\n]") << false;
    QTest::addRow("msgpack: str of every width")
        << "msgpack" << BYTES("\x94\xa5hello\xd9\x02hi\xda\x00\x04\x22\x0a\xc3\xa9\xdb\x00\x00\x00\x00")
        << QStringLiteral("[\n    \"hello\",\n    \"hi\",\n    \"\\\"\\né\",\n    \"\"\n]") << false;
    QTest::addRow("msgpack: bin of every width")
        << "msgpack" << BYTES("\x93\xc4\x03\x00\x01\xff\xc5\x00\x02hi\xc6\x00\x00\x00\x00")
        << QStringLiteral("[\n    b\"\\x00\\x01\\xff\",\n    b\"hi\",\n    b\"\"\n]") << false;
    QTest::addRow("msgpack: extensions and timestamps")
        << "msgpack"
        << BYTES("\x97\xd4\x05\xaa\xc7\x02\x07\x01\x02\xd8\x01\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d"
                 "\x0e\x0f"
                 "\xd6\xff\x65\x92\x00\x80\xd7\xff\x77\x35\x94\x00\x65\x92\x00\x80"
                 "\xc7\x0c\xff\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff"
                 "\xc7\x0c\xff\x00\x00\x00\x00\x40\x00\x00\x00\x00\x00\x00\x00")
        << QStringLiteral("[\n    {\"$ext\": 5, \"data\": b\"\\xaa\"},\n    {\"$ext\": 7, \"data\": b\"\\x01\\x02\"},\n"
                          "    {\"$ext\": 1, \"data\": "
                          "b\"\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\a\\b\\t\\n\\x0b\\x0c\\r\\x0e\\x0f\"},\n"
                          "    {\"$timestamp\": \"2024-01-01T00:00:00Z\"},\n"
                          "    {\"$timestamp\": \"2024-01-01T00:00:00.500000000Z\"},\n"
                          "    {\"$timestamp\": \"1969-12-31T23:59:59Z\"},\n"
                          "    {\"$timestamp\": {\"seconds\": 4611686018427387904, \"nanoseconds\": 0}}\n]")
        << false;
    QTest::addRow("msgpack: keys of any type")
        << "msgpack" << BYTES("\x84\x01\xa1x\x92\x01\x02\xc0\xc3\x80\x81\x01\x02\x03")
        << QStringLiteral("{\n    1: \"x\",\n    [1, 2]: null,\n    true: {},\n    {1: 2}: 3\n}") << false;
    QTest::addRow("msgpack: array and map 16 and 32")
        << "msgpack" << BYTES("\x94\xdc\x00\x01\x01\xdd\x00\x00\x00\x01\x02\xde\x00\x01\xa1k\x03\xdf\x00\x00\x00\x00")
        << QStringLiteral(
               "[\n    [\n        1\n    ],\n    [\n        2\n    ],\n    {\n        \"k\": 3\n    },\n    {}\n]")
        << false;
    QTest::addRow("msgpack: a bare scalar decodes")
        << "msgpack" << BYTES("\xa2hi") << QStringLiteral("\"hi\"") << false;
}

void TestFormats::decode()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, input);
    QFETCH(QString, text);
    QFETCH(bool, editable);

    const DecodedValue value = format(id)->decode(input);
    QVERIFY2(value.ok, qPrintable(value.error));
    QVERIFY(value.error.isEmpty());
    QCOMPARE(value.text, text);
    QCOMPARE(value.editable, editable);
    QCOMPARE(value.readOnlyReason.isEmpty(), editable);
}

void TestFormats::encodeGivesExactBytes_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    const QString hello = QString::fromLatin1(helloText);
    QTest::addRow("text") << "text" << QStringLiteral("é\\n") << BYTES("\xc3\xa9\\n");
    QTest::addRow("json: compact, keys sorted")
        << "json" << QStringLiteral("{ \"b\": 1,\n \"a\": [1, 2.5] }") << BYTES("{\"a\":[1,2.5],\"b\":1}");
    QTest::addRow("json: bare string") << "json" << QStringLiteral("  \"x\"\n") << BYTES("\"x\"");
    QTest::addRow("json: 64-bit integer")
        << "json" << QStringLiteral("[9007199254740993]") << BYTES("[9007199254740993]");
    QTest::addRow("hex: the dump")
        << "hex"
        << QStringLiteral("00000000: 48 65 6c 6c 6f 2c 20 56  65 72 6d 69 6c 69 6f 6e  |Hello, "
                          "Vermilion|\n00000010: 21 0a                                             |!.|\n")
        << helloText;
    QTest::addRow("hex: plain pairs, either case") << "hex" << QStringLiteral("48 65 6C\n6c 6F") << BYTES("Hello");
    QTest::addRow("hex: digits without spaces") << "hex" << QStringLiteral("48656c6c6f") << BYTES("Hello");
    QTest::addRow("hex: offsets are not checked, ASCII is ignored")
        << "hex" << QStringLiteral("00000000: 00 ff  |zz|\r\n00000099: 41|\n  7a 7A") << BYTES("\x00\xff\x41zz");
    QTest::addRow("hex: empty") << "hex" << QString() << QByteArray();
    QTest::addRow("base64: text") << "base64" << hello << helloBase64;
    QTest::addRow("base64: escapes") << "base64" << QStringLiteral("\\x00\\x01\\x02\\xff") << BYTES("AAEC/w==");
    QTest::addRow("gzip: as gzip -n writes it") << "gzip" << hello << helloGzip;
    QTest::addRow("zlib: as zlib.compress writes it") << "zlib" << hello << helloZlib;
    QTest::addRow("zstd: as zstd --no-check writes it")
        << "zstd" << hello
        << BYTES("\x28\xb5\x2f\xfd\x20\x12\x91\x00\x00\x48\x65\x6c\x6c\x6f\x2c\x20\x56\x65\x72\x6d\x69\x6c\x69\x6f\x6e"
                 "\x21\x0a");
    QTest::addRow("snappy: as snappy_compress writes it")
        << "snappy" << QStringLiteral("abcabcabcabcabcabcabcabcabcabcabcabc\n") << abcSnappy;
}

void TestFormats::encodeGivesExactBytes()
{
    QFETCH(QString, id);
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);

    QString error = QStringLiteral("stale");
    QCOMPARE(format(id)->encode(text, &error), bytes);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestFormats::roundTrip_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");

    // Texts as decode() shows them: encoding then decoding must show them unchanged.
    const QList<QPair<const char*, QString>> texts = {
        { "plain", QStringLiteral("Hello, Vermilion!\n\ttabs, ünïcødé, emoji 🦀\r\n") },
        { "escaped binary", QStringLiteral("back\\\\slash \\x00 \\xff \\n") },
        { "text with an escaped backslash", QStringLiteral("C:\\\\temp\\x01 \"quoted\"") },
        { "empty", QString() },
    };
    const QStringList payloadFormats = { QStringLiteral("base64"), QStringLiteral("gzip"), QStringLiteral("zlib"),
        QStringLiteral("lz4"), QStringLiteral("zstd"), QStringLiteral("snappy") };
    for (const QString& id : payloadFormats) {
        for (const auto& [what, text] : texts)
            QTest::addRow("%s: %s", qPrintable(id), what) << id << text;
    }
    QTest::addRow("text: plain") << "text" << texts.first().second;
    QTest::addRow("text: backslashes are literal") << "text" << QStringLiteral("a\\nb\\x00");
    QTest::addRow("json: pretty object")
        << "json"
        << QStringLiteral("{\n    \"list\": [\n        1,\n        2.5,\n        -3e-07,\n        "
                          "\"é\\n\"\n    ],\n    \"x\": null\n}\n");
    QTest::addRow("json: scalar") << "json" << QStringLiteral("\"just a string\"");
    QTest::addRow("hex: dump") << "hex" << format(QStringLiteral("hex"))->decode(noise(100)).text;
}

void TestFormats::roundTrip()
{
    QFETCH(QString, id);
    QFETCH(QString, text);

    QString error;
    const QByteArray bytes = format(id)->encode(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const DecodedValue value = format(id)->decode(bytes);
    QVERIFY2(value.ok, qPrintable(value.error));
    QCOMPARE(value.text, text);
    QVERIFY(value.editable);
}

void TestFormats::savingUnchangedKeepsBytes_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("text: control characters and a byte order mark") << "text" << BYTES("\xef\xbb\xbf\x00\x7f ok");
    QTest::addRow("hex: noise") << "hex" << noise(1000);
    QTest::addRow("base64: standard") << "base64" << BYTES("AAEC/w==");
    QTest::addRow("json: compact and sorted") << "json" << BYTES("{\"a\":[1,true,null],\"b\":{\"c\":\"\\\"\"}}");
    QTest::addRow("gzip") << "gzip" << helloGzip;
    QTest::addRow("zlib") << "zlib" << helloZlib;
    QTest::addRow("snappy") << "snappy" << abcSnappy;
}

// Opening a value and saving it without a change writes the same bytes.
void TestFormats::savingUnchangedKeepsBytes()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, bytes);

    const DecodedValue value = format(id)->decode(bytes);
    QVERIFY2(value.ok && value.editable, qPrintable(value.error));
    QString error;
    QCOMPARE(format(id)->encode(value.text, &error), bytes);
    QVERIFY(error.isEmpty());
}

void TestFormats::detect_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("id");

    QTest::addRow("plain text") << helloText << "text";
    QTest::addRow("empty") << QByteArray() << "text";
    QTest::addRow("UTF-8 text") << BYTES("gr\xc3\xbc\xc3\x9f dich") << "text";
    QTest::addRow("a word that is valid base64") << BYTES("username") << "text";
    QTest::addRow("digits that are valid base64") << BYTES("1700000000") << "text";
    QTest::addRow("hex digest that is valid base64") << BYTES("d41d8cd98f00b204e9800998ecf8427e") << "text";
    QTest::addRow("text with a zlib-like header") << BYTES("x^2 + y^2 = z^2, said the note") << "text";
    const QByteArray snappyText = BYTES(" |abcdefghijklmnopqrstuvwxyz012345");
    QVERIFY(format(QStringLiteral("snappy"))->decode(snappyText).ok); // the row checks what it claims
    QTest::addRow("text that is a valid Snappy block") << snappyText << "text";
    QTest::addRow("a bare JSON number stays text") << BYTES("42") << "text";
    QTest::addRow("random binary") << noise(256) << "hex";
    QTest::addRow("UTF-8 with control characters") << BYTES("a\x01\x02"
                                                            "b")
                                                   << "hex";
    QTest::addRow("invalid UTF-8") << BYTES("caf\xe9") << "hex";
    QTest::addRow("a one-byte empty msgpack map") << BYTES("\x80") << "hex";
    QTest::addRow("an empty msgpack array32") << BYTES("\xdd\x00\x00\x00\x00") << "hex";
    QTest::addRow("json object") << BYTES("{\"a\": [1, 2, {\"b\": null}]}") << "json";
    QTest::addRow("json array") << BYTES("[1, 2]\n") << "json";
    QTest::addRow("broken json stays text") << BYTES("{\"a\": }") << "text";
    QTest::addRow("base64 of text") << helloBase64 << "base64";
    QTest::addRow("base64 of gzip") << helloGzip.toBase64() << "base64";
    QTest::addRow("base64 of binary with padding") << noise(31).toBase64() << "base64";
    QTest::addRow("gzip") << helloGzip << "gzip";
    QTest::addRow("damaged gzip is still gzip") << withByte(helloGzip, 12, '\xff') << "gzip";
    QTest::addRow("zlib") << helloZlib << "zlib";
    QTest::addRow("lz4") << helloLz4 << "lz4";
    QTest::addRow("zstd") << helloZstd << "zstd";
    QTest::addRow("zstd streamed") << helloZstdStreamed << "zstd";
    QTest::addRow("snappy") << helloSnappy << "snappy";
    QTest::addRow("snappy with a copy") << abcSnappy << "snappy";
    QTest::addRow("msgpack map") << sampleMsgPack << "msgpack";
    QTest::addRow("msgpack array") << BYTES("\x93\x01\x02\x03") << "msgpack";
}

void TestFormats::detect()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, id);

    const ValueFormat* detected = FormatRegistry::instance().detect(input);
    QVERIFY(detected);
    QCOMPARE(detected->id(), id);
    // The format that detection picks can show the value, except a damaged one, which says why.
    const DecodedValue value = detected->decode(input);
    QVERIFY(value.ok || !value.error.isEmpty());
}

void TestFormats::malformedInputFails_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    const auto row = [](const char* what, const char* id, const QByteArray& input, const char* error) {
        QTest::addRow("%s: %s", id, what) << QString::fromLatin1(id) << input << QString::fromUtf8(error);
    };
    row("invalid byte", "text", BYTES("ok\xff"), "not valid UTF-8 text (byte 0xff at offset 2)");
    row("overlong form", "text", BYTES("\xc0\xaf"), "byte 0xc0 at offset 0");
    row("surrogate", "text", BYTES("a\xed\xa0\x80"), "byte 0xed at offset 1");
    row("cut sequence", "text", BYTES("\xe2\x82"), "offset 0");

    row("trailing comma", "json", BYTES("{\"a\": 1,\n }"), "at line 2, column 3");
    row("empty", "json", QByteArray(), "the value is empty");
    row("two values", "json", BYTES("1 2"), "Not valid JSON");
    row("garbage after", "json", BYTES("[1] x"), "Not valid JSON");
    row("invalid UTF-8 in a string", "json", BYTES("[\"\xff\"]"), "Not valid JSON");

    row("character outside the alphabet", "base64", BYTES("SGVs*G8="), "byte 0x2a at offset 4");
    row("padding in the middle", "base64", BYTES("SG=sbG8="), "padding “=” in the middle");
    row("mixed alphabets", "base64", BYTES("ab+_cdef"), "mixes the standard");
    row("impossible length", "base64", BYTES("abcde"), "length or padding");
    row("too much padding", "base64", BYTES("QQ==="), "padding “=” in the middle");
    row("standard alphabet without padding", "base64", BYTES("ab+"), "padding is missing");
    row("stray bits in the last character", "base64", BYTES("QR=="), "carries bits");

    row("truncated", "gzip", helloGzip.first(20), "Truncated gzip data: the value ends at byte 20");
    row("empty", "gzip", QByteArray(), "Truncated gzip data");
    row("wrong CRC", "gzip", withByte(helloGzip, 30, '\x00'), "incorrect data check");
    row("wrong length", "gzip", withByte(helloGzip, 34, '\x13'), "incorrect length check");
    row("corrupted stream", "gzip", withByte(helloGzip, 10, '\xff'), "Corrupted gzip data at byte");
    row("trailing bytes", "gzip", helloGzip + "junk", "Unexpected bytes after the end of the gzip data, at byte 38");
    row("not gzip", "gzip", helloText, "Corrupted gzip data at byte");
    row("truncated", "zlib", helloZlib.first(12), "Truncated zlib data: the value ends at byte 12");
    row("wrong Adler-32", "zlib", withByte(helloZlib, 25, '\x00'), "incorrect data check");
    row("preset dictionary", "zlib", BYTES("\x78\xbb\x00\x00\x00\x01\x03\x00"), "preset dictionary");
    row("trailing bytes", "zlib", helloZlib + "x", "Unexpected bytes after the end of the zlib data, at byte 26");

    row("truncated", "lz4", helloLz4.first(20), "Truncated LZ4 frame at byte 20");
    row("truncated before the end mark", "lz4", helloLz4.first(30), "Truncated LZ4 frame at byte 30");
    row("truncated header", "lz4", helloLz4.first(6), "Truncated LZ4 frame at byte 6");
    row("wrong header checksum", "lz4", withByte(helloLz4, 6, '\x00'), "Corrupted LZ4 frame header at byte 0");
    row("wrong content checksum", "lz4", withByte(helloLz4, 36, '\x00'), "Corrupted LZ4 frame at byte");
    row("block size beyond the frame", "lz4", withByte(helloLz4, 8, '\x7f'), "LZ4 frame");
    row("trailing bytes", "lz4", helloLz4 + "junk", "Unexpected bytes after the LZ4 frame, at byte 37");
    row("no magic", "lz4", helloText, "Not an LZ4 frame");

    row("truncated", "zstd", helloZstd.first(20), "Truncated Zstandard frame at byte 20");
    row("truncated streamed", "zstd", helloZstdStreamed.first(30), "Truncated Zstandard frame at byte 30");
    row("wrong checksum", "zstd", withByte(helloZstd, 30, '\x00'), "checksum");
    row("corrupted block header", "zstd", withByte(helloZstd, 8, '\x7f'), "Corrupted Zstandard data");
    row("trailing bytes", "zstd", helloZstd + "junk", "Unexpected bytes after the Zstandard data, at byte 31");
    row("window too large", "zstd", BYTES("\x28\xb5\x2f\xfd\x00\xa8\x01\x00\x00"), "window above 64 MiB");
    row("no magic", "zstd", helloText, "Not a Zstandard frame");

    row("truncated", "snappy", helloSnappy.first(10), "does not decompress to the 18 bytes");
    row("copy before any output", "snappy", BYTES("\x05\x01\x00"), "Corrupted or truncated Snappy block");
    row("malformed length", "snappy", BYTES("\xff\xff\xff\xff\xff\xff"), "length at its start is malformed");
    row("empty", "snappy", QByteArray(), "length at its start is malformed");

    row("reserved type byte", "msgpack", BYTES("\x92\x01\xc1"), "Byte 0xc1 at offset 2 is not a MessagePack type");
    row("array with fewer bytes than entries", "msgpack", BYTES("\x93\x01\x02"),
        "has 3 entries, more than the 2 bytes");
    row("truncated array", "msgpack", BYTES("\x92\xcd\x01\x02"), "Truncated MessagePack data at byte 4");
    row("truncated integer", "msgpack", BYTES("\x91\xcd\x01"), "Truncated MessagePack data at byte 3");
    row("array32 claiming 4 billion entries", "msgpack", BYTES("\xdd\xff\xff\xff\xff\x01"),
        "has 4294967295 entries, more than the 1 bytes");
    row("map16 claiming more pairs than bytes", "msgpack", BYTES("\xde\x00\x03\x01\x02\x03\x04\x05"), "has 3 entries");
    row("bin32 claiming 4 GiB", "msgpack", BYTES("\xc6\xff\xff\xff\xff\x00"),
        "The length 4294967295 declared at byte 0");
    row("str32 longer than the rest", "msgpack",
        BYTES("\x91\xdb\x00\x00\x00\x09"
              "abc"),
        "The length 9 declared at byte 1");
    row("ext32 longer than the rest", "msgpack", BYTES("\xc9\x7f\xff\xff\xff\x01\x00"), "declared at byte 0");
    row("trailing bytes", "msgpack", BYTES("\x91\x01\x02"), "Unexpected bytes after the MessagePack value, at byte 2");
    row("empty", "msgpack", QByteArray(), "Truncated MessagePack data at byte 0");
    row("65 levels", "msgpack", nestedArrays(65), "deeper than 64 levels (at byte 64)");
}

void TestFormats::malformedInputFails()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    const DecodedValue value = format(id)->decode(input);
    QVERIFY2(!value.ok, qPrintable(value.text.left(200)));
    QVERIFY2(value.error.contains(error), qPrintable(value.error));
    QVERIFY(value.text.isEmpty());
    // Every format survives looking at it.
    const QList<const ValueFormat*> formats = FormatRegistry::instance().all();
    for (const ValueFormat* other : formats)
        QVERIFY(other->detect(input) >= 0);
}

void TestFormats::bombsAreRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("input");

    // Real bombs: 65 MiB of one letter, compressed by the formats themselves.
    const QString letters(qsizetype(65) * 1024 * 1024, QLatin1Char('a'));
    for (const char* id : { "gzip", "zlib", "snappy", "lz4" }) {
        QString error;
        const QByteArray bomb = format(QString::fromLatin1(id))->encode(letters, &error);
        QVERIFY2(error.isEmpty() && bomb.size() < qsizetype(4) * 1024 * 1024, id);
        QTest::addRow("%s: 65 MiB of one letter", id) << id << bomb;
    }
    QTest::addRow("zstd: RLE blocks, no declared size") << "zstd" << zstdRleBomb(600);
    QTest::addRow("zstd: declared 1 TiB")
        << "zstd" << BYTES("\x28\xb5\x2f\xfd\xe0\x00\x00\x00\x00\x00\x01\x00\x00\x01\x00\x00\x00");
    QTest::addRow("lz4: blocks of zeros, no declared size") << "lz4" << lz4Bomb(1041);
    // lz4 --content-size of 65 MiB of zeros, header only: refused before any block is read.
    QTest::addRow("lz4: declared 65 MiB")
        << "lz4" << BYTES("\x04\x22\x4d\x18\x6c\x70\x00\x00\x10\x04\x00\x00\x00\x00\xce");
    QTest::addRow("snappy: declared 4 GiB") << "snappy"
                                            << BYTES("\xff\xff\xff\xff\x0f\x00"
                                                     "abc");
}

void TestFormats::bombsAreRefused()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, input);

    const DecodedValue value = format(id)->decode(input);
    QVERIFY(!value.ok);
    QVERIFY2(value.error.contains(tooLarge, Qt::CaseInsensitive), qPrintable(value.error));
    QVERIFY(value.text.isEmpty());
}

void TestFormats::exactly64MiBIsAccepted()
{
    const DecodedValue value = format(QStringLiteral("zstd"))->decode(zstdRleBomb(512));
    QVERIFY2(value.ok, qPrintable(value.error));
    QCOMPARE(value.text.size(), 64 * 1024 * 1024);
    QVERIFY(value.text.startsWith(QLatin1String("zzzz")));

    // The hand-made LZ4 blocks are what the bomb rows take them for: 64 KiB of zeros each.
    const DecodedValue lz4 = format(QStringLiteral("lz4"))->decode(lz4Bomb(2));
    QVERIFY2(lz4.ok, qPrintable(lz4.error));
    QCOMPARE(lz4.text, QStringLiteral("\\x00").repeated(qsizetype(2) * 65536));
}

void TestFormats::jsonNumbersBeyondADoubleAreReadOnly_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("editable");

    QTest::addRow("20-digit integer") << BYTES("{\"id\": 12345678901234567890}") << false;
    QTest::addRow("just above 2^63") << BYTES("[9223372036854775808]") << false;
    QTest::addRow("just below -2^63") << BYTES("[-9223372036854775809]") << false;
    QTest::addRow("19 significant decimals") << BYTES("[0.1234567890123456789]") << false;
    QTest::addRow("bare big integer") << BYTES("123456789012345678901234") << false;
    // Found by fuzz_formats: Qt also reads numbers that start with a point.
    QTest::addRow("leading point, 19 digits") << BYTES("[1, .2345678901234567890]") << false;
    QTest::addRow("leading point, few digits") << BYTES("[.5, -.25, 1.]") << true;
    QTest::addRow("2^53 + 1 fits in 64 bits") << BYTES("[9007199254740993]") << true;
    QTest::addRow("-2^63") << BYTES("[-9223372036854775808]") << true;
    QTest::addRow("15 significant digits") << BYTES("[3.14159265358979]") << true;
    QTest::addRow("big but short") << BYTES("[1e300, 100000000000000000000, 1.50000000000000000000]") << true;
    QTest::addRow("digits inside strings do not count")
        << BYTES("{\"12345678901234567890\": \"98765432109876543210\"}") << true;
}

void TestFormats::jsonNumbersBeyondADoubleAreReadOnly()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, editable);

    const ValueFormat* jsonFormat = format(QStringLiteral("json"));
    const DecodedValue value = jsonFormat->decode(json);
    QVERIFY2(value.ok, qPrintable(value.error));
    QCOMPARE(value.editable, editable);
    QString error;
    const QByteArray saved = jsonFormat->encode(QString::fromUtf8(json), &error);
    if (editable) {
        QVERIFY(value.readOnlyReason.isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // What is saved reads back as the very same document.
        QCOMPARE(jsonFormat->decode(saved).text, value.text);
    } else {
        QVERIFY(value.readOnlyReason.contains(QLatin1String("text view")));
        QVERIFY(saved.isEmpty());
        QVERIFY(error.startsWith(QLatin1String("Not saved")));
    }
}

void TestFormats::encodeRefusesBadText_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::addRow("json: invalid") << "json" << QStringLiteral("{\n  \"a\": }")
                                   << QStringLiteral("invalid JSON at line 2, column 9");
    QTest::addRow("json: validated on save") << "json" << QStringLiteral("[1,") << QStringLiteral("validated on save");
    QTest::addRow("json: big integer") << "json" << QStringLiteral("[12345678901234567890]")
                                       << QStringLiteral("The number 12345678901234567890");
    QTest::addRow("json: duplicate key") << "json" << QStringLiteral("{\"a\": 1, \"a\": 2}")
                                         << QStringLiteral("same key twice");
    QTest::addRow("hex: not a digit") << "hex" << QStringLiteral("48 65\n6g")
                                      << QStringLiteral("“g” at line 2, column 2");
    QTest::addRow("hex: offset without a colon") << "hex" << QStringLiteral("00000000  48 65") << QString();
    QTest::addRow("hex: odd digits") << "hex" << QStringLiteral("48 6") << QStringLiteral("odd in number");
    QTest::addRow("msgpack: read-only") << "msgpack" << QStringLiteral("{}") << QStringLiteral("cannot be saved");
}

void TestFormats::encodeRefusesBadText()
{
    QFETCH(QString, id);
    QFETCH(QString, text);
    QFETCH(QString, error);

    QString message;
    const QByteArray bytes = format(id)->encode(text, &message);
    if (error.isEmpty()) {
        // "00000000  48 65" has no colon, so the offset is read as data: 4 zero bytes, then 48 65.
        QCOMPARE(bytes, BYTES("\x00\x00\x00\x00\x48\x65"));
        return;
    }
    QVERIFY(bytes.isEmpty());
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestFormats::msgPackNestingIsBounded()
{
    const ValueFormat* msgpack = format(QStringLiteral("msgpack"));
    const DecodedValue deepest = msgpack->decode(nestedArrays(64));
    QVERIFY2(deepest.ok, qPrintable(deepest.error));
    QCOMPARE(deepest.text.count(QLatin1Char('[')), 64);
    QVERIFY(msgpack->detect(nestedArrays(64)) > 0);
    QCOMPARE(msgpack->detect(nestedArrays(65)), 0);
    // Far deeper input fails just as fast, without recursing into it.
    const DecodedValue hostile = msgpack->decode(nestedArrays(1000000));
    QVERIFY(!hostile.ok);
    QVERIFY(hostile.error.contains(QLatin1String("deeper than 64 levels")));
}

void TestFormats::registryIsUsableFromSeveralThreads()
{
    const QList<QByteArray> samples
        = { helloGzip, helloZlib, helloLz4, helloZstd, helloSnappy, sampleMsgPack, helloBase64, noise(512) };
    const QStringList expected
        = { QStringLiteral("gzip"), QStringLiteral("zlib"), QStringLiteral("lz4"), QStringLiteral("zstd"),
              QStringLiteral("snappy"), QStringLiteral("msgpack"), QStringLiteral("base64"), QStringLiteral("hex") };
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < 50; ++round) {
                for (qsizetype i = 0; i < samples.size(); ++i) {
                    const ValueFormat* detected = FormatRegistry::instance().detect(samples.at(i));
                    if (!detected || detected->id() != expected.at(i) || !detected->decode(samples.at(i)).ok)
                        ++failures;
                }
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void TestFormats::jsonInsideAContainerIsPrettyPrinted_data()
{
    QTest::addColumn<QString>("id");
    for (const char* id : { "base64", "gzip", "zlib", "lz4", "zstd", "snappy" })
        QTest::addRow("%s", id) << QString::fromLatin1(id);
}

// JSON in base64 or a compressor is shown as the JSON view shows it, and saved back compact.
void TestFormats::jsonInsideAContainerIsPrettyPrinted()
{
    QFETCH(QString, id);
    const ValueFormat* container = format(id);
    const ValueFormat* json = format(QStringLiteral("json"));
    QString error;
    const QByteArray bytes = container->encode(QStringLiteral("{\"b\": [1, 2], \"a\": \"x\\\\y\"}"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const DecodedValue value = container->decode(bytes);
    QVERIFY2(value.ok, qPrintable(value.error));
    QVERIFY(value.editable);
    QCOMPARE(value.text, json->decode(BYTES("{\"a\":\"x\\\\y\",\"b\":[1,2]}")).text);
    QVERIFY(value.text.contains(QLatin1String("\n    \"b\": [")));
    QVERIFY(value.note.contains(QLatin1String("JSON inside")));
    // Edited pretty text goes back as compact JSON, and shows the same again.
    QString edited = value.text;
    edited.replace(QLatin1String("2"), QLatin1String("3"));
    const QByteArray saved = container->encode(edited, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const DecodedValue again = container->decode(saved);
    QCOMPARE(again.text, edited);
    if (id == QLatin1String("base64"))
        QCOMPARE(QByteArray::fromBase64(saved), BYTES("{\"a\":\"x\\\\y\",\"b\":[1,3]}"));

    // JSON that the JSON view cannot keep exactly (a key twice) stays payload text, editable.
    const QByteArray twice = container->encode(QStringLiteral("{\"k\": 1, \"k\": 2}"), &error);
    const DecodedValue payload = container->decode(twice);
    QVERIFY(payload.ok && payload.editable);
    QCOMPARE(payload.text, QStringLiteral("{\"k\": 1, \"k\": 2}"));
    // Text that is not JSON is payload text, as before.
    QCOMPARE(container->decode(container->encode(QStringLiteral("[not json"), &error)).text, QStringLiteral("[not json"));
}

void TestFormats::jsonInsideACompressedPrefix()
{
    QByteArray array = "[";
    for (int i = 0; i < 20000; ++i)
        array += (i ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(i) + ",\"name\":\"user " + QByteArray::number(i) + "\"}";
    array += "]";
    QString error;
    const QByteArray gzip = format(QStringLiteral("gzip"))->encode(QString::fromUtf8(array), &error);
    QVERIFY(error.isEmpty());
    const DecodedValue value = format(QStringLiteral("gzip"))->decodePrefix(gzip.first(gzip.size() / 3));
    QVERIFY2(value.ok, qPrintable(value.error));
    QVERIFY(!value.editable);
    QVERIFY2(value.text.startsWith(QLatin1String("[\n    {\n        \"id\": 0,")), qPrintable(value.text.left(80)));
    QVERIFY(value.note.contains(QLatin1String("A prefix")));
    QVERIFY(value.note.contains(QLatin1String("JSON inside")));
}

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
