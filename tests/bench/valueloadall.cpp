// vermilion-bench value --load-all: the real string editor, offscreen, on a big value. It opens
// the key as the key browser does, waits for the first page on screen, presses Load all and waits
// until the whole value is shown, with the main loop's longest stall and the peak RSS.
#include "benchsupport.h"
#include "client/session.h"
#include "formats/deflatecodec.h"
#include "values/stringeditor.h"
#include "values/stringvalue.h"
#include "values/valueeditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTimer>
#include <malloc.h>
#include <unistd.h>

namespace vermilion::bench {

namespace {
double currentRssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0)
                             : -1;
}

Reply run(Session& session, const Command& command)
{
    QEventLoop loop;
    Reply reply;
    session.execute(command, &loop, [&](const Reply& r) {
        reply = r;
        loop.quit();
    });
    loop.exec();
    if (reply.isError())
        fail(QStringLiteral("%1 failed: %2").arg(QString::fromUtf8(command.first()), reply.errorMessage()));
    return reply;
}

// Writes a value in 1 MiB APPENDs, so that no single command is huge.
void store(Session& session, const QByteArray& key, const QByteArray& bytes)
{
    run(session, { "DEL", key });
    constexpr qsizetype chunk = 1024 * 1024;
    for (qsizetype offset = 0; offset < bytes.size(); offset += chunk)
        run(session, { "APPEND", key, bytes.mid(offset, chunk) });
}

// JSON as an API cache holds it: an array of records, minified, megabytes of it.
QByteArray makeJson(qint64 megabytes)
{
    QByteArray json = "[";
    json.reserve(megabytes * 1024 * 1024 + 4096);
    for (int i = 0; json.size() < megabytes * 1024 * 1024; ++i) {
        if (i)
            json += ',';
        json += R"({"id":)" + QByteArray::number(i) + R"(,"user":"user-)" + QByteArray::number(i * 7919 % 100000)
            + R"(","email":"u)" + QByteArray::number(i) + R"(@example.com","active":)" + (i % 3 ? "true" : "false")
            + R"(,"score":)" + QByteArray::number(i % 1000) + "." + QByteArray::number(i % 97)
            + R"(,"tags":["alpha","beta","gamma"],"address":{"city":"City )" + QByteArray::number(i % 500)
            + R"(","zip":")" + QByteArray::number(10000 + i % 89999) + R"("}})";
    }
    return json + "]";
}

QByteArray makeBinary(qint64 megabytes)
{
    QByteArray bytes(megabytes * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return bytes;
}
} // namespace

int runValueLoadAll(const Arguments&, Session& session, const QByteArray& key)
{
    const Reply type = run(session, { "TYPE", key });
    if (type.bytes() != "string")
        fail(QStringLiteral("--load-all opens strings; %1 is a %2")
                 .arg(QString::fromUtf8(key), QString::fromUtf8(type.bytes())));

    StallMeter stalls;
    stalls.start();
    const double rssBefore = currentRssMb();
    QElapsedTimer clock;
    clock.start();
    auto* editor = qobject_cast<ui::StringEditor*>(ui::ValueEditor::create(&session, key, "string"));
    if (!editor)
        fail(QStringLiteral("no string editor"));
    editor->resize(1200, 800);
    editor->show();
    QObject::connect(editor->value(), &StringValue::errorOccurred, editor, [](const QString& m) { fail(m); });

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [] { fail(QStringLiteral("not shown within 120 s")); });
    const QMetaObject::Connection shown
        = QObject::connect(editor, &ui::StringEditor::valueShown, &loop, &QEventLoop::quit);
    timeout.start(120000);
    loop.exec();
    const double firstPage = double(clock.nsecsElapsed()) / 1e9;
    const QString firstFormat = editor->formatId();

    double loadAll = 0;
    if (editor->value()->isPartial()) {
        QPushButton* button = nullptr;
        for (QPushButton* candidate : editor->findChildren<QPushButton*>()) {
            if (candidate->text() == QLatin1String("Load all"))
                button = candidate;
        }
        if (!button)
            fail(QStringLiteral("no Load all button"));
        clock.restart();
        QObject::disconnect(shown);
        QObject::connect(editor, &ui::StringEditor::valueShown, &loop, [&] {
            if (!editor->value()->isPartial())
                loop.quit();
        });
        button->click();
        timeout.start(120000);
        loop.exec();
        loadAll = double(clock.nsecsElapsed()) / 1e9;
    }
    const QString format = editor->formatId();
    const bool viewer = !editor->isEditableInPlace();
    const double peak = peakRssMb();

    // Closing the key gives the memory back.
    delete editor;
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    malloc_trim(0);
    const double after = currentRssMb();

    emitResult(
        { { QStringLiteral("bench"), QStringLiteral("value") }, { QStringLiteral("key"), QString::fromUtf8(key) },
            { QStringLiteral("type"), QStringLiteral("string") }, { QStringLiteral("first_page_seconds"), firstPage },
            { QStringLiteral("load_all_seconds"), loadAll }, { QStringLiteral("max_ui_stall_ms"), stalls.maxStallMs() },
            { QStringLiteral("max_ui_busy_ms"), stalls.maxBusyMs() }, { QStringLiteral("peak_rss_mb"), peak },
            { QStringLiteral("rss_before_mb"), rssBefore }, { QStringLiteral("rss_after_close_mb"), after },
            { QStringLiteral("first_format"), firstFormat }, { QStringLiteral("format"), format },
            { QStringLiteral("paged_viewer"), viewer } });
    return 0;
}

// --populate-json MB [--gzip] and --populate-binary MB write bench:json / bench:binary first.
QByteArray populateForLoadAll(const Arguments& arguments, Session& session)
{
    if (arguments.has(QStringLiteral("populate-json"))) {
        QByteArray json = makeJson(arguments.integer(QStringLiteral("populate-json"), 35));
        const bool gzip = arguments.has(QStringLiteral("gzip"));
        if (gzip) {
            QString error;
            json = formats::DeflateCodec::deflate(formats::DeflateCodec::Wrapper::Gzip, json, &error);
            if (!error.isEmpty())
                fail(error);
        }
        const QByteArray key = gzip ? "bench:json.gz" : "bench:json";
        store(session, key, json);
        return key;
    }
    if (arguments.has(QStringLiteral("populate-binary"))) {
        store(session, "bench:binary", makeBinary(arguments.integer(QStringLiteral("populate-binary"), 100)));
        return "bench:binary";
    }
    return {};
}

} // namespace vermilion::bench
