#include "connectionprofile.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace vermilion {

namespace {
bool parseDatabase(const QString& text, int* database, QString* error)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0) {
        *error = ConnectionProfile::tr("The database \"%1\" is not a number of 0 or more.").arg(text);
        return false;
    }
    *database = value;
    return true;
}
} // namespace

QString ConnectionProfile::endpoint() const
{
    if (usesUnixSocket())
        return socketPath;
    const QString shownHost = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return shownHost + QLatin1Char(':') + QString::number(port);
}

QString ConnectionProfile::displayName() const
{
    return name.isEmpty() ? endpoint() : name;
}

bool ConnectionProfile::fromUrl(const QString& urlText, ConnectionProfile* profile, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString trimmed = urlText.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("The URL is empty.");
        return false;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl quotes the whole URL after "; source was", password included: the message goes to the
        // terminal and a dialog, so that part is left out.
        *error = tr("This is not a valid URL: %1").arg(url.errorString().section(QStringLiteral("; source was"), 0, 0));
        return false;
    }
    const QString scheme = url.scheme().toLower();
    const bool unix = scheme == QLatin1String("unix") || scheme == QLatin1String("redis+unix")
        || scheme == QLatin1String("redis+socket");
    if (scheme != QLatin1String("redis") && scheme != QLatin1String("rediss") && !unix) {
        *error = scheme.isEmpty() ? tr("The URL has no scheme: it must start with redis://, rediss:// or unix://.")
                                  : tr("Unsupported scheme \"%1\": use redis://, rediss:// or unix://.").arg(scheme);
        return false;
    }

    ConnectionProfile result = *profile;
    result.username = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    result.tls.enabled = scheme == QLatin1String("rediss");
    const QUrlQuery query(url);

    if (unix) {
        result.socketPath = url.path(QUrl::FullyDecoded);
        if (result.socketPath.isEmpty() || !result.socketPath.startsWith(QLatin1Char('/'))) {
            *error = tr("A unix:// URL needs an absolute socket path, e.g. unix:///run/redis/redis.sock.");
            return false;
        }
        if (!url.host().isEmpty()) {
            *error = tr("A unix:// URL takes no host: write unix:///path/to/redis.sock.");
            return false;
        }
    } else {
        result.socketPath.clear();
        result.host = url.host(QUrl::FullyDecoded);
        if (result.host.isEmpty()) {
            *error = tr("The URL has no host name.");
            return false;
        }
        // QUrl accepts ports up to 65535 and reports -1 for a missing or bad one; tell them apart.
        const int port = url.port(-1);
        const QString authority = url.authority(QUrl::FullyEncoded);
        const qsizetype bracket = authority.lastIndexOf(QLatin1Char(']'));
        const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
        if (port == -1 && colon > bracket && colon > authority.lastIndexOf(QLatin1Char('@'))) {
            *error = tr("The port in the URL is not a number from 1 to 65535.");
            return false;
        }
        if (port == 0) {
            *error = tr("The port in the URL is not a number from 1 to 65535.");
            return false;
        }
        result.port = port > 0 ? quint16(port) : 6379;
        QString path = url.path(QUrl::FullyDecoded);
        if (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        if (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        result.database = 0;
        if (!path.isEmpty() && !parseDatabase(path, &result.database, error))
            return false;
    }
    if (query.hasQueryItem(QStringLiteral("db"))
        && !parseDatabase(query.queryItemValue(QStringLiteral("db")), &result.database, error))
        return false;
    if (query.hasQueryItem(QStringLiteral("password")) && result.password.isEmpty())
        result.password = query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("username")) && result.username.isEmpty())
        result.username = query.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded);

    if (result.name.isEmpty())
        result.name = result.endpoint();
    *profile = result;
    return true;
}

QString ConnectionProfile::toUrl(bool withPassword) const
{
    QUrl url;
    if (usesUnixSocket()) {
        url.setScheme(QStringLiteral("unix"));
        url.setPath(socketPath);
        if (database != 0) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("db"), QString::number(database));
            url.setQuery(query);
        }
    } else {
        url.setScheme(tls.enabled ? QStringLiteral("rediss") : QStringLiteral("redis"));
        url.setHost(host);
        url.setPort(port);
        if (database != 0)
            url.setPath(QLatin1Char('/') + QString::number(database));
    }
    if (!username.isEmpty())
        url.setUserName(username);
    if (withPassword && !password.isEmpty())
        url.setPassword(password);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace vermilion
