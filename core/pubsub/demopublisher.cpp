#include "demopublisher.h"

#include "client/connection.h"
#include "client/session.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QtEndian>

namespace vermilion {

DemoPublisher::DemoPublisher(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    ConnectionTuning tuning;
    tuning.clientName = "vermilion:demo-publisher";
    m_connection = Session::createLink(profile, tuning);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &DemoPublisher::publishNext);
}

DemoPublisher::~DemoPublisher() = default;

QList<QByteArray> DemoPublisher::channels()
{
    return { "demo:orders", "demo:chat", "demo:sensor:1", "demo:sensor:2", "demo:alerts" };
}

void DemoPublisher::start()
{
    m_connection->open();
    m_timer->start();
}

void DemoPublisher::stop()
{
    m_timer->stop();
    m_connection->close();
}

bool DemoPublisher::isRunning() const
{
    return m_timer->isActive();
}

void DemoPublisher::setInterval(int milliseconds)
{
    m_timer->setInterval(qMax(10, milliseconds));
}

void DemoPublisher::publishNext()
{
    if (m_connection->state() != Connection::State::Connected)
        return; // the next tick tries again; nothing piles up while the link is down
    const qint64 tick = m_tick++;
    static const char* const products[] = { "coffee", "tea", "croissant", "bagel", "juice" };
    static const char* const lines[] = { "hello from the sandbox", "anyone on call tonight?", "deploy finished",
        "caf\xc3\xa9 au lait \xe2\x98\x95", "retrying in 5 s" };
    QList<Command> commands;
    QJsonObject order;
    order.insert(QStringLiteral("id"), tick);
    order.insert(QStringLiteral("product"), QLatin1String(products[tick % 5]));
    order.insert(QStringLiteral("quantity"), int(1 + tick % 4));
    order.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    commands.append({ "PUBLISH", "demo:orders", QJsonDocument(order).toJson(QJsonDocument::Compact) });
    if (tick % 2 == 0)
        commands.append({ "PUBLISH", "demo:chat", QByteArray(lines[(tick / 2) % 5]) });
    // A binary frame: magic, sensor id, sequence, a reading as a big-endian float.
    QByteArray frame("\x00\xffSNS", 5);
    const quint32 sequence = quint32(tick);
    frame.append(char(tick % 2 + 1));
    char bytes[4];
    qToBigEndian(sequence, bytes);
    frame.append(bytes, 4);
    const float reading = 20.0f + float(tick % 50) / 10.0f;
    quint32 raw;
    memcpy(&raw, &reading, sizeof raw);
    qToBigEndian(raw, bytes);
    frame.append(bytes, 4);
    commands.append({ "PUBLISH", tick % 2 ? "demo:sensor:2" : "demo:sensor:1", frame });
    if (tick % 17 == 0)
        commands.append({ "PUBLISH", "demo:alerts", "disk usage above 80% on cache-" + QByteArray::number(tick % 3) });
    m_connection->executeBatch(commands, this, [](const QList<Reply>&) { });
}

} // namespace vermilion
