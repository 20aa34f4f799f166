#pragma once

#include "editconflict.h"

#include <QByteArray>
#include <QObject>
#include <atomic>
#include <memory>
#include "util/jobtracker.h"

class QSaveFile;

namespace vermilion {

class Session;

// One string key. load() reads the whole value when it is at most threshold() bytes, otherwise the
// first threshold() bytes as a preview (isPartial()). loadAll() and saveToFile() read the rest in
// chunks on the bulk connection, so a 100 MB value neither blocks clicks nor sits in one reply;
// saveToFile() never holds more than one chunk. save() writes only if the server still holds exactly
// what was shown (compared by SHA-1 on the server, so the value does not travel back).
class StringValue : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 defaultThreshold = 1024 * 1024;
    static constexpr qint64 chunkSize = 1024 * 1024;

    StringValue(Session* session, const QByteArray& key, QObject* parent = nullptr);
    ~StringValue() override;

    QByteArray key() const { return m_key; }
    qint64 threshold() const { return m_threshold; }
    void setThreshold(qint64 bytes) { m_threshold = qMax<qint64>(1, bytes); }

    void load();
    bool isLoaded() const { return m_loaded; }
    bool isPartial() const { return m_loaded && m_bytes.size() < m_length; }
    QByteArray value() const { return m_bytes; } // the whole value, or the preview when partial
    qint64 length() const { return m_length; } // STRLEN when loaded

    // Reads the whole value (progress, then loaded() or cancelled()).
    void loadAll();
    // Writes the server's bytes to a file, chunk by chunk (progress, then fileSaved()).
    void saveToFile(const QString& path);
    bool isBusy() const { return m_job != Job::None; }
    void cancel();

    // Writes newBytes if the value is still what was shown. Refused (errorOccurred) while partial.
    bool save(const QByteArray& newBytes, EditMode mode = EditMode::Checked);

signals:
    void loaded();
    void progress(qint64 done, qint64 total);
    void cancelled();
    void fileSaved(bool ok, const QString& message);
    void saved();
    void conflictDetected(const vermilion::EditConflict& conflict);
    void keyVanished(const QString& message);
    void errorOccurred(const QString& message);

private:
    enum class Job { None, LoadAll, SaveToFile };
    void readChunk(qint64 offset);
    void finishJob();
    bool handleType(const QByteArray& actualType);

    Session* m_session;
    QByteArray m_key;
    qint64 m_threshold = defaultThreshold;
    QByteArray m_bytes;
    qint64 m_length = 0;
    bool m_loaded = false;
    JobTracker m_jobs;

    Job m_job = Job::None;
    std::atomic<bool> m_cancel { false };
    qint64 m_jobLength = 0;
    QByteArray m_jobBytes;
    std::unique_ptr<QSaveFile> m_file;
};

} // namespace vermilion
