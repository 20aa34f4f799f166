#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>

namespace vermilion {

// One line of MONITOR output, e.g.
//   1700000000.123456 [0 127.0.0.1:52341] "SET" "key" "va\"l\x00ue"
//   1700000000.123456 [3 lua] "get" "k"             (a command run by a script)
//   1700000000.123456 [0 unix:/run/redis.sock] "PING"
//   1700000000.123456 [0 [::1]:6000] "GET" "k"       (IPv6 peers are bracketed)
struct MonitorLine {
    enum class Source : quint8 { Tcp, Unix, Lua, Gap, Unparsed };
    Source source = Source::Tcp;
    qint64 timestampUs = 0; // server time, microseconds since the epoch
    int database = 0;
    QByteArray client; // "127.0.0.1:52341", "unix:/path", "lua"; for Gap/Unparsed: the text
    QList<QByteArray> arguments; // the command and its arguments, unescaped
    QString node; // cluster: the node that ran it (set by MonitorGroup)

    QByteArray command() const { return arguments.isEmpty() ? QByteArray() : arguments.first(); }
};

namespace MonitorParser {
// Parses one line as the server sends it (without the leading '+' and the CRLF). Returns false,
// with a reason in *error when given, for anything that is not a MONITOR line.
bool parse(QByteArrayView line, MonitorLine* out, QString* error = nullptr);
// Parses the quoted, space-separated arguments (sdscatrepr's escapes: \\ \" \n \r \t \a \b \xHH).
bool parseArguments(QByteArrayView text, QList<QByteArray>* arguments, QString* error = nullptr);
} // namespace MonitorParser

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::MonitorLine)
