// Linked into every suite (an object library, so the linker never drops it): before a test touches
// anything, the process gets a home of its own. Settings, the Lua library folder, caches and the
// keychain are then the suite's alone: nothing a test does reaches the developer's own files, and
// suites running side by side under `ctest -j` never see each other's settings.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace {

QTemporaryDir* isolatedHome()
{
    // Removed when the process exits (a static's destructor), so runs leave nothing behind.
    static QTemporaryDir home(QDir::tempPath() + QStringLiteral("/vermilion-test-home-XXXXXX"));
    return &home;
}

void isolateUserState()
{
    QTemporaryDir* home = isolatedHome();
    if (!home->isValid()) {
        std::fprintf(stderr, "test isolation: cannot create a temporary home: %s\n",
                     qPrintable(home->errorString()));
        std::abort(); // running on against the real home could damage the developer's settings
    }
    const QString root = home->path();
    const auto setDir = [&root](const char* variable, const QString& relative) {
        const QString path = root + QLatin1Char('/') + relative;
        QDir().mkpath(path);
        qputenv(variable, QFile::encodeName(path));
    };
    setDir("HOME", QStringLiteral("home"));
    setDir("XDG_CONFIG_HOME", QStringLiteral("home/.config"));
    setDir("XDG_DATA_HOME", QStringLiteral("home/.local/share"));
    setDir("XDG_STATE_HOME", QStringLiteral("home/.local/state"));
    setDir("XDG_CACHE_HOME", QStringLiteral("home/.cache"));
    // No session bus: the system keychain (Secret Service, KWallet) is never reached from a test.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "disabled:");
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(isolateUserState)
