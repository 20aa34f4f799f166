// libFuzzer target: ~/.ssh/config text and ProxyJump values, which come from the user's files and
// are read before any connection. Nothing may crash, and a jump chain never runs past its limit.
#include "ssh/sshconfig.h"

#include <cstdint>
#include <cstdlib>

using namespace vermilion::ssh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    // Includes read the input again: the depth limit must hold.
    const SshConfig config = SshConfig::parse(bytes, QStringLiteral("config"), QStringLiteral("/home/f/.ssh"),
        [bytes](const QString& pattern) { return QList<SshConfig::File> { { pattern, bytes } }; });
    for (const QString& host : { QStringLiteral("a"), QStringLiteral("h0"), QStringLiteral("web-1.example.com") }) {
        const SshHost resolved = config.resolve(host, QStringLiteral("me"), QStringLiteral("/home/f"));
        if (resolved.port < 1 || resolved.port > 65535)
            std::abort();
        QString error;
        const QList<SshHost> chain = config.jumpChain(resolved, &error);
        if (chain.size() > SshConfig::maxHops)
            std::abort();
    }
    QString error;
    const auto hops = SshConfig::parseJumps(QString::fromUtf8(bytes), &error);
    if (!hops && error.isEmpty())
        std::abort();
    if (hops) {
        for (const JumpSpec& hop : *hops) {
            if (hop.host.isEmpty() || hop.port < 0 || hop.port > 65535)
                std::abort();
        }
    }
    SshConfig::matchesPatternList(QString::fromUtf8(bytes.left(64)), { QString::fromUtf8(bytes.mid(64)) });
    return 0;
}
