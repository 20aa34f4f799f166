#include "valuemodel.h"

#include "client/session.h"
#include "util/redistext.h"
#include "valuescripts.h"

namespace vermilion {

ValueModel::ValueModel(Session* session, const QByteArray& key, const QByteArray& type, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_key(key)
    , m_type(type)
{
    Q_ASSERT(session);
}

QString ValueModel::displayText(const QByteArray& bytes)
{
    if (bytes.size() <= displayLimit)
        return RedisText::escape(bytes);
    return RedisText::escape(bytes.left(displayLimit)) + QStringLiteral("…");
}

QString ValueModel::placeholderText()
{
    return tr("Loading...");
}

void ValueModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

QString ValueModel::vanishedMessage(const QByteArray& actualType) const
{
    if (actualType.isEmpty() || actualType == "none")
        return tr("The key \"%1\" no longer exists.").arg(RedisText::escape(m_key));
    return tr("The key \"%1\" is now a %2, not a %3; reopen it to see its new value.")
        .arg(RedisText::escape(m_key), QString::fromLatin1(actualType), QString::fromLatin1(m_type));
}

void ValueModel::fetch(const QList<Command>& commands, std::function<void(const QList<Reply>&)> onReplies)
{
    QList<Command> batch;
    batch.reserve(commands.size() + 1);
    batch.append({ "TYPE", m_key });
    batch.append(commands);
    const JobTracker::Ticket requested = m_jobs.current();
    const qsizetype batchSize = batch.size();
    m_session->executeBatch(
        batch, this,
        [this, requested, batchSize, onReplies = std::move(onReplies)](const QList<Reply>& replies) {
            if (m_jobs.isStale(requested))
                return; // a reload started since: this page belongs to the old data
            if (replies.size() != batchSize)
                return;
            // The type first: on a key that changed type the other commands fail with WRONGTYPE,
            // and "the key is now a string" is what the user needs to hear.
            const Reply& type = replies.first();
            if (!type.isError() && type.bytes() != m_type) {
                setLoading(false);
                emit keyVanished(vanishedMessage(type.bytes()));
                return;
            }
            for (const Reply& reply : replies) {
                if (reply.isError()) {
                    setLoading(false);
                    emit errorOccurred(reply.errorMessage());
                    return;
                }
            }
            onReplies(replies.mid(1));
        },
        Session::Role::Interactive);
}

void ValueModel::runEdit(const QByteArray& script, const Command& arguments, const EditConflict& conflict,
    std::function<void(const Reply&)> applied)
{
    Command eval { "EVAL", script, "1", m_key };
    eval.append(arguments);
    m_session->execute(
        eval, this,
        [this, conflict, applied = std::move(applied)](const Reply& reply) {
            const ValueScripts::Result result = ValueScripts::parse(reply);
            switch (result.outcome) {
            case ValueScripts::Outcome::Applied:
                if (applied)
                    applied(result.reply);
                emit edited();
                break;
            case ValueScripts::Outcome::Conflict: {
                EditConflict filled = conflict;
                filled.theirsExists = !result.reply.isNil();
                filled.theirs = result.reply.bytes();
                emit conflictDetected(filled);
                break;
            }
            case ValueScripts::Outcome::WrongType:
                emit keyVanished(vanishedMessage(result.actualType));
                break;
            case ValueScripts::Outcome::KeyGone:
                emit keyVanished(vanishedMessage({}));
                break;
            case ValueScripts::Outcome::Error:
                emit errorOccurred(result.error.errorMessage());
                break;
            }
        },
        Session::Role::Interactive);
}

void ValueModel::runGuarded(const Command& commandAndArguments, std::function<void(const Reply&)> applied)
{
    Command arguments { m_type };
    arguments.append(commandAndArguments);
    runEdit(ValueScripts::guardedCall(), arguments, {}, std::move(applied));
}

} // namespace vermilion
