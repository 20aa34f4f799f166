#include "benchsupport.h"
#include "pubsub/pubsubpane.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <hiredis/hiredis.h>
#include <memory>
#include <thread>

namespace vermilion::bench {

namespace {
struct BaselineResult {
    qint64 received = 0;
    double seconds = 0;
    QString error;
};

// The reference: a plain blocking hiredis subscriber reading the same channel.
redisContext* hiredisSubscribe(const ConnectionProfile& profile, const QByteArray& channel, QString* error)
{
    redisContext* context = profile.usesUnixSocket() ? redisConnectUnix(profile.socketPath.toUtf8().constData())
                                                     : redisConnect(profile.host.toUtf8().constData(), profile.port);
    if (!context || context->err) {
        *error = context ? QString::fromLatin1(context->errstr) : QStringLiteral("out of memory");
        if (context)
            redisFree(context);
        return nullptr;
    }
    void* reply = nullptr;
    if (!profile.password.isEmpty()) {
        reply = profile.username.isEmpty()
            ? redisCommand(context, "AUTH %b", profile.password.toUtf8().constData(), size_t(profile.password.toUtf8().size()))
            : redisCommand(context, "AUTH %s %s", profile.username.toUtf8().constData(), profile.password.toUtf8().constData());
        freeReplyObject(reply);
    }
    reply = redisCommand(context, "SUBSCRIBE %b", channel.constData(), size_t(channel.size()));
    freeReplyObject(reply);
    return context;
}

BaselineResult hiredisReceive(redisContext* context, qint64 n)
{
    BaselineResult result;
    QElapsedTimer clock;
    void* reply = nullptr;
    while (result.received < n) {
        if (redisGetReply(context, &reply) != REDIS_OK) {
            result.error = QString::fromLatin1(context->errstr);
            break;
        }
        auto* r = static_cast<redisReply*>(reply);
        if (r->type == REDIS_REPLY_ARRAY && r->elements == 3 && strcmp(r->element[0]->str, "message") == 0) {
            if (result.received++ == 0)
                clock.start();
        }
        freeReplyObject(reply);
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}
} // namespace

int runPubSubHiredis(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    const QByteArray channel = arguments.value(QStringLiteral("channel"), QStringLiteral("bench")).toUtf8();
    const qint64 n = arguments.integer(QStringLiteral("n"), 1000000);
    QString error;
    redisContext* context = hiredisSubscribe(profile, channel, &error);
    if (!context)
        fail(QStringLiteral("hiredis cannot subscribe: ") + error);
    std::fprintf(stderr, "ready\n");
    std::fflush(stderr);
    const BaselineResult result = hiredisReceive(context, n);
    redisFree(context);
    if (!result.error.isEmpty())
        fail(QStringLiteral("hiredis: ") + result.error);
    emitResult({ { QStringLiteral("bench"), QStringLiteral("pubsub-hiredis") }, { QStringLiteral("received"), result.received },
        { QStringLiteral("seconds"), result.seconds },
        { QStringLiteral("msgs_per_s"), double(result.received) / result.seconds } });
    return 0;
}

int runPubSub(const Arguments& arguments)
{
    const ConnectionProfile profile = arguments.profile();
    const QByteArray channel = arguments.value(QStringLiteral("channel"), QStringLiteral("bench")).toUtf8();
    const qint64 n = arguments.integer(QStringLiteral("n"), 1000000);
    const bool withBaseline = arguments.has(QStringLiteral("baseline"));

    // The same core objects as a UI pane: subscriber, rules, ring model; the main loop stands in
    // for the UI thread.
    PubSubPane pane(profile);
    HandlerRule star;
    star.key = "*";
    pane.rules()->addRule(star);
    pane.subscribe(channel);

    std::unique_ptr<std::thread> baselineThread;
    BaselineResult baseline;
    redisContext* baselineContext = nullptr;
    if (withBaseline) {
        QString error;
        baselineContext = hiredisSubscribe(profile, channel, &error);
        if (!baselineContext)
            fail(QStringLiteral("hiredis cannot subscribe: ") + error);
    }

    QEventLoop subscribed;
    QObject::connect(&pane, &PubSubPane::subscriptionsChanged, &subscribed, [&] {
        if (pane.channelStates().value(channel))
            subscribed.quit();
    });
    QObject::connect(pane.subscriber(), &Subscriber::stateChanged, &subscribed,
        [&](Connection::State state, const QString& message) {
            if (state == Connection::State::Failed)
                fail(message);
        });
    pane.subscriber()->start();
    subscribed.exec();
    if (withBaseline)
        baselineThread = std::make_unique<std::thread>([&] { baseline = hiredisReceive(baselineContext, n); });
    std::fprintf(stderr, "ready\n");
    std::fflush(stderr);

    StallMeter stalls;
    stalls.start();
    // From the first message read (its time stamp, taken in the connection's thread as it arrived)
    // to the moment the last one is in the model.
    qint64 firstMs = -1;
    QObject::connect(pane.subscriber(), &Subscriber::messagesReceived, &pane, [&](const PubSubBatch& batch) {
        if (firstMs >= 0)
            return;
        for (const PubSubMessage& message : batch.messages) {
            if (message.isMessage()) {
                firstMs = message.timestampMs;
                break;
            }
        }
    });
    QEventLoop done;
    qint64 lastMs = 0;
    QObject::connect(&pane, &PubSubPane::processed, &done, [&](int) {
        if (pane.receivedMessages() >= n) {
            lastMs = QDateTime::currentMSecsSinceEpoch();
            done.quit();
        }
    });
    done.exec();
    const double seconds = double(lastMs - firstMs) / 1000.0;
    const qint64 received = pane.receivedMessages();
    emitResult({ { QStringLiteral("bench"), QStringLiteral("pubsub") }, { QStringLiteral("received"), received },
        { QStringLiteral("seconds"), seconds }, { QStringLiteral("msgs_per_s"), double(received) / seconds },
        { QStringLiteral("max_ui_stall_ms"), stalls.maxStallMs() }, { QStringLiteral("peak_rss_mb"), peakRssMb() } });
    if (baselineThread) {
        baselineThread->join();
        redisFree(baselineContext);
        const double rate = double(baseline.received) / baseline.seconds;
        emitResult({ { QStringLiteral("bench"), QStringLiteral("pubsub-hiredis") },
            { QStringLiteral("received"), baseline.received }, { QStringLiteral("seconds"), baseline.seconds },
            { QStringLiteral("msgs_per_s"), rate }, { QStringLiteral("ratio"), (double(received) / seconds) / rate } });
    }
    return received >= n ? 0 : 1;
}

static const ScenarioRegistration pubsubRegistration { "pubsub", "--url URL --channel C --n N [--baseline]",
    &runPubSub };
static const ScenarioRegistration pubsubHiredisRegistration { "pubsub-hiredis", "--url URL --channel C --n N",
    &runPubSubHiredis };

} // namespace vermilion::bench
