#include "shell/mainwindow.h"
#include "unixsignalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vermilion"));
    QApplication::setOrganizationName(QStringLiteral("Vermilion"));
    QApplication::setOrganizationDomain(QStringLiteral("vermilion.dev"));
    QApplication::setApplicationVersion(QStringLiteral(VERMILION_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(VERMILION_APP_ID));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("vermilion"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Vermilion, a desktop administration tool for Redis."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("url"),
        QApplication::translate("main",
            "Server to connect to: redis://[user[:password]@]host"
            "[:port][/db], rediss://... or unix:///path.sock"),
        QStringLiteral("[URL]"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QApplication::translate("main", "Start a private redis-server with demo data and connect to it."));
    parser.addOption(sandboxOption);
    const QCommandLineOption sshOption(QStringLiteral("ssh"),
        QApplication::translate("main",
            "Reach the URL's server through an SSH tunnel to HOST ([user@]host[:port], or a Host alias "
            "of ~/.ssh/config; the URL names the server as the SSH host sees it)."),
        QStringLiteral("HOST"));
    parser.addOption(sshOption);
    parser.process(app);

    vermilion::UnixSignalWatcher signalWatcher;
    QObject::connect(
        &signalWatcher, &vermilion::UnixSignalWatcher::terminationRequested, &app, [](int) { QApplication::quit(); });

    vermilion::ui::MainWindow window;
    window.show();

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        qCritical("%s", qPrintable(QApplication::translate("main", "Give at most one URL.")));
        return 2;
    }
    if (!positional.isEmpty()) {
        QString error;
        if (!window.openUrl(positional.first(), &error, parser.value(sshOption))) {
            qCritical("%s", qPrintable(error));
            QTimer::singleShot(0, &window, [&window, error] {
                QMessageBox::warning(&window, QApplication::translate("main", "Cannot open the URL"), error);
            });
        }
    }
    else if (parser.isSet(sshOption)) {
        qCritical("%s", qPrintable(QApplication::translate("main", "--ssh needs a URL to open through the tunnel.")));
        return 2;
    }
    if (parser.isSet(sandboxOption))
        window.startSandbox();
    return QApplication::exec();
}
