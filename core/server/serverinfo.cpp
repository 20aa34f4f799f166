#include "serverinfo.h"

namespace vermilion {

ServerInfo ServerInfo::parse(const QByteArray& text)
{
    ServerInfo info;
    Section* current = nullptr;
    for (QByteArray line : text.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith('#')) {
            info.m_sections.append({ line.mid(1).trimmed().toLower(), {} });
            current = &info.m_sections.last();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field; keep going rather than give up on the rest
        if (!current) {
            info.m_sections.append({ QByteArray(), {} });
            current = &info.m_sections.last();
        }
        Field field { line.left(colon).trimmed(), line.mid(colon + 1).trimmed() };
        if (!info.m_index.contains(field.name))
            info.m_index.insert(field.name, field.value);
        current->fields.append(std::move(field));
    }
    return info;
}

QByteArray ServerInfo::value(const QByteArray& field) const
{
    return m_index.value(field);
}

qint64 ServerInfo::integer(const QByteArray& field, qint64 fallback) const
{
    bool ok = false;
    const qint64 result = m_index.value(field).toLongLong(&ok);
    return ok ? result : fallback;
}

double ServerInfo::number(const QByteArray& field, double fallback) const
{
    bool ok = false;
    const double result = m_index.value(field).toDouble(&ok);
    return ok ? result : fallback;
}

const ServerInfo::Section* ServerInfo::section(const QByteArray& name) const
{
    for (const Section& section : m_sections) {
        if (section.name == name)
            return &section;
    }
    return nullptr;
}

QHash<QByteArray, QByteArray> ServerInfo::parseProperties(const QByteArray& value)
{
    QHash<QByteArray, QByteArray> result;
    for (const QByteArray& part : value.split(',')) {
        const qsizetype equals = part.indexOf('=');
        if (equals > 0)
            result.insert(part.left(equals).trimmed(), part.mid(equals + 1).trimmed());
    }
    return result;
}

QList<KeyspaceEntry> ServerInfo::keyspace() const
{
    QList<KeyspaceEntry> result;
    const Section* keyspaceSection = section("keyspace");
    if (!keyspaceSection)
        return result;
    for (const Field& field : keyspaceSection->fields) {
        if (!field.name.startsWith("db"))
            continue;
        bool ok = false;
        KeyspaceEntry entry;
        entry.database = field.name.mid(2).toInt(&ok);
        if (!ok)
            continue;
        const auto properties = parseProperties(field.value);
        entry.keys = properties.value("keys").toLongLong();
        entry.expires = properties.value("expires").toLongLong();
        entry.averageTtlMs = properties.value("avg_ttl").toLongLong();
        result.append(entry);
    }
    return result;
}

} // namespace vermilion
