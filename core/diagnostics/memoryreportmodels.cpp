#include "memoryreportmodels.h"

#include "util/redistext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringDecoder>

namespace vermilion {

QString KeyDetailsModel::bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString KeyDetailsModel::ttlText(qint64 milliseconds)
{
    if (milliseconds < 0)
        return tr("none");
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(QString::number(double(milliseconds) / 1000.0, 'f', seconds < 10 ? 1 : 0));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

void TypeTotalsModel::setReport(const MemoryReport& report)
{
    beginResetModel();
    m_types = report.types;
    m_totalBytes = report.totalBytes;
    endResetModel();
}

int TypeTotalsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_types.size()); }
int TypeTotalsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TypeTotalsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_types.size())
        return {};
    const MemoryReport::TypeTotal& type = m_types.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == Keys || index.column() == Bytes || index.column() == Elements))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Type:
        return QString::fromUtf8(type.type);
    case Keys:
        return locale.toString(type.keys);
    case Bytes:
        return m_totalBytes > 0 ? tr("%1 (%2 %)").arg(KeyDetailsModel::bytesText(type.bytes),
                                                      QString::number(100.0 * double(type.bytes) / double(m_totalBytes), 'f', 1))
                                : KeyDetailsModel::bytesText(type.bytes);
    case Elements:
        return locale.toString(type.elements);
    case BiggestByBytes:
        return type.biggestByBytes.isEmpty() ? QString()
                                             : tr("%1 (%2)").arg(RedisText::escape(type.biggestByBytes.first().key),
                                                                 KeyDetailsModel::bytesText(type.biggestByBytes.first().bytes));
    case BiggestByElements:
        return type.biggestByElements.isEmpty()
            ? QString()
            : tr("%1 (%2)").arg(RedisText::escape(type.biggestByElements.first().key),
                                locale.toString(type.biggestByElements.first().elements));
    }
    return {};
}

QVariant TypeTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Type");
    case Keys:
        return tr("Keys");
    case Bytes:
        return tr("Memory");
    case Elements:
        return tr("Elements");
    case BiggestByBytes:
        return tr("Biggest by memory");
    case BiggestByElements:
        return tr("Biggest by elements");
    }
    return {};
}

void KeyDetailsModel::setKeys(const QList<MemoryReport::KeyDetail>& keys)
{
    beginResetModel();
    m_keys = keys;
    endResetModel();
}

int KeyDetailsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_keys.size()); }
int KeyDetailsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant KeyDetailsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.size())
        return {};
    const MemoryReport::KeyDetail& key = m_keys.at(index.row());
    if (role == KeyRole)
        return key.key;
    if (role == Qt::TextAlignmentRole && index.column() >= Bytes && index.column() <= Frequency)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Key:
        return RedisText::escape(key.key);
    case Type:
        return QString::fromUtf8(key.type);
    case Bytes:
        return bytesText(key.bytes);
    case Elements:
        return key.elements >= 0 ? QLocale().toString(key.elements) : QString();
    case Ttl:
        return ttlText(key.ttlMs);
    case Frequency:
        return key.frequency >= 0 ? QVariant(key.frequency) : QVariant();
    case Node:
        return key.node;
    }
    return {};
}

QVariant KeyDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Type:
        return tr("Type");
    case Bytes:
        return tr("Memory");
    case Elements:
        return tr("Elements");
    case Ttl:
        return tr("TTL");
    case Frequency:
        return tr("LFU frequency");
    case Node:
        return tr("Node");
    }
    return {};
}

namespace MemoryReportExport {

namespace {
// Keys are binary: UTF-8 ones as text, others as base64 with a marker field.
QJsonObject keyObject(const QByteArray& key)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(key);
    if (!decoder.hasError())
        return { { QStringLiteral("key"), text } };
    return { { QStringLiteral("key_base64"), QString::fromLatin1(key.toBase64()) } };
}

QJsonObject detailObject(const MemoryReport::KeyDetail& detail)
{
    QJsonObject object = keyObject(detail.key);
    object.insert(QStringLiteral("type"), QString::fromUtf8(detail.type));
    object.insert(QStringLiteral("bytes"), detail.bytes);
    if (detail.elements >= 0)
        object.insert(QStringLiteral("elements"), detail.elements);
    if (detail.ttlMs >= 0)
        object.insert(QStringLiteral("ttl_ms"), detail.ttlMs);
    if (detail.frequency >= 0)
        object.insert(QStringLiteral("lfu_frequency"), detail.frequency);
    if (!detail.node.isEmpty())
        object.insert(QStringLiteral("node"), detail.node);
    return object;
}

QByteArray csvField(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + quoted.toUtf8() + '"';
}
} // namespace

