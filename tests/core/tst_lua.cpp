#include "client/session.h"
#include "lua/functionlibrarymodel.h"
#include "lua/luasyntax.h"
#include "lua/namedvariables.h"
#include "lua/replytreemodel.h"
#include "lua/scriptcachemodel.h"
#include "lua/scripterror.h"
#include "lua/scriptlibrarymodel.h"
#include "lua/scriptrunner.h"
#include "redisfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vermilion;
using namespace vermilion::lua;
using namespace vermilion::test;

Q_DECLARE_METATYPE(QList<vermilion::lua::ScriptVariable>)

namespace {
ScriptVariable key(const QByteArray& name, const QByteArray& value)
{
    return { name, ScriptVariable::Kind::Key, value };
}
ScriptVariable argument(const QByteArray& name, const QByteArray& value)
{
    return { name, ScriptVariable::Kind::Argument, value };
}

// Zato's documented example program: rename KEYS[1] to KEYS[2] if it exists (10), else 11.
const QByteArray zatoRenameIfExists = "if redis.call('exists', KEYS[1]) == 1 then\n"
                                      "    redis.call('rename', KEYS[1], KEYS[2])\n"
                                      "    return 10\n"
                                      "else\n"
                                      "    return 11\n"
                                      "end\n";
} // namespace

