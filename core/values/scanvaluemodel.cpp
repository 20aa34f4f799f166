#include "scanvaluemodel.h"

namespace vermilion {

void ScanValueModel::setMatchPattern(const QByteArray& pattern)
{
    m_match = pattern;
    reload();
}

void ScanValueModel::reload()
{
    beginResetModel();
    startGeneration();
    m_rows.clear();
    m_rowOf.clear();
    m_cursor = "0";
    m_finished = false;
    m_fetching = false;
    endResetModel();
    // The first page is asked for at once rather than when a view asks: opening shows it sooner.
    requestPage();
}

int ScanValueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool ScanValueModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_finished;
}

void ScanValueModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid())
        requestPage();
}

void ScanValueModel::requestPage()
{
    if (m_fetching || m_finished)
        return;
    m_fetching = true;
    setLoading(true);
    Command scan { scanCommand(), key(), m_cursor };
    if (!m_match.isEmpty() && m_match != "*")
        scan << "MATCH" << m_match;
    scan << "COUNT" << QByteArray::number(pageSize);
    fetch({ scan }, [this](const QList<Reply>& replies) {
        const Reply& page = replies.first();
        if (!page.isArray() || page.size() != 2 || !page.at(1).isArray()) {
            m_fetching = false;
            setLoading(false);
            emit errorOccurred(
                tr("The server sent an unexpected reply to %1.").arg(QString::fromLatin1(scanCommand())));
            return;
        }
        m_cursor = page.at(0).bytes();
        m_finished = m_cursor == "0";
        const QList<Reply>& items = page.at(1).elements();
        const int step = pairs() ? 2 : 1;
        QList<Row> fresh;
        fresh.reserve(items.size() / step);
        for (qsizetype i = 0; i + step - 1 < items.size(); i += step) {
            const QByteArray& first = items.at(i).bytes();
            if (m_rowOf.contains(first))
                continue;
            m_rowOf.insert(first, int(m_rows.size() + fresh.size()));
            fresh.append({ first, step == 2 ? items.at(i + 1).bytes() : QByteArray() });
        }
        // m_fetching stays set while rows are inserted: a view reacting to the insertion may call
        // fetchMore(), which must not ask again for the cursor being consumed.
        if (!fresh.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
            m_rows.append(fresh);
            endInsertRows();
        }
        m_fetching = false;
        // With MATCH a page can be empty while more remains; a view only asks again when it sees
        // new rows, so keep going until something shows or the scan ends.
        if (fresh.isEmpty() && !m_finished) {
            requestPage();
            return;
        }
        setLoading(false);
    });
}

void ScanValueModel::updateSecond(const QByteArray& first, const QByteArray& second)
{
    const int row = rowOf(first);
    if (row < 0)
        return;
    m_rows[row].second = second;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void ScanValueModel::appendOrUpdate(const QByteArray& first, const QByteArray& second)
{
    if (rowOf(first) >= 0) {
        updateSecond(first, second);
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({ first, second });
    m_rowOf.insert(first, row);
    endInsertRows();
}

void ScanValueModel::removeFirst(const QByteArray& first)
{
    const int row = rowOf(first);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_rowOf.remove(first);
    for (auto it = m_rowOf.begin(); it != m_rowOf.end(); ++it) {
        if (it.value() > row)
            --it.value();
    }
    endRemoveRows();
}

} // namespace vermilion
