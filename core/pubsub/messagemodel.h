#pragma once

#include "pubsubmessage.h"
#include "streamtablemodel.h"

#include <QString>

class QIODevice;

namespace vermilion {

// A message as a pane keeps it: the message and what its rule said about showing it.
struct PaneMessage {
    PubSubMessage message;
    QString colour; // "#rrggbb" or empty
    QString decoder; // "auto" or a FormatRegistry id
};

// A pane's message view: the newest capacity() messages (100,000 by default) with a count of the
// dropped ones, pause, and a search filter. Payloads are decoded only for the rows a view asks for.
class MessageModel : public StreamTableModel<PaneMessage> {
    Q_OBJECT
public:
    enum Column { TimeColumn, ChannelColumn, PatternColumn, PayloadColumn, SizeColumn, ColumnCount };
    enum Role {
        ColourRole = Qt::UserRole + 1, // QString "#rrggbb" or empty
        KindRole, // int(PubSubMessage::Kind)
        DecodedRole, // the whole payload decoded (pretty), for a details view
        RawPayloadRole, // QByteArray
        ChannelBytesRole, // QByteArray
    };

    explicit MessageModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Case-insensitive text found in the channel, pattern or payload (as shown, escapes included).
    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }

    // The shown rows: one JSON object per line, or CSV with a header. Returns false on a write error.
    bool exportJsonLines(QIODevice* device) const;
    bool exportCsv(QIODevice* device) const;

    static QString decode(const QByteArray& payload, const QString& decoder, bool pretty);
    static QString describe(const PubSubMessage& message); // confirmations, gaps, errors
    static QString formatTime(qint64 msecsSinceEpoch);
    static QJsonObject toJson(const PaneMessage& row);

signals:
    void countsChanged();

protected:
    bool accepts(const PaneMessage& row) const override;
    bool filterActive() const override { return !m_search.isEmpty(); }
    void countsUpdated() override { emit countsChanged(); }

private:
    QString m_search;
    QByteArray m_searchBytes; // lower-cased
};

} // namespace vermilion
