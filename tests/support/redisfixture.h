#pragma once

#include "client/connection.h"
#include "server/redisserverprocess.h"

#include <QFile>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace vermilion::test {

// Certificates made for one test run with the openssl command: a CA, a server certificate for
// 127.0.0.1 / localhost signed by it, and a client certificate.
struct TlsMaterial {
    QString directory;
    QString caCertificate;
    QString serverCertificate;
    QString serverKey;
    bool valid = false;
    QString error;
};
TlsMaterial generateTlsMaterial(const QString& directory);

// A file's whole content written (true when every byte went), or read (empty when unreadable).
inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every byte value once, 0x00 to 0xff: the binary-safety sample of the suites.
inline QByteArray allBytes()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes.append(char(b));
    return bytes;
}

// redis-server arguments that add an ACL user with every right and the given password.
inline QStringList fullAccessUser(const QString& user, const QString& password)
{
    return { QStringLiteral("--user"), user, QStringLiteral("on"), QLatin1Char('>') + password, QStringLiteral("~*"),
             QStringLiteral("&*"), QStringLiteral("+@all") };
}

// Starts a private redis-server on a free loopback port; returns null (with *error) on failure.
std::unique_ptr<RedisServerProcess> startServer(
    const RedisServerProcess::Options& options = {}, QString* error = nullptr);

ConnectionProfile profileFor(const RedisServerProcess& server);

// Waits, running the event loop, for a future (no fixed sleep: returns as soon as it is done).
template<typename T> T await(QFuture<T> future, int timeoutMs = 10000);
Reply awaitReply(QFuture<Reply> future, int timeoutMs = 10000);
QList<Reply> awaitBatch(QFuture<QList<Reply>> future, int timeoutMs = 30000);

// Runs the event loop for a while: fixtures poll with it between tries instead of sleeping blind.
void runEventLoop(int milliseconds);

// Runs the event loop until the connection is in the given state or the time is up.
bool waitForState(const Connection& connection, Connection::State state, int timeoutMs = 10000);

} // namespace vermilion::test
