#include "benchsupport.h"

#include <QApplication>
#include <QCoreApplication>
#include <cstdio>
#include <memory>

using namespace vermilion::bench;

namespace vermilion::bench {
std::vector<ScenarioInfo>& registeredScenarios()
{
    static std::vector<ScenarioInfo> scenarios;
    return scenarios;
}
} // namespace vermilion::bench

namespace {
// The scenarios of the foundation and key-browser issues; later features register their own.
const ScenarioInfo builtinScenarios[] = {
    { "pipeline", "--url URL --n N [--window W] [--batch B (cluster; default 1000)] [--no-baseline] [--ssh ALIAS [--ssh-config FILE] [--repeat R]]", &runPipeline },
    { "pipeline-hiredis", "--url URL --n N", &runPipelineHiredis },
    { "keyspace", "--url URL [--match PATTERN] [--populate N [--flat]] [--no-baseline] [--view]", &runKeyspace, false,
        "--view" },
    { "value",
        "--url URL [--key KEY] [--populate-hash N] [--populate-string MB] [--populate-stream N] [--populate-set N] "
        "[--load-all [--populate-json MB [--gzip]] [--populate-binary MB]]",
        &runValue, false, "--load-all" },
};

std::vector<ScenarioInfo> allScenarios()
{
    std::vector<ScenarioInfo> all(std::begin(builtinScenarios), std::end(builtinScenarios));
    all.insert(all.end(), registeredScenarios().begin(), registeredScenarios().end());
    return all;
}

void usage()
{
    std::fprintf(stderr, "usage: vermilion-bench <scenario> [options]\nscenarios:\n");
    for (const ScenarioInfo& scenario : allScenarios())
        std::fprintf(stderr, "  %s %s\n", scenario.name, scenario.usage);
}
} // namespace

int main(int argc, char* argv[])
{
    // Widget scenarios need a QApplication, the others only the event loop.
    bool widgets = false;
    for (const ScenarioInfo& scenario : allScenarios())
        if (argc > 1 && qstrcmp(argv[1], scenario.name) == 0) {
            widgets |= scenario.widgets;
            for (int i = 2; scenario.widgetsFlag && i < argc; ++i)
                widgets |= qstrcmp(argv[i], scenario.widgetsFlag) == 0;
        }
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(widgets ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help")) {
        usage();
        return arguments.size() < 2 ? 2 : 0;
    }
    for (const ScenarioInfo& scenario : allScenarios()) {
        if (arguments.at(1) == QLatin1String(scenario.name))
            return scenario.run(Arguments(arguments.mid(2)));
    }
    std::fprintf(stderr, "vermilion-bench: unknown scenario \"%s\"\n", qPrintable(arguments.at(1)));
    usage();
    return 2;
}
