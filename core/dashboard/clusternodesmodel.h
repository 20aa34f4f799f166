#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// The nodes of a Redis Cluster as CLUSTER NODES reports them: address, role, master, slot ranges
// (with slots being migrated or imported), link state, failure flags and epochs. Refreshed on
// demand and on a timer while shown.
class ClusterNodesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Address, Role, Master, Slots, State, ConfigEpoch, Id, ColumnCount };
    struct Node {
        QByteArray id;
        QString address; // host:port (the cluster bus port and hostname dropped)
        QString hostname;
        QList<QByteArray> flags; // myself, master, slave, fail?, fail, handshake, noaddr, nofailover...
        QByteArray masterId; // "-" for a master
        qint64 pingSentMs = 0;
        qint64 pongReceivedMs = 0;
        qint64 configEpoch = 0;
        QByteArray linkState; // connected / disconnected
        QList<std::pair<int, int>> slotRanges;
        QList<QByteArray> migrations; // "[1234->-<id>]" and "[1234-<-<id>]"
        bool isMaster() const { return flags.contains("master"); }
        bool isFailing() const { return flags.contains("fail") || flags.contains("fail?"); }
        int slotCount() const;
    };

    // CLUSTER NODES text, from a server that may be broken or hostile: malformed lines are skipped.
    static QList<Node> parse(const QByteArray& text);
    // "0-5460, 10923" for the slot column.
    static QString slotText(const Node& node);

    explicit ClusterNodesModel(Session* session, QObject* parent = nullptr);

    void refresh();
    // CLUSTER FAILOVER on a replica (the caller confirmed it; refused on a read-only profile by the
    // session's own check). failoverFinished() follows, with the server's error if any.
    void failOver(const QString& replicaAddress);
    const QList<Node>& nodes() const { return m_nodes; }
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();
    void errorOccurred(const QString& message);
    void failoverFinished(const QString& replicaAddress, const QString& error);

private:
    void setNodes(QList<Node> nodes);
    QPointer<Session> m_session;
    QList<Node> m_nodes;
    QString m_error;
    JobTracker m_jobs;
};

} // namespace vermilion
