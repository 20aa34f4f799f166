#include "client/session.h"
#include "keyspace/keyoperations.h"
#include "keyspace/keyspaceloader.h"
#include "keyspace/keytreemodel.h"
#include "keyspace/namespacetree.h"
#include "keyspace/naturalcompare.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <random>
#include <thread>

using namespace vermilion;
using namespace vermilion::test;

namespace {
QByteArray bytes(QByteArrayView view)
{
    return QByteArray(view.data(), view.size());
}

// The tree below a node as text: "name/{children}" with keys counted, for exact comparisons.
QString dump(const NamespaceTree& tree, NamespaceTree::NodeId id)
{
    QStringList parts;
    std::vector<NamespaceTree::NodeId> children = tree.children(id);
    std::sort(children.begin(), children.end(), [&](auto a, auto b) {
        if (tree.isFolder(a) != tree.isFolder(b))
            return tree.isFolder(a);
        return naturalLess(tree.name(a), tree.name(b));
    });
    for (auto child : children) {
        const QString name = QString::fromUtf8(bytes(tree.name(child)));
        if (tree.isFolder(child))
            parts << name + QStringLiteral("/%1{").arg(tree.keyCount(child)) + dump(tree, child) + QLatin1Char('}');
        else
            parts << name;
    }
    return parts.join(QLatin1Char(','));
}
} // namespace

