#include "monitor.h"

#include <QDateTime>
#include <QMutex>
#include <QTimer>
#include <cstring>
#include <deque>

namespace vermilion {

class MonitorChannel final : public PushHandler {
public:
    QList<Command> linkUp(bool reconnect) override
    {
        if (reconnect) {
            MonitorLine gap;
            gap.source = MonitorLine::Source::Gap;
            gap.timestampUs = QDateTime::currentMSecsSinceEpoch() * 1000;
            QMutexLocker lock(&mutex);
            gap.client = Monitor::tr("Connection lost (%1); MONITOR started again. Commands in between were not seen.")
                             .arg(lostReason)
                             .toUtf8();
            appendLocked(std::move(gap));
        }
        // Its +OK arrives as a push and is skipped.
        return { Command { "MONITOR" } };
    }
    void linkDown(const QString& reason) override
    {
        QMutexLocker lock(&mutex);
        lostReason = reason;
    }
    // MONITOR lines start with the time stamp; the handshake's replies (+PONG, +OK) do not.
    bool isPush(const Reply& reply) const override
    {
        if (!reply.isStatus() || reply.bytes().isEmpty())
            return false;
        const char first = reply.bytes().at(0);
        return first >= '0' && first <= '9';
    }
    void pushReplies(std::vector<Reply>&& replies) override
    {
        // Parsed here, in the connection's thread: the UI thread only gets finished lines.
        std::vector<MonitorLine> parsed;
        parsed.reserve(replies.size());
        for (const Reply& reply : replies) {
            if (!reply.isStatus() && !reply.isError())
                continue;
            const QByteArray& text = reply.bytes();
            if (reply.isStatus() && text == "OK")
                continue;
            MonitorLine line;
            if (reply.isError() || !MonitorParser::parse(text, &line)) {
                line = MonitorLine {};
                line.source = MonitorLine::Source::Unparsed;
                line.timestampUs = QDateTime::currentMSecsSinceEpoch() * 1000;
                line.client = text;
            }
            parsed.push_back(std::move(line));
        }
        QMutexLocker lock(&mutex);
        for (MonitorLine& line : parsed)
            appendLocked(std::move(line));
    }
    // MONITOR lines straight from the socket's bytes: "+<line>\r\n", parsed without a Reply.
    qsizetype parseRaw(const char* data, qsizetype size, bool* incomplete) override
    {
        *incomplete = false;
        qsizetype pos = 0;
        std::vector<MonitorLine> parsed;
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
                MonitorLine line;
                if (!MonitorParser::parse(text, &line)) {
                    line = MonitorLine {};
                    line.source = MonitorLine::Source::Unparsed;
                    line.timestampUs = QDateTime::currentMSecsSinceEpoch() * 1000;
                    line.client = text.toByteArray();
                }
                parsed.push_back(std::move(line));
            }
            pos = end - data + 2;
        }
        if (!parsed.empty()) {
            QMutexLocker lock(&mutex);
            for (MonitorLine& line : parsed)
                appendLocked(std::move(line));
        }
        return pos;
    }

    void appendLocked(MonitorLine&& line)
    {
        if (qsizetype(pending.size()) >= pendingLimit) {
            pending.pop_front();
            ++dropped;
        }
        pending.push_back(std::move(line));
    }
    MonitorBatch take(qsizetype maxCount, bool* more)
    {
        std::deque<MonitorLine> taken;
        MonitorBatch batch;
        {
            QMutexLocker lock(&mutex);
            if (qsizetype(pending.size()) <= maxCount) {
                taken.swap(pending);
            } else {
                const auto end = pending.begin() + maxCount;
                taken.assign(std::make_move_iterator(pending.begin()), std::make_move_iterator(end));
                pending.erase(pending.begin(), end);
            }
            *more = !pending.empty();
            batch.dropped = std::exchange(dropped, 0);
        }
        batch.lines.reserve(qsizetype(taken.size()));
        for (MonitorLine& line : taken)
            batch.lines.append(std::move(line));
        return batch;
    }

    QMutex mutex;
    std::deque<MonitorLine> pending;
    qsizetype pendingLimit = 2'000'000;
    qint64 dropped = 0;
    QString lostReason;
};

Monitor::Monitor(const ConnectionProfile& profile, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<MonitorChannel>())
    , m_deliveryTimer(new QTimer(this))
{
    qRegisterMetaType<vermilion::MonitorBatch>();
    ConnectionTuning tuning;
    tuning.clientName = "vermilion:monitor";
    m_connection = std::make_unique<Connection>(profile, tuning);
    m_connection->setPushHandler(m_channel);
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
    QMutexLocker lock(&m_channel->mutex);
    m_channel->pendingLimit = qMax<qsizetype>(1, lines);
}

void Monitor::deliverNow()
{
    constexpr qsizetype maxBatch = 8192;
    bool more = false;
    MonitorBatch batch = m_channel->take(maxBatch, &more);
    if (more && !m_moreScheduled) {
        m_moreScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_moreScheduled = false;
                deliverNow();
            },
            Qt::QueuedConnection);
    }
    if (!batch.lines.isEmpty() || batch.dropped > 0)
        emit linesReceived(batch);
}

} // namespace vermilion
