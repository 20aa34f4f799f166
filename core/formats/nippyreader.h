#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <vector>

namespace vermilion::formats {

// Reads the typed values of a Nippy body (what follows the "NPY" header, already decompressed)
// and renders them as EDN. The bytes are untrusted: every length and count is checked against
// what remains before anything is allocated, nesting is bounded, the text is bounded, and each
// element consumes at least one byte, so time and memory stay linear in the input. A type id it
// does not know stops the reading with "unsupported Nippy type N at offset X": it never guesses.
class NippyReader {
    Q_DECLARE_TR_FUNCTIONS(NippyReader)

public:
    static constexpr int maxDepth = 64;
    static constexpr qsizetype maxTextSize = qsizetype(16) * 1024 * 1024;
    // Lines longer than this are broken: a collection is written on one line only when it is short.
    static constexpr qsizetype oneLineWidth = 72;
    // BigIntegers longer than this are refused: turning them into decimal takes quadratic time.
    static constexpr qint64 maxBigIntegerBytes = 4096;

    // offsetBase is added to the offsets in error messages, so that they count from the start of
    // the whole value when the body is not compressed; offsetWhere names what they count in.
    NippyReader(QByteArrayView body, qsizetype offsetBase, QString offsetWhere = {});

    // Reads one value from the start of the body; on failure, error() says why. Bytes after the
    // value are left unread, as Nippy's thaw leaves them: trailingBytes() counts them.
    bool read(QString* edn);
    const QString& error() const { return m_error; }
    qsizetype trailingBytes() const { return m_data.size() - m_position; }

private:
    struct Rendered {
        QString text;
        bool multiLine = false;
    };
    enum class Count { Unsigned8Plus128, Signed8, Signed16, Signed32 };

    bool readValue(int depth, qsizetype column, Rendered* out);
    bool readCount(Count kind, qint64* count);
    bool readSigned(int width, qint64* value);
    bool readText(qint64 length, qsizetype at, QString* text);
    // A java.math.BigInteger: a 4-byte length, then two's-complement big-endian bytes; in decimal.
    bool readBigInteger(qsizetype at, QString* text);
    // A typed value that must be a string (a regex's pattern, a URI): its text, unquoted.
    bool readTypedString(int depth, QString* text);
    bool readSequence(const QString& open, const QString& close, qint64 count, qsizetype at, int depth,
        qsizetype column, Rendered* out);
    bool readMap(qint64 entries, qsizetype at, int depth, qsizetype column, Rendered* out);
    bool readMetadata(qsizetype at, int depth, qsizetype column, Rendered* out);
    // Nippy 3.9's cached values (ids 59, 63-68, 72-74): the first reference to a new index is
    // followed by the value, which is kept; later references repeat it.
    bool readCached(qint64 index, qsizetype at, int depth, qsizetype column, Rendered* out);
    bool checkNesting(qsizetype at, int depth);
    bool checkCount(qint64 count, qint64 bytesPerElement, qsizetype at);
    bool checkSize(qsizetype size);
    bool leaf(QString text, Rendered* out);
    bool truncated();
    bool fail(const QString& error);
    QString offsetText(qsizetype at) const;

    QByteArrayView m_data;
    qsizetype m_offsetBase;
    QString m_offsetWhere;
    qsizetype m_position = 0;
    qsizetype m_leafSize = 0; // the characters of every leaf so far: a lower bound of the text
    QString m_error;
    std::vector<QString> m_cached; // by cache index, in the order first references arrive
    std::vector<bool> m_cachePending; // being read: a reference to it now is a cycle
};

} // namespace vermilion::formats
