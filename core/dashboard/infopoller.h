#pragma once

#include "history.h"
#include "sample.h"
#include "server/serverinfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QTimer;

namespace vermilion {

class Session;

// Polls INFO on the session's dashboard connection, so a slow INFO never delays a click, and turns
// each answer into a Sample whose rates come from counter deltas. A counter that goes backwards means
// the server restarted (or CONFIG RESETSTAT ran): that step has no rate rather than a huge spike.
class InfoPoller : public QObject {
    Q_OBJECT
public:
    explicit InfoPoller(Session* session, QObject* parent = nullptr, qsizetype historyCapacity = History::defaultCapacity);
    ~InfoPoller() override;

    void setInterval(int milliseconds);
    int interval() const;
    void start();
    void stop();
    bool isActive() const;
    // Polls now, unless a poll is already on its way.
    void pollNow();

    const History& history() const { return m_history; }
    const ServerInfo& lastInfo() const { return m_lastInfo; }
    QString lastError() const { return m_lastError; }

    // The sample for `current`, with rates over the `elapsedMs` since `previous` (no rates when
    // `previous` is empty or elapsedMs is not positive).
    static Sample makeSample(const ServerInfo& previous, const ServerInfo& current, qint64 elapsedMs, qint64 timeMs);

signals:
    void sampled(const vermilion::Sample& sample);
    void infoChanged(const vermilion::ServerInfo& info);
    // INFO was refused (an ACL rule) or failed; the text says why.
    void failed(const QString& message);

private:
    void onReply(const QByteArray& text, qint64 elapsedNs);

    Session* m_session;
    QTimer* m_timer;
    History m_history;
    ServerInfo m_lastInfo;
    QString m_lastError;
    QElapsedTimer m_clock;
    qint64 m_lastNs = -1;
    bool m_inFlight = false;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::Sample)
