#include "ssh/sshtunnel.h"

#include "profiles/connectionprofile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive, for clients too

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vermilion::ssh {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SshTunnel", text);
}

// What ssh_get_error says, or a fallback.
QString sessionError(ssh_session session)
{
    const char* text = session ? ssh_get_error(session) : nullptr;
    return text && *text ? QString::fromUtf8(text) : tr("the connection was lost");
}

QString knownHostsName(const SshHost& host)
{
    return host.port == 22 ? host.hostName : QStringLiteral("[%1]:%2").arg(host.hostName).arg(host.port);
}

QString keyFingerprint(ssh_key key)
{
    unsigned char* hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return QString();
    char* text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    const QString out = QString::fromUtf8(text);
    ssh_string_free_char(text);
    return out;
}

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi-with-mic");
    return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
}

// The keys known_hosts holds for this host ("ssh-rsa SHA256:..., ..."), hashed names included.
QString knownFingerprints(const QString& file, const QString& host)
{
    QFile known(file);
    if (!known.open(QIODevice::ReadOnly))
        return QString();
    const QByteArray name = host.toUtf8();
    QStringList keys;
    while (!known.atEnd()) {
        const QByteArray line = known.readLine(64 * 1024).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        ssh_knownhosts_entry* entry = nullptr;
        if (ssh_known_hosts_parse_line(name.constData(), line.constData(), &entry) == SSH_OK && entry && entry->publickey)
            keys << QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(entry->publickey))) + QLatin1Char(' ')
                    + keyFingerprint(entry->publickey);
        ssh_knownhosts_entry_free(entry);
    }
    return keys.join(QStringLiteral(", "));
}

void setNonBlocking(int fd)
{
    const int flags = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// The tunnels of the process and the app's host key handler. Never destroyed: a tunnel's threads
// may still be finishing (joined by a thread of their own) while the program exits.
struct Registry {
    std::mutex mutex;
    QHash<QByteArray, std::weak_ptr<SshTunnel>> tunnels;
    SshTunnel::HostKeyHandler defaultHandler;
};
Registry& registry()
{
    static Registry* instance = new Registry;
    return *instance;
}

struct LibsshInit {
    LibsshInit() { ssh_init(); }
};

} // namespace

// One SSH session and the thread that serves it.
class SshTunnel::Hop {
public:
    Hop(std::shared_ptr<Shared> shared, int index, SshHost host, Hop* previous)
        : m_shared(std::move(shared))
        , m_index(index)
        , m_host(std::move(host))
        , m_previous(previous)
    {
        static LibsshInit init;
        m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        m_thread = std::thread([this] { run(); });
    }

    ~Hop()
    {
        requestStop();
        m_thread.join();
        ::close(m_wake);
    }

    // Non-blocking: the thread ends as soon as it can (a blocking connect runs out its timeout).
    void requestStop()
    {
        std::shared_ptr<Answer> answer;
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            answer = m_answer.lock();
        }
        // A question waiting for the user gives up (never under m_mutex: askUser holds the
        // answer's lock while it looks at m_stop).
        if (answer) {
            std::lock_guard answerLock(answer->mutex);
            answer->cv.notify_all();
        }
        wake();
    }

    void request(const QString& host, quint16 port, OpenCallback done)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop) {
                done(-1, tr("The SSH tunnel is closing."), false);
                return;
            }
            m_requests.push_back(Request { host, port, std::move(done) });
        }
        wake();
    }

    int channelCount() const { return m_channelCount.load(); }
    const SshHost& host() const { return m_host; }

    struct Answer {
        std::mutex mutex;
        std::condition_variable cv;
        std::optional<bool> accepted;
    };

