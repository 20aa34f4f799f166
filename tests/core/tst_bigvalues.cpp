// Big values without freezing: prefixes of compressed values decompress to what they hold, big
// JSON pretty-prints in one streaming pass, documents page and search, and the renderer decodes
// on a worker where a new request drops the one before it.
#include "formats/valueformat.h"
#include "values/valuedocument.h"
#include "values/valuerenderer.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace vermilion;
using namespace vermilion::formats;

namespace {

#define BYTES(literal) QByteArray(literal, qsizetype(sizeof(literal) - 1))

const ValueFormat* format(const QString& id)
{
    const ValueFormat* found = FormatRegistry::instance().find(id);
    if (!found)
        qFatal("format %s is not registered", qPrintable(id));
    return found;
}

// Lines of numbered text, different enough that a prefix is recognisable.
QByteArray numberedText(int lines)
{
    QByteArray text;
    for (int i = 0; i < lines; ++i)
        text += "line " + QByteArray::number(i) + " of the log, caf\xc3\xa9 included\n";
    return text;
}

QByteArray bigJson(int records)
{
    QByteArray json = "[";
    for (int i = 0; i < records; ++i) {
        if (i)
            json += ',';
        json += R"({"id":)" + QByteArray::number(i) + R"(,"name":"user )" + QByteArray::number(i)
            + R"(","tags":["a","b"],"score":1.50,"nested":{"ok":true,"none":null,"empty":{},"list":[]}})";
    }
    return json + "]";
}
} // namespace

