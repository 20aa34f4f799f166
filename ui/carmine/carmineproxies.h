#pragma once

#include <QSortFilterProxyModel>

namespace vermilion::ui {

// Colours a flagged lock (red: never expires; amber: expiring soon), readable in light and dark
// palettes, and filters on name, key and owner.
class LockFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LockFilterProxy(QObject* parent = nullptr);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

// Filters messages by status (-1 = every status) and by text in the mid or the decoded content.
class MessageFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit MessageFilterProxy(QObject* parent = nullptr);
    void setStatusFilter(int status);
    int statusFilter() const { return m_status; }
    void setTextFilter(const QString& text);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_status = -1;
    QString m_text;
};

// Shows only evictable keys missing from Redis when asked.
class EvictedFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EvictedFilterProxy(QObject* parent = nullptr);
    void setMissingOnly(bool missingOnly);
    bool missingOnly() const { return m_missingOnly; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_missingOnly = true;
};

// Status colours shared by the panels.
QColor warningColor();
QColor dangerColor();
QColor mutedColor();

} // namespace vermilion::ui
