#include "slowlogmodel.h"

#include "client/session.h"

#include <QDateTime>
#include <algorithm>
#include <QLocale>

namespace vermilion {

SlowlogModel::SlowlogModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

QList<SlowlogModel::Entry> SlowlogModel::parse(const Reply& reply)
{
    QList<Entry> result;
    if (!reply.isArray())
        return result;
    for (const Reply& item : reply.elements()) {
        if (!item.isArray() || item.size() < 4)
            continue;
        Entry entry;
        entry.id = item.at(0).toInteger();
        entry.timeSeconds = item.at(1).toInteger();
        entry.durationUsec = item.at(2).toInteger();
        if (item.at(3).isArray()) {
            for (const Reply& argument : item.at(3).elements())
                entry.arguments.append(argument.bytes());
        }
        if (item.size() >= 6) {
            entry.clientAddress = item.at(4).bytes();
            entry.clientName = item.at(5).bytes();
        }
        result.append(entry);
    }
    return result;
}

void SlowlogModel::setEntries(const QList<Entry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

namespace {
    // "node: message" for each node that failed, one line each; the bare message on a single server.
    QString nodeErrors(const QList<Session::NodeReply>& replies)
    {
        QStringList lines;
        for (const Session::NodeReply& answer : replies) {
            if (answer.reply.isError())
                lines << (answer.node.isEmpty() ? answer.reply.errorMessage() : answer.node + QStringLiteral(": ") + answer.reply.errorMessage());
        }
        return lines.join(QLatin1Char('\n'));
    }
} // namespace

void SlowlogModel::refresh(int count)
{
    // A newer refresh drops this one's replies.
    m_session->executeOnEach(m_session->allNodes(), { "SLOWLOG", "GET", QByteArray::number(count) }, this,
                             m_jobs.guard([this](const QList<Session::NodeReply>& replies) {
        QList<Entry> merged;
        bool any = false;
        for (const Session::NodeReply& answer : replies) {
            if (answer.reply.isError())
                continue;
            any = true;
            QList<Entry> entries = parse(answer.reply);
            for (Entry& entry : entries)
                entry.node = answer.node;
            merged.append(entries);
        }
        // Newest first across nodes, as each node's own log is.
        std::stable_sort(merged.begin(), merged.end(), [](const Entry& a, const Entry& b) {
            return a.timeSeconds != b.timeSeconds ? a.timeSeconds > b.timeSeconds : a.id > b.id;
        });
        const QString errors = nodeErrors(replies);
        if (any || errors.isEmpty()) {
            setEntries(merged);
            emit refreshed();
        }
        if (!errors.isEmpty())
            emit errorOccurred(errors);
    }));
}

void SlowlogModel::reset()
{
    m_session->executeOnEach(m_session->allNodes(), { "SLOWLOG", "RESET" }, this,
                             [this](const QList<Session::NodeReply>& replies) {
        const QString errors = nodeErrors(replies);
        refresh();
        if (!errors.isEmpty())
            emit errorOccurred(errors);
    });
}

int SlowlogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

int SlowlogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SlowlogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == DurationColumn || index.column() == IdColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                              : QVariant();
    const bool display = role == Qt::DisplayRole || role == Qt::ToolTipRole;
    if (!display && role != SortRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return display ? QVariant(QString::number(entry.id)) : QVariant(entry.id);
    case TimeColumn:
        return display ? QVariant(QLocale().toString(QDateTime::fromSecsSinceEpoch(entry.timeSeconds), QLocale::ShortFormat))
                       : QVariant(entry.timeSeconds);
    case DurationColumn:
        return display ? QVariant(tr("%1 µs").arg(QLocale().toString(entry.durationUsec))) : QVariant(entry.durationUsec);
    case CommandColumn: {
        QStringList parts;
        for (const QByteArray& argument : entry.arguments)
            parts << QString::fromUtf8(argument);
        return parts.join(QLatin1Char(' '));
    }
    case ClientColumn:
        if (entry.clientName.isEmpty())
            return QString::fromUtf8(entry.clientAddress);
        return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(entry.clientAddress), QString::fromUtf8(entry.clientName));
    case NodeColumn:
        return entry.node;
    default:
        return {};
    }
}

QVariant SlowlogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TimeColumn:
        return tr("Time");
    case DurationColumn:
        return tr("Duration");
    case CommandColumn:
        return tr("Command and arguments");
    case ClientColumn:
        return tr("Client");
    case NodeColumn:
        return tr("Node");
    default:
        return {};
    }
}

} // namespace vermilion
