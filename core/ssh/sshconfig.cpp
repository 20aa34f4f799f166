#include "sshconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace vermilion::ssh {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SshConfig", text);
}

constexpr int maxIncludeDepth = 16;
constexpr int maxIncludedFiles = 256; // a file that includes itself twice would double at each level
constexpr qint64 maxFileBytes = 4 * 1024 * 1024;

// Splits a line's arguments as OpenSSH does: whitespace between them, double quotes around one
// that holds spaces. False on an unbalanced quote.
bool splitArguments(QStringView text, QStringList* out)
{
    out->clear();
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        if (i >= text.size())
            break;
        QString argument;
        if (text.at(i) == u'"') {
            const qsizetype end = text.indexOf(u'"', i + 1);
            if (end < 0)
                return false;
            argument = text.mid(i + 1, end - i - 1).toString();
            i = end + 1;
        } else {
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace() && text.at(i) != u'"')
                ++i;
            argument = text.mid(start, i - start).toString();
        }
        out->append(argument);
    }
    return true;
}

// "~/x" and the %-tokens OpenSSH expands in file names (%d home, %u local user, %h host name,
// %r remote user, %p port, %n the alias asked for, %% a per cent sign). An unknown token stays.
QString expandPath(const QString& value, const SshHost& host, const QString& localUser, const QString& home)
{
    QString text = value;
    if (text == QLatin1String("~"))
        text = home;
    else if (text.startsWith(QLatin1String("~/")))
        text = home + text.mid(1);
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'%' || i + 1 >= text.size()) {
            out += text.at(i);
            continue;
        }
        const QChar token = text.at(++i);
        switch (token.unicode()) {
        case '%':
            out += u'%';
            break;
        case 'd':
            out += home;
            break;
        case 'u':
            out += localUser;
            break;
        case 'h':
            out += host.hostName;
            break;
        case 'r':
            out += host.user.isEmpty() ? localUser : host.user;
            break;
        case 'p':
            out += QString::number(host.port);
            break;
        case 'n':
            out += host.alias;
            break;
        default:
            out += u'%';
            out += token;
            break;
        }
    }
    return out;
}

// Wildcard match of * and ? (case-insensitive, as host names are).
bool wildcardMatch(QStringView text, QStringView pattern)
{
    qsizetype t = 0;
    qsizetype p = 0;
    qsizetype starPattern = -1;
    qsizetype starText = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == u'?' || pattern.at(p).toLower() == text.at(t).toLower())) {
            ++t;
            ++p;
        } else if (p < pattern.size() && pattern.at(p) == u'*') {
            starPattern = p++;
            starText = t;
        } else if (starPattern >= 0) {
            p = starPattern + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == u'*')
        ++p;
    return p == pattern.size();
}

bool parsePort(const QString& text, int* port)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return false;
    *port = value;
    return true;
}

} // namespace

bool SshConfig::matchesPattern(const QString& host, const QString& pattern)
{
    return wildcardMatch(host, pattern);
}

bool SshConfig::matchesPatternList(const QString& host, const QStringList& patterns)
{
    bool matched = false;
    for (const QString& list : patterns) {
        for (const QString& raw : list.split(u',', Qt::SkipEmptyParts)) {
            const QString pattern = raw.trimmed();
            if (pattern.startsWith(u'!')) {
                if (wildcardMatch(host, QStringView(pattern).mid(1)))
                    return false; // a negated match excludes the host, whatever else matches
            } else if (!pattern.isEmpty() && wildcardMatch(host, pattern)) {
                matched = true;
            }
        }
    }
    return matched;
}

SshConfig SshConfig::parse(
    const QByteArray& text, const QString& fileName, const QString& sshDirectory, FileReader readFile)
{
    SshConfig config;
    config.m_blocks.append(Block {}); // the lines before the first Host apply to every host
    config.parseInto(text, fileName, sshDirectory, readFile, 0, {});
    return config;
}