class TestBigValues : public QObject {
    Q_OBJECT

private slots:
    void compressedPrefixes_data()
    {
        QTest::addColumn<QString>("id");
        for (const char* id : { "gzip", "zlib", "zstd", "lz4", "snappy-framed" })
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    // The first part of a compressed value decompresses to a prefix of the text, with a note.
    void compressedPrefixes()
    {
        QFETCH(QString, id);
        const ValueFormat* container = format(id);
        const QByteArray text = numberedText(40000); // ~1.6 MB
        QString error;
        const QByteArray compressed = container->encode(QString::fromUtf8(text), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(container->decode(compressed).ok);

        const QByteArray prefix = compressed.first(compressed.size() / 2);
        // Whole-value decoding still calls the cut value truncated.
        const DecodedValue whole = container->decode(prefix);
        QVERIFY(!whole.ok);
        const DecodedValue shown = container->decodePrefix(prefix);
        QVERIFY2(shown.ok, qPrintable(shown.error));
        QVERIFY(!shown.editable);
        QVERIFY2(shown.note.startsWith(QLatin1String("A prefix")), qPrintable(shown.note));
        QVERIFY(shown.text.size() > text.size() / 4);
        QVERIFY(shown.text.size() < text.size());
        // Exactly the start of the text: no escaped bytes from a character cut in half.
        QVERIFY(QString::fromUtf8(text).startsWith(shown.text));

        // Damage inside the prefix is still reported as damage.
        QByteArray damaged = prefix;
        for (qsizetype i = damaged.size() / 2; i < damaged.size() / 2 + 64; ++i)
            damaged[i] = char(damaged.at(i) ^ 0x5a);
        QVERIFY(!container->decodePrefix(damaged).ok
            || !QString::fromUtf8(text).startsWith(container->decodePrefix(damaged).text));
    }

    void rawSnappyPrefixSaysWhy()
    {
        QString error;
        const QByteArray block
            = format(QStringLiteral("snappy"))->encode(QString::fromUtf8(numberedText(2000)), &error);
        const DecodedValue shown = format(QStringLiteral("snappy"))->decodePrefix(block.first(block.size() / 2));
        QVERIFY(!shown.ok);
        QVERIFY2(shown.error.contains(QLatin1String("whole")), qPrintable(shown.error));
    }

    // A byte-exact vector: one uncompressed chunk, its masked CRC-32C computed independently.
    void snappyFramedVector()
    {
        const QByteArray stream = BYTES("\xff\x06\x00\x00\x73\x4e\x61\x50\x70\x59\x01\x15\x00\x00\x34\x41\x1e\xc9"
                                        "Hello, Vermilion!");
        const ValueFormat* framed = format(QStringLiteral("snappy-framed"));
        QCOMPARE(framed->detect(stream), 95);
        const DecodedValue value = framed->decode(stream);
        QVERIFY2(value.ok, qPrintable(value.error));
        QCOMPARE(value.text, QStringLiteral("Hello, Vermilion!"));
        QVERIFY(value.editable);

        QByteArray badCrc = stream;
        badCrc[14] = char(badCrc.at(14) ^ 1);
        QVERIFY(framed->decode(badCrc).error.contains(QLatin1String("checksum")));
        QByteArray reserved = stream;
        reserved[10] = '\x02';
        QVERIFY(framed->decode(reserved).error.contains(QLatin1String("reserved")));
        // Padding and skippable chunks are skipped.
        QByteArray padded = stream;
        padded.insert(10, BYTES("\xfe\x02\x00\x00\x00\x00"));
        padded.append(BYTES("\x80\x01\x00\x00\x07"));
        QCOMPARE(framed->decode(padded).text, QStringLiteral("Hello, Vermilion!"));

        // Round trip over several chunks, compressed and stored ones.
        QString error;
        const QByteArray text = numberedText(5000) + QByteArray(70000, '\x01');
        const QByteArray encoded = framed->encode(FormatSupportText(text), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(framed->decode(encoded).text, FormatSupportText(text));
    }

    void bigJsonStreams()
    {
        const QByteArray json = bigJson(60000); // ~7 MB, over the streaming threshold
        QVERIFY(json.size() > 4 * 1024 * 1024);
        const DecodedValue value = format(QStringLiteral("json"))->decode(json);
        QVERIFY2(value.ok, qPrintable(value.error));
        QVERIFY(value.text.startsWith(QLatin1String("[\n    {\n        \"id\": 0,\n        \"name\": \"user 0\",")));
        QVERIFY(value.text.contains(QLatin1String("\"score\": 1.50"))); // numbers as written
        QVERIFY(value.text.contains(QLatin1String("\"empty\": {},")));
        QVERIFY(value.text.contains(QLatin1String("\"list\": []")));
        QVERIFY(value.text.endsWith(QLatin1String("    }\n]")));
        // The same structure as Qt's own parser sees.
        QCOMPARE(QJsonDocument::fromJson(value.text.toUtf8()), QJsonDocument::fromJson(json));

        QByteArray broken = json;
        broken[json.size() / 2] = '#';
        const DecodedValue refused = format(QStringLiteral("json"))->decode(broken);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QLatin1String("line 1, column")), qPrintable(refused.error));
    }

    void jsonPrefix()
    {
        const QByteArray json = bigJson(100);
        const DecodedValue value = format(QStringLiteral("json"))->decodePrefix(json.first(json.size() / 2 + 3));
        QVERIFY2(value.ok, qPrintable(value.error));
        QVERIFY(value.note.startsWith(QLatin1String("A prefix")));
        QVERIFY(value.text.startsWith(QLatin1String("[\n    {\n        \"id\": 0,")));
        // Garbage in the prefix is still an error.
        QVERIFY(!format(QStringLiteral("json"))->decodePrefix("[1, 2, x").ok);
    }

    void textDocument()
    {
        const TextDocument document(QStringLiteral("first\nsecond line\r\n\nlast"));
        QCOMPARE(document.lineCount(), 4);
        QCOMPARE(document.line(1), QStringLiteral("second line\r"));
        QCOMPARE(document.line(1, 7, 3), QStringLiteral("lin"));
        QCOMPARE(document.lineLength(2), 0);
        QCOMPARE(document.longestLine(), 12);
        QCOMPARE(document.text({ 0, 2 }, { 1, 6 }, 100), QStringLiteral("rst\nsecond"));
        QVERIFY(document.text({ 0, 0 }, { 3, 4 }, 5).isEmpty()); // over the limit
        DocumentMatch match = document.find(QStringLiteral("LINE"), {}, false, Qt::CaseInsensitive);
        QVERIFY(match.found);
        QCOMPARE(match.from, (DocumentPosition { 1, 7 }));
        QCOMPARE(match.to, (DocumentPosition { 1, 11 }));
        QVERIFY(!document.find(QStringLiteral("LINE"), {}, false, Qt::CaseSensitive).found);
        match = document.find(QStringLiteral("s"), { 3, 4 }, true, Qt::CaseSensitive);
        QCOMPARE(match.from, (DocumentPosition { 3, 2 }));
        match = document.find(QStringLiteral("s"), match.from, true, Qt::CaseSensitive);
        QCOMPARE(match.from, (DocumentPosition { 1, 0 }));
        match = document.find(QStringLiteral("s"), match.from, true, Qt::CaseSensitive);
        QCOMPARE(match.from, (DocumentPosition { 0, 3 }));
    }

    // The hex document draws the very lines HexFormat writes, and finds bytes and text.
    void hexDocument()
    {
        QByteArray bytes;
        for (int i = 0; i < 1000; ++i)
            bytes.append(char(i * 7));
        bytes.append("needle");
        const HexDocument document(bytes);
        const QStringList lines = format(QStringLiteral("hex"))->decode(bytes).text.split(QLatin1Char('\n'));
        QCOMPARE(document.lineCount(), lines.size() - 1); // HexFormat ends with a line break
        for (qint64 i = 0; i < document.lineCount(); ++i)
            QCOMPARE(document.line(i), lines.at(i));
        QCOMPARE(document.line(2, 10, 5), lines.at(2).mid(10, 5));

        DocumentMatch match = document.find(QStringLiteral("needle"), {}, false, Qt::CaseSensitive);
        QVERIFY(match.found);
        QCOMPARE(match.from.line, 1000 / 16);
        QCOMPARE(match.from.column, document.hexColumn(1000 % 16));
        match = document.find(QStringLiteral("6e 65 65"), {}, false, Qt::CaseSensitive);
        QCOMPARE(match.from.line, 1000 / 16);
        QVERIFY(!document.find(QStringLiteral("6e 65 65 65"), {}, false, Qt::CaseSensitive).found);
    }

    void bigHexDocumentIsCheap()
    {
        const QByteArray bytes(100 * 1024 * 1024, '\xab');
        QElapsedTimer clock;
        clock.start();
        const HexDocument document(bytes);
        QCOMPARE(document.lineCount(), 100 * 1024 * 1024 / 16);
        QVERIFY(document.line(document.lineCount() - 1).startsWith(QLatin1String("063ffff0: ab ab")));
        QVERIFY2(clock.elapsed() < 50, "a hex document must not lay out its bytes up front");
    }

    void rendererDecodesOnAWorker()
    {
        ValueRenderer renderer;
        QSignalSpy finished(&renderer, &ValueRenderer::finished);
        QString error;
        const QByteArray gzip = format(QStringLiteral("gzip"))->encode(QString::fromUtf8(numberedText(1000)), &error);
        RenderRequest request;
        request.bytes = gzip;
        renderer.render(request);
        QVERIFY(renderer.isBusy());
        QVERIFY(finished.wait());
        const auto rendered = finished.first().first().value<RenderedValue>();
        QCOMPARE(rendered.detectedId, QStringLiteral("gzip"));
        QCOMPARE(rendered.formatId, QStringLiteral("gzip"));
        QVERIFY(rendered.editable);
        QCOMPARE(rendered.document->lineCount(), 1001);

        // A format that does not fit falls back to hex and says why.
        request.formatId = QStringLiteral("json");
        renderer.render(request);
        QVERIFY(finished.wait());
        const auto fallback = finished.last().first().value<RenderedValue>();
        QCOMPARE(fallback.formatId, QStringLiteral("hex"));
        QVERIFY(fallback.error.startsWith(QLatin1String("Not JSON")));
    }

    void newRequestDropsTheOldOne()
    {
        ValueRenderer renderer;
        QSignalSpy finished(&renderer, &ValueRenderer::finished);
        QSignalSpy cancelled(&renderer, &ValueRenderer::cancelled);
        RenderRequest big;
        big.bytes = bigJson(200000);
        big.formatId = QStringLiteral("json");
        renderer.render(big);
        RenderRequest small;
        small.bytes = "\"just this\"";
        small.formatId = QStringLiteral("json");
        renderer.render(small);
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(finished.wait());
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<RenderedValue>().document->line(0), QStringLiteral("\"just this\""));

        renderer.render(big);
        renderer.cancel();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!renderer.isBusy());
    }

    void searchRunsOnAWorkerAndWraps()
    {
        auto document = std::make_shared<TextDocument>(QString::fromUtf8(numberedText(100000)));
        DocumentSearch search;
        QSignalSpy found(&search, &DocumentSearch::found);
        search.find(document, QStringLiteral("line 99999 "), {}, false, Qt::CaseSensitive);
        QVERIFY(found.wait());
        auto match = found.last().first().value<DocumentMatch>();
        QVERIFY(match.found);
        QCOMPARE(match.from, (DocumentPosition { 99999, 0 }));
        QVERIFY(!found.last().at(1).toBool());
        search.find(document, QStringLiteral("line 5 "), { 50000, 0 }, false, Qt::CaseSensitive);
        QVERIFY(found.wait());
        match = found.last().first().value<DocumentMatch>();
        QCOMPARE(match.from, (DocumentPosition { 5, 0 }));
        QVERIFY(found.last().at(1).toBool()); // wrapped
    }

private:
    static QString FormatSupportText(const QByteArray& bytes)
    {
        // The payload convention for bytes that are not all text: what the editor would show.
        return format(QStringLiteral("snappy-framed"))
            ->decode(format(QStringLiteral("snappy-framed"))->encode(QString::fromUtf8(bytes), nullptr))
            .text;
    }
};

QTEST_GUILESS_MAIN(TestBigValues)
#include "tst_bigvalues.moc"
