#pragma once

#include "pagedvaluemodel.h"

namespace vermilion {

// A sorted set as (Member, Score), read lazily by rank (ZCARD rows, ZRANGE ... WITHSCORES pages) or,
// in score-range mode, by position inside [min, max] (ZCOUNT rows, ZRANGEBYSCORE ... LIMIT pages).
// The vertical header is the rank (or the position in the range).
class ZSetModel : public PagedValueModel {
    Q_OBJECT
public:
    enum Column { MemberColumn, ScoreColumn, ColumnCount };

    ZSetModel(Session* session, const QByteArray& key, QObject* parent = nullptr);

    // Bounds as ZRANGEBYSCORE takes them: "1.5", "(1.5" (exclusive), "-inf", "+inf". Reloads.
    void setScoreRange(const QByteArray& min, const QByteArray& max);
    void setRankMode(); // back to every member by rank; reloads
    bool isScoreRange() const { return m_scoreRange; }
    QByteArray minScore() const { return m_min; }
    QByteArray maxScore() const { return m_max; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Member and score at a row, if its page is loaded.
    bool entryAt(int row, QByteArray* member, QByteArray* score) const;

    void setScore(const QByteArray& member, const QByteArray& shownScore, const QByteArray& newScore,
        EditMode mode = EditMode::Checked);
    // Adds a member that must not exist yet (Checked) or sets its score anyway (Force).
    void add(const QByteArray& member, const QByteArray& score, EditMode mode = EditMode::Checked);
    void remove(const QByteArray& member);

protected:
    Command countCommand() const override;
    Command pageCommand(qint64 start, int count) const override;
    QList<Row> parsePage(const Reply& reply) const override;

private:
    bool m_scoreRange = false;
    QByteArray m_min = "-inf";
    QByteArray m_max = "+inf";
};

} // namespace vermilion