void SshConfig::parseInto(const QByteArray& text, const QString& fileName, const QString& sshDirectory,
    const FileReader& readFile, int depth, const QStringList& guard)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype number = 0; number < lines.size(); ++number) {
        const QString line = QString::fromUtf8(lines.at(number)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto where = [&] { return QStringLiteral("%1:%2").arg(fileName).arg(number + 1); };
        // "Keyword value", "Keyword=value" or "Keyword = value".
        qsizetype end = 0;
        while (end < line.size() && !line.at(end).isSpace() && line.at(end) != u'=')
            ++end;
        const QString keyword = line.left(end).toLower();
        QStringView rest = QStringView(line).mid(end).trimmed();
        if (rest.startsWith(u'='))
            rest = rest.mid(1).trimmed();
        QStringList arguments;
        if (!splitArguments(rest, &arguments)) {
            m_warnings.append(tr("%1: a quote is not closed").arg(where()));
            continue;
        }
        if (keyword == QLatin1String("host")) {
            Block block;
            block.patterns = arguments;
            block.guard = guard;
            if (arguments.isEmpty()) {
                block.skipped = true; // OpenSSH refuses the file; here the block counts for no host
                m_warnings.append(tr("%1: Host without a pattern").arg(where()));
            }
            m_blocks.append(block);
            continue;
        }
        if (keyword == QLatin1String("match")) {
            Block block;
            block.guard = guard;
            const QString first = arguments.value(0).toLower();
            if (arguments.size() == 1 && first == QLatin1String("all")) {
                // applies to every host
            } else if (arguments.size() == 2 && first == QLatin1String("host")) {
                block.patterns = QStringList { arguments.at(1) };
            } else {
                block.skipped = true;
                m_warnings.append(tr("%1: Match %2 is not evaluated here; its block is passed over")
                                      .arg(where(), arguments.join(u' ')));
            }
            m_blocks.append(block);
            continue;
        }
        if (keyword == QLatin1String("include")) {
            if (depth >= maxIncludeDepth) {
                m_warnings.append(tr("%1: Include nested more than %2 deep, not read").arg(where()).arg(maxIncludeDepth));
                continue;
            }
            if (!readFile || sshDirectory.isEmpty()) {
                m_warnings.append(tr("%1: Include not read").arg(where()));
                continue;
            }
            // An Include inside a Host block counts only for the hosts that block matches.
            const Block current = m_blocks.constLast(); // a copy: the list grows below
            const QStringList innerGuard = current.patterns.isEmpty() ? guard : current.patterns;
            const QString home = QFileInfo(sshDirectory).path();
            for (const QString& argument : arguments) {
                QString path = argument;
                if (path.startsWith(QLatin1String("~/")))
                    path = home + path.mid(1);
                else if (QDir::isRelativePath(path))
                    path = sshDirectory + u'/' + path;
                const QList<File> files = readFile(path);
                for (const File& file : files) {
                    if (++m_includedFiles > maxIncludedFiles) {
                        if (m_includedFiles == maxIncludedFiles + 1)
                            m_warnings.append(tr("%1: more than %2 included files, the rest not read")
                                                  .arg(where())
                                                  .arg(maxIncludedFiles));
                        break;
                    }
                    const qsizetype blocksBefore = m_blocks.size();
                    // The included file starts under the block the Include stood in.
                    Block start;
                    start.guard = innerGuard;
                    if (current.skipped)
                        start.skipped = true;
                    m_blocks.append(start);
                    parseInto(file.bytes, file.path, sshDirectory, readFile, depth + 1, innerGuard);
                    if (current.skipped) {
                        for (qsizetype b = blocksBefore; b < m_blocks.size(); ++b)
                            m_blocks[b].skipped = true;
                    }
                }
            }
            // What follows the Include in this file belongs to the block it stood in again.
            Block resumed = current;
            resumed.entries.clear();
            m_blocks.append(resumed);
            continue;
        }
        if (arguments.isEmpty()) {
            m_warnings.append(tr("%1: %2 without a value").arg(where(), keyword));
            continue;
        }
        if (int port = 0; keyword == QLatin1String("port") && !parsePort(arguments.first(), &port)) {
            m_warnings.append(tr("%1: Port %2 is not a number from 1 to 65535").arg(where(), arguments.first()));
            continue;
        }
        m_blocks.last().entries.append(Entry { keyword, arguments.join(u' ') });
    }
}

