#pragma once

#include "client/reply.h"
#include "util/jobtracker.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace vermilion {

class Session;

// Fills a sandbox server with demo data that exercises every panel. Datasets are lists of commands
// sent pipelined on the session's bulk connection, a batch at a time, with progress. Features add
// their own datasets with addDataset().
class DemoSeeder : public QObject {
    Q_OBJECT
public:
    using Generator = std::function<QList<Command>()>;

    explicit DemoSeeder(Session* session, QObject* parent = nullptr);

    void addDataset(const QString& name, Generator generator);
    void setSession(Session* session) { m_session = session; }
    // The built-in datasets: namespaced keys of every type, big values, binary names, TTLs.
    void addDefaultDatasets();
    // Makes the datasets' commands in the pool, then sends them in batches; progress, then finished
    // or failed. A second start() drops what the first one still had to send.
    void start();
    void cancel();

    static QList<Command> basicKeys();
    static QList<Command> bigValues();
    static QList<Command> binaryKeys();
    // Values in every format the value viewer decodes (gzip, zlib, LZ4, Zstd, Snappy, base64, msgpack).
    static QList<Command> encodedValues();
    // Carmine and Zato locks (one without expiry), Carmine message queues of both layouts with
    // messages in every status, a Tundra dirty queue and evictable set, Nippy-framed message contents.
    // Times are taken from the local clock: the sandbox server runs on this machine.
    static QList<Command> carmineLocks();
    static QList<Command> carmineQueues();

signals:
    void progress(int done, int total, const QString& dataset);
    void finished();
    void failed(const QString& message);

private:
    void sendNextBatch();

    struct Dataset {
        QString name;
        Generator generator;
    };
    QPointer<Session> m_session;
    QList<Dataset> m_datasets;
    QList<QPair<QString, Command>> m_pending;
    qsizetype m_next = 0;
    JobTracker m_jobs; // a new start() or a cancel() makes what is on its way stale
};

} // namespace vermilion
