#include "queuemessagemodel.h"

#include "client/session.h"
#include "formats/nippyformat.h"
#include "lockmodel.h"
#include "util/posting.h"
#include "util/redistext.h"

#include <QDateTime>
#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace vermilion {

namespace {
constexpr qsizetype shownContentChars = 200;
constexpr int perMidBase = 3;

qint64 integerOrZero(const Reply& reply)
{
    bool ok = false;
    const qint64 value = reply.isNil() ? 0 : reply.toInteger(&ok);
    return ok ? value : 0;
}
} // namespace

QueueMessageModel::QueueMessageModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &QueueMessageModel::tick);
    m_timer->start();
}

void QueueMessageModel::setTicking(bool ticking)
{
    if (ticking)
        m_timer->start();
    else
        m_timer->stop();
}

void QueueMessageModel::tick()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, StatusColumn), index(int(m_rows.size()) - 1, AgeColumn));
}

qint64 QueueMessageModel::serverNowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs;
}

MessageStatus QueueMessageModel::status(int row) const
{
    return deriveMessageStatus(m_rows.at(row).state, serverNowMs(), rules());
}

int QueueMessageModel::countWithStatus(MessageStatus wanted) const
{
    const qint64 now = serverNowMs();
    int n = 0;
    for (const Message& message : m_rows)
        n += deriveMessageStatus(message.state, now, rules()) == wanted ? 1 : 0;
    return n;
}

void QueueMessageModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void QueueMessageModel::setQueue(const QByteArray& queue, CarmineQueue::Layout layout)
{
    m_jobs.next();
    beginResetModel();
    m_queue = queue;
    m_layout = layout;
    m_tundra = CarmineQueue::isTundra(queue);
    m_rows.clear();
    ++m_rowsEpoch;
    m_cursor = "0";
    endResetModel();
    setLoading(false);
    if (!queue.isEmpty())
        reload();
}

void QueueMessageModel::reload()
{
    if (m_queue.isEmpty())
        return;
    m_jobs.next();
    m_replaceOnNextPage = true;
    setLoading(true);
    scanPage(m_jobs.current(), "0", {});
}

void QueueMessageModel::loadMore()
{
    if (!canLoadMore() || m_loading)
        return;
    m_jobs.next();
    m_replaceOnNextPage = false;
    setLoading(true);
    scanPage(m_jobs.current(), m_cursor, {});
}

void QueueMessageModel::scanPage(
    quint64 generation, const QByteArray& cursor, QList<QPair<QByteArray, QByteArray>> collected)
{
    const QByteArray key = CarmineQueue::key(m_queue, "messages");
    const int wanted = m_pageSize - int(collected.size());
    m_session->execute(
        { "HSCAN", key, cursor, "COUNT", QByteArray::number(qMax(wanted, 10)) }, this,
        [this, generation, collected = std::move(collected)](const Reply& reply) mutable {
            if (m_jobs.isStale(generation))
                return;
            if (reply.isError() || !reply.isArray() || reply.size() != 2) {
                setLoading(false);
                emit errorOccurred(tr("Reading the messages of %1 failed: %2")
                                       .arg(RedisText::escape(m_queue),
                                           reply.isError() ? reply.errorMessage() : tr("unexpected reply")));
                return;
            }
            const QList<Reply>& fields = reply.at(1).elements();
            for (qsizetype i = 0; i + 1 < fields.size(); i += 2)
                collected.append({ fields.at(i).bytes(), fields.at(i + 1).bytes() });
            const QByteArray next = reply.at(0).bytes();
            // HSCAN may answer with few or no elements and a cursor to go on with: keep going until a
            // page is full or the hash is done.
            if (next != "0" && collected.size() < m_pageSize)
                scanPage(generation, next, std::move(collected));
            else
                readDetails(generation, next, collected);
        },
        Session::Role::Bulk);
}

