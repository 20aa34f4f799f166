#pragma once

#include "client/reply.h"
#include "profiles/connectionprofile.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>
#include <vector>

class QTimer;

namespace vermilion {
class Session;
}

namespace vermilion::bench {

// Sends the commands as one batch on the session and runs the event loop until every reply is in.
QList<Reply> awaitBatch(Session& session, const QList<Command>& commands);

// Command line of one scenario: "--name value" pairs.
class Arguments {
public:
    explicit Arguments(const QStringList& arguments);
    QString value(const QString& name, const QString& fallback = QString()) const;
    qint64 integer(const QString& name, qint64 fallback) const;
    bool has(const QString& name) const;
    // The --url argument as a profile; exits with a message when missing or malformed.
    ConnectionProfile profile() const;

private:
    QStringList m_arguments;
};

// Prints one JSON object on one line of stdout.
void emitResult(const QJsonObject& result);
void fail(const QString& message);
double peakRssMb();

// Measures how long the main event loop goes without running: a timer asks to run every
// millisecond and the longest gap between two runs, less that millisecond, is the stall.
class StallMeter : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(QObject* parent = nullptr);
    void start();
    double maxStallMs() const { return m_maxStallNs / 1e6; }
    // The longest gap the main thread spent on its own CPU (CLOCK_THREAD_CPUTIME_ID): a stall
    // of its own making, as opposed to the machine descheduling it.
    double maxBusyMs() const { return m_maxBusyNs / 1e6; }

private:
    void tick();
    QTimer* m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxStallNs = 0;
    qint64 m_lastCpu = 0;
    qint64 m_maxBusyNs = 0;
};

using Scenario = std::function<int(const Arguments&)>;
struct ScenarioInfo {
    const char* name;
    const char* usage;
    Scenario run;
    // Puts real widgets on screen (offscreen unless QT_QPA_PLATFORM says otherwise): the
    // scenario runs under a QApplication.
    bool widgets = false;
    // Runs under a QApplication only when this flag is given (e.g. value --load-all).
    const char* widgetsFlag = nullptr;
};

// Scenarios of later features register themselves from their own source file:
//   static const ScenarioRegistration registration { "name", "--url URL ...", &runName };
std::vector<ScenarioInfo>& registeredScenarios();
struct ScenarioRegistration {
    ScenarioRegistration(const char* name, const char* usage, Scenario run, bool widgets = false)
    {
        registeredScenarios().push_back({ name, usage, std::move(run), widgets });
    }
};

// Connecting is not measured: runs the event loop until the session says Connected (which on a
// cluster is once it knows its nodes).
void waitForConnection(Session& session);

int runPipeline(const Arguments& arguments);
int runPipelineHiredis(const Arguments& arguments);
int runKeyspace(const Arguments& arguments);
int runValue(const Arguments& arguments);

} // namespace vermilion::bench

namespace vermilion::bench {

// A Redis Cluster as the plain-hiredis references see it: its masters and which serves each slot
// (CLUSTER SLOTS through hiredis). Empty when the server at the profile is not a cluster.
struct ClusterMap {
    struct Master {
        QByteArray host;
        int port = 0;
    };
    std::vector<Master> masters;
    std::vector<int> slotOwner; // 16384 indices into masters
    bool isCluster() const { return !masters.empty(); }
};
ClusterMap readClusterMap(const ConnectionProfile& profile);

} // namespace vermilion::bench
