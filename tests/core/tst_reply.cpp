#include "client/replyreader.h"

#include <QTest>

using namespace vermilion;

class TestReply : public QObject {
    Q_OBJECT
private:
    static QList<Reply> parseAll(const QByteArray& bytes, bool byteByByte = false, bool pack = false)
    {
        ReplyReader reader;
        reader.setPackStrings(pack);
        QList<Reply> replies;
        auto drain = [&] {
            Reply reply;
            while (reader.next(&reply) == ReplyReader::Result::Reply)
                replies.append(reply);
        };
        if (byteByByte) {
            for (char c : bytes) {
                reader.feed(&c, 1);
                drain();
            }
        } else {
            reader.feed(bytes.constData(), bytes.size());
            drain();
        }
        return replies;
    }

private slots:
    void convertsEveryType_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<Reply>("expected");
        QTest::addColumn<QString>("display");
        QTest::addRow("status") << QByteArray("+OK\r\n") << Reply::status("OK") << QStringLiteral("OK");
        QTest::addRow("error") << QByteArray("-WRONGTYPE Operation against a key\r\n")
                               << Reply::error("WRONGTYPE Operation against a key")
                               << QStringLiteral("(error) WRONGTYPE Operation against a key");
        QTest::addRow("integer") << QByteArray(":-42\r\n") << Reply::integer(-42) << QStringLiteral("(integer) -42");
        QTest::addRow("big integer") << QByteArray(":9223372036854775807\r\n") << Reply::integer(9223372036854775807LL)
                                     << QStringLiteral("(integer) 9223372036854775807");
        QTest::addRow("bulk") << QByteArray("$5\r\nhello\r\n") << Reply::string("hello") << QStringLiteral("\"hello\"");
        QTest::addRow("empty bulk") << QByteArray("$0\r\n\r\n") << Reply::string("") << QStringLiteral("\"\"");
        QTest::addRow("nil bulk") << QByteArray("$-1\r\n") << Reply::nil() << QStringLiteral("(nil)");
        QTest::addRow("nil array") << QByteArray("*-1\r\n") << Reply::nil() << QStringLiteral("(nil)");
        QTest::addRow("empty array") << QByteArray("*0\r\n") << Reply::array({}) << QStringLiteral("(empty array)");
        QTest::addRow("bulk with CRLF inside")
            << QByteArray("$4\r\na\r\nb\r\n") << Reply::string("a\r\nb") << QStringLiteral("\"a\\r\\nb\"");
        QTest::addRow("mixed array") << QByteArray("*4\r\n:1\r\n$-1\r\n+QUEUED\r\n$3\r\nfoo\r\n")
                                     << Reply::array({ Reply::integer(1), Reply::nil(), Reply::status("QUEUED"),
                                            Reply::string("foo") })
                                     << QStringLiteral("1) (integer) 1\n2) (nil)\n3) QUEUED\n4) \"foo\"");
        QTest::addRow("nested arrays") << QByteArray("*2\r\n*2\r\n$1\r\na\r\n*1\r\n:7\r\n*0\r\n")
                                       << Reply::array({ Reply::array({ Reply::string("a"),
                                                             Reply::array({ Reply::integer(7) }) }),
                                              Reply::array({}) })
                                       << QStringLiteral("1) 1) \"a\"\n   2) 1) (integer) 7\n2) (empty array)");
        QTest::addRow("utf-8 stays readable") << QByteArray("$5\r\n\xc3\xa9t\xc3\xa9\r\n")
                                              << Reply::string("\xc3\xa9t\xc3\xa9") << QStringLiteral("\"été\"");
        QTest::addRow("invalid utf-8 escaped")
            << QByteArray("$3\r\n\xff\x00z\r\n", 10) << Reply::string(QByteArray("\xff\x00z", 3))
            << QStringLiteral("\"\\xff\\x00z\"");
    }

    void convertsEveryType()
    {
        QFETCH(QByteArray, wire);
        QFETCH(Reply, expected);
        QFETCH(QString, display);
        for (bool byteByByte : { false, true }) {
            const QList<Reply> replies = parseAll(wire, byteByByte);
            QCOMPARE(replies.size(), 1);
            QCOMPARE(replies.first(), expected);
            QCOMPARE(replies.first().type(), expected.type());
            QCOMPARE(replies.first().toDisplayString(), display);
        }
    }

    void everyByteSurvives()
    {
        QByteArray all;
        for (int b = 0; b < 256; ++b)
            all.append(char(b));
        const QByteArray wire = "$256\r\n" + all + "\r\n";
        const QList<Reply> replies = parseAll(wire);
        QCOMPARE(replies.size(), 1);
        QVERIFY(replies.first().isString());
        QCOMPARE(replies.first().bytes(), all);
        // Each single byte too, as the only content of a bulk string.
        for (int b = 0; b < 256; ++b) {
            const QByteArray one(1, char(b));
            const QList<Reply> single = parseAll("$1\r\n" + one + "\r\n");
            QCOMPARE(single.size(), 1);
            QCOMPARE(single.first().bytes(), one);
        }
    }

    void encoderRoundTrips()
    {
        QByteArray all;
        for (int b = 0; b < 256; ++b)
            all.append(char(b));
        const Command argv { "SET", QByteArray("k\x00\xff", 3), all, QByteArray() };
        const QByteArray wire = RespEncoder::encode(argv);
        QVERIFY(wire.startsWith("*4\r\n$3\r\nSET\r\n$3\r\n"));
        // The encoded command is itself a RESP array of bulk strings: parse it back.
        const QList<Reply> replies = parseAll(wire);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(replies.first().at(i).bytes(), argv.at(i));
    }

    void manyRepliesInOneFeed()
    {
        QByteArray wire;
        for (int i = 0; i < 1000; ++i)
            wire += ":" + QByteArray::number(i) + "\r\n";
        const QList<Reply> replies = parseAll(wire);
        QCOMPARE(replies.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(replies.at(i).integerValue(), qint64(i));
    }

    void protocolErrorIsReported()
    {
        ReplyReader reader;
        const QByteArray garbage = "HTTP/1.1 400 Bad Request\r\n";
        reader.feed(garbage.constData(), garbage.size());
        Reply reply;
        QCOMPARE(reader.next(&reply), ReplyReader::Result::ProtocolError);
        QVERIFY2(reader.errorString().contains(QLatin1String("Protocol error")), qPrintable(reader.errorString()));
        reader.reset();
        reader.feed("+OK\r\n", 5);
        QCOMPARE(reader.next(&reply), ReplyReader::Result::Reply);
        QCOMPARE(reply, Reply::status("OK"));
    }

    void partialDataWaits()
    {
        ReplyReader reader;
        reader.feed("$10\r\nhello", 10);
        Reply reply;
        QCOMPARE(reader.next(&reply), ReplyReader::Result::NeedMoreData);
        reader.feed("world\r\n", 7);
        QCOMPARE(reader.next(&reply), ReplyReader::Result::Reply);
        QCOMPARE(reply.bytes(), QByteArray("helloworld"));
    }

    void declaredLengthsAreNotTrusted()
    {
        // A hostile or broken server declares two billion elements and sends three: nothing is
        // allocated for the declared count, and the reply completes when its elements do.
        ReplyReader reader;
        const QByteArray head = "*2000000000\r\n:1\r\n$-1\r\n*1\r\n$2\r\nok\r\n";
        reader.feed(head.constData(), head.size());
        Reply reply;
        QCOMPARE(reader.next(&reply), ReplyReader::Result::NeedMoreData);

        ReplyReader small;
        const QByteArray whole = "*3\r\n:1\r\n$-1\r\n*2\r\n$-1\r\n$2\r\nok\r\n";
        small.feed(whole.constData(), whole.size());
        QCOMPARE(small.next(&reply), ReplyReader::Result::Reply);
        QCOMPARE(reply.size(), 3);
        QCOMPARE(reply.at(0).integerValue(), 1);
        QVERIFY(reply.at(1).isNil());
        QCOMPARE(reply.at(2).size(), 2);
        QVERIFY(reply.at(2).at(0).isNil());
        QCOMPARE(reply.at(2).at(1).bytes(), QByteArray("ok"));
        QVERIFY(small.isIdle());
    }

    // A SCAN page read with packing: the keys arrive in one buffer, binary bytes intact, the same
    // reply as without packing (elements made on demand), whether read at once or byte by byte.
    void packedScanPage()
    {
        static const char raw[] = "*2\r\n$4\r\n1234\r\n*3\r\n$3\r\nfoo\r\n$0\r\n\r\n$5\r\nb\x00r\xff\n\r\n";
        const QByteArray wire(raw, sizeof(raw) - 1);
        const QList<Reply> plain = parseAll(wire);
        QCOMPARE(plain.size(), 1);
        QVERIFY(!plain.first().at(1).packedStrings());
        for (bool byteByByte : { false, true }) {
            const QList<Reply> replies = parseAll(wire, byteByByte, true);
            QCOMPARE(replies.size(), 1);
            const Reply& page = replies.first();
            QCOMPARE(page.at(0).bytes(), QByteArray("1234"));
            QVERIFY(!page.packedStrings()); // only arrays inside the reply are packed
            const auto keys = page.at(1).packedStrings();
            QVERIFY(keys);
            QCOMPARE(page.at(1).size(), 3);
            QCOMPARE(keys->size(), 3);
            QCOMPARE(keys->at(0), QByteArrayView("foo"));
            QCOMPARE(keys->at(1).size(), 0);
            QCOMPARE(keys->at(2), QByteArrayView(QByteArray("b\x00r\xff\n", 5)));
            QCOMPARE(page, plain.first());
            QCOMPARE(page.at(1).at(2).bytes(), QByteArray("b\x00r\xff\n", 5));
            QCOMPARE(page.toDisplayString(), plain.first().toDisplayString());
        }
    }

    // An array that turns out to hold more than strings is not packed: the reply is the same.
    void packingFallsBackOnMixedArrays()
    {
        const QByteArray wire = "*2\r\n*4\r\n$1\r\na\r\n:7\r\n$-1\r\n*1\r\n$1\r\nb\r\n*0\r\n"
                                "*1\r\n*2\r\n$1\r\nc\r\n-ERR no\r\n";
        const QList<Reply> plain = parseAll(wire);
        const QList<Reply> packed = parseAll(wire, false, true);
        QCOMPARE(packed.size(), 2);
        QCOMPARE(packed, plain);
        QVERIFY(!packed.at(0).at(0).packedStrings());
        QCOMPARE(packed.at(0).at(0).size(), 4);
        QCOMPARE(packed.at(0).at(0).at(1).integerValue(), 7);
        QVERIFY(packed.at(0).at(0).at(2).isNil());
        QVERIFY(packed.at(0).at(1).packedStrings()); // an empty array stays packed: nothing to unpack
        QCOMPARE(packed.at(0).at(1).size(), 0);
        QVERIFY(packed.at(1).at(0).at(1).isError());
    }

    void clientErrorsAreTold()
    {
        const Reply timeout = Reply::error("late", Reply::ErrorKind::Timeout);
        QVERIFY(timeout.isError());
        QVERIFY(timeout.isClientError());
        QCOMPARE(timeout.errorKind(), Reply::ErrorKind::Timeout);
        const Reply server = Reply::error("NOPERM this user has no permissions");
        QVERIFY(!server.isClientError());
        QCOMPARE(server.errorCode(), QByteArray("NOPERM"));
        QVERIFY(timeout != server);
    }

    void integersFromStrings()
    {
        bool ok = false;
        QCOMPARE(Reply::string("123").toInteger(&ok), 123);
        QVERIFY(ok);
        Reply::string("abc").toInteger(&ok);
        QVERIFY(!ok);
        QCOMPARE(Reply::integer(5).toInteger(&ok), 5);
        QVERIFY(ok);
    }
};

QTEST_GUILESS_MAIN(TestReply)
#include "tst_reply.moc"