class TestKeyspace : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;

    void fill(Connection& connection, const QList<QByteArray>& keys)
    {
        QList<Command> commands;
        for (const QByteArray& key : keys)
            commands.append({ "SET", key, "v" });
        const QList<Reply> replies = awaitBatch(connection.executeBatch(commands));
        QCOMPARE(replies.size(), keys.size());
    }

    // Expands every folder of the model level by level, waiting for rows built off the UI thread.
    static void expandAll(KeyTreeModel& model)
    {
        QList<QModelIndex> level { QModelIndex() };
        while (!level.isEmpty()) {
            for (const QModelIndex& folder : level) {
                if (model.canFetchMore(folder))
                    model.fetchMore(folder);
            }
            QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 10000);
            QList<QModelIndex> next;
            for (const QModelIndex& folder : level) {
                for (int row = 0; row < model.rowCount(folder); ++row) {
                    const QModelIndex child = model.index(row, 0, folder);
                    if (child.data(KeyTreeModel::IsFolderRole).toBool())
                        next.append(child);
                }
            }
            level = next;
        }
    }

    static QStringList rowNames(const KeyTreeModel& model, const QModelIndex& parent = QModelIndex())
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(parent); ++row)
            names << model.index(row, 0, parent).data().toString();
        return names;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void init()
    {
        Connection connection(profileFor(*m_server));
        connection.open();
        QCOMPARE(awaitReply(connection.execute({ "FLUSHALL" })), Reply::status("OK"));
    }

    void naturalOrder_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<int>("order");
        QTest::addRow("numbers by value") << QByteArray("key2") << QByteArray("key10") << -1;
        QTest::addRow("equal") << QByteArray("a1b") << QByteArray("a1b") << 0;
        QTest::addRow("case-insensitive first") << QByteArray("apple") << QByteArray("Banana") << -1;
        QTest::addRow("case decides last") << QByteArray("A") << QByteArray("a") << -1;
        QTest::addRow("leading zeros") << QByteArray("x01") << QByteArray("x1") << 1;
        QTest::addRow("prefix first") << QByteArray("user") << QByteArray("user1") << -1;
        QTest::addRow("long numbers") << QByteArray("n99999999999999999999") << QByteArray("n100000000000000000000")
                                      << -1;
        QTest::addRow("binary") << QByteArray("\x01") << QByteArray("\xff") << -1;
    }

    void naturalOrder()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(int, order);
        QCOMPARE(naturalCompare(a, b), order);
        QCOMPARE(naturalCompare(b, a), -order);
    }

    void treeShapes_data()
    {
        QTest::addColumn<QByteArray>("separator");
        QTest::addColumn<QList<QByteArray>>("keys");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("folders");
        QTest::addRow("namespaces") << QByteArray(":")
                                    << QList<QByteArray> { "app:user:1", "app:user:2", "app:config", "top" }
                                    << QStringLiteral("app/3{user/2{1,2},config},top") << 2;
        QTest::addRow("key and folder of the same name")
            << QByteArray(":") << QList<QByteArray> { "a:b", "a:b:c" } << QStringLiteral("a/2{b/1{c},b}") << 2;
        QTest::addRow("leading separator")
            << QByteArray(":") << QList<QByteArray> { ":x" } << QStringLiteral("/1{x}") << 1;
        QTest::addRow("trailing separator")
            << QByteArray(":") << QList<QByteArray> { "x:" } << QStringLiteral("x/1{}") << 1;
        QTest::addRow("empty segment") << QByteArray(":") << QList<QByteArray> { "a::b" }
                                       << QStringLiteral("a/1{/1{b}}") << 2;
        QTest::addRow("only separator") << QByteArray(":") << QList<QByteArray> { ":" } << QStringLiteral("/1{}") << 1;
        QTest::addRow("duplicates counted once")
            << QByteArray(":") << QList<QByteArray> { "a:1", "a:1", "a:2", "a:1" } << QStringLiteral("a/2{1,2}") << 1;
        QTest::addRow("multi-character separator")
            << QByteArray("::") << QList<QByteArray> { "a::b::c", "a:b" } << QStringLiteral("a/1{b/1{c}},a:b") << 2;
        QTest::addRow("no separator") << QByteArray() << QList<QByteArray> { "a:b", "c" } << QStringLiteral("a:b,c")
                                      << 0;
        QTest::addRow("natural order") << QByteArray("/") << QList<QByteArray> { "k/10", "k/9", "k/1", "K/x" }
                                       << QStringLiteral("K/1{x},k/3{1,9,10}") << 2;
    }

    void treeShapes()
    {
        QFETCH(QByteArray, separator);
        QFETCH(QList<QByteArray>, keys);
        QFETCH(QString, expected);
        QFETCH(int, folders);
        NamespaceTree tree(separator);
        tree.addKeys(keys);
        QCOMPARE(dump(tree, NamespaceTree::root), expected);
        QCOMPARE(int(tree.folderCount()), folders);
        QCOMPARE(tree.totalKeys(), quint64(QSet<QByteArray>(keys.begin(), keys.end()).size()));
        // Every key node's path is the key itself, byte for byte.
        for (quint32 id = 1; id < tree.nodeCount(); ++id) {
            if (!tree.isFolder(id))
                QVERIFY(keys.contains(bytes(tree.path(id))));
        }
    }

    void treeAgreesWithASimpleModel_data()
    {
        QTest::addColumn<QByteArray>("separator");
        QTest::addRow("one byte") << QByteArray(":");
        QTest::addRow("two bytes") << QByteArray("::");
    }

    void treeAgreesWithASimpleModel()
    {
        // Random keys over a tiny alphabet, so neighbours in a batch share folders (the pipeline
        // takes those from the key before), with empty segments, separators cut in half, and keys
        // past the sixteen folders that are fetched ahead. Small batches, no reserve: the table
        // grows many times, and every folder's hash must be the one the rehash computes.
        QFETCH(QByteArray, separator);
        NamespaceTree tree(separator);
        std::mt19937 random(7);
        const QByteArray alphabet = QByteArray("ab") + separator.left(1);
        QSet<QByteArray> keys;
        QSet<QByteArray> folders;
        for (int batch = 0; batch < 300; ++batch) {
            QList<QByteArray> page;
            const int size = int(random() % 64) + 1;
            for (int k = 0; k < size; ++k) {
                QByteArray key;
                if (!page.isEmpty() && random() % 2 == 0)
                    key = page.constLast().left(qsizetype(random() % (page.constLast().size() + 1)));
                const int parts = random() % 23 == 0 ? 20 : int(random() % 5);
                for (int part = 0; part < parts; ++part) {
                    for (int c = int(random() % 3); c > 0; --c)
                        key += alphabet.at(qsizetype(random() % alphabet.size()));
                    if (part + 1 < parts)
                        key += separator;
                }
                page.append(key);
            }
            QCOMPARE(quint64(tree.addKeys(page)), quint64(QSet<QByteArray>(page.begin(), page.end()).subtract(keys).size()));
            for (const QByteArray& key : std::as_const(page)) {
                keys.insert(key);
                for (qsizetype at = key.indexOf(separator); at >= 0; at = key.indexOf(separator, at + separator.size()))
                    folders.insert(key.left(at));
            }
        }
        QCOMPARE(tree.totalKeys(), quint64(keys.size()));
        QCOMPARE(tree.folderCount(), quint64(folders.size()));
        QSet<QByteArray> seenKeys;
        QSet<QByteArray> seenFolders;
        for (quint32 id = 1; id < tree.nodeCount(); ++id) {
            const QByteArray path = tree.path(id);
            QSet<QByteArray>& seen = tree.isFolder(id) ? seenFolders : seenKeys;
            QVERIFY2(!seen.contains(path), path.constData()); // nothing twice
            seen.insert(path);
        }
        QCOMPARE(seenKeys, keys);
        QCOMPARE(seenFolders, folders);
    }

    void binaryKeysKeepTheirBytes()
    {
        NamespaceTree tree(":");
        const QByteArray key("bin:\xff\x00:tail", 11);
        tree.addKeys(QList<QByteArray> { key });
        QCOMPARE(tree.totalKeys(), 1u);
        bool found = false;
        for (quint32 id = 1; id < tree.nodeCount(); ++id) {
            if (!tree.isFolder(id)) {
                QCOMPARE(bytes(tree.path(id)), key);
                QCOMPARE(bytes(tree.name(id)), QByteArray("tail"));
                found = true;
            } else if (tree.parent(id) == NamespaceTree::root) {
                QCOMPARE(bytes(tree.name(id)), QByteArray("bin"));
            } else {
                QCOMPARE(bytes(tree.name(id)), QByteArray("\xff\x00", 2));
            }
        }
        QVERIFY(found);
    }

    void treeAtScaleWithAConcurrentReader()
    {
        // 200k keys in batches, with no reserve, so the table grows many times, while another
        // thread reads what is published (TSan runs this suite).
        NamespaceTree tree(":");
        std::atomic<bool> done { false };
        std::atomic<quint64> reads { 0 };
        std::atomic<quint64> wrongPaths { 0 };
        std::thread reader([&] {
            while (!done.load()) {
                const quint32 count = tree.nodeCount();
                for (NamespaceTree::NodeId id = count > 64 ? count - 64 : 1; id < count; ++id) {
                    if (tree.isFolder(id))
                        (void)tree.children(id);
                    else if (!tree.path(id).startsWith("app:user:"))
                        wrongPaths.fetch_add(1);
                    (void)tree.keyCount(id);
                }
                reads.fetch_add(1);
            }
        });
        constexpr int users = 20000;
        NamespaceTree::PackedKeys batch;
        int added = 0;
        for (int i = 0; i < users * 10; ++i) {
            // Spread the users as SCAN would: not in order.
            const int n = int((quint64(i) * 2654435761u) % quint64(users * 10));
            batch.append(QByteArray("app:user:" + QByteArray::number(n / 10) + ":session:" + QByteArray::number(n % 10)));
            if (batch.size() == 1000) {
                added += int(tree.addKeys(batch));
                batch = {};
            }
        }
        // A second pass of the same keys adds nothing.
        for (int i = 0; i < 2000; ++i)
            batch.append(QByteArray("app:user:" + QByteArray::number(i / 10) + ":session:" + QByteArray::number(i % 10)));
        added += int(tree.addKeys(batch));
        done.store(true);
        reader.join();
        QVERIFY(reads.load() > 0);
        QCOMPARE(wrongPaths.load(), quint64(0));
        QCOMPARE(added, users * 10);
        QCOMPARE(tree.totalKeys(), quint64(users * 10));
        QCOMPARE(tree.folderCount(), quint64(2 + 2 * users));
        quint32 keys = 0;
        for (NamespaceTree::NodeId id = 1; id < tree.nodeCount(); ++id) {
            if (tree.isFolder(id))
                continue;
            ++keys;
            const QByteArray path = tree.path(id);
            const QList<QByteArray> parts = path.split(':');
            QCOMPARE(parts.size(), 5);
            QCOMPARE(bytes(tree.name(id)), parts.last());
            QCOMPARE(bytes(tree.name(tree.parent(id))), QByteArray("session"));
            QCOMPARE(tree.path(tree.parent(id)), path.first(path.lastIndexOf(':')));
        }
        QCOMPARE(keys, quint32(users * 10));
        // Every user folder holds its session folder, which holds ten keys.
        const auto top = tree.children(NamespaceTree::root);
        QCOMPARE(top.size(), size_t(1));
        const auto user = tree.children(top[0]);
        QCOMPARE(user.size(), size_t(1));
        QCOMPARE(tree.childCount(user[0]), quint32(users));
        const auto some = tree.children(user[0], quint32(users - 5));
        QCOMPARE(some.size(), size_t(5));
        for (NamespaceTree::NodeId folder : some) {
            QCOMPARE(tree.keyCount(folder), 10u);
            QCOMPARE(tree.childCount(tree.children(folder)[0]), 10u);
        }
        QVERIFY(tree.memoryBytes() > 0);
        QVERIFY2(tree.memoryBytes() < 40u << 20, QByteArray::number(tree.memoryBytes()).constData());
    }

    void treeKeepsDeepKeysBigNamesAndRemovals()
    {
        NamespaceTree tree(":");
        // Keys deeper than the levels hashed ahead, many in one batch: the table grows mid-batch.
        QList<QByteArray> deep;
        for (int k = 0; k < 3000; ++k) {
            QByteArray key;
            for (int level = 0; level < 40; ++level)
                key += "l" + QByteArray::number(level == 20 ? k : level) + ":";
            key += "leaf";
            deep << key;
        }
        QCOMPARE(tree.addKeys(deep), qsizetype(deep.size()));
        QCOMPARE(tree.addKeys(deep), qsizetype(0));
        // Names bigger than an arena chunk's quarter get their own allocation; an empty key too.
        const QByteArray big(600 * 1024, 'b');
        const QByteArray bigger = "x:" + QByteArray(3 << 20, '\xfe');
        QCOMPARE(tree.addKeys(QList<QByteArray> { big, bigger, QByteArray(), "a::" }), qsizetype(4));
        QCOMPARE(tree.totalKeys(), quint64(deep.size() + 4));
        QSet<QByteArray> expected(deep.begin(), deep.end());
        expected << big << bigger << QByteArray() << "a::";
        QSet<QByteArray> seen;
        for (NamespaceTree::NodeId id = 1; id < tree.nodeCount(); ++id) {
            if (!tree.isFolder(id))
                seen << tree.path(id);
        }
        QCOMPARE(seen, expected);
        // Removal and return: counts up the chain, and the change list in order.
        QVERIFY(tree.removeKey(bigger));
        QVERIFY(!tree.removeKey(bigger));
        QVERIFY(tree.removeKey(deep[7]));
        QVERIFY(!tree.removeKey("l0:l1:nothing"));
        QCOMPARE(tree.totalKeys(), quint64(deep.size() + 2));
        QCOMPARE(tree.addKeys(QList<QByteArray> { bigger }), qsizetype(1));
        size_t next = 0;
        const auto changes = tree.changes(0, &next);
        QCOMPARE(next, size_t(3));
        QCOMPARE(changes.size(), size_t(3));
        QVERIFY(changes[0].removed && changes[1].removed && !changes[2].removed);
        QCOMPARE(tree.path(changes[0].id), bigger);
        QCOMPARE(tree.path(changes[1].id), deep[7]);
        QCOMPARE(changes[2].id, changes[0].id);
        QVERIFY(!tree.isRemoved(changes[0].id));
        QVERIFY(tree.isRemoved(changes[1].id));
        QCOMPARE(tree.keyCount(tree.parent(changes[1].id)), 0u);
        QCOMPARE(tree.totalKeys(), quint64(deep.size() + 3));
        // Completion walks the folders by name.
        QCOMPARE(tree.completeKey("l0:l1:l", 5), QList<QByteArray> { "l0:l1:l2:" });
        QCOMPARE(tree.completeKey("a:", 5), QList<QByteArray> { "a::" });
    }

    void loadsIncrementallyIntoTheModel()
    {
        Connection connection(profileFor(*m_server));
        connection.open();
        QList<QByteArray> keys;
        for (int user = 1; user <= 120; ++user) {
            keys << "app:user:" + QByteArray::number(user) + ":profile";
            keys << "app:user:" + QByteArray::number(user) + ":session:1";
        }
        keys << "app:config"
             << "other" << QByteArray("bin:\xff\x01", 6) << "trailing:"
             << ":leading";
        fill(connection, keys);

        Session session(profileFor(*m_server));
        session.open();
        KeyspaceLoader loader(&session, ":");
        KeyTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&loader, &KeyspaceLoader::treeReplaced, &model, &KeyTreeModel::setTree);
        // Merge as batches arrive, as the UI does on its refresh timer.
        connect(&loader, &KeyspaceLoader::progress, &model, &KeyTreeModel::refresh);
        QSignalSpy states(&loader, &KeyspaceLoader::stateChanged);
        ScanOptions options;
        options.count = 20; // many small batches: exercises merging while loading
        loader.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 20000);
        QCOMPARE(loader.loadedKeys(), qint64(keys.size()));
        QTRY_COMPARE_WITH_TIMEOUT(loader.databaseSize(), qint64(keys.size()), 5000);
        model.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 10000);
        model.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 10000);

        QCOMPARE(rowNames(model),
            (QStringList { QStringLiteral("\"\""), QStringLiteral("app"), QStringLiteral("bin"),
                QStringLiteral("trailing"), QStringLiteral("other") }));
        const QModelIndex app = model.index(1, 0);
        QCOMPARE(app.data(KeyTreeModel::KeyCountRole).toUInt(), 241u);
        QCOMPARE(app.siblingAtColumn(KeyTreeModel::TypeColumn).data().toString(), QStringLiteral("241 keys"));
        expandAll(model);
        QCOMPARE(rowNames(model, app), (QStringList { QStringLiteral("user"), QStringLiteral("config") }));
        const QModelIndex user = model.index(0, 0, app);
        QCOMPARE(model.rowCount(user), 120);
        // Natural order: 1, 2, ..., 10, ...
        QCOMPARE(model.index(0, 0, user).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(1, 0, user).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(9, 0, user).data().toString(), QStringLiteral("10"));
        QCOMPARE(model.index(119, 0, user).data().toString(), QStringLiteral("120"));
        const QModelIndex bin = model.index(2, 0);
        QCOMPARE(model.index(0, 0, bin).data().toString(), QStringLiteral("\\xff\\x01"));
        QCOMPARE(model.index(0, 0, bin).data(KeyTreeModel::KeyRole).toByteArray(), QByteArray("bin:\xff\x01", 6));
        // parent() finds every row back.
        const QModelIndex deep = model.index(41, 0, user);
        QCOMPARE(deep.parent(), user);
        QCOMPARE(user.parent(), app);
    }

    void filtersAndCap()
    {
        Connection connection(profileFor(*m_server));
        connection.open();
        QList<QByteArray> keys;
        for (int i = 0; i < 500; ++i)
            keys << "s:" + QByteArray::number(i);
        fill(connection, keys);
        QCOMPARE(awaitReply(connection.execute({ "RPUSH", "l:1", "x" })).integerValue(), 1);
        QCOMPARE(awaitReply(connection.execute({ "HSET", "h:1", "f", "v" })).integerValue(), 1);
        Session session(profileFor(*m_server));
        session.open();
        KeyspaceLoader loader(&session, ":");

        ScanOptions byPattern;
        byPattern.match = "s:1*";
        loader.start(byPattern);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 10000);
        QCOMPARE(loader.loadedKeys(), 111); // 1, 10-19, 100-199

        ScanOptions byType;
        byType.type = "list";
        loader.start(byType);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 10000);
        QCOMPARE(loader.loadedKeys(), 1);

        ScanOptions capped;
        capped.cap = 100;
        capped.count = 50;
        loader.start(capped);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::CapReached, 10000);
        QVERIFY2(
            loader.loadedKeys() >= 100 && loader.loadedKeys() < 502, qPrintable(QString::number(loader.loadedKeys())));
        loader.loadMore(0);
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 10000);
        QCOMPARE(loader.loadedKeys(), 502);
        QCOMPARE(loader.tree()->totalKeys(), 502u);
    }

    void followsChangesMadeByTheApp()
    {
        Connection connection(profileFor(*m_server));
        connection.open();
        fill(connection, { "app:alpha:1", "app:beta:1", "app:beta:2", "zeta" });
        Session session(profileFor(*m_server));
        session.open();
        KeyspaceLoader loader(&session, ":");
        KeyTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&loader, &KeyspaceLoader::treeReplaced, &model, &KeyTreeModel::setTree);
        connect(&loader, &KeyspaceLoader::treeChanged, &model, &KeyTreeModel::refresh);
        loader.start({});
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 10000);
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        expandAll(model);
        const QModelIndex app = model.index(0, 0);
        QCOMPARE(rowNames(model, app), (QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }));

        // Both keys of a folder deleted: the folder goes; the count of its parent drops.
        loader.applyChanges({}, { "app:beta:1", "app:beta:2" });
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(app), 1, 5000);
        QCOMPARE(rowNames(model, app), QStringList { QStringLiteral("alpha") });
        QCOMPARE(app.data(KeyTreeModel::KeyCountRole).toUInt(), 1u);
        // One comes back (created again, or renamed back): the folder returns with it.
        loader.applyChanges({ "app:beta:2", "app:gamma:1" }, {});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(app), 3, 5000);
        QCOMPARE(rowNames(model, app),
            (QStringList { QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma") }));
        expandAll(model);
        QCOMPARE(rowNames(model, model.index(1, 0, app)), QStringList { QStringLiteral("2") });
        QCOMPARE(loader.tree()->totalKeys(), 4u);
    }

    void keyOperations()
    {
        Session session(profileFor(*m_server));
        session.open();
        Connection check(profileFor(*m_server));
        check.open();
        using KeyOperations::Outcome;
        Outcome outcome = Outcome::Failed;
        QString message;
        bool called = false;
        const auto done = [&](Outcome o, const QString& m) {
            outcome = o;
            message = m;
            called = true;
        };
        auto run = [&](const std::function<void()>& operation) {
            called = false;
            operation();
            QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
        };
        const QByteArray binary("op:\xff\x00", 6);
        run([&] { KeyOperations::create(&session, binary, "hash", { "f", "v" }, 60000, this, done); });
        QCOMPARE(outcome, Outcome::Done);
        QCOMPARE(awaitReply(check.execute({ "HGET", binary, "f" })).bytes(), QByteArray("v"));
        QVERIFY(awaitReply(check.execute({ "PTTL", binary })).integerValue() > 59000);
        // Creating never overwrites.
        run([&] { KeyOperations::create(&session, binary, "string", { "x" }, 0, this, done); });
        QCOMPARE(outcome, Outcome::TargetExists);
        QCOMPARE(awaitReply(check.execute({ "TYPE", binary })).bytes(), QByteArray("hash"));
        for (const auto& entry :
            std::initializer_list<std::pair<QByteArray, QList<QByteArray>>> { { "string", { "s" } },
                { "list", { "a" } }, { "set", { "m" } }, { "zset", { "1.5", "m" } }, { "stream", { "f", "v" } } }) {
            // Named references, not a structured binding: clang 14 (the TSan build) cannot capture one.
            const QByteArray& type = entry.first;
            const QList<QByteArray>& args = entry.second;
            run([&] { KeyOperations::create(&session, "op:" + type, type, args, 0, this, done); });
            QVERIFY2(outcome == Outcome::Done, qPrintable(message));
            QCOMPARE(awaitReply(check.execute({ "TYPE", "op:" + type })).bytes(), type);
        }
        // Rename refuses to replace unless told to.
        run([&] { KeyOperations::rename(&session, binary, "op:string", false, this, done); });
        QCOMPARE(outcome, Outcome::TargetExists);
        QCOMPARE(awaitReply(check.execute({ "TYPE", "op:string" })).bytes(), QByteArray("string"));
        run([&] { KeyOperations::rename(&session, binary, "op:string", true, this, done); });
        QCOMPARE(outcome, Outcome::Done);
        QCOMPARE(awaitReply(check.execute({ "TYPE", "op:string" })).bytes(), QByteArray("hash"));
        run([&] { KeyOperations::rename(&session, "op:string", binary, false, this, done); });
        QCOMPARE(outcome, Outcome::Done);
        QCOMPARE(awaitReply(check.execute({ "EXISTS", binary })).integerValue(), 1);
        run([&] { KeyOperations::rename(&session, "op:missing", "op:x", false, this, done); });
        QCOMPARE(outcome, Outcome::Missing);
        run([&] { KeyOperations::setTtl(&session, binary, 0, this, done); });
        QCOMPARE(outcome, Outcome::Done);
        QCOMPARE(awaitReply(check.execute({ "PTTL", binary })).integerValue(), -1);
        run([&] { KeyOperations::setTtl(&session, binary, 5000, this, done); });
        QVERIFY(awaitReply(check.execute({ "PTTL", binary })).integerValue() > 4000);
        run([&] { KeyOperations::remove(&session, binary, this, done); });
        QCOMPARE(outcome, Outcome::Done);
        run([&] { KeyOperations::remove(&session, binary, this, done); });
        QCOMPARE(outcome, Outcome::Missing);

        // Read-only: refused before anything is sent.
        ConnectionProfile readOnly = profileFor(*m_server);
        readOnly.readOnly = true;
        Session guarded(readOnly);
        guarded.open();
        run([&] { KeyOperations::remove(&guarded, "op:list", this, done); });
        QCOMPARE(outcome, Outcome::Failed);
        QVERIFY2(message.contains(QLatin1String("read-only")), qPrintable(message));
        run([&] { KeyOperations::create(&guarded, "op:new", "string", { "x" }, 0, this, done); });
        QCOMPARE(outcome, Outcome::Failed);
        QCOMPARE(awaitReply(check.execute({ "EXISTS", "op:list", "op:new" })).integerValue(), 1);
    }

    void quickFilterAndDetails()
    {
        Connection connection(profileFor(*m_server));
        connection.open();
        fill(connection, { "app:alpha:1", "app:beta:1", "app:beta:2", "zeta" });
        QCOMPARE(awaitReply(connection.execute({ "PEXPIRE", "app:beta:2", "600000" })).integerValue(), 1);
        Session session(profileFor(*m_server));
        session.open();
        KeyspaceLoader loader(&session, ":");
        KeyTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&loader, &KeyspaceLoader::treeReplaced, &model, &KeyTreeModel::setTree);
        loader.start({});
        QTRY_COMPARE_WITH_TIMEOUT(loader.state(), KeyspaceLoader::State::Finished, 10000);
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);

        model.setQuickFilter(QStringLiteral("BETA"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy() && model.rowCount() == 1, 10000);
        expandAll(model);
        const QModelIndex app = model.index(0, 0);
        QCOMPARE(rowNames(model, app), QStringList { QStringLiteral("beta") });
        const QModelIndex beta = model.index(0, 0, app);
        QCOMPARE(rowNames(model, beta), (QStringList { QStringLiteral("1"), QStringLiteral("2") }));

        const QModelIndex expiring = model.index(1, 0, beta);
        model.requestDetails({ expiring, model.index(0, 0, beta) });
        QTRY_VERIFY_WITH_TIMEOUT(!expiring.data(KeyTreeModel::KeyTypeRole).toByteArray().isEmpty(), 5000);
        QCOMPARE(expiring.data(KeyTreeModel::KeyTypeRole).toByteArray(), QByteArray("string"));
        const qint64 ttl = expiring.data(KeyTreeModel::TtlMsRole).toLongLong();
        QVERIFY2(ttl > 590000 && ttl <= 600000, qPrintable(QString::number(ttl)));
        QVERIFY(expiring.siblingAtColumn(KeyTreeModel::TtlColumn).data().toString().contains(QLatin1String("min")));
        QVERIFY(expiring.data(KeyTreeModel::MemoryRole).toLongLong() > 0);
        QCOMPARE(model.index(0, 0, beta).data(KeyTreeModel::TtlMsRole).toLongLong(), -1);

        model.setQuickFilter(QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
    }
};

QTEST_GUILESS_MAIN(TestKeyspace)
#include "tst_keyspace.moc"
