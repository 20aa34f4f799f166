#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <memory>

namespace vermilion::formats {

// The result of showing a value in a format.
struct DecodedValue {
    bool ok = false;
    QString text; // what the editor shows (pretty-printed where the format has a pretty form)
    QString error; // why decoding failed; the UI then falls back to the hex view
    bool editable = false; // whether encode() can turn edited text back into bytes
    QString readOnlyReason; // when !editable: why, in words a user understands
    // Shown under the value when set: e.g. that only a prefix of a longer value was decompressed.
    QString note;
};

// One way of looking at a value's bytes: plain text, JSON, hex, base64, gzip, LZ4, Nippy...
// Implementations are stateless and thread-safe: decoding runs off the UI thread.
class ValueFormat {
public:
    virtual ~ValueFormat() = default;

    // A stable id used in settings and tests: "text", "json", "hex", "base64", "gzip", "zlib",
    // "lz4", "zstd", "snappy", "msgpack", later "nippy".
    virtual QString id() const = 0;
    // The name shown in the format selector (translated).
    virtual QString name() const = 0;
    // How sure this format is that the bytes are its own: 0 = not at all, 100 = certain (a magic
    // number that matched and a payload that decodes). Must be cheap: it sees every opened value.
    virtual int detect(QByteArrayView bytes) const = 0;
    virtual DecodedValue decode(const QByteArray& bytes) const = 0;
    // Decodes the first bytes of a longer value (a preview). Formats that can stream, the
    // compressors and JSON, show what the prefix holds and say so in DecodedValue::note; the
    // default decodes the bytes as if they were the whole value. Never editable.
    virtual DecodedValue decodePrefix(const QByteArray& bytes) const;
    // Turns edited text back into bytes; on failure returns an empty array and says why in *error.
    virtual QByteArray encode(const QString& text, QString* error) const = 0;
};

// All formats, in the order the selector lists them. Features register theirs at start-up.
class FormatRegistry {
public:
    static FormatRegistry& instance();

    void add(std::unique_ptr<ValueFormat> format);
    const ValueFormat* find(const QString& id) const;
    QList<const ValueFormat*> all() const;
    // The format with the highest detect() score; plain text when nothing is more sure, hex when
    // the bytes are not valid UTF-8 text.
    const ValueFormat* detect(QByteArrayView bytes) const;

private:
    FormatRegistry();
    std::vector<std::unique_ptr<ValueFormat>> m_formats;
};

} // namespace vermilion::formats
