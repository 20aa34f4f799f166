#pragma once

#include "client/reply.h"
#include "editconflict.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <functional>
#include "util/jobtracker.h"

namespace vermilion {

class Session;

// Common ground of the models that show one key's elements: where replies go, how a vanished key or
// a changed type is reported, and how conflict-safe edits are run. Every load carries a generation:
// reload() starts a new one and replies of older generations are dropped.
class ValueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles {
        RawRole = Qt::UserRole + 1, // the cell's bytes (QByteArray), unescaped and uncut
        LoadedRole, // bool: false while the row is a placeholder
    };

    ValueModel(Session* session, const QByteArray& key, const QByteArray& type, QObject* parent = nullptr);

    Session* session() const { return m_session; }
    QByteArray key() const { return m_key; }
    QByteArray type() const { return m_type; }
    bool isLoading() const { return m_loading; }

    // Drops what was loaded and starts again from the first page.
    virtual void reload() = 0;

    // Cells show at most this many bytes (escaped); RawRole has the whole value.
    static constexpr qsizetype displayLimit = 512;
    static QString displayText(const QByteArray& bytes);
    static QString placeholderText();

signals:
    void loadingChanged(bool loading);
    // A page or an edit failed: a lost link, a read-only refusal, a server error. Already a sentence.
    void errorOccurred(const QString& message);
    // An edit was refused because the value changed since it was shown; nothing was written.
    void conflictDetected(const vermilion::EditConflict& conflict);
    // The key no longer exists or holds another type now.
    void keyVanished(const QString& message);
    // An edit was applied on the server.
    void edited();

protected:
    quint64 startGeneration() { return m_jobs.next(); }
    quint64 generation() const { return m_jobs.current(); }
    void setLoading(bool loading);

    // Sends TYPE then the commands in one pipeline. onReplies gets the commands' replies only when
    // the generation is still current, the key still has this model's type and nothing failed.
    void fetch(const QList<Command>& commands, std::function<void(const QList<Reply>&)> onReplies);

    // Runs a ValueScripts script on this key. applied gets the write's own reply; conflicts are
    // emitted with conflict.theirs filled in.
    void runEdit(const QByteArray& script, const Command& arguments, const EditConflict& conflict,
        std::function<void(const Reply&)> applied);
    // The common "same type, then run this command" edit (SADD, SREM, XADD, LPUSH...).
    void runGuarded(const Command& commandAndArguments, std::function<void(const Reply&)> applied);

    QString vanishedMessage(const QByteArray& actualType) const;

private:
    Session* m_session;
    QByteArray m_key;
    QByteArray m_type;
    JobTracker m_jobs;
    bool m_loading = false;
};

} // namespace vermilion
