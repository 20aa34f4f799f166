#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace vermilion {

// One keyspace line of INFO: "db0:keys=12,expires=3,avg_ttl=1000".
struct KeyspaceEntry {
    int database = 0;
    qint64 keys = 0;
    qint64 expires = 0;
    qint64 averageTtlMs = 0;
};

// A parsed INFO reply. Sections and fields keep the server's order; fields the parser does not know
// are kept as text, so newer servers lose nothing.
class ServerInfo {
public:
    struct Field {
        QByteArray name;
        QByteArray value;
    };
    struct Section {
        QByteArray name; // lower case, e.g. "server", "keyspace"
        QList<Field> fields;
    };

    static ServerInfo parse(const QByteArray& text);

    const QList<Section>& sections() const { return m_sections; }
    bool contains(const QByteArray& field) const { return m_index.contains(field); }
    // The first value of a field in any section, or an empty array.
    QByteArray value(const QByteArray& field) const;
    QString text(const QByteArray& field) const { return QString::fromUtf8(value(field)); }
    qint64 integer(const QByteArray& field, qint64 fallback = 0) const;
    double number(const QByteArray& field, double fallback = 0.0) const;
    const Section* section(const QByteArray& name) const;

    QList<KeyspaceEntry> keyspace() const;
    // "key=value,key=value" as found in keyspace, commandstats and replica lines.
    static QHash<QByteArray, QByteArray> parseProperties(const QByteArray& value);

    QString version() const { return text("redis_version"); }
    QString role() const { return text("role"); }
    QString mode() const { return text("redis_mode"); }

private:
    QList<Section> m_sections;
    QHash<QByteArray, QByteArray> m_index;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::ServerInfo)
