#include "monitorline.h"

#include <QCoreApplication>

namespace vermilion::MonitorParser {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MonitorParser)
};

bool failWith(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

bool parseArguments(QByteArrayView text, QList<QByteArray>* arguments, QString* error)
{
    arguments->clear();
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] != '"')
            return failWith(error, Tr::tr("Argument %1 does not start with a quote.").arg(arguments->size() + 1));
        ++i;
        QByteArray argument;
        bool closed = false;
        while (i < n) {
            const qsizetype runStart = i;
            while (i < n && text[i] != '"' && text[i] != '\\')
                ++i;
            if (i > runStart)
                argument.append(text.data() + runStart, i - runStart);
            if (i >= n)
                break;
            if (text[i] == '"') {
                closed = true;
                ++i;
                break;
            }
            if (i + 1 >= n)
                return failWith(error, Tr::tr("A backslash ends the line."));
            const char e = text[i + 1];
            i += 2;
            switch (e) {
            case '\\':
            case '"':
                argument.append(e);
                break;
            case 'n':
                argument.append('\n');
                break;
            case 'r':
                argument.append('\r');
                break;
            case 't':
                argument.append('\t');
                break;
            case 'a':
                argument.append('\a');
                break;
            case 'b':
                argument.append('\b');
                break;
            case 'x': {
                const int high = i < n ? hexValue(text[i]) : -1;
                const int low = i + 1 < n ? hexValue(text[i + 1]) : -1;
                if (high < 0 || low < 0)
                    return failWith(error, Tr::tr("A \\x escape without two hex digits."));
                argument.append(char(high * 16 + low));
                i += 2;
                break;
            }
            default:
                return failWith(error, Tr::tr("Unknown escape \\%1.").arg(QLatin1Char(e)));
            }
        }
        if (!closed)
            return failWith(error, Tr::tr("Argument %1 has no closing quote.").arg(arguments->size() + 1));
        arguments->append(argument);
        if (i < n) {
            if (text[i] != ' ' || i + 1 >= n)
                return failWith(error, Tr::tr("Arguments must be separated by one space."));
            ++i;
        }
    }
    if (arguments->isEmpty())
        return failWith(error, Tr::tr("The line holds no command."));
    return true;
}

bool parse(QByteArrayView line, MonitorLine* out, QString* error)
{
    if (line.startsWith('+'))
        line = line.sliced(1);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    // "<seconds>.<micros> "
    const qsizetype dot = line.indexOf('.');
    const qsizetype space = line.indexOf(' ');
    if (dot <= 0 || space <= dot + 1 || space - dot - 1 > 6)
        return failWith(error, Tr::tr("The line does not start with a time stamp."));
    qint64 seconds = 0;
    for (qsizetype i = 0; i < dot; ++i) {
        const char c = line[i];
        if (c < '0' || c > '9' || seconds > (qint64(1) << 40))
            return failWith(error, Tr::tr("The time stamp is not a number."));
        seconds = seconds * 10 + (c - '0');
    }
    qint64 micros = 0;
    for (qsizetype i = dot + 1; i < space; ++i) {
        const char c = line[i];
        if (c < '0' || c > '9')
            return failWith(error, Tr::tr("The time stamp is not a number."));
        micros = micros * 10 + (c - '0');
    }
    for (qsizetype i = space - dot - 1; i < 6; ++i)
        micros *= 10;
    // "[<db> <client>] "
    qsizetype pos = space + 1;
    if (pos >= line.size() || line[pos] != '[')
        return failWith(error, Tr::tr("No [database client] after the time stamp."));
    ++pos;
    int database = 0;
    const qsizetype dbStart = pos;
    while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9' && database < 1'000'000) {
        database = database * 10 + (line[pos] - '0');
        ++pos;
    }
    if (pos == dbStart || pos >= line.size() || line[pos] != ' ')
        return failWith(error, Tr::tr("No database number in the brackets."));
    ++pos;
    // The client ends at the first `] "`: IPv6 peers carry brackets of their own.
    const qsizetype close = line.indexOf(QByteArrayView("] \""), pos);
    if (close < 0)
        return failWith(error, Tr::tr("No closing bracket before the command."));
    const QByteArrayView client = line.sliced(pos, close - pos);
    if (client.isEmpty())
        return failWith(error, Tr::tr("No client in the brackets."));
    MonitorLine result;
    if (!parseArguments(line.sliced(close + 2), &result.arguments, error))
        return false;
    result.timestampUs = seconds * 1'000'000 + micros;
    result.database = database;
    result.client = client.toByteArray();
    if (client == "lua")
        result.source = MonitorLine::Source::Lua;
    else if (client.startsWith("unix:"))
        result.source = MonitorLine::Source::Unix;
    else
        result.source = MonitorLine::Source::Tcp;
    *out = std::move(result);
    return true;
}

} // namespace vermilion::MonitorParser
