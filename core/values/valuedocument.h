#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <atomic>

namespace vermilion {

// A position in a document: a line and a character column in it.
struct DocumentPosition {
    qint64 line = 0;
    qint64 column = 0;
    friend bool operator==(const DocumentPosition&, const DocumentPosition&) = default;
    friend bool operator<(const DocumentPosition& a, const DocumentPosition& b)
    {
        return a.line < b.line || (a.line == b.line && a.column < b.column);
    }
};

// A found occurrence: where it starts and where it ends (exclusive).
struct DocumentMatch {
    bool found = false;
    DocumentPosition from;
    DocumentPosition to;
};

// What a value viewer shows: lines it can ask for one at a time, so that a 100 MiB value is never
// laid out as one text document. Immutable once built, so any thread may read it (searches run on
// a worker while the view paints).
class ValueDocument {
public:
    virtual ~ValueDocument() = default;

    virtual qint64 lineCount() const = 0;
    // One line, without its line break. When the line is long, only columns [from, from + count).
    virtual QString line(qint64 index, qint64 from = 0, qint64 count = -1) const = 0;
    virtual qint64 lineLength(qint64 index) const = 0;
    virtual qint64 longestLine() const = 0;
    // Characters in the document, line breaks included.
    virtual qint64 size() const = 0;
    // The text between two positions, lines joined with '\n'; empty when it would exceed limit
    // characters (the caller says why).
    QString text(DocumentPosition from, DocumentPosition to, qint64 limit) const;
    // The next (or previous) occurrence of needle at or after (before) start. Stops early and
    // reports nothing when cancel becomes true.
    virtual DocumentMatch find(const QString& needle, DocumentPosition start, bool backward, Qt::CaseSensitivity cs,
        const std::atomic<bool>* cancel = nullptr) const;
    // The text to hand to an editor as the whole value; empty for documents that are views only.
    virtual QString wholeText() const { return {}; }
};

// Plain text with an index of where each line starts. Lines end at '\n'; a '\r' before it is
// kept as part of the line.
class TextDocument final : public ValueDocument {
public:
    // Builds the line index; cancel stops it early (the document is then incomplete: check it).
    explicit TextDocument(QString text, const std::atomic<bool>* cancel = nullptr);

    qint64 lineCount() const override { return m_starts.size(); }
    QString line(qint64 index, qint64 from = 0, qint64 count = -1) const override;
    qint64 lineLength(qint64 index) const override;
    qint64 longestLine() const override { return m_longest; }
    qint64 size() const override { return m_text.size(); }
    DocumentMatch find(const QString& needle, DocumentPosition start, bool backward, Qt::CaseSensitivity cs,
        const std::atomic<bool>* cancel = nullptr) const override;
    QString wholeText() const override { return m_text; }
    const QString& content() const { return m_text; }

private:
    qsizetype offset(DocumentPosition position) const;
    DocumentPosition position(qsizetype offset) const;

    QString m_text;
    QList<qsizetype> m_starts;
    qint64 m_longest = 0;
};

// A hex dump of bytes, made line by line as it is shown: 16 bytes a line, in the layout of
// formats::HexFormat, so 100 MiB cost no more than the bytes themselves.
class HexDocument final : public ValueDocument {
public:
    static constexpr qint64 bytesPerLine = 16;

    explicit HexDocument(QByteArray bytes);

    qint64 lineCount() const override;
    QString line(qint64 index, qint64 from = 0, qint64 count = -1) const override;
    qint64 lineLength(qint64 index) const override;
    qint64 longestLine() const override { return m_lineLength; }
    qint64 size() const override { return lineCount() * (m_lineLength + 1); }
    // Finds bytes: a needle of hex digit pairs ("de ad be ef") is looked for as those bytes, and
    // any needle as its UTF-8 bytes; the earlier of the two is reported, spanning its hex digits.
    DocumentMatch find(const QString& needle, DocumentPosition start, bool backward, Qt::CaseSensitivity cs,
        const std::atomic<bool>* cancel = nullptr) const override;
    const QByteArray& bytes() const { return m_bytes; }
    // The column of a byte's first hex digit in its line.
    qint64 hexColumn(qint64 byteInLine) const;

private:
    QByteArray m_bytes;
    int m_offsetWidth = 8;
    qint64 m_lineLength = 0;
};

} // namespace vermilion