private:
    struct Request {
        QString host;
        quint16 port = 0;
        OpenCallback done;
    };
    struct Channel {
        ssh_channel channel = nullptr;
        int fd = -1; // the tunnel's end of the socket pair
        QByteArray toLocal; // from the server, not yet taken by the link
        qsizetype toLocalOffset = 0;
        short registered = 0; // events the fd is polled for
        short revents = 0;
        bool remoteEof = false;
        // The data callback refused bytes (the link was behind): they wait in libssh's buffer,
        // which wakes no poll, and are read from there once the link has taken what it had.
        bool leftInLibssh = false;
        Request request; // while opening
        bool open = false;
        ssh_channel_callbacks_struct callbacks {};
    };

    static constexpr qsizetype toLocalLimit = 1 << 20;
    static constexpr size_t chunk = 128 * 1024;

    void wake()
    {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
    }

    void drainWake()
    {
        uint64_t value = 0;
        [[maybe_unused]] const ssize_t n = ::read(m_wake, &value, sizeof value);
    }

    bool stopping() const { return m_stop.load(); }

    void run()
    {
        pthread_setname_np(pthread_self(), "vermilion-ssh");
        while (!stopping()) {
            std::deque<Request> requests;
            {
                std::lock_guard lock(m_mutex);
                requests.swap(m_requests);
            }
            if (!requests.empty() && !m_session) {
                QString error;
                bool fatal = false;
                if (!connectSession(&error, &fatal)) {
                    closeSession();
                    for (Request& request : requests)
                        request.done(-1, error, fatal);
                    continue;
                }
            }
            for (Request& request : requests)
                startOpen(std::move(request));
            if (!m_session) {
                pollfd pfd { m_wake, POLLIN, 0 };
                ::poll(&pfd, 1, -1);
                drainWake();
                continue;
            }
            pumpOnce();
        }
        teardown(tr("The SSH tunnel was closed."));
    }

    // The transport of a hop after the first: a channel of the hop before it.
    int transportFromPrevious(QString* error, bool* fatal)
    {
        struct Result {
            std::mutex mutex;
            std::condition_variable cv;
            bool done = false;
            bool abandoned = false;
            int fd = -1;
            QString error;
            bool fatal = false;
        };
        auto result = std::make_shared<Result>();
        m_previous->request(m_host.hostName, quint16(m_host.port), [result](int fd, const QString& message, bool isFatal) {
            std::lock_guard lock(result->mutex);
            if (result->abandoned) {
                if (fd >= 0)
                    ::close(fd);
                return;
            }
            result->done = true;
            result->fd = fd;
            result->error = message;
            result->fatal = isFatal;
            result->cv.notify_all();
        });
        std::unique_lock lock(result->mutex);
        const auto deadline = std::chrono::steady_clock::now()
            + std::chrono::milliseconds(m_shared->settings.connectTimeoutMs * (m_index + 1));
        while (!result->done && std::chrono::steady_clock::now() < deadline && !stopping())
            result->cv.wait_for(lock, std::chrono::milliseconds(100));
        if (!result->done) {
            result->abandoned = true;
            *error = tr("The jump host %1 did not open a way to %2 in time.")
                         .arg(m_previous->host().alias, knownHostsName(m_host));
            return -1;
        }
        if (result->fd < 0) {
            *error = result->error;
            *fatal = result->fatal;
        }
        return result->fd;
    }

    bool connectSession(QString* error, bool* fatal)
    {
        const TunnelSettings& settings = m_shared->settings;
        const QString where = m_host.user + QLatin1Char('@') + knownHostsName(m_host);
        int transport = -1;
        if (m_previous) {
            transport = transportFromPrevious(error, fatal);
            if (transport < 0)
                return false;
        }
        m_session = ssh_new();
        const QByteArray hostName = m_host.hostName.toUtf8();
        const QByteArray user = m_host.user.toUtf8();
        const QByteArray knownHosts = settings.knownHostsFile.toUtf8();
        unsigned int port = unsigned(m_host.port);
        long timeout = qMax(1, (settings.connectTimeoutMs + 999) / 1000);
        int processConfig = 0; // ~/.ssh/config was read by SshConfig, with the profile's overrides
        ssh_options_set(m_session, SSH_OPTIONS_HOST, hostName.constData());
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
        ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
        ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
        ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
        // Redis traffic is request and reply: a small last packet must not wait for an ACK.
        int noDelay = 1;
        ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &noDelay);
        if (!settings.agentSocket.isEmpty()) {
            const QByteArray agent = settings.agentSocket.toUtf8();
            ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT, agent.constData());
        }
        if (transport >= 0)
            ssh_options_set(m_session, SSH_OPTIONS_FD, &transport);
        if (ssh_connect(m_session) != SSH_OK) {
            *error = m_previous ? tr("Cannot reach the SSH server %1 through %2: %3")
                                      .arg(where, m_previous->host().alias, sessionError(m_session))
                                : tr("Cannot reach the SSH server %1: %2").arg(where, sessionError(m_session));
            return false;
        }
        if (!m_previous) {
            // A peer that vanished without a word is found out by TCP keepalive (OpenSSH's
            // ServerAliveInterval works the same way from the other side).
            const int fd = ssh_get_fd(m_session);
            const int on = 1;
            const int idle = qMax(5, settings.keepAliveSeconds);
            const int count = 3;
            setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
            setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
            setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &idle, sizeof idle);
            setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
        }
        if (!checkHostKey(error, fatal))
            return false;
        if (!authenticate(error, fatal))
            return false;
        ssh_set_blocking(m_session, 0);
        m_event = ssh_event_new();
        ssh_event_add_session(m_event, m_session);
        ssh_event_add_fd(m_event, m_wake, POLLIN, &Hop::onWake, this);
        m_counter = {};
        ssh_set_counters(m_session, &m_counter, nullptr);
        m_lastInBytes = 0;
        m_lastReceived = m_lastKeepAlive = std::chrono::steady_clock::now();
        m_missedKeepAlives = 0;
        return true;
    }

    bool checkHostKey(QString* error, bool* fatal)
    {
        const TunnelSettings& settings = m_shared->settings;
        *fatal = true;
        ssh_key serverKey = nullptr;
        if (ssh_get_server_publickey(m_session, &serverKey) != SSH_OK) {
            *error = tr("The SSH server %1 sent no host key.").arg(knownHostsName(m_host));
            return false;
        }
        HostKeyQuestion question;
        question.host = knownHostsName(m_host);
        question.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey)));
        question.fingerprint = keyFingerprint(serverKey);
        question.knownHostsFile = settings.knownHostsFile;
        ssh_key_free(serverKey);

        const ssh_known_hosts_e state = ssh_session_is_known_server(m_session);
        switch (state) {
        case SSH_KNOWN_HOSTS_OK:
            return true;
        case SSH_KNOWN_HOSTS_CHANGED:
        case SSH_KNOWN_HOSTS_OTHER: {
            question.knownFingerprint = knownFingerprints(settings.knownHostsFile, question.host);
            question.changed = true;
            *error = tr("The host key of %1 has CHANGED: it is now %2 %3, but %4 holds %5. Someone may be "
                        "intercepting the connection, or the server was reinstalled. Nothing was sent. If the "
                        "change is expected, remove the old line from %4 (ssh-keygen -R \"%1\" -f %4).")
                         .arg(question.host, question.keyType, question.fingerprint, question.knownHostsFile,
                             question.knownFingerprint.isEmpty() ? tr("a key of another type") : question.knownFingerprint);
            askUser(question); // to show it; the answer changes nothing
            return false;
        }
        case SSH_KNOWN_HOSTS_UNKNOWN:
        case SSH_KNOWN_HOSTS_NOT_FOUND: {
            const std::optional<bool> accepted = askUser(question);
            if (!accepted.has_value()) {
                *error = tr("The host key of %1 (%2 %3) is not in %4, and there was no one to ask. Open the "
                            "profile in Vermilion's window once to check the fingerprint and accept it.")
                             .arg(question.host, question.keyType, question.fingerprint, question.knownHostsFile);
                return false;
            }
            if (!*accepted) {
                *error = tr("The host key of %1 (%2) was not accepted, so the tunnel was not opened.")
                             .arg(question.host, question.fingerprint);
                return false;
            }
            QDir().mkpath(QFileInfo(settings.knownHostsFile).absolutePath());
            if (ssh_session_update_known_hosts(m_session) != SSH_OK) {
                *error = tr("The host key of %1 was accepted but could not be saved to %2: %3")
                             .arg(question.host, settings.knownHostsFile, sessionError(m_session));
                return false;
            }
            return true;
        }
        case SSH_KNOWN_HOSTS_ERROR:
        default:
            *error = tr("Cannot check the host key of %1 against %2: %3")
                         .arg(question.host, settings.knownHostsFile, sessionError(m_session));
            return false;
        }
    }

    // Waits for the user's answer; nullopt when no one can answer (no handler, or the tunnel goes).
    std::optional<bool> askUser(const HostKeyQuestion& question)
    {
        HostKeyHandler handler;
        {
            std::lock_guard lock(m_shared->handlerMutex);
            handler = m_shared->hostKeyHandler;
        }
        if (!handler) {
            std::lock_guard lock(registry().mutex);
            handler = registry().defaultHandler;
        }
        if (!handler)
            return std::nullopt;
        auto answer = std::make_shared<Answer>();
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return std::nullopt;
            m_answer = answer;
        }
        std::weak_ptr<Answer> weak = answer;
        handler(question, [weak](bool accept) {
            if (auto state = weak.lock()) {
                std::lock_guard lock(state->mutex);
                state->accepted = accept;
                state->cv.notify_all();
            }
        });
        if (question.changed)
            return false;
        std::unique_lock lock(answer->mutex);
        answer->cv.wait(lock, [&] { return answer->accepted.has_value() || stopping(); });
        return answer->accepted;
    }

    bool authenticate(QString* error, bool* fatal)
    {
        const TunnelSettings& settings = m_shared->settings;
        const bool lastHop = m_index == m_shared->settings.hops.size() - 1;
        const QString where = m_host.user + QLatin1Char('@') + knownHostsName(m_host);
        int rc = ssh_userauth_none(m_session, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return true;
        if (rc == SSH_AUTH_ERROR) {
            *error = tr("The SSH server %1 failed during login: %2").arg(where, sessionError(m_session));
            *fatal = false;
            return false;
        }
        const int methods = ssh_userauth_list(m_session, nullptr);
        QStringList tried;
        QStringList problems;
        if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
            const bool agentThere = !settings.agentSocket.isEmpty() || !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
            if (settings.useAgent && agentThere) {
                rc = ssh_userauth_agent(m_session, nullptr);
                if (rc == SSH_AUTH_SUCCESS)
                    return true;
                tried << tr("the keys of ssh-agent");
            }
            QStringList files;
            if (lastHop && !settings.explicitIdentityFile.isEmpty())
                files << settings.explicitIdentityFile;
            files << m_host.identityFiles;
            if (files.isEmpty()) {
                for (const char* name : { "id_ed25519", "id_ecdsa", "id_rsa" })
                    files << settings.home + QLatin1String("/.ssh/") + QLatin1String(name);
            }
            files.removeDuplicates();
            for (const QString& file : files) {
                if (!QFileInfo::exists(file)) {
                    if (file == settings.explicitIdentityFile)
                        problems << tr("the key file %1 does not exist").arg(file);
                    continue;
                }
                ssh_key key = nullptr;
                const QByteArray path = QFile::encodeName(file);
                const QByteArray passphrase = settings.passphrase.toUtf8();
                if (ssh_pki_import_privkey_file(path.constData(), passphrase.isEmpty() ? nullptr : passphrase.constData(),
                        nullptr, nullptr, &key)
                    != SSH_OK) {
                    problems << (passphrase.isEmpty()
                            ? tr("the key %1 could not be read: it needs a passphrase, or it is not a private key").arg(file)
                            : tr("the key %1 could not be read: the passphrase is wrong, or it is not a private key").arg(file));
                    continue;
                }
                rc = ssh_userauth_publickey(m_session, nullptr, key);
                ssh_key_free(key);
                if (rc == SSH_AUTH_SUCCESS)
                    return true;
                if (rc == SSH_AUTH_ERROR)
                    break;
                tried << tr("the key %1").arg(file);
            }
        }
        // The profile's password is for the server the profile names, never for a jump host.
        if (lastHop && !settings.password.isEmpty()) {
            const QByteArray password = settings.password.toUtf8();
            if (methods & SSH_AUTH_METHOD_PASSWORD) {
                rc = ssh_userauth_password(m_session, nullptr, password.constData());
                if (rc == SSH_AUTH_SUCCESS)
                    return true;
                tried << tr("the password");
            } else if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
                rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
                for (int round = 0; rc == SSH_AUTH_INFO && round < 8; ++round) {
                    const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
                    for (int i = 0; i < prompts; ++i)
                        ssh_userauth_kbdint_setanswer(m_session, unsigned(i), password.constData());
                    rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
                }
                if (rc == SSH_AUTH_SUCCESS)
                    return true;
                tried << tr("the password (keyboard-interactive)");
            }
        }
        *fatal = true;
        QString text = tr("The SSH server %1 refused the login").arg(where);
        text += tried.isEmpty() ? tr(": nothing it accepts was available") : tr(" (tried %1)").arg(tried.join(tr(", ")));
        text += tr(". It accepts: %1.").arg(methodNames(methods));
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + tr("Also: %1.").arg(problems.join(QStringLiteral("; ")));
        *error = text;
        return false;
    }

    static int onWake(socket_t, int, void* self)
    {
        static_cast<Hop*>(self)->drainWake();
        return 0;
    }

    static int onChannelData(ssh_session, ssh_channel, void* data, uint32_t length, int isStderr, void* userdata)
    {
        auto* channel = static_cast<Channel*>(userdata);
        if (isStderr)
            return int(length); // a direct-tcpip channel has none; nothing to hand over
        const qsizetype room = toLocalLimit - (channel->toLocal.size() - channel->toLocalOffset);
        const qsizetype take = qBound<qsizetype>(0, room, qsizetype(length));
        if (take > 0)
            channel->toLocal.append(static_cast<const char*>(data), take);
        if (take < qsizetype(length))
            channel->leftInLibssh = true;
        return int(take);
    }

    static void onChannelEof(ssh_session, ssh_channel, void* userdata)
    {
        static_cast<Channel*>(userdata)->remoteEof = true;
    }

    static int onChannelFd(socket_t, int revents, void* userdata)
    {
        static_cast<Channel*>(userdata)->revents |= short(revents);
        return 0;
    }

    void startOpen(Request request)
    {
        if (!m_session) {
            request.done(-1, tr("The SSH tunnel is not open."), false);
            return;
        }
        auto channel = std::make_unique<Channel>();
        channel->channel = ssh_channel_new(m_session);
        channel->request = std::move(request);
        // Data is handed over as libssh decrypts it, during the poll: no extra read per turn.
        ssh_callbacks_init(&channel->callbacks);
        channel->callbacks.userdata = channel.get();
        channel->callbacks.channel_data_function = &Hop::onChannelData;
        channel->callbacks.channel_eof_function = &Hop::onChannelEof;
        if (channel->channel)
            ssh_set_channel_callbacks(channel->channel, &channel->callbacks);
        m_channels.push_back(std::move(channel));
        continueOpen(*m_channels.back());
    }

    // False when the channel failed (its request was answered and it is to be removed).
    bool continueOpen(Channel& channel)
    {
        const QByteArray host = channel.request.host.toUtf8();
        // A path is a Unix socket on the server's side (OpenSSH's direct-streamlocal).
        const bool unixSocket = channel.request.host.startsWith(QLatin1Char('/'));
        const int rc = !channel.channel ? SSH_ERROR
            : unixSocket ? ssh_channel_open_forward_unix(channel.channel, host.constData(), "127.0.0.1", 0)
                         : ssh_channel_open_forward(channel.channel, host.constData(), channel.request.port, "127.0.0.1", 0);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK) {
            const QString target = unixSocket ? channel.request.host
                                              : QStringLiteral("%1:%2").arg(channel.request.host).arg(channel.request.port);
            channel.request.done(-1,
                tr("The SSH server %1 could not open a connection to %2: %3").arg(m_host.alias, target, sessionError(m_session)),
                false);
            channel.request.done = nullptr;
            return false;
        }
        int pair[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            channel.request.done(-1, tr("Cannot make a socket pair: %1").arg(QString::fromLocal8Bit(strerror(errno))), false);
            channel.request.done = nullptr;
            return false;
        }
        setNonBlocking(pair[0]);
        channel.fd = pair[0];
        channel.open = true;
        m_channelCount.fetch_add(1);
        OpenCallback done = std::move(channel.request.done);
        channel.request.done = nullptr;
        done(pair[1], QString(), false);
        return true;
    }

    qsizetype pending(const Channel& channel) const { return channel.toLocal.size() - channel.toLocalOffset; }

    void flushToLocal(Channel& channel, bool* failed)
    {
        while (pending(channel) > 0) {
            const ssize_t n = ::send(channel.fd, channel.toLocal.constData() + channel.toLocalOffset,
                size_t(pending(channel)), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                channel.toLocalOffset += n;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                break;
            *failed = true;
            return;
        }
        if (pending(channel) == 0) {
            channel.toLocal.clear();
            channel.toLocalOffset = 0;
        } else if (channel.toLocalOffset > toLocalLimit) {
            channel.toLocal.remove(0, channel.toLocalOffset);
            channel.toLocalOffset = 0;
        }
    }

    void pumpOnce()
    {
        using namespace std::chrono;
        // What each link's end is polled for: reading while the channel's window has room,
        // writing while bytes wait for the link.
        for (auto& channel : m_channels) {
            if (!channel->open)
                continue;
            short want = 0;
            if (ssh_channel_window_size(channel->channel) > 0)
                want |= POLLIN;
            if (pending(*channel) > 0)
                want |= POLLOUT;
            if (want != channel->registered) {
                if (channel->registered)
                    ssh_event_remove_fd(m_event, channel->fd);
                if (want)
                    ssh_event_add_fd(m_event, channel->fd, want, &Hop::onChannelFd, channel.get());
                channel->registered = want;
            }
        }
        const int keepAliveMs = qMax(1, m_shared->settings.keepAliveSeconds) * 1000;
        const auto sinceCheck = duration_cast<milliseconds>(steady_clock::now() - m_lastKeepAlive).count();
        const int timeout = int(qBound<qint64>(0, qint64(keepAliveMs) - qint64(sinceCheck), qint64(keepAliveMs)));
        ssh_event_dopoll(m_event, timeout);
        // libssh reads the socket 4 KiB per poll: while more keeps coming, take it before the
        // channels are served, so that a link gets its replies in one piece, not in 4 KiB turns.
        for (int round = 0; round < 64 && ssh_is_connected(m_session); ++round) {
            const uint64_t before = m_counter.in_bytes;
            ssh_event_dopoll(m_event, 0);
            if (m_counter.in_bytes == before)
                break;
        }
        if (!m_previous && m_counter.in_bytes != m_quickAckBytes) {
            // Acknowledge at once what came: the server's side waits for our ACK before it sends a
            // small packet (Nagle), and a delayed ACK would hold every reply up to 40 ms. Linux
            // turns quick ACKs off again by itself, so it is asked for after each read.
            m_quickAckBytes = m_counter.in_bytes;
            const int on = 1;
            setsockopt(ssh_get_fd(m_session), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
        }

        if (!ssh_is_connected(m_session) || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
            teardown(tr("The SSH connection to %1 was lost: %2").arg(m_host.alias, sessionError(m_session)));
            return;
        }
        // Keepalive as OpenSSH's ServerAliveInterval and ServerAliveCountMax 3: after an interval
        // in which nothing came from the server, a request it must answer; three such intervals
        // in a row and the server is taken for gone (a peer that vanished without a word, which
        // TCP would notice only much later).
        const auto now = steady_clock::now();
        if (m_counter.in_bytes != m_lastInBytes) {
            m_lastInBytes = m_counter.in_bytes;
            m_lastReceived = now;
            m_missedKeepAlives = 0;
        }
        if (duration_cast<milliseconds>(now - m_lastKeepAlive).count() >= keepAliveMs) {
            m_lastKeepAlive = now;
            if (duration_cast<milliseconds>(now - m_lastReceived).count() >= keepAliveMs) {
                if (++m_missedKeepAlives > maxMissedKeepAlives) {
                    teardown(tr("The SSH server %1 did not answer for %2 s (keepalive): the tunnel was closed.")
                                 .arg(m_host.alias)
                                 .arg(qint64(duration_cast<seconds>(now - m_lastReceived).count())));
                    return;
                }
                ssh_send_keepalive(m_session);
            }
        }

        static thread_local std::vector<char> buffer(chunk);
        for (size_t i = 0; i < m_channels.size();) {
            Channel& channel = *m_channels[i];
            bool close = false;
            if (!channel.open) {
                if (!continueOpen(channel)) {
                    removeChannel(i);
                    continue;
                }
                if (!channel.open) {
                    ++i;
                    continue;
                }
            }
            // From the link to the server, no more than the window takes.
            if (channel.revents & (POLLIN | POLLHUP | POLLERR)) {
                const uint32_t window = ssh_channel_window_size(channel.channel);
                if (window > 0) {
                    const ssize_t n = ::recv(channel.fd, buffer.data(), qMin<size_t>(window, chunk), MSG_DONTWAIT);
                    if (n > 0) {
                        if (ssh_channel_write(channel.channel, buffer.data(), uint32_t(n)) != int(n))
                            close = true;
                    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                        close = true; // the link closed its end
                    }
                }
            }
            channel.revents = 0;
            // From the server to the link, while the link keeps up. What stays in libssh's buffer
            // wakes no poll (and holds the server's window shut), so reading goes on for as long
            // as handing over makes room.
            for (bool again = channel.leftInLibssh; again && !close;) {
                bool limited = false;
                channel.leftInLibssh = false;
                // Until libssh's buffer is empty (an EOF already seen still has data before it).
                while (!close) {
                    if (pending(channel) >= toLocalLimit) {
                        limited = true;
                        break;
                    }
                    const int n = ssh_channel_read_nonblocking(channel.channel, buffer.data(), uint32_t(chunk), 0);
                    if (n > 0) {
                        channel.toLocal.append(buffer.data(), n);
                    } else if (n == 0) {
                        break;
                    } else if (n == SSH_EOF) {
                        channel.remoteEof = true;
                        break;
                    } else {
                        close = true;
                    }
                }
                if (!close)
                    flushToLocal(channel, &close);
                channel.leftInLibssh = limited;
                again = limited && pending(channel) < toLocalLimit;
            }
            if (!close)
                flushToLocal(channel, &close);
            if (!close && pending(channel) == 0 && !channel.leftInLibssh
                && (channel.remoteEof || ssh_channel_is_closed(channel.channel)))
                close = true;
            if (close) {
                removeChannel(i);
                continue;
            }
            ++i;
        }
    }

    void removeChannel(size_t index)
    {
        std::unique_ptr<Channel> channel = std::move(m_channels[index]);
        m_channels.erase(m_channels.begin() + qsizetype(index));
        if (channel->registered && m_event)
            ssh_event_remove_fd(m_event, channel->fd);
        if (channel->channel) {
            // libssh may keep a freed channel until the server's CLOSE comes: it must not call
            // back into this Channel, which goes now.
            ssh_remove_channel_callbacks(channel->channel, &channel->callbacks);
            if (channel->open && !ssh_channel_is_closed(channel->channel))
                ssh_channel_close(channel->channel);
            ssh_channel_free(channel->channel);
        }
        if (channel->fd >= 0) {
            ::close(channel->fd);
            m_channelCount.fetch_sub(1);
        }
    }

    // Every channel closed (their links see the connection go) and the session dropped; the next
    // request opens it again.
    void teardown(const QString& reason)
    {
        if (!m_channels.empty()) {
            std::lock_guard lock(m_shared->handlerMutex);
            m_shared->problem = reason;
            m_shared->problemTime = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now().time_since_epoch())
                                        .count();
        }
        while (!m_channels.empty()) {
            if (m_channels.back()->request.done) {
                m_channels.back()->request.done(-1, reason, false);
                m_channels.back()->request.done = nullptr;
            }
            removeChannel(m_channels.size() - 1);
        }
        closeSession();
    }

    void closeSession()
    {
        if (m_event) {
            ssh_event_remove_fd(m_event, m_wake);
            if (m_session)
                ssh_event_remove_session(m_event, m_session);
            ssh_event_free(m_event);
            m_event = nullptr;
        }
        if (m_session) {
            ssh_disconnect(m_session);
            ssh_free(m_session);
            m_session = nullptr;
        }
    }

    const std::shared_ptr<Shared> m_shared;
    int m_index;
    SshHost m_host;
    Hop* m_previous;
    int m_wake = -1;
    std::thread m_thread;

    std::mutex m_mutex; // guards m_requests and m_answer, and orders m_stop with them
    std::deque<Request> m_requests;
    std::atomic<bool> m_stop { false };
    std::weak_ptr<Answer> m_answer;

    // The thread's own.
    ssh_session m_session = nullptr;
    ssh_event m_event = nullptr;
    std::vector<std::unique_ptr<Channel>> m_channels;
    static constexpr int maxMissedKeepAlives = 3;
    ssh_counter_struct m_counter {}; // bytes the session's socket moved (libssh counts)
    uint64_t m_lastInBytes = 0;
    uint64_t m_quickAckBytes = 0;
    std::chrono::steady_clock::time_point m_lastReceived; // when bytes last came from the server
    std::chrono::steady_clock::time_point m_lastKeepAlive; // when the keepalive was last looked at
    int m_missedKeepAlives = 0;
    std::atomic<int> m_channelCount { 0 };
};

