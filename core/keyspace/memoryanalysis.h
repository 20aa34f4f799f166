#pragma once

#include "client/keyspacescan.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <vector>

namespace vermilion {

class Reply;
class Session;

// What a memory analysis found: a plain value, handed over whole when the analysis ends.
struct MemoryReport {
    struct NamespaceTotal {
        // The folder path without its trailing separator ("app:user"); empty with noNamespace for
        // keys that hold no separator at all (an empty prefix alone is the folder of ":x" keys).
        QByteArray prefix;
        bool noNamespace = false;
        qint64 keys = 0;
        qint64 bytes = 0;

        // "(no namespace)" (translated) or the prefix with binary bytes escaped as redis-cli does.
        QString displayName() const;
        bool operator==(const NamespaceTotal&) const = default;
    };
    struct KeySize {
        QByteArray key;
        qint64 bytes = 0;
        bool operator==(const KeySize&) const = default;
    };

    // The big-keys scan (MemoryAnalysis::Options::details): per type, like redis-cli --bigkeys and
    // --memkeys together, the TTL distribution, and hot keys like --hotkeys.
    struct KeyDetail {
        QByteArray key;
        QByteArray type;
        qint64 bytes = 0;
        qint64 elements = -1; // -1: a type whose size has no command (module types)
        qint64 ttlMs = -1; // -1: no expiry
        qint64 frequency = -1; // OBJECT FREQ (LFU only)
        QString node; // cluster: where it lives
        bool operator==(const KeyDetail&) const = default;
    };
    struct TypeTotal {
        QByteArray type;
        qint64 keys = 0;
        qint64 bytes = 0;
        qint64 elements = 0;
        QList<KeyDetail> biggestByBytes; // at most Options::topPerType, biggest first
        QList<KeyDetail> biggestByElements;
    };
    struct TtlRange {
        qint64 upToMs = -1; // -1 for the ranges "no expiry" and the last one
        qint64 keys = 0;
        QString label;
    };

    QList<NamespaceTotal> namespaces; // biggest first
    QList<KeySize> biggestKeys; // biggest first, at most MemoryAnalysis::biggestKeyLimit()
    qint64 totalKeys = 0; // keys measured (those gone before they were measured are not counted)
    qint64 totalBytes = 0;
    bool cancelled = false; // the numbers cover only the part of the keyspace read before cancel()

    bool detailed = false;
    QList<TypeTotal> types; // most bytes first
    QList<TtlRange> ttl; // no expiry, then shortest first
    QList<KeyDetail> hottest; // highest OBJECT FREQ first (LFU only)
    QString hotKeysNote; // why there are no hot keys, when there are none
    QString evictionPolicy;
    double seconds = 0;
};

// Where the memory goes, by namespace and by key, for every key matching a pattern: SCAN walks the
// keyspace on the session's bulk connection and each step's keys are measured with pipelined
// MEMORY USAGE while the next step is read. Created and driven on its caller's thread.
//
// MEMORY USAGE is sent without SAMPLES, i.e. with the server's default of 5: exact for strings and
// small encodings, an estimate from five elements for big hashes, lists, sets and streams. SAMPLES 0
// would be exact but walks every element of every collection, which on a million-field hash holds
// the server for as long as that takes: not something to do to production behind the user's back.
class MemoryAnalysis : public QObject {
    Q_OBJECT
public:
    // groupDepth: how many separator-split segments name a namespace (1: "app", 2: "app:user"). A key
    // with fewer segments counts towards its own folder ("app:1" is in "app" at depth 2).
    MemoryAnalysis(
        Session* session, QByteArray matchPattern, QByteArray separator, int groupDepth, QObject* parent = nullptr);
    ~MemoryAnalysis() override;

    struct Options {
        int count = 1000; // SCAN COUNT
        int pauseMs = 0; // between SCAN steps, to spare a production server
        // The big-keys scan: TYPE, element counts, PTTL and (LFU) OBJECT FREQ besides MEMORY USAGE.
        bool details = false;
        int samples = 5; // MEMORY USAGE ... SAMPLES (0 = every element: exact, and slow on big keys)
        int topPerType = 10;
    };
    void setOptions(const Options& options) { m_options = options; }
    const Options& options() const { return m_options; }

    void setBiggestKeyLimit(int count) { m_biggestLimit = qMax(0, count); }
    int biggestKeyLimit() const { return m_biggestLimit; }
    bool isRunning() const { return m_state == State::Running; }

    void start();
    // Stops sending; what was already sent is still measured, then finished() comes with a report
    // marked cancelled. Nothing happens if the analysis is not running.
    void cancel();

signals:
    // As each SCAN step arrives, before its keys are measured.
    void progress(qint64 scanned);
    void finished(const vermilion::MemoryReport& report);
    void failed(const QString& message);

private:
    enum class State { Idle, Running, Finished };
    struct Totals {
        qint64 keys = 0;
        qint64 bytes = 0;
    };

    void scanNextBatch();
    void onScanPage(const Reply& keys, const QString& node);
    void measureBatch(const QList<Reply>& keys);
    void measureDetails(const QList<Reply>& keys, const QString& node);
    void onMemoryReplies(const QList<Reply>& keys, const QList<Reply>& replies);
    void onDetailReplies(const QList<Reply>& keys, const QString& node, const QList<Reply>& replies);
    void onElementReplies(std::shared_ptr<std::vector<MemoryReport::KeyDetail>> details, const QList<int>& asked,
                          const QList<Reply>& replies);
    void accountDetail(const MemoryReport::KeyDetail& detail);
    void batchDone();
    void account(const QByteArray& key, qint64 bytes);
    void fail(const QString& message);
    void finishIfIdle();
    MemoryReport buildReport() const;

    QPointer<Session> m_session;
    QByteArray m_pattern;
    QByteArray m_separator;
    int m_groupDepth;
    int m_biggestLimit = 100;

    State m_state = State::Idle;
    bool m_cancelRequested = false;
    std::unique_ptr<KeyspaceScan> m_scan; // one cursor per node
    int m_batchesInFlight = 0;
    qint64 m_scanned = 0;

    qint64 m_totalKeys = 0;
    qint64 m_totalBytes = 0;
    QHash<QByteArray, Totals> m_namespaces;
    Totals m_noNamespace;
    std::vector<MemoryReport::KeySize> m_biggest; // a heap whose top is the smallest kept

    Options m_options;
    struct TypeHeaps {
        MemoryReport::TypeTotal total;
        std::vector<MemoryReport::KeyDetail> byBytes; // heaps whose top is the smallest kept
        std::vector<MemoryReport::KeyDetail> byElements;
    };
    QHash<QByteArray, TypeHeaps> m_types;
    std::vector<qint64> m_ttl; // per range of ttlRanges()
    std::vector<MemoryReport::KeyDetail> m_hottest;
    bool m_lfu = false;
    QString m_policy;
    qint64 m_startedMs = 0;
    bool m_pausing = false;
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::MemoryReport)
