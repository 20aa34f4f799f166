#include "valuedocument.h"

#include "util/redistext.h"

#include <QByteArrayMatcher>
#include <QStringMatcher>

namespace vermilion {

namespace {
constexpr char16_t hexDigits[] = u"0123456789abcdef";
// How much a search reads between two looks at its cancel flag.
constexpr qsizetype searchSlice = qsizetype(4) * 1024 * 1024;

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The bytes a needle of hex digit pairs stands for ("de ad", "DEAD"), or an empty array.
QByteArray hexNeedle(const QString& needle)
{
    QByteArray bytes;
    int high = -1;
    for (const QChar c : needle) {
        if (c.isSpace())
            continue;
        const int value = RedisText::hexDigitValue(c);
        if (value < 0)
            return {};
        if (high < 0) {
            high = value;
        } else {
            bytes.append(char(high << 4 | value));
            high = -1;
        }
    }
    return high < 0 ? bytes : QByteArray();
}

// Occurrence of needle in haystack in slices, so that a cancel is seen within milliseconds.
qsizetype findBytes(const QByteArray& haystack, const QByteArray& needle, qsizetype from, bool backward,
    const std::atomic<bool>* cancel)
{
    if (needle.isEmpty())
        return -1;
    if (!backward) {
        const QByteArrayMatcher matcher(needle);
        for (qsizetype start = qMax<qsizetype>(0, from); start < haystack.size(); start += searchSlice) {
            if (cancelled(cancel))
                return -1;
            const qsizetype end = qMin(haystack.size(), start + searchSlice + needle.size() - 1);
            const qsizetype found = matcher.indexIn(QByteArrayView(haystack).first(end), start);
            if (found >= 0)
                return found;
        }
        return -1;
    }
    for (qsizetype end = qMin(haystack.size(), from + needle.size()); end > 0; end -= searchSlice) {
        if (cancelled(cancel))
            return -1;
        const qsizetype start = qMax<qsizetype>(0, end - searchSlice - needle.size() + 1);
        const qsizetype found = QByteArrayView(haystack).sliced(start, end - start).lastIndexOf(needle);
        if (found >= 0)
            return start + found;
    }
    return -1;
}
} // namespace

QString ValueDocument::text(DocumentPosition from, DocumentPosition to, qint64 limit) const
{
    if (to < from)
        std::swap(from, to);
    QString result;
    for (qint64 line = from.line; line <= to.line && line < lineCount(); ++line) {
        const qint64 start = line == from.line ? from.column : 0;
        const qint64 end = line == to.line ? qMin(to.column, lineLength(line)) : lineLength(line);
        if (result.size() + (end - start) + 1 > limit)
            return {};
        if (line != from.line)
            result.append(QLatin1Char('\n'));
        if (end > start)
            result.append(this->line(line, start, end - start));
    }
    return result;
}

DocumentMatch ValueDocument::find(const QString& needle, DocumentPosition start, bool backward, Qt::CaseSensitivity cs,
    const std::atomic<bool>* cancel) const
{
    // Line by line: fine for documents that make their lines as they go.
    DocumentMatch match;
    if (needle.isEmpty() || lineCount() == 0)
        return match;
    const qint64 step = backward ? -1 : 1;
    for (qint64 line = qBound<qint64>(0, start.line, lineCount() - 1); line >= 0 && line < lineCount(); line += step) {
        if ((line & 0xfff) == 0 && cancelled(cancel))
            return match;
        const QString text = this->line(line);
        qsizetype found = -1;
        if (!backward)
            found = text.indexOf(needle, line == start.line ? start.column : 0, cs);
        else
            found = text.lastIndexOf(needle, line == start.line ? start.column : -1, cs);
        if (found >= 0) {
            match.found = true;
            match.from = { line, found };
            match.to = { line, found + needle.size() };
            return match;
        }
    }
    return match;
}

TextDocument::TextDocument(QString text, const std::atomic<bool>* cancel)
    : m_text(std::move(text))
{
    const QChar* data = m_text.constData();
    const qsizetype size = m_text.size();
    // Counted first so that the index is allocated once, at its size: grown by doubling, the
    // index of a few million lines would keep up to half of itself unused.
    qsizetype lines = 1;
    for (qsizetype i = 0; i < size; ++i)
        lines += data[i] == QLatin1Char('\n');
    m_starts.reserve(lines);
    m_starts.append(0);
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] != QLatin1Char('\n'))
            continue;
        m_longest = qMax<qint64>(m_longest, i - lineStart);
        lineStart = i + 1;
        m_starts.append(lineStart);
        if ((m_starts.size() & 0xffff) == 0 && cancelled(cancel))
            return;
    }
    m_longest = qMax<qint64>(m_longest, size - lineStart);
}

qint64 TextDocument::lineLength(qint64 index) const
{
    if (index < 0 || index >= m_starts.size())
        return 0;
    const qsizetype end = index + 1 < m_starts.size() ? m_starts.at(index + 1) - 1 : m_text.size();
    return end - m_starts.at(index);
}

QString TextDocument::line(qint64 index, qint64 from, qint64 count) const
{
    const qint64 length = lineLength(index);
    if (from >= length || index < 0 || index >= m_starts.size())
        return {};
    from = qMax<qint64>(0, from);
    const qint64 take = count < 0 ? length - from : qMin(count, length - from);
    return m_text.mid(m_starts.at(index) + from, take);
}

qsizetype TextDocument::offset(DocumentPosition position) const
{
    const qint64 line = qBound<qint64>(0, position.line, m_starts.size() - 1);
    return m_starts.at(line) + qBound<qint64>(0, position.column, lineLength(line));
}

