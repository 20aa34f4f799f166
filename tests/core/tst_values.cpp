#include "client/connection.h"
#include "client/session.h"
#include "redisfixture.h"
#include "values/collectionsearch.h"
#include "values/hashmodel.h"
#include "values/keyinfoloader.h"
#include "values/listmodel.h"
#include "values/setmodel.h"
#include "values/streamgroups.h"
#include "values/streammodel.h"
#include "values/streamsearch.h"
#include "values/valuediff.h"
#include "formats/valueformat.h"
#include "values/stringvalue.h"
#include "values/zsetmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace vermilion;
using namespace vermilion::test;

namespace {
// Deterministic bytes that are not one repeated character, so a shifted chunk would be noticed.
QByteArray patterned(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 2463534242u;
    for (qint64 i = 0; i < size; ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes[i] = char(state & 0xff);
    }
    return bytes;
}
} // namespace

class TestValues : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Connection> m_other; // "someone else" changing values behind the model's back

    Reply other(const Command& command) { return awaitReply(m_other->execute(command)); }

    // Many elements in pipelined commands of 1000 arguments each.
    void fill(const QByteArray& command, const QByteArray& key, qint64 count,
        const std::function<void(Command&, qint64)>& add)
    {
        other({ "DEL", key });
        QList<Command> batch;
        for (qint64 start = 0; start < count; start += 1000) {
            Command c { command, key };
            for (qint64 i = start; i < qMin(count, start + 1000); ++i)
                add(c, i);
            batch.append(c);
        }
        for (const Reply& reply : awaitBatch(m_other->executeBatch(batch), 120000))
            QVERIFY2(!reply.isError(), qPrintable(reply.errorMessage()));
    }

    static void fetchAll(ScanValueModel& model)
    {
        for (;;) {
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000);
            if (!model.canFetchMore({}))
                return;
            model.fetchMore({});
        }
    }

    static void loadEveryRow(PagedValueModel& model)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000);
        model.requestRows(0, model.rowCount() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() == 0 || model.isRowLoaded(model.rowCount() - 1), 30000);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY2(model.isRowLoaded(row), qPrintable(QStringLiteral("row %1 not loaded").arg(row)));
    }

    std::unique_ptr<Session> readOnlySession()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        auto session = std::make_unique<Session>(profile);
        session->open();
        return session;
    }

