#include "carmineproxies.h"

#include "carmine/lockmodel.h"
#include "carmine/messagestatus.h"
#include "carmine/queuemessagemodel.h"
#include "carmine/tundraevictedmodel.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QPalette>

namespace vermilion::ui {

namespace {
bool darkPalette()
{
    return QApplication::palette().color(QPalette::Base).lightness() < 128;
}
} // namespace

QColor dangerColor()
{
    return darkPalette() ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}
QColor warningColor()
{
    return darkPalette() ? QColor(0xf0, 0xb4, 0x29) : QColor(0xa8, 0x5d, 0x00);
}
QColor mutedColor()
{
    return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

LockFilterProxy::LockFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(LockModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

QVariant LockFilterProxy::data(const QModelIndex& index, int role) const
{
    if (role == Qt::ForegroundRole
        && (index.column() == LockModel::FlagsColumn || index.column() == LockModel::TimeLeftColumn)) {
        const int flags = QSortFilterProxyModel::data(index, LockModel::FlagsRole).toInt();
        if (flags & (LockModel::NeverExpires | LockModel::NotAString))
            return dangerColor();
        if (flags & (LockModel::ExpiringSoon | LockModel::Expired))
            return warningColor();
    }
    if (role == Qt::FontRole && index.column() == LockModel::FlagsColumn
        && (QSortFilterProxyModel::data(index, LockModel::FlagsRole).toInt() & LockModel::NeverExpires)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return QSortFilterProxyModel::data(index, role);
}

MessageFilterProxy::MessageFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(QueueMessageModel::SortRole);
}

void MessageFilterProxy::setStatusFilter(int status)
{
    m_status = status;
    invalidateFilter();
}

void MessageFilterProxy::setTextFilter(const QString& text)
{
    m_text = text;
    invalidateFilter();
}

bool MessageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex mid = sourceModel()->index(sourceRow, QueueMessageModel::MidColumn, sourceParent);
    if (m_status >= 0 && sourceModel()->data(mid, QueueMessageModel::StatusRole).toInt() != m_status)
        return false;
    if (m_text.isEmpty())
        return true;
    return sourceModel()->data(mid, Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || sourceModel()
               ->data(mid, QueueMessageModel::ContentTextRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

QVariant MessageFilterProxy::data(const QModelIndex& index, int role) const
{
    if (role == Qt::ForegroundRole) {
        const auto status = MessageStatus(QSortFilterProxyModel::data(index, QueueMessageModel::StatusRole).toInt());
        if (index.column() == QueueMessageModel::StatusColumn) {
            if (status == MessageStatus::Locked || status == MessageStatus::LockedWithRequeue)
                return warningColor();
            if (status == MessageStatus::DoneAwaitingGc || status == MessageStatus::DoneWithBackoff
                || status == MessageStatus::DoneWithRequeue)
                return mutedColor();
        }
        if (index.column() == QueueMessageModel::KeyExistsColumn
            && !QSortFilterProxyModel::data(index, QueueMessageModel::SortRole).toBool())
            return dangerColor();
        if (index.column() == QueueMessageModel::ContentColumn
            && !QSortFilterProxyModel::data(index, QueueMessageModel::DecodeErrorRole).toString().isEmpty())
            return mutedColor();
    }
    return QSortFilterProxyModel::data(index, role);
}

EvictedFilterProxy::EvictedFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TundraEvictedModel::SortRole);
}

void EvictedFilterProxy::setMissingOnly(bool missingOnly)
{
    m_missingOnly = missingOnly;
    invalidateFilter();
}

bool EvictedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_missingOnly)
        return true;
    return sourceModel()
        ->data(sourceModel()->index(sourceRow, 0, sourceParent), TundraEvictedModel::MissingRole)
        .toBool();
}

QVariant EvictedFilterProxy::data(const QModelIndex& index, int role) const
{
    if (role == Qt::ForegroundRole && index.column() == TundraEvictedModel::InRedisColumn
        && QSortFilterProxyModel::data(index, TundraEvictedModel::MissingRole).toBool())
        return dangerColor();
    return QSortFilterProxyModel::data(index, role);
}

} // namespace vermilion::ui
