#pragma once

#include "ssh/sshconfig.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace vermilion {
struct ConnectionProfile;
struct SshOptions;
}

namespace vermilion::ssh {

// A host key the user has to decide on: not in known_hosts yet (changed == false), or different
// from the one known_hosts holds (changed == true: always refused, the question only informs).
struct HostKeyQuestion {
    QString host; // as known_hosts names it: "host" or "[host]:port"
    QString keyType; // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString fingerprint; // "SHA256:..."
    QString knownFingerprint; // changed keys: the one on record
    QString knownHostsFile;
    bool changed = false;
};

// How to reach and log in to the SSH server of a profile, resolved from the profile and
// ~/.ssh/config: the hops in order (jump hosts first, the target last).
struct TunnelSettings {
    QList<SshHost> hops;
    QString explicitIdentityFile; // the profile's own key, tried before the config's
    bool useAgent = true;
    QString agentSocket; // empty: $SSH_AUTH_SOCK
    QString password; // for password and keyboard-interactive logins
    QString passphrase; // for encrypted private keys
    QString knownHostsFile; // where host keys are checked and saved
    int keepAliveSeconds = 30;
    int connectTimeoutMs = 10000;
    QString localUser;
    QString home;
};

// One SSH session per profile (and one per jump host before it), each in a thread of its own,
// carrying one direct-tcpip channel per Redis link. A link asks for a channel to host:port (as
// the SSH server sees it) and gets one end of a Unix socket pair: the tunnel thread moves bytes
// between the other end and the channel, with flow control both ways (a link that does not read
// stops the channel's window; a full window stops reading the link). The session is opened on the
// first request and again on the first request after it dropped; every channel of a dropped
// session is closed, so its link sees a lost connection and reconnects with its own backoff.
//
// Host keys are checked against known_hosts before any secret is sent: a known key goes on, a
// changed one is refused with both fingerprints, and an unknown one is put to the host key
// handler (the user) and saved only on yes. Without a handler an unknown key is refused.
class SshTunnel : public std::enable_shared_from_this<SshTunnel> {
public:
    explicit SshTunnel(TunnelSettings settings);
    ~SshTunnel();
    SshTunnel(const SshTunnel&) = delete;
    SshTunnel& operator=(const SshTunnel&) = delete;

    // The result of a channel request, called in a tunnel thread: fd >= 0 is the link's end of the
    // socket pair (the callee owns it), else error says why; fatal when retrying cannot help
    // (authentication, host key).
    using OpenCallback = std::function<void(int fd, const QString& error, bool fatal)>;
    // Thread-safe.
    void openChannel(const QString& host, quint16 port, OpenCallback done);

    // Asked from a tunnel thread, which waits for answer(true/false) (or for the tunnel to go).
    using HostKeyHandler = std::function<void(const HostKeyQuestion& question, std::function<void(bool accept)> answer)>;
    void setHostKeyHandler(HostKeyHandler handler);

    // The tunnel of a profile: every link of the same profile and SSH settings shares one (one SSH
    // session per profile), for as long as one of them holds it. Null with *error when the SSH
    // settings do not resolve. Thread-safe.
    static std::shared_ptr<SshTunnel> forProfile(const ConnectionProfile& profile, QString* error);
    // Asked for unknown host keys by tunnels that have no handler of their own (the app's window
    // sets one; without it unknown keys are refused). Thread-safe.
    static void setDefaultHostKeyHandler(HostKeyHandler handler);

    // Why the tunnel last closed its channels (a lost or silent SSH server), when that was in the
    // last few seconds: what a link whose channel just closed tells the user. Thread-safe.
    QString recentProblem() const;

    // "user@host:port" of the last hop, for messages.
    QString description() const;
    int hopCount() const { return int(m_hops.size()); }
    // Channels open right now (all hops), for tests.
    int openChannelCount() const;

    // The profile's SSH part resolved through ~/.ssh/config (or its configFile): the hop chain,
    // keys, known_hosts. Fails with a message on a bad ProxyJump.
    static bool resolve(const SshOptions& options, int connectTimeoutMs, TunnelSettings* settings, QString* error);
    // The local account's name: the SSH user when neither the profile nor the config names one.
    static QString localUserName();

    class Hop;

private:
    // What the hops' threads read, alive as long as the last of them.
    struct Shared {
        TunnelSettings settings; // set before the threads start
        std::mutex handlerMutex; // guards hostKeyHandler, problem and problemTime
        HostKeyHandler hostKeyHandler;
        QString problem;
        qint64 problemTime = 0; // steady clock, ms
    };
    std::shared_ptr<Shared> m_shared;
    std::vector<std::unique_ptr<Hop>> m_hops;
};

} // namespace vermilion::ssh
