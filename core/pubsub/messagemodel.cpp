#include "messagemodel.h"

#include "formats/valueformat.h"
#include "util/redistext.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace vermilion {

namespace {
constexpr qsizetype cellChars = 400;

QString oneLine(const QString& text)
{
    QString line = text.left(cellChars * 2).simplified();
    if (line.size() > cellChars) {
        line.truncate(cellChars);
        line += QChar(0x2026);
    }
    return line;
}

QString csvField(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

MessageModel::MessageModel(QObject* parent)
    : StreamTableModel<PaneMessage>(parent)
{
}

int MessageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageModel::formatTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString MessageModel::decode(const QByteArray& payload, const QString& decoder, bool pretty)
{
    using formats::FormatRegistry;
    const formats::ValueFormat* format = nullptr;
    if (decoder.isEmpty() || decoder == QLatin1String("auto")) {
        format = FormatRegistry::instance().detect(payload);
        // Text and bytes that are no known format read best as redis-cli shows them.
        if (format && (format->id() == QLatin1String("text") || format->id() == QLatin1String("hex")))
            format = nullptr;
    } else if (decoder != QLatin1String("text")) {
        format = FormatRegistry::instance().find(decoder);
    }
    if (format) {
        const formats::DecodedValue value = format->decode(payload);
        if (value.ok)
            return pretty ? value.text : oneLine(value.text);
        if (pretty)
            return tr("(not %1: %2)\n%3").arg(format->name(), value.error, RedisText::escape(payload));
    }
    const QString escaped = RedisText::escape(payload);
    return pretty ? escaped : oneLine(escaped);
}

QString MessageModel::describe(const PubSubMessage& message)
{
    switch (message.kind) {
    case PubSubMessage::Kind::Subscribed:
        return tr("subscribed (%n subscription(s) on this connection)", nullptr, int(message.count));
    case PubSubMessage::Kind::Unsubscribed:
        return tr("unsubscribed (%n subscription(s) left)", nullptr, int(message.count));
    case PubSubMessage::Kind::PatternSubscribed:
        return tr("pattern subscribed (%n subscription(s) on this connection)", nullptr, int(message.count));
    case PubSubMessage::Kind::PatternUnsubscribed:
        return tr("pattern unsubscribed (%n subscription(s) left)", nullptr, int(message.count));
    case PubSubMessage::Kind::Gap:
        return QString::fromUtf8(message.payload);
    case PubSubMessage::Kind::Error:
        return tr("Server error: %1").arg(QString::fromUtf8(message.payload));
    case PubSubMessage::Kind::Message:
    case PubSubMessage::Kind::PatternMessage:
        break;
    }
    return {};
}

QVariant MessageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaneMessage& row = rowAt(index.row());
    const PubSubMessage& message = row.message;
    switch (role) {
    case ColourRole:
        return row.colour;
    case KindRole:
        return int(message.kind);
    case RawPayloadRole:
        return message.payload;
    case ChannelBytesRole:
        return message.channel;
    case DecodedRole:
        return message.isMessage() ? decode(message.payload, row.decoder, true) : describe(message);
    case Qt::ToolTipRole:
        if (index.column() == PayloadColumn)
            return (message.isMessage() ? decode(message.payload, row.decoder, true) : describe(message))
                .left(4000);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return formatTime(message.timestampMs);
    case ChannelColumn:
        return message.kind == PubSubMessage::Kind::Gap ? tr("(reconnected)") : RedisText::escape(message.channel);
    case PatternColumn:
        return RedisText::escape(message.pattern);
    case PayloadColumn:
        return message.isMessage() ? decode(message.payload, row.decoder, false) : describe(message);
    case SizeColumn:
        return message.isMessage() ? QLocale().formattedDataSize(message.payload.size(), 1, QLocale::DataSizeTraditionalFormat) : QString();
    default:
        return {};
    }
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ChannelColumn:
        return tr("Channel");
    case PatternColumn:
        return tr("Pattern");
    case PayloadColumn:
        return tr("Payload");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

void MessageModel::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_searchBytes = RedisText::unescape(text).toLower();
    refilter();
    emit countsChanged();
}

bool MessageModel::accepts(const PaneMessage& row) const
{
    const PubSubMessage& message = row.message;
    if (message.channel.toLower().contains(m_searchBytes) || message.pattern.toLower().contains(m_searchBytes))
        return true;
    if (message.payload.toLower().contains(m_searchBytes))
        return true;
    // Decoded forms (pretty JSON, msgpack, Nippy) and confirmations as shown.
    const QString shown = message.isMessage() ? decode(message.payload, row.decoder, true) : describe(message);
    return shown.contains(m_search, Qt::CaseInsensitive);
}

QJsonObject MessageModel::toJson(const PaneMessage& row)
{
    const PubSubMessage& message = row.message;
    QJsonObject object;
    object.insert(QStringLiteral("time"),
        QDateTime::fromMSecsSinceEpoch(message.timestampMs).toString(Qt::ISODateWithMs));
    static const char* const kinds[] = { "message", "pmessage", "subscribe", "unsubscribe", "psubscribe",
        "punsubscribe", "gap", "error" };
    object.insert(QStringLiteral("kind"), QLatin1String(kinds[int(message.kind)]));
    object.insert(QStringLiteral("channel"), RedisText::escape(message.channel));
    if (!message.pattern.isEmpty())
        object.insert(QStringLiteral("pattern"), RedisText::escape(message.pattern));
    if (message.isMessage()) {
        // Escaped as redis-cli does: binary payloads survive the trip and can be unescaped.
        object.insert(QStringLiteral("payload"), RedisText::escape(message.payload));
        object.insert(QStringLiteral("size"), message.payload.size());
    } else {
        object.insert(QStringLiteral("text"), describe(message));
    }
    return object;
}

bool MessageModel::exportJsonLines(QIODevice* device) const
{
    bool ok = true;
    forEachShown([&](const PaneMessage& row) {
        if (ok)
            ok = device->write(QJsonDocument(toJson(row)).toJson(QJsonDocument::Compact) + '\n') >= 0;
    });
    return ok;
}

bool MessageModel::exportCsv(QIODevice* device) const
{
    bool ok = device->write("time,kind,channel,pattern,payload,size\r\n") >= 0;
    forEachShown([&](const PaneMessage& row) {
        if (!ok)
            return;
        const QJsonObject object = toJson(row);
        const QString line = csvField(object.value(QStringLiteral("time")).toString()) + QLatin1Char(',')
            + csvField(object.value(QStringLiteral("kind")).toString()) + QLatin1Char(',')
            + csvField(object.value(QStringLiteral("channel")).toString()) + QLatin1Char(',')
            + csvField(object.value(QStringLiteral("pattern")).toString()) + QLatin1Char(',')
            + csvField(row.message.isMessage() ? object.value(QStringLiteral("payload")).toString()
                                               : object.value(QStringLiteral("text")).toString())
            + QLatin1Char(',') + QString::number(row.message.isMessage() ? row.message.payload.size() : 0)
            + QLatin1String("\r\n");
        ok = device->write(line.toUtf8()) >= 0;
    });
    return ok;
}

} // namespace vermilion
