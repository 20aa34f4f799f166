#include "handlerrule.h"

#include "util/redistext.h"

namespace vermilion {

QJsonObject HandlerRule::toJson() const
{
    QJsonObject object;
    // Keys are binary-safe: kept in redis-cli's escaped form.
    object.insert(QStringLiteral("key"), RedisText::escape(key));
    object.insert(QStringLiteral("show"), show);
    object.insert(QStringLiteral("countOnly"), countOnly);
    object.insert(QStringLiteral("colour"), colour);
    object.insert(QStringLiteral("decoder"), decoder);
    object.insert(QStringLiteral("notify"), notify);
    object.insert(QStringLiteral("notifyIntervalSeconds"), notifyIntervalSeconds);
    object.insert(QStringLiteral("logFile"), logFile);
    return object;
}

HandlerRule HandlerRule::fromJson(const QJsonObject& object)
{
    HandlerRule rule;
    rule.key = RedisText::unescape(object.value(QStringLiteral("key")).toString());
    rule.show = object.value(QStringLiteral("show")).toBool(true);
    rule.countOnly = object.value(QStringLiteral("countOnly")).toBool(false);
    rule.colour = object.value(QStringLiteral("colour")).toString();
    rule.decoder = object.value(QStringLiteral("decoder")).toString(QStringLiteral("auto"));
    rule.notify = object.value(QStringLiteral("notify")).toBool(false);
    rule.notifyIntervalSeconds = qMax(1, object.value(QStringLiteral("notifyIntervalSeconds")).toInt(10));
    rule.logFile = object.value(QStringLiteral("logFile")).toString();
    return rule;
}

} // namespace vermilion