SshTunnel::SshTunnel(TunnelSettings settings)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->settings = std::move(settings);
    Hop* previous = nullptr;
    for (int i = 0; i < m_shared->settings.hops.size(); ++i) {
        m_hops.push_back(std::make_unique<Hop>(m_shared, i, m_shared->settings.hops.at(i), previous));
        previous = m_hops.back().get();
    }
}

SshTunnel::~SshTunnel()
{
    // The last link of a profile may go in any thread, the UI's included, while a hop is in a
    // blocking connect or login: the hops are told to stop here and joined by a thread of their
    // own, the last hop first (it rides on the ones before it).
    for (const auto& hop : m_hops)
        hop->requestStop();
    std::thread([hops = std::move(m_hops)]() mutable {
        while (!hops.empty())
            hops.pop_back();
    }).detach();
}

void SshTunnel::openChannel(const QString& host, quint16 port, OpenCallback done)
{
    if (m_hops.empty()) {
        done(-1, tr("The SSH tunnel has no host."), true);
        return;
    }
    m_hops.back()->request(host, port, std::move(done));
}

void SshTunnel::setHostKeyHandler(HostKeyHandler handler)
{
    std::lock_guard lock(m_shared->handlerMutex);
    m_shared->hostKeyHandler = std::move(handler);
}

