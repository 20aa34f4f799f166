#include "monitormodel.h"

#include "globmatch.h"
#include "util/redistext.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace vermilion {

namespace {
QString timeText(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000).toString(QStringLiteral("HH:mm:ss.zzz"))
        + QString::number((us % 1000) / 100);
}
QString csvField(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

MonitorModel::MonitorModel(QObject* parent)
    : StreamTableModel<MonitorLine>(parent)
    , m_rateTimer(new QTimer(this))
{
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, &MonitorModel::updateRate);
    m_rateTimer->start();
    m_rateClock.start();
}

int MonitorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MonitorModel::argumentsText(const MonitorLine& line)
{
    QString text;
    for (qsizetype i = 1; i < line.arguments.size(); ++i) {
        if (i > 1)
            text += QLatin1Char(' ');
        text += RedisText::escape(line.arguments.at(i), RedisText::Quoting::IfNeeded);
        if (text.size() > 2000) {
            text += QChar(0x2026);
            break;
        }
    }
    return text;
}

QVariant MonitorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MonitorLine& line = rowAt(index.row());
    if (role == SourceRole)
        return int(line.source);
    const bool special = line.source == MonitorLine::Source::Gap || line.source == MonitorLine::Source::Unparsed;
    if (role == Qt::ToolTipRole && index.column() == ArgumentsColumn)
        return special ? QString::fromUtf8(line.client) : argumentsText(line).left(4000);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return timeText(line.timestampUs);
    case DatabaseColumn:
        return special ? QString() : QString::number(line.database);
    case ClientColumn:
        if (line.source == MonitorLine::Source::Gap)
            return tr("(reconnected)");
        if (line.source == MonitorLine::Source::Unparsed)
            return tr("(unreadable line)");
        if (line.source == MonitorLine::Source::Lua)
            return tr("Lua script");
        return RedisText::escape(line.client);
    case CommandColumn:
        return special ? QString() : RedisText::escape(line.command().toUpper());
    case ArgumentsColumn:
        return special ? RedisText::escape(line.client) : argumentsText(line);
    case NodeColumn:
        return line.node;
    default:
        return {};
    }
}

QVariant MonitorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DatabaseColumn:
        return tr("DB");
    case ClientColumn:
        return tr("Client");
    case CommandColumn:
        return tr("Command");
    case ArgumentsColumn:
        return tr("Arguments");
    case NodeColumn:
        return tr("Node");
    default:
        return {};
    }
}

void MonitorModel::add(const MonitorBatch& batch)
{
    m_droppedBefore += batch.dropped;
    std::vector<MonitorLine> lines(batch.lines.cbegin(), batch.lines.cend());
    append(std::move(lines));
}

void MonitorModel::setFilter(const Filter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
    emit countsChanged();
}

QList<QByteArray> MonitorModel::parseCommandList(const QString& text)
{
    QList<QByteArray> commands;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString& part : parts)
        commands.append(part.toUpper().toUtf8());
    return commands;
}

bool MonitorModel::filterActive() const
{
    return !m_filter.commands.isEmpty() || !m_filter.keyPattern.isEmpty() || !m_filter.client.isEmpty()
        || m_filter.database >= 0;
}

bool MonitorModel::accepts(const MonitorLine& line) const
{
    if (line.source == MonitorLine::Source::Gap)
        return true; // a hole is worth seeing whatever the filter
    if (m_filter.database >= 0 && line.database != m_filter.database)
        return false;
    if (!m_filter.commands.isEmpty() && !m_filter.commands.contains(line.command().toUpper()))
        return false;
    if (!m_filter.client.isEmpty() && !QString::fromUtf8(line.client).contains(m_filter.client, Qt::CaseInsensitive)
        && !line.node.contains(m_filter.client, Qt::CaseInsensitive))
        return false;
    if (!m_filter.keyPattern.isEmpty()) {
        bool any = false;
        for (qsizetype i = 1; i < line.arguments.size() && !any; ++i)
            any = Glob::matches(m_filter.keyPattern, line.arguments.at(i));
        if (!any)
            return false;
    }
    return true;
}

void MonitorModel::updateRate()
{
    const double seconds = double(m_rateClock.restart()) / 1000.0;
    const qint64 now = received() + m_droppedBefore;
    if (seconds > 0)
        m_rate = double(now - m_lastCount) / seconds;
    m_lastCount = now;
    emit countsChanged();
}

bool MonitorModel::exportJsonLines(QIODevice* device) const
{
    bool ok = true;
    forEachShown([&](const MonitorLine& line) {
        if (!ok)
            return;
        QJsonObject object;
        object.insert(QStringLiteral("time"),
            QDateTime::fromMSecsSinceEpoch(line.timestampUs / 1000).toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("time_us"), line.timestampUs);
        object.insert(QStringLiteral("db"), line.database);
        object.insert(QStringLiteral("client"), RedisText::escape(line.client));
        if (!line.node.isEmpty())
            object.insert(QStringLiteral("node"), line.node);
        QJsonArray arguments;
        for (const QByteArray& argument : line.arguments)
            arguments.append(RedisText::escape(argument));
        object.insert(QStringLiteral("args"), arguments);
        ok = device->write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n') >= 0;
    });
    return ok;
}

bool MonitorModel::exportCsv(QIODevice* device) const
{
    bool ok = device->write("time,db,client,command,arguments,node\r\n") >= 0;
    forEachShown([&](const MonitorLine& line) {
        if (!ok)
            return;
        const QString text = csvField(QDateTime::fromMSecsSinceEpoch(line.timestampUs / 1000).toString(Qt::ISODateWithMs))
            + QLatin1Char(',') + QString::number(line.database) + QLatin1Char(',')
            + csvField(RedisText::escape(line.client)) + QLatin1Char(',')
            + csvField(RedisText::escape(line.command())) + QLatin1Char(',') + csvField(argumentsText(line))
            + QLatin1Char(',') + csvField(line.node) + QLatin1String("\r\n");
        ok = device->write(text.toUtf8()) >= 0;
    });
    return ok;
}

} // namespace vermilion
