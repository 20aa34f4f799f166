#include "monitor.h"

#include "client/session.h"

#include "handoverqueue.h"
#include "pushstreamdecoder.h"

#include <QDateTime>
#include <QMutex>
#include <mutex>
#include <QTimer>
#include <cstring>

namespace vermilion {

// The connection's thread only queues the bytes it reads (see PushStreamDecoder); the lines are
// parsed in the decode thread and wait in the hand-over queue for the monitor's thread.
class MonitorChannel final : public PushStreamDecoder {
public:
    ~MonitorChannel() override { stopDecoding(); }

    QList<Command> linkUp(bool reconnect) override
    {
        if (reconnect) {
            // The mark goes after whatever of the old link is still being parsed.
            enqueueCall([this] {
                MonitorLine gap;
                gap.source = MonitorLine::Source::Gap;
                gap.timestampUs = QDateTime::currentMSecsSinceEpoch() * 1000;
                QMutexLocker lock(&mutex);
                gap.client
                    = Monitor::tr("Connection lost (%1); MONITOR started again. Commands in between were not seen.")
                          .arg(lostReason)
                          .toUtf8();
                parsed.push_back(std::move(gap));
            });
        }
        // Its +OK arrives as a push and is skipped.
        return { Command { "MONITOR" } };
    }
    void linkDown(const QString& reason) override
    {
        {
            QMutexLocker lock(&mutex);
            lostReason = reason;
        }
        PushStreamDecoder::linkDown(reason);
    }
    // MONITOR lines start with the time stamp; the handshake's replies (+PONG, +OK) do not.
    bool isPush(const Reply& reply) const override
    {
        if (!reply.isStatus() || reply.bytes().isEmpty())
            return false;
        const char first = reply.bytes().at(0);
        return first >= '0' && first <= '9';
    }

    std::mutex mutex; // guards lostReason
    QString lostReason;
    HandOverQueue<MonitorLine> queue; // decode thread -> monitor's thread

protected:
    // Decode thread: a reply the fast path left (an error, a line longer than a chunk).
    void decodeReply(Reply&& reply, qint64 receivedAtMs) override
    {
        if (!reply.isStatus() && !reply.isError())
            return;
        const QByteArray& text = reply.bytes();
        if (reply.isStatus() && text == "OK")
            return;
        MonitorLine line;
        if (reply.isError() || !MonitorParser::parse(text, &line))
            line = unparsed(text, receivedAtMs);
        parsed.push_back(std::move(line));
    }

    // Decode thread: MONITOR lines straight from the bytes, "+<line>\r\n", without a Reply.
    qsizetype decodeFast(const char* data, qsizetype size, qint64 receivedAtMs, bool skip, bool* incomplete) override
    {
        *incomplete = false;
        qsizetype pos = 0;
        while (pos < size) {
            if (data[pos] != '+')
                break;
            const char* end = static_cast<const char*>(memchr(data + pos, '\r', size_t(size - pos)));
            if (!end || end + 1 >= data + size) {
                *incomplete = true;
                break;
            }
            if (end[1] != '\n')
                break;
            const QByteArrayView text(data + pos + 1, end - data - pos - 1);
            if (text != "OK") {
                if (skip) {
                    ++skipped;
                } else {
                    MonitorLine line;
                    if (!MonitorParser::parse(text, &line))
                        line = unparsed(text, receivedAtMs);
                    parsed.push_back(std::move(line));
                }
            }
            pos = end - data + 2;
        }
        return pos;
    }

    void decoded() override { queue.append(std::exchange(parsed, {}), std::exchange(skipped, 0)); }

private:
    static MonitorLine unparsed(QByteArrayView text, qint64 receivedAtMs)
    {
        MonitorLine line;
        line.source = MonitorLine::Source::Unparsed;
        line.timestampUs = receivedAtMs * 1000;
        line.client = text.toByteArray();
        return line;
    }

    std::vector<MonitorLine> parsed; // decode thread only
    qint64 skipped = 0; // decode thread only
};

Monitor::Monitor(Session* session, const QString& node, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<MonitorChannel>())
    , m_deliveryTimer(new QTimer(this))
{
    m_connection = session->createOwnLink("vermilion:monitor", m_channel, node);
    init();
}

Monitor::Monitor(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<MonitorChannel>())
    , m_deliveryTimer(new QTimer(this))
{
    ConnectionTuning tuning;
    tuning.clientName = "vermilion:monitor";
    m_connection = Session::createLink(profile, tuning, m_channel);
    init();
}

void Monitor::init()
{
    qRegisterMetaType<vermilion::MonitorBatch>();
    connect(m_connection.get(), &Connection::stateChanged, this, &Monitor::stateChanged);
    m_deliveryTimer->setInterval(50);
    connect(m_deliveryTimer, &QTimer::timeout, this, &Monitor::deliverNow);
}

Monitor::~Monitor()
{
    m_connection.reset();
}

Connection::State Monitor::state() const
{
    return m_connection->state();
}

void Monitor::start()
{
    m_running = true;
    m_deliveryTimer->start();
    m_connection->open();
}

void Monitor::stop()
{
    // MONITOR cannot be turned off on its connection: closing it is how to stop.
    m_running = false;
    m_connection->close();
    deliverNow();
    m_deliveryTimer->stop();
}

void Monitor::setDeliveryInterval(int milliseconds)
{
    m_deliveryTimer->setInterval(qMax(1, milliseconds));
}

void Monitor::setPendingLimit(qsizetype lines)
{
    m_channel->queue.setLimit(lines);
}

void Monitor::setBacklogLimit(qint64 bytes)
{
    m_channel->setBacklogLimit(bytes);
}

void Monitor::deliverNow()
{
    MonitorBatch batch;
    batch.lines = takeBatch(m_channel->queue, &batch.dropped, this, &m_moreScheduled, [this] { deliverNow(); });
    if (!batch.lines.isEmpty() || batch.dropped > 0)
        emit linesReceived(batch);
}

} // namespace vermilion
