#pragma once

#include "handlerrule.h"
#include "pubsubmessage.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <vector>

class QTimer;

namespace vermilion {

// A pane's ordered handler rules, editable while messages flow, with live counters. Dispatch is
// Carmine's: the rule keyed by the pattern a message came through, else the rule keyed by its
// channel, else (our addition, in table order) the first glob rule matching the channel, else "*".
class HandlerRuleModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ShowColumn, CountOnlyColumn, ColourColumn, DecoderColumn, NotifyColumn, LogColumn,
        MessagesColumn, RateColumn, ColumnCount };
    enum Role { RuleKeyRole = Qt::UserRole + 1 };

    explicit HandlerRuleModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    const QList<HandlerRule>& rules() const { return m_rules; }
    const HandlerRule& rule(int row) const { return m_rules.at(row); }
    void setRules(const QList<HandlerRule>& rules);
    // Appends a rule; returns its row. A rule with the same key is replaced instead.
    int addRule(const HandlerRule& rule);
    void updateRule(int row, const HandlerRule& rule);
    void removeRule(int row);
    void moveRule(int from, int to);
    int findRule(const QByteArray& key) const;

    // The row of the rule a message is dispatched to, or -1 when no rule applies.
    int dispatch(const PubSubMessage& message) const;
    // Counts a message for a rule (row from dispatch()).
    void count(int row, qint64 messages = 1);
    qint64 messages(int row) const { return m_counters.at(row).messages; }
    double rate(int row) const { return m_counters.at(row).rate; }
    void resetCounters();
    // Changes whenever dispatch could answer differently (keys added, removed, edited or moved).
    quint64 version() const { return m_version; }

    QByteArray toJson() const;
    static QList<HandlerRule> rulesFromJson(const QByteArray& json, bool* ok = nullptr);

signals:
    // Any change to the rules themselves (not the counters): time to save them.
    void rulesEdited();

private:
    struct Counter {
        qint64 messages = 0;
        qint64 atLastTick = 0;
        double rate = 0;
    };
    void rebuildIndex();
    void updateRates();

    QList<HandlerRule> m_rules;
    std::vector<Counter> m_counters;
    QHash<QByteArray, int> m_exact;
    std::vector<int> m_globs;
    int m_star = -1;
    quint64 m_version = 0;
    QTimer* m_rateTimer = nullptr;
    QElapsedTimer m_rateClock;
};

} // namespace vermilion