SshConfig SshConfig::load(const QString& path)
{
    const QString directory = QDir::homePath() + QLatin1String("/.ssh");
    QFile file(path.isEmpty() ? directory + QLatin1String("/config") : path);
    if (!file.open(QIODevice::ReadOnly))
        return parse({});
    const FileReader reader = [](const QString& pattern) {
        QList<File> files;
        const QFileInfo info(pattern);
        const QDir dir = info.dir();
        const QStringList names = dir.entryList(QStringList { info.fileName() }, QDir::Files | QDir::Readable, QDir::Name);
        for (const QString& name : names) {
            QFile included(dir.filePath(name));
            if (included.size() <= maxFileBytes && included.open(QIODevice::ReadOnly))
                files.append(File { included.fileName(), included.readAll() });
        }
        return files;
    };
    return parse(file.read(maxFileBytes), file.fileName(), directory, reader);
}

SshHost SshConfig::resolve(const QString& host, const QString& localUser, const QString& home) const
{
    SshHost out;
    out.alias = host;
    QSet<QString> set; // keywords that have their value (the first one obtained wins)
    QStringList identityFiles;
    QStringList knownHosts;
    QString hostName;
    QString port;
    for (const Block& block : m_blocks) {
        if (block.skipped)
            continue;
        if (!block.guard.isEmpty() && !matchesPatternList(host, block.guard))
            continue;
        if (!block.patterns.isEmpty() && !matchesPatternList(host, block.patterns))
            continue;
        for (const Entry& entry : block.entries) {
            if (entry.keyword == QLatin1String("identityfile")) {
                identityFiles.append(entry.value);
                continue;
            }
            if (set.contains(entry.keyword))
                continue;
            set.insert(entry.keyword); // keywords that are not ours are passed over below
            if (entry.keyword == QLatin1String("hostname"))
                hostName = entry.value;
            else if (entry.keyword == QLatin1String("user"))
                out.user = entry.value;
            else if (entry.keyword == QLatin1String("port"))
                port = entry.value;
            else if (entry.keyword == QLatin1String("proxyjump"))
                out.proxyJump = entry.value;
            else if (entry.keyword == QLatin1String("identitiesonly"))
                out.identitiesOnly = entry.value.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
            else if (entry.keyword == QLatin1String("userknownhostsfile"))
                knownHosts = entry.value.split(u' ', Qt::SkipEmptyParts);
            else if (entry.keyword == QLatin1String("serveraliveinterval"))
                out.serverAliveInterval = qMax(0, entry.value.toInt());
            else if (entry.keyword == QLatin1String("connecttimeout"))
                out.connectTimeout = qMax(0, entry.value.toInt());
        }
    }
    // HostName may name the alias with %h ("%h.example.com").
    out.hostName = host;
    if (!hostName.isEmpty()) {
        out.hostName = hostName;
        out.hostName.replace(QLatin1String("%h"), host).replace(QLatin1String("%%"), QLatin1String("%"));
    }
    if (!port.isEmpty())
        parsePort(port, &out.port); // checked when read
    for (const QString& file : identityFiles)
        out.identityFiles.append(expandPath(file, out, localUser, home));
    for (const QString& file : knownHosts) {
        if (file.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
            out.userKnownHostsFiles.append(expandPath(file, out, localUser, home));
    }
    return out;
}

std::optional<QList<JumpSpec>> SshConfig::parseJumps(const QString& value, QString* error)
{
    QList<JumpSpec> hops;
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return hops;
    for (const QString& raw : trimmed.split(u',')) {
        QString text = raw.trimmed();
        const auto bad = [&](const QString& why) {
            *error = tr("ProxyJump \"%1\": %2").arg(raw.trimmed(), why);
            return std::nullopt;
        };
        if (text.isEmpty())
            return bad(tr("an empty hop"));
        if (text.startsWith(QLatin1String("ssh://"), Qt::CaseInsensitive)) {
            text = text.mid(6);
            if (text.endsWith(u'/'))
                text.chop(1);
        }
        JumpSpec hop;
        const qsizetype at = text.lastIndexOf(u'@');
        if (at >= 0) {
            hop.user = text.left(at);
            text = text.mid(at + 1);
            if (hop.user.isEmpty())
                return bad(tr("an empty user name"));
        }
        if (text.startsWith(u'[')) { // [IPv6 address]:port
            const qsizetype close = text.indexOf(u']');
            if (close < 0)
                return bad(tr("a [ without its ]"));
            hop.host = text.mid(1, close - 1);
            const QString after = text.mid(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(u':') || !parsePort(after.mid(1), &hop.port))
                    return bad(tr("a port must be a number from 1 to 65535"));
            }
        } else {
            const qsizetype colon = text.lastIndexOf(u':');
            if (colon >= 0 && text.indexOf(u':') == colon) {
                if (!parsePort(text.mid(colon + 1), &hop.port))
                    return bad(tr("a port must be a number from 1 to 65535"));
                text = text.left(colon);
            }
            hop.host = text;
        }
        if (hop.host.isEmpty())
            return bad(tr("no host"));
        for (const QChar c : std::as_const(hop.host)) {
            if (c.isSpace() || c == u'/' || c == u'@' || c == u'\'' || c == u'"' || c.unicode() < 0x20)
                return bad(tr("a host name cannot hold \"%1\"").arg(c));
        }
        hops.append(hop);
    }
    return hops;
}

