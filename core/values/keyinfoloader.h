#pragma once

#include "keyinfo.h"

#include <QObject>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// Reads a KeyInfo in one pipeline. When the caller knows the type (the key browser does) only its
// size command is sent; otherwise every size command goes along and the one matching TYPE is used
// (the others answer WRONGTYPE, which costs nothing more than the round trip already paid).
class KeyInfoLoader : public QObject {
    Q_OBJECT
public:
    explicit KeyInfoLoader(Session* session, QObject* parent = nullptr);

    // A newer load() makes the replies of an older one be dropped.
    void load(const QByteArray& key, const QByteArray& knownType = {});

signals:
    void loaded(const vermilion::KeyInfo& info);
    void failed(const QByteArray& key, const QString& message);

private:
    Session* m_session;
    JobTracker m_jobs;
};

} // namespace vermilion
