#include "jsonformat.h"

#include "formatsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <cctype>
#include <cmath>
#include <cstring>

namespace vermilion::formats {

namespace {
// Above this size detect() only looks at the first and last characters: parsing tens of
// megabytes for every opened value would not be cheap. decode() still validates everything.
constexpr qsizetype fullDetectLimit = qsizetype(8) * 1024 * 1024;
// Above this size decode() pretty-prints in one streaming pass instead of through QJsonDocument.
constexpr qsizetype streamingThreshold = qsizetype(4) * 1024 * 1024;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct Parsed {
    bool ok = false;
    QJsonDocument document; // a scalar is held as the single element of an array
    bool scalar = false;
    QString error;
    qsizetype errorOffset = 0;
};

Parsed parse(const QByteArray& json)
{
    Parsed parsed;
    qsizetype first = 0;
    while (first < json.size() && isJsonSpace(json.at(first)))
        ++first;
    if (first == json.size()) {
        parsed.error = JsonFormat::tr("the value is empty");
        return parsed;
    }
    parsed.scalar = json.at(first) != '{' && json.at(first) != '[';
    QJsonParseError error;
    if (parsed.scalar) {
        // QJsonDocument only takes objects and arrays; a scalar is parsed as a one-element array.
        QByteArray wrapped;
        wrapped.reserve(json.size() + 2);
        wrapped.append('[').append(json).append(']');
        parsed.document = QJsonDocument::fromJson(wrapped, &error);
        if (error.error == QJsonParseError::NoError && parsed.document.array().size() != 1) {
            parsed.error = JsonFormat::tr("more than one value at the top level");
            parsed.errorOffset = first;
            return parsed;
        }
        error.offset = qBound(0, error.offset - 1, int(json.size()));
    } else {
        parsed.document = QJsonDocument::fromJson(json, &error);
    }
    if (error.error != QJsonParseError::NoError) {
        parsed.error = error.errorString();
        parsed.errorOffset = error.offset;
        return parsed;
    }
    parsed.ok = true;
    return parsed;
}

// "line 3, column 7" for a byte offset; columns count characters, not bytes.
QString position(const QByteArray& json, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, json.size());
    qsizetype line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const char c = json.at(i);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(c) & 0xc0) != 0x80) {
            ++column;
        }
    }
    return JsonFormat::tr("line %1, column %2").arg(line).arg(column);
}

// Whether a double carries the number written in token exactly (as QJsonDocument writes it
// back): 15 significant digits always survive a double, more may not.
bool survivesAsDouble(QByteArrayView token)
{
    qsizetype end = 0;
    while (end < token.size() && token.at(end) != 'e' && token.at(end) != 'E')
        ++end;
    QByteArray digits;
    for (qsizetype i = 0; i < end; ++i) {
        if (token.at(i) >= '0' && token.at(i) <= '9')
            digits += token.at(i);
    }
    qsizetype from = 0;
    while (from < digits.size() && digits.at(from) == '0')
        ++from;
    qsizetype to = digits.size();
    while (to > from && digits.at(to - 1) == '0')
        --to;
    if (to - from > 15)
        return false;
    bool ok = false;
    const double value = token.toByteArray().toDouble(&ok);
    return ok && std::isfinite(value) && (value != 0 || from == to); // not flushed to zero
}

bool isExactInteger(QByteArrayView token)
{
    for (qsizetype i = 0; i < token.size(); ++i) {
        if (!(token.at(i) >= '0' && token.at(i) <= '9') && !(i == 0 && token.at(i) == '-'))
            return false;
    }
    bool ok = false;
    token.toByteArray().toLongLong(&ok);
    return ok;
}

struct Survey {
    qsizetype members = 0; // name/value pairs written, duplicates included
    QByteArray lossyNumber; // the first number a double would change
};

// One pass over the JSON text for what QJsonDocument does not report: how many members the
// objects have as written, and numbers it would not carry exactly. Assumes json parsed.
Survey survey(QByteArrayView json)
{
    Survey result;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == ':') {
            ++result.members;
        } else if (c == '-' || c == '.' || (c >= '0' && c <= '9')) { // Qt also reads ".5" and "1."
            qsizetype end = i + 1;
            while (end < json.size()
                && ((json.at(end) >= '0' && json.at(end) <= '9') || json.at(end) == '.' || json.at(end) == 'e'
                    || json.at(end) == 'E' || json.at(end) == '+' || json.at(end) == '-'))
                ++end;
            const QByteArrayView token = json.sliced(i, end - i);
            if (result.lossyNumber.isEmpty() && !isExactInteger(token) && !survivesAsDouble(token))
                result.lossyNumber = token.toByteArray();
            i = end - 1;
        }
    }
    return result;
}

