#pragma once

#include "keyspace/memoryanalysis.h"

#include <QAbstractTableModel>

namespace vermilion {

// The big-keys scan's results as tables: per type (keys, bytes, elements, the biggest of each), and a
// list of keys (the biggest by bytes of every type, or the hottest) with type, size, elements, TTL
// and node.
class TypeTotalsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Type, Keys, Bytes, Elements, BiggestByBytes, BiggestByElements, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setReport(const MemoryReport& report);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MemoryReport::TypeTotal> m_types;
    qint64 m_totalBytes = 0;
};

class KeyDetailsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Key, Type, Bytes, Elements, Ttl, Frequency, Node, ColumnCount };
    enum { KeyRole = Qt::UserRole + 1 }; // the raw key bytes
    using QAbstractTableModel::QAbstractTableModel;
    void setKeys(const QList<MemoryReport::KeyDetail>& keys);
    const QList<MemoryReport::KeyDetail>& keys() const { return m_keys; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "1.5 MB", "3 h 20 min" for the tables.
    static QString bytesText(qint64 bytes);
    static QString ttlText(qint64 milliseconds);

private:
    QList<MemoryReport::KeyDetail> m_keys;
};

// The report as JSON (keys as text, or base64 when they are not UTF-8) or as CSV tables, for export.
namespace MemoryReportExport {
QByteArray toJson(const MemoryReport& report);
QByteArray toCsv(const MemoryReport& report);
} // namespace MemoryReportExport

} // namespace vermilion