private slots:
    void lineDiff_data()
    {
        QTest::addColumn<QString>("mine");
        QTest::addColumn<QString>("theirs");
        QTest::addColumn<QList<DiffHunk>>("hunks");
        QTest::addRow("same") << "a\nb" << "a\nb" << QList<DiffHunk> {};
        QTest::addRow("changed line") << "a\nb\nc" << "a\nB\nc" << QList<DiffHunk> { { 1, 1, 1, 1 } };
        QTest::addRow("added lines") << "a\nc" << "a\nb1\nb2\nc" << QList<DiffHunk> { { 1, 0, 1, 2 } };
        QTest::addRow("removed line") << "a\nb\nc" << "a\nc" << QList<DiffHunk> { { 1, 1, 1, 0 } };
        QTest::addRow("two places") << "1\n2\n3\n4\n5\n6" << "1\nX\n3\n4\n5\n6\n7"
                                    << QList<DiffHunk> { { 1, 1, 1, 1 }, { 6, 0, 6, 1 } };
        QTest::addRow("empty against text") << "" << "x\ny" << QList<DiffHunk> { { 0, 1, 0, 2 } };
        QTest::addRow("moved block") << "a\nb\nc\nd" << "c\nd\na\nb"
                                     << QList<DiffHunk> { { 0, 2, 0, 0 }, { 4, 0, 2, 2 } };
    }

    void lineDiff()
    {
        QFETCH(QString, mine);
        QFETCH(QString, theirs);
        QFETCH(QList<DiffHunk>, hunks);
        const ValueDiff diff = ValueDiff::compute(mine, theirs);
        QCOMPARE(diff.hunks, hunks);
        QVERIFY(!diff.approximate);
        QCOMPARE(diff.mine->wholeText(), mine);
        QCOMPARE(diff.theirs->wholeText(), theirs);
    }

    void lineDiffGivesUpInTheMiddleAndCancels()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < 3000; ++i) {
            a << QStringLiteral("same %1").arg(i);
            b << QStringLiteral("same %1").arg(i);
        }
        for (int i = 0; i < 500; ++i) {
            a.insert(1000 + 2 * i, QStringLiteral("only mine %1").arg(i));
            b.insert(1000 + 2 * i, QStringLiteral("only theirs %1").arg(i));
        }
        // 1000 edits with room for them; then too many for a limit of 100.
        const ValueDiff full = ValueDiff::compute(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')));
        QVERIFY(!full.approximate);
        QCOMPARE(full.hunks.size(), 500);
        const ValueDiff rough = ValueDiff::compute(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')), nullptr, 100);
        QVERIFY(rough.approximate);
        QCOMPARE(rough.hunks.size(), 1);
        QCOMPARE(rough.hunks.first().mineFirst, 1000);
        QCOMPARE(rough.hunks.first().mineCount, 999);
        std::atomic<bool> cancel { true };
        QVERIFY(ValueDiff::compute(a.join(QLatin1Char('\n')), b.join(QLatin1Char('\n')), &cancel).hunks.isEmpty());
        // Bytes: each line escaped, the line breaks kept.
        QCOMPARE(ValueDiffer::textOf({ QByteArray("a\tb\n\xff\n", 6), {}, {}, {} }), QStringLiteral("a\\tb\n\\xff\n"));
        QCOMPARE(ValueDiffer::textOf({ "x", QStringLiteral("(remove it)"), QStringLiteral("note"), {} }),
            QStringLiteral("(remove it)\nnote"));
        // In the format the user edits: a gzip value compares as its text, not its compressed bytes;
        // bytes the format cannot decode compare escaped.
        const formats::ValueFormat* gzip = formats::FormatRegistry::instance().find(QStringLiteral("gzip"));
        QVERIFY(gzip);
        QString error;
        const QByteArray compressed = gzip->encode(QStringLiteral("line one\nline two"), &error);
        QCOMPARE(ValueDiffer::textOf({ compressed, {}, {}, QStringLiteral("gzip") }), QStringLiteral("line one\nline two"));
        QCOMPARE(ValueDiffer::textOf({ "plain", {}, {}, QStringLiteral("gzip") }), QStringLiteral("plain"));
    }

    void streamSearchMatches()
    {
        QVERIFY(StreamSearch::matches("1-1", { "kind", "Needle" }, "needle", Qt::CaseInsensitive));
        QVERIFY(!StreamSearch::matches("1-1", { "kind", "Needle" }, "needle", Qt::CaseSensitive));
        QVERIFY(StreamSearch::matches("1700-5", {}, "00-5", Qt::CaseSensitive));
        QVERIFY(!StreamSearch::matches("1-1", { "a", "b" }, "c", Qt::CaseInsensitive));
    }

    void searchesAcrossPages()
    {
        // Pages are matched off the UI thread and reported in search order (TSan runs this suite).
        other({ "DEL", "s:list", "s:stream" });
        QList<Command> fill;
        for (int i = 0; i < 12000; ++i)
            fill.append({ "RPUSH", "s:list", "item-" + QByteArray::number(i) });
        for (int i = 1; i <= 5000; ++i)
            fill.append({ "XADD", "s:stream", QByteArray::number(i) + "-1", "n", "entry-" + QByteArray::number(i) });
        const QFuture<QList<Reply>> filled = m_other->executeBatch(fill);
        QTRY_VERIFY_WITH_TIMEOUT(filled.isFinished(), 20000);
        QVERIFY(!filled.result().constLast().isError());

        CollectionSearch list(m_session.get(), "s:list", CollectionSearch::Kind::List);
        QSignalSpy found(&list, &CollectionSearch::found);
        QSignalSpy notFound(&list, &CollectionSearch::notFound);
        list.find("ITEM-11000", 0, 12000); // the third page of 5000, found in order past the others
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 1, 10000);
        QCOMPARE(found.at(0).at(0).toLongLong(), 11000);
        QCOMPARE(found.at(0).at(1).toBool(), false);
        list.find("item-3", 6000, 12000, true); // backwards from 6000: item-3999 comes before item-3
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 2, 10000);
        QCOMPARE(found.at(1).at(0).toLongLong(), 3999);
        list.find("item-7", 8000, 12000, false, Qt::CaseSensitive); // wraps round to item-7
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 3, 10000);
        QCOMPARE(found.at(2).at(0).toLongLong(), 7);
        QCOMPARE(found.at(2).at(1).toBool(), true);
        list.find("ITEM-1", 0, 12000, false, Qt::CaseSensitive);
        QTRY_COMPARE_WITH_TIMEOUT(notFound.size(), 1, 10000);
        QCOMPARE(found.size(), 3);

        StreamSearch stream(m_session.get(), "s:stream");
        QSignalSpy streamFound(&stream, &StreamSearch::found);
        QSignalSpy streamNotFound(&stream, &StreamSearch::notFound);
        stream.find("ENTRY-1234", {}, StreamSearch::Direction::Newer, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(streamFound.size(), 1, 10000);
        QCOMPARE(streamFound.at(0).at(0).toByteArray(), QByteArray("1234-1"));
        stream.find("entry-10", "4000-1", StreamSearch::Direction::Newer, 5000); // past the end, round
        QTRY_COMPARE_WITH_TIMEOUT(streamFound.size(), 2, 10000);
        QCOMPARE(streamFound.at(1).at(0).toByteArray(), QByteArray("10-1"));
        QCOMPARE(streamFound.at(1).at(1).toBool(), true);
        stream.find("entry-4999", {}, StreamSearch::Direction::Older, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(streamFound.size(), 3, 10000);
        QCOMPARE(streamFound.at(2).at(0).toByteArray(), QByteArray("4999-1"));
        stream.find("no such entry", {}, StreamSearch::Direction::Older, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(streamNotFound.size(), 1, 10000);
        // A cancelled search reports nothing, though its page is on its way or being looked at: the
        // next search's result, read after it on the same link, is the only one that comes.
        stream.find("entry-1", {}, StreamSearch::Direction::Newer, 5000);
        stream.cancel();
        stream.find("entry-4998", {}, StreamSearch::Direction::Older, 5000);
        list.find("item-1", 0, 12000);
        list.cancel();
        list.find("item-11999", 0, 12000);
        QTRY_COMPARE_WITH_TIMEOUT(streamFound.size(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 4, 10000);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(streamFound.size(), 4);
        QCOMPARE(streamFound.at(3).at(0).toByteArray(), QByteArray("4998-1"));
        QCOMPARE(found.size(), 4);
        QCOMPARE(found.at(3).at(0).toLongLong(), 11999);
        other({ "DEL", "s:list", "s:stream" });
    }

    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
        m_other = std::make_unique<Connection>(profileFor(*m_server));
        m_other->open();
        QVERIFY(waitForState(*m_other, Connection::State::Connected));
    }

    void paging_data()
    {
        QTest::addColumn<int>("count");
        for (int count : { 1, 500, 501, 999, 1000 })
            QTest::addRow("%d elements", count) << count;
    }

    void paging()
    {
        QFETCH(int, count);
        fill("HSET", "p:hash", count,
            [](Command& c, qint64 i) { c << "f" + QByteArray::number(i) << "v" + QByteArray::number(i); });
        HashModel hash(m_session.get(), "p:hash");
        QAbstractItemModelTester hashTester(&hash);
        hash.reload();
        fetchAll(hash);
        QCOMPARE(hash.rowCount(), count);
        QSet<QByteArray> fields;
        for (int row = 0; row < count; ++row) {
            fields.insert(hash.fieldAt(row));
            QCOMPARE(hash.valueAt(row), "v" + hash.fieldAt(row).mid(1));
        }
        QCOMPARE(fields.size(), count);

        fill("SADD", "p:set", count, [](Command& c, qint64 i) { c << "m" + QByteArray::number(i); });
        SetModel set(m_session.get(), "p:set");
        QAbstractItemModelTester setTester(&set);
        set.reload();
        fetchAll(set);
        QCOMPARE(set.rowCount(), count);
        QSet<QByteArray> members;
        for (int row = 0; row < count; ++row)
            members.insert(set.memberAt(row));
        QCOMPARE(members.size(), count);

        fill("RPUSH", "p:list", count, [](Command& c, qint64 i) { c << "e" + QByteArray::number(i); });
        ListModel list(m_session.get(), "p:list");
        QAbstractItemModelTester listTester(&list);
        list.reload();
        loadEveryRow(list);
        QCOMPARE(list.rowCount(), count);
        for (int row = 0; row < count; ++row) {
            QCOMPARE(list.data(list.index(row, ListModel::IndexColumn)).toInt(), row);
            QCOMPARE(list.data(list.index(row, ListModel::ValueColumn), ValueModel::RawRole).toByteArray(),
                "e" + QByteArray::number(row));
        }

        fill("ZADD", "p:zset", count,
            [](Command& c, qint64 i) { c << QByteArray::number(i) << "m" + QByteArray::number(i); });
        ZSetModel zset(m_session.get(), "p:zset");
        QAbstractItemModelTester zsetTester(&zset);
        zset.reload();
        loadEveryRow(zset);
        QCOMPARE(zset.rowCount(), count);
        for (int row = 0; row < count; ++row) {
            QByteArray member, score;
            QVERIFY(zset.entryAt(row, &member, &score));
            QCOMPARE(member, "m" + QByteArray::number(row));
            QCOMPARE(score, QByteArray::number(row));
            QCOMPARE(zset.headerData(row, Qt::Vertical).toInt(), row);
        }
        // Score range: [count/4, count/2) by position inside the range.
        zset.setScoreRange(QByteArray::number(count / 4), "(" + QByteArray::number(count / 2));
        loadEveryRow(zset);
        QCOMPARE(zset.rowCount(), count / 2 - count / 4);
        for (int row = 0; row < zset.rowCount(); ++row) {
            QByteArray member;
            QVERIFY(zset.entryAt(row, &member, nullptr));
            QCOMPARE(member, "m" + QByteArray::number(count / 4 + row));
        }

        other({ "DEL", "p:stream" });
        QList<Command> xadds;
        for (int i = 1; i <= count; ++i)
            xadds.append({ "XADD", "p:stream", QByteArray::number(i) + "-0", "n", QByteArray::number(i) });
        awaitBatch(m_other->executeBatch(xadds));
        StreamModel stream(m_session.get(), "p:stream");
        QAbstractItemModelTester streamTester(&stream);
        stream.reload();
        for (;;) {
            QTRY_VERIFY(!stream.isLoading());
            if (!stream.canFetchMore({}))
                break;
            stream.fetchMore({});
        }
        QCOMPARE(stream.rowCount(), count);
        for (int row = 0; row < count; ++row)
            QCOMPARE(stream.entryAt(row).id, QByteArray::number(count - row) + "-0");
        stream.setOrder(StreamModel::Order::OldestFirst);
        for (;;) {
            QTRY_VERIFY(!stream.isLoading());
            if (!stream.canFetchMore({}))
                break;
            stream.fetchMore({});
        }
        QCOMPARE(stream.rowCount(), count);
        for (int row = 0; row < count; ++row)
            QCOMPARE(stream.entryAt(row).id, QByteArray::number(row + 1) + "-0");
    }

    void matchPattern()
    {
        fill("HSET", "p:match", 3000,
            [](Command& c, qint64 i) { c << (i % 100 == 0 ? "hit:" : "miss:") + QByteArray::number(i) << "x"; });
        HashModel hash(m_session.get(), "p:match");
        QAbstractItemModelTester tester(&hash);
        hash.setMatchPattern("hit:*");
        fetchAll(hash);
        QCOMPARE(hash.rowCount(), 30);
        for (int row = 0; row < hash.rowCount(); ++row)
            QVERIFY(hash.fieldAt(row).startsWith("hit:"));
        hash.setMatchPattern({});
        fetchAll(hash);
        QCOMPARE(hash.rowCount(), 3000);
    }

    void binaryRoundTrip()
    {
        const QByteArray bytes = allBytes();
        other({ "DEL", "b:hash", "b:list", "b:set", "b:zset", "b:string" });
        other({ "HSET", "b:hash", bytes, bytes });
        other({ "RPUSH", "b:list", bytes });
        other({ "SADD", "b:set", bytes });
        other({ "ZADD", "b:zset", "1", bytes });
        other({ "SET", "b:string", bytes });

        HashModel hash(m_session.get(), "b:hash");
        QAbstractItemModelTester hashTester(&hash);
        hash.reload();
        fetchAll(hash);
        QCOMPARE(hash.rowCount(), 1);
        QCOMPARE(hash.fieldAt(0), bytes);
        QCOMPARE(hash.data(hash.index(0, HashModel::ValueColumn), ValueModel::RawRole).toByteArray(), bytes);
        // What is shown is escaped text (no raw control bytes) that reads back to the same bytes.
        const QString shown = hash.data(hash.index(0, HashModel::FieldColumn)).toString();
        QVERIFY(shown.contains(QLatin1String("\\x00")));
        QVERIFY(shown.contains(QLatin1String("\\xff")));
        // An edit of a binary value is written byte for byte.
        QByteArray edited = bytes;
        std::reverse(edited.begin(), edited.end());
        QSignalSpy editedSpy(&hash, &ValueModel::edited);
        hash.setValue(bytes, bytes, edited);
        QVERIFY(editedSpy.wait());
        QCOMPARE(other({ "HGET", "b:hash", bytes }).bytes(), edited);
        QCOMPARE(hash.valueAt(0), edited);

        ListModel list(m_session.get(), "b:list");
        QAbstractItemModelTester listTester(&list);
        list.reload();
        loadEveryRow(list);
        QByteArray element;
        QVERIFY(list.valueAt(0, &element));
        QCOMPARE(element, bytes);

        SetModel set(m_session.get(), "b:set");
        QAbstractItemModelTester setTester(&set);
        set.reload();
        fetchAll(set);
        QCOMPARE(set.memberAt(0), bytes);

        ZSetModel zset(m_session.get(), "b:zset");
        QAbstractItemModelTester zsetTester(&zset);
        zset.reload();
        loadEveryRow(zset);
        QByteArray member;
        QVERIFY(zset.entryAt(0, &member, nullptr));
        QCOMPARE(member, bytes);

        StringValue string(m_session.get(), "b:string");
        QSignalSpy loaded(&string, &StringValue::loaded);
        string.load();
        QVERIFY(loaded.wait());
        QCOMPARE(string.value(), bytes);
        QSignalSpy saved(&string, &StringValue::saved);
        QVERIFY(string.save(edited));
        QVERIFY(saved.wait());
        QCOMPARE(other({ "GET", "b:string" }).bytes(), edited);
    }

    void bigHashFirstPageIsQuick()
    {
        constexpr int fields = 200000;
        fill("HSET", "big:hash", fields,
            [](Command& c, qint64 i) { c << "field:" + QByteArray::number(i) << "value:" + QByteArray::number(i); });
        HashModel hash(m_session.get(), "big:hash");
        QAbstractItemModelTester tester(&hash);
        QSignalSpy inserted(&hash, &QAbstractItemModel::rowsInserted);
        QElapsedTimer clock;
        clock.start();
        hash.reload();
        QVERIFY(inserted.wait(5000));
        const qint64 ms = clock.elapsed();
        qInfo("first page of a %d-field hash: %lld ms, %d rows", fields, ms, hash.rowCount());
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        // One page, not the hash.
        QVERIFY(hash.rowCount() < 2000);
        QVERIFY(hash.canFetchMore({}));
        other({ "DEL", "big:hash" });
    }

    void stringPreviewAndFullLoad()
    {
        const QByteArray big = patterned(3 * 1024 * 1024 + 17);
        QCOMPARE(other({ "SET", "s:big", big }), Reply::status("OK"));
        StringValue string(m_session.get(), "s:big");
        string.setThreshold(1024 * 1024);
        QSignalSpy loaded(&string, &StringValue::loaded);
        QSignalSpy errors(&string, &StringValue::errorOccurred);
        string.load();
        QVERIFY(loaded.wait());
        QVERIFY(string.isPartial());
        QCOMPARE(string.length(), big.size());
        QCOMPARE(string.value(), big.left(1024 * 1024));

        // Editing a preview would cut the value: refused, nothing written.
        QVERIFY(!string.save("short"));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().toString().contains(QLatin1String("Load the whole value")));
        QCOMPARE(other({ "STRLEN", "s:big" }).integerValue(), big.size());

        QSignalSpy progress(&string, &StringValue::progress);
        string.loadAll();
        QVERIFY(loaded.wait(30000));
        QVERIFY(!string.isPartial());
        QCOMPARE(string.value().size(), big.size());
        QVERIFY(string.value() == big);
        QCOMPARE(progress.size(), 4); // 1 MiB chunks
        QCOMPARE(progress.last().at(0).toLongLong(), big.size());

        // A small value is whole at once.
        other({ "SET", "s:small", "hello" });
        StringValue small(m_session.get(), "s:small");
        QSignalSpy smallLoaded(&small, &StringValue::loaded);
        small.load();
        QVERIFY(smallLoaded.wait());
        QVERIFY(!small.isPartial());
        QCOMPARE(small.value(), QByteArray("hello"));
    }

    void saveToFileStreams()
    {
        const QByteArray big = patterned(5 * 1024 * 1024 + 3);
        other({ "SET", "s:file", big });
        StringValue string(m_session.get(), "s:file");
        string.setThreshold(1024);
        QSignalSpy loaded(&string, &StringValue::loaded);
        string.load();
        QVERIFY(loaded.wait());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("value.bin"));
        QSignalSpy saved(&string, &StringValue::fileSaved);
        string.saveToFile(path);
        QVERIFY(saved.wait(30000));
        QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == other({ "GET", "s:file" }).bytes());
        // The value itself stays a preview: the file was streamed, not loaded.
        QCOMPARE(string.value().size(), 1024);

        // Cancelled: no file is left.
        const QString cancelledPath = dir.filePath(QStringLiteral("cancelled.bin"));
        QSignalSpy cancelled(&string, &StringValue::cancelled);
        string.saveToFile(cancelledPath);
        string.cancel();
        QVERIFY(cancelled.wait());
        QVERIFY(!QFile::exists(cancelledPath));
    }

    void stringConflict()
    {
        other({ "SET", "c:string", "mine-before" });
        StringValue string(m_session.get(), "c:string");
        QSignalSpy loaded(&string, &StringValue::loaded);
        string.load();
        QVERIFY(loaded.wait());
        other({ "SET", "c:string", "theirs" });
        QSignalSpy conflicts(&string, &StringValue::conflictDetected);
        QSignalSpy saved(&string, &StringValue::saved);
        string.save("mine-after");
        QVERIFY(conflicts.wait());
        const auto conflict = conflicts.first().first().value<EditConflict>();
        QCOMPARE(conflict.theirs, QByteArray("theirs"));
        QCOMPARE(conflict.mine, QByteArray("mine-after"));
        QCOMPARE(conflict.shown, QByteArray("mine-before"));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(other({ "GET", "c:string" }).bytes(), QByteArray("theirs"));
        string.save("mine-after", EditMode::Force);
        QVERIFY(saved.wait());
        QCOMPARE(other({ "GET", "c:string" }).bytes(), QByteArray("mine-after"));
        // A TTL survives the edit.
        other({ "PEXPIRE", "c:string", "100000" });
        string.save("again", EditMode::Force);
        QVERIFY(saved.wait());
        QVERIFY(other({ "PTTL", "c:string" }).integerValue() > 0);
    }

    void hashConflicts()
    {
        other({ "DEL", "c:hash" });
        other({ "HSET", "c:hash", "f", "shown", "gone", "x", "other", "y" });
        HashModel hash(m_session.get(), "c:hash");
        QAbstractItemModelTester tester(&hash);
        hash.reload();
        fetchAll(hash);
        QSignalSpy conflicts(&hash, &ValueModel::conflictDetected);
        QSignalSpy edited(&hash, &ValueModel::edited);

        other({ "HSET", "c:hash", "f", "theirs" });
        hash.setValue("f", "shown", "mine");
        QVERIFY(conflicts.wait());
        auto conflict = conflicts.takeFirst().first().value<EditConflict>();
        QCOMPARE(conflict.operation, EditConflict::Operation::SetField);
        QCOMPARE(conflict.theirs, QByteArray("theirs"));
        QCOMPARE(other({ "HGET", "c:hash", "f" }).bytes(), QByteArray("theirs"));
        hash.setValue("f", "shown", "mine", EditMode::Force);
        QVERIFY(edited.wait());
        QCOMPARE(other({ "HGET", "c:hash", "f" }).bytes(), QByteArray("mine"));

        // A field someone deleted: the conflict says it is absent.
        other({ "HDEL", "c:hash", "gone" });
        hash.setValue("gone", "x", "mine");
        QVERIFY(conflicts.wait());
        conflict = conflicts.takeFirst().first().value<EditConflict>();
        QVERIFY(!conflict.theirsExists);
        QCOMPARE(other({ "HEXISTS", "c:hash", "gone" }).integerValue(), 0);

        // A new field that appeared meanwhile is not overwritten.
        other({ "HSET", "c:hash", "new", "theirs" });
        hash.addField("new", "mine");
        QVERIFY(conflicts.wait());
        conflict = conflicts.takeFirst().first().value<EditConflict>();
        QCOMPARE(conflict.operation, EditConflict::Operation::AddField);
        QCOMPARE(conflict.theirs, QByteArray("theirs"));
        QCOMPARE(other({ "HGET", "c:hash", "new" }).bytes(), QByteArray("theirs"));

        // Removing a field whose value changed is a conflict too.
        other({ "HSET", "c:hash", "other", "changed" });
        hash.removeField("other", "y");
        QVERIFY(conflicts.wait());
        QCOMPARE(conflicts.takeFirst().first().value<EditConflict>().theirs, QByteArray("changed"));
        QCOMPARE(other({ "HGET", "c:hash", "other" }).bytes(), QByteArray("changed"));
        const int rows = hash.rowCount();
        hash.removeField("other", "changed");
        QVERIFY(edited.wait());
        QCOMPARE(other({ "HEXISTS", "c:hash", "other" }).integerValue(), 0);
        QCOMPARE(hash.rowCount(), rows - 1);
        QCOMPARE(hash.rowOfField("other"), -1);
    }

    void listConflictsAndEdits()
    {
        other({ "DEL", "c:list" });
        other({ "RPUSH", "c:list", "a", "x", "x", "b" });
        ListModel list(m_session.get(), "c:list");
        QAbstractItemModelTester tester(&list);
        list.reload();
        loadEveryRow(list);
        QSignalSpy conflicts(&list, &ValueModel::conflictDetected);
        QSignalSpy edited(&list, &ValueModel::edited);

        other({ "LSET", "c:list", "0", "theirs" });
        list.setValue(0, "a", "mine");
        QVERIFY(conflicts.wait());
        auto conflict = conflicts.takeFirst().first().value<EditConflict>();
        QCOMPARE(conflict.theirs, QByteArray("theirs"));
        QCOMPARE(conflict.index, 0);
        QCOMPARE(other({ "LINDEX", "c:list", "0" }).bytes(), QByteArray("theirs"));
        list.setValue(0, "a", "mine", EditMode::Force);
        QVERIFY(edited.wait());
        QCOMPARE(other({ "LINDEX", "c:list", "0" }).bytes(), QByteArray("mine"));

        // Insert next to the second of two equal elements: exactly there, not next to the first.
        list.insertAfter(2, "x", "new");
        QVERIFY(edited.wait());
        auto range = other({ "LRANGE", "c:list", "0", "-1" });
        QCOMPARE(range.size(), 5);
        QCOMPARE(range.at(3).bytes(), QByteArray("new"));
        QCOMPARE(range.at(2).bytes(), QByteArray("x"));
        list.insertBefore(0, "mine", "head");
        QVERIFY(edited.wait());
        QCOMPARE(other({ "LINDEX", "c:list", "0" }).bytes(), QByteArray("head"));
        QCOMPARE(other({ "LINDEX", "c:list", "1" }).bytes(), QByteArray("mine"));
        // [head, mine, x, x, new, b]: remove the second x only.
        list.removeAt(3, "x");
        QVERIFY(edited.wait());
        range = other({ "LRANGE", "c:list", "0", "-1" });
        QCOMPARE(range.size(), 5);
        QCOMPARE(range.at(2).bytes(), QByteArray("x"));
        QCOMPARE(range.at(3).bytes(), QByteArray("new"));
        // The list shifted under the user: the removal does not hit a neighbour.
        other({ "LPUSH", "c:list", "pushed" });
        list.removeAt(1, "mine");
        QVERIFY(conflicts.wait());
        QCOMPARE(conflicts.takeFirst().first().value<EditConflict>().theirs, QByteArray("head"));
        QCOMPARE(other({ "LLEN", "c:list" }).integerValue(), 6);
        QTRY_VERIFY(!list.isLoading());
        list.pushTail("tail");
        QVERIFY(edited.wait());
        list.pushHead("first");
        QVERIFY(edited.wait());
        QCOMPARE(other({ "LINDEX", "c:list", "-1" }).bytes(), QByteArray("tail"));
        QCOMPARE(other({ "LINDEX", "c:list", "0" }).bytes(), QByteArray("first"));
        QTRY_COMPARE(list.rowCount(), 8);
    }

    void zsetConflicts()
    {
        other({ "DEL", "c:zset" });
        other({ "ZADD", "c:zset", "1.5", "a", "2", "b" });
        ZSetModel zset(m_session.get(), "c:zset");
        QAbstractItemModelTester tester(&zset);
        zset.reload();
        loadEveryRow(zset);
        QSignalSpy conflicts(&zset, &ValueModel::conflictDetected);
        QSignalSpy edited(&zset, &ValueModel::edited);
        other({ "ZADD", "c:zset", "7", "a" });
        zset.setScore("a", "1.5", "10");
        QVERIFY(conflicts.wait());
        QCOMPARE(conflicts.takeFirst().first().value<EditConflict>().theirs, QByteArray("7"));
        QCOMPARE(other({ "ZSCORE", "c:zset", "a" }).bytes(), QByteArray("7"));
        zset.setScore("a", "1.5", "10", EditMode::Force);
        QVERIFY(edited.wait());
        QCOMPARE(other({ "ZSCORE", "c:zset", "a" }).bytes(), QByteArray("10"));
        // The same number written differently is no conflict.
        zset.setScore("b", "2.0", "3");
        QVERIFY(edited.wait());
        QCOMPARE(other({ "ZSCORE", "c:zset", "b" }).bytes(), QByteArray("3"));
        zset.add("b", "5");
        QVERIFY(conflicts.wait());
        QCOMPARE(conflicts.takeFirst().first().value<EditConflict>().operation, EditConflict::Operation::AddMember);
        zset.add("c", "0.25");
        QVERIFY(edited.wait());
        zset.remove("a");
        QVERIFY(edited.wait());
        QTRY_COMPARE(zset.rowCount(), 2);
        loadEveryRow(zset);
        QByteArray member;
        QVERIFY(zset.entryAt(0, &member, nullptr));
        QCOMPARE(member, QByteArray("c"));
        // A score that is not a number is the server's error, not a crash.
        QSignalSpy errors(&zset, &ValueModel::errorOccurred);
        zset.setScore("c", "0.25", "abc");
        QVERIFY(errors.wait());
        QCOMPARE(other({ "ZSCORE", "c:zset", "c" }).bytes(), QByteArray("0.25"));
    }

    void setAndStreamEdits()
    {
        other({ "DEL", "e:set", "e:stream" });
        other({ "SADD", "e:set", "a" });
        SetModel set(m_session.get(), "e:set");
        QAbstractItemModelTester setTester(&set);
        set.reload();
        fetchAll(set);
        QSignalSpy setEdited(&set, &ValueModel::edited);
        set.add("b");
        QVERIFY(setEdited.wait());
        QCOMPARE(set.rowCount(), 2);
        set.remove("a");
        QVERIFY(setEdited.wait());
        QCOMPARE(set.rowCount(), 1);
        QCOMPARE(other({ "SMEMBERS", "e:set" }).at(0).bytes(), QByteArray("b"));

        other({ "XADD", "e:stream", "1-0", "k", "v" });
        StreamModel stream(m_session.get(), "e:stream");
        QAbstractItemModelTester streamTester(&stream);
        stream.reload();
        QTRY_COMPARE(stream.rowCount(), 1);
        QSignalSpy added(&stream, &StreamModel::entryAdded);
        stream.addEntry({ { "name", allBytes() } });
        QVERIFY(added.wait());
        const QByteArray id = added.first().first().toByteArray();
        QTRY_COMPARE(stream.rowCount(), 2);
        QCOMPARE(stream.entryAt(0).id, id);
        QCOMPARE(stream.entryAt(0).fields.first().second, allBytes());
        QSignalSpy edited(&stream, &ValueModel::edited);
        stream.removeEntry("1-0");
        QVERIFY(edited.wait());
        QCOMPARE(other({ "XLEN", "e:stream" }).integerValue(), 1);
        QTRY_COMPARE(stream.rowCount(), 1);
    }

    void streamInfo()
    {
        other({ "DEL", "i:stream" });
        for (int i = 1; i <= 5; ++i)
            other({ "XADD", "i:stream", QByteArray::number(i) + "-0", "n", QByteArray::number(i) });
        other({ "XGROUP", "CREATE", "i:stream", "workers", "0" });
        other({ "XGROUP", "CREATE", "i:stream", "idle", "$" });
        other({ "XREADGROUP", "GROUP", "workers", "alice", "COUNT", "2", "STREAMS", "i:stream", ">" });
        other({ "XREADGROUP", "GROUP", "workers", "bob", "COUNT", "1", "STREAMS", "i:stream", ">" });
        StreamModel stream(m_session.get(), "i:stream");
        QSignalSpy info(&stream, &StreamModel::infoChanged);
        stream.refreshInfo();
        QVERIFY(info.wait());
        const StreamInfo value = info.first().first().value<StreamInfo>();
        QVERIFY(value.valid);
        QCOMPARE(value.length, 5);
        QCOMPARE(value.firstId, QByteArray("1-0"));
        QCOMPARE(value.lastId, QByteArray("5-0"));
        QCOMPARE(value.groupCount, 2);
        QCOMPARE(value.groups.size(), 2);
        const auto workers = std::find_if(
            value.groups.cbegin(), value.groups.cend(), [](const StreamInfo::Group& g) { return g.name == "workers"; });
        QVERIFY(workers != value.groups.cend());
        QCOMPARE(workers->pending, 3);
        QCOMPARE(workers->consumers, 2);
        QCOMPARE(workers->lastDeliveredId, QByteArray("3-0"));
        QCOMPARE(workers->consumerList.size(), 2);
        qint64 pending = 0;
        for (const auto& consumer : workers->consumerList)
            pending += consumer.pending;
        QCOMPARE(pending, 3);
    }

    void streamGroupsAdministered()
    {
        other({ "DEL", "g:stream" });
        StreamGroupOps ops(m_session.get(), "g:stream");
        QSignalSpy done(&ops, &StreamGroupOps::finished);
        const auto waitDone = [&] {
            done.clear();
            return done.wait(10000) && done.first().at(1).toString().isEmpty();
        };
        // MKSTREAM makes the stream; without it the server says there is none.
        ops.createGroup("nostream", "$", false);
        QVERIFY(done.wait(10000));
        QVERIFY(!done.last().at(1).toString().isEmpty());
        ops.createGroup("workers", "$", true);
        QVERIFY(waitDone());
        QCOMPARE(other({ "EXISTS", "g:stream" }).integerValue(), 1);
        for (int i = 1; i <= 6; ++i)
            other({ "XADD", "g:stream", QByteArray::number(i) + "-0", "n", QByteArray::number(i) });
        // $ was before the entries: SETID 0 makes them all deliverable.
        ops.setId("workers", "0");
        QVERIFY(waitDone());
        ops.createConsumer("workers", "carol");
        QVERIFY(waitDone());
        QVERIFY(done.first().at(2).toString().contains(QLatin1String("created")));
        // A second client reads as two consumers: pending entries.
        other({ "XREADGROUP", "GROUP", "workers", "alice", "COUNT", "4", "STREAMS", "g:stream", ">" });
        other({ "XREADGROUP", "GROUP", "workers", "bob", "COUNT", "2", "STREAMS", "g:stream", ">" });
        StreamPendingModel pending(m_session.get(), "g:stream");
        QAbstractItemModelTester tester(&pending, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&pending, &StreamPendingModel::loaded);
        pending.load("workers");
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pending.rowCount(), 6);
        QCOMPARE(pending.entries().first().id, QByteArray("1-0"));
        QCOMPARE(pending.entries().first().consumer, QByteArray("alice"));
        QCOMPARE(pending.entries().first().deliveries, qint64(1));
        // Filtered by consumer, and by idle time (nothing has been idle an hour).
        loaded.clear();
        pending.load("workers", "bob");
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pending.rowCount(), 2);
        loaded.clear();
        pending.load("workers", {}, 3600000);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pending.rowCount(), 0);
        // Acknowledge two of alice's; claim one of bob's to carol; auto-claim the rest to carol.
        ops.acknowledge("workers", { "1-0", "2-0" });
        QVERIFY(waitDone());
        QVERIFY(done.first().at(2).toString().contains(QLatin1String("2 of 2")));
        ops.claim("workers", "carol", 0, { "5-0" });
        QVERIFY(waitDone());
        const Reply carol = other({ "XPENDING", "g:stream", "workers", "-", "+", "10", "carol" });
        QCOMPARE(carol.size(), 1);
        QCOMPARE(carol.at(0).at(0).bytes(), QByteArray("5-0"));
        QCOMPARE(carol.at(0).at(3).integerValue(), qint64(1)); // JUSTID: the delivery count stays
        ops.autoClaim("workers", "carol", 0);
        QVERIFY(waitDone());
        QCOMPARE(other({ "XPENDING", "g:stream", "workers", "-", "+", "10", "carol" }).size(), 4);
        // Deleting a consumer drops its pending entries.
        ops.deleteConsumer("workers", "carol");
        QVERIFY(waitDone());
        QCOMPARE(other({ "XPENDING", "g:stream", "workers" }).at(0).integerValue(), qint64(0));
        ops.destroyGroup("workers");
        QVERIFY(waitDone());
        QCOMPARE(other({ "XINFO", "GROUPS", "g:stream" }).size(), 0);
        // A read-only profile changes nothing.
        ConnectionProfile readOnly = profileFor(*m_server);
        readOnly.readOnly = true;
        Session session(readOnly);
        session.open();
        QVERIFY(QTest::qWaitFor([&] { return session.state() == Connection::State::Connected; }, 10000));
        StreamGroupOps refused(&session, "g:stream");
        QSignalSpy refusedDone(&refused, &StreamGroupOps::finished);
        refused.createGroup("x", "0", false);
        QCOMPARE(refusedDone.size(), 1);
        QVERIFY(refusedDone.first().at(1).toString().contains(QLatin1String("read-only")));
        QCOMPARE(other({ "XINFO", "GROUPS", "g:stream" }).size(), 0);
    }

    void keyVanishedOrChangedType()
    {
        other({ "DEL", "v:key" });
        other({ "HSET", "v:key", "f", "v" });
        HashModel hash(m_session.get(), "v:key");
        QAbstractItemModelTester tester(&hash);
        hash.reload();
        fetchAll(hash);
        QSignalSpy vanished(&hash, &ValueModel::keyVanished);
        other({ "DEL", "v:key" });
        hash.setValue("f", "v", "w");
        QVERIFY(vanished.wait());
        QVERIFY(vanished.takeFirst().first().toString().contains(QLatin1String("no longer exists")));
        QCOMPARE(other({ "EXISTS", "v:key" }).integerValue(), 0); // the edit did not recreate it

        other({ "SET", "v:key", "now a string" });
        hash.reload();
        QVERIFY(vanished.wait());
        QVERIFY(vanished.takeFirst().first().toString().contains(QLatin1String("string")));
        hash.addField("g", "h");
        QVERIFY(vanished.wait());
        QCOMPARE(other({ "GET", "v:key" }).bytes(), QByteArray("now a string"));

        ListModel list(m_session.get(), "v:key");
        QSignalSpy listVanished(&list, &ValueModel::keyVanished);
        list.reload();
        QVERIFY(listVanished.wait());
        StringValue string(m_session.get(), "v:none");
        QSignalSpy stringVanished(&string, &StringValue::keyVanished);
        string.load();
        QVERIFY(stringVanished.wait());
    }

    void readOnlyRefusals()
    {
        other({ "DEL", "r:hash", "r:string", "r:list" });
        other({ "HSET", "r:hash", "f", "v" });
        other({ "SET", "r:string", "v" });
        other({ "RPUSH", "r:list", "v" });
        auto session = readOnlySession();
        HashModel hash(session.get(), "r:hash");
        QAbstractItemModelTester tester(&hash);
        hash.reload();
        fetchAll(hash);
        QCOMPARE(hash.rowCount(), 1); // reading works
        QSignalSpy errors(&hash, &ValueModel::errorOccurred);
        QSignalSpy edited(&hash, &ValueModel::edited);
        hash.setValue("f", "v", "w");
        QVERIFY(errors.wait());
        QVERIFY2(errors.first().first().toString().contains(QLatin1String("read-only"), Qt::CaseInsensitive),
            qPrintable(errors.first().first().toString()));
        hash.setValue("f", "v", "w", EditMode::Force);
        QVERIFY(errors.wait());
        QCOMPARE(edited.size(), 0);
        QCOMPARE(other({ "HGET", "r:hash", "f" }).bytes(), QByteArray("v"));

        StringValue string(session.get(), "r:string");
        QSignalSpy loaded(&string, &StringValue::loaded);
        QSignalSpy stringErrors(&string, &StringValue::errorOccurred);
        string.load();
        QVERIFY(loaded.wait());
        string.save("w");
        QVERIFY(stringErrors.wait());
        QCOMPARE(other({ "GET", "r:string" }).bytes(), QByteArray("v"));

        ListModel list(session.get(), "r:list");
        list.reload();
        QSignalSpy listErrors(&list, &ValueModel::errorOccurred);
        list.pushHead("x");
        QVERIFY(listErrors.wait());
        QCOMPARE(other({ "LLEN", "r:list" }).integerValue(), 1);
    }

    void keyInfo()
    {
        other({ "DEL", "k:hash" });
        other({ "HSET", "k:hash", "a", "1", "b", "2" });
        other({ "PEXPIRE", "k:hash", "60000" });
        KeyInfoLoader loader(m_session.get());
        QSignalSpy loaded(&loader, &KeyInfoLoader::loaded);
        loader.load("k:hash");
        QVERIFY(loaded.wait());
        KeyInfo info = loaded.takeFirst().first().value<KeyInfo>();
        QVERIFY(info.exists);
        QCOMPARE(info.type, QByteArray("hash"));
        QCOMPARE(info.size, 2);
        QCOMPARE(info.encoding, QByteArray("listpack"));
        QVERIFY(info.ttlMs > 0 && info.ttlMs <= 60000);
        QVERIFY(info.memoryBytes > 0);
        loader.load("k:hash", "hash");
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.takeFirst().first().value<KeyInfo>().size, 2);
        loader.load("k:missing");
        QVERIFY(loaded.wait());
        QVERIFY(!loaded.takeFirst().first().value<KeyInfo>().exists);
    }

    void staleRepliesAreDropped()
    {
        fill("RPUSH", "g:list", 2000, [](Command& c, qint64 i) { c << "old" + QByteArray::number(i); });
        ListModel list(m_session.get(), "g:list");
        QAbstractItemModelTester tester(&list);
        list.reload();
        QTRY_VERIFY(!list.isLoading());
        list.requestRows(0, 1999); // pages in flight...
        other({ "DEL", "g:list" });
        other({ "RPUSH", "g:list", "new" });
        list.reload(); // ...belong to the old generation
        QTRY_VERIFY(!list.isLoading());
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(
            list.data(list.index(0, ListModel::ValueColumn), ValueModel::RawRole).toByteArray(), QByteArray("new"));
        QVERIFY(list.cachedPageCount() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestValues)
#include "tst_values.moc"