qsizetype countMembers(const QJsonValue& value)
{
    qsizetype count = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        count += object.size();
        for (auto it = object.begin(); it != object.end(); ++it)
            count += countMembers(it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const auto& element : array)
            count += countMembers(element);
    }
    return count;
}

qsizetype countMembers(const QJsonDocument& document)
{
    return document.isObject() ? countMembers(QJsonValue(document.object()))
                               : countMembers(QJsonValue(document.array()));
}

QByteArray serialize(const Parsed& parsed, QJsonDocument::JsonFormat format)
{
    if (!parsed.scalar)
        return parsed.document.toJson(format);
    const QByteArray wrapped = parsed.document.toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// Pretty-prints JSON in one pass without building a document, for values too big for a
// QJsonDocument copy (which needs several times the text's size). Members keep the order they
// were written in, and numbers and strings keep their spelling. The grammar is RFC 8259's; the
// UTF-8 is checked before. With prefix, the end of the input ends the output without an error.
struct Streamed {
    bool ok = false;
    QString error;
    qsizetype errorOffset = 0;
};

// The printer's two outputs: one that only counts the UTF-16 code units it would write, so that
// the second, into the string, is reserved exactly. Growing a string of 100+ M characters by
// doubling leaves up to half of it allocated and unused: most of a big value's peak memory.
struct Utf16Counter {
    qsizetype size = 0;
    void append(QLatin1Char) { ++size; }
    void append(QLatin1String text) { size += text.size(); }
    void append(QStringView text) { size += text.size(); }
    // Valid UTF-8 (checked before printing): one unit per lead byte, two for a 4-byte sequence.
    void appendUtf8(const char* data, qsizetype length)
    {
        for (qsizetype i = 0; i < length; ++i) {
            const auto c = uchar(data[i]);
            size += (c & 0xc0) != 0x80;
            size += c >= 0xf0;
        }
    }
};

struct StringOut {
    QString* text;
    void append(QLatin1Char c) { text->append(c); }
    void append(QLatin1String part) { text->append(part); }
    void append(QStringView part) { text->append(part); }
    void appendUtf8(const char* data, qsizetype length) { text->append(QString::fromUtf8(data, length)); }
};

template <typename Out>
Streamed prettyPrintInto(QByteArrayView json, bool prefix, Out& out)
{
    Streamed result;
    enum class State { Value, FirstKey, Key, Colon, CommaOrEnd, End };
    QByteArray stack; // '{' or '[' per open container
    QString indent;
    State state = State::Value;
    const char* data = json.data();
    const qsizetype size = json.size();
    qsizetype i = 0;
    const auto fail = [&](const QString& error, qsizetype at) {
        result.error = error;
        result.errorOffset = at;
        return result;
    };
    const auto newline = [&] {
        out.append(QLatin1Char('\n'));
        const qsizetype width = stack.size() * 4;
        if (indent.size() < width)
            indent = QString(width * 2, QLatin1Char(' '));
        out.append(QStringView(indent).first(width));
    };
    const auto skipSpace = [&] {
        while (i < size && isJsonSpace(data[i]))
            ++i;
    };
    // A string from its opening quote; returns its end (one past the closing quote) or -1.
    const auto scanString = [&](qsizetype from, QString* problem) -> qsizetype {
        qsizetype j = from + 1;
        while (j < size) {
            const auto c = uchar(data[j]);
            if (c == '"')
                return j + 1;
            if (c < 0x20) {
                *problem = JsonFormat::tr("a control character in a string");
                return -1;
            }
            if (c == '\\') {
                if (j + 1 >= size)
                    break;
                const char e = data[j + 1];
                if (e == 'u') {
                    if (j + 6 > size)
                        break;
                    for (int k = 2; k < 6; ++k) {
                        if (!std::isxdigit(uchar(data[j + k]))) {
                            *problem = JsonFormat::tr("an invalid \\u escape");
                            return -1;
                        }
                    }
                    j += 6;
                    continue;
                }
                if (!std::strchr("\"\\/bfnrt", e) || e == 0) {
                    *problem = JsonFormat::tr("an invalid escape sequence");
                    return -1;
                }
                j += 2;
                continue;
            }
            ++j;
        }
        *problem = prefix ? QString() : JsonFormat::tr("an unterminated string");
        return -1;
    };
    const auto afterValue = [&] { state = stack.isEmpty() ? State::End : State::CommaOrEnd; };
    // Copies the string at i to the output as written. False when the text stops there: *problem
    // then says why, or is empty at the end of a prefix.
    const auto copyString = [&](QString* problem) {
        const qsizetype end = scanString(i, problem);
        if (end < 0)
            return false;
        out.appendUtf8(data + i, end - i);
        i = end;
        return true;
    };
    while (true) {
        skipSpace();
        if (i >= size) {
            if (prefix || state == State::End) {
                result.ok = state == State::End || prefix;
                return result;
            }
            return fail(JsonFormat::tr("unexpected end of the value"), i);
        }
        const char c = data[i];
        switch (state) {
        case State::End:
            return fail(JsonFormat::tr("more than one value at the top level"), i);
        case State::Colon:
            if (c != ':')
                return fail(JsonFormat::tr("a colon is missing after a name"), i);
            out.append(QLatin1String(": "));
            ++i;
            state = State::Value;
            continue;
        case State::CommaOrEnd:
            if (c == ',') {
                out.append(QLatin1Char(','));
                newline();
                ++i;
                state = stack.back() == '{' ? State::Key : State::Value;
                continue;
            }
            if ((c == '}' && stack.back() == '{') || (c == ']' && stack.back() == '[')) {
                stack.chop(1);
                newline();
                out.append(QLatin1Char(c));
                ++i;
                afterValue();
                continue;
            }
            return fail(JsonFormat::tr("a comma or the end of the %1 is missing")
                            .arg(stack.back() == '{' ? JsonFormat::tr("object") : JsonFormat::tr("array")),
                i);
        case State::FirstKey:
        case State::Key: {
            if (c != '"')
                return fail(JsonFormat::tr("a name in quotes is missing"), i);
            QString problem;
            if (!copyString(&problem))
                return problem.isEmpty() ? (result.ok = true, result) : fail(problem, i);
            state = State::Colon;
            continue;
        }
        case State::Value:
            break;
        }
        // A value.
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            qsizetype next = i + 1;
            while (next < size && isJsonSpace(data[next]))
                ++next;
            if (next < size && data[next] == close) {
                out.append(QLatin1Char(c));
                out.append(QLatin1Char(close));
                i = next + 1;
                afterValue();
                continue;
            }
            out.append(QLatin1Char(c));
            stack.append(c);
            newline();
            ++i;
            state = c == '{' ? State::FirstKey : State::Value;
            continue;
        }
        if (c == '"') {
            QString problem;
            if (!copyString(&problem))
                return problem.isEmpty() ? (result.ok = true, result) : fail(problem, i);
            afterValue();
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype j = i;
            if (data[j] == '-')
                ++j;
            const auto digits = [&] {
                const qsizetype from = j;
                while (j < size && data[j] >= '0' && data[j] <= '9')
                    ++j;
                return j > from;
            };
            bool valid = true;
            if (j < size && data[j] == '0')
                ++j;
            else
                valid = digits();
            if (valid && j < size && data[j] == '.') {
                ++j;
                valid = digits();
            }
            if (valid && j < size && (data[j] == 'e' || data[j] == 'E')) {
                ++j;
                if (j < size && (data[j] == '+' || data[j] == '-'))
                    ++j;
                valid = digits();
            }
            if (!valid) {
                if (j >= size && prefix)
                    return result.ok = true, result;
                return fail(JsonFormat::tr("an invalid number"), i);
            }
            out.append(QLatin1String(data + i, j - i));
            i = j;
            afterValue();
            continue;
        }
        bool matched = false;
        for (const char* literal : { "true", "false", "null" }) {
            const qsizetype length = qsizetype(std::strlen(literal));
            const QByteArrayView here = json.sliced(i, qMin(length, size - i));
            if (QByteArrayView(literal, here.size()) == here) {
                if (here.size() < length) {
                    if (prefix)
                        return result.ok = true, result;
                    break;
                }
                out.append(QLatin1String(literal));
                i += length;
                matched = true;
                break;
            }
        }
        if (!matched)
            return fail(JsonFormat::tr("illegal value"), i);
        afterValue();
    }
}

