#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace vermilion::ssh {

// One host to log in to, as ~/.ssh/config describes it.
struct SshHost {
    QString alias; // the name asked for (a Host alias, or a plain host name)
    QString hostName; // HostName, with %h replaced; the alias when the config names none
    QString user; // User; empty when the config names none (the caller picks the local user)
    int port = 22;
    QStringList identityFiles; // IdentityFile, every one given, in order, ~ and %-tokens expanded
    bool identitiesOnly = false;
    QString proxyJump; // ProxyJump as written ("none" and empty mean no jump)
    QStringList userKnownHostsFiles; // UserKnownHostsFile, expanded; empty = the default
    int serverAliveInterval = 0; // seconds; 0 = off
    int connectTimeout = 0; // seconds; 0 = the caller's default
};

// One hop of a ProxyJump list: [user@]host[:port] or ssh://[user@]host[:port].
struct JumpSpec {
    QString user;
    QString host;
    int port = 0; // 0 = not given
};

// The client side of ~/.ssh/config as OpenSSH reads it, for the keywords a tunnel needs: Host
// blocks with patterns (* and ?, ! to exclude, several per line), Match all / Match host
// (other Match criteria are not evaluated: such a block is skipped, with a warning), Include
// (globs, relative to ~/.ssh, nested up to 16 deep, 256 files at most), HostName, User, Port, IdentityFile,
// IdentitiesOnly, ProxyJump, UserKnownHostsFile, ServerAliveInterval and ConnectTimeout.
// "Keyword value" and "Keyword=value", quoted arguments, comments. As in OpenSSH, the first value
// obtained for a keyword wins, except IdentityFile, which adds up. Unknown keywords are passed
// over (they are OpenSSH's business, not a tunnel's).
//
// Nothing here touches the network; reading is from text or files, so it can be tested and fuzzed.
class SshConfig {
public:
    // Reads the text of a config file. fileName names it in warnings; includes are read through
    // readFile, relative to sshDirectory (none are read without it).
    // Include: given a path pattern (absolute, wildcards in its last part), the files it names,
    // sorted by path, each with its bytes.
    struct File {
        QString path;
        QByteArray bytes;
    };
    using FileReader = std::function<QList<File>(const QString& pattern)>;
    static SshConfig parse(const QByteArray& text, const QString& fileName = QStringLiteral("config"),
        const QString& sshDirectory = {}, FileReader readFile = {});
    // ~/.ssh/config of the user running the app, or the file at path (an empty config when there
    // is none). Relative Include patterns are read from ~/.ssh, as OpenSSH reads them.
    static SshConfig load(const QString& path = {});

    // What the config says for this host name (with the local user name and home directory for
    // the %-tokens of IdentityFile and the like).
    SshHost resolve(const QString& host, const QString& localUser = {}, const QString& home = {}) const;

    // The hops to go through before host, first one first, each resolved through the config
    // (its own ProxyJump comes before it). Fails on a loop, on more than maxHops hops, or on a
    // hop that does not parse. An empty list: no jump.
    static constexpr int maxHops = 16;
    QList<SshHost> jumpChain(const SshHost& host, QString* error, const QString& localUser = {},
        const QString& home = {}) const;

    // A ProxyJump value as hops, or nullopt with *error set. "none" is no hop.
    static std::optional<QList<JumpSpec>> parseJumps(const QString& value, QString* error);

    // OpenSSH host pattern lists: comma- or space-separated patterns, * and ?, ! negates.
    static bool matchesPatternList(const QString& host, const QStringList& patterns);
    static bool matchesPattern(const QString& host, const QString& pattern);

    QStringList warnings() const { return m_warnings; }

private:
    struct Entry {
        QString keyword; // lower case
        QString value;
    };
    struct Block {
        QStringList patterns; // empty: applies to every host (the top of the file, Match all)
        QStringList guard; // the Host block an Include stood in: it must match too
        bool skipped = false; // a Match this reader does not evaluate
        QList<Entry> entries;
    };
    void parseInto(const QByteArray& text, const QString& fileName, const QString& sshDirectory,
        const FileReader& readFile, int depth, const QStringList& guard);
    QList<Block> m_blocks;
    QStringList m_warnings;
    int m_includedFiles = 0;
};

} // namespace vermilion::ssh
