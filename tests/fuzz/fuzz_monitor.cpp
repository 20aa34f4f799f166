// libFuzzer target: bytes from a hostile or broken server on a push-mode connection. The first byte
// picks the parser: MONITOR lines (MonitorParser), or the subscriber's wire decoder for
// message/pmessage replies. Invariants: a parsed MONITOR line re-quoted as the server quotes it
// parses back to the same arguments; the wire decoder gives the same messages whether the bytes
// arrive at once or cut in two.
#include "pubsub/monitorline.h"
#include "pubsub/pubsubwiredecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion;

namespace {
// The server's sdscatrepr.
QByteArray quote(const QByteArray& argument)
{
    QByteArray out("\"");
    for (const char c : argument) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\a':
            out += "\\a";
            break;
        case '\b':
            out += "\\b";
            break;
        default:
            if (uchar(c) >= 0x20 && uchar(c) < 0x7f) {
                out += c;
            } else {
                static const char hex[] = "0123456789abcdef";
                out += "\\x";
                out += hex[uchar(c) >> 4];
                out += hex[uchar(c) & 15];
            }
        }
    }
    return out + '"';
}

void fuzzMonitor(const QByteArray& text)
{
    MonitorLine line;
    QString error;
    if (!MonitorParser::parse(text, &line, &error)) {
        if (error.isEmpty())
            std::abort(); // a refusal always says why
        return;
    }
    if (line.arguments.isEmpty() || line.client.isEmpty())
        std::abort();
    QByteArray requoted;
    for (const QByteArray& argument : std::as_const(line.arguments)) {
        if (!requoted.isEmpty())
            requoted += ' ';
        requoted += quote(argument);
    }
    QList<QByteArray> back;
    if (!MonitorParser::parseArguments(requoted, &back) || back != line.arguments)
        std::abort();
}

void fuzzWire(const QByteArray& bytes, size_t cut)
{
    std::vector<PubSubMessage> whole;
    bool incomplete = false;
    PubSubWireDecoder decoder;
    const qsizetype used = decoder.decode(bytes.constData(), bytes.size(), 1, &whole, &incomplete);
    if (used < 0 || used > bytes.size())
        std::abort();
    // The same bytes in two reads: what the first leaves is offered again with the rest.
    PubSubWireDecoder split;
    std::vector<PubSubMessage> parts;
    const qsizetype first = qMin<qsizetype>(qsizetype(cut), bytes.size());
    bool cutIncomplete = false;
    const qsizetype usedFirst = split.decode(bytes.constData(), first, 1, &parts, &cutIncomplete);
    if (!cutIncomplete && usedFirst < first) {
        // Stopped at something that is not a message: so must the whole run, at the same place.
        if (usedFirst != used || parts.size() != whole.size())
            std::abort();
        return;
    }
    const QByteArray rest = bytes.mid(usedFirst);
    const qsizetype usedRest = split.decode(rest.constData(), rest.size(), 1, &parts, &cutIncomplete);
    if (usedFirst + usedRest != used || parts.size() != whole.size())
        std::abort();
    for (size_t i = 0; i < whole.size(); ++i) {
        if (parts[i].kind != whole[i].kind || parts[i].channel != whole[i].channel
            || parts[i].pattern != whole[i].pattern || parts[i].payload != whole[i].payload)
            std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data) + 2, qsizetype(size - 2));
    if (data[0] % 2 == 0)
        fuzzMonitor(bytes);
    else
        fuzzWire(bytes, data[1]);
    return 0;
}