QByteArray toJson(const MemoryReport& report)
{
    QJsonObject root { { QStringLiteral("keys"), report.totalKeys },
                       { QStringLiteral("bytes"), report.totalBytes },
                       { QStringLiteral("cancelled"), report.cancelled },
                       { QStringLiteral("seconds"), report.seconds },
                       { QStringLiteral("eviction_policy"), report.evictionPolicy } };
    QJsonArray types;
    for (const MemoryReport::TypeTotal& type : report.types) {
        QJsonArray byBytes;
        for (const auto& detail : type.biggestByBytes)
            byBytes.append(detailObject(detail));
        QJsonArray byElements;
        for (const auto& detail : type.biggestByElements)
            byElements.append(detailObject(detail));
        types.append(QJsonObject { { QStringLiteral("type"), QString::fromUtf8(type.type) },
                                   { QStringLiteral("keys"), type.keys },
                                   { QStringLiteral("bytes"), type.bytes },
                                   { QStringLiteral("elements"), type.elements },
                                   { QStringLiteral("biggest_by_bytes"), byBytes },
                                   { QStringLiteral("biggest_by_elements"), byElements } });
    }
    root.insert(QStringLiteral("types"), types);
    QJsonArray ttl;
    for (const MemoryReport::TtlRange& range : report.ttl) {
        QJsonObject object { { QStringLiteral("range"), range.label }, { QStringLiteral("keys"), range.keys } };
        if (range.upToMs >= 0)
            object.insert(QStringLiteral("below_ms"), range.upToMs);
        ttl.append(object);
    }
    root.insert(QStringLiteral("ttl"), ttl);
    QJsonArray hottest;
    for (const auto& detail : report.hottest)
        hottest.append(detailObject(detail));
    root.insert(QStringLiteral("hot_keys"), hottest);
    if (!report.hotKeysNote.isEmpty())
        root.insert(QStringLiteral("hot_keys_note"), report.hotKeysNote);
    QJsonArray namespaces;
    for (const MemoryReport::NamespaceTotal& total : report.namespaces) {
        QJsonObject object = total.noNamespace ? QJsonObject { { QStringLiteral("no_namespace"), true } }
                                               : keyObject(total.prefix);
        object.insert(QStringLiteral("keys"), total.keys);
        object.insert(QStringLiteral("bytes"), total.bytes);
        namespaces.append(object);
    }
    root.insert(QStringLiteral("namespaces"), namespaces);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray toCsv(const MemoryReport& report)
{
    // One table: every listed key (biggest per type by memory and by elements, and the hottest),
    // then the per-type and per-namespace totals, each row saying what it is.
    QByteArray out = "section,type,key,bytes,elements,ttl_ms,lfu_frequency,keys\n";
    const auto keyRow = [&out](const char* section, const MemoryReport::KeyDetail& detail) {
        out += QByteArray(section) + ',' + csvField(QString::fromUtf8(detail.type)) + ','
            + csvField(RedisText::escape(detail.key)) + ',' + QByteArray::number(detail.bytes) + ','
            + (detail.elements >= 0 ? QByteArray::number(detail.elements) : QByteArray()) + ','
            + (detail.ttlMs >= 0 ? QByteArray::number(detail.ttlMs) : QByteArray()) + ','
            + (detail.frequency >= 0 ? QByteArray::number(detail.frequency) : QByteArray()) + ",\n";
    };
    for (const MemoryReport::TypeTotal& type : report.types) {
        out += "type_total," + csvField(QString::fromUtf8(type.type)) + ",," + QByteArray::number(type.bytes) + ','
            + QByteArray::number(type.elements) + ",,," + QByteArray::number(type.keys) + '\n';
        for (const auto& detail : type.biggestByBytes)
            keyRow("biggest_by_bytes", detail);
        for (const auto& detail : type.biggestByElements)
            keyRow("biggest_by_elements", detail);
    }
    for (const auto& detail : report.hottest)
        keyRow("hot", detail);
    for (const MemoryReport::TtlRange& range : report.ttl)
        out += "ttl," + csvField(range.label) + ",,,,,," + QByteArray::number(range.keys) + '\n';
    for (const MemoryReport::NamespaceTotal& total : report.namespaces)
        out += "namespace,," + csvField(total.displayName()) + ',' + QByteArray::number(total.bytes) + ",,,,"
            + QByteArray::number(total.keys) + '\n';
    return out;
}

} // namespace MemoryReportExport

} // namespace vermilion
