#include "connectionprofile.h"

#include <QCoreApplication>
#include <algorithm>
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

// redis[s]+sentinel://[[user][:password]@]host[:port][,host[:port]...]/master[/db][?query]
bool parseSentinelUrl(const QString& text, bool tls, ConnectionProfile* result, QString* error)
{
    const qsizetype start = text.indexOf(QStringLiteral("://")) + 3;
    QString rest = text.mid(start);
    QString queryText;
    if (const qsizetype question = rest.indexOf(QLatin1Char('?')); question >= 0) {
        queryText = rest.mid(question + 1);
        rest.truncate(question);
    }
    if (const qsizetype hash = queryText.indexOf(QLatin1Char('#')); hash >= 0)
        queryText.truncate(hash);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString authority = slash >= 0 ? rest.left(slash) : rest;
    const QString path = slash >= 0 ? rest.mid(slash + 1) : QString();
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        result->username = QUrl::fromPercentEncoding(userInfo.left(colon < 0 ? userInfo.size() : colon).toUtf8());
        result->password = colon < 0 ? QString() : QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    } else {
        result->username.clear();
        result->password.clear();
    }
    QStringList sentinels;
    for (const QString& part : authority.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString host = part.trimmed();
        QString portText;
        if (host.startsWith(QLatin1Char('['))) {
            const qsizetype close = host.indexOf(QLatin1Char(']'));
            if (close < 0) {
                *error = ConnectionProfile::tr("The sentinel address \"%1\" has no closing bracket.").arg(part);
                return false;
            }
            portText = host.mid(close + 1);
            host = host.mid(1, close - 1);
            if (!portText.isEmpty() && !portText.startsWith(QLatin1Char(':'))) {
                *error = ConnectionProfile::tr("The sentinel address \"%1\" is not host:port.").arg(part);
                return false;
            }
            portText = portText.mid(1);
        } else if (const qsizetype colon = host.lastIndexOf(QLatin1Char(':')); colon >= 0) {
            portText = host.mid(colon + 1);
            host.truncate(colon);
        }
        bool ok = true;
        const uint port = portText.isEmpty() ? 26379 : portText.toUInt(&ok);
        // A host name or address: no spaces, control characters or URL punctuation (a host with
        // a ']' inside could not be written back unambiguously as [host]:port).
        const bool hostValid = std::none_of(host.cbegin(), host.cend(), [](QChar c) {
            return c.unicode() < 0x21 || c.unicode() == 0x7f || QStringLiteral("[]/?#@,\\").contains(c);
        });
        if (!hostValid) {
            *error = ConnectionProfile::tr("The sentinel address \"%1\" has characters a host name cannot have.").arg(part);
            return false;
        }
        if (host.isEmpty() || !ok || port == 0 || port > 65535) {
            *error = ConnectionProfile::tr("The sentinel address \"%1\" is not host:port with a port from 1 to 65535.")
                         .arg(part);
            return false;
        }
        const QString shown = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
        sentinels.append(shown + QLatin1Char(':') + QString::number(port));
    }
    if (sentinels.isEmpty()) {
        *error = ConnectionProfile::tr("The Sentinel URL names no sentinel: write redis+sentinel://host:26379/mymaster.");
        return false;
    }
    const QStringList pathParts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (pathParts.isEmpty()) {
        *error = ConnectionProfile::tr("The Sentinel URL names no master group: write "
                                       "redis+sentinel://host:26379/mymaster.");
        return false;
    }
    if (pathParts.size() > 2) {
        *error = ConnectionProfile::tr("The Sentinel URL's path must be /master or /master/db.");
        return false;
    }
    result->sentinels = sentinels;
    result->sentinelMaster = QUrl::fromPercentEncoding(pathParts.at(0).toUtf8());
    result->database = 0;
    if (pathParts.size() == 2 && !parseDatabase(pathParts.at(1), &result->database, error))
        return false;
    const QUrlQuery query(queryText);
    if (query.hasQueryItem(QStringLiteral("db"))
        && !parseDatabase(query.queryItemValue(QStringLiteral("db")), &result->database, error))
        return false;
    result->sentinelUsername = query.queryItemValue(QStringLiteral("sentinel_username"), QUrl::FullyDecoded);
    result->sentinelPassword = query.queryItemValue(QStringLiteral("sentinel_password"), QUrl::FullyDecoded);
    result->socketPath.clear();
    result->tls.enabled = tls;
    result->sentinelTls.enabled = tls;
    // Not used while sentinels are set; shows where the profile starts.
    const qsizetype colon = sentinels.first().lastIndexOf(QLatin1Char(':'));
    result->host = sentinels.first().left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    result->port = quint16(sentinels.first().mid(colon + 1).toUInt());
    return true;
}
} // namespace

QString ConnectionProfile::endpoint() const
{
    if (usesUnixSocket())
        return socketPath;
    if (usesSentinel()) {
        // "mymaster via Sentinel 10.0.0.1:26379 +2": short enough for a list entry and a status bar.
        QString text = tr("%1 via Sentinel %2").arg(sentinelMaster, sentinels.first());
        if (sentinels.size() > 1)
            text += QStringLiteral(" +") + QString::number(sentinels.size() - 1);
        return text;
    }
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
    const QString lower = trimmed.left(24).toLower();
    if (lower.startsWith(QLatin1String("redis+sentinel://")) || lower.startsWith(QLatin1String("rediss+sentinel://"))) {
        ConnectionProfile result = *profile;
        if (!parseSentinelUrl(trimmed, lower.startsWith(QLatin1String("rediss")), &result, error))
            return false;
        if (result.name.isEmpty())
            result.name = result.sentinelMaster;
        *profile = result;
        return true;
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
    if (usesSentinel()) {
        QString text = (tls.enabled ? QStringLiteral("rediss+sentinel://") : QStringLiteral("redis+sentinel://"));
        if (!username.isEmpty() || (withPassword && !password.isEmpty())) {
            text += QString::fromUtf8(QUrl::toPercentEncoding(username));
            if (withPassword && !password.isEmpty())
                text += QLatin1Char(':') + QString::fromUtf8(QUrl::toPercentEncoding(password));
            text += QLatin1Char('@');
        }
        text += sentinels.join(QLatin1Char(',')) + QLatin1Char('/')
            + QString::fromUtf8(QUrl::toPercentEncoding(sentinelMaster));
        if (database != 0)
            text += QLatin1Char('/') + QString::number(database);
        QUrlQuery query;
        if (!sentinelUsername.isEmpty())
            query.addQueryItem(QStringLiteral("sentinel_username"), QString::fromUtf8(QUrl::toPercentEncoding(sentinelUsername)));
        if (withPassword && !sentinelPassword.isEmpty())
            query.addQueryItem(QStringLiteral("sentinel_password"), QString::fromUtf8(QUrl::toPercentEncoding(sentinelPassword)));
        if (!query.isEmpty())
            text += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        return text;
    }
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
