#include "util/jobtracker.h"
#include "util/redistext.h"

#include <QTest>

#include <functional>

using namespace vermilion;

class TestRedisText : public QObject {
    Q_OBJECT
private slots:
    // The one way tools drop results a newer request replaced (util/jobtracker.h).
    void jobTrackerDropsStaleResults()
    {
        JobTracker jobs;
        const JobTracker::Ticket first = jobs.next();
        QVERIFY(!jobs.isStale(first));
        const JobTracker::Ticket second = jobs.next();
        QVERIFY(jobs.isStale(first));
        QVERIFY(!jobs.isStale(second));
        QCOMPARE(jobs.current(), second);
        jobs.cancel();
        QVERIFY(jobs.isStale(second));
        // A guarded callback runs only while its job is current, and not after the tracker is gone.
        int ran = 0;
        auto older = jobs.guard([&](int n) { ran += n; });
        auto newer = jobs.guard([&](int n) { ran += n * 10; });
        older(1);
        newer(2);
        QCOMPARE(ran, 20);
        std::function<void(int)> orphan;
        {
            JobTracker gone;
            orphan = gone.guard([&](int n) { ran += n; });
        }
        orphan(5);
        QCOMPARE(ran, 20);
    }

    void escape_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("ifNeeded");
        QTest::addRow("simple") << QByteArray("user:1") << QStringLiteral("user:1") << QStringLiteral("user:1");
        QTest::addRow("empty") << QByteArray() << QString() << QStringLiteral("\"\"");
        QTest::addRow("space") << QByteArray("a b") << QStringLiteral("a b") << QStringLiteral("\"a b\"");
        QTest::addRow("controls") << QByteArray("\n\r\t\a\b") << QStringLiteral("\\n\\r\\t\\a\\b")
                                  << QStringLiteral("\"\\n\\r\\t\\a\\b\"");
        QTest::addRow("quote and backslash")
            << QByteArray("\"\\") << QStringLiteral("\\\"\\\\") << QStringLiteral("\"\\\"\\\\\"");
        QTest::addRow("binary") << QByteArray("\xff\x00\x7f", 3) << QStringLiteral("\\xff\\x00\\x7f")
                                << QStringLiteral("\"\\xff\\x00\\x7f\"");
        QTest::addRow("utf-8") << QByteArray("ключ🔑") << QStringLiteral("ключ🔑") << QStringLiteral("ключ🔑");
        QTest::addRow("truncated utf-8") << QByteArray("\xd0") << QStringLiteral("\\xd0")
                                         << QStringLiteral("\"\\xd0\"");
        QTest::addRow("overlong utf-8") << QByteArray("\xc0\xaf") << QStringLiteral("\\xc0\\xaf")
                                        << QStringLiteral("\"\\xc0\\xaf\"");
        QTest::addRow("surrogate encoded")
            << QByteArray("\xed\xa0\x80") << QStringLiteral("\\xed\\xa0\\x80") << QStringLiteral("\"\\xed\\xa0\\x80\"");
    }

    void escape()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, plain);
        QFETCH(QString, ifNeeded);
        QCOMPARE(RedisText::escape(bytes, RedisText::Quoting::None), plain);
        QCOMPARE(RedisText::escape(bytes, RedisText::Quoting::IfNeeded), ifNeeded);
        QCOMPARE(RedisText::escape(bytes, RedisText::Quoting::Always), QLatin1Char('"') + plain + QLatin1Char('"'));
        // What is shown can be typed back.
        QCOMPARE(RedisText::unescape(plain), bytes);
        QList<QByteArray> args;
        QVERIFY(RedisText::splitArguments(ifNeeded, &args));
        QCOMPARE(args.size(), 1);
        QCOMPARE(args.first(), bytes);
    }

    void everyByteRoundTrips()
    {
        for (int b = 0; b < 256; ++b) {
            const QByteArray one(1, char(b));
            const QString shown = RedisText::escape(one);
            QCOMPARE(RedisText::unescape(shown), one);
        }
    }

    void split_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QList<QByteArray>>("expected");
        QTest::addRow("words") << QStringLiteral("SET a b") << QList<QByteArray> { "SET", "a", "b" };
        QTest::addRow("extra spaces") << QStringLiteral("  GET   key  ") << QList<QByteArray> { "GET", "key" };
        QTest::addRow("double quotes") << QStringLiteral("SET \"a b\" \"\\x00\\xff\"")
                                       << QList<QByteArray> { "SET", "a b", QByteArray("\x00\xff", 2) };
        QTest::addRow("single quotes") << QStringLiteral("SET 'it\\'s' '\\n'")
                                       << QList<QByteArray> { "SET", "it's", "\\n" };
        QTest::addRow("empty argument") << QStringLiteral("SET k \"\"") << QList<QByteArray> { "SET", "k", "" };
        QTest::addRow("unicode") << QStringLiteral("SET ключ 🔑") << QList<QByteArray> { "SET", "ключ", "🔑" };
        QTest::addRow("empty line") << QString() << QList<QByteArray> {};
        QTest::addRow("no-break space is not a separator (found by fuzzing)")
            << QStringLiteral("11\u00a0x y") << QList<QByteArray> { "11\xc2\xa0x", "y" };
    }

    void split()
    {
        QFETCH(QString, line);
        QFETCH(QList<QByteArray>, expected);
        QList<QByteArray> args;
        QString error;
        QVERIFY2(RedisText::splitArguments(line, &args, &error), qPrintable(error));
        QCOMPARE(args, expected);
    }

    void splitRejectsBadQuotes_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addRow("unbalanced double") << QStringLiteral("SET \"abc");
        QTest::addRow("unbalanced single") << QStringLiteral("SET 'abc");
        QTest::addRow("text after quote") << QStringLiteral("SET \"a\"b");
    }

    void splitRejectsBadQuotes()
    {
        QFETCH(QString, line);
        QList<QByteArray> args;
        QString error;
        QVERIFY(!RedisText::splitArguments(line, &args, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRedisText)
#include "tst_redistext.moc"