Streamed prettyPrintStreaming(QByteArrayView json, bool prefix, QString* out)
{
    const qsizetype invalid = FormatSupport::firstInvalidUtf8(json, prefix);
    if (invalid >= 0) {
        Streamed result;
        result.error = JsonFormat::tr("invalid UTF-8");
        result.errorOffset = invalid;
        return result;
    }
    Utf16Counter counter;
    const Streamed measured = prettyPrintInto(json, prefix, counter);
    out->clear();
    if (!measured.ok)
        return measured;
    out->reserve(counter.size);
    StringOut sink { out };
    return prettyPrintInto(json, prefix, sink);
}

// Why the JSON cannot be saved from its parsed form without changing it; empty if it can.
QString lossReason(const QByteArray& json, const Parsed& parsed)
{
    const Survey found = survey(json);
    if (!found.lossyNumber.isEmpty()) {
        return JsonFormat::tr("The number %1 has more digits than JSON editing keeps exactly (integers up to 64 "
                              "bits, 15 significant digits otherwise)")
            .arg(QString::fromLatin1(found.lossyNumber.left(40)));
    }
    if (found.members != countMembers(parsed.document))
        return JsonFormat::tr("An object has the same key twice; only the last one would be kept");
    return {};
}
} // namespace

QString JsonFormat::id() const
{
    return QStringLiteral("json");
}

