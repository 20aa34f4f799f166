#include "scripterror.h"

namespace vermilion::lua {

namespace {
constexpr const char* chunkNames[] = { "user_script:", "user_function:" };

// Finds "<chunk>:<digits>" at or after from; returns the position of the chunk name and fills the
// line number and the position just after the digits.
qsizetype findLocation(const QByteArray& text, qsizetype from, int* line, qsizetype* afterDigits)
{
    qsizetype best = -1;
    for (const char* chunk : chunkNames) {
        const QByteArray name(chunk);
        qsizetype at = from;
        while ((at = text.indexOf(name, at)) >= 0) {
            qsizetype digits = at + name.size();
            qint64 value = 0;
            qsizetype end = digits;
            while (end < text.size() && end - digits < 9 && text.at(end) >= '0' && text.at(end) <= '9') {
                value = value * 10 + (text.at(end) - '0');
                ++end;
            }
            if (end > digits && value > 0) {
                if (best < 0 || at < best) {
                    best = at;
                    *line = int(value);
                    *afterDigits = end;
                }
                break;
            }
            at = digits;
        }
    }
    return best;
}
} // namespace

ScriptError ScriptErrors::parse(const QByteArray& text)
{
    ScriptError error;
    error.raw = QString::fromUtf8(text);
    QByteArray body = text.trimmed();
    // Redis 7 appends where the failing call was: " script: <sha>, on @user_script:N."
    const qsizetype suffix = body.lastIndexOf(" script: ");
    QByteArray tail;
    if (suffix >= 0) {
        tail = body.mid(suffix);
        body.truncate(suffix);
    }
    int line = 0;
    qsizetype afterDigits = 0;
    const qsizetype location = findLocation(body, 0, &line, &afterDigits);
    if (location >= 0) {
        error.line = line;
        QByteArray message = body.mid(afterDigits);
        if (message.startsWith(':'))
            message.remove(0, 1);
        error.message = QString::fromUtf8(message.trimmed());
        if (error.message.isEmpty())
            error.message = QString::fromUtf8(body.trimmed());
    } else {
        // No position in the message itself: the suffix may still name the line of the call.
        int tailLine = 0;
        qsizetype tailEnd = 0;
        if (!tail.isEmpty() && findLocation(tail, 0, &tailLine, &tailEnd) >= 0)
            error.line = tailLine;
        QByteArray message = body;
        // Drop the error code ("ERR ") so the message reads as a sentence.
        const qsizetype space = message.indexOf(' ');
        if (space > 0) {
            const QByteArray code = message.left(space);
            bool allUpper = true;
            for (char c : code)
                allUpper = allUpper && ((c >= 'A' && c <= 'Z') || c == '_');
            if (allUpper && code == "ERR")
                message.remove(0, space + 1);
        }
        error.message = QString::fromUtf8(message.trimmed());
    }
    return error;
}

} // namespace vermilion::lua
