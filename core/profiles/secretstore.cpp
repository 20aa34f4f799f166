#include "secretstore.h"

#include <qt6keychain/keychain.h>

namespace vermilion {

namespace {
const QString serviceName = QStringLiteral(VERMILION_APP_ID);

bool isServiceMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}
} // namespace

SecretStore::SecretStore(Backend backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
{
    if (backend == Backend::MemoryOnly)
        m_keychainProblem = tr("The system keychain is not used in this session.");
}

QString SecretStore::keyFor(const QUuid& profile, Secret secret)
{
    const QString key = QStringLiteral("connection/") + profile.toString(QUuid::WithoutBraces);
    switch (secret) {
    case Secret::SentinelPassword:
        return key + QStringLiteral("/sentinel");
    case Secret::SshPassword:
        return key + QStringLiteral("/ssh-password");
    case Secret::SshPassphrase:
        return key + QStringLiteral("/ssh-passphrase");
    case Secret::Password:
        break;
    }
    return key;
}

void SecretStore::writePassword(const QUuid& profile, const QString& password, WriteCallback done, Secret secret)
{
    m_memory.insert(keyFor(profile, secret), password);
    if (!keychainUsable()) {
        done(false,
            tr("No system keychain answered (%1). The password is kept for this run only and will be "
               "asked again next time.")
                .arg(m_keychainProblem));
        return;
    }
    if (password.isEmpty()) {
        removeSecret(profile, secret);
        done(true, QString());
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(serviceName, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never fall back to plain text on disk
    job->setKey(keyFor(profile, secret));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() == QKeychain::NoError) {
            done(true, QString());
            return;
        }
        if (isServiceMissing(finished->error())) {
            m_keychainUsable = false;
            m_keychainProblem = finished->errorString();
        }
        done(false,
            tr("The system keychain refused the password (%1). It is kept for this run only.")
                .arg(finished->errorString()));
    });
    job->start();
}

void SecretStore::readPassword(const QUuid& profile, ReadCallback done, Secret secret)
{
    const QString key = keyFor(profile, secret);
    const auto cached = m_memory.constFind(key);
    if (cached != m_memory.constEnd() || !keychainUsable()) {
        done(cached != m_memory.constEnd() ? *cached : QString(), cached != m_memory.constEnd());
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done = std::move(done)](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError) {
            m_memory.insert(key, read->textData());
            done(read->textData(), true);
            return;
        }
        if (isServiceMissing(read->error())) {
            m_keychainUsable = false;
            m_keychainProblem = read->errorString();
        }
        done(QString(), false);
    });
    job->start();
}

void SecretStore::probe(std::function<void(bool usable)> done)
{
    if (!keychainUsable()) {
        done(false);
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("probe"));
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job* finished) {
        const QKeychain::Error error = finished->error();
        if (error != QKeychain::NoError && error != QKeychain::EntryNotFound && isServiceMissing(error)) {
            m_keychainUsable = false;
            m_keychainProblem = finished->errorString();
        }
        done(keychainUsable());
    });
    job->start();
}

void SecretStore::removePassword(const QUuid& profile)
{
    removeSecret(profile, Secret::Password);
    removeSecret(profile, Secret::SentinelPassword);
    removeSecret(profile, Secret::SshPassword);
    removeSecret(profile, Secret::SshPassphrase);
}

void SecretStore::removeSecret(const QUuid& profile, Secret secret)
{
    const QString key = keyFor(profile, secret);
    m_memory.remove(key);
    if (!keychainUsable())
        return;
    auto* job = new QKeychain::DeletePasswordJob(serviceName, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace vermilion