QList<SshHost> SshConfig::jumpChain(
    const SshHost& host, QString* error, const QString& localUser, const QString& home) const
{
    // ProxyJump "A,B" for host T: A is reached first (through A's own ProxyJump, if it has one),
    // then B from A, then T from B. Only the first hop's own ProxyJump counts: OpenSSH passes the
    // rest of the list on its command line, where it overrides the later hops' configs.
    QList<SshHost> chain;
    QSet<QString> seen { host.alias.toLower() };
    SshHost current = host;
    QList<SshHost> pending; // later hops, in order, before the host
    while (true) {
        const std::optional<QList<JumpSpec>> hops = parseJumps(current.proxyJump, error);
        if (!hops)
            return {};
        if (hops->isEmpty())
            break;
        QList<SshHost> resolved;
        for (const JumpSpec& spec : *hops) {
            if (seen.contains(spec.host.toLower())) {
                *error = tr("ProxyJump goes round in a loop through %1").arg(spec.host);
                return {};
            }
            seen.insert(spec.host.toLower());
            SshHost hop = resolve(spec.host, localUser, home);
            if (!spec.user.isEmpty())
                hop.user = spec.user;
            if (spec.port > 0)
                hop.port = spec.port;
            resolved.append(hop);
        }
        if (chain.size() + pending.size() + resolved.size() > maxHops) {
            *error = tr("ProxyJump has more than %1 hops").arg(maxHops);
            return {};
        }
        // The hops after the first come, in order, before what was pending; the first hop's own
        // ProxyJump is read next.
        pending = resolved.mid(1) + pending;
        current = resolved.first();
        pending.prepend(current);
    }
    // current has no ProxyJump: pending holds the whole chain from the first hop to reach on.
    chain = pending;
    for (SshHost& hop : chain)
        hop.proxyJump.clear(); // said by the chain's order now
    return chain;
}

} // namespace vermilion::ssh
