#pragma once

#include "valuemodel.h"

#include <QHash>
#include <QList>

namespace vermilion {

// A model filled by a cursor scan (HSCAN, SSCAN): pages of about pageSize elements are appended as
// the view asks for more (canFetchMore / fetchMore), so opening a huge key costs one page. Only what
// was fetched is kept: a user who scrolls through a million fields ends up holding a million rows,
// which is what they asked to see; nothing beyond the scrolled part is ever loaded. A scan may return
// an element twice (the server rehashes meanwhile); duplicates are dropped.
class ScanValueModel : public ValueModel {
    Q_OBJECT
public:
    static constexpr int pageSize = 500;

    using ValueModel::ValueModel;

    // A glob pattern (MATCH); empty = everything. Restarts the scan.
    void setMatchPattern(const QByteArray& pattern);
    QByteArray matchPattern() const { return m_match; }
    bool isFinished() const { return m_finished; }

    void reload() override;
    int rowCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

protected:
    struct Row {
        QByteArray first; // field or member
        QByteArray second; // hash value
    };
    virtual QByteArray scanCommand() const = 0;
    virtual bool pairs() const = 0; // two items per element (HSCAN) or one (SSCAN)

    const Row& rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const QByteArray& first) const { return m_rowOf.value(first, -1); }
    // Local changes after an applied edit, so the view need not reload.
    void updateSecond(const QByteArray& first, const QByteArray& second);
    void appendOrUpdate(const QByteArray& first, const QByteArray& second);
    void removeFirst(const QByteArray& first);

private:
    void requestPage();

    QList<Row> m_rows;
    QHash<QByteArray, int> m_rowOf;
    QByteArray m_match;
    QByteArray m_cursor = "0";
    bool m_finished = false;
    bool m_fetching = false;
};

} // namespace vermilion
