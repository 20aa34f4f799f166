#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace vermilion {

// One row of a pane's handler table, modelled on Carmine's listener handler map: keyed by a channel
// name or a glob pattern, with what to do with the messages dispatched to it.
struct HandlerRule {
    QByteArray key; // a channel, a pattern, or "*"
    bool show = true; // false: hidden from the view (still counted, notified, logged)
    bool countOnly = false; // only counted: not shown, not notified, not logged
    QString colour; // "#rrggbb" for the row's text, empty = the palette's
    QString decoder = QStringLiteral("auto"); // "auto" or a FormatRegistry id ("text", "json", "hex", "msgpack", ...)
    bool notify = false; // a desktop notification
    int notifyIntervalSeconds = 10; // at most one notification per rule per interval
    QString logFile; // JSON lines appended here when set

    QJsonObject toJson() const;
    static HandlerRule fromJson(const QJsonObject& object);
    bool operator==(const HandlerRule&) const = default;
};

} // namespace vermilion
