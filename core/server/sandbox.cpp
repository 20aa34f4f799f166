#include "sandbox.h"

#include "carmine/demolocks.h"
#include "client/session.h"
#include "demoseeder.h"
#include "pubsub/demopublisher.h"
#include "redisserverprocess.h"

namespace vermilion {

Sandbox::Sandbox(QObject* parent)
    : QObject(parent)
    , m_server(std::make_unique<RedisServerProcess>())
{
    m_profile.id = QUuid::createUuid();
    m_profile.name = tr("Sandbox");
    m_profile.sandbox = true;
    m_seeder = std::make_unique<DemoSeeder>(nullptr);
    m_seeder->addDefaultDatasets();
    connect(m_server.get(), &RedisServerProcess::ready, this, &Sandbox::seed);
    connect(m_server.get(), &RedisServerProcess::failed, this,
        [this](const QString& message) { emit failed(tr("The sandbox server could not start: %1").arg(message)); });
}

Sandbox::~Sandbox()
{
    stop();
}

bool Sandbox::isRunning() const
{
    return m_server->isRunning();
}

void Sandbox::start()
{
    emit progress(tr("Starting a private redis-server..."), 0);
    m_server->start();
}

void Sandbox::stop()
{
    if (m_seeder)
        m_seeder->cancel();
    m_demoLocks.reset();
    m_demoPublisher.reset();
    m_seedSession.reset();
    m_server->stop();
}

void Sandbox::seed()
{
    m_profile.host = QStringLiteral("127.0.0.1");
    m_profile.port = m_server->port();
    m_profile.commandTimeoutMs = 30000;
    m_seedSession = std::make_unique<Session>(m_profile);
    m_seedSession->open();
    m_seeder->setSession(m_seedSession.get());
    connect(m_seeder.get(), &DemoSeeder::progress, this, [this](int done, int total, const QString& dataset) {
        emit progress(tr("Loading demo data: %1...").arg(dataset), total > 0 ? done * 100 / total : 100);
    });
    connect(m_seeder.get(), &DemoSeeder::failed, this, &Sandbox::failed);
    connect(m_seeder.get(), &DemoSeeder::finished, this, [this] {
        emit progress(tr("Sandbox ready on %1.").arg(m_profile.endpoint()), 100);
        m_seedSession->close();
        m_demoLocks = std::make_unique<DemoLocks>(m_profile);
        m_demoLocks->start();
        m_demoPublisher = std::make_unique<DemoPublisher>(m_profile);
        m_demoPublisher->start();
        emit ready(m_profile);
    });
    m_seeder->start();
}

} // namespace vermilion
