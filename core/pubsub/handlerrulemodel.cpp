#include "handlerrulemodel.h"

#include "globmatch.h"
#include "util/redistext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace vermilion {

HandlerRuleModel::HandlerRuleModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_rateTimer(new QTimer(this))
{
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, &HandlerRuleModel::updateRates);
    m_rateTimer->start();
    m_rateClock.start();
}

int HandlerRuleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int HandlerRuleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HandlerRuleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HandlerRule& rule = m_rules.at(index.row());
    const Counter& counter = m_counters.at(size_t(index.row()));
    if (role == RuleKeyRole)
        return rule.key;
    const auto check = [](bool on) { return on ? Qt::Checked : Qt::Unchecked; };
    switch (index.column()) {
    case KeyColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return RedisText::escape(rule.key);
        if (role == Qt::ToolTipRole)
            return rule.key == "*" ? tr("Every message no other rule takes")
                : Glob::isPattern(rule.key) ? tr("A glob pattern: the messages of this PSUBSCRIBE pattern, and "
                                                 "channels it matches that no exact rule takes")
                                            : tr("The messages of this channel");
        break;
    case ShowColumn:
        if (role == Qt::CheckStateRole)
            return check(rule.show);
        break;
    case CountOnlyColumn:
        if (role == Qt::CheckStateRole)
            return check(rule.countOnly);
        break;
    case ColourColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return rule.colour;
        break;
    case DecoderColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return rule.decoder;
        break;
    case NotifyColumn:
        if (role == Qt::CheckStateRole)
            return check(rule.notify);
        if (role == Qt::DisplayRole)
            return rule.notify ? tr("1 per %n s", nullptr, rule.notifyIntervalSeconds) : QString();
        if (role == Qt::EditRole)
            return rule.notifyIntervalSeconds;
        break;
    case LogColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)
            return rule.logFile;
        break;
    case MessagesColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(counter.messages);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RateColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(counter.rate, 'f', counter.rate < 10 ? 1 : 0);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

bool HandlerRuleModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    HandlerRule rule = m_rules.at(index.row());
    const bool checked = value.toInt() == Qt::Checked;
    switch (index.column()) {
    case KeyColumn: {
        if (role != Qt::EditRole)
            return false;
        const QByteArray key = RedisText::unescape(value.toString());
        if (key.isEmpty())
            return false;
        const int other = findRule(key);
        if (other >= 0 && other != index.row())
            return false; // one rule per key, as in a handler map
        rule.key = key;
        break;
    }
    case ShowColumn:
        if (role != Qt::CheckStateRole)
            return false;
        rule.show = checked;
        break;
    case CountOnlyColumn:
        if (role != Qt::CheckStateRole)
            return false;
        rule.countOnly = checked;
        break;
    case ColourColumn:
        if (role != Qt::EditRole)
            return false;
        rule.colour = value.toString();
        break;
    case DecoderColumn:
        if (role != Qt::EditRole)
            return false;
        rule.decoder = value.toString().isEmpty() ? QStringLiteral("auto") : value.toString();
        break;
    case NotifyColumn:
        if (role == Qt::CheckStateRole)
            rule.notify = checked;
        else if (role == Qt::EditRole)
            rule.notifyIntervalSeconds = qMax(1, value.toInt());
        else
            return false;
        break;
    case LogColumn:
        if (role != Qt::EditRole)
            return false;
        rule.logFile = value.toString();
        break;
    default:
        return false;
    }
    updateRule(index.row(), rule);
    return true;
}

QVariant HandlerRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Channel or pattern");
    case ShowColumn:
        return tr("Show");
    case CountOnlyColumn:
        return tr("Count only");
    case ColourColumn:
        return tr("Colour");
    case DecoderColumn:
        return tr("Decoder");
    case NotifyColumn:
        return tr("Notify");
    case LogColumn:
        return tr("Log file");
    case MessagesColumn:
        return tr("Messages");
    case RateColumn:
        return tr("Rate /s");
    default:
        return {};
    }
}

Qt::ItemFlags HandlerRuleModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    switch (index.column()) {
    case ShowColumn:
    case CountOnlyColumn:
        return flags | Qt::ItemIsUserCheckable;
    case NotifyColumn:
        return flags | Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    case MessagesColumn:
    case RateColumn:
        return flags;
    default:
        return flags | Qt::ItemIsEditable;
    }
}