void QueueMessageModel::readDetails(
    quint64 generation, const QByteArray& cursor, const QList<QPair<QByteArray, QByteArray>>& page)
{
    Command locks { "HMGET", CarmineQueue::key(m_queue, "locks") };
    Command backoffs { "HMGET", CarmineQueue::key(m_queue, "backoffs") };
    Command attempts { "HMGET", CarmineQueue::key(m_queue, "nattempts") };
    Command udts { "HMGET", CarmineQueue::key(m_queue, "udts") };
    QList<Command> commands { { "TIME" } };
    QList<Command> perMid;
    const QByteArray done = CarmineQueue::key(m_queue, "done");
    const QByteArray requeue = CarmineQueue::key(m_queue, "requeue");
    const QByteArray messagesRq = CarmineQueue::key(m_queue, "messages-rq");
    for (const auto& [mid, content] : page) {
        locks << mid;
        backoffs << mid;
        attempts << mid;
        udts << mid;
        perMid.append({ "SISMEMBER", done, mid });
        perMid.append({ "SISMEMBER", requeue, mid });
        perMid.append({ "HEXISTS", messagesRq, mid });
        if (m_tundra) {
            perMid.append({ "EXISTS", mid });
            perMid.append({ "PTTL", mid });
            perMid.append({ "SISMEMBER", CarmineQueue::tundraEvictableKey(), mid });
        }
    }
    if (!page.isEmpty())
        commands << locks << backoffs << attempts << udts;
    commands += perMid;
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    m_session->executeBatch(commands, this, [this, generation, cursor, page, sentAt](const QList<Reply>& replies) {
        if (m_jobs.isStale(generation))
            return;
        setLoading(false);
        if (!replies.isEmpty() && replies.first().isClientError()) {
            emit errorOccurred(tr("Reading the messages of %1 failed: %2")
                                   .arg(RedisText::escape(m_queue), replies.first().errorMessage()));
            return;
        }
        const qint64 serverNow = CarmineQueue::serverTimeMs(replies.value(0));
        if (serverNow > 0) // half the round trip is our best guess of when the server read its clock
            m_clockOffsetMs = serverNow - (sentAt + QDateTime::currentMSecsSinceEpoch()) / 2;
        const int stride = perMidBase + (m_tundra ? 3 : 0);
        QList<Message> rows;
        rows.reserve(page.size());
        QList<QByteArray> contents;
        contents.reserve(page.size());
        for (qsizetype i = 0; i < page.size(); ++i) {
            Message message;
            message.mid = page.at(i).first;
            message.content = page.at(i).second;
            const auto field = [&](int command) -> Reply {
                const Reply& reply = replies.value(command);
                return reply.isArray() && i < reply.size() ? reply.at(i) : Reply::nil();
            };
            message.state.lockExpiry = integerOrZero(field(1));
            message.state.backoffExpiry = integerOrZero(field(2));
            message.state.attempts = integerOrZero(field(3));
            message.state.enqueuedAt = integerOrZero(field(4));
            const qsizetype base = 5 + i * stride;
            message.state.done = replies.value(base).integerValue() == 1;
            message.state.requeue
                = replies.value(base + 1).integerValue() == 1 || replies.value(base + 2).integerValue() == 1;
            if (m_tundra) {
                message.keyExists = replies.value(base + 3).integerValue() == 1;
                message.keyPttlMs = replies.value(base + 4).integerValue();
                message.evictable = replies.value(base + 5).integerValue() == 1;
            }
            contents.append(message.content);
            rows.append(std::move(message));
        }
        m_cursor = cursor;
        int firstRow = 0;
        if (m_replaceOnNextPage) {
            ++m_rowsEpoch;
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
        } else if (!rows.isEmpty()) {
            firstRow = int(m_rows.size());
            beginInsertRows({}, firstRow, firstRow + int(rows.size()) - 1);
            m_rows += std::move(rows);
            endInsertRows();
        }
        m_replaceOnNextPage = false;
        emit pageLoaded(int(page.size()));
        if (!contents.isEmpty())
            decodeContents(m_rowsEpoch, firstRow, std::move(contents));
    });
}

void QueueMessageModel::decodeContents(quint64 rowsEpoch, int firstRow, QList<QByteArray> contents)
{
    struct Decoded {
        QString edn;
        QString error;
    };
    auto promise = std::make_shared<QPromise<QList<Decoded>>>();
    QFuture<QList<Decoded>> future = promise->future();
    promise->start();
    runInPool([promise, contents = std::move(contents)] { // the hand-over visible to TSan (util/posting.h)
        static const formats::NippyFormat nippy;
        QList<Decoded> result;
        result.reserve(contents.size());
        for (const QByteArray& bytes : contents) {
            if (nippy.detect(bytes) <= 0) {
                result.append({ {}, QueueMessageModel::tr("Not Nippy-framed; shown as text.") });
                continue;
            }
            const formats::DecodedValue value = nippy.decode(bytes);
            result.append({ value.ok ? value.text : QString(), value.ok ? QString() : value.error });
        }
        promise->addResult(std::move(result));
        promise->finish();
    });
    // A watcher owned by the model, not then(context): Qt 6.4 asserts when a continuation's context
    // dies first, and the model may be closed while a page is decoded.
    auto* watcher = new QFutureWatcher<QList<Decoded>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, rowsEpoch, firstRow] {
        watcher->deleteLater();
        const QList<Decoded> decoded = watcher->result();
        // Pages loaded later are appended after these rows; only a reset makes them stale.
        if (rowsEpoch != m_rowsEpoch || m_rows.size() < firstRow + decoded.size())
            return;
        for (qsizetype i = 0; i < decoded.size(); ++i) {
            Message& message = m_rows[firstRow + i];
            message.edn = decoded.at(i).edn;
            message.decodeError = decoded.at(i).error;
            message.decoded = true;
        }
        if (!decoded.isEmpty())
            emit dataChanged(index(firstRow, ContentColumn), index(firstRow + int(decoded.size()) - 1, ContentColumn));
        emit contentDecoded();
    });
    watcher->setFuture(future);
}

int QueueMessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueMessageModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return m_tundra ? TundraColumnCount : ContentColumn + 1;
}

QVariant QueueMessageModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Message& m = m_rows.at(index.row());
    const qint64 now = serverNowMs();
    const MessageStatus st = deriveMessageStatus(m.state, now, rules());
    switch (role) {
    case MidRole:
        return m.mid;
    case StatusRole:
        return int(st);
    case ContentTextRole:
        return m.edn.isEmpty() ? RedisText::escape(m.content) : m.edn;
    case DecodeErrorRole:
        return m.decodeError;
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn || index.column() == BackoffColumn || index.column() == LockColumn
            || index.column() == AgeColumn || index.column() == KeyPttlColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return messageStatusDescription(st, rules());
        if (index.column() == ContentColumn) {
            const QString text = data(index, ContentTextRole).toString().left(2000);
            return m.decodeError.isEmpty() ? text : m.decodeError + QStringLiteral("\n\n") + text;
        }
        if (index.column() == AttemptsColumn) {
            // taoensso/carmine src/taoensso/carmine/tundra.clj:233-257: the worker retries while
            // attempt <= nattempts (3 by default).
            return m_tundra ? tr("%n handler run(s) so far. Tundra retries while the attempt is at most its "
                                 "nattempts (3 by default, so up to 4 runs), then gives up.",
                                  nullptr, int(m.state.attempts))
                            : tr("%n handler run(s) so far.", nullptr, int(m.state.attempts));
        }
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    const auto left = [&](qint64 expiry) -> QVariant {
        const qint64 ms = expiry > now ? expiry - now : 0;
        if (sort)
            return ms;
        return ms > 0 ? LockModel::formatDuration(ms) : QString();
    };
    switch (index.column()) {
    case MidColumn:
        return RedisText::escape(m.mid);
    case StatusColumn:
        return sort ? QVariant(int(st)) : QVariant(MessageStatusText::keyword(st));
    case AttemptsColumn:
        return sort ? QVariant(m.state.attempts) : QVariant(QString::number(m.state.attempts));
    case BackoffColumn:
        return left(m.state.backoffExpiry);
    case LockColumn:
        return left(m.state.done ? 0 : m.state.lockExpiry);
    case AgeColumn:
        if (m.state.enqueuedAt <= 0)
            return sort ? QVariant(qint64(-1)) : QVariant(QString());
        return sort ? QVariant(now - m.state.enqueuedAt)
                    : QVariant(LockModel::formatDuration(qMax<qint64>(0, now - m.state.enqueuedAt)));
    case ContentColumn: {
        if (!m.decoded && m.edn.isEmpty() && !sort)
            return tr("decoding...");
        QString text = m.edn.isEmpty() ? RedisText::escape(m.content.left(shownContentChars * 4)) : m.edn;
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        text = text.simplified();
        if (text.size() > shownContentChars)
            text = text.left(shownContentChars) + QStringLiteral("…");
        return text;
    }
    case KeyExistsColumn:
        return sort ? QVariant(m.keyExists) : QVariant(m.keyExists ? tr("yes") : tr("missing"));
    case KeyPttlColumn:
        if (sort)
            return m.keyPttlMs;
        if (m.keyPttlMs == -2)
            return QStringLiteral("—");
        return m.keyPttlMs == -1 ? tr("no expiry") : LockModel::formatDuration(m.keyPttlMs);
    case EvictableColumn:
        return sort ? QVariant(m.evictable) : QVariant(m.evictable ? tr("yes") : tr("no"));
    }
    return {};
}

QVariant QueueMessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MidColumn:
        return m_tundra ? tr("Dirty key (mid)") : tr("Message id");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case BackoffColumn:
        return tr("Backoff left");
    case LockColumn:
        return tr("Lock left");
    case AgeColumn:
        return tr("Age");
    case ContentColumn:
        return tr("Content");
    case KeyExistsColumn:
        return tr("Key in Redis");
    case KeyPttlColumn:
        return tr("Key PTTL");
    case EvictableColumn:
        return tr("Evictable");
    }
    return {};
}

} // namespace vermilion