QString JsonFormat::name() const
{
    return tr("JSON");
}

int JsonFormat::detect(QByteArrayView bytes) const
{
    qsizetype first = 0;
    while (first < bytes.size() && isJsonSpace(bytes.at(first)))
        ++first;
    qsizetype last = bytes.size() - 1;
    while (last > first && isJsonSpace(bytes.at(last)))
        --last;
    if (first >= last)
        return 0;
    const char open = bytes.at(first);
    const char close = bytes.at(last);
    if (!(open == '{' && close == '}') && !(open == '[' && close == ']'))
        return 0;
    if (bytes.size() > fullDetectLimit)
        return 40;
    QJsonParseError error;
    QJsonDocument::fromJson(bytes.toByteArray(), &error);
    return error.error == QJsonParseError::NoError ? 60 : 0;
}

DecodedValue JsonFormat::decode(const QByteArray& bytes) const
{
    if (bytes.size() > streamingThreshold) {
        DecodedValue value;
        const Streamed streamed = prettyPrintStreaming(bytes, false, &value.text);
        if (!streamed.ok) {
            value.text.clear();
            return FormatSupport::failure(
                tr("Not valid JSON: %1 at %2.").arg(streamed.error, position(bytes, streamed.errorOffset)));
        }
        value.ok = true;
        // encode() still checks numbers and duplicate names before anything is written.
        value.editable = true;
        value.note = tr("Shown as written: members in their order, numbers and strings as they are spelled.");
        return value;
    }
    const Parsed parsed = parse(bytes);
    if (!parsed.ok)
        return FormatSupport::failure(
            tr("Not valid JSON: %1 at %2.").arg(parsed.error, position(bytes, parsed.errorOffset)));
    DecodedValue value;
    value.ok = true;
    value.text = QString::fromUtf8(serialize(parsed, QJsonDocument::Indented));
    const QString loss = lossReason(bytes, parsed);
    value.editable = loss.isEmpty();
    if (!value.editable)
        value.readOnlyReason = tr("%1. The JSON view is read-only for this value; edit it in the text view.").arg(loss);
    return value;
}

DecodedValue JsonFormat::decodePrefix(const QByteArray& bytes) const
{
    DecodedValue value;
    const Streamed streamed = prettyPrintStreaming(bytes, true, &value.text);
    if (!streamed.ok) {
        value.text.clear();
        return FormatSupport::failure(
            tr("Not valid JSON: %1 at %2.").arg(streamed.error, position(bytes, streamed.errorOffset)));
    }
    value.ok = true;
    value.note = tr("A prefix: the first %1 of the value, pretty-printed up to where it stops. Load the whole value "
                    "to see the rest.")
                     .arg(QLocale().formattedDataSize(bytes.size()));
    return value;
}

QByteArray JsonFormat::encode(const QString& text, QString* error) const
{
    const QByteArray json = text.toUtf8();
    const Parsed parsed = parse(json);
    QString problem;
    if (!parsed.ok)
        problem = tr("Not saved: invalid JSON at %1 (%2). JSON values are validated on save.")
                      .arg(position(json, parsed.errorOffset), parsed.error);
    else if (const QString loss = lossReason(json, parsed); !loss.isEmpty())
        problem = tr("Not saved: %1. Save it from the text view instead.").arg(loss);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return {};
    return serialize(parsed, QJsonDocument::Compact);
}

} // namespace vermilion::formats