QString SshTunnel::localUserName()
{
    // As OpenSSH: the account running the program, whatever $USER says.
    if (const passwd* entry = getpwuid(getuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("LOGNAME") : user;
}

std::shared_ptr<SshTunnel> SshTunnel::forProfile(const ConnectionProfile& profile, QString* error)
{
    const SshOptions& ssh = profile.ssh;
    // Secrets take part in the key only as a digest held in memory: a changed password makes a
    // new tunnel.
    QCryptographicHash key(QCryptographicHash::Sha256);
    for (const QString& part : { profile.id.toString(), ssh.host, QString::number(ssh.port), ssh.user, ssh.identityFile,
             QString::number(ssh.useAgent), ssh.agentSocket, ssh.password, ssh.passphrase, ssh.configFile,
             ssh.knownHostsFile, QString::number(ssh.keepAliveSeconds), QString::number(profile.connectTimeoutMs) }) {
        key.addData(part.toUtf8());
        key.addData(QByteArrayView("\0", 1));
    }
    const QByteArray id = key.result();
    Registry& tunnels = registry();
    std::lock_guard lock(tunnels.mutex);
    if (std::shared_ptr<SshTunnel> existing = tunnels.tunnels.value(id).lock())
        return existing;
    TunnelSettings settings;
    if (!resolve(ssh, qMax(1000, profile.connectTimeoutMs), &settings, error))
        return nullptr;
    auto tunnel = std::make_shared<SshTunnel>(std::move(settings));
    for (auto it = tunnels.tunnels.begin(); it != tunnels.tunnels.end();)
        it = it.value().expired() ? tunnels.tunnels.erase(it) : std::next(it);
    tunnels.tunnels.insert(id, tunnel);
    return tunnel;
}

void SshTunnel::setDefaultHostKeyHandler(HostKeyHandler handler)
{
    std::lock_guard lock(registry().mutex);
    registry().defaultHandler = std::move(handler);
}

QString SshTunnel::recentProblem() const
{
    std::lock_guard lock(m_shared->handlerMutex);
    const qint64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
                           .count();
    return m_shared->problemTime != 0 && now - m_shared->problemTime < 10000 ? m_shared->problem : QString();
}

QString SshTunnel::description() const
{
    if (m_shared->settings.hops.isEmpty())
        return QString();
    const SshHost& host = m_shared->settings.hops.last();
    return host.user + QLatin1Char('@') + knownHostsName(host);
}

int SshTunnel::openChannelCount() const
{
    int count = 0;
    for (const auto& hop : m_hops)
        count += hop->channelCount();
    return count;
}

bool SshTunnel::resolve(const SshOptions& request, int connectTimeoutMs, TunnelSettings* settings, QString* error)
{
    if (request.host.trimmed().isEmpty()) {
        *error = tr("The SSH tunnel names no host.");
        return false;
    }
    const QString home = QDir::homePath();
    const QString localUser = localUserName();
    const SshConfig config = SshConfig::load(request.configFile);
    SshHost target = config.resolve(request.host.trimmed(), localUser, home);
    if (request.port > 0)
        target.port = request.port;
    if (!request.user.isEmpty())
        target.user = request.user;
    if (target.user.isEmpty())
        target.user = localUser;
    QString chainError;
    QList<SshHost> hops = config.jumpChain(target, &chainError, localUser, home);
    if (!chainError.isEmpty()) {
        *error = chainError;
        return false;
    }
    for (SshHost& hop : hops) {
        if (hop.user.isEmpty())
            hop.user = localUser;
    }
    hops.append(target);

    TunnelSettings out;
    out.hops = hops;
    out.explicitIdentityFile = request.identityFile;
    if (out.explicitIdentityFile.startsWith(QLatin1String("~/")))
        out.explicitIdentityFile = home + out.explicitIdentityFile.mid(1);
    out.useAgent = request.useAgent;
    out.agentSocket = request.agentSocket;
    out.password = request.password;
    out.passphrase = request.passphrase;
    out.knownHostsFile = !request.knownHostsFile.isEmpty() ? request.knownHostsFile
        : !target.userKnownHostsFiles.isEmpty()            ? target.userKnownHostsFiles.first()
                                                           : home + QLatin1String("/.ssh/known_hosts");
    out.keepAliveSeconds = request.keepAliveSeconds > 0 ? request.keepAliveSeconds
        : target.serverAliveInterval > 0                ? target.serverAliveInterval
                                                        : 30;
    out.connectTimeoutMs = target.connectTimeout > 0 ? target.connectTimeout * 1000 : connectTimeoutMs;
    out.localUser = localUser;
    out.home = home;
    *settings = out;
    return true;
}

} // namespace vermilion::ssh
