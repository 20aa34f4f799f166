#include "streammodel.h"

#include "client/session.h"
#include "util/posting.h"
#include "util/redistext.h"

namespace vermilion {

StreamModel::StreamModel(Session* session, const QByteArray& key, QObject* parent)
    : ValueModel(session, key, "stream", parent)
{
}

void StreamModel::setOrder(Order order)
{
    m_order = order;
    reload();
}

int StreamModel::rowOfId(const QByteArray& id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return int(i);
    }
    return -1;
}

void StreamModel::reload()
{
    m_revealing.clear();
    beginResetModel();
    startGeneration();
    m_entries.clear();
    m_finished = false;
    m_fetching = false;
    endResetModel();
    requestPage();
}

void StreamModel::requestPage()
{
    if (m_fetching || m_finished)
        return;
    m_fetching = true;
    setLoading(true);
    // Exclusive ranges ("(id") continue after the last entry loaded without repeating it.
    const QByteArray after = m_entries.isEmpty() ? QByteArray() : "(" + m_entries.constLast().id;
    Command command;
    if (m_order == Order::NewestFirst)
        command = { "XREVRANGE", key(), after.isEmpty() ? QByteArray("+") : after, "-" };
    else
        command = { "XRANGE", key(), after.isEmpty() ? QByteArray("-") : after, "+" };
    // A reveal reads bigger pages: it may have to go a long way into the stream.
    command << "COUNT" << QByteArray::number(m_revealing.isEmpty() ? pageSize : revealPageSize);
    const int wanted = m_revealing.isEmpty() ? pageSize : revealPageSize;
    fetch({ command }, [this, wanted](const QList<Reply>& replies) {
        // A reveal's pages hold thousands of entries: they are taken apart in the pool, which also
        // lets the reply go there, and only the rows are inserted here. m_fetching stays set until
        // then, so no second page is asked for meanwhile.
        runInPoolFor(
            this, [page = replies.first()] { return parsePage(page); },
            [this, ticket = generation(), finished = replies.first().size() < wanted](QList<Entry> fresh) {
                if (generation() == ticket)
                    appendPage(std::move(fresh), finished);
            });
    });
}

QList<StreamModel::Entry> StreamModel::parsePage(const Reply& page)
{
    QList<Entry> entries;
    entries.reserve(page.size());
    for (const Reply& entry : page.elements()) {
        if (!entry.isArray() || entry.size() != 2)
            continue;
        Entry parsed { entry.at(0).bytes(), {} };
        const Reply& flat = entry.at(1);
        parsed.fields.reserve(flat.size() / 2);
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            parsed.fields.append({ flat.at(i).bytes(), flat.at(i + 1).bytes() });
        entries.append(std::move(parsed));
    }
    return entries;
}

void StreamModel::appendPage(QList<Entry> fresh, bool finished)
{
    // m_fetching stays set while rows are inserted: a view (or model tester) reacting to the
    // insertion may call fetchMore(), which must not ask for the page being added.
    m_finished = finished;
    const qsizetype firstNewRow = m_entries.size();
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + fresh.size() - 1));
        m_entries.append(std::move(fresh));
        endInsertRows();
    }
    m_fetching = false;
    setLoading(false);
    continueReveal(firstNewRow);
}

void StreamModel::reveal(const QByteArray& id)
{
    m_revealing = id;
    continueReveal(0);
}

void StreamModel::continueReveal(qsizetype firstNewRow)
{
    if (m_revealing.isEmpty())
        return;
    for (qsizetype row = firstNewRow; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == m_revealing) {
            const QByteArray id = std::exchange(m_revealing, {});
            emit revealed(id, int(row));
            return;
        }
    }
    if (m_finished) {
        const QByteArray id = std::exchange(m_revealing, {});
        emit revealed(id, -1);
        return;
    }
    requestPage();
}

void StreamModel::refreshInfo()
{
    const JobTracker::Ticket requested = m_infoJobs.next();
    fetch(
        { { "XINFO", "STREAM", key() }, { "XINFO", "GROUPS", key() } }, [this, requested](const QList<Reply>& replies) {
            if (m_infoJobs.isStale(requested))
                return;
            StreamInfo info = StreamInfo::fromStreamReply(replies.at(0));
            info.groups = StreamInfo::groupsFromReply(replies.at(1));
            if (info.groups.isEmpty()) {
                m_info = info;
                emit infoChanged(m_info);
                return;
            }
            QList<Command> consumers;
            for (const StreamInfo::Group& group : std::as_const(info.groups))
                consumers.append({ "XINFO", "CONSUMERS", key(), group.name });
            fetch(consumers, [this, requested, info](const QList<Reply>& replies) mutable {
                if (m_infoJobs.isStale(requested))
                    return;
                for (qsizetype i = 0; i < info.groups.size() && i < replies.size(); ++i)
                    info.groups[i].consumerList = StreamInfo::consumersFromReply(replies.at(i));
                m_info = info;
                emit infoChanged(m_info);
            });
        });
}

int StreamModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int StreamModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StreamModel::fieldsText(const Fields& fields, bool oneLine)
{
    QStringList parts;
    parts.reserve(fields.size());
    for (const auto& [field, value] : fields)
        parts.append(
            displayText(field) + QStringLiteral(": ") + (oneLine ? displayText(value) : RedisText::escape(value)));
    return parts.join(oneLine ? QStringLiteral(", ") : QStringLiteral("\n"));
}

QVariant StreamModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == IdColumn ? QString::fromLatin1(entry.id) : fieldsText(entry.fields, true);
    case RawRole:
        return index.column() == IdColumn ? entry.id : fieldsText(entry.fields, false).toUtf8();
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant StreamModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == IdColumn ? tr("ID") : tr("Fields");
}

bool StreamModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_finished;
}

void StreamModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid())
        requestPage();
}

void StreamModel::addEntry(const Fields& fields)
{
    if (fields.isEmpty()) {
        emit errorOccurred(tr("A stream entry needs at least one field."));
        return;
    }
    Command xadd { "XADD", "*" };
    for (const auto& [field, value] : fields)
        xadd << field << value;
    runGuarded(xadd, [this](const Reply& id) {
        emit entryAdded(id.bytes());
        reload();
        refreshInfo();
    });
}

void StreamModel::removeEntry(const QByteArray& id)
{
    runGuarded({ "XDEL", id }, [this, id](const Reply&) {
        const int row = rowOfId(id);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
        }
        refreshInfo();
    });
}

} // namespace vermilion