DocumentPosition TextDocument::position(qsizetype offset) const
{
    const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    const qint64 line = qMax<qint64>(0, (it - m_starts.cbegin()) - 1);
    return { line, offset - m_starts.at(line) };
}

DocumentMatch TextDocument::find(const QString& needle, DocumentPosition start, bool backward, Qt::CaseSensitivity cs,
    const std::atomic<bool>* cancel) const
{
    DocumentMatch match;
    if (needle.isEmpty())
        return match;
    const qsizetype from = offset(start);
    qsizetype found = -1;
    if (!backward) {
        const QStringMatcher matcher(needle, cs);
        for (qsizetype begin = from; begin < m_text.size() && found < 0; begin += searchSlice) {
            if (cancelled(cancel))
                return match;
            const qsizetype end = qMin(m_text.size(), begin + searchSlice + needle.size() - 1);
            found = matcher.indexIn(QStringView(m_text).first(end), begin);
        }
    } else {
        for (qsizetype end = qMin(m_text.size(), from + needle.size() - 1); end > 0 && found < 0; end -= searchSlice) {
            if (cancelled(cancel))
                return match;
            const qsizetype begin = qMax<qsizetype>(0, end - searchSlice - needle.size() + 1);
            const qsizetype at = QStringView(m_text).sliced(begin, end - begin).lastIndexOf(needle, -1, cs);
            if (at >= 0)
                found = begin + at;
        }
    }
    if (found < 0)
        return match;
    match.found = true;
    match.from = position(found);
    match.to = position(found + needle.size());
    return match;
}

HexDocument::HexDocument(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    while (m_offsetWidth < 16 && (quint64(m_bytes.size()) >> (4 * m_offsetWidth)) != 0)
        ++m_offsetWidth;
    // offset, ": ", 16 times "xx ", one more space in the middle, " |", 16 characters, "|"
    m_lineLength = m_offsetWidth + 2 + bytesPerLine * 3 + 1 + 2 + bytesPerLine + 1;
}

qint64 HexDocument::lineCount() const
{
    return qMax<qint64>(1, (m_bytes.size() + bytesPerLine - 1) / bytesPerLine);
}

qint64 HexDocument::hexColumn(qint64 byteInLine) const
{
    return m_offsetWidth + 2 + byteInLine * 3 + (byteInLine >= bytesPerLine / 2 ? 1 : 0);
}

qint64 HexDocument::lineLength(qint64 index) const
{
    if (index < 0 || index >= lineCount())
        return 0;
    const qint64 count = qMin<qint64>(bytesPerLine, m_bytes.size() - index * bytesPerLine);
    return m_lineLength - (bytesPerLine - count);
}

QString HexDocument::line(qint64 index, qint64 from, qint64 count) const
{
    if (index < 0 || index >= lineCount() || m_bytes.isEmpty())
        return {};
    const qint64 offset = index * bytesPerLine;
    const qint64 bytesHere = qMin<qint64>(bytesPerLine, m_bytes.size() - offset);
    const auto* data = reinterpret_cast<const uchar*>(m_bytes.constData()) + offset;
    QString text;
    text.reserve(m_lineLength);
    for (int digit = m_offsetWidth - 1; digit >= 0; --digit)
        text.append(QChar(hexDigits[(quint64(offset) >> (4 * digit)) & 0xf]));
    text.append(QLatin1String(": "));
    for (qint64 i = 0; i < bytesPerLine; ++i) {
        if (i == bytesPerLine / 2)
            text.append(QLatin1Char(' '));
        if (i < bytesHere) {
            text.append(QChar(hexDigits[data[i] >> 4]));
            text.append(QChar(hexDigits[data[i] & 0xf]));
        } else {
            text.append(QLatin1String("  "));
        }
        text.append(QLatin1Char(' '));
    }
    text.append(QLatin1String(" |"));
    for (qint64 i = 0; i < bytesHere; ++i)
        text.append(data[i] >= 0x20 && data[i] < 0x7f ? QLatin1Char(char(data[i])) : QLatin1Char('.'));
    text.append(QLatin1Char('|'));
    if (from <= 0 && count < 0)
        return text;
    return text.mid(from, count);
}

DocumentMatch HexDocument::find(const QString& needle, DocumentPosition start, bool backward, Qt::CaseSensitivity,
    const std::atomic<bool>* cancel) const
{
    DocumentMatch match;
    // The byte under the start position: within the hex columns, the byte whose digits are there.
    qint64 byteInLine = 0;
    while (byteInLine < bytesPerLine - 1 && hexColumn(byteInLine + 1) <= start.column)
        ++byteInLine;
    const qint64 from = qBound<qint64>(0, start.line * bytesPerLine + byteInLine, m_bytes.size());
    qsizetype best = -1;
    qsizetype length = 0;
    for (const QByteArray& bytes : { hexNeedle(needle), needle.toUtf8() }) {
        const qsizetype found = findBytes(m_bytes, bytes, backward ? from - 1 : from, backward, cancel);
        if (found >= 0 && (best < 0 || (backward ? found > best : found < best))) {
            best = found;
            length = bytes.size();
        }
    }
    if (best < 0)
        return match;
    const qint64 last = best + length - 1;
    match.found = true;
    match.from = { best / bytesPerLine, hexColumn(best % bytesPerLine) };
    match.to = { last / bytesPerLine, hexColumn(last % bytesPerLine) + 2 };
    return match;
}

} // namespace vermilion
