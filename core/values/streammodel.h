#pragma once

#include "streaminfo.h"
#include "valuemodel.h"

#include <QList>
#include <QPair>
#include "util/jobtracker.h"

namespace vermilion {

// A stream as (ID, Fields), newest entries first by default. Pages of pageSize entries come from
// XREVRANGE (or XRANGE, oldest first) starting after the last id loaded, appended through
// canFetchMore / fetchMore; only loaded entries are kept. Stream entries are immutable, so adding
// (XADD *) and deleting (XDEL) cannot lose an update; they only check the key is still a stream.
class StreamModel : public ValueModel {
    Q_OBJECT
public:
    static constexpr int pageSize = 200;
    static constexpr int revealPageSize = 5000;
    enum Column { IdColumn, FieldsColumn, ColumnCount };
    enum class Order { NewestFirst, OldestFirst };
    using Fields = QList<QPair<QByteArray, QByteArray>>;
    struct Entry {
        QByteArray id;
        Fields fields;
    };

    StreamModel(Session* session, const QByteArray& key, QObject* parent = nullptr);

    void setOrder(Order order); // reloads
    Order order() const { return m_order; }
    bool isFinished() const { return m_finished; }
    const Entry& entryAt(int row) const { return m_entries.at(row); }
    int rowOfId(const QByteArray& id) const;
    const StreamInfo& info() const { return m_info; }

    void reload() override;
    // XINFO STREAM, GROUPS and CONSUMERS per group; infoChanged follows.
    void refreshInfo();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void addEntry(const Fields& fields);
    void removeEntry(const QByteArray& id);
    // Loads pages until the entry with this id is in the model (a find's result), then emits
    // revealed() with its row, or -1 when the stream ended without it (deleted meanwhile).
    void reveal(const QByteArray& id);

    // "field: value" lines, escaped, as the Fields cell and the detail pane show an entry.
    static QString fieldsText(const Fields& fields, bool oneLine);

signals:
    void infoChanged(const vermilion::StreamInfo& info);
    void entryAdded(const QByteArray& id);
    void revealed(const QByteArray& id, int row);

private:
    void requestPage();
    // Any thread: an XRANGE page as entries.
    static QList<Entry> parsePage(const Reply& page);
    void appendPage(QList<Entry> fresh, bool finished);
    void continueReveal(qsizetype firstNewRow);

    QList<Entry> m_entries;
    Order m_order = Order::NewestFirst;
    bool m_finished = false;
    bool m_fetching = false;
    QByteArray m_revealing; // the id reveal() loads pages for
    StreamInfo m_info;
    JobTracker m_infoJobs;
};

} // namespace vermilion