class TestLua : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;

    Reply run(const Command& argv) { return awaitReply(m_session->execute(argv)); }

    // Runs a request to its end and returns the result.
    ScriptResult runScript(ScriptRunner& runner, const ScriptRequest& request)
    {
        QSignalSpy finished(&runner, &ScriptRunner::finished);
        const quint64 id = runner.run(request);
        if (id == 0)
            return {};
        if (!finished.wait(15000))
            return {};
        auto result = finished.at(0).at(0).value<ScriptResult>();
        return result.id == id ? result : ScriptResult {};
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
        QCOMPARE(run({ "PING" }), Reply::status("PONG"));
    }

    void init()
    {
        QCOMPARE(run({ "FLUSHALL" }), Reply::status("OK"));
        QCOMPARE(run({ "SCRIPT", "FLUSH" }), Reply::status("OK"));
        QCOMPARE(run({ "FUNCTION", "FLUSH" }), Reply::status("OK"));
    }

    void cleanupTestCase() { m_session.reset(); }

    void findsNames_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QList<QByteArray>>("names");
        QTest::addRow("carmine example") << QByteArray("return redis.call('set', _:my-key, 'lua '.. _:my-val)")
                                         << QList<QByteArray> { "my-key", "my-val" };
        QTest::addRow("twice, first appearance order") << QByteArray("_:b _:a _:b") << QList<QByteArray> { "b", "a" };
        QTest::addRow("prefix of another")
            << QByteArray("_:foo-bar .. _:foo") << QList<QByteArray> { "foo-bar", "foo" };
        QTest::addRow("none") << QByteArray("return KEYS[1] -- _: alone") << QList<QByteArray> {};
        QTest::addRow("ends the text") << QByteArray("x = _:z9") << QList<QByteArray> { "z9" };
        // Carmine's mq/enqueue.lua names: '?' and '!' belong to the name.
        QTest::addRow("question and bang") << QByteArray("if _:can-upd? == '1' or _:k2! then return _:a end")
                                           << QList<QByteArray> { "can-upd?", "k2!", "a" };
        QTest::addRow("non-ASCII keyword") << QByteArray("return _:caf\xc3\xa9 .. _:b")
                                           << QList<QByteArray> { "caf\xc3\xa9", "b" };
        QTest::addRow("Lua operators end a name")
            << QByteArray("return _:a*2 + _:b..'x' .. _:c/_:d<_:e") << QList<QByteArray> { "a", "b", "c", "d", "e" };
    }
    void findsNames()
    {
        QFETCH(QByteArray, script);
        QFETCH(QList<QByteArray>, names);
        QCOMPARE(NamedVariables::find(script), names);
    }

    // Compiled text, then run on the server: the keys the script writes must hold the values.
    void namedVariables_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QList<ScriptVariable>>("variables");
        QTest::addColumn<QByteArray>("compiled");
        QTest::addColumn<QByteArray>("checkKey");
        QTest::addColumn<QByteArray>("expected");

        QTest::addRow("carmine example") << QByteArray("return redis.call('set', _:my-key, 'lua '.. _:my-val)")
                                         << QList<ScriptVariable> { key("my-key", "foo"), argument("my-val", "bar") }
                                         << QByteArray("return redis.call('set', KEYS[1], 'lua '.. ARGV[1])")
                                         << QByteArray("foo") << QByteArray("lua bar");
        // _:foo listed first must not clobber _:foo-bar (longest name first).
        QTest::addRow("prefix names")
            << QByteArray("redis.call('set', _:foo-bar, _:foo) return redis.call('set', _:foo, _:foo-bar-baz)")
            << QList<ScriptVariable> { key("foo", "k1"), key("foo-bar", "k2"), argument("foo-bar-baz", "v") }
            << QByteArray("redis.call('set', KEYS[2], KEYS[1]) return redis.call('set', KEYS[1], ARGV[1])")
            << QByteArray("k2") << QByteArray("k1");
        QTest::addRow("name used twice")
            << QByteArray("redis.call('set', _:k, _:v) return redis.call('append', _:k, _:v)")
            << QList<ScriptVariable> { key("k", "twice"), argument("v", "ab") }
            << QByteArray("redis.call('set', KEYS[1], ARGV[1]) return redis.call('append', KEYS[1], ARGV[1])")
            << QByteArray("twice") << QByteArray("abab");
        // The shape of Carmine's mq/enqueue.lua: flags named with '?', keys sharing a prefix.
        QTest::addRow("names with question marks")
            << QByteArray("local v = 'none' if _:can-upd? == '1' and _:can-rq? == '1' then v = 'both' end "
                          "if _:reset-ibo? == '1' then v = v .. '+reset' end "
                          "redis.call('set', _:qk-messages-rq, 'rq') "
                          "return redis.call('set', _:qk-messages, v .. ':' .. _:mid)")
            << QList<ScriptVariable> { key("qk-messages", "q:messages"), key("qk-messages-rq", "q:messages-rq"),
                   argument("mid", "m1"), argument("can-upd?", "1"), argument("can-rq?", "1"),
                   argument("reset-ibo?", "1") }
            << QByteArray("local v = 'none' if ARGV[2] == '1' and ARGV[3] == '1' then v = 'both' end "
                          "if ARGV[4] == '1' then v = v .. '+reset' end "
                          "redis.call('set', KEYS[2], 'rq') "
                          "return redis.call('set', KEYS[1], v .. ':' .. ARGV[1])")
            << QByteArray("q:messages") << QByteArray("both+reset:m1");
        QTest::addRow("no variables") << QByteArray("return redis.call('set', 'plain', 'x')")
                                      << QList<ScriptVariable> {}
                                      << QByteArray("return redis.call('set', 'plain', 'x')") << QByteArray("plain")
                                      << QByteArray("x");
        QTest::addRow("binary value") << QByteArray("return redis.call('set', _:k, _:v)")
                                      << QList<ScriptVariable> { key("k", "bin"), argument("v", allBytes()) }
                                      << QByteArray("return redis.call('set', KEYS[1], ARGV[1])") << QByteArray("bin")
                                      << allBytes();
    }
    void namedVariables()
    {
        QFETCH(QByteArray, script);
        QFETCH(QList<ScriptVariable>, variables);
        QFETCH(QByteArray, compiled);
        QFETCH(QByteArray, checkKey);
        QFETCH(QByteArray, expected);

        const CompiledScript result = NamedVariables::compile(script, variables);
        QCOMPARE(result.script, compiled);
        ScriptRunner runner(m_session.get());
        ScriptRequest request;
        request.script = result.script;
        request.keys = result.keys;
        request.arguments = result.arguments;
        const ScriptResult outcome = runScript(runner, request);
        QVERIFY2(!outcome.reply.isError(), qPrintable(outcome.reply.errorMessage()));
        QCOMPARE(outcome.command, QByteArray("EVAL"));
        QCOMPARE(run({ "GET", checkKey }), Reply::string(expected));
    }

    // Carmine's own mq scripts (v3.5.0 enqueue.lua, dequeue.lua, msg-status.lua, in
    // tests/core/data with their source and licence). Compiled with the variables in the order
    // Carmine's call sites number them (message_queue.clj, v3.5.0: the 14-key maps of enqueue and
    // dequeue are hash maps, so their order is the hash order Carmine's own script-subst-vars
    // gives), each compiles to the very script Carmine sends: SCRIPT LOAD reports the SHA-1 that
    // Carmine's own substitution has. Then a message is enqueued, its status read, dequeued, and
    // its status read again, on the server.
    void carmineMessageQueueScripts()
    {
        const auto load = [](const char* file) {
            QFile source(QStringLiteral(VERMILION_TEST_DATA "/carmine-mq-v3.5.0/") + QLatin1String(file));
            return source.open(QIODevice::ReadOnly) ? source.readAll() : QByteArray();
        };
        const auto keysOf = [](const QList<QByteArray>& names) {
            QList<ScriptVariable> variables;
            for (const QByteArray& name : names)
                variables << key(name, "carmine:mq:test:" + name.mid(3));
            return variables;
        };
        const QByteArray mid = "mid-1";
        const QByteArray now = "1700000000000";
        // Compiles, checks the text and the SHA-1 the server gives it, and runs it.
        const auto compileAndRun = [&](const char* file, const QList<ScriptVariable>& variables,
                                       const QByteArray& carmineSha1) -> Reply {
            const QByteArray script = load(file);
            if (script.isEmpty())
                return Reply::error(QByteArray("cannot read ") + file);
            const CompiledScript compiled = NamedVariables::compile(script, variables);
            if (compiled.script.contains("_:") || compiled.script.contains("]?") || LuaSyntax::check(compiled.script))
                return Reply::error(QByteArray("bad compile of ") + file);
            const Reply loaded = run({ "SCRIPT", "LOAD", compiled.script });
            if (loaded.isError() || loaded.bytes() != carmineSha1)
                return Reply::error(QByteArray(file) + " loaded as " + loaded.bytes() + ", Carmine sends " + carmineSha1);
            Command evalsha { "EVALSHA", loaded.bytes(), QByteArray::number(compiled.keys.size()) };
            evalsha << compiled.keys << compiled.arguments;
            return run(evalsha);
        };
        const auto status = [&] {
            QList<ScriptVariable> variables
                = keysOf({ "qk-messages", "qk-messages-rq", "qk-locks", "qk-backoffs", "qk-done", "qk-requeue" });
            variables << argument("now", now) << argument("mid", mid);
            return compileAndRun("msg-status.lua", variables, "25027d679f3b6468dfd0027b2d1c7fb371df7f2c");
        };
        // The names, as found, are the ones Carmine's call sites give, '?' included.
        QCOMPARE(NamedVariables::find(load("enqueue.lua")).count("can-upd?"), 1);

        QList<ScriptVariable> enqueue = keysOf({ "qk-nattempts", "qk-backoffs", "qk-mids-ready", "qk-requeue",
            "qk-isleep-a", "qk-locks", "qk-udts", "qk-mid-circle", "qk-lock-times", "qk-done", "qk-messages",
            "qk-messages-rq", "qk-isleep-b", "qk-lock-times-rq" });
        enqueue << argument("mid", mid) << argument("now", now) << argument("mcnt", "content")
                << argument("init-bo", "0") << argument("lock-ms", "-1") << argument("can-upd?", "0")
                << argument("can-rq?", "0") << argument("reset-ibo?", "0");
        const Reply added = compileAndRun("enqueue.lua", enqueue, "14365c7597f24b72034f6662f831f48e09c1a676");
        QVERIFY2(!added.isError(), qPrintable(added.errorMessage()));
        QCOMPARE(added.at(0), Reply::string("added"));
        QCOMPARE(run({ "HGET", "carmine:mq:test:messages", mid }), Reply::string("content"));
        Reply queued = status();
        QVERIFY2(!queued.isError(), qPrintable(queued.errorMessage()));
        QCOMPARE(queued.at(0), Reply::string("queued"));

        QList<ScriptVariable> dequeue = keysOf({ "qk-nattempts", "qk-backoffs", "qk-mids-ready", "qk-ndry-runs",
            "qk-requeue", "qk-locks", "qk-udts", "qk-mid-circle", "qk-lock-times", "qk-done", "qk-messages",
            "qk-messages-rq", "qk-isleep-b", "qk-lock-times-rq" });
        dequeue << argument("now", now) << argument("default-lock-ms", "60000");
        for (const char* backoff : { "eoq-bo1", "eoq-bo2", "eoq-bo3", "eoq-bo4", "eoq-bo5" })
            dequeue << argument(backoff, "100");
        // A worker may first be told to sleep at the end of the circle: it asks again, as Carmine's
        // worker loop does.
        Reply handed;
        for (int attempt = 0; attempt < 4; ++attempt) {
            handed = compileAndRun("dequeue.lua", dequeue, "fe035a7a412c402a3c35c348d0cbaa9e1c811f68");
            QVERIFY2(!handed.isError(), qPrintable(handed.errorMessage()));
            if (handed.at(0) == Reply::string("handle"))
                break;
        }
        QCOMPARE(handed.at(0), Reply::string("handle"));
        QCOMPARE(handed.at(1), Reply::string(mid));
        QCOMPARE(handed.at(2), Reply::string("content"));
        QCOMPARE(status().at(0), Reply::string("locked"));
    }

    void plainListsFollowNamedVariables()
    {
        const CompiledScript compiled
            = NamedVariables::compile("return {_:a, _:b}", { key("a", "ka"), argument("b", "vb") }, { "k2" }, { "v2" });
        QCOMPARE(compiled.keys, (QList<QByteArray> { "ka", "k2" }));
        QCOMPARE(compiled.arguments, (QList<QByteArray> { "vb", "v2" }));
        QCOMPARE(compiled.script, QByteArray("return {KEYS[1], ARGV[1]}"));
    }

    void evalshaFallsBackAfterFlush()
    {
        ScriptRunner runner(m_session.get());
        ScriptRequest request;
        request.mode = ScriptRequest::Mode::EvalCached;
        request.script = "return ARGV[1] .. '!'";
        request.arguments = { "hi" };
        const QByteArray sha = scriptSha1(request.script);
        QCOMPARE(run({ "SCRIPT", "LOAD", request.script }), Reply::string(sha));

        ScriptResult cached = runScript(runner, request);
        QCOMPARE(cached.reply, Reply::string("hi!"));
        QCOMPARE(cached.sha1, sha);
        QCOMPARE(cached.command, QByteArray("EVALSHA"));
        QVERIFY(!cached.fellBackToEval);

        QCOMPARE(run({ "SCRIPT", "FLUSH" }), Reply::status("OK"));
        ScriptResult fallback = runScript(runner, request);
        QCOMPARE(fallback.reply, Reply::string("hi!"));
        QVERIFY(fallback.fellBackToEval);
        QCOMPARE(fallback.command, QByteArray("EVAL"));
        // EVAL cached it again.
        QCOMPARE(run({ "SCRIPT", "EXISTS", sha }), Reply::array({ Reply::integer(1) }));
        QVERIFY(!runScript(runner, request).fellBackToEval);
    }

    void sha1MatchesServer()
    {
        const QByteArray script = "return 'sha of ' .. '\xc3\xa9t\xc3\xa9'";
        QCOMPARE(run({ "SCRIPT", "LOAD", script }), Reply::string(scriptSha1(script)));
    }

    void errorLinesFromServer_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::addRow("runtime: nonexistent global")
            << QByteArray("local a = 1\n\nreturn nope.x") << 3 << QStringLiteral("nonexistent global variable 'nope'");
        QTest::addRow("runtime: error()") << QByteArray("local a = 1\nerror('boom')") << 2 << QStringLiteral("boom");
        QTest::addRow("compile") << QByteArray("local a = 1\nlocal b = 2\nreturn 1 +") << 3
                                 << QStringLiteral("unexpected symbol near '<eof>'");
        QTest::addRow("redis.call of unknown command") << QByteArray("local a = 1\n\n\nredis.call('nosuchcommand')")
                                                       << 4 << QStringLiteral("Unknown Redis command");
        QTest::addRow("error_reply has no line")
            << QByteArray("return redis.error_reply('MINE custom')") << 0 << QStringLiteral("MINE custom");
    }
    void errorLinesFromServer()
    {
        QFETCH(QByteArray, script);
        QFETCH(int, line);
        QFETCH(QString, message);
        ScriptRunner runner(m_session.get());
        ScriptRequest request;
        request.script = script;
        const ScriptResult result = runScript(runner, request);
        QVERIFY(result.reply.isError());
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->line, line);
        QVERIFY2(result.error->message.contains(message), qPrintable(result.error->message));
        QVERIFY(!result.error->message.contains(QLatin1String("script: ")));
    }

    void errorParser_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::addRow("redis 7 runtime") << QByteArray(
            "ERR user_script:12: Script attempted to access nonexistent global variable 'x' script: "
            "fa82255905e5352d5427b35618004e4986b08aef, on @user_script:12.")
                                         << 12
                                         << QStringLiteral(
                                                "Script attempted to access nonexistent global variable 'x'");
        QTest::addRow("redis 6 running") << QByteArray("ERR Error running script (call to f_abc): @user_script:4: boom")
                                         << 4 << QStringLiteral("boom");
        QTest::addRow("function compile")
            << QByteArray("ERR Error compiling function: user_function:3: '<name>' expected near '='") << 3
            << QStringLiteral("'<name>' expected near '='");
        QTest::addRow("line only in suffix")
            << QByteArray("ERR Wrong number of args calling Redis command from script script: abc, on @user_script:7.")
            << 7 << QStringLiteral("Wrong number of args calling Redis command from script");
        QTest::addRow("local loadbuffer")
            << QByteArray("user_script:1: '=' expected near 'b'") << 1 << QStringLiteral("'=' expected near 'b'");
        QTest::addRow("no line") << QByteArray("NOSCRIPT No matching script.") << 0
                                 << QStringLiteral("NOSCRIPT No matching script.");
        QTest::addRow("line zero is no line")
            << QByteArray("user_script:0: odd") << 0 << QStringLiteral("user_script:0: odd");
        QTest::addRow("huge number cut") << QByteArray("user_script:99999999999999: x") << 999999999 << QString();
        QTest::addRow("empty") << QByteArray() << 0 << QString();
    }
    void errorParser()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const ScriptError error = ScriptErrors::parse(text);
        QCOMPARE(error.line, line);
        if (!message.isEmpty())
            QCOMPARE(error.message, message);
        QCOMPARE(error.raw, QString::fromUtf8(text));
    }

    void localSyntaxCheck_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::addRow("valid") << QByteArray("local a = redis.call('get', KEYS[1])\nreturn a") << 0 << QString();
        QTest::addRow("missing end") << QByteArray("if true then\n  return 1\n") << 3
                                     << QStringLiteral("'end' expected");
        QTest::addRow("bad assignment") << QByteArray("local x = 1\nlocal = 2") << 2 << QStringLiteral("<name>");
        QTest::addRow("lua 5.2 goto is an error in 5.1")
            << QByteArray("local a = 1\n::top::\n") << 2 << QStringLiteral("unexpected symbol");
        QTest::addRow("shebang flags accepted") << QByteArray("#!lua flags=no-writes\nreturn 1") << 0 << QString();
        QTest::addRow("shebang keeps line numbers")
            << QByteArray("#!lua flags=no-writes\nreturn 1 +") << 2 << QStringLiteral("unexpected symbol");
        QTest::addRow("runtime errors are not found locally") << QByteArray("return nope.x") << 0 << QString();
    }
    void localSyntaxCheck()
    {
        QFETCH(QByteArray, script);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto error = LuaSyntax::check(script);
        if (line == 0) {
            QVERIFY2(!error, error ? qPrintable(error->raw) : "");
            return;
        }
        QVERIFY(error);
        QCOMPARE(error->line, line);
        QVERIFY2(error->message.contains(message), qPrintable(error->message));
        // The server finds the same line.
        if (!script.startsWith("#!")) {
            const Reply reply = run({ "EVAL", script, "0" });
            QVERIFY(reply.isError());
            QCOMPARE(ScriptErrors::parse(reply.bytes()).line, line);
        }
    }

    void libraryNamingRules()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir folder(dir.path());
        QVERIFY(writeFile(folder.filePath(QStringLiteral("mylib.check_if_exists.lua")), "return 1"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("simple.lua")), "return 2"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("notes.txt")), "x"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("README")), "x"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("script.lua.bak")), "x"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("upper.LUA")), "x"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral(".hidden.lua")), "x"));
        QVERIFY(folder.mkdir(QStringLiteral("folder.lua")));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("s10.lua")), "x"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("s9.lua")), "x"));

        ScriptLibraryModel library;
        QAbstractItemModelTester tester(&library, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(library.setFolder(dir.path()));
        QCOMPARE(library.names(),
            (QStringList { QStringLiteral("mylib.check_if_exists"), QStringLiteral("s9"), QStringLiteral("s10"),
                QStringLiteral("simple") }));
        QCOMPARE(ScriptLibraryModel::scriptNameForFile(QStringLiteral("a.b.c.lua")), QStringLiteral("a.b.c"));
        QCOMPARE(ScriptLibraryModel::scriptNameForFile(QStringLiteral("a.lua.txt")), QString());
        QCOMPARE(library.pathOf(QStringLiteral("mylib.check_if_exists")),
            folder.filePath(QStringLiteral("mylib.check_if_exists.lua")));

        QString error;
        QVERIFY(ScriptLibraryModel::isValidName(QStringLiteral("zato.user.with-dots"), &error));
        QVERIFY(!ScriptLibraryModel::isValidName(QStringLiteral("a/b"), &error));
        QVERIFY(!ScriptLibraryModel::isValidName(QStringLiteral(".hidden"), &error));
        QVERIFY(!ScriptLibraryModel::isValidName(QString(), &error));
        QVERIFY(!ScriptLibraryModel::isValidName(QStringLiteral("x.lua"), &error));

        // Create, save, rename, delete; nothing is overwritten silently.
        QVERIFY(library.create(QStringLiteral("new.one"), "return 3", &error));
        QVERIFY(library.contains(QStringLiteral("new.one")));
        QVERIFY(!library.create(QStringLiteral("simple"), "clobber", &error));
        QVERIFY(error.contains(QLatin1String("already exists")));
        QByteArray content;
        QVERIFY(library.read(QStringLiteral("simple"), &content));
        QCOMPARE(content, QByteArray("return 2"));
        QVERIFY(!library.rename(QStringLiteral("new.one"), QStringLiteral("simple"), &error));
        QVERIFY(library.rename(QStringLiteral("new.one"), QStringLiteral("renamed.one"), &error));
        QVERIFY(QFile::exists(folder.filePath(QStringLiteral("renamed.one.lua"))));
        QVERIFY(!library.contains(QStringLiteral("new.one")));
        QVERIFY(library.remove(QStringLiteral("renamed.one"), &error));
        QVERIFY(!library.contains(QStringLiteral("renamed.one")));
    }

    void libraryFollowsDisk()
    {
        QTemporaryDir dir;
        QDir folder(dir.path());
        QVERIFY(writeFile(folder.filePath(QStringLiteral("a.lua")), "return 1"));
        ScriptLibraryModel library;
        QAbstractItemModelTester tester(&library, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(library.setFolder(dir.path()));
        QSignalSpy changed(&library, &ScriptLibraryModel::scriptChangedOnDisk);
        QSignalSpy removed(&library, &ScriptLibraryModel::scriptRemovedOnDisk);
        QByteArray content;
        QVERIFY(library.read(QStringLiteral("a"), &content));

        // Another program adds a script, changes one, deletes one.
        QVERIFY(writeFile(folder.filePath(QStringLiteral("b.lua")), "return 2"));
        QTRY_VERIFY_WITH_TIMEOUT(library.contains(QStringLiteral("b")), 5000);
        QVERIFY(writeFile(folder.filePath(QStringLiteral("a.lua")), "return 'changed'"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("a"));
        QVERIFY(QFile::remove(folder.filePath(QStringLiteral("b.lua"))));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 5000);
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("b"));

        // Our own save is not reported as a change by someone else, and the file stays watched.
        QVERIFY(library.write(QStringLiteral("a"), "return 'ours'"));
        QVERIFY(writeFile(folder.filePath(QStringLiteral("a.lua")), "return 'theirs'"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
        QCOMPARE(changed.size(), 2);
    }

    void bundledExamplesRunAndCompile()
    {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).filePath(QStringLiteral("lua"));
        QCOMPARE(ScriptLibraryModel::installExamples(folder), 4);
        QCOMPARE(ScriptLibraryModel::installExamples(folder), 0); // an existing folder is left alone
        QCOMPARE(ScriptLibraryModel::installExamples(dir.path()), 0);
        ScriptLibraryModel library;
        QVERIFY(library.setFolder(folder));
        QCOMPARE(library.rowCount(), 4);
        for (int row = 0; row < library.rowCount(); ++row) {
            const QString name = library.index(row, 0).data().toString();
            QVERIFY2(name.startsWith(QLatin1String("examples.")), qPrintable(name));
            QByteArray script;
            QVERIFY(library.read(name, &script));
            QList<ScriptVariable> variables;
            for (const QByteArray& variable : NamedVariables::find(script))
                variables.append({ variable, ScriptVariable::Kind::Argument, "1" });
            QVERIFY2(!LuaSyntax::check(NamedVariables::compile(script, variables).script), qPrintable(name));
        }
        // The examples are the user's to edit.
        QVERIFY(QFileInfo(QDir(folder).filePath(QStringLiteral("examples.rate_limit.lua"))).isWritable());

        QByteArray script;
        QVERIFY(library.read(QStringLiteral("examples.rename_if_exists"), &script));
        QCOMPARE(run({ "SET", "example:from", "v" }), Reply::status("OK"));
        ScriptRunner runner(m_session.get());
        ScriptRequest request;
        request.mode = ScriptRequest::Mode::EvalCached;
        request.script = script;
        request.keys = { "example:from", "example:to" };
        QCOMPARE(runScript(runner, request).reply, Reply::integer(10));
        QCOMPARE(runScript(runner, request).reply, Reply::integer(11));
    }

    void zatoRenameIfExistsFromLibrary()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(QDir(dir.path()).filePath(QStringLiteral("zato.rename_if_exists.lua")), zatoRenameIfExists));
        ScriptLibraryModel library;
        QVERIFY(library.setFolder(dir.path()));
        QVERIFY(library.contains(QStringLiteral("zato.rename_if_exists")));
        QByteArray script;
        QVERIFY(library.read(QStringLiteral("zato.rename_if_exists"), &script));

        QCOMPARE(run({ "SET", "zato:old", "v" }), Reply::status("OK"));
        ScriptRunner runner(m_session.get());
        ScriptRequest request;
        request.mode = ScriptRequest::Mode::EvalCached; // Zato's run_lua: EVALSHA, EVAL on NOSCRIPT
        request.script = script;
        request.keys = { "zato:old", "zato:new" };
        const ScriptResult first = runScript(runner, request);
        QCOMPARE(first.reply, Reply::integer(10));
        QVERIFY(first.fellBackToEval);
        QCOMPARE(run({ "GET", "zato:new" }), Reply::string("v"));
        const ScriptResult second = runScript(runner, request);
        QCOMPARE(second.reply, Reply::integer(11));
        QCOMPARE(second.command, QByteArray("EVALSHA"));

        // The cache panel's model sees it cached after that, and after a flush not.
        ScriptCacheModel cache(m_session.get(), &library);
        QAbstractItemModelTester tester(&cache, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&cache, &ScriptCacheModel::refreshed);
        cache.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(cache.rowCount(), 1);
        QCOMPARE(cache.shaAt(0), scriptSha1(script));
        QCOMPARE(cache.cachedAt(0), ScriptCacheModel::Cached::Yes);
        QString outcome = QStringLiteral("pending");
        cache.flush([&outcome](const QString& error) { outcome = error; });
        QTRY_COMPARE_WITH_TIMEOUT(outcome, QString(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 5000);
        QCOMPARE(cache.cachedAt(0), ScriptCacheModel::Cached::No);
        outcome = QStringLiteral("pending");
        cache.loadAll([&outcome](const QString& error) { outcome = error; });
        QTRY_COMPARE_WITH_TIMEOUT(outcome, QString(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 3, 5000);
        QCOMPARE(cache.cachedAt(0), ScriptCacheModel::Cached::Yes);
    }

    void busyScriptIsKilled()
    {
        RedisServerProcess::Options options;
        // Redis 7 calls it busy-reply-threshold; lua-time-limit is the older alias.
        options.extraArguments = { QStringLiteral("--busy-reply-threshold"), QStringLiteral("200") };
        QString error;
        auto server = startServer(options, &error);
        QVERIFY2(server, qPrintable(error));
        Session session(profileFor(*server));
        session.open();
        ScriptRunner runner(&session);
        runner.setLongRunningMs(60000); // only the server's BUSY may offer the kill here
        runner.setProbeIntervalMs(100);
        QSignalSpy available(&runner, &ScriptRunner::killAvailable);
        QSignalSpy finished(&runner, &ScriptRunner::finished);
        QSignalSpy killed(&runner, &ScriptRunner::killFinished);
        ScriptRequest request;
        request.script = "local i = 0\nwhile true do i = i + 1 end";
        QVERIFY(runner.run(request) != 0);
        QVERIFY(runner.isRunning());
        QCOMPARE(runner.run(request), quint64(0)); // one at a time
        QVERIFY(available.wait(10000));
        QVERIFY2(available.at(0).at(0).toString().startsWith(QLatin1String("BUSY")),
            qPrintable(available.at(0).at(0).toString()));
        runner.kill();
        QVERIFY(killed.wait(10000));
        QCOMPARE(killed.at(0).at(0).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const auto result = finished.at(0).at(0).value<ScriptResult>();
        QVERIFY(result.reply.isError());
        QVERIFY2(result.error->message.contains(QLatin1String("SCRIPT KILL")), qPrintable(result.error->message));
        QCOMPARE(result.error->line, 2);
        QVERIFY(!runner.isRunning());
        // The server serves again, also to a link whose handshake met the busy server.
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Connection::State::Connected, 10000);
        const Reply pong = awaitReply(session.execute({ "PING" }));
        QVERIFY2(pong == Reply::status("PONG"), qPrintable(pong.toDisplayString()));
    }

    void busyFunctionIsKilled()
    {
        RedisServerProcess::Options options;
        options.extraArguments = { QStringLiteral("--busy-reply-threshold"), QStringLiteral("200") };
        QString error;
        auto server = startServer(options, &error);
        QVERIFY2(server, qPrintable(error));
        Session session(profileFor(*server));
        session.open();
        QCOMPARE(awaitReply(session.execute({ "FUNCTION", "LOAD",
                     "#!lua name=spin\nredis.register_function('spin', function() while true do end end)" })),
            Reply::string("spin"));
        ScriptRunner runner(&session);
        runner.setLongRunningMs(300);
        QSignalSpy available(&runner, &ScriptRunner::killAvailable);
        QSignalSpy finished(&runner, &ScriptRunner::finished);
        QSignalSpy killed(&runner, &ScriptRunner::killFinished);
        ScriptRequest request;
        request.mode = ScriptRequest::Mode::Function;
        request.function = "spin";
        QVERIFY(runner.run(request) != 0);
        QVERIFY(available.wait(10000));
        runner.kill();
        QVERIFY(killed.wait(10000));
        QVERIFY2(killed.at(0).at(0).toBool(), qPrintable(killed.at(0).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(finished.at(0).at(0).value<ScriptResult>().reply.isError());
    }

    void functionsLoadCallDelete()
    {
        FunctionLibraryModel functions(m_session.get());
        QAbstractItemModelTester tester(&functions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QByteArray code = "#!lua name=vtest\n"
                                "redis.register_function('vt_add', function(keys, args)\n"
                                "  return tonumber(args[1]) + tonumber(args[2])\n"
                                "end)\n"
                                "redis.register_function{function_name='vt_get', callback=function(keys)\n"
                                "  return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads'}\n";
        QCOMPARE(FunctionLibraryModel::libraryNameOf(code), QByteArray("vtest"));
        QVERIFY(!LuaSyntax::checkFunctionLibrary(code));
        QSignalSpy refreshed(&functions, &FunctionLibraryModel::refreshed);
        Reply loaded;
        functions.load(code, false, [&loaded](const Reply& reply) { loaded = reply; });
        QTRY_COMPARE_WITH_TIMEOUT(loaded, Reply::string("vtest"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 5000);
        QCOMPARE(functions.rowCount(), 1);
        const QModelIndex library = functions.index(0, 0);
        QCOMPARE(functions.libraryAt(library), QByteArray("vtest"));
        QCOMPARE(functions.rowCount(library), 2);
        QCOMPARE(functions.library("vtest")->code, code);
        QCOMPARE(functions.functionAt(functions.index(1, 0, library)), QByteArray("vt_get"));
        QVERIFY(functions.index(1, 1, library).data().toString().contains(QLatin1String("no-writes")));

        ScriptRunner runner(m_session.get());
        ScriptRequest request;
        request.mode = ScriptRequest::Mode::Function;
        request.function = "vt_add";
        request.arguments = { "2", "3" };
        ScriptResult result = runScript(runner, request);
        QCOMPARE(result.reply, Reply::integer(5));
        QCOMPARE(result.command, QByteArray("FCALL"));
        QCOMPARE(run({ "SET", "fk", "fv" }), Reply::status("OK"));
        request.function = "vt_get";
        request.arguments.clear();
        request.keys = { "fk" };
        request.readOnlyVariant = true;
        result = runScript(runner, request);
        QCOMPARE(result.reply, Reply::string("fv"));
        QCOMPARE(result.command, QByteArray("FCALL_RO"));

        // Loading again needs REPLACE; a compile error names its line.
        loaded = Reply();
        functions.load(code, false, [&loaded](const Reply& reply) { loaded = reply; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.isError(), 5000);
        QVERIFY(loaded.errorMessage().contains(QLatin1String("already exists")));
        loaded = Reply();
        functions.load(code, true, [&loaded](const Reply& reply) { loaded = reply; });
        QTRY_COMPARE_WITH_TIMEOUT(loaded, Reply::string("vtest"), 5000);
        loaded = Reply();
        functions.load("#!lua name=broken\n\nlocal = 1", false, [&loaded](const Reply& reply) { loaded = reply; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.isError(), 5000);
        QCOMPARE(ScriptErrors::parse(loaded.bytes()).line, 3);
        QCOMPARE(LuaSyntax::checkFunctionLibrary("#!lua name=broken\n\nlocal = 1")->line, 3);

        Reply removed;
        functions.remove("vtest", [&removed](const Reply& reply) { removed = reply; });
        QTRY_COMPARE_WITH_TIMEOUT(removed, Reply::status("OK"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(functions.rowCount(), 0, 5000);
        request.function = "vt_add";
        QVERIFY(runScript(runner, request).reply.isError());
    }

    void readOnlyRefusals()
    {
        QCOMPARE(run({ "SET", "ro:key", "before" }), Reply::status("OK"));
        QCOMPARE(
            run({ "FUNCTION", "LOAD", "#!lua name=rolib\nredis.register_function('ro_f', function() return 1 end)" }),
            Reply::string("rolib"));
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session readOnly(profile);
        readOnly.open();
        QCOMPARE(awaitReply(readOnly.execute({ "PING" })), Reply::status("PONG"));

        ScriptRunner runner(&readOnly);
        QVERIFY(runner.usesReadOnlyVariants());
        ScriptRequest request;
        request.script = "return redis.call('set', KEYS[1], 'after')";
        request.keys = { "ro:key" };
        ScriptResult result = runScript(runner, request);
        QCOMPARE(result.command, QByteArray("EVAL_RO"));
        QVERIFY(result.reply.isError());
        QVERIFY2(result.error->message.contains(QLatin1String("Write commands are not allowed")),
            qPrintable(result.error->message));
        QCOMPARE(run({ "GET", "ro:key" }), Reply::string("before"));
        request.script = "return redis.call('get', KEYS[1])";
        request.mode = ScriptRequest::Mode::EvalCached;
        result = runScript(runner, request);
        QCOMPARE(result.reply, Reply::string("before"));
        QCOMPARE(result.command, QByteArray("EVAL_RO")); // EVALSHA_RO answered NOSCRIPT
        QVERIFY(result.fellBackToEval);

        QTemporaryDir dir;
        ScriptLibraryModel library;
        QVERIFY(library.setFolder(dir.path()));
        QVERIFY(library.create(QStringLiteral("x"), "return 1"));
        ScriptCacheModel cache(&readOnly, &library);
        QString refused;
        cache.flush([&refused](const QString& error) { refused = error; });
        QVERIFY(refused.contains(QLatin1String("read-only")));
        refused.clear();
        cache.loadAll([&refused](const QString& error) { refused = error; });
        QVERIFY(refused.contains(QLatin1String("read-only")));

        FunctionLibraryModel functions(&readOnly);
        Reply reply;
        functions.remove("rolib", [&reply](const Reply& r) { reply = r; });
        QCOMPARE(reply.errorKind(), Reply::ErrorKind::ReadOnly);
        QVERIFY(reply.errorMessage().contains(QLatin1String("read-only")));
        functions.load("#!lua name=x\n", true, [&reply](const Reply& r) { reply = r; });
        QCOMPARE(reply.errorKind(), Reply::ErrorKind::ReadOnly);
        QCOMPARE(run({ "FUNCTION", "LIST", "LIBRARYNAME", "rolib" }).size(), 1);
    }

    void replyTree()
    {
        ReplyTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Reply reply = Reply::array({ Reply::integer(7), Reply::string(QByteArray("a\xff\n", 3)), Reply::nil(),
            Reply::array({ Reply::status("OK"), Reply::error("ERR inner") }), Reply::array({}) });
        model.setReply(reply);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex top = model.index(0, 0);
        QCOMPARE(top.data().toString(), QStringLiteral("5 elements"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("array"));
        QCOMPARE(model.rowCount(top), 5);
        QCOMPARE(model.index(0, 0, top).data().toString(), QStringLiteral("1) 7"));
        QCOMPARE(model.index(0, 1, top).data().toString(), QStringLiteral("integer"));
        QCOMPARE(model.index(1, 0, top).data().toString(), QStringLiteral("2) \"a\\xff\\n\""));
        QCOMPARE(model.index(1, 1, top).data().toString(), QStringLiteral("bulk string (3 bytes)"));
        QCOMPARE(model.index(2, 0, top).data().toString(), QStringLiteral("3) (nil)"));
        const QModelIndex nested = model.index(3, 0, top);
        QCOMPARE(model.rowCount(nested), 2);
        QCOMPARE(model.index(1, 0, nested).data().toString(), QStringLiteral("2) ERR inner"));
        QCOMPARE(model.index(1, 1, nested).data().toString(), QStringLiteral("error"));
        QCOMPARE(model.index(4, 0, top).data().toString(), QStringLiteral("5) (empty array)"));

        // Capped: a big array ends with a row that says how much is left out.
        QList<Reply> many;
        for (int i = 0; i < 50; ++i)
            many.append(Reply::integer(i));
        model.setMaxNodes(11);
        model.setReply(Reply::array(many));
        const QModelIndex big = model.index(0, 0);
        QCOMPARE(model.rowCount(big), 11);
        QCOMPARE(model.index(10, 0, big).data().toString(), QStringLiteral("... 40 more elements not shown"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLua)
#include "tst_lua.moc"
