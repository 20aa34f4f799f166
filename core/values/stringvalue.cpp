#include "stringvalue.h"

#include "client/session.h"
#include "util/redistext.h"
#include "valuescripts.h"

#include <QCryptographicHash>
#include <QSaveFile>

namespace vermilion {

namespace {
// The server returns at most this much of a conflicting value: enough to show, never a huge reply.
constexpr qint64 conflictPreviewBytes = 1024 * 1024;
} // namespace

StringValue::StringValue(Session* session, const QByteArray& key, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_key(key)
{
    Q_ASSERT(session);
}

StringValue::~StringValue()
{
    if (m_file)
        m_file->cancelWriting();
}

bool StringValue::handleType(const QByteArray& actualType)
{
    if (actualType == "string")
        return true;
    if (actualType == "none")
        emit keyVanished(tr("The key \"%1\" no longer exists.").arg(RedisText::escape(m_key)));
    else
        emit keyVanished(tr("The key \"%1\" is now a %2, not a string; reopen it to see its new value.")
                             .arg(RedisText::escape(m_key), QString::fromLatin1(actualType)));
    return false;
}

void StringValue::load()
{
    const JobTracker::Ticket requested = m_jobs.next();
    // One round trip: when the value is small the preview range is the whole value.
    const QList<Command> batch { { "TYPE", m_key }, { "STRLEN", m_key },
        { "GETRANGE", m_key, "0", QByteArray::number(m_threshold - 1) } };
    m_session->executeBatch(
        batch, this,
        [this, requested](const QList<Reply>& replies) {
            if (m_jobs.isStale(requested) || replies.size() != 3)
                return;
            for (const Reply& reply : replies) {
                if (reply.isError()) {
                    emit errorOccurred(reply.errorMessage());
                    return;
                }
            }
            if (!handleType(replies.at(0).bytes()))
                return;
            m_length = replies.at(1).integerValue();
            m_bytes = replies.at(2).bytes();
            // The value may have changed between STRLEN and GETRANGE: what was read is what is shown.
            if (m_bytes.size() < m_threshold)
                m_length = m_bytes.size();
            m_loaded = true;
            emit loaded();
        },
        Session::Role::Interactive);
}

void StringValue::loadAll()
{
    if (isBusy())
        return;
    m_job = Job::LoadAll;
    m_cancel = false;
    m_jobBytes.clear();
    m_jobLength = -1;
    readChunk(0);
}

void StringValue::saveToFile(const QString& path)
{
    if (isBusy()) {
        emit fileSaved(false, tr("Another transfer of this value is still running."));
        return;
    }
    // QSaveFile: a cancelled or failed transfer leaves no half-written file behind.
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString message = tr("Cannot write %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        emit fileSaved(false, message);
        return;
    }
    m_job = Job::SaveToFile;
    m_cancel = false;
    m_jobLength = -1;
    readChunk(0);
}

void StringValue::cancel()
{
    m_cancel = true;
}

void StringValue::readChunk(qint64 offset)
{
    QList<Command> batch { { "TYPE", m_key }, { "STRLEN", m_key },
        { "GETRANGE", m_key, QByteArray::number(offset), QByteArray::number(offset + chunkSize - 1) } };
    m_session->executeBatch(
        batch, this,
        [this, offset](const QList<Reply>& replies) {
            if (m_cancel) {
                finishJob();
                emit cancelled();
                return;
            }
            QString error;
            for (const Reply& reply : replies) {
                if (reply.isError())
                    error = reply.errorMessage();
            }
            if (replies.size() != 3 && error.isEmpty())
                error = tr("The server sent an unexpected reply.");
            if (error.isEmpty() && replies.at(0).bytes() != "string") {
                const Job job = m_job;
                finishJob();
                handleType(replies.at(0).bytes());
                if (job == Job::SaveToFile)
                    emit fileSaved(false, tr("The key changed while it was being read; nothing was saved."));
                return;
            }
            const qint64 length = error.isEmpty() ? replies.at(1).integerValue() : 0;
            if (error.isEmpty() && m_jobLength >= 0 && length != m_jobLength)
                error = tr("The value changed on the server while it was being read (%1 bytes, now %2). "
                           "Try again.")
                            .arg(m_jobLength)
                            .arg(length);
            if (!error.isEmpty()) {
                const Job job = m_job;
                finishJob();
                if (job == Job::SaveToFile)
                    emit fileSaved(false, error);
                else
                    emit errorOccurred(error);
                return;
            }
            m_jobLength = length;
            const QByteArray& chunk = replies.at(2).bytes();
            const qint64 done = offset + chunk.size();
            if (m_job == Job::SaveToFile) {
                if (m_file->write(chunk) != chunk.size()) {
                    const QString message = tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
                    finishJob();
                    emit fileSaved(false, message);
                    return;
                }
            } else {
                if (m_jobBytes.isEmpty())
                    m_jobBytes.reserve(length);
                m_jobBytes.append(chunk);
            }
            emit progress(done, length);
            if (done < length && !chunk.isEmpty()) {
                readChunk(done);
                return;
            }
            if (m_job == Job::SaveToFile) {
                const bool ok = m_file->commit();
                const QString message = ok ? tr("Saved %1 bytes to %2.").arg(done).arg(m_file->fileName())
                                           : tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
                m_file.reset();
                m_job = Job::None;
                emit fileSaved(ok, message);
            } else {
                m_jobs.next(); // a load() still in flight must not replace the full value with a preview
                m_bytes = std::move(m_jobBytes);
                m_jobBytes = {};
                m_length = m_bytes.size();
                m_loaded = true;
                m_job = Job::None;
                emit loaded();
            }
        },
        Session::Role::Bulk);
}

void StringValue::finishJob()
{
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    m_jobBytes = {};
    m_job = Job::None;
}

bool StringValue::save(const QByteArray& newBytes, EditMode mode)
{
    if (!m_loaded) {
        emit errorOccurred(tr("The value is not loaded yet."));
        return false;
    }
    if (isPartial()) {
        emit errorOccurred(tr("Only the first %1 bytes of this %2-byte value are loaded. Load the whole value "
                              "before editing it, so that nothing beyond the preview is lost.")
                               .arg(m_bytes.size())
                               .arg(m_length));
        return false;
    }
    const QByteArray shownSha = QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha1).toHex();
    Command eval { "EVAL", ValueScripts::setString(), "1", m_key, ValueScripts::modeArgument(mode), shownSha, newBytes,
        QByteArray::number(conflictPreviewBytes) };
    const QByteArray shown = m_bytes;
    m_session->execute(
        eval, this,
        [this, shown, newBytes](const Reply& reply) {
            const ValueScripts::Result result = ValueScripts::parse(reply);
            switch (result.outcome) {
            case ValueScripts::Outcome::Applied:
                m_jobs.next();
                m_bytes = newBytes;
                m_length = newBytes.size();
                emit saved();
                break;
            case ValueScripts::Outcome::Conflict: {
                EditConflict conflict;
                conflict.operation = EditConflict::Operation::SetString;
                conflict.shown = shown;
                conflict.mine = newBytes;
                conflict.theirs = result.reply.bytes();
                conflict.theirsSize = result.extra.toInteger();
                emit conflictDetected(conflict);
                break;
            }
            case ValueScripts::Outcome::WrongType:
                handleType(result.actualType);
                break;
            case ValueScripts::Outcome::KeyGone:
                handleType("none");
                break;
            case ValueScripts::Outcome::Error:
                emit errorOccurred(result.error.errorMessage());
                break;
            }
        },
        Session::Role::Interactive);
    return true;
}

} // namespace vermilion
