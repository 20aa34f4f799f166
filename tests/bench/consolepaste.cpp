#include "benchsupport.h"
#include "client/session.h"
#include "console/consolesession.h"
#include "workspace/consolepanel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>

namespace vermilion::bench {

namespace {

// Runs the event loop until done() or the time is up.
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QStringList redisCliConnection(const ConnectionProfile& profile)
{
    QStringList args;
    if (profile.usesUnixSocket())
        args << QStringLiteral("-s") << profile.socketPath;
    else
        args << QStringLiteral("-h") << profile.host << QStringLiteral("-p") << QString::number(profile.port);
    if (!profile.username.isEmpty())
        args << QStringLiteral("--user") << profile.username;
    if (!profile.password.isEmpty())
        args << QStringLiteral("--pass") << profile.password << QStringLiteral("--no-auth-warning");
    args << QStringLiteral("-n") << QString::number(profile.database);
    return args;
}

// `vermilion-bench console-paste --url URL --lines N`: N SETs pasted into the real console widget
// (offscreen), timed until the last reply is on screen, with the longest main-loop stall; beside it
// what a user would do in a terminal: `redis-cli < file` with the same commands.
int runConsolePaste(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    const qint64 lines = arguments.integer(QStringLiteral("--lines"), 10000);
    if (lines < 1)
        fail(QStringLiteral("--lines takes a positive count"));
    QString text;
    QByteArray file;
    for (qint64 i = 0; i < lines; ++i) {
        const QString line = QStringLiteral("SET vermilion:bench:paste:%1 value-%1").arg(i);
        text += line + QLatin1Char('\n');
        file += line.toUtf8() + '\n';
    }

    Session session(profile);
    session.open();
    ui::ConsolePanel panel(&session);
    panel.resize(1280, 800);
    panel.show();
    // The console's link is up and the server's docs are in before the clock starts.
    if (!waitUntil([&] { return panel.console()->linkState() == Connection::State::Connected
                                && !panel.console()->docs().isEmpty(); },
                   15000))
        fail(QStringLiteral("the console did not connect: ") + session.lastError());

    StallMeter stall;
    stall.start();
    QElapsedTimer clock;
    clock.start();
    // Where the time goes: the last reply in, and the transcript complete.
    double repliedSeconds = -1;
    QObject::connect(panel.console(), &ConsoleSession::pendingChanged, &panel, [&](int pending) {
        if (pending == 0 && repliedSeconds < 0)
            repliedSeconds = double(clock.nsecsElapsed()) / 1e9;
    });
    panel.paste(text);
    if (!waitUntil([&] { return panel.isOutputIdle(); }, 600000))
        fail(QStringLiteral("the paste did not finish"));
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double maxStall = stall.maxStallMs();
    const QString transcript = panel.transcript();
    const qsizetype replies = transcript.count(QStringLiteral("\nOK"));
    if (replies < lines)
        fail(QStringLiteral("only %1 of %2 replies were shown").arg(replies).arg(lines));

    // The reference, in the same run: redis-cli reading the same commands from a file.
    QTemporaryFile commands;
    if (!commands.open() || commands.write(file) != file.size() || !commands.flush())
        fail(QStringLiteral("cannot write the command file"));
    QProcess cli;
    cli.setStandardInputFile(commands.fileName());
    cli.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer cliClock;
    cliClock.start();
    cli.start(QStringLiteral("redis-cli"), redisCliConnection(profile));
    if (!cli.waitForFinished(600000) || cli.exitCode() != 0)
        fail(QStringLiteral("redis-cli failed: ") + QString::fromUtf8(cli.readAllStandardError()));
    const double cliSeconds = double(cliClock.nsecsElapsed()) / 1e9;

    // Leave the server as it was.
    QList<Command> cleanup;
    for (qint64 i = 0; i < lines; ++i)
        cleanup.append({ "UNLINK", "vermilion:bench:paste:" + QByteArray::number(i) });
    QEventLoop done;
    session.executeBatch(cleanup, &done, [&done](const QList<Reply>&) { done.quit(); });
    done.exec();

    QJsonObject result;
    result.insert(QStringLiteral("bench"), QStringLiteral("console-paste"));
    result.insert(QStringLiteral("lines"), lines);
    result.insert(QStringLiteral("seconds"), seconds);
    result.insert(QStringLiteral("max_ui_stall_ms"), maxStall);
    result.insert(QStringLiteral("redis_cli_seconds"), cliSeconds);
    result.insert(QStringLiteral("ratio"), cliSeconds > 0 ? seconds / cliSeconds : 0.0);
    result.insert(QStringLiteral("replies_in_seconds"), repliedSeconds);
    emitResult(result);
    return 0;
}

const ScenarioRegistration registration { "console-paste", "--url URL [--lines N]", &runConsolePaste, true };

} // namespace

} // namespace vermilion::bench