void HandlerRuleModel::setRules(const QList<HandlerRule>& rules)
{
    beginResetModel();
    m_rules.clear();
    for (const HandlerRule& rule : rules) {
        if (!rule.key.isEmpty() && findRule(rule.key) < 0)
            m_rules.append(rule);
    }
    m_counters.assign(size_t(m_rules.size()), {});
    rebuildIndex();
    endResetModel();
    emit rulesEdited();
}

int HandlerRuleModel::addRule(const HandlerRule& rule)
{
    Q_ASSERT(!rule.key.isEmpty());
    const int existing = findRule(rule.key);
    if (existing >= 0) {
        updateRule(existing, rule);
        return existing;
    }
    const int row = int(m_rules.size());
    beginInsertRows({}, row, row);
    m_rules.append(rule);
    m_counters.emplace_back();
    rebuildIndex();
    endInsertRows();
    emit rulesEdited();
    return row;
}

void HandlerRuleModel::updateRule(int row, const HandlerRule& rule)
{
    if (row < 0 || row >= m_rules.size() || m_rules.at(row) == rule)
        return;
    m_rules[row] = rule;
    rebuildIndex();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit rulesEdited();
}

void HandlerRuleModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    m_counters.erase(m_counters.begin() + row);
    rebuildIndex();
    endRemoveRows();
    emit rulesEdited();
}

void HandlerRuleModel::moveRule(int from, int to)
{
    if (from < 0 || from >= m_rules.size() || to < 0 || to >= m_rules.size() || from == to)
        return;
    // beginMoveRows wants the destination as the row the item is inserted before.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return;
    m_rules.move(from, to);
    const Counter counter = m_counters.at(size_t(from));
    m_counters.erase(m_counters.begin() + from);
    m_counters.insert(m_counters.begin() + to, counter);
    rebuildIndex();
    endMoveRows();
    emit rulesEdited();
}

int HandlerRuleModel::findRule(const QByteArray& key) const
{
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).key == key)
            return row;
    }
    return -1;
}

void HandlerRuleModel::rebuildIndex()
{
    ++m_version;
    m_exact.clear();
    m_globs.clear();
    m_star = -1;
    for (int row = 0; row < m_rules.size(); ++row) {
        const QByteArray& key = m_rules.at(row).key;
        m_exact.insert(key, row);
        if (key == "*")
            m_star = row;
        else if (Glob::isPattern(key))
            m_globs.push_back(row);
    }
}

int HandlerRuleModel::dispatch(const PubSubMessage& message) const
{
    if (message.kind == PubSubMessage::Kind::PatternMessage) {
        if (const auto it = m_exact.constFind(message.pattern); it != m_exact.cend())
            return it.value();
    }
    if (const auto it = m_exact.constFind(message.channel); it != m_exact.cend()) {
        // A confirmation of "*" (PSUBSCRIBE *) names the star rule itself.
        return it.value();
    }
    for (const int row : m_globs) {
        if (Glob::matches(m_rules.at(row).key, message.channel))
            return row;
    }
    return m_star;
}

void HandlerRuleModel::count(int row, qint64 messages)
{
    if (row >= 0 && size_t(row) < m_counters.size())
        m_counters[size_t(row)].messages += messages;
}

void HandlerRuleModel::resetCounters()
{
    for (Counter& counter : m_counters)
        counter = {};
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, MessagesColumn), index(int(m_rules.size()) - 1, RateColumn), { Qt::DisplayRole });
}

void HandlerRuleModel::updateRates()
{
    const double seconds = double(m_rateClock.restart()) / 1000.0;
    if (seconds <= 0 || m_rules.isEmpty())
        return;
    for (Counter& counter : m_counters) {
        counter.rate = double(counter.messages - counter.atLastTick) / seconds;
        counter.atLastTick = counter.messages;
    }
    emit dataChanged(index(0, MessagesColumn), index(int(m_rules.size()) - 1, RateColumn), { Qt::DisplayRole });
}

QByteArray HandlerRuleModel::toJson() const
{
    QJsonArray array;
    for (const HandlerRule& rule : m_rules)
        array.append(rule.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<HandlerRule> HandlerRuleModel::rulesFromJson(const QByteArray& json, bool* ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && document.isArray();
    QList<HandlerRule> rules;
    const QJsonArray array = document.array();
    for (const QJsonValue& value : array)
        rules.append(HandlerRule::fromJson(value.toObject()));
    return rules;
}

} // namespace vermilion
