#include "keyinfoloader.h"

#include "client/session.h"

namespace vermilion {

namespace {
const QList<QByteArray>& knownTypes()
{
    static const QList<QByteArray> types { "string", "hash", "list", "set", "zset", "stream" };
    return types;
}
} // namespace

KeyInfoLoader::KeyInfoLoader(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
}

void KeyInfoLoader::load(const QByteArray& key, const QByteArray& knownType)
{
    const JobTracker::Ticket requested = m_jobs.next();
    QList<Command> batch { { "TYPE", key }, { "PTTL", key }, { "OBJECT", "ENCODING", key },
        { "MEMORY", "USAGE", key } };
    const QList<QByteArray> sizeTypes = knownType.isEmpty() ? knownTypes() : QList<QByteArray> { knownType };
    for (const QByteArray& type : sizeTypes) {
        const QByteArray command = KeyInfo::sizeCommand(type);
        if (!command.isEmpty())
            batch.append({ command, key });
    }
    m_session->executeBatch(
        batch, this,
        [this, requested, key, sizeTypes](const QList<Reply>& replies) {
            if (m_jobs.isStale(requested))
                return;
            if (replies.size() < 4 || replies.at(0).isError()) {
                emit failed(key, replies.isEmpty() ? tr("No reply from the server.") : replies.at(0).errorMessage());
                return;
            }
            KeyInfo info;
            info.key = key;
            info.type = replies.at(0).bytes();
            info.exists = info.type != "none";
            if (info.exists) {
                info.ttlMs = replies.at(1).isInteger() ? qMax<qint64>(-1, replies.at(1).integerValue()) : -1;
                info.encoding = replies.at(2).isError() ? QByteArray() : replies.at(2).bytes();
                info.memoryBytes = replies.at(3).isInteger() ? replies.at(3).integerValue() : -1;
                qsizetype i = 4;
                for (const QByteArray& type : sizeTypes) {
                    if (KeyInfo::sizeCommand(type).isEmpty())
                        continue;
                    if (type == info.type && i < replies.size() && replies.at(i).isInteger())
                        info.size = replies.at(i).integerValue();
                    ++i;
                }
            }
            emit loaded(info);
        },
        Session::Role::Interactive);
}

} // namespace vermilion
